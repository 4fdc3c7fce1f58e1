"""Follow-ups: what the CIO promised after a meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import Session, selectinload

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.meetings import MeetingRecord, meeting_record
from cio_desk.services.text import clean_text
from cio_desk.store.enums import MeetingStatus
from cio_desk.store.models import FollowUp, Meeting, MeetingAttendee, Stakeholder


@dataclass(frozen=True)
class FollowUpData:
    text: str
    due_date: dt.date | None = None
    owner: str = ""
    quick_win: bool = False
    meeting_id: int | None = None
    stakeholder_id: int | None = None


@dataclass(frozen=True)
class FollowUpRecord(FollowUpData):
    id: int = 0
    done: bool = False
    done_on: dt.date | None = None
    stakeholder_name: str = ""

    def is_overdue(self, today: dt.date) -> bool:
        return not self.done and self.due_date is not None and self.due_date < today


@dataclass(frozen=True)
class MeetingLabel:
    """Enough of a meeting to say where a follow-up came from."""

    id: int
    display_title: str  # its title, or its attendees' names
    starts_at: dt.datetime


class FollowUpStatus(StrEnum):
    """The lists of the Follow-ups page."""

    OPEN = "open"  # not done yet, overdue ones included
    OVERDUE = "overdue"  # not done and past its due date
    DONE = "done"


@dataclass(frozen=True)
class FollowUpCounts:
    """How many follow-ups each list of the Follow-ups page holds."""

    open: int
    overdue: int
    done: int
    open_quick_wins: int
    done_this_week: int = 0  # ticked off since Monday of today's week


_COLUMNS = tuple(f.name for f in dataclasses.fields(FollowUpData))
# What `list` reads, in the order of `FollowUpRecord`'s fields: plain columns
# rather than ORM objects, several times quicker on a long list.
_LISTED = (*(getattr(FollowUp, c) for c in _COLUMNS), FollowUp.id, FollowUp.done, FollowUp.done_on)
_IN_BATCH = 500  # ids per IN (...) list, well under SQLite's variable limit


class FollowUpManager(Manager):
    """`ws.followups`: add, complete and list promised actions."""

    def add(self, data: FollowUpData) -> FollowUpRecord:
        with self._write() as session:
            return create_follow_up(session, data)

    def set_done(
        self, follow_up_id: int, done: bool = True, on: dt.date | None = None
    ) -> FollowUpRecord:
        with self._write() as session:
            row = get_or_raise(session, FollowUp, follow_up_id, "follow-up")
            row.done = done
            row.done_on = (on or dt.date.today()) if done else None
            return follow_up_record(session, row)

    def get(self, follow_up_id: int) -> FollowUpRecord:
        with self._read() as session:
            return follow_up_record(
                session, get_or_raise(session, FollowUp, follow_up_id, "follow-up")
            )

    def update(self, follow_up_id: int, **changes: Any) -> FollowUpRecord:
        """Change some fields (`set_done` ticks it off); validated again."""
        unknown = set(changes) - set(_COLUMNS)
        if unknown:
            raise TypeError(f"Unknown follow-up fields: {sorted(unknown)}")
        with self._write() as session:
            row = get_or_raise(session, FollowUp, follow_up_id, "follow-up")
            current = FollowUpData(**{c: getattr(row, c) for c in _COLUMNS})
            clean = _validate(session, dataclasses.replace(current, **changes))
            for column in _COLUMNS:
                setattr(row, column, getattr(clean, column))
            return follow_up_record(session, row)

    def delete(self, follow_up_id: int) -> FollowUpRecord:
        """Remove a follow-up; `restore` with the returned record puts it back."""
        with self._write() as session:
            row = get_or_raise(session, FollowUp, follow_up_id, "follow-up")
            record = follow_up_record(session, row)
            session.delete(row)
            return record

    def restore(self, record: FollowUpRecord) -> FollowUpRecord:
        """Put a deleted follow-up back with its id, links and done state."""
        with self._write() as session:
            if session.get(FollowUp, record.id) is not None:
                raise ValidationError("id", "This follow-up is already in the workspace.")
            clean = _validate(session, FollowUpData(**{c: getattr(record, c) for c in _COLUMNS}))
            row = FollowUp(
                id=record.id,
                done=record.done,
                done_on=record.done_on,
                **{c: getattr(clean, c) for c in _COLUMNS},
            )
            session.add(row)
            session.flush()
            return follow_up_record(session, row)

    def list(
        self,
        *,
        open_only: bool = False,
        status: FollowUpStatus | None = None,
        today: dt.date | None = None,
        stakeholder_id: int | None = None,
        meeting_id: int | None = None,
        limit: int | None = None,
    ) -> list[FollowUpRecord]:
        """By due date (undated last), then in the order they were made; at most `limit`.

        `status` picks one list of the page; OVERDUE needs `today`.
        """
        query = (
            select(*_LISTED, Stakeholder.name)
            .outerjoin(Stakeholder, FollowUp.stakeholder_id == Stakeholder.id)
            .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.id)
            .limit(limit)
        )
        query = _filtered(query, open_only, status, today, stakeholder_id, meeting_id)
        with self._read() as session:
            found = session.connection().execute(query).all()
        return [FollowUpRecord(*values, stakeholder_name=name or "") for *values, name in found]

    def count(
        self,
        *,
        open_only: bool = False,
        status: FollowUpStatus | None = None,
        today: dt.date | None = None,
        stakeholder_id: int | None = None,
        meeting_id: int | None = None,
    ) -> int:
        """How many follow-ups `list` returns with the same filters and no limit."""
        query = select(func.count()).select_from(FollowUp)
        query = _filtered(query, open_only, status, today, stakeholder_id, meeting_id)
        with self._read() as session:
            return session.scalar(query) or 0

    def counts(self, today: dt.date) -> FollowUpCounts:
        """The size of each list of the Follow-ups page, in one query."""
        is_open = FollowUp.done.is_(False)
        is_done = FollowUp.done.is_(True)
        monday = today - dt.timedelta(days=today.weekday())
        this_week = is_done & (FollowUp.done_on >= monday) & (FollowUp.done_on <= today)
        query = select(
            func.count(case((is_open, 1))),
            func.count(case((is_open & (FollowUp.due_date < today), 1))),
            func.count(case((is_done, 1))),
            func.count(case((is_open & FollowUp.quick_win.is_(True), 1))),
            func.count(case((this_week, 1))),
        )
        with self._read() as session:
            open_, overdue, done, quick_wins, done_this_week = session.execute(query).one()
        return FollowUpCounts(open_, overdue, done, quick_wins, done_this_week)

    def linked_meetings(self, meeting_ids: Iterable[int | None]) -> dict[int, MeetingLabel]:
        """Meeting id -> what to call it, for the follow-ups listed (where each came from)."""
        ids = sorted({i for i in meeting_ids if i is not None})
        found: dict[int, MeetingLabel] = {}
        with self._read() as session:
            for start in range(0, len(ids), _IN_BATCH):
                found.update(_meeting_labels(session, ids[start : start + _IN_BATCH]))
        return found

    def meeting_choices(self, stakeholder_id: int) -> list[MeetingRecord]:
        """The meetings a follow-up for this person can come from: every one
        they attended that was not cancelled, the latest first."""
        query = (
            select(Meeting)
            .join(MeetingAttendee, MeetingAttendee.meeting_id == Meeting.id)
            .where(
                MeetingAttendee.stakeholder_id == stakeholder_id,
                Meeting.status != MeetingStatus.CANCELLED,
            )
            .options(selectinload(Meeting.attendees))
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        )
        with self._read() as session:
            return [meeting_record(row) for row in session.scalars(query)]


def _meeting_labels(session: Session, ids: list[int]) -> dict[int, MeetingLabel]:
    """Titles and start times; an untitled meeting is named by its attendees, as
    `MeetingRecord.display_title` does."""
    connection = session.connection()
    rows = connection.execute(_labels_query(), {"ids": ids}).all()
    untitled = [meeting_id for meeting_id, title, _ in rows if not title]
    names: dict[int, list[str]] = {}
    if untitled:
        found = connection.execute(_attendee_names_query(), {"ids": untitled}).all()
        for meeting_id, name in found:
            names.setdefault(meeting_id, []).append(name)
    return {
        meeting_id: MeetingLabel(meeting_id, title or ", ".join(names.get(meeting_id, ())), when)
        for meeting_id, title, when in rows
    }


# Built once, with the ids as one parameter: compiling a statement with a
# thousand ids written into it took longer than running it.


@cache
def _labels_query() -> Select:
    ids = bindparam("ids", expanding=True)
    return select(Meeting.id, Meeting.title, Meeting.starts_at).where(Meeting.id.in_(ids))


@cache
def _attendee_names_query() -> Select:
    ids = bindparam("ids", expanding=True)
    return (
        select(MeetingAttendee.meeting_id, Stakeholder.name)
        .join(Stakeholder, Stakeholder.id == MeetingAttendee.stakeholder_id)
        .where(MeetingAttendee.meeting_id.in_(ids))
        .order_by(MeetingAttendee.meeting_id, Stakeholder.name)
    )


def create_follow_up(session: Session, data: FollowUpData) -> FollowUpRecord:
    """Add a follow-up inside the caller's transaction (see `add`)."""
    clean = _validate(session, data)
    row = FollowUp(**{c: getattr(clean, c) for c in _COLUMNS})
    session.add(row)
    session.flush()
    return follow_up_record(session, row)


