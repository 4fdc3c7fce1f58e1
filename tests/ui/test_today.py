"""The Today page on hand-built workspaces, with the clock fixed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from cio_desk.services.followups import FollowUpData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.ui.pages.today import TodayPage
from cio_desk.ui.widgets.list_row import ListRowView
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def make_page(qtbot, workspace: Workspace, when: dt.datetime) -> TodayPage:
    page = TodayPage(lambda: when)
    qtbot.addWidget(page)
    page.resize(1080, 760)
    page.set_workspace(workspace)
    page.show()
    return page


def person(ws: Workspace, name: str, *, influence: int = 3, interest: int = 3, **extra) -> int:
    data = StakeholderData(name=name, influence=influence, interest=interest, **extra)
    return ws.stakeholders.add(data).id


def meeting(
    ws: Workspace,
    who: int,
    starts_at: dt.datetime,
    status: MeetingStatus = MeetingStatus.PLANNED,
    **extra,
) -> int:
    data = MeetingData(
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1),
        attendee_ids=(who,),
        status=status,
        **extra,
    )
    return ws.meetings.add(data).id


def on_day(start: dt.date, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(start + dt.timedelta(days=day - 1), dt.time(hour))


def visible_texts(page: TodayPage) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisible()]


# ---------------------------------------------------------------- Day N


def test_day_n_of_the_first_month(qtbot, ws: Workspace, start_date: dt.date) -> None:
    page = make_page(qtbot, ws, on_day(start_date, 18))

    assert page.day_card.headline.text() == "Day 18 of 30"
    assert page.day_card.caption.text() == "12 days until your plan is due."
    assert page.day_card.meter.fraction() == pytest.approx(18 / 30)
    assert "Chen Jing" in page.subtitle_label.text()


@pytest.mark.parametrize(
    ("day", "headline", "caption"),
    [
        (-2, "Starts in 3 days", "Day 1 is "),
        (0, "Starts tomorrow", "Day 1 is "),
        (1, "Day 1 of 30", "29 days until your plan is due."),
        (29, "Day 29 of 30", "1 day until your plan is due."),
        (30, "Day 30 of 30", "Your plan is due today."),
        (34, "Day 34", "Your plan was due on Day 30."),
    ],
)
def test_day_card_before_during_and_after_the_first_month(
    qtbot, ws: Workspace, start_date: dt.date, day: int, headline: str, caption: str
) -> None:
    page = make_page(qtbot, ws, on_day(start_date, day))

    assert page.day_card.headline.text() == headline
    assert page.day_card.caption.text().startswith(caption)


# ---------------------------------------------------------------- meetings


def test_half_way_message_appears_only_once_more_than_half_are_held(
    qtbot, ws: Workspace, start_date: dt.date
) -> None:
    who = person(ws, "Li Na")
    ids = [meeting(ws, who, on_day(start_date, day)) for day in (2, 3, 4, 5)]
    for meeting_id in ids[:2]:
        ws.meetings.set_status(meeting_id, MeetingStatus.HELD)
    page = make_page(qtbot, ws, on_day(start_date, 6))
    card = page.meetings_card

    assert card.headline.text() == "2 of 4 held"
    assert card.meter.marker() == 0.5
    assert card.meter.fraction() == pytest.approx(0.5)
    assert not card.message.isVisible()  # exactly half is not "more than half"

    ws.meetings.set_status(ids[2], MeetingStatus.HELD)
    page.refresh()

    assert card.headline.text() == "3 of 4 held"
    assert card.message.isVisible()
    assert card.message.text().startswith("Time to draft your plan")


def test_cancelled_meetings_are_not_counted(qtbot, ws: Workspace, start_date: dt.date) -> None:
    who = person(ws, "Li Na")
    meeting(ws, who, on_day(start_date, 2), MeetingStatus.HELD)
    meeting(ws, who, on_day(start_date, 3), MeetingStatus.CANCELLED)
    meeting(ws, who, on_day(start_date, 20))

    page = make_page(qtbot, ws, on_day(start_date, 5))

    assert page.meetings_card.headline.text() == "1 of 2 held"
    assert "1 cancelled (not counted)" in page.meetings_card.caption.text()
    assert not page.meetings_card.message.isVisible()


def test_stakeholders_met_against_the_register(qtbot, ws: Workspace, start_date: dt.date) -> None:
    met = person(ws, "Li Na")
    person(ws, "Zhang Wei")
    person(ws, "Sarah Mitchell")
    person(ws, "Archived Person", influence=5)
    ws.stakeholders.set_archived(ws.stakeholders.list()[0].id)  # "Archived Person"
    meeting(ws, met, on_day(start_date, 2), MeetingStatus.HELD)

    page = make_page(qtbot, ws, on_day(start_date, 5))

    assert page.coverage_card.headline.text() == "1 of 3 met"
    assert page.coverage_card.caption.text() == "You have met 33% of the people in your register."


# ---------------------------------------------------------------- lists


def test_todays_and_upcoming_meetings(qtbot, ws: Workspace, start_date: dt.date) -> None:
    who = person(ws, "Li Na")
    meeting(ws, who, on_day(start_date, 10, 9), MeetingStatus.HELD, title="Budget review")
    meeting(ws, who, on_day(start_date, 10, 15), setting=MeetingSetting.COFFEE)
    meeting(ws, who, on_day(start_date, 12), title="Plant tour", location="Suzhou")
    meeting(ws, who, on_day(start_date, 20), title="Too far ahead")

    page = make_page(qtbot, ws, on_day(start_date, 10, 8))

    todays = page.todays_card.rows()
    assert [row.primary for row in todays] == ["Budget review", "Li Na"]
    assert [row.meta for row in todays] == ["Held", "Planned"]
    assert "Coffee" in todays[1].secondary
    upcoming = page.upcoming_card.rows()
    assert [row.primary for row in upcoming] == ["Plant tour"]
    assert "Suzhou" in upcoming[0].secondary


def test_past_meetings_still_planned_await_capture(
    qtbot, ws: Workspace, start_date: dt.date
) -> None:
    who = person(ws, "Li Na")
    meeting(ws, who, on_day(start_date, 3), title="Forgotten one")
    meeting(ws, who, on_day(start_date, 4), MeetingStatus.HELD, title="Written up")

    page = make_page(qtbot, ws, on_day(start_date, 8))

    rows = page.capture_card.rows()
    assert [row.primary for row in rows] == ["Forgotten one"]
    assert rows[0].meta == "5 days ago"


def test_overdue_follow_ups_say_who_when_and_how_late(
    qtbot, ws: Workspace, start_date: dt.date
) -> None:
    who = person(ws, "Li Na")
    due = start_date + dt.timedelta(days=5)
    ws.followups.add(
        FollowUpData(text="Send the IT spend benchmark", due_date=due, stakeholder_id=who)
    )
    ws.followups.add(FollowUpData(text="Not due yet", due_date=start_date + dt.timedelta(20)))
    done = ws.followups.add(FollowUpData(text="Already done", due_date=due))
    ws.followups.set_done(done.id)

    page = make_page(qtbot, ws, on_day(start_date, 10))

    rows = page.followups_card.rows()
    assert [row.primary for row in rows] == ["Send the IT spend benchmark"]
    assert rows[0].meta == "4 days overdue"
    assert "For Li Na" in rows[0].secondary
    assert "Due " in rows[0].secondary


def test_key_stakeholders_not_met_yet(qtbot, ws: Workspace, start_date: dt.date) -> None:
    met = person(ws, "Wang Jianguo", influence=5)
    person(ws, "David Okafor", influence=5, interest=3, title="Board member")
    person(ws, "Emily Zhou", influence=4, interest=2, title="Head of Audit", unit="Audit")
    person(ws, "Low Influence", influence=2)
    meeting(ws, met, on_day(start_date, 2), MeetingStatus.HELD)

    page = make_page(qtbot, ws, on_day(start_date, 5))

    rows = page.key_unmet_card.rows()
    assert [row.primary for row in rows] == ["David Okafor", "Emily Zhou"]
    assert rows[0].meta == "Influence 5 · Interest 3"
    assert rows[1].secondary == "Head of Audit · Audit"


def test_every_empty_list_says_so(qtbot, ws: Workspace, start_date: dt.date) -> None:
    page = make_page(qtbot, ws, on_day(start_date, 5))

    texts = visible_texts(page)
    for expected in (
        "No meetings today.",
        "Nothing planned for the next 7 days.",
        "Every past meeting has its outcome recorded.",
        "No overdue follow-ups.",
        "No key stakeholders in your register yet.",
    ):
        assert expected in texts
    assert page.meetings_card.headline.text() == "None planned yet"
    assert page.coverage_card.headline.text() == "No one yet"


def test_long_lists_show_the_first_rows_and_how_many_more(
    qtbot, ws: Workspace, start_date: dt.date
) -> None:
    for number in range(9):
        person(ws, f"Key person {number}", influence=5)

    page = make_page(qtbot, ws, on_day(start_date, 5))

    assert len(page.key_unmet_card.rows()) == 6
    assert page.key_unmet_card.count_label.text() == "9"
    assert page.key_unmet_card.note_label.isVisible()
    assert page.key_unmet_card.note_label.text() == "And 3 more."


def test_names_are_shown_as_typed_never_as_markup(
    qtbot, ws: Workspace, start_date: dt.date
) -> None:
    person(ws, "<b>R&D</b> lead", influence=5)

    page = make_page(qtbot, ws, on_day(start_date, 5))

    [row] = page.key_unmet_card.findChildren(ListRowView)
    assert row.shown_texts()[0] == "<b>R&D</b> lead"


# ---------------------------------------------------------------- refresh


def test_a_workspace_without_profile_asks_for_one(qtbot, blank_ws: Workspace) -> None:
    page = make_page(qtbot, blank_ws, dt.datetime(2026, 3, 2, 9))

    assert page.setup_card.isVisible()
    assert not page.dashboard.isVisible()
    with qtbot.waitSignal(page.edit_profile_requested, timeout=1000):
        page.setup_button.click()


def test_the_page_refreshes_when_shown(qtbot, ws: Workspace, start_date: dt.date) -> None:
    page = make_page(qtbot, ws, on_day(start_date, 5))
    assert page.coverage_card.headline.text() == "No one yet"
    person(ws, "Li Na")

    page.hide()
    page.show()

    assert page.coverage_card.headline.text() == "0 of 1 met"


def test_the_page_follows_a_switch_to_another_workspace(
    qtbot, ws: Workspace, tmp_path, start_date: dt.date
) -> None:
    page = make_page(qtbot, ws, on_day(start_date, 5))
    assert page.dashboard.isVisible()

    with Workspace.create(tmp_path / "other.ciodesk") as other:
        page.set_workspace(other)

        assert page.setup_card.isVisible()
        assert not page.dashboard.isVisible()
