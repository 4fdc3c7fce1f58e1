"""The listening tour: referrals, who is named by whom, who is going cold, stance.

In weeks 2-4 each meeting ends with "who else should I talk to?": the
referral snowball. People named by many others are an informal influence
signal; names not yet in the register, and referred people not yet met,
are the tour's to-do list. Key people get a stay-in-touch cadence, and their
stance is re-assessed over time against a target stance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.insights import name_key
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import InsightKind, MeetingStatus, Stance
from cio_desk.store.models import (
    Insight,
    Meeting,
    MeetingAttendee,
    Stakeholder,
    StanceAssessment,
)


@dataclass(frozen=True)
class ReferralEdge:
    """Who referred whom: to a stakeholder (`to_id`) or a name not yet in the register."""

    insight_id: int
    from_id: int
    from_name: str
    to_id: int | None
    to_name: str
    to_met: bool


@dataclass
class ReferralNode:
    """One person in the referral tree; `children` are the people they named.

    A person named by several people sits under each of them, in full under
    the first and as a `repeated` leaf elsewhere.
    """

    name: str
    stakeholder_id: int | None  # None for a name not yet in the register
    met: bool
    named_by: int  # distinct active people who named them
    insight_ids: tuple[int, ...] = ()  # the referrals naming a pending name
    repeated: bool = False
    children: list[ReferralNode] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        return self.stakeholder_id is None


@dataclass(frozen=True)
class PendingName:
    """A referred name not yet in the register, with who named it and how often."""

    name: str
    times: int
    referrer_ids: tuple[int, ...]
    referrer_names: tuple[str, ...]
    insight_ids: tuple[int, ...]
    register_match_id: int | None  # a register entry with the same name, if any

    @property
    def named_by(self) -> int:
        return len(self.referrer_ids)


@dataclass(frozen=True)
class ReferredUnmet:
    """A referred stakeholder in the register who has not been met yet."""

    stakeholder_id: int
    name: str
    title: str
    influence: int
    named_by: int
    referrer_names: tuple[str, ...]


@dataclass(frozen=True)
class PendingReferrals:
    names: list[PendingName]
    unmet: list[ReferredUnmet]


@dataclass(frozen=True)
class TourCompletion:
    """People met against everyone the tour should reach."""

    met: int
    register: int
    pending_names: int

    @property
    def total(self) -> int:
        return self.register + self.pending_names

    @property
    def fraction(self) -> float:
        return self.met / self.total if self.total else 0.0


@dataclass(frozen=True)
class TourOverview:
    """What the Listening tour page shows on opening, read in one go."""

    completion: TourCompletion
    pending: PendingReferrals
    going_cold: list[GoingCold]
    tree: list[ReferralNode] | None  # None unless asked for


@dataclass(frozen=True)
class GoingCold:
    """A stakeholder whose stay-in-touch cadence has lapsed."""

    stakeholder_id: int
    name: str
    title: str
    influence: int
    cadence_days: int
    last_met: dt.date | None
    days_overdue: int | None  # None when never met

    @property
    def never_met(self) -> bool:
        return self.last_met is None


@dataclass(frozen=True)
class StanceAssessmentRecord:
    id: int
    stakeholder_id: int
    stance: Stance
    assessed_on: dt.date
    note: str


@dataclass(frozen=True)
class StanceChange:
    """What `reassess_stance` did, so that `undo_reassessment` can take it back."""

    assessment: StanceAssessmentRecord
    previous_stance: Stance
    seeded: StanceAssessmentRecord | None  # the stance held before, recorded once


@dataclass(frozen=True)
class StanceTrend:
    stakeholder_id: int
    current: Stance
    target: Stance | None
    points: tuple[StanceAssessmentRecord, ...]  # oldest first

    @property
    def change(self) -> int:
        """Stance score gained (positive) or lost since the first assessment."""
        return self.points[-1].stance.score - self.points[0].stance.score if self.points else 0


@dataclass(frozen=True)
class StanceGap:
    """How far a stakeholder's stance is from the target: where to invest time."""

    stakeholder_id: int
    name: str
    title: str
    stance: Stance
    target: Stance
    influence: int
    interest: int

    @property
    def gap(self) -> int:
        return self.target.score - self.stance.score


