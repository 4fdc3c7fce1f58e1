"""The influence / interest grid: placing, clicking and dragging people."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import Stance
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.stakeholders import GRID_VIEW, StakeholdersPage
from cio_desk.ui.widgets.influence_grid import GridMarker, InfluenceGrid
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def make_grid(qtbot, markers: list[GridMarker]) -> InfluenceGrid:
    grid = InfluenceGrid()
    qtbot.addWidget(grid)
    grid.resize(900, 640)
    grid.set_markers(markers)
    grid.show()
    return grid


def marker(id_: int, influence: int, interest: int, met: bool = True) -> GridMarker:
    return GridMarker(id_, f"Person {id_} 张", influence, interest, Stance.NEUTRAL, met)


def centre(rect) -> QPoint:
    return rect.center().toPoint()


def drag(widget, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    middle = (start + end) / 2
    QTest.mouseMove(widget, middle)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_people_sharing_a_cell_never_overlap(qtbot) -> None:
    crowd = [marker(i, 4, 5) for i in range(1, 121)]
    grid = make_grid(qtbot, [*crowd, marker(500, 1, 1)])
    cell = grid.cell_rect(4, 5)
    shown = [r for r in (grid.marker_rect(m.id) for m in crowd) if r is not None]
    assert len(shown) >= 10
    assert all(cell.contains(rect) for rect in shown)
    for first, second in itertools.combinations(shown, 2):
        assert not first.intersects(second)
    overflow = grid.overflow_rect(4, 5)
    assert overflow is not None and cell.contains(overflow)
    assert all(not overflow.intersects(rect) for rect in shown)
    hidden = len(crowd) - len(shown)
    assert grid.tooltip_at(overflow.center()).startswith(f"{hidden} more here: Person")
    assert grid.tooltip_at(grid.marker_rect(1).center()).startswith("Person 1 张\nNeutral · Met")


def test_a_few_people_are_named_in_their_cell(qtbot) -> None:
    grid = make_grid(qtbot, [marker(1, 5, 5), marker(2, 5, 5)])
    first, second = grid.marker_rect(1), grid.marker_rect(2)
    assert first.width() > first.height() * 3  # a chip with the name, not a bare dot
    assert not first.intersects(second)


def test_click_picks_and_drag_moves(qtbot) -> None:
    grid = make_grid(qtbot, [marker(7, 2, 2), marker(8, 3, 3)])
    with qtbot.waitSignal(grid.marker_chosen) as chosen:
        QTest.mouseClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid.marker_rect(7)))
    assert chosen.args == [7]
    assert grid.selected() == 7

    with qtbot.waitSignal(grid.marker_moved) as moved:
        drag(grid, centre(grid.marker_rect(8)), centre(grid.cell_rect(5, 1)))
    assert moved.args == [8, 5, 1]


def test_dropping_in_the_same_cell_changes_nothing(qtbot) -> None:
    grid = make_grid(qtbot, [marker(7, 2, 2)])
    moves: list[tuple] = []
    grid.marker_moved.connect(lambda *args: moves.append(args))
    start = centre(grid.marker_rect(7))
    drag(grid, start, start + QPoint(12, 12))
    assert moves == []


def test_keyboard_picks_and_moves_people(qtbot) -> None:
    grid = make_grid(qtbot, [marker(1, 5, 1), marker(2, 1, 5)])
    grid.setFocus()
    chosen: list[int] = []
    moves: list[tuple] = []
    grid.marker_chosen.connect(chosen.append)
    grid.marker_moved.connect(lambda *args: moves.append(args))
    QTest.keyClick(grid, Qt.Key.Key_Right)
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert chosen == [1, 2]  # top row first
    QTest.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # off the grid
    assert moves == [(2, 2, 5)]


# ---------------------------------------------------------------- on the page


def open_grid(window: MainWindow) -> StakeholdersPage:
    sidebar = window.findChild(QListWidget, "sidebar")
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    sidebar.setCurrentRow(titles.index("Stakeholders"))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    page.show_view(GRID_VIEW)
    QTest.qWait(0)  # the detail panel fills right after the table is painted
    return page


def test_dragging_on_the_page_saves_and_ctrl_z_puts_it_back(
    window: MainWindow, ws: Workspace
) -> None:
    cfo = ws.stakeholders.add(StakeholderData("王芳", influence=2, interest=3)).id
    ws.stakeholders.add(StakeholderData("Li Na", influence=4, interest=4))
    page = open_grid(window)
    grid = page.grid
    assert {m.name for m in grid.markers()} == {"王芳", "Li Na"}

    drag(grid, centre(grid.marker_rect(cfo)), centre(grid.cell_rect(5, 4)))

    stored = ws.stakeholders.get(cfo)
    assert (stored.influence, stored.interest) == (5, 4)
    assert next(m for m in grid.markers() if m.id == cfo).influence == 5
    assert page.detail.name_label.text() == "王芳"
    assert "Move 王芳 on the grid" in window.undo_action.text()

    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    stored = ws.stakeholders.get(cfo)
    assert (stored.influence, stored.interest) == (2, 3)
    assert next(m for m in grid.markers() if m.id == cfo).interest == 3


def test_clicking_a_marker_opens_the_person(window: MainWindow, ws: Workspace) -> None:
    ws.stakeholders.add(StakeholderData("王芳"))
    li = ws.stakeholders.add(StakeholderData("Li Na", influence=5, interest=5)).id
    page = open_grid(window)
    QTest.mouseClick(page.grid, Qt.MouseButton.LeftButton, pos=centre(page.grid.marker_rect(li)))
    assert page.selected_id() == li
    assert page.detail.name_label.text() == "Li Na"


def test_archived_people_stay_off_the_grid(window: MainWindow, ws: Workspace) -> None:
    gone = ws.stakeholders.add(StakeholderData("Old CIO")).id
    ws.stakeholders.set_archived(gone)
    ws.stakeholders.add(StakeholderData("王芳"))
    page = open_grid(window)
    page.archived_check.setChecked(True)
    assert [m.name for m in page.grid.markers()] == ["王芳"]
