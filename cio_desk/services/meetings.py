"""Meetings with stakeholders: scheduling and their outcome.

Besides the records, this module gives the Meetings page what it shows:
light table rows read in one pass however many meetings there are
(`rows`, `filter_meeting_rows`) and the 30-day periods of the calendar,
counted from the start date (`calendar_period`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import String, func, select, type_coerce, update
from sqlalchemy.orm import Session, selectinload

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import check_choice, check_range, clean_text
from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.store.models import FollowUp, Insight, Meeting, MeetingAttendee, Stakeholder

PERIOD_DAYS = 30  # one page of the calendar: the first month, then the next 30 days...


@dataclass(frozen=True)
class MeetingData:
    """A meeting as the CIO plans or records it (input of add and update)."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    attendee_ids: tuple[int, ...]
    title: str = ""
    setting: MeetingSetting = MeetingSetting.OFFICE
    status: MeetingStatus = MeetingStatus.PLANNED
    location: str = ""
    agenda: str = ""
    notes: str = ""
    notes_confidential: bool = True
    purpose_relationship: bool = True
    purpose_learn: bool = True
    purpose_values: bool = True
    sentiment: int | None = None
    thank_you_sent: bool = False

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(frozen=True)
class MeetingRecord(MeetingData):
    """A stored meeting, with its attendees' names for display."""

    id: int = 0
    attendee_names: tuple[str, ...] = ()

    @property
    def display_title(self) -> str:
        return self.title or ", ".join(self.attendee_names)


@dataclass(frozen=True)
class DeletedMeeting:
    """A deleted meeting and what pointed to it, so that `restore` can put it back."""

    meeting: MeetingRecord
    insight_ids: tuple[int, ...] = ()
    follow_up_ids: tuple[int, ...] = ()


class MeetingRow(NamedTuple):
    """One meeting as the Meetings page lists it (no agenda or notes).

    It keeps the stored values as read (times as ISO text, which sorts as
    the times do; vocabularies as their values) so that reading tens of
    thousands of rows stays fast; the properties decode them on use.
    """

    id: int
    starts: str
    ends: str
    title: str
    setting_value: str
    status_value: str
    location: str
    attendee_names: tuple[str, ...]

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.starts)

    @property
    def ends_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.ends)

    @property
    def setting(self) -> MeetingSetting:
        return MeetingSetting(self.setting_value)

    @property
    def status(self) -> MeetingStatus:
        return MeetingStatus(self.status_value)

    @property
    def display_title(self) -> str:
        return self.title or ", ".join(self.attendee_names)

    @property
    def search_text(self) -> str:
        """What the text filter looks in: title, place and attendees, case-folded."""
        return "\n".join((self.title, self.location, *self.attendee_names)).casefold()

    def awaiting_capture(self, today: dt.date) -> bool:
        """Still planned although its day is over: its outcome is not written up."""
        return self.status_value == MeetingStatus.PLANNED.value and self.starts[:10] < str(today)


@dataclass(frozen=True)
class MeetingFilter:
    """What the Meetings list filters by; empty means everything.

    `awaiting_capture_on` keeps only the meetings still to write up on that day.
    """

    text: str = ""
    status: MeetingStatus | None = None
    awaiting_capture_on: dt.date | None = None

    def matches(self, row: MeetingRow) -> bool:
        """Every typed word must appear in the title, an attendee or the place."""
        if self.status is not None and row.status_value != self.status.value:
            return False
        if self.awaiting_capture_on is not None and not row.awaiting_capture(
            self.awaiting_capture_on
        ):
            return False
        words = self.text.casefold().split()
        return not words or all(word in row.search_text for word in words)


@dataclass(frozen=True)
class CalendarPeriod:
    """A page of the calendar: `PERIOD_DAYS` days counted from the start date.

    Period 0 holds Days 1-30, period 1 Days 31-60, period -1 the 30 days
    before Day 1.
    """

    index: int
    start_date: dt.date  # Day 1
    first: dt.date
    last: dt.date

    @property
    def first_day(self) -> int:
        return day_number(self.start_date, self.first)

    @property
    def last_day(self) -> int:
        return day_number(self.start_date, self.last)

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def day_number(self, day: dt.date) -> int | None:
        """Day N of `day`, or None before Day 1 (there is no Day 0)."""
        number = day_number(self.start_date, day)
        return number if number >= 1 else None


def day_number(start_date: dt.date, day: dt.date) -> int:
    """Day N of `day` when Day 1 is `start_date` (zero or less before it)."""
    return (day - start_date).days + 1


def calendar_period(start_date: dt.date, index: int = 0) -> CalendarPeriod:
    """The `index`-th 30-day period from the start date."""
    first = start_date + dt.timedelta(days=index * PERIOD_DAYS)
    return CalendarPeriod(index, start_date, first, first + dt.timedelta(days=PERIOD_DAYS - 1))


