"""Follow-ups: what the CIO promised after a meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import clean_text
from cio_desk.store.models import FollowUp, Meeting, Stakeholder


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


_COLUMNS = tuple(f.name for f in dataclasses.fields(FollowUpData))


class FollowUpManager(Manager):
    """`ws.followups`: add, complete and list promised actions."""

    def add(self, data: FollowUpData) -> FollowUpRecord:
        with self._write() as session:
            clean = _validate(session, data)
            row = FollowUp(**{c: getattr(clean, c) for c in _COLUMNS})
            session.add(row)
            session.flush()
            return follow_up_record(session, row)

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

    def list(self, *, open_only: bool = False) -> list[FollowUpRecord]:
        """By due date (undated last), then in the order they were made."""
        query = select(FollowUp).order_by(
            FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.id
        )
        if open_only:
            query = query.where(FollowUp.done.is_(False))
        with self._read() as session:
            return [follow_up_record(session, row) for row in session.scalars(query)]


def _validate(session: Session, data: FollowUpData) -> FollowUpData:
    text = clean_text(data.text, field="text", label="Follow-up", required=True)
    if data.due_date is not None and not isinstance(data.due_date, dt.date):
        raise ValidationError("due_date", "Due date must be a date.")
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
    return FollowUpRecord(
        **{c: getattr(row, c) for c in _COLUMNS},
        id=row.id,
        done=row.done,
        done_on=row.done_on,
        stakeholder_name=person.name if person else "",
    )
