"""Each person's last held meeting, stored on the stakeholder, follows every service write.

`stakeholder.last_held_at` must always equal what grouping the held
meetings gives (the way "met" and "last contact" were read before the
column existed): after capture, rescheduling, a change of attendees, a
status change, deletion, each undo, and the stakeholder's own removal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from cio_desk.services.capture import MeetingOutcome
from cio_desk.services.demo import build_demo
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import MeetingStatus
from cio_desk.store.models import Meeting, MeetingAttendee, Stakeholder
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

TODAY = dt.date(2026, 3, 20)
HELD = MeetingStatus.HELD
PLANNED = MeetingStatus.PLANNED


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour)


def person(ws: Workspace, name: str, **fields: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **fields)).id


def meet(ws: Workspace, start: dt.datetime, *who: int, status: MeetingStatus = HELD) -> int:
    data = MeetingData(
        starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=who, status=status
    )
    return ws.meetings.add(data).id


def stored(ws: Workspace) -> dict[int, dt.datetime | None]:
    """Every stakeholder's `last_held_at`, archived people included."""
    with ws.sessions() as session:
        return dict(session.execute(select(Stakeholder.id, Stakeholder.last_held_at)).all())


def from_meetings(ws: Workspace) -> dict[int, dt.datetime | None]:
    """The same figure grouped from the held meetings, as before the column existed."""
    latest = (
        select(MeetingAttendee.stakeholder_id, func.max(Meeting.starts_at))
        .join(Meeting, Meeting.id == MeetingAttendee.meeting_id)
        .where(Meeting.status == HELD)
        .group_by(MeetingAttendee.stakeholder_id)
    )
    with ws.sessions() as session:
        found = dict(session.execute(latest).all())
        everyone = session.scalars(select(Stakeholder.id)).all()
    return {sid: _as_datetime(found.get(sid)) for sid in everyone}


