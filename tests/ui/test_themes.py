"""The Insight themes view (a tab of the Listening tour): counts, insights, rename, merge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cio_desk.services.insights import InsightData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind
from cio_desk.ui.dialogs.theme_dialogs import MergeThemeDialog, RenameThemeDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.models.theme_tables import CONCERNS, PEOPLE, THEME
from cio_desk.ui.pages.themes import ThemesView
from cio_desk.ui.pages.tour import THEMES_TAB, TourPage
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui
K = InsightKind


def open_themes(window: MainWindow) -> ThemesView:
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Listening tour"))
    page = window.current_page()
    assert isinstance(page, TourPage)
    page.tabs.setCurrentIndex(THEMES_TAB)
    return page.themes_view


def table(view: ThemesView) -> list[list[object]]:
    model = view.count_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def insights(view: ThemesView) -> list[list[str]]:
    model = view.insight_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def select(view: ThemesView, name: str) -> None:
    row = next(r for r, values in enumerate(table(view)) if values[THEME] == name)
    view.themes_table.selectRow(row)


@pytest.fixture
def said(ws: Workspace) -> dict[str, int]:
    cfo = ws.stakeholders.add(StakeholderData(name="刘芳")).id
    coo = ws.stakeholders.add(StakeholderData(name="Zhang Wei")).id
    gone = ws.stakeholders.add(StakeholderData(name="Old Hand")).id
    add = ws.insights.add
    add(InsightData(cfo, K.CONCERN, "ERP month-end takes 9 days", themes=("ERP", "cost")))
    add(InsightData(coo, K.CONCERN, "ERP <down> & slow", confidential=True, themes=("ERP",)))
    add(InsightData(coo, K.PROPOSAL, "Move planning out of Excel", themes=("erp",)))
    add(InsightData(cfo, K.GOAL, "Cut IT run cost by 10%", themes=("成本",)))
    add(InsightData(gone, K.CONCERN, "Old ERP worry", themes=("ERP",)))
    ws.stakeholders.set_archived(gone)
    themes = {t.name: t.id for t in ws.insights.themes()}
    return {"cfo": cfo, "coo": coo, **themes}


def test_counts_shown_match_the_service(
    window: MainWindow, ws: Workspace, said: dict[str, int]
) -> None:
    view = open_themes(window)

    expected = [
        [c.name, c.concerns, c.proposals, c.goals, c.stakeholders]
        for c in ws.insights.theme_counts()
    ]
    assert table(view) == expected
    assert table(view)[0] == ["ERP", 2, 1, 0, 2]  # the archived person's worry is not counted


def test_a_theme_shows_what_was_said_with_confidential_marked(
    window: MainWindow, said: dict[str, int]
) -> None:
    view = open_themes(window)
    select(view, "ERP")

    assert insights(view) == [  # concerns first, then proposals; by name within a kind
        ["Zhang Wei", "Concern", "ERP <down> & slow", "Confidential"],
        ["刘芳", "Concern", "ERP month-end takes 9 days", ""],
        ["Zhang Wei", "Proposal", "Move planning out of Excel", ""],
    ]
    assert view.detail_title.text().startswith("ERP · concerns: 2 · proposals: 1")

    select(view, "成本")
    assert insights(view) == [["刘芳", "Goal", "Cut IT run cost by 10%", ""]]


def test_sort_by_a_column(window: MainWindow, said: dict[str, int]) -> None:
    view = open_themes(window)
    view.themes_table.sortByColumn(THEME, Qt.SortOrder.AscendingOrder)
    assert [row[THEME] for row in table(view)] == ["cost", "ERP", "成本"]
    view.themes_table.sortByColumn(PEOPLE, Qt.SortOrder.DescendingOrder)
    assert [row[PEOPLE] for row in table(view)] == [2, 1, 1]
    view.themes_table.sortByColumn(CONCERNS, Qt.SortOrder.AscendingOrder)
    assert [row[CONCERNS] for row in table(view)] == [0, 1, 2]


def test_rename_a_theme_and_undo(
    window: MainWindow, ws: Workspace, said: dict[str, int], qtbot, modals
) -> None:
    view = open_themes(window)
    select(view, "cost")

    def rename(dialog: RenameThemeDialog) -> None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Cost of IT")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(RenameThemeDialog, rename)
    view.rename_button.click()

    assert "Cost of IT" in [t.name for t in ws.insights.themes()]
    assert view.selected_theme_id() == said["cost"]
    window.undo_action.trigger()
    assert "cost" in [t.name for t in ws.insights.themes()]


def test_renaming_onto_another_theme_is_refused_at_the_field(
    window: MainWindow, ws: Workspace, said: dict[str, int], qtbot, modals
) -> None:
    view = open_themes(window)
    select(view, "cost")
    seen: dict[str, object] = {}

    def rename(dialog: RenameThemeDialog) -> None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "erp")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        seen["error"] = dialog.errors.text("name")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    modals.when_shown(RenameThemeDialog, rename)
    view.rename_button.click()

    assert seen == {
        "error": "A theme called ERP already exists; merge the two instead.",
        "open": True,
    }
    assert sorted(t.name for t in ws.insights.themes()) == ["ERP", "cost", "成本"]


def test_merge_two_themes_and_undo(
    window: MainWindow, ws: Workspace, said: dict[str, int], modals
) -> None:
    view = open_themes(window)
    select(view, "cost")

    def merge(dialog: MergeThemeDialog) -> None:
        dialog.target_combo.setCurrentIndex(dialog.target_combo.findText("成本"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(MergeThemeDialog, merge)
    view.merge_button.click()

    assert sorted(t.name for t in ws.insights.themes()) == ["ERP", "成本"]
    assert table(view)[1] == ["成本", 1, 0, 1, 1]
    assert view.selected_theme_id() == said["成本"]

    window.undo_action.trigger()
    assert sorted(t.name for t in ws.insights.themes()) == ["ERP", "cost", "成本"]
    assert [row[THEME] for row in table(view)] == [c.name for c in ws.insights.theme_counts()]
    window.redo_action.trigger()
    assert sorted(t.name for t in ws.insights.themes()) == ["ERP", "成本"]


def test_open_item_shows_the_theme(window: MainWindow, said: dict[str, int]) -> None:
    window.open_item("theme", said["成本"])
    page = window.current_page()
    assert isinstance(page, TourPage)
    assert page.tabs.currentIndex() == THEMES_TAB
    assert page.themes_view.selected_theme_id() == said["成本"]


def test_the_tab_built_when_first_chosen_shows_the_current_themes(
    window: MainWindow, ws: Workspace, said: dict[str, int]
) -> None:
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Listening tour"))
    page = window.current_page()
    assert isinstance(page, TourPage)
    someone = ws.stakeholders.add(StakeholderData(name="Chen Jing")).id
    ws.insights.add(InsightData(someone, K.CONCERN, "Hackers", themes=("security",)))

    page.tabs.setCurrentIndex(THEMES_TAB)  # the tab is filled now, from the workspace as it is
    rows = table(page.themes_view)
    assert [row[THEME] for row in rows] == [c.name for c in ws.insights.theme_counts()]
    assert "security" in [row[THEME] for row in rows]
    assert page.themes_view.isVisible()


def test_no_themes_yet_says_how_to_get_them(window: MainWindow) -> None:
    view = open_themes(window)
    assert view.empty_label.isVisible()
    assert not view.splitter.isVisible()
