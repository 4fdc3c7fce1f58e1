"""After-meeting capture, driven from the keyboard alone as a CIO would right after a meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.ui.dialogs.capture import CaptureDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

K = InsightKind
CTRL = Qt.KeyboardModifier.ControlModifier
MEETING_START = dt.datetime(2026, 3, 18, 9, 30)


# ---------------------------------------------------------------- the keyboard


def focused() -> QWidget:
    """Where a key goes: an open completion list first, as with a real keyboard."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Type `text`; characters beyond ASCII arrive as an input method commits them."""
    for char in text:
        if char.isascii():
            QTest.keyClick(focused(), char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(focused(), event)
    QApplication.processEvents()


def tab(times: int = 1) -> None:
    for _ in range(times):
        press(Qt.Key.Key_Tab)


def enter_line(text: str, themes: str = "") -> None:
    """Type a line (and its themes in the next field), Enter, then Tab to the next kind."""
    type_text(text)
    if themes:
        tab()
        type_text(themes)
    press(Qt.Key.Key_Return)
    tab(2)  # the text field has the focus again: past its themes, to the next kind


# ---------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def discard_on_close(message_boxes):
    """A dialog still open at the end of a test is closed without saving."""
    message_boxes.answer = QMessageBox.StandardButton.Discard
    return message_boxes


@pytest.fixture
def people(ws: Workspace) -> dict[str, int]:
    return {n: ws.stakeholders.add(StakeholderData(name=n)).id for n in ("Li Na", "王伟")}


@pytest.fixture
def meeting_id(ws: Workspace, people: dict[str, int]) -> int:
    data = MeetingData(
        starts_at=MEETING_START,
        ends_at=MEETING_START + dt.timedelta(hours=1),
        attendee_ids=(people["王伟"], people["Li Na"]),
        title="Lunch with finance & operations",
    )
    return ws.meetings.add(data).id


def open_dialog(qtbot, window: MainWindow, ws: Workspace, meeting_id: int) -> CaptureDialog:
    dialog = CaptureDialog(ws, window.history, ws.meetings.get(meeting_id), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def texts(ws: Workspace, who: int, kind: InsightKind) -> list[str]:
    return [i.text for i in ws.insights.for_stakeholder(who)[kind]]


# ---------------------------------------------------------------- tests


def test_five_things_for_two_attendees_with_the_keyboard_only(
    qtbot, window: MainWindow, ws: Workspace, people: dict[str, int], meeting_id: int
) -> None:
    dialog = open_dialog(qtbot, window, ws, meeting_id)
    li, wang = people["Li Na"], people["王伟"]
    assert focused() is dialog.sections[0].rows[0].text_edit  # Li Na's goals, first
    assert "Ctrl+Enter saves" in dialog.hint_label.text()

    enter_line("Cut the month-end close to 3 days", "Finance, ERP")
    enter_line("Retire the old reporting tool")
    enter_line("Plant 2 has no spare capacity", "Capacity")
    enter_line("A weekly dashboard of late orders")
    type_text("Zhao Min")  # a new name: referral
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Up)  # to the referral just added
    press(Qt.Key.Key_Space)  # tick: add Zhao Min to the register on saving
    press(Qt.Key.Key_Escape)  # back to the field
    tab(2)

    assert focused() is dialog.sections[1].rows[0].text_edit  # on to 王伟's goals
    enter_line("财务共享中心年内上线", "财务")
    enter_line("先解决报表问题")
    enter_line("ERP 项目超支 <3M> & late", "ERP")
    enter_line("Quarterly cost review with him")
    type_text("Li Na")  # someone in the register: the completion list opens
    press(Qt.Key.Key_Return)
    QTest.qWait(20)
    tab(2)

    assert focused() is dialog.notes_edit
    type_text("Candid talk.")
    press(Qt.Key.Key_Return)
    type_text("第二行 😀")
    tab()  # past "Confidential", which stays ticked
    tab()
    for _ in range(4):  # Not noted -> -2 -> -1 -> 0 -> +1
        press(Qt.Key.Key_Down)
    tab()
    press(Qt.Key.Key_Space)  # thank-you sent
    tab()
    type_text("Send the cost baseline")
    tab(2)  # past the due date (a week after the meeting)
    press(Qt.Key.Key_Space)  # quick win
    tab()
    press(Qt.Key.Key_Down)  # for the second attendee: 王伟
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, CTRL)

    assert dialog.saved_result() is not None and not dialog.isVisible()
    meeting = ws.meetings.get(meeting_id)
    assert meeting.status is MeetingStatus.HELD
    assert meeting.notes == "Candid talk.\n第二行 😀"
    assert (meeting.notes_confidential, meeting.sentiment, meeting.thank_you_sent) == (
        True,
        1,
        True,
    )
    assert texts(ws, li, K.GOAL) == ["Cut the month-end close to 3 days"]
    assert ws.insights.for_stakeholder(li)[K.GOAL][0].themes == ("ERP", "Finance")
    assert texts(ws, li, K.PROPOSAL) == ["Retire the old reporting tool"]
    assert texts(ws, li, K.CONCERN) == ["Plant 2 has no spare capacity"]
    assert texts(ws, li, K.HOW_TO_HELP) == ["A weekly dashboard of late orders"]
    assert texts(ws, wang, K.GOAL) == ["财务共享中心年内上线"]
    assert texts(ws, wang, K.CONCERN) == ["ERP 项目超支 <3M> & late"]
    assert texts(ws, wang, K.HOW_TO_HELP) == ["Quarterly cost review with him"]
    (zhao_referral,) = ws.insights.for_stakeholder(li)[K.REFERRAL]
    zhao = next(s for s in ws.stakeholders.list() if s.name == "Zhao Min")
    assert zhao_referral.referred_stakeholder_id == zhao.id  # promoted on saving
    (wang_referral,) = ws.insights.for_stakeholder(wang)[K.REFERRAL]
    assert wang_referral.referred_stakeholder_id == li  # picked from the register
    (follow_up,) = ws.followups.list(meeting_id=meeting_id)
    assert follow_up.text == "Send the cost baseline"
    assert (follow_up.quick_win, follow_up.stakeholder_id) == (True, wang)
    assert follow_up.due_date == MEETING_START.date() + dt.timedelta(days=7)


