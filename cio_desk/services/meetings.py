"""Meetings with stakeholders: scheduling and their outcome."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import check_choice, check_range, clean_text
from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.store.models import Meeting, Stakeholder


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

    def count(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(Meeting)) or 0

    def delete(self, meeting_id: int) -> None:
        with self._write() as session:
            session.delete(_load(session, meeting_id))


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
