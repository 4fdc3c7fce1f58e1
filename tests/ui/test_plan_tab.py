"""The Plan page's tables: sorted by a click on a header, filtered, wide enough to read."""

from __future__ import annotations

import pytest
from plan_helpers import cell_texts, open_plan, type_into
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan_costs import CostLineData
from cio_desk.store.enums import CostCategory, CostRecurrence, InitiativeStatus
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.plan_budget import BudgetTab, TotalsModel
from cio_desk.ui.pages.plan_horizon import HorizonTab
from cio_desk.ui.pages.plan_horizon_models import PrioritiesModel
from cio_desk.ui.pages.plan_initiatives import InitiativesModel, InitiativesTab
from cio_desk.ui.pages.plan_tab import Table
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def three_initiatives(ws: Workspace) -> dict[str, int]:
    """Ranked CRM, ERP, Helpdesk on the 6-month horizon; owners sort the other way round."""
    owners = {"CRM": "Zhang Wei", "ERP": "Lin Yue", "Helpdesk": "Chen Jing"}
    return {
        title: ws.plan.initiatives.add(InitiativeData(title, owner=owner)).id
        for title, owner in owners.items()
    }


def click_header(table: Table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def initiatives_tab(window: MainWindow) -> InitiativesTab:
    tab = open_plan(window, "Initiatives").current_tab()
    assert isinstance(tab, InitiativesTab)
    return tab


def test_a_click_on_a_header_sorts_and_the_selection_stays_on_its_initiative(
    window: MainWindow, ws: Workspace
) -> None:
    ids = three_initiatives(ws)
    tab = initiatives_tab(window)
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["CRM", "ERP", "Helpdesk"]
    tab.table.select_id(ids["ERP"])

    click_header(tab.table, InitiativesModel.OWNER)
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["Helpdesk", "ERP", "CRM"]
    click_header(tab.table, InitiativesModel.OWNER)
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["CRM", "ERP", "Helpdesk"]
    click_header(tab.table, InitiativesModel.OWNER)
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["Helpdesk", "ERP", "CRM"]
    assert tab.table.selected_id() == ids["ERP"]
    assert "ERP" in tab.why_view.toPlainText()


def test_a_sorted_table_stays_sorted_when_the_plan_changes(
    window: MainWindow, ws: Workspace
) -> None:
    three_initiatives(ws)
    tab = initiatives_tab(window)
    click_header(tab.table, InitiativesModel.OWNER)
    ws.plan.initiatives.add(InitiativeData("Data warehouse", owner="An Na"))
    tab.refresh()
    assert cell_texts(tab.table, InitiativesModel.TITLE) == [
        "Data warehouse",
        "Helpdesk",
        "ERP",
        "CRM",
    ]
    assert cell_texts(tab.table, InitiativesModel.RANK) == ["4", "3", "2", "1"]


def test_the_filter_hides_what_does_not_match_and_says_how_many_are_shown(
    window: MainWindow, ws: Workspace
) -> None:
    ids = three_initiatives(ws)
    ws.plan.initiatives.add(InitiativeData("Old portal", status=InitiativeStatus.DROPPED))
    tab = initiatives_tab(window)
    assert tab.section.count_label.text() == "3 of 4"  # the dropped one is hidden
    tab.table.select_id(ids["ERP"])

    type_into(tab.search_edit, "lin")  # the owner of ERP
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["ERP"]
    assert tab.section.count_label.text() == "1 of 4"
    assert tab.table.selected_id() == ids["ERP"]

    type_into(tab.search_edit, "nobody")
    assert cell_texts(tab.table, InitiativesModel.TITLE) == []
    assert tab.section.empty_label.text() == "No initiative matches the filter."

    tab.search_edit.clear()
    tab.dropped_box.setChecked(True)
    assert cell_texts(tab.table, InitiativesModel.TITLE) == ["CRM", "ERP", "Helpdesk", "Old portal"]
    assert tab.section.count_label.text() == "4"


def test_titles_stay_readable_in_a_small_window(window: MainWindow, ws: Workspace) -> None:
    for n in range(1, 4):
        ws.plan.initiatives.add(
            InitiativeData(
                f"Shop-floor system pilot on Changzhou's line {n}",
                owner="Zhang Wei",
                status=InitiativeStatus.IN_PROGRESS,
            )
        )
    window.resize(1024, 640)
    page = open_plan(window, "6 months")
    tab = page.current_tab()
    assert isinstance(tab, HorizonTab)
    table = tab.priorities_table
    readable = 18 * table.fontMetrics().averageCharWidth()
    assert table.columnWidth(PrioritiesModel.TITLE) >= readable
    window.resize(1280, 800)
    QTest.qWait(10)
    assert table.columnWidth(PrioritiesModel.TITLE) >= readable
    assert table.horizontalScrollBar().maximum() == 0  # everything fits again


def test_a_bold_total_is_never_cut_short(window: MainWindow, ws: Workspace) -> None:
    item = ws.plan.initiatives.add(InitiativeData("Rebuild order allocation"))
    ws.plan.cost_lines.add(
        CostLineData(item.id, CostCategory.LICENCE, 1_137_000_000, CostRecurrence.ONE_OFF)
    )
    tab = open_plan(window, "Budget").current_tab()
    assert isinstance(tab, BudgetTab)
    table = tab.horizon_table
    total_row = table.model().rowCount() - 1
    text = table.model().index(total_row, TotalsModel.TOTAL).data()
    assert text == "¥11,370,000.00"
    bold = QFont(table.font())
    bold.setBold(True)
    assert table.columnWidth(TotalsModel.TOTAL) > QFontMetrics(bold).horizontalAdvance(text)