def test_the_capture_is_one_undo_step(
    qtbot, window: MainWindow, ws: Workspace, people: dict[str, int], meeting_id: int
) -> None:
    dialog = open_dialog(qtbot, window, ws, meeting_id)
    enter_line("Cut the close to 3 days")
    tab(6)  # past proposals, concerns and how to help: Li Na's referral
    type_text("Zhao Min")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Space)  # add Zhao Min to the register on saving
    assert dialog.sections[0].rows[4].items()[0].checkState() == Qt.CheckState.Checked
    press(Qt.Key.Key_Return, CTRL)
    assert ws.meetings.get(meeting_id).status is MeetingStatus.HELD
    assert "Write up meeting" in window.undo_action.text()

    window.undo_action.trigger()

    assert ws.meetings.get(meeting_id).status is MeetingStatus.PLANNED
    assert ws.insights.list() == []
    assert [s.name for s in ws.stakeholders.list()] == ["Li Na", "王伟"]  # Zhao Min went too

    window.redo_action.trigger()

    assert texts(ws, people["Li Na"], K.GOAL) == ["Cut the close to 3 days"]
    assert "Zhao Min" in [s.name for s in ws.stakeholders.list()]


def test_a_refused_line_is_pointed_at_and_nothing_is_saved(
    qtbot, window: MainWindow, ws: Workspace, people: dict[str, int], meeting_id: int
) -> None:
    dialog = open_dialog(qtbot, window, ws, meeting_id)
    enter_line("A goal that must not be lost")
    tab(6)  # Li Na's referral
    type_text("li  na")  # herself, spelt loosely
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, CTRL)

    referral_row = dialog.sections[0].rows[4]
    assert dialog.isVisible()
    assert referral_row.error.isVisible()
    assert "cannot refer you to themselves" in referral_row.error.text()
    assert referral_row.list.currentRow() == 0  # the offending line is selected
    assert ws.meetings.get(meeting_id).status is MeetingStatus.PLANNED
    assert ws.insights.list() == []
    assert dialog.sections[0].rows[0].drafts()  # what was typed is still there