def _as_datetime(value: dt.datetime | str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def assert_consistent(ws: Workspace) -> dict[int, dt.datetime | None]:
    values = stored(ws)
    assert values == from_meetings(ws)
    return values


# ---------------------------------------------------------------- one write at a time


def test_capture_sets_the_attendees_and_its_undo_clears_them(ws: Workspace) -> None:
    li, wang, zhou = person(ws, "Li"), person(ws, "Wang"), person(ws, "Zhou")
    meeting = meet(ws, at(3), li, wang, status=PLANNED)
    assert assert_consistent(ws) == {li: None, wang: None, zhou: None}

    result = ws.capture.record_meeting_outcome(meeting, MeetingOutcome(notes="Budget first"))
    assert assert_consistent(ws) == {li: at(3), wang: at(3), zhou: None}

    ws.capture.undo(result)
    assert assert_consistent(ws) == {li: None, wang: None, zhou: None}

    ws.capture.redo(result)
    assert assert_consistent(ws) == {li: at(3), wang: at(3), zhou: None}


def test_moving_a_meeting_moves_the_last_held_time(ws: Workspace) -> None:
    li, wang = person(ws, "Li"), person(ws, "Wang")
    meet(ws, at(3), li)
    later = meet(ws, at(5), li, wang)
    assert assert_consistent(ws) == {li: at(5), wang: at(5)}

    old = ws.meetings.get(later)
    ws.meetings.update(later, starts_at=at(2), ends_at=at(2, 11))
    # Li's meeting on the 3rd is now the latest one.
    assert assert_consistent(ws) == {li: at(3), wang: at(2)}

    ws.meetings.update(later, starts_at=old.starts_at, ends_at=old.ends_at)  # undo
    assert assert_consistent(ws) == {li: at(5), wang: at(5)}


def test_changing_the_attendees_moves_the_meeting_between_people(ws: Workspace) -> None:
    li, wang, zhou = person(ws, "Li"), person(ws, "Wang"), person(ws, "Zhou")
    meeting = meet(ws, at(4), li, wang)

    ws.meetings.update(meeting, attendee_ids=(wang, zhou))
    assert assert_consistent(ws) == {li: None, wang: at(4), zhou: at(4)}

    ws.meetings.update(meeting, attendee_ids=(li, wang))  # undo
    assert assert_consistent(ws) == {li: at(4), wang: at(4), zhou: None}


@pytest.mark.parametrize("status", [MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW, PLANNED])
def test_only_a_held_meeting_counts(ws: Workspace, status: MeetingStatus) -> None:
    li = person(ws, "Li")
    meet(ws, at(2), li)
    latest = meet(ws, at(6), li)

    ws.meetings.set_status(latest, status)
    assert assert_consistent(ws) == {li: at(2)}

    ws.meetings.set_status(latest, HELD)  # undo
    assert assert_consistent(ws) == {li: at(6)}


def test_deleting_a_meeting_and_restoring_it(ws: Workspace) -> None:
    li, wang = person(ws, "Li"), person(ws, "Wang")
    meet(ws, at(2), wang)
    meeting = meet(ws, at(7), li, wang)

    deleted = ws.meetings.delete(meeting)
    assert assert_consistent(ws) == {li: None, wang: at(2)}

    ws.meetings.restore(deleted)
    assert assert_consistent(ws) == {li: at(7), wang: at(7)}


def test_archiving_keeps_the_history(ws: Workspace) -> None:
    li = person(ws, "Li")
    meet(ws, at(3), li)
    ws.stakeholders.set_archived(li)
    assert assert_consistent(ws) == {li: at(3)}
    ws.stakeholders.set_archived(li, False)
    assert assert_consistent(ws) == {li: at(3)}


def test_a_restored_stakeholder_reflects_meetings_changed_while_deleted(ws: Workspace) -> None:
    li, wang = person(ws, "Li"), person(ws, "Wang")
    early = meet(ws, at(2), li)
    late = meet(ws, at(8), li, wang)
    snapshot = ws.stakeholders.delete(li)
    assert assert_consistent(ws) == {wang: at(8)}

    # While Li was gone, the later meeting turned out cancelled and the
    # earlier one was deleted: the snapshot's value no longer holds.
    ws.meetings.set_status(late, MeetingStatus.CANCELLED)
    ws.meetings.delete(early)
    ws.stakeholders.restore(snapshot)
    assert assert_consistent(ws) == {li: None, wang: None}
    assert ws.meetings.get(late).attendee_ids == (li, wang)


# ---------------------------------------------------------------- a whole session of work


def test_a_sequence_of_real_operations_keeps_the_column_right(ws: Workspace) -> None:
    li, wang, zhou = person(ws, "Li"), person(ws, "Wang"), person(ws, "Zhou")
    state: dict[str, object] = {}

    def plan() -> None:
        state["meeting"] = meet(ws, at(9), li, wang, status=PLANNED)

    def capture() -> None:
        state["capture"] = ws.capture.record_meeting_outcome(state["meeting"], MeetingOutcome())

    def reschedule() -> None:
        ws.meetings.update(state["meeting"], starts_at=at(10, 8), ends_at=at(10, 9))

    def new_attendees() -> None:
        ws.meetings.update(state["meeting"], attendee_ids=(zhou,))

    def second_meeting() -> None:
        state["second"] = meet(ws, at(11), li, zhou)

    steps: list[Callable[[], object]] = [
        plan,
        capture,
        reschedule,
        new_attendees,
        second_meeting,
        lambda: ws.meetings.set_status(state["second"], MeetingStatus.CANCELLED),
        lambda: ws.meetings.set_status(state["second"], HELD),
        lambda: ws.meetings.update(state["meeting"], attendee_ids=(li, wang)),
        lambda: state.update(deleted=ws.meetings.delete(state["second"])),
        lambda: ws.meetings.restore(state["deleted"]),
        lambda: ws.capture.undo(state["capture"]),
        lambda: state.update(capture=ws.capture.redo(state["capture"])),
        lambda: ws.stakeholders.set_archived(zhou),
        lambda: state.update(gone=ws.stakeholders.delete(wang)),
        lambda: ws.meetings.update(state["second"], starts_at=at(12), ends_at=at(12, 11)),
        lambda: ws.stakeholders.restore(state["gone"]),
    ]
    for step in steps:
        step()
        assert_consistent(ws)
    assert stored(ws) == {li: at(12), wang: at(10, 8), zhou: at(12)}


def test_the_demo_workspace_is_consistent(ws: Workspace) -> None:
    build_demo(ws, TODAY)
    values = assert_consistent(ws)
    assert any(v is None for v in values.values()) and any(values.values())


# ---------------------------------------------------------------- what the pages read


def test_a_future_meeting_marked_held_is_contact_but_does_not_reset_the_cadence(
    ws: Workspace,
) -> None:
    li = person(ws, "Li", cadence_days=7)
    wang = person(ws, "Wang", cadence_days=7)
    meet(ws, dt.datetime.combine(TODAY - dt.timedelta(days=10), dt.time(9)), li)
    meet(ws, dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(9)), li)
    meet(ws, dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9)), wang)

    cold = {c.stakeholder_id: c for c in ws.tour.going_cold(TODAY)}

    # Li: the meeting 10 days ago counts, the one in 3 days not yet.
    assert (cold[li].last_met, cold[li].days_overdue) == (TODAY - dt.timedelta(days=10), 3)
    # Wang's only held meeting is tomorrow: never met as of today.
    assert cold[wang].never_met
    row = ws.register.row(li)
    assert row.met and row.last_contact == TODAY + dt.timedelta(days=3)
    assert ws.onboarding.coverage().met == 2