class TourService(Manager):
    """`ws.tour`: the referral snowball, stay-in-touch cadence and stance over time."""

    # ------------------------------------------------------------ referrals

    def edges(self) -> list[ReferralEdge]:
        """Every referral between active people (or to a pending name)."""
        with self._read() as session:
            return _edges(session, met_ids(session))

    def referral_tree(self) -> list[ReferralNode]:
        """Who referred whom, as a forest read from the top.

        The roots are people who named someone but were named by no one (by
        name); a circle of people naming each other starts from its first
        member by name. Pending names (not in the register) are leaves.
        """
        with self._read() as session:
            met = met_ids(session)
            edges = _edges(session, met)
            counts = named_by_counts(session)
        return referral_forest(edges, counts, met)

    def named_by_counts(self) -> dict[int, int]:
        """Stakeholder id -> how many distinct active people named them."""
        with self._read() as session:
            return named_by_counts(session)

    def pending_referrals(self) -> PendingReferrals:
        """Names not yet in the register, and referred people not yet met."""
        with self._read() as session:
            names = _pending_names(session)
            unmet = _referred_unmet(session)
        return PendingReferrals(names, unmet)

    def completion(self) -> TourCompletion:
        """Share of the tour done: met / (active register + pending names)."""
        with self._read() as session:
            active = session.scalar(
                select(func.count()).select_from(Stakeholder).where(~Stakeholder.archived)
            )
            met = session.scalar(
                select(func.count())
                .select_from(Stakeholder)
                .where(~Stakeholder.archived, has_met())
            )
            pending = len(_pending_names(session))
        return TourCompletion(met=met or 0, register=active or 0, pending_names=pending)

    def overview(self, today: dt.date, *, with_tree: bool = True) -> TourOverview:
        """Completion, pending referrals, people going cold and (if asked) the
        referral tree: the same figures as the separate calls, sharing their
        queries (who has been met, the pending names)."""
        with self._read() as session:
            met = met_ids(session)
            names = _pending_names(session)
            unmet = _referred_unmet(session, met)
            active_ids = select(Stakeholder.id).where(~Stakeholder.archived)
            active = set(session.connection().scalars(active_ids).all())
            tree = None
            if with_tree:
                tree = referral_forest(_edges(session, met), named_by_counts(session), met)
        completion = TourCompletion(
            met=len(active & met), register=len(active), pending_names=len(names)
        )
        return TourOverview(
            completion, PendingReferrals(names, unmet), self.going_cold(today), tree
        )

    # ------------------------------------------------------------ cadence

    def going_cold(self, today: dt.date, stakeholder_id: int | None = None) -> list[GoingCold]:
        """People with a cadence not met within it (or never met).

        Never-met people come first (most influential first), then the
        most overdue. A held meeting on or before `today` resets the clock.
        """
        query = select(
            Stakeholder.id,
            Stakeholder.name,
            Stakeholder.title,
            Stakeholder.influence,
            Stakeholder.cadence_days,
            Stakeholder.last_held_at,
        ).where(~Stakeholder.archived, Stakeholder.cadence_days.is_not(None))
        if stakeholder_id is not None:
            query = query.where(Stakeholder.id == stakeholder_id)
        with self._read() as session:
            people = session.connection().execute(query).all()
            last = _last_met_until(session, people, today)
        cold = []
        for person in people:
            last_met = last.get(person.id)
            overdue = None if last_met is None else (today - last_met).days - person.cadence_days
            if overdue is None or overdue > 0:
                cold.append(
                    GoingCold(
                        person.id,
                        person.name,
                        person.title,
                        person.influence,
                        person.cadence_days,
                        last_met,
                        overdue,
                    )
                )
        cold.sort(key=_cold_order)
        return cold

    # ------------------------------------------------------------ stance

    def reassess_stance(
        self, stakeholder_id: int, stance: Stance, on: dt.date, note: str = ""
    ) -> StanceChange:
        """Record a dated stance; the latest assessment becomes the current stance.

        The first re-assessment also records the stance held until then,
        dated when the person was added (or `on`, if that is earlier), so
        the trend has a starting point.
        """
        stance = check_choice(stance, Stance, field="stance", label="Stance")
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise ValidationError("assessed_on", "Give the date of the assessment.")
        note = clean_text(note, field="note", label="Note")
        with self._write() as session:
            person = get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            previous = person.stance
            seeded = None
            if not person.stance_history:
                since = min(person.created_at.date(), on)
                seeded = _assess(session, person, previous, since, "")
            added = _assess(session, person, stance, on, note)
            latest = max(person.stance_history, key=lambda a: (a.assessed_on, a.id))
            person.stance = latest.stance
            return StanceChange(_assessment(added), previous, seeded and _assessment(seeded))

    def undo_reassessment(self, change: StanceChange) -> None:
        with self._write() as session:
            for item in (change.assessment, change.seeded):
                row = session.get(StanceAssessment, item.id) if item else None
                if row is not None:
                    session.delete(row)
            person = session.get(Stakeholder, change.assessment.stakeholder_id)
            if person is not None:
                person.stance = change.previous_stance

    def stance_trend(self, stakeholder_id: int) -> StanceTrend:
        with self._read() as session:
            person = get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            points = tuple(
                _assessment(a)
                for a in sorted(person.stance_history, key=lambda a: (a.assessed_on, a.id))
            )
            return StanceTrend(person.id, person.stance, person.target_stance, points)

    def stance_gaps(self) -> list[StanceGap]:
        """Active people short of their target stance: biggest gap, then influence."""
        query = select(
            Stakeholder.id,
            Stakeholder.name,
            Stakeholder.title,
            Stakeholder.stance,
            Stakeholder.target_stance,
            Stakeholder.influence,
            Stakeholder.interest,
        ).where(~Stakeholder.archived, Stakeholder.target_stance.is_not(None))
        with self._read() as session:
            gaps = [
                StanceGap(*row)
                for row in session.execute(query)
                if row.target_stance.score > row.stance.score
            ]
        gaps.sort(key=lambda g: (-g.gap, -g.influence, -g.interest, g.name.casefold()))
        return gaps


