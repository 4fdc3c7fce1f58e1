"""The Plan page's smaller editors: assessment, unit situations, goals, principles, measures."""

from __future__ import annotations

import pytest
from plan_helpers import cell_texts, in_dialog, open_plan, save, tick, type_into
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.insights import InsightData
from cio_desk.services.plan import AssessmentItemData, PrincipleData, UnitSituationData
from cio_desk.services.plan_horizons import MeasureData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import AssessmentKind, InsightKind, SituationType
from cio_desk.ui.dialogs.assessment_editor import AssessmentEditor
from cio_desk.ui.dialogs.goal_editor import GoalEditor
from cio_desk.ui.dialogs.measure_editor import MeasureEditor
from cio_desk.ui.dialogs.principle_editor import PrincipleEditor
from cio_desk.ui.dialogs.situation_editor import SituationEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.plan_assessment import AssessmentTab, SituationsModel
from cio_desk.ui.pages.plan_goals import GoalsModel, GoalsTab, PrinciplesModel, PrinciplesTab
from cio_desk.ui.pages.plan_horizon import HorizonTab
from cio_desk.ui.pages.plan_horizon_models import MeasuresModel
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def test_an_assessment_item_cites_what_was_heard(window: MainWindow, ws: Workspace, modals) -> None:
    person = ws.stakeholders.add(StakeholderData(name="Wang Fang", unit="Finance"))
    heard = ws.insights.add(
        InsightData(person.id, InsightKind.CONCERN, "Invoices are typed in twice")
    )
    page = open_plan(window, "Assessment")
    tab = page.current_tab()
    assert isinstance(tab, AssessmentTab)

    def fill(dialog: AssessmentEditor) -> None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(AssessmentKind.PAIN_POINT))
        type_into(dialog.text_edit, "Month-end close takes 12 days")
        dialog.unit_combo.setCurrentText("Finance")
        tick(dialog.insights_list, "wang")
        save(dialog)

    in_dialog(modals, AssessmentEditor, fill, window.new_item_action.trigger)
    (item,) = ws.plan.assessment.list()
    assert (item.kind, item.unit, item.insight_ids) == (
        AssessmentKind.PAIN_POINT,
        "Finance",
        (heard.id,),
    )
    groups = [tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())]
    assert groups[2] == "Pain points (1)"
    tab.tree.select_id(item.id)
    assert tab.cited_label.text() == ("Cites:\n“Invoices are typed in twice” — Wang Fang, concern")


def test_deleting_an_assessment_item_is_undone(window: MainWindow, ws: Workspace) -> None:
    item = ws.plan.assessment.add(AssessmentItemData(AssessmentKind.STRENGTH, "Loyal staff"))
    page = open_plan(window, "Assessment")
    tab = page.current_tab()
    assert isinstance(tab, AssessmentTab)
    tab.tree.select_id(item.id)
    QTest.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert ws.plan.assessment.list() == []
    assert tab.tree.topLevelItem(0).text(0) == "Strengths (0)"
    window.undo_action.trigger()
    assert ws.plan.assessment.list() == [item]


def test_a_unit_situation_says_what_it_calls_for(window: MainWindow, ws: Workspace, modals) -> None:
    ws.stakeholders.add(StakeholderData(name="Zhao Lei", unit="Plant 2"))
    page = open_plan(window, "Assessment")
    tab = page.current_tab()
    assert isinstance(tab, AssessmentTab)
    assert tab.missing_label.text() == "Units in your register without a situation yet: Plant 2."
    seen: dict[str, str] = {}

    def fill(dialog: SituationEditor) -> None:
        seen["unit"] = dialog.unit_combo.currentText()
        combo = dialog.situation_combo
        combo.setCurrentIndex(combo.findData(SituationType.TURNAROUND))
        seen["guidance"] = dialog.guidance_label.text()
        save(dialog)

    in_dialog(modals, SituationEditor, fill, tab._new_situation)
    assert seen["unit"] == "Plant 2"
    assert seen["guidance"] == "Act fast and decisively: cut what fails and secure early wins."
    (situation,) = ws.plan.situations.list()
    assert (situation.unit, situation.situation) == ("Plant 2", SituationType.TURNAROUND)
    assert cell_texts(tab.situations_table, SituationsModel.SITUATION) == [
        "Turnaround\nAct fast and decisively: cut what fails and secure early wins."
    ]
    assert not tab.missing_label.isVisible()


