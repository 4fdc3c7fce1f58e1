"""`PlanContent`: everything a document shows, read once through the services
and filtered by the audience.

Section builders read only from here, never from the workspace, so two
things hold by construction: the figures are the services' figures (the
screen and the document agree), and whatever the audience may not see is
already gone (see `audience.py`). Each reader is cached: one export reads
each area once, whatever the number of sections that use it.

Plan areas whose manager is not part of the workspace yet (goals,
principles, assessment, measures, contingencies, next steps, risks, budget,
traceability) are read from the schema by the functions marked "seam" below;
each is to be replaced by its manager's call, keeping the returned records.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cio_desk.export.audience import Audience
from cio_desk.services.budget import Budget, InitiativeBudget
from cio_desk.services.followups import FollowUpRecord
from cio_desk.services.initiatives import InitiativeManager, InitiativeRecord
from cio_desk.services.insights import InsightManager, InsightRecord
from cio_desk.services.jargon import JargonRecord
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.onboarding import Coverage, MeetingCounts
from cio_desk.services.profile import ProfileData
from cio_desk.services.review import ReviewRecord
from cio_desk.services.stakeholders import StakeholderRecord
from cio_desk.services.versions import PlanDiff, VersionRecord
from cio_desk.store.enums import (
    AssessmentKind,
    InsightKind,
    MeetingStatus,
    RiskCategory,
    RiskStatus,
    SituationType,
)
from cio_desk.store.models import (
    AssessmentItem,
    Contingency,
    Goal,
    Measure,
    NextStep,
    Principle,
    Risk,
    UnitSituation,
)
from cio_desk.workspace import Workspace

# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class GoalItem:
    id: int
    title: str
    description: str


@dataclass(frozen=True)
class AssessmentLine:
    kind: AssessmentKind
    text: str
    unit: str


@dataclass(frozen=True)
class UnitSituationItem:
    unit: str
    situation: SituationType
    note: str


@dataclass(frozen=True)
class MeasureItem:
    id: int
    name: str
    unit: str
    baseline: float | None
    target: float | None
    horizon: int | None
    initiative_id: int | None


@dataclass(frozen=True)
class ContingencyItem:
    trigger: str
    response: str
    owner: str
    horizon: int | None


@dataclass(frozen=True)
class NextStepItem:
    horizon: int
    text: str
    owner: str
    due_date: dt.date | None
    done: bool


@dataclass(frozen=True)
class RiskItem:
    id: int
    title: str
    category: RiskCategory
    likelihood: int
    impact: int
    residual_likelihood: int
    residual_impact: int
    owner: str
    mitigation: str
    contingency: str
    horizon: int | None
    status: RiskStatus

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact


@dataclass(frozen=True)
class TracedInsight:
    """A concern or proposal and the initiatives that address it."""

    insight: InsightRecord
    person: str  # "" where names are not attached
    initiatives: tuple[str, ...]


@dataclass(frozen=True)
class LogEntry:
    """A held meeting of the first 30 days, with what was learnt and promised."""

    meeting: MeetingRecord
    people: tuple[str, ...]
    notes: str
    insights: tuple[InsightRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]


# ---------------------------------------------------------------- content


class PlanContent:
    """The content of one export, for one audience, as of `now`."""

    def __init__(self, ws: Workspace, audience: Audience, now: dt.datetime) -> None:
        self._ws = ws
        self.audience = audience
        self.now = now

    @property
    def today(self) -> dt.date:
        return self.now.date()

    # ------------------------------------------------------------ who and when

    @functools.cached_property
    def profile(self) -> ProfileData | None:
        return self._ws.profile.get()

    @property
    def currency(self) -> str:
        return self.profile.currency if self.profile else "CNY"

    @functools.cached_property
    def versions(self) -> list[VersionRecord]:
        return self._ws.versions.list()

    @property
    def previous_version(self) -> VersionRecord | None:
        return self.versions[-1] if self.versions else None

    # ------------------------------------------------------------ the plan

    @functools.cached_property
    def goals(self) -> list[GoalItem]:
        return self._seam(_read_goals)

    @functools.cached_property
    def principles(self) -> list[str]:
        return self._seam(_read_principles)

    @functools.cached_property
    def assessment(self) -> list[AssessmentLine]:
        return self._seam(_read_assessment)

    @functools.cached_property
    def situations(self) -> list[UnitSituationItem]:
        return self._seam(_read_situations)

    @functools.cached_property
    def initiatives(self) -> list[InitiativeRecord]:
        """Every initiative but the dropped ones, by horizon then rank."""
        return InitiativeManager(self._ws.sessions).list(include_dropped=False)

    @functools.cached_property
    def milestones(self) -> dict[int, tuple[int, ...]]:
        return self._seam(_read_milestones)

    @functools.cached_property
    def measures(self) -> list[MeasureItem]:
        return self._seam(_read_measures)

    @functools.cached_property
    def contingencies(self) -> list[ContingencyItem]:
        return self._seam(_read_contingencies)

    @functools.cached_property
    def next_steps(self) -> list[NextStepItem]:
        return self._seam(_read_next_steps)

    @functools.cached_property
    def risks(self) -> list[RiskItem]:
        """Open and monitored risks first, by score (highest first)."""
        return self._seam(_read_risks)

    @functools.cached_property
    def budget(self) -> Budget:
        """The budget service's figures, exactly as the Budget page shows them."""
        return self._ws.budget.summary()

    @functools.cached_property
    def initiative_costs(self) -> dict[int, InitiativeBudget]:
        return {item.id: item for item in self.budget.initiatives}

    def initiative_cost(self, initiative_id: int) -> int:
        item = self.initiative_costs.get(initiative_id)
        return item.cost.total if item else 0

    def horizon_cost(self, horizon: int) -> int:
        totals = self.budget.by_horizon.get(horizon)
        return totals.total if totals else 0

    def horizon_measures(self, horizon: int) -> list[MeasureItem]:
        """Measures set for the horizon or for one of its initiatives."""
        ids = {i.id for i in self.initiatives if i.horizon == horizon}
        return [
            m
            for m in self.measures
            if m.horizon == horizon or (m.horizon is None and m.initiative_id in ids)
        ]

    def horizon_initiatives(self, horizon: int) -> list[InitiativeRecord]:
        return [i for i in self.initiatives if i.horizon == horizon]

    # ------------------------------------------------------------ people

    @functools.cached_property
    def stakeholders(self) -> list[StakeholderRecord]:
        """Active stakeholders, notes removed unless the audience may read them."""
        return [
            _with_notes(person, self.audience.stakeholder_notes(person))
            for person in self._ws.stakeholders.list()
        ]

    @functools.cached_property
    def coverage(self) -> Coverage:
        return self._ws.onboarding.coverage()

    @functools.cached_property
    def meeting_counts(self) -> MeetingCounts | None:
        day = self._ws.onboarding.day(self.today)
        return self._ws.onboarding.meeting_counts(day) if day else None

    @functools.cached_property
    def insights(self) -> list[InsightRecord]:
        """The insights this audience may read."""
        return self.audience.insights(InsightManager(self._ws.sessions).list())

    @functools.cached_property
    def traced(self) -> list[TracedInsight]:
        """Concerns and proposals with the initiatives that address them."""
        addressed: dict[int, list[str]] = defaultdict(list)
        for initiative in self.initiatives:
            for insight_id in initiative.insight_ids:
                addressed[insight_id].append(initiative.title)
        return [
            TracedInsight(
                insight=insight,
                person=self.audience.name(insight.stakeholder_name),
                initiatives=tuple(addressed.get(insight.id, ())),
            )
            for insight in self.insights
            if insight.kind in (InsightKind.CONCERN, InsightKind.PROPOSAL)
        ]

    @functools.cached_property
    def log(self) -> list[LogEntry]:
        """Held meetings of the first month (to the plan due day), oldest first."""
        if not self.audience.names or self.profile is None:
            return []
        start = dt.datetime.combine(self.profile.start_date, dt.time.min)
        end = start + dt.timedelta(days=self.profile.plan_due_day)
        meetings = self._ws.meetings.list(start=start, end=end, status=MeetingStatus.HELD)
        by_meeting: dict[int, list[InsightRecord]] = defaultdict(list)
        for insight in self.insights:
            if insight.meeting_id is not None:
                by_meeting[insight.meeting_id].append(insight)
        follow_ups: dict[int, list[FollowUpRecord]] = defaultdict(list)
        for item in self._ws.followups.list():
            if item.meeting_id is not None:
                follow_ups[item.meeting_id].append(item)
        return [
            LogEntry(
                meeting=meeting,
                people=meeting.attendee_names,
                notes=self.audience.meeting_notes(meeting),
                insights=tuple(by_meeting.get(meeting.id, ())),
                follow_ups=tuple(follow_ups.get(meeting.id, ())),
            )
            for meeting in meetings
        ]

    # ------------------------------------------------------------ review

    @functools.cached_property
    def changes(self) -> PlanDiff | None:
        """What changed since the previous version (None: this is the first)."""
        previous = self.previous_version
        return self._ws.versions.compare(previous.number) if previous else None

    @functools.cached_property
    def feedback_addressed(self) -> list[ReviewRecord]:
        """Reviewer feedback addressed since the previous version."""
        if not self.audience.reviewer_feedback:
            return []
        previous = self.previous_version
        return self._ws.review.addressed_since(previous.number if previous else None)

    @functools.cached_property
    def jargon_terms(self) -> list[JargonRecord]:
        return self._ws.jargon.list()

    # ------------------------------------------------------------ helpers

    def _seam(self, read):  # type: ignore[no-untyped-def]
        with self._ws.sessions() as session:
            return read(session)


