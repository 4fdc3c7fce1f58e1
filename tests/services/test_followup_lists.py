"""The Follow-ups page's lists: open, overdue, done; edits that can be undone."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.followups import FollowUpData, FollowUpStatus
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import MeetingStatus
from cio_desk.workspace import Workspace

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def promises(ws: Workspace) -> dict[str, int]:
    cfo = ws.stakeholders.add(StakeholderData(name="王伟")).id
    add = ws.followups.add
    ids = {
        "late": add(FollowUpData("Late", due_date=dt.date(2026, 3, 10), stakeholder_id=cfo)).id,
        "later": add(FollowUpData("Later", due_date=dt.date(2026, 3, 25), quick_win=True)).id,
        "undated": add(FollowUpData("Someday")).id,
        "due_today": add(FollowUpData("Today", due_date=TODAY)).id,
        "done": add(FollowUpData("Done", due_date=dt.date(2026, 3, 5), quick_win=True)).id,
        "earliest": add(FollowUpData("Earliest", due_date=dt.date(2026, 3, 3))).id,
    }
    ws.followups.set_done(ids["done"], on=dt.date(2026, 3, 4))
    return ids


def texts(records: list) -> list[str]:
    return [r.text for r in records]


def test_lists_by_due_date_undated_last(ws: Workspace, promises: dict[str, int]) -> None:
    list_ = ws.followups.list
    assert texts(list_(status=FollowUpStatus.OPEN)) == [
        "Earliest",
        "Late",
        "Today",
        "Later",
        "Someday",
    ]
    assert texts(list_(status=FollowUpStatus.OVERDUE, today=TODAY)) == ["Earliest", "Late"]
    assert texts(list_(status="done")) == ["Done"]
    assert texts(list_(stakeholder_id=1)) == ["Late"]
    assert list_(status=FollowUpStatus.OPEN)[1].stakeholder_name == "王伟"


def test_overdue_needs_today(ws: Workspace, promises: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        ws.followups.list(status=FollowUpStatus.OVERDUE)


def test_counts_for_the_page(ws: Workspace, promises: dict[str, int]) -> None:
    counts = ws.followups.counts(TODAY)
    assert (counts.open, counts.overdue, counts.done, counts.open_quick_wins) == (5, 2, 1, 1)


def test_update_is_validated_again(ws: Workspace, promises: dict[str, int]) -> None:
    start = dt.datetime(2026, 3, 12, 9)
    meeting = ws.meetings.add(
        MeetingData(starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=(1,))
    ).id
    updated = ws.followups.update(
        promises["undated"], due_date=dt.date(2026, 3, 15), meeting_id=meeting, quick_win=True
    )
    assert (updated.due_date, updated.meeting_id, updated.quick_win) == (
        dt.date(2026, 3, 15),
        meeting,
        True,
    )
    with pytest.raises(ValidationError) as error:
        ws.followups.update(promises["undated"], due_date=dt.date(2026, 3, 1))
    assert error.value.field == "due_date"
    with pytest.raises(ValidationError):
        ws.followups.update(promises["undated"], text=" ")
    assert ws.followups.get(promises["undated"]).due_date == dt.date(2026, 3, 15)
    with pytest.raises(TypeError):
        ws.followups.update(promises["undated"], done=True)
    with pytest.raises(NotFoundError):
        ws.followups.update(999, text="x")


def test_delete_and_restore_keep_id_and_done_state(ws: Workspace, promises: dict[str, int]) -> None:
    before = ws.followups.get(promises["done"])
    removed = ws.followups.delete(promises["done"])
    assert "Done" not in texts(ws.followups.list())
    assert ws.followups.restore(removed) == before
    with pytest.raises(ValidationError):
        ws.followups.restore(removed)


def test_done_this_week_counts_from_monday(ws: Workspace, promises: dict[str, int]) -> None:
    # TODAY is Friday 20 March 2026; its week started on Monday 16 March.
    ws.followups.set_done(promises["late"], on=dt.date(2026, 3, 16))
    ws.followups.set_done(promises["earliest"], on=dt.date(2026, 3, 15))  # last week
    counts = ws.followups.counts(TODAY)
    assert counts.done == 3
    assert counts.done_this_week == 1
    assert ws.followups.counts(dt.date(2026, 3, 23)).done_this_week == 0


def _meeting(ws: Workspace, day: int, *who: int, **extra) -> int:
    start = dt.datetime(2026, 3, day, 9)
    data = MeetingData(starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=who)
    return ws.meetings.add(dataclasses.replace(data, **extra)).id


def test_linked_meetings_name_where_each_follow_up_came_from(ws: Workspace) -> None:
    cfo = ws.stakeholders.add(StakeholderData(name="王伟")).id
    coo = ws.stakeholders.add(StakeholderData(name="Zhang Min")).id
    coffee = _meeting(ws, 12, cfo, coo)
    lunch = _meeting(ws, 13, cfo, title="Budget lunch")
    found = ws.followups.linked_meetings([coffee, lunch, coffee, None])
    assert found[coffee].display_title == ws.meetings.get(coffee).display_title == "Zhang Min, 王伟"
    assert found[lunch].display_title == "Budget lunch"
    assert found[lunch].starts_at == dt.datetime(2026, 3, 13, 9)
    assert ws.followups.linked_meetings([]) == {}
    assert ws.followups.linked_meetings([404]) == {}


def test_meeting_choices_are_the_persons_meetings_latest_first(ws: Workspace) -> None:
    cfo = ws.stakeholders.add(StakeholderData(name="王伟")).id
    coo = ws.stakeholders.add(StakeholderData(name="Zhang Min")).id
    first = _meeting(ws, 3, cfo)
    both = _meeting(ws, 9, cfo, coo)
    _meeting(ws, 10, coo)
    _meeting(ws, 11, cfo, status=MeetingStatus.CANCELLED)
    assert [m.id for m in ws.followups.meeting_choices(cfo)] == [both, first]
    assert ws.followups.meeting_choices(404) == []
