"""Traceability: why each initiative, and which voices the plan has not answered yet.

Rules kept here:
- Every proposal and concern of an active (not archived) stakeholder is
  either addressed by an initiative or listed as not yet addressed.
- Dropped initiatives address nothing: their links are ignored.
- An initiative addresses nothing when no goal, proposal or concern is
  linked to it; it is flagged.
- An initiative's stakeholders are the active people whose goals, proposals
  or concerns it answers: champions and supporters are its supporters,
  sceptics and blockers its blockers, neutral people are listed apart.
- Confidential insights are marked; so is a person tied to an initiative
  only through confidential insights. `without_confidential()` gives the
  view safe for a document others will read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cio_desk.services.base import Manager
from cio_desk.store.enums import InitiativeStatus, InsightKind, Stance
from cio_desk.store.models import Initiative, Insight, Stakeholder, initiative_insight

TRACED_KINDS = (InsightKind.PROPOSAL, InsightKind.CONCERN)
SUPPORTING = (Stance.CHAMPION, Stance.SUPPORTER)
OPPOSING = (Stance.SCEPTIC, Stance.BLOCKER)


@dataclass(frozen=True)
class TracedInsight:
    """A stakeholder's proposal or concern and the initiatives that address it."""

    id: int
    kind: InsightKind
    text: str
    confidential: bool
    stakeholder_id: int
    stakeholder_name: str
    stance: Stance
    initiative_ids: tuple[int, ...]

    @property
    def addressed(self) -> bool:
        return bool(self.initiative_ids)


@dataclass(frozen=True)
class LinkedStakeholder:
    """A person an initiative answers; `confidential_only` if known only from private notes."""

    id: int
    name: str
    stance: Stance
    confidential_only: bool


@dataclass(frozen=True)
class InitiativeTrace:
    """One initiative: what it addresses and who stands for or against it."""

    id: int
    title: str
    horizon: int
    insight_ids: tuple[int, ...]
    confidential_insight_ids: tuple[int, ...]  # those of `insight_ids` that are confidential
    supporters: tuple[LinkedStakeholder, ...]
    blockers: tuple[LinkedStakeholder, ...]
    neutral: tuple[LinkedStakeholder, ...]

    @property
    def addresses_nothing(self) -> bool:
        return not self.insight_ids


@dataclass(frozen=True)
class KindCoverage:
    """How many insights of one kind are addressed by an initiative."""

    kind: InsightKind
    addressed: int
    total: int

    @property
    def fraction(self) -> float:
        return self.addressed / self.total if self.total else 0.0


@dataclass(frozen=True)
class Traceability:
    """The whole picture, computed in one call."""

    insights: list[TracedInsight]  # by stakeholder name, concerns before proposals
    initiatives: list[InitiativeTrace]  # by horizon and rank

    @property
    def unaddressed(self) -> list[TracedInsight]:
        return [i for i in self.insights if not i.addressed]

    @property
    def addressing_nothing(self) -> list[InitiativeTrace]:
        return [i for i in self.initiatives if i.addresses_nothing]

    def coverage(self, kind: InsightKind) -> KindCoverage:
        of_kind = [i for i in self.insights if i.kind == kind]
        return KindCoverage(kind, sum(i.addressed for i in of_kind), len(of_kind))

    @property
    def addressed_fraction(self) -> float:
        """Share of all proposals and concerns addressed (0.0 when there are none)."""
        total = len(self.insights)
        return sum(i.addressed for i in self.insights) / total if total else 0.0

    def without_confidential(self) -> Traceability:
        """The same picture without confidential insights or people known only from them."""

        def strip(people: tuple[LinkedStakeholder, ...]) -> tuple[LinkedStakeholder, ...]:
            return tuple(p for p in people if not p.confidential_only)

        initiatives = [
            dataclasses.replace(
                trace,
                insight_ids=tuple(
                    i for i in trace.insight_ids if i not in trace.confidential_insight_ids
                ),
                confidential_insight_ids=(),
                supporters=strip(trace.supporters),
                blockers=strip(trace.blockers),
                neutral=strip(trace.neutral),
            )
            for trace in self.initiatives
        ]
        return Traceability([i for i in self.insights if not i.confidential], initiatives)


