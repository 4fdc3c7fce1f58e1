"""A read-only window is read-only all the way through: no page offers a way to change the file.

The demo workspace is held for changes by one `Workspace` (the "other window")
and opened read-only in a `MainWindow`; every page and tab is visited with a
row selected, so buttons that wait for a selection would light up too.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QTabWidget,
    QWidget,
)
from read_only_helpers import open_read_only_window, show, titles

from cio_desk.services.demo import write_demo_workspace
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.models.followup_table import DONE
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.stakeholders import GRID_VIEW
from cio_desk.ui.widgets.read_only import read_only_reason
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

DEMO_TODAY = dt.date(2026, 3, 19)
REASON = "Read-only: this workspace is open in another window"

# What each page disables (its controls that change the workspace), by attribute path.
EDIT_CONTROLS: dict[str, tuple[str, ...]] = {
    "Today": ("setup_button", "first_month.next_card.schedule_button"),
    "Learning agenda": (
        "new_button",
        "edit_button",
        "delete_button",
        "up_button",
        "down_button",
        "discard_button",
        "starter_again_button",
        "offer_card.use_button",
        "offer_card.empty_button",
        "edit_action",
        "next_status_action",
        "delete_action",
    ),
    "Stakeholders": (
        "new_button",
        "detail.edit_button",
        "detail.reassess_button",
        "detail.schedule_button",
        "detail.more_button",
        "detail.manager_action",
        "detail.archive_action",
        "detail.empty_add_button",
    ),
    "Meetings": ("new_button", "open_action", "write_up_action", "delete_action"),
    "Follow-ups": (
        "new_button",
        "edit_button",
        "delete_button",
        "toggle_action",
        "edit_action",
        "delete_action",
    ),
    "Listening tour": ("add_button", "link_button"),
    "Risks": ("starters_button", "new_button", "edit_button", "delete_button"),
    "Review & export": (
        "feedback_tab.new_button",
        "versions_tab.rename_button",
        "versions_tab.delete_button",
        "feedback_tab.address_button",
        "feedback_tab.reopen_button",
        "feedback_tab.edit_button",
        "feedback_tab.delete_button",
        "jargon_tab.new_button",
        "jargon_tab.edit_button",
        "jargon_tab.delete_button",
    ),
}
# Buttons that only read, move about or filter: they stay enabled.
READING_BUTTONS = {
    "Brief me",
    "Open",
    "Open meeting",
    "Open person",
    "Open stakeholder",
    "Show risk",
    "Export PDF…",
    "Clear filters",
    "Show archived",
    "Show dropped",
    "Calendar",
    "List",
    "‹ Earlier",
    "Later ›",
    "Today",
    "−",
    "+",
    "Fit",
}
READING_ACTIONS = {"&Brief me", "Show all risks", "Zoom out", "Zoom in", "Fit 24 months"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_workspace(tmp_path_factory.mktemp("demo") / "demo.ciodesk", DEMO_TODAY)


@pytest.fixture
def holder(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    """The demo, open for changes as if in another window."""
    path = tmp_path / "demo.ciodesk"
    shutil.copy(demo_file, path)
    workspace = Workspace.open(path)
    yield workspace
    workspace.close()


@pytest.fixture
def reader(qtbot, holder: Workspace, message_boxes) -> Iterator[MainWindow]:
    """A window on the same file, opened read-only as the user chose to."""
    now = dt.datetime.combine(DEMO_TODAY, dt.time(10, 0))
    window, controller = open_read_only_window(qtbot, holder.path, message_boxes, lambda: now)
    yield window
    controller.close()


def control(page: Page, path: str) -> QWidget | QAction:
    found: object = page
    for name in path.split("."):
        found = getattr(found, name)
    assert isinstance(found, (QWidget, QAction)), path
    return found


def select_first_rows(page: Page) -> None:
    """A row selected in every visible list, as a user would pick one."""
    QApplication.processEvents()  # a tab built just now is shown by a queued call
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))


def visit_tabs(page: Page, check: Callable[[], None]) -> None:
    """`check` on the page, then on every tab of every tab widget on it."""
    select_first_rows(page)
    check()
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            select_first_rows(page)
            check()


def enabled_edits(page: Page) -> list[str]:
    """What is shown and enabled on `page` and is not known to only read."""
    found = [
        button.text() or button.accessibleName()
        for button in page.findChildren(QAbstractButton)
        if button.isVisible() and button.isEnabled() and button.text() not in READING_BUTTONS
    ]
    found += [
        action.text()
        for action in page.findChildren(QAction)
        if action.isEnabled()
        and action.text()
        and action.text() not in READING_ACTIONS
        and not action.objectName().startswith("_q_")  # Qt's own (a line edit's clear button)
    ]
    for view in page.findChildren(QAbstractItemView):
        if view.isVisible():
            found += [
                f"{what} in {view.accessibleName()}, column {index.column()}"
                for index, what in changeable_cells(view)
            ]
    return found


def changeable_cells(view: QAbstractItemView) -> Iterator[tuple[QModelIndex, str]]:
    """Cells of the first rows a click could change: a tick box, or an editor in place."""
    model = view.model()
    if model is None:
        return
    for row in range(min(model.rowCount(), 3)):
        column = 0
        while (index := model.index(row, column)).isValid():
            flags = model.flags(index)
            ticked = index.data(Qt.ItemDataRole.CheckStateRole)
            if flags & Qt.ItemFlag.ItemIsUserCheckable and ticked is not None:
                yield index, "a tick box"
            no_editing = view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
            if flags & Qt.ItemFlag.ItemIsEditable and not no_editing:
                yield index, "an editor"
            column += 1


def test_no_page_offers_an_enabled_control_that_changes_the_workspace(reader: MainWindow) -> None:
    offending: dict[str, list[str]] = {}

    for title in titles(reader):
        page = show(reader, title)

        def check(page: Page = page, title: str = title) -> None:
            found = enabled_edits(page)
            if found:
                offending.setdefault(title, []).extend(found)

        visit_tabs(page, check)

    assert offending == {}


def test_the_same_visit_finds_edit_controls_in_a_writable_window(qtbot, holder: Workspace) -> None:
    """The check above can fail: in a window open for changes it finds them on every page."""
    now = dt.datetime.combine(DEMO_TODAY, dt.time(10, 0))
    writer = MainWindow(WorkspaceController(holder), now=lambda: now)
    qtbot.addWidget(writer)
    writer.resize(1280, 800)
    writer.show()
    found: dict[str, set[str]] = {}
    for title in titles(writer):
        page = show(writer, title)
        visit_tabs(
            page, lambda p=page, t=title: found.setdefault(t, set()).update(enabled_edits(p))
        )

    # The Roadmap's only edits are drags and keys (see the test of the roadmap below).
    assert {title for title, edits in found.items() if edits} == set(titles(writer)) - {"Roadmap"}
    assert "a tick box in Follow-ups, column 0" in found["Follow-ups"]
    assert "Write up…" in found["Today"]


def test_enter_and_double_click_open_no_editor(
    reader: MainWindow, message_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def record(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", record)
    for title in titles(reader):
        page = show(reader, title)

        def activate_rows(page: Page = page) -> None:
            for view in page.findChildren(QAbstractItemView):
                if not view.isVisible() or view.model() is None or not view.model().rowCount():
                    continue
                # The last row: in a tree the first is often a heading that opens nothing.
                index = view.model().index(view.model().rowCount() - 1, 0)
                view.setCurrentIndex(index)
                QTest.keyClick(view, Qt.Key.Key_Return)
                centre = view.visualRect(index).center()
                QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)

        visit_tabs(page, activate_rows)

    # Reading stays possible: a meeting opens on its brief rather than in the editor.
    assert set(opened) <= {"BriefDialog"}, opened
    assert message_boxes.texts() == []


def test_each_page_disables_its_edit_controls_and_says_why(reader: MainWindow) -> None:
    for title, paths in EDIT_CONTROLS.items():
        page = show(reader, title)
        select_first_rows(page)
        for path in paths:
            item = control(page, path)
            assert not item.isEnabled(), f"{title}: {path}"
            assert REASON in item.toolTip(), f"{title}: {path}"
    assert read_only_reason() == REASON


def test_the_plan_tabs_disable_their_buttons(reader: MainWindow) -> None:
    page = show(reader, "Plan")
    buttons: list[QAbstractButton] = []
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        buttons += [b for b in page.tab_at(index).findChildren(QAbstractButton) if b.text()]
    editing = [b for b in buttons if b.text() not in READING_BUTTONS]
    assert len(editing) > 20  # New…, Edit…, Delete, Up, Down on every section
    assert all(not b.isEnabled() and REASON in b.toolTip() for b in editing)


def test_todays_row_buttons_are_disabled(reader: MainWindow) -> None:
    page = show(reader, "Today")
    cards = (page.todays_card, page.capture_card, page.first_month.referrals_card)
    buttons = [b for card in cards for b in card.action_buttons()]
    assert {b.text() for b in buttons} >= {"Write up…"}
    assert all(not b.isEnabled() and REASON in b.toolTip() for b in buttons)
    assert page.first_month.next_card.brief_button.isEnabled()  # reading stays possible


def test_a_tick_on_a_follow_up_changes_nothing_and_says_nothing(
    reader: MainWindow, holder: Workspace, message_boxes
) -> None:
    page = show(reader, "Follow-ups")
    record = page.model.follow_up(0).record
    rect = page.table.visualRect(page.model.index(0, DONE))

    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + rect.height() // 2, rect.center().y()),
    )

    assert holder.followups.get(record.id).done == record.done
    assert message_boxes.texts() == []


def test_a_marker_dragged_on_the_influence_grid_stays_put(
    reader: MainWindow, holder: Workspace, message_boxes
) -> None:
    page = show(reader, "Stakeholders")
    page.view_tabs.setCurrentIndex(GRID_VIEW)
    grid = page.grid
    person = next(p for p in holder.stakeholders.list() if grid.marker_rect(p.id) is not None)
    target = 1 if person.influence > 1 else 5
    start = grid.marker_rect(person.id).center().toPoint()
    end = grid.cell_rect(target, target).center().toPoint()

    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(grid, start + (end - start) * step / 5)
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QTest.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # the keyboard move

    after = holder.stakeholders.get(person.id)
    assert (after.influence, after.interest) == (person.influence, person.interest)
    assert grid.marker_rect(person.id) == grid.marker_rect(person.id)  # still drawn
    assert message_boxes.texts() == []


def test_a_bar_dragged_on_the_roadmap_stays_put(
    reader: MainWindow, holder: Workspace, message_boxes
) -> None:
    page = show(reader, "Roadmap")
    timeline = page.timeline
    bar_id = timeline.content().bar_ids()[0]
    before = holder.plan.initiatives.get(bar_id)
    start = timeline.bar_rect(bar_id).center().toPoint()
    end = QPoint(start.x() + round(2 * timeline.geometry_now().month_width), start.y())

    viewport = timeline.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QTest.keyClick(timeline, Qt.Key.Key_Right)  # the keyboard nudge

    after = holder.plan.initiatives.get(bar_id)
    assert (after.start_month, after.end_month) == (before.start_month, before.end_month)
    assert message_boxes.texts() == []


def test_open_for_changes_enables_every_page_again(
    reader: MainWindow, holder: Workspace, message_boxes
) -> None:
    pages = {title: show(reader, title) for title in EDIT_CONTROLS}
    holder.close()

    reader.read_only_banner.reopen_button.click()

    assert not reader.controller.workspace.read_only
    for title, page in pages.items():
        show(reader, title)
        select_first_rows(page)
        for path in EDIT_CONTROLS[title]:
            item = control(page, path)
            assert REASON not in item.toolTip(), f"{title}: {path}"
        assert control(page, EDIT_CONTROLS[title][0]).isEnabled(), title  # "New …" and the like
    followups = pages["Follow-ups"]
    assert followups.model.flags(followups.model.index(0, DONE)) & Qt.ItemFlag.ItemIsUserCheckable
    today = pages["Today"]
    assert all(b.isEnabled() for b in today.capture_card.action_buttons())
    assert message_boxes.texts() == []
