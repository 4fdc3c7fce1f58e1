"""Meetings with stakeholders: scheduling and their outcome.

Besides the records, this module gives the Meetings page the 30-day periods
of the calendar, counted from the start date (`calendar_period`), and,
through `meeting_list`, the light rows of its list however many meetings
there are (`rows`, `times`, `rows_by_id`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, selectinload

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.meeting_list import (
    MeetingFilter,
    MeetingRow,
    MeetingTexts,
    MeetingTimes,
    read_rows,
    read_rows_by_id,
    read_search_texts,
    read_times,
)
from cio_desk.services.text import check_choice, check_range, clean_text
from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.store.models import FollowUp, Insight, Meeting, Stakeholder

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
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[MeetingRecord]:
        """Meetings starting in [start, end), in time order (or `newest_first`), at most `limit`."""
        order = (
            (Meeting.starts_at.desc(), Meeting.id.desc())
            if newest_first
            else (
                Meeting.starts_at,
                Meeting.id,
            )
        )
        query = (
            _filtered(select(Meeting), start, end, status)
            .options(selectinload(Meeting.attendees))
            .order_by(*order)
            .limit(limit)
        )
        with self._read() as session:
            return [_to_record(row) for row in session.scalars(query)]

    def count(
        self,
        *,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        status: MeetingStatus | None = None,
    ) -> int:
        """How many meetings `list` returns with the same filters and no limit."""
        query = _filtered(select(func.count()).select_from(Meeting), start, end, status)
        with self._read() as session:
            return session.scalar(query) or 0

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

    def rows(
        self, *, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[MeetingRow]:
        """Table rows of the meetings starting in [start, end), in time order."""
        with self._read() as session:
            return read_rows(session.connection(), start, end)

    def rows_by_id(self, meeting_ids: Collection[int]) -> dict[int, MeetingRow]:
        """The table rows of these meetings (of those that still exist), by id.

        With `times`, a list of thousands of meetings reads only the rows it shows.
        """
        with self._read() as session:
            return read_rows_by_id(session.connection(), meeting_ids)

    def times(
        self, flt: MeetingFilter | None = None, texts: MeetingTexts | None = None
    ) -> MeetingTimes:
        """Ids and starts of the meetings `flt` keeps, in time order.

        They come from the time indexes, without reading the meetings: a few
        milliseconds for tens of thousands. The filter's words are looked for
        in `texts` (from `search_texts`, which a list may keep from one
        keystroke to the next), read here when not given.
        """
        with self._read() as session:
            return read_times(session.connection(), flt or MeetingFilter(), texts)

    def search_texts(self) -> MeetingTexts:
        """What the list's words are looked for in (see `MeetingTexts`)."""
        with self._read() as session:
            return read_search_texts(session.connection())

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


def _filtered(
    query: Select,
    start: dt.datetime | None,
    end: dt.datetime | None,
    status: MeetingStatus | None,
) -> Select:
    """`query` narrowed to meetings starting in [start, end) with `status`."""
    if start is not None:
        query = query.where(Meeting.starts_at >= start)
    if end is not None:
        query = query.where(Meeting.starts_at < end)
    if status is not None:
        query = query.where(Meeting.status == status)
    return query


def _to_record(row: Meeting) -> MeetingRecord:
    return MeetingRecord(
        attendee_ids=tuple(s.id for s in row.attendees),
        attendee_names=tuple(s.name for s in row.attendees),
        id=row.id,
        **{c: getattr(row, c) for c in _COLUMNS},
    )