def _with_notes(person: StakeholderRecord, notes: str) -> StakeholderRecord:
    if person.notes == notes:
        return person
    from dataclasses import replace

    return replace(person, notes=notes)


# ---------------------------------------------------------------- seams


def _read_goals(session: Session) -> list[GoalItem]:  # seam: the goals manager
    rows = session.scalars(select(Goal).order_by(Goal.position, Goal.id))
    return [GoalItem(r.id, r.title, r.description) for r in rows]


def _read_principles(session: Session) -> list[str]:  # seam: the principles manager
    return list(session.scalars(select(Principle.text).order_by(Principle.position, Principle.id)))


def _read_assessment(session: Session) -> list[AssessmentLine]:  # seam: the assessment manager
    rows = session.scalars(
        select(AssessmentItem).order_by(AssessmentItem.position, AssessmentItem.id)
    )
    return [AssessmentLine(AssessmentKind(r.kind), r.text, r.unit) for r in rows]


def _read_situations(session: Session) -> list[UnitSituationItem]:  # seam: situations manager
    rows = session.scalars(select(UnitSituation).order_by(UnitSituation.unit))
    return [UnitSituationItem(r.unit, SituationType(r.situation), r.note) for r in rows]


def _read_milestones(session: Session) -> dict[int, tuple[int, ...]]:  # seam: milestones
    from cio_desk.store.models import Milestone

    found: dict[int, list[int]] = defaultdict(list)
    for initiative_id, month in session.execute(
        select(Milestone.initiative_id, Milestone.month).order_by(Milestone.month)
    ):
        found[initiative_id].append(month)
    return {key: tuple(months) for key, months in found.items()}


