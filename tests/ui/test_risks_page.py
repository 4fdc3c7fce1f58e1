"""The Risks page: the register, its heat-map filter, the editor, starters and triggers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cio_desk.services.risks import RiskBand, RiskData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import RiskCategory, RiskStatus, Stance
from cio_desk.ui.dialogs.risk_editor import RiskEditor
from cio_desk.ui.dialogs.starter_risks import StarterRisksDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.risk_models import RiskTableModel
from cio_desk.ui.pages.risks import RisksPage
from cio_desk.ui.widgets.heat_map import HeatMapView
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def risk(ws: Workspace, title: str, scores: tuple[int, int, int, int], **more) -> int:
    likelihood, impact, residual_l, residual_i = scores
    data = RiskData(
        title,
        more.pop("category", RiskCategory.OPERATIONAL),
        likelihood=likelihood,
        impact=impact,
        residual_likelihood=residual_l,
        residual_impact=residual_i,
        **more,
    )
    return ws.risks.add(data).id


def open_risks(window: MainWindow) -> RisksPage:
    index = next(i for i, e in enumerate(window._entries) if e.title == "Risks")
    window.show_page(index)
    page = window.current_page()
    assert isinstance(page, RisksPage)
    return page


def click_cell(view: HeatMapView, likelihood: int, impact: int) -> None:
    point = view.cell_rect(likelihood, impact).center().toPoint()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)


@pytest.fixture
def register(ws: Workspace) -> Workspace:
    risk(
        ws, "Cash flow cannot carry the instalments", (4, 4, 2, 3), category=RiskCategory.FINANCIAL
    )
    risk(
        ws, "Ransomware stops the plants", (3, 5, 2, 3), category=RiskCategory.INFORMATION_SECURITY
    )
    risk(ws, "Vendor lock-in", (3, 3, 2, 2), category=RiskCategory.VENDOR)
    risk(ws, "数据泄露", (2, 5, 1, 5), category=RiskCategory.INFORMATION_SECURITY)
    risk(ws, "Old contract dispute", (4, 4, 2, 3), status=RiskStatus.CLOSED)
    return ws


# ---------------------------------------------------------------- heat maps and filters


def test_a_heat_map_cell_filters_the_register_and_a_second_click_clears_it(
    window: MainWindow, register: Workspace
) -> None:
    page = open_risks(window)
    residual = page.heat_maps.view(residual=True)
    assert residual.heat_map().count(2, 3) == 2
    assert len(page.shown_titles()) == 5

    click_cell(residual, 2, 3)

    assert sorted(page.shown_titles()) == [
        "Cash flow cannot carry the instalments",
        "Ransomware stops the plants",
    ]  # the closed risk in the same cell is not counted, nor listed
    assert residual.selected() == (2, 3)
    assert page.cell_chip.isVisible() and "Residual 2 × 3: 2 shown" in page.cell_chip.text()
    click_cell(residual, 2, 3)
    assert len(page.shown_titles()) == 5
    assert residual.selected() is None and not page.cell_chip.isVisible()


def test_the_clear_chip_and_escape_show_every_risk_again(
    window: MainWindow, register: Workspace
) -> None:
    page = open_risks(window)
    inherent = page.heat_maps.view(residual=False)
    click_cell(inherent, 4, 4)
    assert page.shown_titles() == ["Cash flow cannot carry the instalments"]
    assert page.heat_maps.view(residual=True).selected() is None

    QTest.mouseClick(page.cell_chip, Qt.MouseButton.LeftButton)
    assert len(page.shown_titles()) == 5

    click_cell(inherent, 4, 4)
    QTest.keyClick(page.table, Qt.Key.Key_Escape)
    assert len(page.shown_titles()) == 5


def test_a_cell_click_starts_from_a_clean_filter_bar(
    qtbot, window: MainWindow, register: Workspace
) -> None:
    page = open_risks(window)
    qtbot.keyClicks(page.search_edit, "vendor")
    qtbot.waitUntil(lambda: page.shown_titles() == ["Vendor lock-in"])

    click_cell(page.heat_maps.view(residual=True), 1, 5)

    assert page.search_edit.text() == ""
    assert page.shown_titles() == ["数据泄露"]
    assert not page.band_combo.isEnabled()


def test_the_register_filters_by_text_category_status_and_band(
    qtbot, window: MainWindow, register: Workspace
) -> None:
    page = open_risks(window)
    qtbot.keyClicks(page.search_edit, "plants")
    qtbot.waitUntil(lambda: page.shown_titles() == ["Ransomware stops the plants"])
    page.search_edit.clear()
    page.category_combo.setCurrentIndex(
        page.category_combo.findData(RiskCategory.INFORMATION_SECURITY)
    )
    assert sorted(page.shown_titles()) == ["Ransomware stops the plants", "数据泄露"]
    page.category_combo.setCurrentIndex(0)
    page.status_combo.setCurrentIndex(page.status_combo.findData(RiskStatus.CLOSED))
    assert page.shown_titles() == ["Old contract dispute"]
    page.status_combo.setCurrentIndex(0)
    page.band_combo.setCurrentIndex(page.band_combo.findData(RiskBand.LOW))
    assert page.shown_titles() == ["Vendor lock-in"]
    page.search_edit.setText("nothing like this")
    qtbot.waitUntil(lambda: page.empty_label.isVisible())
    assert page.empty_label.text() == "No risk matches these filters."


def test_sorting_by_a_column(window: MainWindow, register: Workspace) -> None:
    page = open_risks(window)
    assert page.shown_titles()[-1] == "Vendor lock-in"  # highest residual score first
    page.table.sortByColumn(RiskTableModel.INHERENT, Qt.SortOrder.AscendingOrder)
    assert page.shown_titles()[:2] == ["Vendor lock-in", "数据泄露"]
    page.table.sortByColumn(RiskTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert page.shown_titles()[0] == "Cash flow cannot carry the instalments"


def test_an_overdue_review_is_flagged(window: MainWindow, ws: Workspace, now: dt.datetime) -> None:
    late = now.date() - dt.timedelta(days=3)
    risk(ws, "Key person leaves", (3, 4, 2, 2), next_review=late)
    risk(ws, "Reviewed soon", (3, 4, 2, 2), next_review=now.date() + dt.timedelta(days=9))
    page = open_risks(window)
    rows = {
        page.model.index(r, RiskTableModel.TITLE).data(): page.model.index(
            r, RiskTableModel.NEXT_REVIEW
        ).data()
        for r in range(page.model.rowCount())
    }
    assert rows["Key person leaves"].endswith("· overdue")
    assert "overdue" not in rows["Reviewed soon"]
    assert "1 review is overdue." in page.header.subtitle_label.text()


# ---------------------------------------------------------------- editing


def test_editing_residual_scores_moves_the_risk_on_the_heat_map(
    window: MainWindow, register: Workspace, modals
) -> None:
    page = open_risks(window)
    residual = page.heat_maps.view(residual=True)
    assert (residual.heat_map().count(2, 2), residual.heat_map().count(1, 1)) == (1, 0)
    assert page.heat_maps.residual.band_count_text(RiskBand.LOW) == "1"

    def lower(editor: RiskEditor) -> None:
        assert editor.title_edit.text() == "Vendor lock-in"
        editor.residual_likelihood_combo.setCurrentIndex(0)
        editor.residual_impact_combo.setCurrentIndex(0)
        assert editor.residual_label.text() == "= 1 · Low"
        editor.buttons.accepted.emit()

    page.open_item("risk", next(r.id for r in register.risks.list() if r.title == "Vendor lock-in"))
    modals.when_shown(RiskEditor, lower)
    QTest.keyClick(page.table, Qt.Key.Key_Return)

    assert (residual.heat_map().count(2, 2), residual.heat_map().count(1, 1)) == (0, 1)
    window.undo_action.trigger()
    assert (residual.heat_map().count(2, 2), residual.heat_map().count(1, 1)) == (1, 0)


def test_a_new_risk_with_a_refused_field_keeps_the_dialog_open(
    window: MainWindow, ws: Workspace, modals
) -> None:
    zhang = ws.stakeholders.add(StakeholderData(name="Zhang Wei", stance=Stance.SUPPORTER))
    page = open_risks(window)
    errors: list[str] = []

    def fill(editor: RiskEditor) -> None:
        editor.buttons.accepted.emit()  # no title yet
        errors.append(editor.error_text("title"))
        assert editor.isVisible()
        QTest.keyClicks(editor.title_edit, "Sponsor turns opponent")
        editor.category_combo.setCurrentIndex(
            editor.category_combo.findData(RiskCategory.PEOPLE_CHANGE)
        )
        editor.likelihood_combo.setCurrentIndex(1)
        editor.impact_combo.setCurrentIndex(4)
        editor.stakeholders_list.set_ticked(zhang.id)
        editor.buttons.accepted.emit()

    modals.when_shown(RiskEditor, fill)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert errors and "Risk" in errors[0]
    [saved] = ws.risks.list()
    assert (saved.title, saved.category) == ("Sponsor turns opponent", RiskCategory.PEOPLE_CHANGE)
    assert (saved.likelihood, saved.impact, saved.stakeholder_ids) == (2, 5, (zhang.id,))
    assert saved.next_review == window.context.now().date() + dt.timedelta(days=30)
    assert page.selected_id() == saved.id
    window.undo_action.trigger()
    assert ws.risks.count() == 0
    window.redo_action.trigger()
    assert ws.risks.get(saved.id).title == "Sponsor turns opponent"


def test_delete_and_undo_restore_the_risk_with_its_links(window: MainWindow, ws: Workspace) -> None:
    person = ws.stakeholders.add(StakeholderData(name="Deng Xiaoyu"))
    rid = risk(ws, "Key person leaves", (3, 4, 2, 2), stakeholder_ids=(person.id,))
    page = open_risks(window)
    page.open_item("risk", rid)

    QTest.keyClick(page.table, Qt.Key.Key_Delete)

    assert ws.risks.count() == 0
    assert "Ctrl+Z puts it back" in page.message_bar.text()
    window.undo_action.trigger()
    assert ws.risks.get(rid).stakeholder_ids == (person.id,)
    assert page.shown_titles() == ["Key person leaves"]
    assert page.message_bar.text() == ""


def test_starter_risks_are_adopted_in_one_undoable_step(
    window: MainWindow, ws: Workspace, modals
) -> None:
    page = open_risks(window)
    offered: list[int] = []

    def adopt_two(dialog: StarterRisksDialog) -> None:
        offered.append(dialog.list.count())
        dialog.set_ticked("cash_flow")
        dialog.set_ticked("security_incident")
        assert dialog.adopt_button.text() == "Adopt 2 risks"
        dialog.adopt_button.click()

    modals.when_shown(StarterRisksDialog, adopt_two)
    QTest.mouseClick(page.starters_button, Qt.MouseButton.LeftButton)

    assert offered == [len(ws.risks.starter_risks())]
    titles = sorted(page.shown_titles())
    assert titles == sorted(
        s.data.title
        for s in ws.risks.starter_risks()
        if s.key in ("cash_flow", "security_incident")
    )
    assert sum(s.adopted for s in ws.risks.starter_risks()) == 2
    window.undo_action.trigger()
    assert ws.risks.count() == 0


# ---------------------------------------------------------------- triggers


def test_a_stance_drop_to_sceptic_fires_the_trigger_here_and_on_today(
    window: MainWindow, ws: Workspace
) -> None:
    zhang = ws.stakeholders.add(StakeholderData(name="Zhang Wei", stance=Stance.SUPPORTER))
    risk(ws, "Sponsor turns opponent", (2, 5, 2, 3), stakeholder_ids=(zhang.id,))
    page = open_risks(window)
    assert not page.triggers_card.isVisible()

    ws.stakeholders.update(zhang.id, stance=Stance.SCEPTIC)
    page.refresh()

    assert page.triggers_card.isVisible()
    assert page.triggers_card.texts() == ["Sponsor turns opponent — Zhang Wei is now a sceptic."]
    window.show_page(0)
    today = window.today_page.plan_cards
    assert today.triggers_card.isVisible()
    assert [r.primary for r in today.triggers_card.rows()] == [
        "Sponsor turns opponent — Zhang Wei is now a sceptic."
    ]


def test_show_risk_selects_it_even_when_filtered_out(window: MainWindow, ws: Workspace) -> None:
    li = ws.stakeholders.add(StakeholderData(name="Li Na", stance=Stance.BLOCKER))
    rid = risk(ws, "Finance team resists", (4, 4, 3, 3), stakeholder_ids=(li.id,))
    risk(ws, "Exchange rate", (2, 2, 1, 1))
    page = open_risks(window)
    click_cell(page.heat_maps.view(residual=True), 1, 1)
    assert page.shown_titles() == ["Exchange rate"]
    assert page.triggers_card.texts() == ["Finance team resists — Li Na is now a blocker."]

    page.triggers_card.findChildren(type(page.new_button))[0].click()

    assert page.selected_id() == rid
    assert page.cell_filter() is None


def test_the_heat_map_works_from_the_keyboard(window: MainWindow, register: Workspace) -> None:
    page = open_risks(window)
    residual = page.heat_maps.view(residual=True)
    residual.setFocus()
    # The focus starts on the middle cell (3, 3): down one row, and Space lists its risks.
    QTest.keyClick(residual, Qt.Key.Key_Down)
    QTest.keyClick(residual, Qt.Key.Key_Space)
    assert page.cell_filter() is not None and page.cell_filter().cell == (2, 3)
    assert len(page.shown_titles()) == 2
    QTest.keyClick(residual, Qt.Key.Key_Space)
    assert page.cell_filter() is None
