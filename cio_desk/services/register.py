"""The Stakeholders page: table rows, filtering, the org tree and "brief me".

Rows come from one set of grouped queries however large the register is;
filtering runs on rows already in memory, so typing in the filter box never
touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from sqlalchemy import Integer, Select, String, bindparam, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.followups import FollowUpManager, FollowUpRecord, FollowUpStatus
from cio_desk.services.insights import InsightManager, InsightRecord
from cio_desk.services.meeting_list import collector_paused
from cio_desk.services.meetings import MeetingManager, MeetingRecord, meeting_record
from cio_desk.services.stakeholders import StakeholderManager, StakeholderRecord
from cio_desk.services.tour import GoingCold, StanceTrend, TourService, named_by_query
from cio_desk.store.enums import InsightKind, MeetingStatus, StakeholderKind, Stance
from cio_desk.store.models import (
    FollowUp,
    Insight,
    Meeting,
    MeetingAttendee,
    Stakeholder,
    stakeholder_tag,
)

_TAG_SEPARATOR = "\x1f"  # cannot occur in a tag: tags are single-line, cleaned text

# On the influence/interest grid a rating of 4 or 5 is "high": the same line
# as a key stakeholder's influence, and the shaded cells of the PDF's grid.
HIGH_RATING = 4


class Quadrant(StrEnum):
    """The four areas of the influence/interest grid, and how to treat the people there."""

    MANAGE_CLOSELY = "manage_closely"  # high influence, high interest
    KEEP_SATISFIED = "keep_satisfied"  # high influence, lower interest
    KEEP_INFORMED = "keep_informed"  # lower influence, high interest
    MONITOR = "monitor"  # lower influence, lower interest


def quadrant(influence: int, interest: int) -> Quadrant:
    """Where ratings (1-5 each) fall on the grid."""
    if influence >= HIGH_RATING:
        return Quadrant.MANAGE_CLOSELY if interest >= HIGH_RATING else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if interest >= HIGH_RATING else Quadrant.MONITOR


class RegisterRow(NamedTuple):
    """One row of the Stakeholders table.

    A named tuple rather than a frozen dataclass: it is as immutable and
    builds several times faster, which counts on a register of thousands.
    """

    id: int
    name: str
    title: str
    unit: str
    kind: StakeholderKind
    influence: int
    interest: int
    stance: Stance
    target_stance: Stance | None
    met: bool  # attended at least one held meeting
    last_contact: dt.date | None  # date of the last held meeting
    open_follow_ups: int
    named_by: int  # distinct active people who referred them
    archived: bool = False
    is_manager: bool = False
    cadence_days: int | None = None
    tags: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    search_text: str = ""  # every searchable field, case-folded (see `RegisterFilter`)


@dataclass(frozen=True)
class RegisterFilter:
    """What the Stakeholders page filters by; empty means everything."""

    text: str = ""
    kind: StakeholderKind | None = None
    stance: Stance | None = None
    met: bool | None = None
    include_archived: bool = False

    def matches(self, row: RegisterRow) -> bool:
        """Every typed word must appear somewhere in the row (any case, any script)."""
        if row.archived and not self.include_archived:
            return False
        if self.kind is not None and row.kind != self.kind:
            return False
        if self.stance is not None and row.stance != self.stance:
            return False
        if self.met is not None and row.met != self.met:
            return False
        return all(word in row.search_text for word in self.text.casefold().split())


@dataclass(frozen=True)
class OrgNode:
    """A person in the reports-to tree, with the people reporting to them."""

    id: int
    name: str
    title: str
    unit: str
    children: tuple[OrgNode, ...] = ()


@dataclass(frozen=True)
class StakeholderBrief:
    """ "Brief me": everything to recall before meeting someone."""

    stakeholder: StakeholderRecord
    row: RegisterRow
    insights: dict[InsightKind, list[InsightRecord]]
    referred_by: tuple[str, ...]
    past_meetings: list[MeetingRecord]  # most recent first
    upcoming_meetings: list[MeetingRecord]  # soonest first
    open_follow_ups: list[FollowUpRecord]
    going_cold: GoingCold | None
    stance_trend: StanceTrend

    @property
    def confidential_count(self) -> int:
        return sum(i.confidential for items in self.insights.values() for i in items)


@dataclass(frozen=True)
class MeetingBrief:
    """The next meeting, a brief per attendee, and who else is going cold."""

    meeting: MeetingRecord
    attendees: tuple[StakeholderBrief, ...]
    going_cold: list[GoingCold]


class RegisterService(Manager):
    """`ws.register`: the read side of the Stakeholders page."""

    def rows(
        self, flt: RegisterFilter | None = None, *, include_archived: bool = False
    ) -> list[RegisterRow]:
        """Table rows by name; archived people only when asked (here or in `flt`)."""
        include_archived = include_archived or bool(flt and flt.include_archived)
        with self._read() as session:
            rows = _rows(session, include_archived=include_archived)
        return rows if flt is None else filter_rows(rows, flt)

    def row(self, stakeholder_id: int) -> RegisterRow:
        with self._read() as session:
            get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            (row,) = _rows(session, include_archived=True, only=stakeholder_id)
            return row

    def org_tree(self) -> list[OrgNode]:
        """Active people as a reports-to forest, roots and children by name.

        Someone whose manager is archived hangs under the nearest active
        manager above, or becomes a root.
        """
        query = select(
            Stakeholder.id,
            Stakeholder.name,
            Stakeholder.title,
            Stakeholder.unit,
            Stakeholder.reports_to_id,
            Stakeholder.archived,
        )
        with self._read() as session:
            people = {r.id: r for r in session.execute(query)}
        children: dict[int | None, list[int]] = {}
        for person in people.values():
            if not person.archived:
                children.setdefault(_active_manager(person.id, people), []).append(person.id)
        return _forest(people, children)

    def brief(self, stakeholder_id: int, today: dt.date) -> StakeholderBrief:
        """Who they are, what they said before, meetings, promises, coldness."""
        person = StakeholderManager(self._sessions).get(stakeholder_id)
        tour = TourService(self._sessions)
        cold = tour.going_cold(today, stakeholder_id=stakeholder_id)
        tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min)
        with self._read() as session:
            meetings = _meetings_with(session, stakeholder_id)
            referred_by = _referred_by(session, stakeholder_id)
        return StakeholderBrief(
            stakeholder=person,
            row=self.row(stakeholder_id),
            insights=InsightManager(self._sessions).for_stakeholder(stakeholder_id),
            referred_by=referred_by,
            past_meetings=[m for m in reversed(meetings) if m.starts_at < tomorrow],
            upcoming_meetings=[
                m for m in meetings if m.starts_at >= tomorrow and m.status is MeetingStatus.PLANNED
            ],
            open_follow_ups=FollowUpManager(self._sessions).list(
                status=FollowUpStatus.OPEN, stakeholder_id=stakeholder_id
            ),
            going_cold=cold[0] if cold else None,
            stance_trend=tour.stance_trend(stakeholder_id),
        )

    def next_meeting_brief(self, now: dt.datetime) -> MeetingBrief | None:
        """The next planned meeting not yet over, briefed; None if there is none."""
        meeting = MeetingManager(self._sessions).next_planned(now)
        return None if meeting is None else self._meeting_brief(meeting, now.date())

    def meeting_brief(self, meeting_id: int, today: dt.date) -> MeetingBrief:
        """A brief on any meeting's attendees (before it, or to recall one)."""
        with self._read() as session:
            meeting = meeting_record(get_or_raise(session, Meeting, meeting_id, "meeting"))
        return self._meeting_brief(meeting, today)

    def _meeting_brief(self, meeting: MeetingRecord, today: dt.date) -> MeetingBrief:
        return MeetingBrief(
            meeting=meeting,
            attendees=tuple(self.brief(sid, today) for sid in meeting.attendee_ids),
            going_cold=TourService(self._sessions).going_cold(today),
        )