def _read_measures(session: Session) -> list[MeasureItem]:  # seam: the measures manager
    rows = session.scalars(select(Measure).order_by(Measure.horizon, Measure.id))
    return [
        MeasureItem(r.id, r.name, r.unit, r.baseline, r.target, r.horizon, r.initiative_id)
        for r in rows
    ]


def _read_contingencies(session: Session) -> list[ContingencyItem]:  # seam: contingencies
    rows = session.scalars(select(Contingency).order_by(Contingency.horizon, Contingency.id))
    return [ContingencyItem(r.trigger, r.response, r.owner, r.horizon) for r in rows]


def _read_next_steps(session: Session) -> list[NextStepItem]:  # seam: the next-steps manager
    rows = session.scalars(
        select(NextStep).order_by(NextStep.horizon, NextStep.due_date, NextStep.id)
    )
    return [NextStepItem(r.horizon, r.text, r.owner, r.due_date, r.done) for r in rows]


def _read_risks(session: Session) -> list[RiskItem]:  # seam: the risks manager
    items = [
        RiskItem(
            r.id,
            r.title,
            RiskCategory(r.category),
            r.likelihood,
            r.impact,
            r.residual_likelihood,
            r.residual_impact,
            r.owner,
            r.mitigation,
            r.contingency,
            r.horizon,
            RiskStatus(r.status),
        )
        for r in session.scalars(select(Risk))
    ]
    closed = {RiskStatus.CLOSED}
    return sorted(items, key=lambda r: (r.status in closed, -r.score, -r.impact, r.id))
