"""Today's first-month cards: the next meeting and "Brief me", referrals, going cold, write-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cio_desk.services.capture import MeetingOutcome
from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.ui.dialogs.brief import BriefDialog
from cio_desk.ui.dialogs.capture import CaptureDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.today import TodayPage
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

K = InsightKind


def person(ws: Workspace, name: str, **values: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **values)).id  # type: ignore[arg-type]


def meeting(
    ws: Workspace,
    who: tuple[int, ...],
    starts: dt.datetime,
    status: MeetingStatus = MeetingStatus.PLANNED,
    **values: object,
) -> int:
    data = MeetingData(
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        attendee_ids=who,
        status=status,
        **values,  # type: ignore[arg-type]
    )
    return ws.meetings.add(data).id


def today_page(window: MainWindow) -> TodayPage:
    page = window.today_page
    page.refresh()
    QApplication.processEvents()
    return page


def test_brief_me_shows_what_they_said_before(
    window: MainWindow, ws: Workspace, now: dt.datetime, modals
) -> None:
    cfo = person(ws, "王伟 <CFO>", title="CFO", unit="Finance & Control", cadence_days=7)
    earlier = now - dt.timedelta(days=12)
    first = meeting(ws, (cfo,), earlier, title="First coffee")
    ws.capture.record_meeting_outcome(
        first,
        MeetingOutcome(
            sentiment=1,
            insights=(
                InsightData(cfo, K.GOAL, "Close the books in 3 days"),
                InsightData(cfo, K.CONCERN, "ERP cost overrun", confidential=True),
                InsightData(cfo, K.REFERRAL, referred_name="Zhao Min"),
            ),
            follow_ups=(FollowUpData("Send the audit", due_date=earlier.date()),),
        ),
    )
    next_id = meeting(ws, (cfo,), now + dt.timedelta(hours=3), title="Budget review")
    page = today_page(window)
    card = page.first_month.next_card

    assert card.title_label.text() == "Budget review"
    assert card.when_label.text().startswith("Today, 13:00–14:00")
    assert "王伟 <CFO> (CFO)" in card.people_label.text()
    assert "going cold" in card.alert_label.text()
    assert "1 open follow-up" in card.alert_label.text()
    shown: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, BriefDialog)
        shown.append(dialog.windowTitle())
        shown.append(dialog.text())
        QTest.keyClick(dialog.browser, Qt.Key.Key_Escape)

    modals.when_shown(BriefDialog, read)
    card.brief_button.click()

    title, text = shown
    assert title == "Brief: Budget review"
    assert "王伟 <CFO>" in text and "CFO · Finance & Control" in text
    assert "Goals\nClose the books in 3 days" in text
    assert "ERP cost overrun" in text and "confidential" in text
    assert "Zhao Min" in text and "not in your register yet" in text
    assert "First coffee · Held · +1 · Warm" in text
    assert "Send the audit" in text
    assert "Going cold: Every 7 days, last met 12 days ago (5 days overdue)." in text
    assert next_id == ws.register.next_meeting_brief(now).meeting.id  # type: ignore[union-attr]


def test_no_next_meeting_offers_to_schedule_one(window: MainWindow) -> None:
    card = today_page(window).first_month.next_card
    assert card.empty_label.isVisible() and card.schedule_button.isVisible()
    assert not card.brief_button.isVisible()


def test_a_typed_referral_is_added_to_the_register_from_today(
    window: MainWindow, ws: Workspace, now: dt.datetime
) -> None:
    li = person(ws, "Li Na")
    held = meeting(ws, (li,), now - dt.timedelta(days=2), MeetingStatus.HELD)
    ws.insights.add(InsightData(li, K.REFERRAL, meeting_id=held, referred_name="Zhao Min"))
    card = today_page(window).first_month.referrals_card

    assert card.isVisible()
    assert [r.primary for r in card.rows()] == ["Zhao Min"]
    assert "Named by Li Na" in card.rows()[0].secondary
    (add,) = card.action_buttons("Add to register")

    add.click()

    assert [s.name for s in ws.stakeholders.list()] == ["Li Na", "Zhao Min"]
    card = today_page(window).first_month.referrals_card
    assert [r.primary for r in card.rows()] == ["Zhao Min"]  # now: referred, not met yet
    assert card.action_buttons("Schedule…")

    window.undo_action.trigger()

    assert [s.name for s in ws.stakeholders.list()] == ["Li Na"]
    assert ws.tour.pending_referrals().names[0].name == "Zhao Min"


def test_people_going_cold_are_listed(window: MainWindow, ws: Workspace, now: dt.datetime) -> None:
    page = today_page(window)
    assert not page.first_month.cold_card.isVisible()  # nobody has a cadence yet

    boss = person(ws, "Zhou Jianguo", title="CEO", cadence_days=14, influence=5)
    meeting(ws, (boss,), now - dt.timedelta(days=20), MeetingStatus.HELD)
    card = today_page(window).first_month.cold_card

    assert card.isVisible()
    (row,) = card.rows()
    assert (row.primary, row.meta) == ("Zhou Jianguo", "6 days overdue")
    assert "Every 14 days" in row.secondary and "last met 20 days ago" in row.secondary


def test_write_up_a_meeting_awaiting_capture_from_today(
    window: MainWindow, ws: Workspace, now: dt.datetime, modals
) -> None:
    li = person(ws, "Li Na")
    yesterday = meeting(ws, (li,), now - dt.timedelta(days=1), title="Plant walk")
    later_today = meeting(ws, (li,), now + dt.timedelta(hours=4), title="Dinner")
    page = today_page(window)
    assert [r.primary for r in page.capture_card.rows()] == ["Plant walk"]
    assert not page.todays_card.action_buttons("Write up…")  # dinner has not begun

    def capture(dialog: QWidget) -> None:
        assert isinstance(dialog, CaptureDialog)
        dialog.activateWindow()
        field = dialog.sections[0].rows[2].text_edit  # concerns
        field.setFocus()
        QTest.keyClicks(field, "Night shift is understaffed")
        QTest.keyClick(field, Qt.Key.Key_Return)
        QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modals.when_shown(CaptureDialog, capture)
    (button,) = page.capture_card.action_buttons("Write up…")
    button.click()

    assert ws.meetings.get(yesterday).status is MeetingStatus.HELD
    assert [i.text for i in ws.insights.for_stakeholder(li)[K.CONCERN]] == [
        "Night shift is understaffed"
    ]
    page = today_page(window)
    assert page.capture_card.rows() == []
    assert ws.meetings.get(later_today).status is MeetingStatus.PLANNED
