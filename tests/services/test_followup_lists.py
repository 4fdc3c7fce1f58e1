"""The Follow-ups page's lists: open, overdue, done; edits that can be undone."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.followups import FollowUpData, FollowUpStatus
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
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
