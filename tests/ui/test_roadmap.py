"""The Roadmap page: bars dragged and stretched by mouse or keyboard, saved and undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from cio_desk.services.initiatives import InitiativeData, InitiativeRecord
from cio_desk.services.plan_costs import CostLineData, MilestoneData
from cio_desk.store.enums import CostCategory, InitiativeStatus
from cio_desk.ui.dialogs.initiative_editor import InitiativeEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.roadmap import RoadmapPage
from cio_desk.ui.widgets.timeline import TimelineView
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def add(ws: Workspace, title: str, horizon: int, start: int, end: int, **more) -> InitiativeRecord:
    return ws.plan.initiatives.add(
        InitiativeData(title, horizon=horizon, start_month=start, end_month=end, **more)
    )


def open_roadmap(window: MainWindow) -> RoadmapPage:
    index = next(i for i, e in enumerate(window._entries) if e.title == "Roadmap")
    window.show_page(index)
    page = window.current_page()
    assert isinstance(page, RoadmapPage)
    return page


def months(ws: Workspace, item: InitiativeRecord) -> tuple[int, int, int]:
    stored = ws.plan.initiatives.get(item.id)
    return stored.start_month, stored.end_month, stored.horizon


def drag(view: TimelineView, start: QPointF, months_right: float) -> None:
    """Press at `start`, move in small steps by `months_right` months, release."""
    viewport = view.viewport()
    width = view.geometry_now().month_width
    begin = start.toPoint()
    end = QPoint(round(start.x() + months_right * width), begin.y())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    for step in range(1, 6):
        x = begin.x() + (end.x() - begin.x()) * step / 5
        QTest.mouseMove(viewport, QPoint(round(x), begin.y()))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_a_bar_moves_it_and_ctrl_z_puts_it_back(window: MainWindow, ws: Workspace) -> None:
    item = add(ws, "Renegotiate maintenance contracts", 6, 2, 4)
    page = open_roadmap(window)
    bar = page.timeline.bar_rect(item.id)
    assert not bar.isEmpty()

    drag(page.timeline, bar.center(), 2)

    assert months(ws, item) == (4, 6, 6)
    assert page.timeline.bar_rect(item.id).left() == pytest.approx(
        bar.left() + 2 * (page.timeline.geometry_now().month_width)
    )
    assert "Move" in window.undo_action.text()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert months(ws, item) == (2, 4, 6)
    assert page.timeline.content().bar(item.id).start_month == 2


def test_dragging_an_end_stretches_the_bar(window: MainWindow, ws: Workspace) -> None:
    item = add(ws, "Security programme", 12, 3, 8)
    page = open_roadmap(window)
    bar = page.timeline.bar_rect(item.id)

    drag(page.timeline, QPointF(bar.right() - 2, bar.center().y()), 3)
    assert months(ws, item) == (3, 11, 12)

    bar = page.timeline.bar_rect(item.id)
    drag(page.timeline, QPointF(bar.left() + 2, bar.center().y()), -2)
    assert months(ws, item) == (1, 11, 12)
    window.undo_action.trigger()
    assert months(ws, item) == (3, 11, 12)


def test_a_bar_dragged_past_its_horizon_moves_to_the_next_one(
    window: MainWindow, ws: Workspace
) -> None:
    add(ws, "Pilot", 12, 4, 10)
    item = add(ws, "Order feed", 6, 2, 5)
    page = open_roadmap(window)

    drag(page.timeline, page.timeline.bar_rect(item.id).center(), 3)

    assert months(ws, item) == (5, 8, 12)
    assert "moved to Months 7 to 12" in page.message_bar.text()
    headings = [row for row in page.timeline.content().rows if row.bar is None]
    assert [h.count for h in headings] == [0, 2, 0]
    window.undo_action.trigger()
    assert ws.plan.initiatives.get(item.id) == item  # horizon and rank too
    assert page.message_bar.text() == ""  # the message was about the move undone


def test_a_refused_drag_explains_why_and_stores_nothing(window: MainWindow, ws: Workspace) -> None:
    item = add(ws, "Shop-floor system at every plant", 24, 14, 23)
    page = open_roadmap(window)
    before = page.timeline.bar_rect(item.id)

    drag(page.timeline, before.center(), 3)

    assert months(ws, item) == (14, 23, 24)
    assert "was not moved" in page.message_bar.text()
    assert "End month must be from 1 to 24 (got 26)" in page.message_bar.text()
    assert page.timeline.bar_rect(item.id) == before
    assert page.timeline.dragging() is None
    assert not window.undo_action.isEnabled()


def test_starting_before_a_dependency_ends_is_saved_and_flagged(
    window: MainWindow, ws: Workspace
) -> None:
    first = add(ws, "Off-site copy of the ERP", 6, 1, 4)
    then = add(ws, "Recovery test", 6, 5, 6, depends_on_ids=(first.id,))
    page = open_roadmap(window)
    assert not page.timeline.content().arrows[0].conflict

    drag(page.timeline, page.timeline.bar_rect(then.id).center(), -2)

    assert months(ws, then) == (3, 4, 6)
    assert page.timeline.content().arrows[0].conflict
    assert "start it in month 5 or later" in page.message_bar.text()


def test_the_keyboard_moves_and_stretches_the_chosen_bar(window: MainWindow, ws: Workspace) -> None:
    add(ws, "Governance", 6, 1, 2)
    item = add(ws, "Pay review", 6, 1, 5)
    page = open_roadmap(window)
    view = page.timeline
    view.setFocus()

    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_id() == item.id
    assert "Pay review" in page.details_label.text()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert months(ws, item) == (2, 6, 6)
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert months(ws, item) == (2, 5, 6)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert months(ws, item) == (3, 5, 6)
    assert view.selected_id() == item.id


def test_tooltips_give_title_months_owner_and_cost(window: MainWindow, ws: Workspace) -> None:
    item = add(ws, "Fix the <order> feed", 6, 1, 3, owner="Yang Fan")
    ws.plan.cost_lines.add(CostLineData(item.id, CostCategory.IMPLEMENTATION, 12_000_000))
    ws.plan.milestones.add(MilestoneData(item.id, 2, "Root cause fixed"))
    page = open_roadmap(window)
    view = page.timeline
    bar = view.bar_rect(item.id)

    text = view.tooltip_at(QPointF(bar.left() + 4, bar.center().y()))
    assert "Fix the &lt;order&gt; feed" in text
    assert "M1–M3 (3 months)" in text
    assert "Owner: Yang Fan" in text
    assert "¥120,000.00" in text
    milestone_x = view.month_x(2.5)
    assert "Root cause fixed" in view.tooltip_at(QPointF(milestone_x, bar.center().y()))


def test_today_is_drawn_in_the_month_it_falls_in(
    window: MainWindow, ws: Workspace, now: dt.datetime
) -> None:
    page = open_roadmap(window)
    # Day 18: month 1 runs from 2 March to 1 April, 31 days, 17 of them gone.
    assert page.timeline.today() == pytest.approx(17 / 31)
    assert "Today falls in month 1" in page.header.subtitle_label.text()
    assert page.empty_label.isVisible()


def test_dropped_initiatives_are_shown_only_on_request(window: MainWindow, ws: Workspace) -> None:
    add(ws, "Kept", 6, 1, 3)
    dropped = add(ws, "Sales app", 12, 2, 9, status=InitiativeStatus.DROPPED)
    page = open_roadmap(window)
    assert page.timeline.content().bar(dropped.id) is None
    page.dropped_box.setChecked(True)
    assert page.timeline.content().bar(dropped.id) is not None


def test_a_long_roadmap_scrolls_to_the_chosen_bar_and_zooms(
    window: MainWindow, ws: Workspace
) -> None:
    items = [add(ws, f"Initiative {n}", 24, 1 + n % 20, 1 + n % 20 + 3) for n in range(60)]
    page = open_roadmap(window)
    view = page.timeline
    view.setFocus()

    QTest.keyClick(view, Qt.Key.Key_End)

    assert view.selected_id() == items[-1].id
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.bar_rect(items[-1].id).center().toPoint())
    width = view.geometry_now().month_width
    page.zoom_in_action.trigger()
    assert view.geometry_now().month_width > width
    assert view.horizontalScrollBar().maximum() > 0
    page.fit_action.trigger()
    assert view.geometry_now().month_width == pytest.approx(width)


def test_double_click_opens_the_initiative_editor_over_the_roadmap(
    window: MainWindow, ws: Workspace, modals
) -> None:
    item = add(ws, "Governance", 6, 1, 2)
    page = open_roadmap(window)
    seen: list[str] = []

    def rename(editor: InitiativeEditor) -> None:
        seen.append(editor.title_edit.text())
        editor.title_edit.setText("IT steering group")
        editor.buttons.accepted.emit()

    modals.when_shown(InitiativeEditor, rename)
    point = page.timeline.bar_rect(item.id).center().toPoint()
    QTest.mouseDClick(page.timeline.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert seen == ["Governance"]
    assert ws.plan.initiatives.get(item.id).title == "IT steering group"
    assert months(ws, item) == (1, 2, 6)  # a double-click is not a drag
    assert window.current_page() is page
    assert page.timeline.content().bar(item.id).title == "IT steering group"


def test_ctrl_n_adds_an_initiative_from_the_roadmap(
    window: MainWindow, ws: Workspace, modals
) -> None:
    page = open_roadmap(window)
    assert window.new_item_action.text() == "New initiative"

    def fill(editor: InitiativeEditor) -> None:
        editor.title_edit.setText("Supplier portal")
        editor.buttons.accepted.emit()

    modals.when_shown(InitiativeEditor, fill)
    window.new_item_action.trigger()

    added = ws.plan.initiatives.list()
    assert [i.title for i in added] == ["Supplier portal"]
    assert page.timeline.selected_id() == added[0].id


def test_escape_cancels_a_drag(window: MainWindow, ws: Workspace) -> None:
    item = add(ws, "Governance", 6, 2, 3)
    page = open_roadmap(window)
    view = page.timeline
    start = view.bar_rect(item.id).center().toPoint()
    far = QPoint(start.x() + round(2 * view.geometry_now().month_width), start.y())
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(view.viewport(), QPoint(start.x() + 20, start.y()))
    QTest.mouseMove(view.viewport(), far)
    assert view.dragging() is not None and view.dragging().span() == (4, 5)

    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=far)

    assert months(ws, item) == (2, 3, 6)
    assert not window.undo_action.isEnabled()