# ---------------------------------------------------------------- shared queries


def has_met() -> ColumnElement[bool]:
    """True for a stakeholder who attended at least one held meeting (of any date)."""
    return Stakeholder.last_held_at.is_not(None)


def met_ids(session: Session) -> set[int]:
    """Ids of everyone who attended at least one held meeting."""
    query = select(Stakeholder.id).where(has_met())
    return set(session.connection().scalars(query).all())


def _last_met_until(session: Session, people: Sequence[Row], today: dt.date) -> dict[int, dt.date]:
    """Stakeholder id -> date of their last held meeting on or before `today` (met people only).

    `people` carry `id` and `last_held_at` (the latest held meeting, any date).
    Someone whose latest held meeting is after `today` (a future meeting marked
    held) is looked up in their meetings.
    """
    last: dict[int, dt.date] = {}
    later: list[int] = []
    for person in people:
        if person.last_held_at is None:
            continue
        if person.last_held_at.date() > today:
            later.append(person.id)
        else:
            last[person.id] = person.last_held_at.date()
    if later:
        last.update(_held_on_or_before(session, until=today, among=later))
    return last


def _held_on_or_before(
    session: Session, *, until: dt.date, among: Sequence[int]
) -> dict[int, dt.date]:
    """Stakeholder id -> date of their last held meeting on or before `until`, for `among`.

    Read from these people's attendances (`last_held_at` keeps only the
    latest held meeting, whatever its date).
    """
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min)
    query = (
        select(MeetingAttendee.stakeholder_id, func.max(Meeting.starts_at))
        .join(Meeting, Meeting.id == MeetingAttendee.meeting_id)
        .where(
            _not_indexed(Meeting.status) == MeetingStatus.HELD.value,
            MeetingAttendee.stakeholder_id.in_(among),
            Meeting.starts_at < end,
        )
        .group_by(MeetingAttendee.stakeholder_id)
    )
    return {sid: _as_date(when) for sid, when in session.connection().execute(query).all()}


def _not_indexed(column: ColumnElement[Any]) -> ColumnElement[str]:
    # `column || ''` has the same value but SQLite cannot use an index for it.
    return type_coerce(column, String).concat("")


def named_by_counts(session: Session) -> dict[int, int]:
    """Stakeholder id -> distinct active people who referred them."""
    return dict(session.connection().execute(named_by_query()).all())