def filter_rows(rows: Iterable[RegisterRow], flt: RegisterFilter) -> list[RegisterRow]:
    """The rows `flt` keeps, in the same order (pure: no database).

    The same test as `RegisterFilter.matches`, one condition at a time over
    the rows still kept: it runs on every keystroke in the filter box.
    """
    kept = list(rows) if flt.include_archived else [row for row in rows if not row.archived]
    if flt.kind is not None:
        kept = [row for row in kept if row.kind == flt.kind]
    if flt.stance is not None:
        kept = [row for row in kept if row.stance == flt.stance]
    if flt.met is not None:
        kept = [row for row in kept if row.met == flt.met]
    for word in flt.text.casefold().split():
        kept = [row for row in kept if word in row.search_text]
    return kept


# ---------------------------------------------------------------- queries


_KINDS = {kind.value: kind for kind in StakeholderKind}
_STANCES = {stance.value: stance for stance in Stance}


def _rows(
    session: Session, *, include_archived: bool, only: int | None = None
) -> list[RegisterRow]:
    """All rows (or the one of `only`) in one statement: people joined to grouped counts.

    Columns are read as plain values (no ORM objects, enums and dates
    converted here): it is several times faster on a large register.
    """
    query = _rows_query(include_archived=include_archived, one=only is not None)
    found = session.connection().execute(query, {} if only is None else {"only": only}).all()
    with collector_paused():
        return [_row(*values) for values in found]


