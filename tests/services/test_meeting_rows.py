"""The Meetings page's data: table rows, filtering, calendar periods, delete and restore."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.capture import MeetingOutcome
from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meeting_list import MeetingFilter, filter_meeting_rows
from cio_desk.services.meetings import (
    PERIOD_DAYS,
    MeetingData,
    calendar_period,
    day_number,
    period_of,
)
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingSetting, MeetingStatus
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

START = dt.date(2026, 3, 2)


def person(ws: Workspace, name: str) -> int:
    return ws.stakeholders.add(StakeholderData(name=name)).id


def meeting(ws: Workspace, day: dt.date, *who: int, hour: int = 9, **values: object) -> int:
    start = dt.datetime.combine(day, dt.time(hour))
    data = MeetingData(
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=45),
        attendee_ids=who,
        **values,  # type: ignore[arg-type]
    )
    return ws.meetings.add(data).id


def test_rows_list_every_meeting_in_time_order_with_names(ws: Workspace) -> None:
    wang, li = person(ws, "王伟"), person(ws, "Li Na")
    late = meeting(ws, dt.date(2026, 3, 9), li, title="R&D <review>", location="二厂")
    early = meeting(ws, dt.date(2026, 3, 3), wang, li, setting=MeetingSetting.COFFEE)

    rows = ws.meetings.rows()

    assert [r.id for r in rows] == [early, late]
    first = rows[0]
    assert first.attendee_names == ("Li Na", "王伟")  # by name, as the records order them
    assert first.display_title == "Li Na, 王伟"
    assert first.setting is MeetingSetting.COFFEE and first.status is MeetingStatus.PLANNED
    assert first.starts_at == dt.datetime(2026, 3, 3, 9)
    assert first.ends_at == dt.datetime(2026, 3, 3, 9, 45)
    assert rows[1].title == "R&D <review>" and rows[1].location == "二厂"
    assert first.attendee_names == ws.meetings.get(early).attendee_names


def test_rows_can_be_limited_to_a_time_window(ws: Workspace) -> None:
    who = person(ws, "Li Na")
    days = [dt.date(2026, 3, d) for d in (1, 2, 31)] + [dt.date(2026, 4, 1)]
    ids = [meeting(ws, day, who) for day in days]
    period = calendar_period(START)

    rows = ws.meetings.rows(
        start=dt.datetime.combine(period.first, dt.time.min),
        end=dt.datetime.combine(period.last + dt.timedelta(days=1), dt.time.min),
    )

    assert [r.id for r in rows] == ids[1:3]
    assert all(r.attendee_names == ("Li Na",) for r in rows)


def test_filter_by_words_in_any_script_and_by_status(ws: Workspace) -> None:
    wang, li = person(ws, "王伟"), person(ws, "Li Na")
    budget = meeting(ws, dt.date(2026, 3, 3), wang, title="Budget review", location="HQ")
    coffee = meeting(ws, dt.date(2026, 3, 4), li, title="Coffee", status=MeetingStatus.HELD)
    rows = ws.meetings.rows()

    def ids(flt: MeetingFilter) -> list[int]:
        return [r.id for r in filter_meeting_rows(rows, flt)]

    assert ids(MeetingFilter()) == [budget, coffee]
    assert ids(MeetingFilter(text="王")) == [budget]
    assert ids(MeetingFilter(text="budget hq")) == [budget]  # every word, any field
    assert ids(MeetingFilter(text="LI NA")) == [coffee]
    assert ids(MeetingFilter(text="budget li")) == []
    assert ids(MeetingFilter(status=MeetingStatus.HELD)) == [coffee]


def test_times_and_rows_by_id_list_what_the_filter_keeps(ws: Workspace) -> None:
    """The list's reads (ids and starts, then the rows shown) agree with filtering all rows."""
    wang, muller, li = person(ws, "王伟"), person(ws, "Jörg MÜLLER"), person(ws, "Li Na")
    meeting(ws, dt.date(2026, 3, 3), wang, title="Budget review", location="HQ")
    meeting(ws, dt.date(2026, 3, 3), muller, li, status=MeetingStatus.HELD)  # untitled
    meeting(ws, dt.date(2026, 3, 4), li, title="Coffee", location="Café 二厂")
    same_time = meeting(ws, dt.date(2026, 3, 2), li, title="Plant walk")
    meeting(ws, dt.date(2026, 3, 2), wang, title="Plant walk")
    rows = ws.meetings.rows()
    texts = ws.meetings.search_texts()  # kept by the list from one keystroke to the next
    filters = [
        MeetingFilter(),
        MeetingFilter(text="王"),
        MeetingFilter(text="müller li"),  # two attendees of one meeting
        MeetingFilter(text="BUDGET hq"),
        MeetingFilter(text="café 二厂"),
        MeetingFilter(text="plant 王伟"),
        MeetingFilter(text="nobody"),
        MeetingFilter(status=MeetingStatus.HELD),
        MeetingFilter(text="li", status=MeetingStatus.PLANNED),
        MeetingFilter(awaiting_capture_on=dt.date(2026, 3, 4)),
    ]
    for flt in filters:
        expected = [r.id for r in filter_meeting_rows(rows, flt)]
        assert list(ws.meetings.times(flt).ids) == expected, flt
        assert list(ws.meetings.times(flt, texts).ids) == expected, flt

    times = ws.meetings.times()
    assert times.starts[0] < times.starts[-1] and times.ids[0] == same_time  # ties by id
    by_id = ws.meetings.rows_by_id([times.ids[-1], times.ids[0], 999])
    assert by_id == {r.id: r for r in (rows[0], rows[-1])}  # a missing id is left out


