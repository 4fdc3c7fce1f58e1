"""The Follow-ups page: open / overdue / done, tick to complete, add and edit."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cio_desk.services.followups import FollowUpData, FollowUpStatus
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.ui.dialogs.followup_editor import FollowUpEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.models.followup_table import DONE, FOR, MEETING, QUICK_WIN, STATUS, TEXT
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.followups import FollowUpsPage
from cio_desk.ui.undo import EditHistory
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def open_page(window: MainWindow) -> FollowUpsPage:
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Follow-ups"))
    page = window.current_page()
    assert isinstance(page, FollowUpsPage)
    return page


def cell(page: FollowUpsPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def texts(page: FollowUpsPage) -> list[str]:
    return [cell(page, row, TEXT) for row in range(page.model.rowCount())]


def click_cell(page: FollowUpsPage, row: int, column: int, *, double: bool = False) -> None:
    rect = page.table.visualRect(page.model.index(row, column))
    if column == DONE:
        # The tick box sits at the left of its cell.
        point = QPoint(rect.left() + rect.height() // 2, rect.center().y())
    else:
        point = rect.center()
    viewport = page.table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    if double:
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)


@pytest.fixture
def promises(ws: Workspace, now: dt.datetime) -> dict[str, int]:
    """A CFO met on Day 10, and follow-ups late, due soon and done (today is Day 18)."""
    today = now.date()
    cfo = ws.stakeholders.add(StakeholderData(name="刘芳", title="CFO")).id
    start = dt.datetime.combine(today - dt.timedelta(days=8), dt.time(10))
    meeting = ws.meetings.add(
        MeetingData(starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=(cfo,))
    ).id
    add = ws.followups.add
    ids = {
        "late": add(
            FollowUpData(
                "Send the IT cost baseline",
                due_date=today - dt.timedelta(days=3),
                stakeholder_id=cfo,
                meeting_id=meeting,
                quick_win=True,
            )
        ).id,
        "soon": add(FollowUpData("Book the plant visit", due_date=today + dt.timedelta(days=2))).id,
        "done": add(FollowUpData("Thank the CFO", due_date=today - dt.timedelta(days=5))).id,
    }
    ws.followups.set_done(ids["done"], on=today - dt.timedelta(days=30))
    return {**ids, "cfo": cfo, "meeting": meeting}


def test_lists_and_counts(window: MainWindow, promises: dict[str, int]) -> None:
    page = open_page(window)

    assert texts(page) == ["Send the IT cost baseline", "Book the plant visit"]
    assert [page.tabs.tabText(i) for i in range(3)] == ["Open (2)", "Overdue (1)", "Done (1)"]
    assert page.open_card.headline.text() == "2"
    assert page.open_card.caption.text() == "1 of them a quick win"
    assert page.overdue_card.headline.text() == "1"
    assert page.done_card.headline.text() == "0"  # the one done was a month ago
    assert cell(page, 0, STATUS) == "3 days overdue"
    assert cell(page, 0, QUICK_WIN) == "★"
    assert cell(page, 0, FOR) == "刘芳"
    assert cell(page, 0, MEETING).startswith("刘芳 · ")
    assert cell(page, 1, STATUS) == "Due in 2 days"

    page.set_view(FollowUpStatus.OVERDUE)
    assert texts(page) == ["Send the IT cost baseline"]
    page.set_view(FollowUpStatus.DONE)
    assert texts(page) == ["Thank the CFO"]
    assert cell(page, 0, STATUS).startswith("Done ")


def test_tick_to_complete_and_undo(
    window: MainWindow, ws: Workspace, promises: dict[str, int], now: dt.datetime
) -> None:
    page = open_page(window)

    click_cell(page, 0, DONE)

    done = ws.followups.get(promises["late"])
    assert done.done and done.done_on == now.date()
    assert texts(page) == ["Book the plant visit"]
    assert page.done_card.headline.text() == "1"
    assert page.tabs.tabText(1) == "Overdue (0)"

    window.undo_action.trigger()
    assert not ws.followups.get(promises["late"]).done
    assert texts(page) == ["Send the IT cost baseline", "Book the plant visit"]
    window.redo_action.trigger()
    assert ws.followups.get(promises["late"]).done


def test_space_ticks_the_selected_follow_up(
    window: MainWindow, ws: Workspace, promises: dict[str, int]
) -> None:
    page = open_page(window)
    page.table.selectRow(1)
    page.table.setFocus()

    QTest.keyClick(page.table, Qt.Key.Key_Space)

    assert ws.followups.get(promises["soon"]).done
    assert page.selected_id() == promises["late"]  # the next one is ready to tick


def test_reopening_a_done_follow_up(
    window: MainWindow, ws: Workspace, promises: dict[str, int]
) -> None:
    done_on = ws.followups.get(promises["done"]).done_on
    page = open_page(window)
    page.set_view(FollowUpStatus.DONE)
    click_cell(page, 0, DONE)
    assert not ws.followups.get(promises["done"]).done
    assert page.model.rowCount() == 0
    window.undo_action.trigger()
    assert ws.followups.get(promises["done"]).done_on == done_on  # the day it was done is kept


def test_overdue_shows_as_overdue_and_filter_narrows(
    window: MainWindow, promises: dict[str, int]
) -> None:
    page = open_page(window)
    page.set_view(FollowUpStatus.OVERDUE)
    assert [cell(page, r, STATUS) for r in range(page.model.rowCount())] == ["3 days overdue"]
    assert page.model.index(0, STATUS).data(Qt.ItemDataRole.ForegroundRole) is not None

    page.set_view(FollowUpStatus.OPEN)
    QTest.keyClicks(page.filter_edit, "plant")
    assert texts(page) == ["Book the plant visit"]
    QTest.keyClicks(page.filter_edit, "zzz")
    assert texts(page) == []
    assert page.empty_label.isVisible()
    assert "matches the filter" in page.empty_label.text()


def test_add_a_follow_up_from_a_meeting(
    window: MainWindow, ws: Workspace, promises: dict[str, int], qtbot, modals, now
) -> None:
    page = open_page(window)
    due = now.date() + dt.timedelta(days=4)

    def fill(dialog: FollowUpEditor) -> None:
        qtbot.keyClicks(dialog.text_edit, "Share the vendor contract list")
        dialog.person_picker.lineEdit().setText("刘芳")
        dialog.person_picker.setCurrentIndex(dialog.person_picker.findData(promises["cfo"]))
        assert dialog.meeting_combo.count() == 2  # "No meeting" and the meeting with the CFO
        dialog.meeting_combo.setCurrentIndex(1)
        dialog.due_edit.setDate(QDate(due.year, due.month, due.day))
        dialog.quick_win_check.setChecked(True)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(FollowUpEditor, fill)
    window.new_item_action.trigger()  # Ctrl+N

    added = next(f for f in ws.followups.list() if f.text == "Share the vendor contract list")
    assert (added.stakeholder_id, added.meeting_id, added.due_date, added.quick_win) == (
        promises["cfo"],
        promises["meeting"],
        due,
        True,
    )
    assert page.selected_id() == added.id
    window.undo_action.trigger()
    assert all(f.text != "Share the vendor contract list" for f in ws.followups.list())


def test_a_follow_up_due_before_its_meeting_is_refused_at_the_field(
    window: MainWindow, ws: Workspace, promises: dict[str, int], modals, now
) -> None:
    page = open_page(window)
    page.table.selectRow(0)  # linked to the meeting of Day 10
    seen: dict[str, object] = {}

    def fill(dialog: FollowUpEditor) -> None:
        early = now.date() - dt.timedelta(days=20)
        dialog.due_edit.setDate(QDate(early.year, early.month, early.day))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        seen["error"] = dialog.errors.text("due_date")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    modals.when_shown(FollowUpEditor, fill)
    page.edit_button.click()

    assert seen == {"error": "A follow-up cannot be due before its meeting.", "open": True}
    assert ws.followups.get(promises["late"]).due_date == now.date() - dt.timedelta(days=3)


def test_edit_and_delete_with_undo(
    window: MainWindow, ws: Workspace, promises: dict[str, int], qtbot, modals
) -> None:
    page = open_page(window)
    page.table.selectRow(1)

    def edit(dialog: FollowUpEditor) -> None:
        dialog.owner_edit.setText("Yang Fan")
        dialog.due_check.setChecked(False)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(FollowUpEditor, edit)
    page.edit_button.click()
    edited = ws.followups.get(promises["soon"])
    assert (edited.owner, edited.due_date) == ("Yang Fan", None)

    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert all(f.id != promises["soon"] for f in ws.followups.list())
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert ws.followups.get(promises["soon"]).owner == ""


def test_double_click_opens_the_meeting_and_the_person(
    qtbot, ws: Workspace, clock, promises: dict[str, int]
) -> None:
    opened: list[tuple[str, int]] = []
    context = PageContext(now=clock, history=EditHistory(), open_item=lambda *a: opened.append(a))
    page = FollowUpsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.set_workspace(ws)
    page.show()

    click_cell(page, 0, MEETING, double=True)
    click_cell(page, 0, FOR, double=True)
    page.open_meeting_button.click()

    assert opened == [
        ("meeting", promises["meeting"]),
        ("stakeholder", promises["cfo"]),
        ("meeting", promises["meeting"]),
    ]


def test_open_item_shows_the_right_list(window: MainWindow, promises: dict[str, int]) -> None:
    window.open_item("follow_up", promises["done"])
    page = window.current_page()
    assert isinstance(page, FollowUpsPage)
    assert page.view() is FollowUpStatus.DONE
    assert page.selected_id() == promises["done"]


def test_empty_workspace_explains_what_goes_here(window: MainWindow) -> None:
    page = open_page(window)
    assert texts(page) == []
    assert "No follow-ups yet" in page.empty_label.text()
    assert page.open_card.headline.text() == "0"