@cache
def named_by_query() -> Select[tuple[int, int]]:
    """Columns `sid` (a referred stakeholder) and `n` (distinct active referrers).

    Built once (statements are immutable): building one costs about as much
    as running it.
    """
    referrer = aliased(Stakeholder)
    return (
        select(
            Insight.referred_stakeholder_id.label("sid"),
            func.count(Insight.stakeholder_id.distinct()).label("n"),
        )
        .join(referrer, Insight.stakeholder_id == referrer.id)
        .where(
            Insight.kind == InsightKind.REFERRAL,
            Insight.referred_stakeholder_id.is_not(None),
            referrer.archived.is_(False),
        )
        .group_by(Insight.referred_stakeholder_id)
    )


def _edges(session: Session, met: set[int]) -> list[ReferralEdge]:
    return [
        ReferralEdge(iid, fid, fname, tid, tname, tid in met)
        for iid, fid, fname, tid, tname in session.connection().execute(_edges_query()).all()
    ]


@cache
def _edges_query() -> Select:
    referrer, referred = aliased(Stakeholder), aliased(Stakeholder)
    return (
        select(
            Insight.id,
            referrer.id,
            referrer.name,
            referred.id,
            func.coalesce(referred.name, Insight.referred_name),
        )
        .join(referrer, Insight.stakeholder_id == referrer.id)
        .outerjoin(referred, Insight.referred_stakeholder_id == referred.id)
        .where(
            Insight.kind == InsightKind.REFERRAL,
            referrer.archived.is_(False),
            referred.archived.is_not(True),
        )
        .order_by(referrer.name, Insight.id)
    )


def _as_date(value: dt.datetime | str) -> dt.date:
    # func.max() loses the column type, so SQLite hands back its text form.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.date()


def _pending_names(session: Session) -> list[PendingName]:
    query = (
        select(Insight.id, Insight.referred_name, Stakeholder.id, Stakeholder.name)
        .join(Stakeholder, Insight.stakeholder_id == Stakeholder.id)
        .where(
            Insight.kind == InsightKind.REFERRAL,
            Insight.referred_stakeholder_id.is_(None),
            ~Stakeholder.archived,
        )
        .order_by(Insight.id)
    )
    groups: dict[str, list[tuple[int, str, int, str]]] = {}
    for row in session.connection().execute(query).all():
        groups.setdefault(name_key(row[1]), []).append(tuple(row))
    if not groups:
        return []
    register: dict[str, int] = {}
    active = select(Stakeholder.id, Stakeholder.name).where(~Stakeholder.archived)
    for sid, name in session.connection().execute(active.order_by(Stakeholder.id)).all():
        register.setdefault(name_key(name), sid)
    names = [_pending_name(rows, register.get(key)) for key, rows in groups.items()]
    names.sort(key=lambda n: (-n.named_by, -n.times, n.name.casefold()))
    return names


def _pending_name(rows: list[tuple[int, str, int, str]], match: int | None) -> PendingName:
    spelling = _commonest(name for _, name, _, _ in rows)
    referrers = dict.fromkeys((sid, sname) for _, _, sid, sname in rows)
    return PendingName(
        name=spelling,
        times=len(rows),
        referrer_ids=tuple(sid for sid, _ in referrers),
        referrer_names=tuple(name for _, name in referrers),
        insight_ids=tuple(iid for iid, _, _, _ in rows),
        register_match_id=match,
    )


def _referred_unmet(session: Session, met: set[int] | None = None) -> list[ReferredUnmet]:
    met = met_ids(session) if met is None else met
    found: dict[int, tuple[tuple[int, str, str, int], dict[int, str]]] = {}
    rows = session.connection().execute(_referred_query()).all()
    for *person, referrer_id, referrer_name in rows:
        if person[0] not in met:
            found.setdefault(person[0], (tuple(person), {}))[1][referrer_id] = referrer_name
    unmet = [
        ReferredUnmet(*person, len(names), tuple(names.values()))
        for person, names in found.values()
    ]
    unmet.sort(key=lambda u: (-u.named_by, -u.influence, u.name.casefold()))
    return unmet


@cache
def _referred_query() -> Select:
    referrer, referred = aliased(Stakeholder), aliased(Stakeholder)
    return (
        select(referred.id, referred.name, referred.title, referred.influence)
        .add_columns(referrer.id, referrer.name)
        .join(Insight, Insight.referred_stakeholder_id == referred.id)
        .join(referrer, Insight.stakeholder_id == referrer.id)
        .where(
            Insight.kind == InsightKind.REFERRAL,
            ~referred.archived,
            ~referrer.archived,
        )
        .order_by(referrer.name)
    )


