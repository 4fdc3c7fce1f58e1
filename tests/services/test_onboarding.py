"""Every figure of the Today page, on small hand-built workspaces.

Day 1 is START (2026-03-02); the plan is due on Day 30 (2026-03-31).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.services.followups import FollowUpData
from cio_desk.services.meetings import MeetingData, MeetingRecord
from cio_desk.services.onboarding import DayInfo, MeetingCounts, Shortlist
from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import MeetingStatus
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

START = dt.date(2026, 3, 2)
HELD, PLANNED = MeetingStatus.HELD, MeetingStatus.PLANNED
CANCELLED, NO_SHOW = MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW


def day(n: int) -> dt.date:
    """The date of Day n (Day 1 is START)."""
    return START + dt.timedelta(days=n - 1)


def at(n: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day(n), dt.time(hour, minute))


def person(ws: Workspace, name: str, influence: int = 3, interest: int = 3) -> int:
    return ws.stakeholders.add(StakeholderData(name, influence=influence, interest=interest)).id


def meet(
    ws: Workspace,
    who: int | tuple[int, ...],
    when: dt.datetime,
    status: MeetingStatus = PLANNED,
) -> MeetingRecord:
    attendees = who if isinstance(who, tuple) else (who,)
    return ws.meetings.add(
        MeetingData(
            starts_at=when,
            ends_at=when + dt.timedelta(minutes=45),
            attendee_ids=attendees,
            status=status,
        )
    )


# ---------------------------------------------------------------- Day N


@pytest.mark.parametrize(
    ("today", "number", "days_to_start", "days_left", "fraction", "past_due"),
    [
        pytest.param(day(-2), -2, 3, 32, 0.0, False, id="three-days-before"),
        pytest.param(day(0), 0, 1, 30, 0.0, False, id="the-day-before"),
        pytest.param(day(1), 1, 0, 29, 1 / 30, False, id="day-1"),
        pytest.param(day(15), 15, 0, 15, 0.5, False, id="half-way"),
        pytest.param(day(30), 30, 0, 0, 1.0, False, id="due-day"),
        pytest.param(day(31), 31, 0, 0, 1.0, True, id="day-31"),
        pytest.param(day(200), 200, 0, 0, 1.0, True, id="long-after"),
    ],
)
def test_day_n_counts_down_then_up_to_the_due_day(
    ws: Workspace,
    today: dt.date,
    number: int,
    days_to_start: int,
    days_left: int,
    fraction: float,
    past_due: bool,
) -> None:
    info = ws.onboarding.day(today)
    assert info == DayInfo(today, START, 30, number)
    assert info.started is (number >= 1)
    assert info.days_to_start == days_to_start
    assert info.days_left == days_left
    assert info.fraction == pytest.approx(fraction)
    assert info.past_due is past_due


def test_the_due_day_comes_from_the_profile(ws: Workspace) -> None:
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START, plan_due_day=45))
    info = ws.onboarding.day(day(31))
    assert (info.due_day, info.days_left, info.past_due) == (45, 14, False)
    assert info.fraction == pytest.approx(31 / 45)


def test_no_figures_without_a_profile(blank_ws: Workspace) -> None:
    assert blank_ws.onboarding.day(START) is None
    assert blank_ws.onboarding.snapshot(at(1)) is None


# ---------------------------------------------------------------- meeting counts


def test_meetings_are_counted_by_status_within_the_first_month_only(ws: Workspace) -> None:
    li = person(ws, "Li Wei")
    meet(ws, li, at(0, 19), HELD)  # a dinner before Day 1 is part of the first month
    meet(ws, li, at(3), HELD)
    meet(ws, li, at(5), HELD)
    meet(ws, li, at(8), CANCELLED)
    meet(ws, li, at(9), NO_SHOW)
    meet(ws, li, at(20), PLANNED)
    meet(ws, li, at(30, 23, 30), PLANNED)  # the last half hour of the due day
    meet(ws, li, at(31, 0, 0), PLANNED)  # the day after: outside the window
    meet(ws, li, at(45), HELD)

    counts = ws.onboarding.meeting_counts(ws.onboarding.day(day(10)))

    assert counts == MeetingCounts(held=3, planned=2, cancelled=1, no_show=1)
    assert counts.total == 6  # cancelled meetings were never going to happen
    assert counts.halfway == 3.0
    assert not counts.ready_to_draft  # 3 held of 6 is half, not more than half


def test_the_window_follows_the_due_day(ws: Workspace) -> None:
    li = person(ws, "Li Wei")
    meet(ws, li, at(40), HELD)
    assert ws.onboarding.meeting_counts(ws.onboarding.day(day(1))).held == 0
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START, plan_due_day=45))
    assert ws.onboarding.meeting_counts(ws.onboarding.day(day(1))).held == 1


@pytest.mark.parametrize(
    ("counts", "ready"),
    [
        pytest.param(MeetingCounts(0, 0, 0, 0), False, id="no-meetings"),
        pytest.param(MeetingCounts(0, 0, 4, 0), False, id="only-cancelled"),
        pytest.param(MeetingCounts(2, 2, 0, 0), False, id="exactly-half"),
        pytest.param(MeetingCounts(3, 2, 0, 0), True, id="just-over-half"),
        pytest.param(MeetingCounts(2, 1, 0, 1), False, id="no-show-counts-as-planned"),
        pytest.param(MeetingCounts(2, 1, 5, 0), True, id="cancelled-not-counted"),
        pytest.param(MeetingCounts(1, 0, 0, 0), True, id="all-held"),
    ],
)
def test_ready_to_draft_needs_more_than_half_held(counts: MeetingCounts, ready: bool) -> None:
    assert counts.ready_to_draft is ready


def test_ready_to_draft_crosses_when_the_deciding_meeting_is_held(ws: Workspace) -> None:
    li = person(ws, "Li Wei")
    meetings = [meet(ws, li, at(n)) for n in (3, 4, 5, 6)]
    for meeting in meetings[:2]:
        ws.meetings.set_status(meeting.id, HELD)
    today = ws.onboarding.day(day(7))
    assert not ws.onboarding.meeting_counts(today).ready_to_draft  # 2 of 4
    ws.meetings.set_status(meetings[2].id, HELD)
    assert ws.onboarding.meeting_counts(today).ready_to_draft  # 3 of 4


# ---------------------------------------------------------------- coverage


def test_coverage_counts_people_met_in_held_meetings_only(ws: Workspace) -> None:
    met_twice = person(ws, "Li Wei")
    met_in_group = person(ws, "王芳")
    planned_only = person(ws, "Zhang Min")
    cancelled_only = person(ws, "Zhao Gang")
    no_show_only = person(ws, "Sun Li")
    person(ws, "Wu Hao")  # never met
    meet(ws, met_twice, at(2), HELD)
    meet(ws, (met_twice, met_in_group), at(3), HELD)
    meet(ws, planned_only, at(20), PLANNED)
    meet(ws, cancelled_only, at(4), CANCELLED)
    meet(ws, no_show_only, at(5), NO_SHOW)

    coverage = ws.onboarding.coverage()

    assert (coverage.met, coverage.register) == (2, 6)
    assert coverage.fraction == pytest.approx(2 / 6)


def test_coverage_ignores_archived_people(ws: Workspace) -> None:
    met = person(ws, "Li Wei")
    archived_met = person(ws, "王芳")
    archived_unmet = person(ws, "Zhang Min")
    meet(ws, (met, archived_met), at(2), HELD)
    ws.stakeholders.set_archived(archived_met)
    ws.stakeholders.set_archived(archived_unmet)
    coverage = ws.onboarding.coverage()
    assert (coverage.met, coverage.register, coverage.fraction) == (1, 1, 1.0)


def test_coverage_of_an_empty_register(ws: Workspace) -> None:
    coverage = ws.onboarding.coverage()
    assert (coverage.met, coverage.register, coverage.fraction) == (0, 0, 0.0)


# ---------------------------------------------------------------- key people not met


def test_key_unmet_ranked_by_influence_then_interest_then_name(ws: Workspace) -> None:
    person(ws, "Zhou Jie", influence=4, interest=5)
    person(ws, "Bai Lu", influence=4, interest=2)
    person(ws, "Ai Min", influence=4, interest=5)
    person(ws, "Qian Yu", influence=5, interest=1)
    person(ws, "Average Joe", influence=3, interest=5)  # not key: influence 3
    met = person(ws, "Met Already", influence=5, interest=5)
    meet(ws, met, at(2), HELD)
    archived = person(ws, "Gone Away", influence=5, interest=5)
    ws.stakeholders.set_archived(archived)
    planned = person(ws, "Only Planned", influence=4, interest=1)
    meet(ws, planned, at(20), PLANNED)  # planned is not met

    unmet = ws.onboarding.key_unmet()

    assert [(u.name, u.influence, u.interest) for u in unmet] == [
        ("Qian Yu", 5, 1),
        ("Ai Min", 4, 5),
        ("Zhou Jie", 4, 5),
        ("Bai Lu", 4, 2),
        ("Only Planned", 4, 1),
    ]
    assert [u.name for u in ws.onboarding.key_unmet(limit=2)] == ["Qian Yu", "Ai Min"]


# ---------------------------------------------------------------- overdue follow-ups


def test_overdue_follow_ups_exclude_done_due_today_and_undated(ws: Workspace) -> None:
    today = day(10)

    def add(text: str, due: dt.date | None) -> int:
        return ws.followups.add(FollowUpData(text=text, due_date=due)).id

    yesterday = add("yesterday", today - dt.timedelta(days=1))
    last_week = add("last week", today - dt.timedelta(days=7))
    add("today", today)
    add("tomorrow", today + dt.timedelta(days=1))
    add("undated", None)
    done = add("done late", today - dt.timedelta(days=3))
    ws.followups.set_done(done, on=today)

    overdue = ws.onboarding.overdue_followups(today)

    assert [f.id for f in overdue.items] == [last_week, yesterday]  # oldest first
    assert overdue.total == 2


# ---------------------------------------------------------------- the Today snapshot


def test_snapshot_lists_todays_upcoming_and_awaiting_capture(ws: Workspace) -> None:
    li, wang = person(ws, "Li Wei", influence=5), person(ws, "王芳", influence=4)
    now = at(10, 11, 30)
    # Today: every status, including one that already took place this morning.
    this_morning = meet(ws, li, at(10, 8), PLANNED)
    this_afternoon = meet(ws, wang, at(10, 15), PLANNED)
    cancelled_today = meet(ws, wang, at(10, 17), CANCELLED)
    # Upcoming: planned meetings in the next 7 days (Day 11 to Day 17).
    tomorrow = meet(ws, wang, at(11, 0, 0))
    last_upcoming = meet(ws, li, at(17, 23, 59))
    meet(ws, li, at(18, 0, 0))  # eight days out: not yet
    meet(ws, li, at(12), CANCELLED)  # cancelled: not upcoming
    # Awaiting capture: planned meetings from earlier days, nothing recorded yet.
    forgotten = meet(ws, wang, at(9, 16))
    meet(ws, li, at(8), HELD)  # captured already

    snap = ws.onboarding.snapshot(now)

    assert snap.day.number == 10
    assert [m.id for m in snap.todays_meetings.items] == [
        this_morning.id,
        this_afternoon.id,
        cancelled_today.id,
    ]
    assert [m.id for m in snap.upcoming_meetings.items] == [tomorrow.id, last_upcoming.id]
    assert [m.id for m in snap.awaiting_capture.items] == [forgotten.id]
    assert snap.meetings == ws.onboarding.meeting_counts(snap.day)
    assert (snap.coverage.met, snap.coverage.register) == (1, 2)
    assert [u.name for u in snap.key_unmet.items] == ["王芳"]
    assert snap.overdue_followups == Shortlist([], 0)


def test_snapshot_of_a_new_workspace_is_empty_but_complete(ws: Workspace) -> None:
    snap = ws.onboarding.snapshot(at(0, 9))
    assert (snap.day.number, snap.day.days_to_start) == (0, 1)
    assert snap.meetings == MeetingCounts(0, 0, 0, 0)
    assert not snap.meetings.ready_to_draft
    nothing = Shortlist([], 0)
    assert snap.todays_meetings == snap.upcoming_meetings == snap.awaiting_capture == nothing
    assert snap.overdue_followups == snap.key_unmet == nothing


def test_a_limited_snapshot_reads_the_first_items_and_counts_the_rest(ws: Workspace) -> None:
    people = [person(ws, f"Key {n}", influence=5, interest=5 - n % 3) for n in range(5)]
    missed = [meet(ws, people[n], at(n + 1, 9)) for n in range(4)]  # planned, never written up
    today_meetings = [meet(ws, people[n], at(10, 8 + n)) for n in range(3)]
    for n in range(4):
        ws.followups.add(FollowUpData(text=f"Promise {n}", due_date=START + dt.timedelta(days=n)))

    snap = ws.onboarding.snapshot(at(10, 7), limit=2)

    assert [m.id for m in snap.todays_meetings.items] == [m.id for m in today_meetings[:2]]
    assert (snap.todays_meetings.total, snap.todays_meetings.more) == (3, 1)
    # The meetings to write up come most recent first.
    assert [m.id for m in snap.awaiting_capture.items] == [missed[3].id, missed[2].id]
    assert snap.awaiting_capture.total == 4
    assert [f.text for f in snap.overdue_followups.items] == ["Promise 0", "Promise 1"]
    assert snap.overdue_followups.total == 4
    unlimited = ws.onboarding.snapshot(at(10, 7))
    assert snap.key_unmet.items == unlimited.key_unmet.items[:2]
    assert snap.key_unmet.total == len(unlimited.key_unmet.items) == 5
    assert snap.upcoming_meetings == Shortlist([], 0)
