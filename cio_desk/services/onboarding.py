"""Where the CIO stands in the first 30 days: every figure on the Today page.

All figures are computed here, from the database, so the Today page, the
command line and the PDF say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import func, select

from cio_desk.services.base import Manager
from cio_desk.services.followups import FollowUpManager, FollowUpRecord, FollowUpStatus
from cio_desk.services.meetings import MeetingManager, MeetingRecord
from cio_desk.services.profile import ProfileManager
from cio_desk.services.tour import has_met
from cio_desk.store.enums import MeetingStatus
from cio_desk.store.models import Meeting, Stakeholder

KEY_INFLUENCE = 4  # influence at or above this makes a stakeholder "key"
UPCOMING_DAYS = 7


@dataclass(frozen=True)
class DayInfo:
    """Day N of the first month; Day 1 is the start date."""

    today: dt.date
    start_date: dt.date
    due_day: int
    number: int  # zero or negative before the start date

    @property
    def started(self) -> bool:
        return self.number >= 1

    @property
    def days_to_start(self) -> int:
        """Days left before Day 1 (0 once started)."""
        return max(0, 1 - self.number)

    @property
    def days_left(self) -> int:
        """Days from today until the plan's due day (0 on and after it)."""
        return max(0, self.due_day - self.number)

    @property
    def past_due(self) -> bool:
        return self.number > self.due_day

    @property
    def fraction(self) -> float:
        """Share of the first month elapsed, 0.0 to 1.0."""
        return min(1.0, max(0.0, self.number / self.due_day))


@dataclass(frozen=True)
class MeetingCounts:
    """First-month meetings (those starting before the end of the due day)."""

    held: int
    planned: int
    cancelled: int
    no_show: int

    @property
    def total(self) -> int:
        """Meetings that were meant to happen: cancelled ones do not count."""
        return self.held + self.planned + self.no_show

    @property
    def halfway(self) -> float:
        return self.total / 2

    @property
    def ready_to_draft(self) -> bool:
        """More than half of the planned meetings held: time to draft the plan."""
        return self.total > 0 and self.held > self.halfway


@dataclass(frozen=True)
class Coverage:
    met: int
    register: int

    @property
    def fraction(self) -> float:
        return self.met / self.register if self.register else 0.0


@dataclass(frozen=True)
class UnmetStakeholder:
    id: int
    name: str
    title: str
    unit: str
    influence: int
    interest: int


T = TypeVar("T")


@dataclass(frozen=True)
class Shortlist(Generic[T]):
    """The first items of a list, and how many the whole list holds."""

    items: list[T]
    total: int

    @property
    def more(self) -> int:
        """How many items are left out."""
        return self.total - len(self.items)


def shortlist(items: list[T], limit: int | None, count: Callable[[], int]) -> Shortlist[T]:
    """`items` (read with `limit`) with their total; `count` is asked only when needed."""
    if limit is None or len(items) < limit:
        return Shortlist(items, len(items))
    return Shortlist(items, count())


@dataclass(frozen=True)
class TodaySnapshot:
    """Everything the Today page shows, computed in one call.

    Each list holds its first items (all of them without a limit) and its total.
    """

    day: DayInfo
    meetings: MeetingCounts
    coverage: Coverage
    todays_meetings: Shortlist[MeetingRecord]  # in time order
    upcoming_meetings: Shortlist[MeetingRecord]  # in time order
    awaiting_capture: Shortlist[MeetingRecord]  # most recent first
    overdue_followups: Shortlist[FollowUpRecord]  # longest overdue first
    key_unmet: Shortlist[UnmetStakeholder]  # most influential first


