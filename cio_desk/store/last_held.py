"""Keep `stakeholder.last_held_at` right: the start of each person's latest held meeting.

"Met" and "last contact" are read on the Today, Stakeholders and Listening
tour pages; grouping every held meeting to answer them cost more than the
rest of those pages. The column stores the answer, and one place keeps it
right: a session listener that, on every flush, recomputes it for exactly
the people attending a meeting that the flush adds, changes or deletes.

Writes that bypass the ORM (bulk inserts, restoring deleted rows with SQL)
call `recompute_last_held` themselves. No SQLite trigger does this work: a
later batch migration that rebuilds `stakeholder` or `meeting` would fail
on a trigger or silently drop it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import chain

from sqlalchemy import (
    Connection,
    ScalarSelect,
    Select,
    String,
    Update,
    bindparam,
    event,
    func,
    inspect,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from cio_desk.store.enums import MeetingStatus
from cio_desk.store.models import Meeting, MeetingAttendee, Stakeholder

_NOTED = "cio_desk.last_held"  # session.info key: who the running flush may change

_person = Stakeholder.__table__
_meeting = Meeting.__table__
_attendance = MeetingAttendee.__table__


def track_last_held(sessions: sessionmaker[Session]) -> None:
    """Keep `last_held_at` right in every session `sessions` makes (call it once)."""
    # Module-level functions, not bound methods: SQLAlchemy's listener
    # registry then keeps nothing of a workspace alive.
    event.listen(sessions, "before_flush", _note_people)
    event.listen(sessions, "after_flush", _refresh_people)


def recompute_last_held(
    connection: Connection, stakeholder_ids: Iterable[int] | None = None
) -> None:
    """Set `last_held_at` from the meetings, for these people (everyone when None)."""
    statement = _recompute()
    if stakeholder_ids is not None:
        ids = sorted(set(stakeholder_ids))
        if not ids:
            return
        statement = statement.where(_person.c.id.in_(ids))
    connection.execute(statement)


def _latest_held_start() -> ScalarSelect:
    """The start of the latest held meeting of the stakeholder in the enclosing statement."""
    # `status || ''` keeps SQLite off the status index: walking this person's
    # few attendances beats reading every held meeting for each person.
    status = type_coerce(_meeting.c.status, String).concat("")
    return (
        select(func.max(_meeting.c.starts_at))
        .join(_attendance, _attendance.c.meeting_id == _meeting.c.id)
        .where(_attendance.c.stakeholder_id == _person.c.id, status == MeetingStatus.HELD.value)
        .scalar_subquery()
    )


def _recompute() -> Update:
    return update(_person).values(last_held_at=_latest_held_start())


# ---------------------------------------------------------------- the listener


def _note_people(session: Session, _context: object, _instances: object) -> None:
    """Before a flush: who attends, or attended, a meeting the flush adds, changes or deletes.

    Attendees before the flush come from the database (its rows are still
    there); after it, from each meeting's attendee collection, with the
    people taken out of it.
    """
    stored: list[int] = []  # meetings already in the database
    people: list[Stakeholder] = []  # may be new, without an id until the flush
    ids: set[int] = set()
    changed = (row for row in session.dirty if session.is_modified(row))
    for row in chain(session.new, changed, session.deleted):
        if isinstance(row, Meeting):
            if row.id is not None:
                stored.append(row.id)
            history = inspect(row).attrs.attendees.history  # never loads the collection
            people.extend(chain(history.added, history.unchanged, history.deleted))
        elif isinstance(row, MeetingAttendee):
            history = inspect(row).attrs.stakeholder_id.history
            ids.update(sid for sid in chain(*history) if sid is not None)
    if stored:
        ids.update(session.connection().scalars(_attendees_query(), {"meetings": stored}))
    if ids or people:
        session.info[_NOTED] = (ids, people)
    else:
        session.info.pop(_NOTED, None)


def _refresh_people(session: Session, _context: object) -> None:
    """After a flush: recompute the people noted before it, in one UPDATE."""
    noted = session.info.pop(_NOTED, None)
    if noted is None:
        return
    ids, people = noted
    ids = ids | {person.id for person in people if person.id is not None}
    if not ids:
        return
    refreshed = session.connection().execute(_refresh_query(), {"people": sorted(ids)})
    for person_id, last_held_at in refreshed:
        loaded = session.identity_map.get(identity_key(Stakeholder, person_id))
        if loaded is not None:
            # The row changed under the loaded object: give it the stored value.
            set_committed_value(loaded, "last_held_at", last_held_at)


# Built once (statements are immutable): building one cost more than running it.


@cache
def _attendees_query() -> Select:
    meetings = bindparam("meetings", expanding=True)
    return select(_attendance.c.stakeholder_id).where(_attendance.c.meeting_id.in_(meetings))


@cache
def _refresh_query() -> Update:
    people = bindparam("people", expanding=True)
    return (
        _recompute().where(_person.c.id.in_(people)).returning(_person.c.id, _person.c.last_held_at)
    )