def period_of(start_date: dt.date, day: dt.date) -> CalendarPeriod:
    """The calendar period that shows `day`."""
    return calendar_period(start_date, (day - start_date).days // PERIOD_DAYS)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while tens of thousands of rows are built.

    Each row is a few small tuples that can never form a cycle, yet creating
    them sets off full collections over the whole (large, in the app) heap:
    that doubled the time of reading 20,000 meetings.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def filter_meeting_rows(rows: Iterable[MeetingRow], flt: MeetingFilter) -> list[MeetingRow]:
    """The rows `flt` keeps, in the same order (pure: no database)."""
    if flt == MeetingFilter():
        return list(rows)
    return [row for row in rows if flt.matches(row)]


_COLUMNS = tuple(f.name for f in dataclasses.fields(MeetingData) if f.name != "attendee_ids")


class MeetingManager(Manager):
    """`ws.meetings`: schedule, edit and record meetings."""

    def add(self, data: MeetingData) -> MeetingRecord:
        clean = validate_meeting(data)
        with self._write() as session:
            row = Meeting(**{c: getattr(clean, c) for c in _COLUMNS})
            row.attendees = _attendees(session, clean.attendee_ids)
            session.add(row)
            session.flush()
            return _to_record(row)

    def update(self, meeting_id: int, **changes: Any) -> MeetingRecord:
        """Change some fields; the whole meeting is validated again."""
        with self._write() as session:
            return change_meeting(session, meeting_id, **changes)

    def set_status(self, meeting_id: int, status: MeetingStatus) -> MeetingRecord:
        return self.update(meeting_id, status=status)

    def get(self, meeting_id: int) -> MeetingRecord:
        with self._read() as session:
            return _to_record(_load(session, meeting_id))

    def list(
        self,
        *,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        status: MeetingStatus | None = None,
    ) -> list[MeetingRecord]:
        """Meetings starting in [start, end), in time order."""
        query = (
            select(Meeting)
            .options(selectinload(Meeting.attendees))
            .order_by(Meeting.starts_at, Meeting.id)
        )
        if start is not None:
            query = query.where(Meeting.starts_at >= start)
        if end is not None:
            query = query.where(Meeting.starts_at < end)
        if status is not None:
            query = query.where(Meeting.status == status)
        with self._read() as session:
            return [_to_record(row) for row in session.scalars(query)]

    def next_planned(self, now: dt.datetime) -> MeetingRecord | None:
        """The next planned meeting not yet over at `now` (the one to prepare for)."""
        query = (
            select(Meeting)
            .options(selectinload(Meeting.attendees))
            .where(Meeting.status == MeetingStatus.PLANNED, Meeting.ends_at >= now)
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(1)
        )
        with self._read() as session:
            row = session.scalar(query)
            return None if row is None else _to_record(row)

    def count(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(Meeting)) or 0

    def rows(
        self, *, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[MeetingRow]:
        """Table rows of the meetings starting in [start, end), in time order.

        Three plain statements (meetings, attendances, names) read as text
        and numbers, without ORM objects: 20,000 meetings load in about a
        tenth of a second on a laptop.
        """
        query = select(
            Meeting.id,
            type_coerce(Meeting.starts_at, String),
            type_coerce(Meeting.ends_at, String),
            Meeting.title,
            type_coerce(Meeting.setting, String),
            type_coerce(Meeting.status, String),
            Meeting.location,
        ).order_by(Meeting.starts_at, Meeting.id)
        attendances = select(MeetingAttendee.meeting_id, MeetingAttendee.stakeholder_id)
        if start is not None:
            query = query.where(Meeting.starts_at >= start)
        if end is not None:
            query = query.where(Meeting.starts_at < end)
        if start is not None or end is not None:
            attendances = attendances.where(
                MeetingAttendee.meeting_id.in_(query.with_only_columns(Meeting.id).order_by(None))
            )
        with self._read() as session, _collector_paused():
            connection = session.connection()
            found = connection.execute(query).all()
            people = dict(connection.execute(select(Stakeholder.id, Stakeholder.name)).all())
            pairs = connection.execute(attendances).all()
            names: dict[int, list[str]] = {}
            for meeting_id, stakeholder_id in pairs:
                names.setdefault(meeting_id, []).append(people[stakeholder_id])
            # Attendees by name, as `Meeting.attendees` orders them.
            attendees = {key: tuple(sorted(value)) for key, value in names.items()}
            return [MeetingRow(*values, attendees.get(values[0], ())) for values in found]

    def delete(self, meeting_id: int) -> DeletedMeeting:
        """Remove a meeting; what was learnt in it stays, unlinked from it.

        `restore` with the returned value puts it back with its links.
        """
        with self._write() as session:
            row = _load(session, meeting_id)
            deleted = DeletedMeeting(
                meeting=_to_record(row),
                insight_ids=tuple(
                    session.scalars(select(Insight.id).where(Insight.meeting_id == meeting_id))
                ),
                follow_up_ids=tuple(
                    session.scalars(select(FollowUp.id).where(FollowUp.meeting_id == meeting_id))
                ),
            )
            session.delete(row)
            return deleted

    def restore(self, deleted: DeletedMeeting) -> MeetingRecord:
        """Put a deleted meeting back with its id, attendees, insights and follow-ups."""
        record = deleted.meeting
        with self._write() as session:
            if session.get(Meeting, record.id) is not None:
                raise ValidationError("id", "This meeting is already in the workspace.")
            clean = validate_meeting(record)
            row = Meeting(id=record.id, **{c: getattr(clean, c) for c in _COLUMNS})
            row.attendees = _attendees(session, clean.attendee_ids)
            session.add(row)
            session.flush()
            for model, ids in ((Insight, deleted.insight_ids), (FollowUp, deleted.follow_up_ids)):
                if ids:
                    session.execute(
                        update(model)
                        .where(model.id.in_(ids), model.meeting_id.is_(None))
                        .values(meeting_id=record.id)
                    )
            return _to_record(row)


def change_meeting(session: Session, meeting_id: int, **changes: Any) -> MeetingRecord:
    """Change a meeting inside the caller's transaction (see `update`)."""
    row = _load(session, meeting_id)
    merged = dataclasses.replace(_to_data(row), **changes)
    clean = validate_meeting(merged)
    for column in _COLUMNS:
        setattr(row, column, getattr(clean, column))
    if "attendee_ids" in changes:
        row.attendees = _attendees(session, clean.attendee_ids)
    return _to_record(row)


def meeting_record(row: Meeting) -> MeetingRecord:
    """The record of a loaded meeting row (attendees loaded or loadable)."""
    return _to_record(row)


def validate_meeting(data: MeetingData) -> MeetingData:
    """A cleaned copy of `data`, or ValidationError naming the field."""
    for field in ("starts_at", "ends_at"):
        if not isinstance(getattr(data, field), dt.datetime):
            raise ValidationError(field, "Give the meeting a date and a time.")
    if data.ends_at < data.starts_at:
        raise ValidationError("ends_at", "The meeting cannot end before it starts.")
    if data.ends_at - data.starts_at > dt.timedelta(hours=24):
        raise ValidationError("ends_at", "A meeting cannot last more than 24 hours.")
    attendees = tuple(dict.fromkeys(data.attendee_ids))
    if not attendees:
        raise ValidationError("attendee_ids", "A meeting needs at least one attendee.")
    sentiment = data.sentiment
    if sentiment is not None:
        check_range(sentiment, field="sentiment", label="Sentiment", low=-2, high=2)
    return dataclasses.replace(
        data,
        attendee_ids=attendees,
        title=clean_text(
            data.title, field="title", label="Title", single_line=True, max_length=300
        ),
        setting=check_choice(data.setting, MeetingSetting, field="setting", label="Setting"),
        status=check_choice(data.status, MeetingStatus, field="status", label="Status"),
        location=clean_text(
            data.location, field="location", label="Location", single_line=True, max_length=300
        ),
        agenda=clean_text(data.agenda, field="agenda", label="Agenda"),
        notes=clean_text(data.notes, field="notes", label="Notes"),
    )


def _attendees(session: Session, ids: tuple[int, ...]) -> list[Stakeholder]:
    # In the order of `Meeting.attendees`, so a new record equals the stored one.
    query = select(Stakeholder).where(Stakeholder.id.in_(ids)).order_by(Stakeholder.name)
    rows = session.scalars(query).all()
    if len(rows) != len(ids):
        raise ValidationError("attendee_ids", "An attendee is no longer in the register.")
    return list(rows)


def _load(session: Session, meeting_id: int) -> Meeting:
    return get_or_raise(session, Meeting, meeting_id, "meeting")


def _to_data(row: Meeting) -> MeetingData:
    return MeetingData(
        attendee_ids=tuple(s.id for s in row.attendees),
        **{c: getattr(row, c) for c in _COLUMNS},
    )


def _to_record(row: Meeting) -> MeetingRecord:
    return MeetingRecord(
        attendee_ids=tuple(s.id for s in row.attendees),
        attendee_names=tuple(s.name for s in row.attendees),
        id=row.id,
        **{c: getattr(row, c) for c in _COLUMNS},
    )
