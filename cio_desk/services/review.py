"""Reviewer feedback on the plan, per section, and the CIO's replies.

A coach (or a peer CIO) reads an exported version and sends feedback. The CIO
records each comment against a section of the plan document, later marks it
addressed with a reply, and the next coach PDF lists the feedback addressed
since the version the reviewer last saw.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import clean_text
from cio_desk.store.models import PlanVersion, ReviewComment

# The sections of the plan document a comment can be about (key, title).
PLAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("general", "The plan as a whole"),
    ("summary", "Executive summary"),
    ("assessment", "Situation assessment"),
    ("approach", "Goals and approach"),
    ("roadmap", "Roadmap"),
    ("horizons", "Horizons: measures, priorities, contingencies, next steps"),
    ("risks", "Risks"),
    ("budget", "Budget"),
    ("stakeholders", "Stakeholder landscape"),
    ("log", "First 30 days"),
    ("changes", "Changes since the previous version"),
    ("glossary", "Glossary"),
)
SECTION_KEYS = tuple(key for key, _title in PLAN_SECTIONS)


def section_title(key: str) -> str:
    """The readable name of a section key."""
    return dict(PLAN_SECTIONS).get(key, key)


@dataclass(frozen=True)
class ReviewData:
    """One piece of feedback as received (input of add and update)."""

    section: str
    text: str
    received_on: dt.date
    reviewer: str = ""
    version_number: int | None = None  # the version the reviewer read


@dataclass(frozen=True)
class ReviewRecord(ReviewData):
    """A stored comment, with the CIO's answer."""

    id: int = 0
    addressed: bool = False
    addressed_on: dt.date | None = None
    reply: str = ""

    @property
    def section_title(self) -> str:
        return section_title(self.section)