class TraceabilityService(Manager):
    """`ws.traceability`: concern -> initiative, initiative -> people."""

    def report(self) -> Traceability:
        """Every traced insight and every initiative, in one call."""
        with self._read() as session:
            people = _people(session)
            links = _active_links(session)
            insights = _traced_insights(session, people, links)
            initiatives = _initiative_traces(session, people, links)
        return Traceability(insights, initiatives)

    def initiatives(self) -> list[InitiativeTrace]:
        """`report().initiatives` alone, for screens that list initiatives: quicker."""
        with self._read() as session:
            return _initiative_traces(session, _people(session), _active_links(session))

    def unaddressed_concerns(self) -> list[TracedInsight]:
        """The concerns of active people no initiative answers yet, in `report()` order.

        One query, for Today: the same list as the report's unaddressed
        concerns without computing the rest of the report.
        """
        addressed = (
            select(_link.insight_id)
            .join(Initiative.__table__, _initiative.id == _link.initiative_id)
            .where(_initiative.status != InitiativeStatus.DROPPED)
        )
        query = (
            select(
                _insight.id,
                _insight.text,
                _insight.confidential,
                _insight.stakeholder_id,
                _person.name,
                _person.stance,
            )
            .join(Stakeholder.__table__, _person.id == _insight.stakeholder_id)
            .where(
                _insight.kind == InsightKind.CONCERN,
                ~_person.archived,
                _insight.id.not_in(addressed),
            )
            .order_by(_person.name, _person.id, _insight.id)
        )
        with self._read() as session:
            return [
                TracedInsight(
                    insight_id,
                    InsightKind.CONCERN,
                    text,
                    confidential,
                    person_id,
                    name,
                    Stance(stance),
                    (),
                )
                for insight_id, text, confidential, person_id, name, stance in session.execute(
                    query
                )
            ]

    def why(self, initiative_id: int) -> list[TracedInsight]:
        """The goals, proposals and concerns an initiative answers ("why this initiative?")."""
        query = (
            select(Insight, Stakeholder.name, Stakeholder.stance)
            .join(initiative_insight, initiative_insight.c.insight_id == Insight.id)
            .join(Stakeholder, Stakeholder.id == Insight.stakeholder_id)
            .where(initiative_insight.c.initiative_id == initiative_id)
            .order_by(Stakeholder.name, Insight.kind, Insight.id)
        )
        with self._read() as session:
            return [
                TracedInsight(
                    row.id,
                    row.kind,
                    row.text,
                    row.confidential,
                    row.stakeholder_id,
                    name,
                    stance,
                    (initiative_id,),
                )
                for row, name, stance in session.execute(query)
            ]

    def choices(self, kinds: Collection[InsightKind] | None = None) -> list[TracedInsight]:
        """Insights to pick from (an initiative addresses, an assessment item cites).

        Every insight of `kinds` (None: all kinds), archived people's too so a
        link already made stays visible, by person then kind then recording
        order; `initiative_ids` are the initiatives (not dropped) addressing each.
        """
        query = (
            select(
                _insight.id,
                _insight.kind,
                _insight.text,
                _insight.confidential,
                _insight.stakeholder_id,
                _person.name,
                _person.stance,
            )
            .join(Stakeholder.__table__, _person.id == _insight.stakeholder_id)
            .order_by(_person.name, _person.id, _insight.kind, _insight.id)
        )
        if kinds is not None:
            query = query.where(_insight.kind.in_(list(kinds)))
        with self._read() as session:
            by_insight: dict[int, list[int]] = {}
            for initiative_id, insight_id, _confidential, _person_id in _active_links(session):
                by_insight.setdefault(insight_id, []).append(initiative_id)
            return [
                TracedInsight(
                    insight_id,
                    InsightKind(kind),
                    text,
                    confidential,
                    person_id,
                    name,
                    Stance(stance),
                    tuple(by_insight.get(insight_id, ())),
                )
                for insight_id, kind, text, confidential, person_id, name, stance in (
                    session.execute(query).all()
                )
            ]