class OnboardingService(Manager):
    """`ws.onboarding`: the first-month figures."""

    def day(self, today: dt.date) -> DayInfo | None:
        """None until the profile (and so the start date) is filled in."""
        profile = ProfileManager(self._sessions).get()
        if profile is None:
            return None
        number = (today - profile.start_date).days + 1
        return DayInfo(today, profile.start_date, profile.plan_due_day, number)

    def meeting_counts(self, day: DayInfo) -> MeetingCounts:
        window_end = dt.datetime.combine(
            day.start_date + dt.timedelta(days=day.due_day), dt.time.min
        )
        query = (
            select(Meeting.status, func.count())
            .where(Meeting.starts_at < window_end)
            .group_by(Meeting.status)
        )
        with self._read() as session:
            counts = {MeetingStatus(status): n for status, n in session.execute(query)}
        return MeetingCounts(
            held=counts.get(MeetingStatus.HELD, 0),
            planned=counts.get(MeetingStatus.PLANNED, 0),
            cancelled=counts.get(MeetingStatus.CANCELLED, 0),
            no_show=counts.get(MeetingStatus.NO_SHOW, 0),
        )

    def coverage(self) -> Coverage:
        """Active stakeholders met in a held meeting, against the register."""
        with self._read() as session:
            register = session.scalar(
                select(func.count()).select_from(Stakeholder).where(~Stakeholder.archived)
            )
            met = session.scalar(
                select(func.count())
                .select_from(Stakeholder)
                .where(~Stakeholder.archived, has_met())
            )
        return Coverage(met=met or 0, register=register or 0)

    def key_unmet(self, limit: int | None = None) -> list[UnmetStakeholder]:
        """Key stakeholders (influence >= 4) not met yet, most influential first."""
        query = (
            select(Stakeholder)
            .where(~Stakeholder.archived, Stakeholder.influence >= KEY_INFLUENCE, ~has_met())
            .order_by(Stakeholder.influence.desc(), Stakeholder.interest.desc(), Stakeholder.name)
            .limit(limit)
        )
        with self._read() as session:
            return [
                UnmetStakeholder(s.id, s.name, s.title, s.unit, s.influence, s.interest)
                for s in session.scalars(query)
            ]

    def key_unmet_count(self) -> int:
        query = select(func.count()).where(
            ~Stakeholder.archived, Stakeholder.influence >= KEY_INFLUENCE, ~has_met()
        )
        with self._read() as session:
            return session.scalar(query) or 0

    def overdue_followups(
        self, today: dt.date, limit: int | None = None
    ) -> Shortlist[FollowUpRecord]:
        """Open follow-ups due before `today`, longest overdue first."""
        followups = FollowUpManager(self._sessions)
        overdue = {"status": FollowUpStatus.OVERDUE, "today": today}
        items = followups.list(**overdue, limit=limit)
        return shortlist(items, limit, lambda: followups.count(**overdue))

    def snapshot(self, now: dt.datetime, limit: int | None = None) -> TodaySnapshot | None:
        """The whole Today page at `now`, each list cut at `limit` items; None until
        the profile exists."""
        day = self.day(now.date())
        if day is None:
            return None
        midnight = dt.datetime.combine(now.date(), dt.time.min)
        tomorrow = midnight + dt.timedelta(days=1)
        upcoming_end = tomorrow + dt.timedelta(days=UPCOMING_DAYS)
        return TodaySnapshot(
            day=day,
            meetings=self.meeting_counts(day),
            coverage=self.coverage(),
            todays_meetings=self._meetings(limit, start=midnight, end=tomorrow),
            upcoming_meetings=self._meetings(
                limit, start=tomorrow, end=upcoming_end, status=MeetingStatus.PLANNED
            ),
            awaiting_capture=self._meetings(
                limit, newest_first=True, end=midnight, status=MeetingStatus.PLANNED
            ),
            overdue_followups=self.overdue_followups(now.date(), limit),
            key_unmet=shortlist(self.key_unmet(limit), limit, self.key_unmet_count),
        )

    def _meetings(
        self, limit: int | None, *, newest_first: bool = False, **filters: object
    ) -> Shortlist[MeetingRecord]:
        meetings = MeetingManager(self._sessions)
        items = meetings.list(**filters, limit=limit, newest_first=newest_first)
        return shortlist(items, limit, lambda: meetings.count(**filters))
