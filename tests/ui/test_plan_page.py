"""The Plan page: a small plan built through the UI, its budget, traceability and undo."""

from __future__ import annotations

import dataclasses

import pytest
from plan_helpers import (
    cell_texts,
    choose_in_cell,
    edit_cell,
    in_dialog,
    open_plan,
    save,
    show_tab,
    tick,
    type_into,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.insights import InsightData
from cio_desk.services.plan import GoalData
from cio_desk.services.plan_horizons import NextStepData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import CostCategory, CostRecurrence, InsightKind, Stance
from cio_desk.ui.dialogs.contingency_editor import ContingencyEditor
from cio_desk.ui.dialogs.cost_lines import CostLinesModel, PaymentsModel
from cio_desk.ui.dialogs.goal_editor import GoalEditor
from cio_desk.ui.dialogs.initiative_editor import InitiativeEditor
from cio_desk.ui.dialogs.measure_editor import MeasureEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.plan_budget import BudgetTab, TotalsModel
from cio_desk.ui.pages.plan_horizon import HorizonTab
from cio_desk.ui.pages.plan_horizon_models import NextStepsModel
from cio_desk.ui.pages.plan_initiatives import InitiativesModel, InitiativesTab
from cio_desk.ui.pages.plan_trace import TraceTab, UnaddressedModel
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

GENERAL_TAB, WHY_TAB, COSTS_TAB, LINKS_TAB = range(4)  # the initiative editor's tabs


def new_initiative_through_the_editor(
    window: MainWindow, modals, title: str, *, horizon: int, start: int, end: int, **more
) -> None:
    """Ctrl+N on the Initiatives tab, fill the editor, Save."""
    seen: dict[str, str] = {}

    def fill(dialog: InitiativeEditor) -> None:
        type_into(dialog.title_edit, title)
        type_into(dialog.value_edit, more.get("value", "Orders typed once, not twice"))
        dialog.horizon_combo.setCurrentIndex(dialog.horizon_combo.findData(horizon))
        dialog.start_spin.setValue(start)
        dialog.end_spin.setValue(end)
        type_into(dialog.owner_edit, more.get("owner", "Lin Yue"))
        if "goal" in more:
            dialog.tabs.setCurrentIndex(WHY_TAB)
            tick(dialog.goals_list, more["goal"])
        if "depends_on" in more:
            dialog.tabs.setCurrentIndex(LINKS_TAB)
            tick(dialog.depends_list, more["depends_on"])
        dialog.tabs.setCurrentIndex(COSTS_TAB)
        for category, recurrence, amount in more.get("costs", ()):
            dialog.cost_table.add_button.click()
            row = dialog.cost_model.rowCount() - 1
            view = dialog.cost_table.view
            choose_in_cell(view, dialog.cost_model.index(row, CostLinesModel.CATEGORY), category)
            choose_in_cell(
                view, dialog.cost_model.index(row, CostLinesModel.RECURRENCE), recurrence
            )
            edit_cell(view, dialog.cost_model.index(row, CostLinesModel.AMOUNT), amount)
        save(dialog)
        seen["error"] = dialog.general_error.text()

    page = open_plan(window, "Initiatives")
    in_dialog(modals, InitiativeEditor, fill, window.new_item_action.trigger)
    assert not seen.get("error"), seen
    assert page.current_tab().new_item_text() == "New initiative"


def build_small_plan(window: MainWindow, ws: Workspace, modals) -> dict[str, int]:
    """A goal, two initiatives with costs typed as text, one depending on the other."""
    open_plan(window, "Goals")

    def fill_goal(dialog: GoalEditor) -> None:
        type_into(dialog.title_edit, "Close the books in five days")
        save(dialog)

    in_dialog(modals, GoalEditor, fill_goal, window.new_item_action.trigger)
    new_initiative_through_the_editor(
        window,
        modals,
        "One ledger for all plants",
        horizon=12,
        start=3,
        end=10,
        goal="books",
        costs=[
            (CostCategory.LICENCE, CostRecurrence.ONE_OFF, "1,200,000"),
            (CostCategory.MAINTENANCE, CostRecurrence.PER_YEAR, "100000.50"),
        ],
    )
    ledger = ws.plan.initiatives.list()[0].id
    new_initiative_through_the_editor(
        window,
        modals,
        "Plant helpdesk",
        horizon=6,
        start=1,
        end=4,
        depends_on="ledger",
        costs=[(CostCategory.STAFF, CostRecurrence.ONE_OFF, "50,000")],
    )
    desk = next(i.id for i in ws.plan.initiatives.list() if i.title == "Plant helpdesk")
    return {"ledger": ledger, "desk": desk}


# ---------------------------------------------------------------- the page


def test_the_page_says_what_the_plan_holds_and_when_it_is_due(
    window: MainWindow, ws: Workspace
) -> None:
    page = open_plan(window)
    holds = "Assessment, goals, approach and initiatives over 6, 12 and 24 months."
    assert page.header.title_label.text() == "Plan"
    assert page.header.subtitle_label.text() == (
        f"{holds} Day 18: the plan is due on Day 30, in 12 days."
    )
    profile = ws.profile.get()
    assert profile is not None
    ws.profile.save(dataclasses.replace(profile, plan_due_day=18))
    page.refresh()
    assert page.header.subtitle_label.text() == f"{holds} Day 18: the plan is due today."
    ws.profile.save(dataclasses.replace(profile, plan_due_day=10))
    page.refresh()
    assert page.header.subtitle_label.text() == (
        f"{holds} Day 18: the plan was due on Day 10; keep it current."
    )


def test_an_item_on_a_tab_not_yet_shown_opens_there(window: MainWindow, ws: Workspace) -> None:
    step = ws.plan.next_steps.add(NextStepData(12, "Agree the steering group's remit"))
    page = open_plan(window)
    page.open_item("next_step", step.id)
    tab = page.current_tab()
    assert isinstance(tab, HorizonTab) and tab.horizon == 12
    assert page.tabs.tabText(page.tabs.currentIndex()) == "12 months"
    assert tab.steps_table.selected_id() == step.id


def test_an_empty_plan_says_what_to_do_next(window: MainWindow) -> None:
    page = open_plan(window, "Budget")
    budget = page.current_tab()
    assert isinstance(budget, BudgetTab)
    assert budget.total_card.caption.text() == (
        "No costs yet: give each initiative its cost lines."
    )
    assert budget.scheduled_card.caption.text() == "No payments scheduled yet."
    assert cell_texts(budget.category_table, TotalsModel.LABEL) == ["Total"]
    trace = show_tab(page, "Traceability")
    assert isinstance(trace, TraceTab)
    assert trace.coverage_label.text() == (
        "No concerns or proposals recorded yet: record what you hear in your meetings."
    )
    assert trace.open_section.empty_label.text() == (
        "Concerns and proposals stakeholders raise are listed here until an initiative "
        "answers them."
    )


# ---------------------------------------------------------------- building a plan


def test_a_small_plan_built_through_the_ui(window: MainWindow, ws: Workspace, modals) -> None:
    ids = build_small_plan(window, ws, modals)

    (goal,) = ws.plan.goals.list()
    ledger = ws.plan.initiatives.draft(ids["ledger"])
    assert ledger.data.goal_ids == (goal.id,)
    assert (ledger.data.horizon, ledger.data.start_month, ledger.data.end_month) == (12, 3, 10)
    assert [(c.category, c.recurrence, c.amount_minor) for c in ledger.cost_lines] == [
        (CostCategory.LICENCE, CostRecurrence.ONE_OFF, 120_000_000),
        (CostCategory.MAINTENANCE, CostRecurrence.PER_YEAR, 10_000_050),
    ]
    assert ws.plan.initiatives.get(ids["desk"]).depends_on_ids == (ids["ledger"],)

    page = open_plan(window, "Initiatives")
    tab = page.current_tab()
    assert isinstance(tab, InitiativesTab)
    assert cell_texts(tab.table, InitiativesModel.TITLE) == [
        "Plant helpdesk",
        "One ledger for all plants",
    ]
    assert cell_texts(tab.table, InitiativesModel.COST) == ["¥50,000.00", "¥1,400,001.00"]


def test_measures_and_contingencies_are_added_on_their_horizon(
    window: MainWindow, ws: Workspace, modals
) -> None:
    ledger = ws.plan.initiatives.add(InitiativeData("One ledger", horizon=12, end_month=10))
    page = open_plan(window, "12 months")
    tab = page.current_tab()
    assert isinstance(tab, HorizonTab)
    seen: dict[str, str] = {}

    def fill_measure(dialog: MeasureEditor) -> None:
        type_into(dialog.name_edit, "Days to close the books")
        type_into(dialog.unit_edit, "days")
        type_into(dialog.baseline_edit, "9")
        type_into(dialog.target_edit, "9")
        seen["same"] = dialog.warning_text("target")
        type_into(dialog.target_edit, "5")
        seen["changed"] = dialog.warning_text("target")
        save(dialog)

    in_dialog(modals, MeasureEditor, fill_measure, window.new_item_action.trigger)
    assert seen["same"].startswith("The target equals the baseline (9)")
    assert seen["changed"] == ""
    (measure,) = ws.plan.measures.list()
    assert (measure.name, measure.baseline, measure.target, measure.horizon) == (
        "Days to close the books",
        9.0,
        5.0,
        12,
    )

    def fill_contingency(dialog: ContingencyEditor) -> None:
        type_into(dialog.trigger_edit, "The bank delays the supplier portal")
        type_into(dialog.response_edit, "Pay suppliers from the current account")
        combo = dialog.initiative_combo
        combo.setCurrentIndex(combo.findData(ledger.id))
        save(dialog)

    in_dialog(
        modals,
        ContingencyEditor,
        fill_contingency,
        tab.new_contingency_button.click,
    )
    (contingency,) = ws.plan.contingencies.list()
    assert (contingency.initiative_id, contingency.horizon) == (ledger.id, 12)
    assert cell_texts(tab.contingencies_table, 0) == ["The bank delays the supplier portal"]
    assert cell_texts(tab.measures_table, 0) == ["Days to close the books"]


# ---------------------------------------------------------------- the budget


def test_the_budget_tab_shows_the_hand_worked_totals(
    window: MainWindow, ws: Workspace, modals
) -> None:
    build_small_plan(window, ws, modals)
    # Ledger from month 3: licence 1,200,000 once (month 3) and maintenance
    # 100,000.50 a year (months 3 and 15). Helpdesk from month 1: 50,000 once.
    page = open_plan(window, "Budget")
    tab = page.current_tab()
    assert isinstance(tab, BudgetTab)
    assert tab.total_card.headline.text() == "¥1,450,001.00"
    assert tab.total_card.caption.text() == "¥1,350,000.50 in year 1 · ¥100,000.50 in year 2"
    horizons = tab.horizon_table
    rows = [
        [horizons.model().index(r, c).data() for c in range(4)]
        for r in range(horizons.model().rowCount())
    ]
    assert rows == [
        ["First 6 months", "¥50,000.00", "¥0.00", "¥50,000.00"],
        ["Months 7 to 12", "¥1,300,000.50", "¥100,000.50", "¥1,400,001.00"],
        ["Months 13 to 24", "¥0.00", "¥0.00", "¥0.00"],
        ["Total", "¥1,350,000.50", "¥100,000.50", "¥1,450,001.00"],
    ]
    categories = dict(
        zip(
            cell_texts(tab.category_table, TotalsModel.LABEL),
            cell_texts(tab.category_table, TotalsModel.TOTAL),
            strict=True,
        )
    )
    assert categories == {
        "Licences": "¥1,200,000.00",
        "Maintenance": "¥200,001.00",
        "Staff": "¥50,000.00",
        "Total": "¥1,450,001.00",
    }
    assert tab.confirmed_card.headline.text() == "¥0.00"
    assert tab.scheduled_card.caption.text() == "Still to schedule: ¥1,450,001.00"
    months = cell_texts(tab.months_table, 2)  # cost so far
    assert (months[0], months[2], months[14], months[23]) == (
        "¥50,000.00",
        "¥1,350,000.50",
        "¥1,450,001.00",
        "¥1,450,001.00",
    )
    # The same figures as the service (and so as the PDF).
    assert tab.total_card.headline.text() == ws.budget.summary().format(145_000_100)


# ---------------------------------------------------------------- refusals


def test_a_dependency_loop_is_refused_at_the_field(
    window: MainWindow, ws: Workspace, modals
) -> None:
    ids = build_small_plan(window, ws, modals)
    page = open_plan(window, "Initiatives")
    tab = page.current_tab()
    assert isinstance(tab, InitiativesTab)
    seen: dict[str, object] = {}

    def add_loop(dialog: InitiativeEditor) -> None:
        dialog.tabs.setCurrentIndex(LINKS_TAB)
        tick(dialog.depends_list, "helpdesk")
        dialog.tabs.setCurrentIndex(GENERAL_TAB)
        save(dialog)
        seen["error"] = dialog.error_text("depends_on_ids")
        seen["tab"] = dialog.tabs.tabText(dialog.tabs.currentIndex())
        seen["open"] = dialog.isVisible()

    tab.table.select_id(ids["ledger"])
    in_dialog(
        modals, InitiativeEditor, add_loop, lambda: QTest.keyClick(tab.table, Qt.Key.Key_Return)
    )
    assert seen["open"] is True
    assert seen["error"] == (
        "This dependency would form a loop (each depends on the next): "
        "“One ledger for all plants” → “Plant helpdesk” → “One ledger for all plants”. "
        "Remove one of these links first."
    )
    assert seen["tab"] == "&Depends on && milestones"
    assert ws.plan.initiatives.get(ids["ledger"]).depends_on_ids == ()


def test_negative_and_non_numeric_amounts_are_refused_at_the_cell(
    window: MainWindow, ws: Workspace, modals
) -> None:
    seen: dict[str, object] = {}

    def type_amounts(dialog: InitiativeEditor) -> None:
        type_into(dialog.title_edit, "Data centre move")
        dialog.tabs.setCurrentIndex(COSTS_TAB)
        table, model = dialog.cost_table, dialog.cost_model
        table.add_button.click()
        edit_cell(table.view, model.index(0, CostLinesModel.AMOUNT), "-5")
        seen["negative"] = table.message_label.text()
        seen["cell"] = model.index(0, CostLinesModel.AMOUNT).data()
        edit_cell(table.view, model.index(0, CostLinesModel.AMOUNT), "a lot")
        seen["not a number"] = table.message_label.text()
        save(dialog)
        seen["save"] = dialog.error_text("cost_lines")
        seen["open"] = dialog.isVisible()
        edit_cell(table.view, model.index(0, CostLinesModel.AMOUNT), "1200000.50")
        seen["fixed"] = (table.message_label.text(), model.index(0, CostLinesModel.AMOUNT).data())
        dialog.payment_table.add_button.click()
        edit_cell(
            dialog.payment_table.view,
            dialog.payment_model.index(0, PaymentsModel.AMOUNT),
            "1,000,000",
        )
        seen["preview"] = dialog.preview_label.text()

    open_plan(window, "Initiatives")
    in_dialog(modals, InitiativeEditor, type_amounts, window.new_item_action.trigger)
    assert seen["negative"] == "Cost line 1: Amount cannot be negative."
    assert seen["cell"] == "-5"  # kept as typed, so it can be corrected
    assert seen["not a number"] == (
        "Cost line 1: Amount must be a number such as 1,200,000 or 1200000.50."
    )
    assert seen["save"] == seen["not a number"] and seen["open"] is True
    assert seen["fixed"] == ("", "¥1,200,000.50")
    assert seen["preview"] == (
        "Cost over the plan: ¥1,200,000.50 (¥1,200,000.50 in year 1, ¥0.00 in year 2). "
        "Scheduled ¥1,000,000.00; ¥200,000.50 still to schedule."
    )
    assert ws.plan.initiatives.list() == []  # cancelled: nothing saved


def test_months_that_do_not_fit_are_flagged_as_they_are_typed(
    window: MainWindow, ws: Workspace, modals
) -> None:
    seen: dict[str, object] = {}

    def bad_months(dialog: InitiativeEditor) -> None:
        type_into(dialog.title_edit, "Helpdesk")
        dialog.start_spin.setValue(5)
        dialog.end_spin.setValue(3)
        seen["before"] = dialog.error_text("end_month")
        dialog.end_spin.setValue(9)
        seen["past"] = dialog.error_text("end_month")
        save(dialog)
        seen["open"] = dialog.isVisible()
        seen["range"] = (dialog.end_spin.minimum(), dialog.end_spin.maximum())

    open_plan(window, "Initiatives")
    in_dialog(modals, InitiativeEditor, bad_months, window.new_item_action.trigger)
    assert seen["before"] == "The initiative cannot end (month 3) before it starts (month 5)."
    assert str(seen["past"]).startswith("A 6-month initiative must end by month 6")
    assert seen["open"] is True and seen["range"] == (1, 24)
    assert ws.plan.initiatives.list() == []


# ---------------------------------------------------------------- undo


def test_an_initiative_edit_is_undone_and_redone(window: MainWindow, ws: Workspace, modals) -> None:
    ids = build_small_plan(window, ws, modals)
    before = ws.plan.initiatives.draft(ids["ledger"])
    page = open_plan(window, "Initiatives")
    tab = page.current_tab()
    assert isinstance(tab, InitiativesTab)

    def rename(dialog: InitiativeEditor) -> None:
        type_into(dialog.title_edit, "One ledger, five plants")
        dialog.tabs.setCurrentIndex(COSTS_TAB)
        dialog.cost_table.view.setCurrentIndex(dialog.cost_model.index(1, 0))
        dialog.cost_table.remove_button.click()
        save(dialog)

    tab.table.select_id(ids["ledger"])
    in_dialog(modals, InitiativeEditor, rename, tab._edit)
    after = ws.plan.initiatives.draft(ids["ledger"])
    assert after.data.title == "One ledger, five plants" and len(after.cost_lines) == 1
    assert "One ledger, five plants" in cell_texts(tab.table, InitiativesModel.TITLE)

    window.undo_action.trigger()
    assert ws.plan.initiatives.draft(ids["ledger"]) == before
    assert "One ledger for all plants" in cell_texts(tab.table, InitiativesModel.TITLE)

    window.redo_action.trigger()
    assert ws.plan.initiatives.get(ids["ledger"]).title == "One ledger, five plants"


def test_ranks_move_within_a_horizon_and_back(window: MainWindow, ws: Workspace) -> None:
    first = ws.plan.initiatives.add(InitiativeData("First", owner="Lin Yue")).id
    second = ws.plan.initiatives.add(InitiativeData("Second", owner="Lin Yue")).id
    page = open_plan(window, "Initiatives")
    tab = page.current_tab()
    assert isinstance(tab, InitiativesTab)
    tab.table.select_id(second)
    QTest.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [i.id for i in ws.plan.initiatives.list(horizon=6)] == [second, first]
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["Second", "First"]
    window.undo_action.trigger()
    assert [i.id for i in ws.plan.initiatives.list(horizon=6)] == [first, second]


def test_a_next_step_is_ticked_and_the_tick_undone(window: MainWindow, ws: Workspace) -> None:
    step = ws.plan.next_steps.add(NextStepData(6, "Agree the payment plan with the CFO"))
    page = open_plan(window, "6 months")
    tab = page.current_tab()
    assert isinstance(tab, HorizonTab)
    tab.steps_table.select_id(step.id)
    QTest.keyClick(tab.steps_table, Qt.Key.Key_Space)
    assert ws.plan.next_steps.get(step.id).done
    index = tab.steps_model.index(0, NextStepsModel.DONE)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    window.undo_action.trigger()
    assert not ws.plan.next_steps.get(step.id).done


# ---------------------------------------------------------------- traceability


def heard_concern(ws: Workspace) -> tuple[int, int]:
    person = ws.stakeholders.add(
        StakeholderData(name="Wang Fang", unit="Finance", stance=Stance.SCEPTIC)
    )
    concern = ws.insights.add(
        InsightData(person.id, InsightKind.CONCERN, "Month-end close takes 12 days")
    )
    return person.id, concern.id


def test_a_concern_not_yet_addressed_is_answered_from_the_list(
    window: MainWindow, ws: Workspace, modals
) -> None:
    _person, concern = heard_concern(ws)
    page = open_plan(window, "Traceability")
    tab = page.current_tab()
    assert isinstance(tab, TraceTab)
    assert cell_texts(tab.open_table, UnaddressedModel.TEXT) == ["Month-end close takes 12 days"]
    assert cell_texts(tab.open_table, UnaddressedModel.WHO) == ["Wang Fang"]
    seen: dict[str, object] = {}

    def answer(dialog: InitiativeEditor) -> None:
        seen["ticked"] = dialog.insights_list.ticked_ids()
        type_into(dialog.title_edit, "Five-day close")
        save(dialog)

    tab.open_table.select_id(concern)
    in_dialog(modals, InitiativeEditor, answer, tab.answer_button.click)
    assert seen["ticked"] == (concern,)
    (initiative,) = ws.plan.initiatives.list()
    assert initiative.insight_ids == (concern,)
    assert cell_texts(tab.open_table, UnaddressedModel.TEXT) == []
    assert tab.open_section.empty_label.text() == (
        "Every concern and proposal you heard is addressed."
    )


def test_why_this_initiative_takes_one_click(window: MainWindow, ws: Workspace) -> None:
    _person, concern = heard_concern(ws)
    close = ws.plan.initiatives.add(InitiativeData("Five-day close", insight_ids=(concern,)))
    ws.plan.initiatives.add(InitiativeData("Helpdesk"))
    page = open_plan(window, "Initiatives")
    tab = page.current_tab()
    assert isinstance(tab, InitiativesTab)
    row = tab.model.index(tab.model.row_of(close.id), 1)
    rect = tab.table.visualRect(row)
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    why = tab.why_view.toPlainText()
    assert "Five-day close" in why
    assert "Concern · Wang Fang (Sceptic)" in why
    assert "“Month-end close takes 12 days”" in why
    assert "Blockers: Wang Fang (Sceptic)" in why


def test_initiatives_answering_nothing_are_listed_only_when_there_are_some(
    window: MainWindow, ws: Workspace
) -> None:
    _person, concern = heard_concern(ws)
    ws.plan.initiatives.add(InitiativeData("Five-day close", insight_ids=(concern,)))
    page = open_plan(window, "Traceability")
    tab = page.current_tab()
    assert isinstance(tab, TraceTab)
    assert tab.orphans_section.isHidden()
    assert tab.coverage_label.text() == (
        "Concerns addressed: 1 of 1 · proposals addressed: 0 of 0. Dropped initiatives "
        "address nothing. Every initiative answers something a stakeholder said."
    )
    ws.plan.initiatives.add(InitiativeData("Helpdesk"))
    page.refresh()
    assert not tab.orphans_section.isHidden()
    assert cell_texts(tab.orphans_table, 0) == ["Helpdesk"]
    assert "Every initiative answers" not in tab.coverage_label.text()


def test_a_health_finding_jumps_to_its_item(window: MainWindow, ws: Workspace) -> None:
    orphan = ws.plan.initiatives.add(InitiativeData("Nobody's project"))
    ws.plan.initiatives.add(InitiativeData("Owned project", owner="Lin Yue"))
    page = open_plan(window, "Traceability")
    tab = page.current_tab()
    assert isinstance(tab, TraceTab)
    messages = cell_texts(tab.health_list, 0)
    row = messages.index("“Nobody's project” has no owner: name the person accountable for it.")
    rect = tab.health_list.visualRect(tab.health_list.model().index(row, 0))
    QTest.mouseClick(tab.health_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    initiatives = page.current_tab()
    assert isinstance(initiatives, InitiativesTab)
    assert initiatives.table.selected_id() == orphan.id


def test_ctrl_n_names_what_it_adds_on_each_tab(window: MainWindow, ws: Workspace) -> None:
    ws.plan.goals.add(GoalData("Deliver on time"))
    step = ws.plan.next_steps.add(NextStepData(6, "Book the plant visit"))
    page = open_plan(window)
    labels = {}
    for title in ("Assessment", "Goals", "Approach", "Initiatives", "6 months", "Traceability"):
        show_tab(page, title)
        labels[title] = window.new_item_action.text()
    assert labels == {
        "Assessment": "New assessment item",
        "Goals": "New goal",
        "Approach": "New principle",
        "Initiatives": "New initiative",
        "6 months": "New measure",
        "Traceability": "New initiative",
    }
    horizon = show_tab(page, "6 months")
    assert isinstance(horizon, HorizonTab)
    horizon.steps_table.select_id(step.id)  # working in the next steps
    assert window.new_item_action.text() == "New next step"
    show_tab(page, "Budget")
    assert not window.new_item_action.isEnabled()
