"""Follow-ups: what the CIO promised, when it is due, and ticking it off."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.followups import FollowUpData, FollowUpRecord, FollowUpStatus
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

MEETING_DAY = dt.date(2026, 3, 5)
TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def cfo(ws: Workspace) -> int:
    return ws.stakeholders.add(StakeholderData(name="王芳")).id


@pytest.fixture
def meeting(ws: Workspace, cfo: int) -> int:
    start = dt.datetime.combine(MEETING_DAY, dt.time(16, 0))
    return ws.meetings.add(
        MeetingData(starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=(cfo,))
    ).id


def add(ws: Workspace, text: str = "Send the cost report", **values: object) -> FollowUpRecord:
    return ws.followups.add(FollowUpData(text=text, **values))  # type: ignore[arg-type]


def test_a_follow_up_is_stored_with_its_links(ws: Workspace, cfo: int, meeting: int) -> None:
    added = add(
        ws,
        "  Share the ERP audit\nwith finance ",
        due_date=MEETING_DAY,
        owner=" Li Wei ",
        quick_win=True,
        meeting_id=meeting,
        stakeholder_id=cfo,
    )
    assert ws.followups.get(added.id) == added
    assert added.text == "  Share the ERP audit\nwith finance "  # multi-line, kept as typed
    assert added.owner == "Li Wei"
    assert added.stakeholder_name == "王芳"
    assert (added.done, added.done_on, added.quick_win) == (False, None, True)


@pytest.mark.parametrize("text", ["", "  ", "\n", None])
def test_the_text_is_required(ws: Workspace, text: object) -> None:
    with pytest.raises(ValidationError, match="Follow-up cannot be empty") as caught:
        add(ws, text)  # type: ignore[arg-type]
    assert caught.value.field == "text"


def test_it_cannot_be_due_before_its_meeting(ws: Workspace, meeting: int) -> None:
    with pytest.raises(ValidationError, match="due before its meeting") as caught:
        add(ws, due_date=MEETING_DAY - dt.timedelta(days=1), meeting_id=meeting)
    assert caught.value.field == "due_date"
    # Due the same day as the meeting (even earlier than its hour) is fine.
    assert add(ws, due_date=MEETING_DAY, meeting_id=meeting).due_date == MEETING_DAY
    assert add(ws, meeting_id=meeting).due_date is None


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"meeting_id": 999}, "meeting_id"),
        ({"stakeholder_id": 999}, "stakeholder_id"),
        ({"due_date": "2026-03-20"}, "due_date"),
        ({"owner": "x" * 201}, "owner"),
    ],
)
def test_bad_links_and_values_are_refused(
    ws: Workspace, values: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        add(ws, **values)
    assert caught.value.field == field
    assert ws.followups.list() == []


def test_a_due_date_with_a_time_keeps_the_date(ws: Workspace) -> None:
    added = add(ws, due_date=dt.datetime(2026, 3, 20, 17, 30))
    assert added.due_date == dt.date(2026, 3, 20)
    assert type(ws.followups.get(added.id).due_date) is dt.date


def test_done_and_undone(ws: Workspace) -> None:
    added = add(ws, due_date=TODAY)
    done = ws.followups.set_done(added.id, on=TODAY)
    assert (done.done, done.done_on) == (True, TODAY)
    assert ws.followups.get(added.id).done
    undone = ws.followups.set_done(added.id, False)
    assert (undone.done, undone.done_on) == (False, None)
    assert ws.followups.set_done(added.id).done_on == dt.date.today()
    with pytest.raises(NotFoundError):
        ws.followups.set_done(999)


def test_listed_by_due_date_undated_last_then_in_the_order_made(ws: Workspace) -> None:
    undated_first = add(ws, "a")
    late = add(ws, "b", due_date=TODAY + dt.timedelta(days=5))
    early = add(ws, "c", due_date=TODAY - dt.timedelta(days=5))
    undated_second = add(ws, "d")
    same_day_as_late = add(ws, "e", due_date=TODAY + dt.timedelta(days=5))
    expected = [early, late, same_day_as_late, undated_first, undated_second]
    assert [f.id for f in ws.followups.list()] == [f.id for f in expected]


def test_the_lists_and_counts_of_the_follow_ups_page(ws: Workspace, cfo: int) -> None:
    overdue = add(ws, "overdue", due_date=TODAY - dt.timedelta(days=1), quick_win=True)
    due_today = add(ws, "due today", due_date=TODAY, stakeholder_id=cfo)
    undated = add(ws, "undated")
    finished = add(ws, "finished", due_date=TODAY - dt.timedelta(days=3))
    ws.followups.set_done(finished.id, on=TODAY)

    def ids(**query: object) -> list[int]:
        return [f.id for f in ws.followups.list(**query)]  # type: ignore[arg-type]

    assert ids(open_only=True) == [overdue.id, due_today.id, undated.id]
    assert ids(status=FollowUpStatus.OPEN) == [overdue.id, due_today.id, undated.id]
    assert ids(status=FollowUpStatus.OVERDUE, today=TODAY) == [overdue.id]
    assert ids(status="done") == [finished.id]
    assert ids(stakeholder_id=cfo) == [due_today.id]
    counts = ws.followups.counts(TODAY)
    assert (counts.open, counts.overdue, counts.done, counts.open_quick_wins) == (3, 1, 1, 1)
    assert [f.is_overdue(TODAY) for f in (overdue, due_today, undated)] == [True, False, False]


def test_update_validates_again(ws: Workspace, meeting: int) -> None:
    added = add(ws, due_date=MEETING_DAY, meeting_id=meeting)
    assert ws.followups.update(added.id, text="Send the revised report").text == (
        "Send the revised report"
    )
    with pytest.raises(ValidationError, match="due before its meeting"):
        ws.followups.update(added.id, due_date=MEETING_DAY - dt.timedelta(days=2))
    assert ws.followups.get(added.id).due_date == MEETING_DAY


def test_delete_and_restore_bring_it_back_as_it_was(ws: Workspace, cfo: int) -> None:
    added = add(ws, due_date=TODAY, stakeholder_id=cfo)
    done = ws.followups.set_done(added.id, on=TODAY)
    removed = ws.followups.delete(added.id)
    assert ws.followups.list() == []
    assert ws.followups.restore(removed) == done
    with pytest.raises(ValidationError, match="already in the workspace"):
        ws.followups.restore(removed)


def test_a_follow_up_outlives_its_meeting_and_stakeholder_link(
    ws: Workspace, cfo: int, meeting: int
) -> None:
    added = add(ws, due_date=MEETING_DAY, meeting_id=meeting, stakeholder_id=cfo)
    ws.meetings.delete(meeting)
    kept = ws.followups.get(added.id)
    assert kept.meeting_id is None
    assert (kept.text, kept.stakeholder_name) == (added.text, "王芳")