@cache
def _rows_query(*, include_archived: bool, one: bool) -> Select:
    """The statement of `_rows`, built once: building it anew took longer than
    running it for one person. With `one`, the person is the `only` parameter."""
    open_follow_ups = (
        select(FollowUp.stakeholder_id.label("sid"), func.count().label("n"))
        .where(FollowUp.done.is_(False), FollowUp.stakeholder_id.is_not(None))
        .group_by(FollowUp.stakeholder_id)
    )
    tags = select(
        stakeholder_tag.c.stakeholder_id.label("sid"),
        func.group_concat(stakeholder_tag.c.tag, _TAG_SEPARATOR).label("tags"),
    ).group_by(stakeholder_tag.c.stakeholder_id)
    named_by = named_by_query()
    only = bindparam("only", type_=Integer)
    if one:  # group only that person's follow-ups, tags and referrals
        open_follow_ups = open_follow_ups.where(FollowUp.stakeholder_id == only)
        tags = tags.where(stakeholder_tag.c.stakeholder_id == only)
        named_by = named_by.where(Insight.referred_stakeholder_id == only)
    open_follow_ups, tags, named_by = (q.subquery() for q in (open_follow_ups, tags, named_by))
    query: Select = (
        select(
            Stakeholder.id,
            Stakeholder.name,
            Stakeholder.title,
            Stakeholder.unit,
            type_coerce(Stakeholder.kind, String),
            Stakeholder.influence,
            Stakeholder.interest,
            type_coerce(Stakeholder.stance, String),
            type_coerce(Stakeholder.target_stance, String),
            Stakeholder.archived,
            Stakeholder.is_manager,
            Stakeholder.cadence_days,
            Stakeholder.email,
            Stakeholder.phone,
            # As text: its date is all a row needs, and parsing it whole costs more.
            type_coerce(Stakeholder.last_held_at, String),
            open_follow_ups.c.n,
            named_by.c.n,
            tags.c.tags,
        )
        .outerjoin(open_follow_ups, open_follow_ups.c.sid == Stakeholder.id)
        .outerjoin(named_by, named_by.c.sid == Stakeholder.id)
        .outerjoin(tags, tags.c.sid == Stakeholder.id)
        .order_by(func.lower(Stakeholder.name), Stakeholder.id)
    )
    if not include_archived:
        query = query.where(Stakeholder.archived.is_(False))
    if one:
        query = query.where(Stakeholder.id == only)
    return query


def _row(  # one argument per column of the statement in `_rows`
    id_: int,
    name: str,
    title: str,
    unit: str,
    kind: str,
    influence: int,
    interest: int,
    stance: str,
    target_stance: str | None,
    archived: bool,
    is_manager: bool,
    cadence_days: int | None,
    email: str,
    phone: str,
    last_held: str | None,
    follow_ups: int | None,
    named_by: int | None,
    tag_text: str | None,
) -> RegisterRow:
    tags = tuple(sorted(tag_text.split(_TAG_SEPARATOR))) if tag_text else ()
    words = (name, title, unit, kind.replace("_", " "), stance, email, phone, *tags)
    # Positional, in the order of the fields: twice as quick as by keyword,
    # which counts once per person on every refresh.
    return RegisterRow(
        id_,
        name,
        title,
        unit,
        _KINDS[kind],
        influence,
        interest,
        _STANCES[stance],
        _STANCES[target_stance] if target_stance else None,
        last_held is not None,  # met
        dt.date.fromisoformat(last_held[:10]) if last_held else None,  # last_contact
        follow_ups or 0,
        named_by or 0,
        bool(archived),
        bool(is_manager),
        cadence_days,
        tags,
        email,
        phone,
        "\n".join(words).casefold(),  # search_text
    )


def _meetings_with(session: Session, stakeholder_id: int) -> list[MeetingRecord]:
    """Every meeting the person attends, oldest first."""
    attended = select(MeetingAttendee.meeting_id).where(
        MeetingAttendee.stakeholder_id == stakeholder_id
    )
    query = (
        select(Meeting)
        .options(selectinload(Meeting.attendees))
        .where(Meeting.id.in_(attended))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [meeting_record(row) for row in session.scalars(query)]


def _referred_by(session: Session, stakeholder_id: int) -> tuple[str, ...]:
    query = (
        select(Stakeholder.name)
        .join(Insight, Insight.stakeholder_id == Stakeholder.id)
        .where(
            Insight.kind == InsightKind.REFERRAL,
            Insight.referred_stakeholder_id == stakeholder_id,
            ~Stakeholder.archived,
        )
        .distinct()
        .order_by(Stakeholder.name)
    )
    return tuple(session.scalars(query))


def _active_manager(person_id: int, people: dict) -> int | None:
    """The nearest active person up the reporting line; cycles end the walk."""
    seen = {person_id}
    manager = people[person_id].reports_to_id
    while manager is not None and manager in people and manager not in seen:
        if not people[manager].archived:
            return manager
        seen.add(manager)
        manager = people[manager].reports_to_id
    return None


def _forest(people: dict, children: dict[int | None, list[int]]) -> list[OrgNode]:
    """Nodes built leaves first (no recursion, so any depth works)."""
    order: list[int] = []  # every manager before the people reporting to them
    stack = list(children.get(None, []))
    while stack:
        person_id = stack.pop()
        order.append(person_id)
        stack.extend(children.get(person_id, []))
    built: dict[int, OrgNode] = {}
    for person_id in reversed(order):
        person = people[person_id]
        below = _by_name(built[c] for c in children.get(person_id, []))
        built[person_id] = OrgNode(person.id, person.name, person.title, person.unit, tuple(below))
    return _by_name(built[r] for r in children.get(None, []))


def _by_name(nodes: Iterable[OrgNode]) -> list[OrgNode]:
    return sorted(nodes, key=lambda n: (n.name.casefold(), n.id))