def test_awaiting_capture_means_still_planned_after_its_day(ws: Workspace) -> None:
    who = person(ws, "Li Na")
    past = meeting(ws, dt.date(2026, 3, 3), who)
    meeting(ws, dt.date(2026, 3, 3), who, hour=11, status=MeetingStatus.HELD)
    meeting(ws, dt.date(2026, 3, 5), who)  # today: not yet
    rows = ws.meetings.rows()

    waiting = filter_meeting_rows(rows, MeetingFilter(awaiting_capture_on=dt.date(2026, 3, 5)))

    assert [r.id for r in waiting] == [past]
    snapshot = ws.onboarding.snapshot(dt.datetime(2026, 3, 5, 8))
    assert snapshot is not None
    assert [m.id for m in snapshot.awaiting_capture.items] == [past]  # the Today page agrees


def test_calendar_periods_count_thirty_days_from_day_one() -> None:
    first = calendar_period(START)
    assert (first.first, first.last) == (START, dt.date(2026, 3, 31))
    assert (first.first_day, first.last_day) == (1, PERIOD_DAYS)
    assert first.contains(dt.date(2026, 3, 31)) and not first.contains(dt.date(2026, 4, 1))
    assert first.day_number(START) == 1
    assert first.day_number(START - dt.timedelta(days=1)) is None  # there is no Day 0

    second = calendar_period(START, 1)
    assert (second.first_day, second.last_day) == (31, 60)
    before = calendar_period(START, -1)
    assert before.last == START - dt.timedelta(days=1)
    assert before.day_number(before.last) is None

    assert period_of(START, dt.date(2026, 4, 1)).index == 1
    assert period_of(START, START - dt.timedelta(days=1)).index == -1
    assert period_of(START, START).index == 0
    assert day_number(START, dt.date(2026, 3, 19)) == 18


def test_delete_and_restore_keep_what_was_learnt(ws: Workspace) -> None:
    li = person(ws, "Li Na")
    held = meeting(ws, dt.date(2026, 3, 3), li, title="Coffee", agenda="ERP")
    result = ws.capture.record_meeting_outcome(
        held,
        MeetingOutcome(
            notes="Candid",
            insights=(InsightData(li, InsightKind.GOAL, "Close faster"),),
            follow_ups=(FollowUpData("Send the plan", due_date=dt.date(2026, 3, 6)),),
        ),
    )
    before = ws.meetings.get(held)

    deleted = ws.meetings.delete(held)

    assert ws.meetings.count() == 0
    assert ws.insights.get(result.insights[0].id).meeting_id is None  # kept, unlinked
    assert ws.followups.get(result.follow_ups[0].id).meeting_id is None

    restored = ws.meetings.restore(deleted)

    assert restored == before
    assert ws.insights.get(result.insights[0].id).meeting_id == held
    assert ws.followups.get(result.follow_ups[0].id).meeting_id == held
    with pytest.raises(ValidationError, match="already in the workspace"):
        ws.meetings.restore(deleted)


def test_next_planned_is_the_first_planned_meeting_not_yet_over(ws: Workspace) -> None:
    who = person(ws, "Li Na")
    now = dt.datetime(2026, 3, 5, 9, 30)
    meeting(ws, dt.date(2026, 3, 4), who)  # yesterday, still to write up: not next
    running = meeting(ws, dt.date(2026, 3, 5), who, hour=9)  # 9:00-9:45, under way
    meeting(ws, dt.date(2026, 3, 5), who, hour=8, status=MeetingStatus.HELD)
    later = meeting(ws, dt.date(2026, 3, 6), who)

    assert ws.meetings.next_planned(now).id == running  # type: ignore[union-attr]
    assert ws.meetings.next_planned(now + dt.timedelta(hours=1)).id == later  # type: ignore[union-attr]
    assert ws.meetings.next_planned(dt.datetime(2026, 3, 7)) is None
