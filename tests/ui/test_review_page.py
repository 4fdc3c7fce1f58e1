"""The Review & export page: versions compared, reviewer feedback, the jargon list, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan_costs import CostLineData
from cio_desk.services.review import ReviewData
from cio_desk.services.risks import RiskData
from cio_desk.store.enums import AudienceProfile, CostCategory, RiskCategory
from cio_desk.ui.dialogs.export_dialog import ExportDialog
from cio_desk.ui.dialogs.feedback_editor import AddressFeedbackDialog, FeedbackEditor
from cio_desk.ui.dialogs.jargon_editor import JargonEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.review import ReviewPage
from cio_desk.ui.pages.review_lists import SHOW_ADDRESSED, SHOW_ALL
from cio_desk.ui.pages.review_models import FeedbackTableModel, VersionTableModel
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui
MARCH = dt.datetime(2026, 3, 16, 18, 0)


def open_review(window: MainWindow) -> ReviewPage:
    index = next(i for i, e in enumerate(window._entries) if e.title == "Review & export")
    window.show_page(index)
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    return page


def cells(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def select_rows(table, rows: list[int]) -> None:
    selection = table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


@pytest.fixture
def versions(ws: Workspace) -> Workspace:
    """Version 1, then a move, a budget and a risk score change, version 2, then a rename."""
    erp = ws.plan.initiatives.add(
        InitiativeData(title="Replace the ERP", horizon=6, start_month=1, end_month=6)
    )
    risk = ws.risks.add(RiskData(title="Key vendor fails", category=RiskCategory.VENDOR))
    ws.versions.freeze(AudienceProfile.COACH, MARCH, "First draft")
    ws.plan.initiatives.update(erp.id, horizon=12, start_month=7, end_month=12)
    ws.plan.cost_lines.add(CostLineData(erp.id, CostCategory.LICENCE, 50_000_00))
    ws.risks.update(risk.id, likelihood=5)
    ws.versions.freeze(AudienceProfile.EXECUTIVE, MARCH + dt.timedelta(days=2), "CEO pre-read")
    ws.plan.initiatives.update(erp.id, title="Rebuild order allocation on the ERP")
    return ws


def test_versions_are_listed_and_any_two_compared(qtbot, window, versions: Workspace) -> None:
    page = open_review(window)
    tab = page.versions_tab
    proxy = tab.table.model()
    assert cells(proxy, VersionTableModel.NUMBER) == ["2", "1"]  # newest first
    assert cells(proxy, VersionTableModel.LABEL) == ["CEO pre-read", "First draft"]
    assert cells(proxy, VersionTableModel.AUDIENCE) == ["Executive", "Coach review"]
    assert "18 Mar 2026" in cells(proxy, VersionTableModel.DATE)[0]
    select_rows(tab.table, [0, 1])  # both versions: from 1 to 2
    lines = tab.change_lines()
    assert ("Replace the ERP", "Moved from First 6 months to Months 7 to 12") in lines
    assert ("Replace the ERP", "Rescheduled from M1–M6 to M7–M12") in lines
    assert any(item == "Replace the ERP" and what.startswith("Budget from") for item, what in lines)
    assert (
        "Key vendor fails",
        "Re-scored (likelihood × impact): before mitigation 3×3 → 5×3",
    ) in lines
    assert "from Version 1 to Version 2" in tab.summary_label.text()
    select_rows(tab.table, [0])  # one version: compared with the plan now
    assert tab.change_lines() == [
        ("Rebuild order allocation on the ERP", "Renamed from “Replace the ERP”")
    ]
    assert "to the plan now" in tab.summary_label.text()


def test_a_version_label_can_be_changed_and_a_version_deleted_then_undone(
    qtbot, window, versions: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_review(window)
    tab = page.versions_tab
    select_rows(tab.table, [1])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Coach draft", True))
    qtbot.mouseClick(tab.rename_button, Qt.MouseButton.LeftButton)
    assert versions.versions.get(1).label == "Coach draft"
    assert "Coach draft" in cells(tab.table.model(), VersionTableModel.LABEL)
    window.undo_action.trigger()
    assert versions.versions.get(1).label == "First draft"
    select_rows(tab.table, [0])
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert [v.number for v in versions.versions.list()] == [1]
    assert "Version 2 deleted" in page.message_bar.text()
    window.undo_action.trigger()
    assert [v.number for v in versions.versions.list()] == [1, 2]
    assert cells(tab.table.model(), VersionTableModel.NUMBER) == ["2", "1"]


def _fill_feedback(editor: FeedbackEditor, qtbot, text: str) -> None:
    editor.section_combo.setCurrentIndex(editor.section_combo.findData("roadmap"))
    qtbot.keyClicks(editor.reviewer_edit, "Coach Wang")
    qtbot.keyClicks(editor.text_edit, text)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()


def test_feedback_is_added_addressed_filtered_and_undone(
    qtbot, window, ws: Workspace, modals
) -> None:
    page = open_review(window)
    page.tabs.setCurrentIndex(page.FEEDBACK)
    assert window.new_item_action.text() == "New feedback"
    modals.when_shown(FeedbackEditor, lambda e: _fill_feedback(e, qtbot, "Start the ERP later"))
    window.new_item_action.trigger()  # Ctrl+N
    [added] = ws.review.list()
    assert (added.section, added.reviewer, added.text) == (
        "roadmap",
        "Coach Wang",
        "Start the ERP later",
    )
    assert added.received_on == window.context.now().date()
    tab = page.feedback_tab
    model = tab.table.model()
    assert cells(model, FeedbackTableModel.FEEDBACK) == ["Start the ERP later"]
    assert cells(model, FeedbackTableModel.STATUS) == ["Open"]
    assert "1 piece of feedback is open" in page.header.subtitle_label.text()

    def address(dialog: AddressFeedbackDialog) -> None:
        qtbot.keyClicks(dialog.reply_edit, "Moved to month 7")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    tab.select(added.id)
    modals.when_shown(AddressFeedbackDialog, address)
    qtbot.mouseClick(tab.address_button, Qt.MouseButton.LeftButton)
    addressed = ws.review.get(added.id)
    assert addressed.addressed and addressed.reply == "Moved to month 7"
    assert model.rowCount() == 0  # the list shows open feedback
    assert "No open feedback" in tab.empty_label.text()
    tab.show_combo.setCurrentIndex(tab.show_combo.findData(SHOW_ADDRESSED))
    assert cells(model, FeedbackTableModel.REPLY) == ["Moved to month 7"]
    assert cells(model, FeedbackTableModel.STATUS)[0].startswith("Addressed")

    window.undo_action.trigger()  # not addressed any more
    assert not ws.review.get(added.id).addressed
    assert model.rowCount() == 0
    window.undo_action.trigger()  # not added
    assert ws.review.list() == []
    window.redo_action.trigger()
    assert [r.text for r in ws.review.list()] == ["Start the ERP later"]


def test_refused_feedback_is_explained_and_the_dialog_stays_open(
    qtbot, window, ws: Workspace, modals
) -> None:
    page = open_review(window)
    seen: list[str] = []

    def save_empty(editor: FeedbackEditor) -> None:
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
        seen.append(editor.error_text("text"))
        assert editor.isVisible()
        editor.reject()

    modals.when_shown(FeedbackEditor, save_empty)
    page.new_item()
    assert seen == ["Feedback cannot be empty."]
    assert ws.review.list() == []


def test_feedback_on_a_version_can_be_reopened_and_deleted(
    qtbot, window, versions: Workspace
) -> None:
    ws = versions
    comment = ws.review.add(ReviewData("risks", "Add a cyber risk", dt.date(2026, 3, 17), "Li", 2))
    ws.review.set_addressed(comment.id, dt.date(2026, 3, 18), "Added")
    page = open_review(window)
    page.open_item("feedback", comment.id)  # hidden by "open" feedback: all are shown
    tab = page.feedback_tab
    assert page.tabs.currentIndex() == page.FEEDBACK
    assert tab.show_combo.currentData() == SHOW_ALL
    assert tab.selected().id == comment.id
    assert tab.reopen_button.isEnabled()
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    assert not ws.review.get(comment.id).addressed
    tab.select(comment.id)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert ws.review.list() == []
    window.undo_action.trigger()
    restored = ws.review.get(comment.id)
    assert (restored.text, restored.version_number) == ("Add a cyber risk", 2)
    window.undo_action.trigger()
    assert ws.review.get(comment.id).reply == "Added"


def test_jargon_terms_are_added_edited_removed_and_undone(
    qtbot, window, ws: Workspace, modals
) -> None:
    page = open_review(window)
    page.tabs.setCurrentIndex(page.JARGON)
    assert window.new_item_action.text() == "New term"
    tab = page.jargon_tab

    def add(editor: JargonEditor) -> None:
        qtbot.keyClicks(editor.term_edit, "RPA")
        qtbot.keyClicks(editor.plain_en_edit, "software robots for repetitive office work")
        editor.plain_zh_edit.setText("处理重复办公事务的软件机器人")  # keyClicks types Latin only
        editor.buttons.button(editor.buttons.StandardButton.Save).click()

    modals.when_shown(JargonEditor, add)
    window.new_item_action.trigger()
    rpa = next(t for t in ws.jargon.list() if t.term == "RPA")
    assert rpa.plain_zh == "处理重复办公事务的软件机器人"
    assert tab.selected().id == rpa.id

    def duplicate(editor: JargonEditor) -> None:
        editor.term_edit.setText("erp")
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
        assert "already in the list" in editor.error_text("term")
        editor.term_edit.setText("RPA bots")
        editor.buttons.button(editor.buttons.StandardButton.Save).click()

    modals.when_shown(JargonEditor, duplicate)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert ws.jargon.get(rpa.id).term == "RPA bots"
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert all(t.id != rpa.id for t in ws.jargon.list())
    window.undo_action.trigger()
    assert ws.jargon.get(rpa.id).term == "RPA bots"
    window.undo_action.trigger()
    assert ws.jargon.get(rpa.id).term == "RPA"
    tab.filter_edit.setText("robots")
    assert tab.table.model().rowCount() == 1


def test_export_opens_from_the_page_and_from_ctrl_e(qtbot, window, modals) -> None:
    page = open_review(window)
    shown: list[str] = []

    def close(dialog: ExportDialog) -> None:
        shown.append(dialog.windowTitle())
        dialog.reject()

    modals.when_shown(ExportDialog, close)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    modals.when_shown(ExportDialog, close)
    window.export_action.trigger()
    assert shown == ["Export the plan as a PDF"] * 2