class ReviewManager(Manager):
    """`ws.review`: record feedback, mark it addressed, list it."""

    def add(self, data: ReviewData) -> ReviewRecord:
        with self._write() as session:
            clean = _validate(data)
            row = ReviewComment(
                section=clean.section,
                text=clean.text,
                received_on=clean.received_on,
                reviewer=clean.reviewer,
                version_id=_version_id(session, clean.version_number),
            )
            session.add(row)
            session.flush()
            return _record(row, clean.version_number)

    def get(self, comment_id: int) -> ReviewRecord:
        with self._read() as session:
            row = get_or_raise(session, ReviewComment, comment_id, "comment")
            return _record(row, _version_number(session, row.version_id))

    def update(self, comment_id: int, **changes: Any) -> ReviewRecord:
        """Change what was received (section, text, date, reviewer, version)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(ReviewData)}
        if unknown:
            raise TypeError(f"Unknown comment fields: {sorted(unknown)}")
        with self._write() as session:
            row = get_or_raise(session, ReviewComment, comment_id, "comment")
            current = _record(row, _version_number(session, row.version_id))
            clean = _validate(_data_of(dataclasses.replace(current, **changes)))
            row.section, row.text = clean.section, clean.text
            row.received_on, row.reviewer = clean.received_on, clean.reviewer
            row.version_id = _version_id(session, clean.version_number)
            return _record(row, clean.version_number)

    def set_addressed(
        self, comment_id: int, on: dt.date, reply: str = "", addressed: bool = True
    ) -> ReviewRecord:
        """Mark feedback addressed on `on` with a reply, or open it again."""
        reply = clean_text(reply, field="reply", label="Reply")
        if addressed and not isinstance(on, dt.date):
            raise ValidationError("addressed_on", "Give the date the feedback was addressed.")
        with self._write() as session:
            row = get_or_raise(session, ReviewComment, comment_id, "comment")
            if addressed and on < row.received_on:
                raise ValidationError(
                    "addressed_on", "Feedback cannot be addressed before it was received."
                )
            row.addressed = addressed
            row.addressed_on = on if addressed else None
            row.reply = reply
            return _record(row, _version_number(session, row.version_id))

    def delete(self, comment_id: int) -> ReviewRecord:
        """Remove a comment; `restore` with the returned record puts it back."""
        with self._write() as session:
            row = get_or_raise(session, ReviewComment, comment_id, "comment")
            record = _record(row, _version_number(session, row.version_id))
            session.delete(row)
            return record

    def restore(self, record: ReviewRecord) -> ReviewRecord:
        with self._write() as session:
            if session.get(ReviewComment, record.id) is not None:
                raise ValidationError("id", "This comment is already in the workspace.")
            clean = _validate(_data_of(record))
            row = ReviewComment(
                id=record.id,
                section=clean.section,
                text=clean.text,
                received_on=clean.received_on,
                reviewer=clean.reviewer,
                version_id=_version_id(session, clean.version_number, missing_ok=True),
                addressed=record.addressed,
                addressed_on=record.addressed_on,
                reply=clean_text(record.reply, field="reply", label="Reply"),
            )
            session.add(row)
            session.flush()
            return _record(row, _version_number(session, row.version_id))

    def list(self, *, section: str | None = None, open_only: bool = False) -> list[ReviewRecord]:
        """Comments in document order of their section, then as received."""
        query = select(ReviewComment, PlanVersion.number).outerjoin(
            PlanVersion, ReviewComment.version_id == PlanVersion.id
        )
        if section is not None:
            query = query.where(ReviewComment.section == section)
        if open_only:
            query = query.where(ReviewComment.addressed.is_(False))
        with self._read() as session:
            records = [_record(row, number) for row, number in session.execute(query)]
        order = {key: index for index, key in enumerate(SECTION_KEYS)}
        return sorted(records, key=lambda r: (order.get(r.section, 99), r.received_on, r.id))

    def addressed_since(self, version_number: int | None) -> list[ReviewRecord]:
        """Feedback addressed after version `version_number` was frozen.

        Each snapshot remembers which comments were addressed when it was
        taken, so "since" is exact even for comments addressed on the day of
        the export. With no version, every addressed comment counts.
        """
        addressed = [r for r in self.list() if r.addressed]
        if version_number is None:
            return addressed
        with self._read() as session:
            row = session.scalar(select(PlanVersion).where(PlanVersion.number == version_number))
            if row is None:
                return addressed
            seen = _addressed_ids(row.snapshot_json)
            taken_on = row.created_at.date()
        if seen is None:  # a snapshot without the list: fall back to dates
            return [r for r in addressed if r.addressed_on and r.addressed_on > taken_on]
        return [r for r in addressed if r.id not in seen]


def _addressed_ids(snapshot_json: str) -> set[int] | None:
    try:
        ids = json.loads(snapshot_json or "{}").get("addressed_comment_ids")
    except (json.JSONDecodeError, AttributeError):
        return None
    return set(ids) if isinstance(ids, list) else None


def _validate(data: ReviewData) -> ReviewData:
    if data.section not in SECTION_KEYS:
        raise ValidationError("section", f"The plan has no section called {data.section!r}.")
    if not isinstance(data.received_on, dt.date):
        raise ValidationError("received_on", "Give the date the feedback was received.")
    return ReviewData(
        section=data.section,
        text=clean_text(data.text, field="text", label="Feedback", required=True),
        received_on=data.received_on,
        reviewer=clean_text(
            data.reviewer, field="reviewer", label="Reviewer", single_line=True, max_length=200
        ),
        version_number=data.version_number,
    )


def _version_id(session: Any, number: int | None, *, missing_ok: bool = False) -> int | None:
    if number is None:
        return None
    found = session.scalar(select(PlanVersion.id).where(PlanVersion.number == number))
    if found is None and not missing_ok:
        raise ValidationError("version_number", f"There is no version {number}.")
    return found


def _version_number(session: Any, version_id: int | None) -> int | None:
    if version_id is None:
        return None
    row = session.get(PlanVersion, version_id)
    return row.number if row else None


def _data_of(record: ReviewRecord) -> ReviewData:
    return ReviewData(
        section=record.section,
        text=record.text,
        received_on=record.received_on,
        reviewer=record.reviewer,
        version_number=record.version_number,
    )


def _record(row: ReviewComment, version_number: int | None) -> ReviewRecord:
    return ReviewRecord(
        section=row.section,
        text=row.text,
        received_on=row.received_on,
        reviewer=row.reviewer,
        version_number=version_number,
        id=row.id,
        addressed=row.addressed,
        addressed_on=row.addressed_on,
        reply=row.reply,
    )