def referral_forest(
    edges: Sequence[ReferralEdge], named_by: dict[int, int], met: set[int]
) -> list[ReferralNode]:
    """The tree of `referral_tree` for these edges, named-by counts and met ids."""
    return _ReferralForest(edges, named_by, met).build()


_NodeKey = tuple[str, object]  # ("id", stakeholder id) or ("name", name_key(name))


class _ReferralForest:
    """Builds `referral_tree` from the edges, without recursion (chains can be long)."""

    def __init__(
        self, edges: Sequence[ReferralEdge], counts: dict[int, int], met: set[int]
    ) -> None:
        self._info: dict[_NodeKey, tuple[str, int | None]] = {}
        self._children: dict[_NodeKey, list[_NodeKey]] = {}
        self._pending: dict[_NodeKey, tuple[set[int], list[tuple[int, str]]]] = {}
        self._counts = counts
        self._met = met
        for edge in edges:
            source: _NodeKey = ("id", edge.from_id)
            self._info.setdefault(source, (edge.from_name, edge.from_id))
            target = self._target(edge)
            children = self._children.setdefault(source, [])
            if target not in children:
                children.append(target)

    def _target(self, edge: ReferralEdge) -> _NodeKey:
        if edge.to_id is not None:
            key: _NodeKey = ("id", edge.to_id)
            self._info.setdefault(key, (edge.to_name, edge.to_id))
            return key
        key = ("name", name_key(edge.to_name))
        self._info.setdefault(key, (edge.to_name, None))
        referrers, spellings = self._pending.setdefault(key, (set(), []))
        referrers.add(edge.from_id)
        spellings.append((edge.insight_id, edge.to_name))
        return key

    def build(self) -> list[ReferralNode]:
        named = {child for children in self._children.values() for child in children}
        sources = sorted(self._children, key=self._sort_key)
        # People nobody named first; then whoever is left (a circle of referrals).
        starts = [key for key in sources if key not in named] + sources
        placed: set[_NodeKey] = set()
        return [self._grow(key, placed) for key in starts if key not in placed]

    def _grow(self, root_key: _NodeKey, placed: set[_NodeKey]) -> ReferralNode:
        """Depth first, in display order: a person is in full at their first place."""
        root = self._node(root_key)
        stack = [(root, root_key)]
        while stack:
            node, key = stack.pop()
            if key in placed:
                node.repeated = True
                continue
            placed.add(key)
            children = [(self._node(k), k) for k in self._children.get(key, [])]
            node.children = [child for child, _ in children]
            stack.extend(reversed(children))
        return root

    def _node(self, key: _NodeKey) -> ReferralNode:
        name, sid = self._info[key]
        if sid is None:
            referrers, spellings = self._pending[key]
            spellings.sort()
            # As in `pending_referrals`: the commonest spelling, else the first typed.
            name = _commonest(n for _, n in spellings)
            insights = tuple(i for i, _ in spellings)
            return ReferralNode(name, None, False, len(referrers), insights)
        return ReferralNode(name, sid, sid in self._met, self._counts.get(sid, 0))

    def _sort_key(self, key: _NodeKey) -> tuple[str, str]:
        return (self._info[key][0].casefold(), str(key[1]))


def _commonest(names: Iterable[str]) -> str:
    """The name given most often; of equals, the first given (as `Counter.most_common`)."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__)  # the first of the largest, in insertion order


def _cold_order(item: GoingCold) -> tuple:
    if item.days_overdue is None:
        return (0, -item.influence, 0, item.name.casefold())
    return (1, 0, -item.days_overdue, item.name.casefold())


def _assess(
    session: Session, person: Stakeholder, stance: Stance, on: dt.date, note: str
) -> StanceAssessment:
    row = StanceAssessment(stance=stance, assessed_on=on, note=note)
    person.stance_history.append(row)
    session.flush()
    return row


def _assessment(row: StanceAssessment) -> StanceAssessmentRecord:
    return StanceAssessmentRecord(row.id, row.stakeholder_id, row.stance, row.assessed_on, row.note)
