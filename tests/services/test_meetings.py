"""Meetings: scheduling rules, attendees, and listing by time and status."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.meetings import MeetingData, MeetingRecord
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

NINE = dt.datetime(2026, 3, 3, 9, 0)


@pytest.fixture
def people(ws: Workspace) -> dict[str, int]:
    names = ("王芳", "Li Wei", "Zhang Min")
    return {n: ws.stakeholders.add(StakeholderData(name=n)).id for n in names}


def meeting(
    ws: Workspace, attendees: tuple[int, ...], start: dt.datetime = NINE, **values: object
) -> MeetingRecord:
    minutes = values.pop("minutes", 60)
    return ws.meetings.add(
        MeetingData(
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=minutes),  # type: ignore[arg-type]
            attendee_ids=attendees,
            **values,  # type: ignore[arg-type]
        )
    )


def test_a_meeting_is_stored_and_read_back(ws: Workspace, people: dict[str, int]) -> None:
    added = meeting(
        ws,
        (people["王芳"],),
        title=" Coffee with the CFO ",
        setting="coffee",
        location="Lobby café",
        agenda="Month-end close\nERP pain points",
        sentiment=1,
    )
    stored = ws.meetings.get(added.id)
    assert stored == added
    assert stored.title == "Coffee with the CFO"
    assert stored.setting is MeetingSetting.COFFEE and stored.status is MeetingStatus.PLANNED
    assert stored.duration_minutes == 60
    assert stored.notes_confidential  # notes are private unless the CIO says otherwise
    assert stored.attendee_names == ("王芳",)


def test_a_meeting_cannot_end_before_it_starts(ws: Workspace, people: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="cannot end before it starts") as caught:
        meeting(ws, (people["Li Wei"],), minutes=-1)
    assert caught.value.field == "ends_at"
    assert ws.meetings.count() == 0


def test_a_meeting_may_be_a_moment_but_not_longer_than_a_day(
    ws: Workspace, people: dict[str, int]
) -> None:
    assert meeting(ws, (people["Li Wei"],), minutes=0).duration_minutes == 0
    assert meeting(ws, (people["Li Wei"],), minutes=24 * 60).duration_minutes == 24 * 60
    with pytest.raises(ValidationError, match="more than 24 hours"):
        meeting(ws, (people["Li Wei"],), minutes=24 * 60 + 1)


@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
@pytest.mark.parametrize("value", [dt.date(2026, 3, 3), "2026-03-03 09:00", None])
def test_times_must_be_dates_with_times(
    ws: Workspace, people: dict[str, int], field: str, value: object
) -> None:
    data = {"starts_at": NINE, "ends_at": NINE + dt.timedelta(hours=1), field: value}
    with pytest.raises(ValidationError, match="date and a time") as caught:
        ws.meetings.add(MeetingData(attendee_ids=(people["Li Wei"],), **data))  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_meeting_needs_an_attendee(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="at least one attendee") as caught:
        meeting(ws, ())
    assert caught.value.field == "attendee_ids"


def test_an_unknown_attendee_is_refused(ws: Workspace, people: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="no longer in the register") as caught:
        meeting(ws, (people["Li Wei"], 999))
    assert caught.value.field == "attendee_ids"
    assert ws.meetings.count() == 0


def test_duplicate_attendees_are_collapsed(ws: Workspace, people: dict[str, int]) -> None:
    li, wang = people["Li Wei"], people["王芳"]
    added = meeting(ws, (li, wang, li, wang, li))
    assert sorted(added.attendee_ids) == sorted([li, wang])
    assert added.attendee_names == ("Li Wei", "王芳")
    assert ws.meetings.get(added.id).attendee_ids == added.attendee_ids


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"sentiment": 3}, "sentiment"),
        ({"sentiment": -3}, "sentiment"),
        ({"sentiment": "1"}, "sentiment"),
        ({"setting": "beach"}, "setting"),
        ({"status": "postponed"}, "status"),
        ({"title": "x" * 301}, "title"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(
    ws: Workspace, people: dict[str, int], values: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        meeting(ws, (people["Li Wei"],), **values)
    assert caught.value.field == field


def test_list_by_time_range_and_status(ws: Workspace, people: dict[str, int]) -> None:
    li = (people["Li Wei"],)
    day = dt.timedelta(days=1)
    early = meeting(ws, li, NINE, status=MeetingStatus.HELD)
    same_time = meeting(ws, li, NINE)
    next_day = meeting(ws, li, NINE + day, status="cancelled")
    later = meeting(ws, li, NINE + 3 * day)

    assert [m.id for m in ws.meetings.list()] == [early.id, same_time.id, next_day.id, later.id]
    # [start, end): a meeting starting exactly at `end` belongs to the next range.
    in_range = ws.meetings.list(start=NINE, end=NINE + day)
    assert [m.id for m in in_range] == [early.id, same_time.id]
    assert [m.id for m in ws.meetings.list(start=NINE + day)] == [next_day.id, later.id]
    planned = ws.meetings.list(status=MeetingStatus.PLANNED)
    assert [m.id for m in planned] == [same_time.id, later.id]
    assert ws.meetings.list(start=NINE + day, status=MeetingStatus.PLANNED) == [
        ws.meetings.get(later.id)
    ]


def test_update_changes_attendees_and_keeps_them_otherwise(
    ws: Workspace, people: dict[str, int]
) -> None:
    added = meeting(ws, (people["Li Wei"],))
    updated = ws.meetings.update(added.id, attendee_ids=(people["王芳"], people["Zhang Min"]))
    assert updated.attendee_names == ("Zhang Min", "王芳")
    renamed = ws.meetings.update(added.id, title="Steering group")
    assert renamed.attendee_names == ("Zhang Min", "王芳")
    assert ws.meetings.get(added.id).attendee_ids == renamed.attendee_ids


def test_update_validates_the_whole_meeting_again(ws: Workspace, people: dict[str, int]) -> None:
    added = meeting(ws, (people["Li Wei"],))
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        ws.meetings.update(added.id, starts_at=NINE + dt.timedelta(hours=2))
    with pytest.raises(ValidationError, match="at least one attendee"):
        ws.meetings.update(added.id, attendee_ids=())
    with pytest.raises(ValidationError, match="no longer in the register"):
        ws.meetings.update(added.id, attendee_ids=(999,))
    assert ws.meetings.get(added.id) == added


def test_set_status_records_the_outcome(ws: Workspace, people: dict[str, int]) -> None:
    added = meeting(ws, (people["Li Wei"],))
    assert ws.meetings.set_status(added.id, MeetingStatus.HELD).status is MeetingStatus.HELD
    assert ws.meetings.get(added.id).status is MeetingStatus.HELD
    with pytest.raises(ValidationError):
        ws.meetings.set_status(added.id, "rescheduled")  # type: ignore[arg-type]


def test_delete_removes_the_meeting_but_not_the_people(
    ws: Workspace, people: dict[str, int]
) -> None:
    added = meeting(ws, tuple(people.values()))
    ws.meetings.delete(added.id)
    assert ws.meetings.count() == 0
    assert ws.stakeholders.count() == 3
    with pytest.raises(NotFoundError):
        ws.meetings.get(added.id)
    with pytest.raises(NotFoundError):
        ws.meetings.delete(added.id)


def test_an_archived_attendee_stays_on_the_meeting(ws: Workspace, people: dict[str, int]) -> None:
    added = meeting(ws, (people["Zhang Min"],))
    ws.stakeholders.set_archived(people["Zhang Min"])
    assert ws.meetings.get(added.id).attendee_names == ("Zhang Min",)