def _validate(session: Session, data: FollowUpData) -> FollowUpData:
    text = clean_text(data.text, field="text", label="Follow-up", required=True)
    if data.due_date is not None and not isinstance(data.due_date, dt.date):
        raise ValidationError("due_date", "Due date must be a date.")
    if isinstance(data.due_date, dt.datetime):  # a date and time: keep the date
        data = dataclasses.replace(data, due_date=data.due_date.date())
    if data.meeting_id is not None:
        meeting = session.get(Meeting, data.meeting_id)
        if meeting is None:
            raise ValidationError("meeting_id", "The meeting no longer exists.")
        if data.due_date is not None and data.due_date < meeting.starts_at.date():
            raise ValidationError("due_date", "A follow-up cannot be due before its meeting.")
    if data.stakeholder_id is not None and session.get(Stakeholder, data.stakeholder_id) is None:
        raise ValidationError("stakeholder_id", "The stakeholder is no longer in the register.")
    owner = clean_text(data.owner, field="owner", label="Owner", single_line=True, max_length=200)
    return dataclasses.replace(data, text=text, owner=owner)


def follow_up_record(session: Session, row: FollowUp) -> FollowUpRecord:
    person = session.get(Stakeholder, row.stakeholder_id) if row.stakeholder_id else None
    return _record(row, person.name if person else None)