# Plain table columns: these queries return thousands of rows, and ORM rows cost more.
_person = Stakeholder.__table__.c
_insight = Insight.__table__.c
_initiative = Initiative.__table__.c
_link = initiative_insight.c


def _people(session: Session) -> dict[int, tuple[str, Stance, bool]]:
    """Every stakeholder's (name, stance, archived), by id."""
    query = select(_person.id, _person.name, _person.stance, _person.archived)
    return {pid: (name, stance, gone) for pid, name, stance, gone in session.execute(query)}


def _active_links(session: Session) -> list[Any]:
    """(initiative_id, insight_id, confidential, stakeholder_id) for initiatives not dropped."""
    query = (
        select(
            _link.initiative_id, _link.insight_id, _insight.confidential, _insight.stakeholder_id
        )
        .join(Initiative.__table__, _initiative.id == _link.initiative_id)
        .join(Insight.__table__, _insight.id == _link.insight_id)
        .where(_initiative.status != InitiativeStatus.DROPPED)
        .order_by(_link.initiative_id, _link.insight_id)
    )
    return session.execute(query).all()


def _traced_insights(
    session: Session, people: dict[int, Any], links: list[Any]
) -> list[TracedInsight]:
    by_insight: dict[int, list[int]] = {}
    for initiative_id, insight_id, _confidential, _person_id in links:
        by_insight.setdefault(insight_id, []).append(initiative_id)
    query = select(
        _insight.id, _insight.kind, _insight.text, _insight.confidential, _insight.stakeholder_id
    ).where(_insight.kind.in_(TRACED_KINDS))
    insights = []
    for insight_id, kind, text, confidential, person_id in session.execute(query).all():
        name, stance, archived = people[person_id]
        if not archived:
            addressed_by = tuple(by_insight.get(insight_id, ()))
            insights.append(
                TracedInsight(
                    insight_id, kind, text, confidential, person_id, name, stance, addressed_by
                )
            )
    # By person, concerns before proposals, then in the order they were recorded.
    kind_order = {InsightKind.CONCERN: 0, InsightKind.PROPOSAL: 1}
    insights.sort(key=lambda i: (i.stakeholder_name, i.stakeholder_id, kind_order[i.kind], i.id))
    return insights


def _initiative_traces(
    session: Session, people: dict[int, tuple], links: list[Any]
) -> list[InitiativeTrace]:
    insight_ids: dict[int, list[int]] = {}
    confidential_ids: dict[int, list[int]] = {}
    # per initiative: person id -> known only through confidential insights so far
    linked_people: dict[int, dict[int, bool]] = {}
    for initiative_id, insight_id, confidential, person_id in links:
        insight_ids.setdefault(initiative_id, []).append(insight_id)
        if confidential:
            confidential_ids.setdefault(initiative_id, []).append(insight_id)
        if not people[person_id][2]:  # archived people no longer count
            known = linked_people.setdefault(initiative_id, {})
            known[person_id] = known.get(person_id, True) and confidential
    query = (
        select(_initiative.id, _initiative.title, _initiative.horizon)
        .where(_initiative.status != InitiativeStatus.DROPPED)
        .order_by(_initiative.horizon, _initiative.rank, _initiative.id)
    )
    traces = []
    for initiative_id, title, horizon in session.execute(query).all():
        linked = sorted(
            (
                LinkedStakeholder(pid, people[pid][0], people[pid][1], only)
                for pid, only in linked_people.get(initiative_id, {}).items()
            ),
            key=lambda p: (p.name, p.id),
        )
        traces.append(
            InitiativeTrace(
                initiative_id,
                title,
                horizon,
                tuple(insight_ids.get(initiative_id, ())),
                tuple(confidential_ids.get(initiative_id, ())),
                supporters=tuple(p for p in linked if p.stance in SUPPORTING),
                blockers=tuple(p for p in linked if p.stance in OPPOSING),
                neutral=tuple(p for p in linked if p.stance == Stance.NEUTRAL),
            )
        )
    return traces