def test_long_notes_and_any_script_are_kept_intact(
    qtbot, window: MainWindow, ws: Workspace, meeting_id: int
) -> None:
    dialog = open_dialog(qtbot, window, ws, meeting_id)
    notes = ('会议纪要 <b>R&D</b> "quoted" مرحبا 😀\n' * 3000)[:100_000]
    QApplication.clipboard().setText(notes)
    dialog.notes_edit.setFocus()
    press(Qt.Key.Key_V, CTRL)  # pasted, as from another document
    dialog.sections[0].rows[0].text_edit.setFocus()
    long_line = "长" * 40_000 + " <&> שלום"
    QApplication.clipboard().setText(long_line)
    press(Qt.Key.Key_V, CTRL)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, CTRL)

    meeting = ws.meetings.get(meeting_id)
    assert meeting.notes == notes
    assert [i.text for i in ws.insights.list()] == [long_line]


def test_escape_asks_before_losing_what_was_typed(
    qtbot, window: MainWindow, ws: Workspace, meeting_id: int, message_boxes
) -> None:
    dialog = open_dialog(qtbot, window, ws, meeting_id)
    type_text("Something worth keeping")
    message_boxes.answer = QMessageBox.StandardButton.Cancel

    press(Qt.Key.Key_Escape)

    assert dialog.isVisible()
    assert message_boxes.shown[-1].title == "Discard the write-up?"
    message_boxes.answer = QMessageBox.StandardButton.Discard
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert ws.meetings.get(meeting_id).status is MeetingStatus.PLANNED


def test_lines_added_can_be_changed_and_removed_from_the_keyboard(
    qtbot, window: MainWindow, ws: Workspace, meeting_id: int
) -> None:
    dialog = open_dialog(qtbot, window, ws, meeting_id)
    goals = dialog.sections[0].rows[0]
    type_text("First goal")
    press(Qt.Key.Key_Return)
    type_text("Second gaol")
    press(Qt.Key.Key_Return)

    press(Qt.Key.Key_Up)  # the last line added
    press(Qt.Key.Key_Return)  # back in the field to fix it
    assert goals.text_edit.text() == "Second gaol"
    goals.text_edit.clear()
    type_text("Second goal")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Delete)  # drop the first one
    assert [d.text for d in goals.drafts()] == ["Second goal"]  # type: ignore[attr-defined]


def test_write_up_from_the_meeting_editor(
    qtbot, window: MainWindow, ws: Workspace, meeting_id: int, modals
) -> None:
    from cio_desk.ui.dialogs.meeting_editor import MeetingEditor

    def write_up(editor: QWidget) -> None:
        assert isinstance(editor, MeetingEditor)
        modals.when_shown(CaptureDialog, capture)
        editor.write_up_button.click()

    def capture(dialog: QWidget) -> None:
        assert isinstance(dialog, CaptureDialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert focused() is dialog.sections[0].rows[0].text_edit
        type_text("Learnt from the editor's button")
        press(Qt.Key.Key_Return, CTRL)

    modals.when_shown(MeetingEditor, write_up)
    MeetingEditor.edit_meeting(window, ws, window.history, meeting_id)

    assert ws.meetings.get(meeting_id).status is MeetingStatus.HELD
    assert [i.text for i in ws.insights.list()] == ["Learnt from the editor's button"]