def _filtered(
    query: Select,
    open_only: bool,
    status: FollowUpStatus | None,
    today: dt.date | None,
    stakeholder_id: int | None,
    meeting_id: int | None,
) -> Select:
    """`query` narrowed to the follow-ups that `FollowUpManager.list` describes."""
    status = None if status is None else FollowUpStatus(status)
    if open_only or status in (FollowUpStatus.OPEN, FollowUpStatus.OVERDUE):
        query = query.where(FollowUp.done.is_(False))
    if status is FollowUpStatus.OVERDUE:
        if today is None:
            raise ValueError("Listing overdue follow-ups needs today's date.")
        query = query.where(FollowUp.due_date < today)
    elif status is FollowUpStatus.DONE:
        query = query.where(FollowUp.done.is_(True))
    if stakeholder_id is not None:
        query = query.where(FollowUp.stakeholder_id == stakeholder_id)
    if meeting_id is not None:
        query = query.where(FollowUp.meeting_id == meeting_id)
    return query


def _record(row: FollowUp, stakeholder_name: str | None) -> FollowUpRecord:
    return FollowUpRecord(
        **{c: getattr(row, c) for c in _COLUMNS},
        id=row.id,
        done=row.done,
        done_on=row.done_on,
        stakeholder_name=stakeholder_name or "",
    )