def test_a_second_situation_for_a_unit_is_refused_at_the_field(
    window: MainWindow, ws: Workspace, modals
) -> None:
    ws.plan.situations.add(UnitSituationData("Finance", SituationType.REALIGNMENT))
    page = open_plan(window, "Assessment")
    tab = page.current_tab()
    assert isinstance(tab, AssessmentTab)
    seen: dict[str, object] = {}

    def fill(dialog: SituationEditor) -> None:
        dialog.unit_combo.setCurrentText("finance")
        save(dialog)
        seen["error"] = dialog.error_text("unit")
        seen["open"] = dialog.isVisible()

    in_dialog(modals, SituationEditor, fill, tab._new_situation)
    assert seen == {"error": "Finance already has a situation.", "open": True}
    assert len(ws.plan.situations.list()) == 1


def test_a_goal_lists_the_initiatives_serving_it(window: MainWindow, ws: Workspace, modals) -> None:
    ledger = ws.plan.initiatives.add(InitiativeData("One ledger"))
    page = open_plan(window, "Goals")
    tab = page.current_tab()
    assert isinstance(tab, GoalsTab)

    def fill(dialog: GoalEditor) -> None:
        type_into(dialog.title_edit, "Close the books in five days")
        tick(dialog.initiatives_list, "ledger")
        save(dialog)

    in_dialog(modals, GoalEditor, fill, window.new_item_action.trigger)
    (goal,) = ws.plan.goals.list()
    assert ws.plan.initiatives.get(ledger.id).goal_ids == (goal.id,)
    assert cell_texts(tab.table, GoalsModel.SERVED) == ["1 initiative"]


def test_principles_are_added_and_reordered_by_keyboard(
    window: MainWindow, ws: Workspace, modals
) -> None:
    ws.plan.principles.add(PrincipleData("Save money before spending it"))
    page = open_plan(window, "Approach")
    tab = page.current_tab()
    assert isinstance(tab, PrinciplesTab)

    def fill(dialog: PrincipleEditor) -> None:
        type_into(dialog.text_edit, "Business language, not jargon")
        save(dialog)

    in_dialog(modals, PrincipleEditor, fill, window.new_item_action.trigger)
    texts = ["Save money before spending it", "Business language, not jargon"]
    assert cell_texts(tab.table, PrinciplesModel.TEXT) == texts
    tab.table.select_id(ws.plan.principles.list()[1].id)
    QTest.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [p.text for p in ws.plan.principles.list()] == texts[::-1]
    window.undo_action.trigger()
    assert [p.text for p in ws.plan.principles.list()] == texts


def test_a_blank_principle_is_refused_and_the_dialog_stays_open(
    window: MainWindow, ws: Workspace, modals
) -> None:
    seen: dict[str, object] = {}

    def fill(dialog: PrincipleEditor) -> None:
        type_into(dialog.text_edit, "   ")
        save(dialog)
        seen["error"] = dialog.error_text("text")
        seen["open"] = dialog.isVisible()

    open_plan(window, "Approach")
    in_dialog(modals, PrincipleEditor, fill, window.new_item_action.trigger)
    assert seen == {"error": "Principle cannot be empty.", "open": True}
    assert ws.plan.principles.list() == []


def test_a_measures_current_value_shows_progress(window: MainWindow, ws: Workspace, modals) -> None:
    measure = ws.plan.measures.add(
        MeasureData("Days to close the books", "days", baseline=12, target=5, horizon=6)
    )
    page = open_plan(window, "6 months")
    tab = page.current_tab()
    assert isinstance(tab, HorizonTab)
    seen: dict[str, object] = {}

    def update(dialog: MeasureEditor) -> None:
        type_into(dialog.current_edit, "abc")
        save(dialog)
        seen["refused"] = dialog.error_text("current")
        type_into(dialog.current_edit, "8.5")
        save(dialog)

    tab.measures_table.select_id(measure.id)
    in_dialog(
        modals, MeasureEditor, update, lambda: QTest.keyClick(tab.measures_table, Qt.Key.Key_Return)
    )
    assert seen["refused"] == "Current value must be a number such as 1,200,000 or 1200000.50."
    stored = ws.plan.measures.get(measure.id)
    assert (stored.current, stored.current_on) == (8.5, window.context.now().date())
    assert cell_texts(tab.measures_table, MeasuresModel.PROGRESS) == ["50 %"]
    window.undo_action.trigger()
    assert ws.plan.measures.get(measure.id).current is None
