"""Search everywhere (Ctrl+K): type, pick with the arrows, jump with Enter."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind
from cio_desk.ui.dialogs.search import SearchDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.stakeholders import StakeholdersPage
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def type_text(widget: QWidget, text: str) -> None:
    """Keys for ASCII, an input method's commit for other scripts (as a Chinese IME does)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def people(ws: Workspace) -> dict[str, int]:
    ids = {
        "cfo": ws.stakeholders.add(StakeholderData("王芳", title="财务总监", unit="Finance")).id,
        "coo": ws.stakeholders.add(StakeholderData("Li Na", title="COO")).id,
    }
    ws.insights.add(
        InsightData(
            ids["coo"],
            InsightKind.CONCERN,
            text="月末结账太慢, the ERP close takes nine days",
            confidential=True,
        )
    )
    ws.followups.add(
        FollowUpData(
            "Send the ERP cost baseline", stakeholder_id=ids["cfo"], due_date=dt.date(2026, 3, 25)
        )
    )
    return ids


def make_dialog(qtbot, ws: Workspace, opens=lambda kind: kind == "stakeholder") -> SearchDialog:
    dialog = SearchDialog(ws, opens)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_results_appear_as_you_type_chinese_too(qtbot, ws: Workspace, people) -> None:
    dialog = make_dialog(qtbot, ws)
    type_text(dialog.box, "王")
    qtbot.waitUntil(lambda: len(dialog.hits()) == 2)
    person, follow_up = dialog.hits()  # the follow-up is for 王芳
    assert (person.kind, person.title) == ("stakeholder", "王芳")
    assert (follow_up.kind, follow_up.title) == ("follow_up", "Send the ERP cost baseline")

    dialog.box.clear()
    type_text(dialog.box, "结账")
    qtbot.waitUntil(lambda: len(dialog.hits()) == 1)
    (hit,) = dialog.hits()
    assert hit.kind == "insight" and "confidential" in hit.flags
    assert "Confidential" in dialog.model.describe(hit)


def test_every_kind_is_listed_and_unopenable_ones_say_so(qtbot, ws: Workspace, people) -> None:
    dialog = make_dialog(qtbot, ws)
    type_text(dialog.box, "erp")
    qtbot.waitUntil(lambda: len(dialog.hits()) == 2)
    kinds = [hit.kind for hit in dialog.hits()]
    assert sorted(kinds) == ["follow_up", "insight"]

    follow_up = kinds.index("follow_up")
    for _ in range(follow_up):
        QTest.keyClick(dialog.box, Qt.Key.Key_Down)
    QTest.keyClick(dialog.box, Qt.Key.Key_Return)
    assert dialog.isVisible()  # no page shows follow-ups here: it stays open
    assert dialog.status.text() == "No page opens follow-up items yet."
    assert dialog.chosen is None


def test_nothing_found_is_said(qtbot, ws: Workspace, people) -> None:
    dialog = make_dialog(qtbot, ws)
    type_text(dialog.box, "zzz")
    dialog.search_now()
    assert dialog.hits() == []
    assert dialog.status.text() == "Nothing matches “zzz”."


def test_ctrl_k_finds_and_jumps_to_a_stakeholder(
    window: MainWindow,
    ws: Workspace,
    people,
    qtbot,
    modals,
) -> None:
    assert window.search_action.shortcut().toString() == "Ctrl+K"

    def search(dialog: SearchDialog) -> None:
        type_text(dialog.box, "Li")
        QTest.keyClick(dialog.box, Qt.Key.Key_Down)  # searches at once, then picks the next hit
        QTest.keyClick(dialog.box, Qt.Key.Key_Up)
        QTest.keyClick(dialog.box, Qt.Key.Key_Return)

    modals.when_shown(SearchDialog, search)
    window.search_action.trigger()

    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    assert page.selected_id() == people["coo"]
    assert page.detail.name_label.text() == "Li Na"


def test_an_insight_hit_opens_its_stakeholder(
    window: MainWindow,
    ws: Workspace,
    people,
    modals,
) -> None:
    def search(dialog: SearchDialog) -> None:
        type_text(dialog.box, "nine days")
        QTest.keyClick(dialog.box, Qt.Key.Key_Return)

    modals.when_shown(SearchDialog, search)
    window.search_action.trigger()
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    assert page.selected_id() == people["coo"]
