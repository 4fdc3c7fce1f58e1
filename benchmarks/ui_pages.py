"""Page timings through the real widgets, for `scale.py`'s `TIMING_SUITES`.

Each figure includes painting: the events the step posted are handled
(layouts, timers) and the paints they ask for are done before the clock
stops, so it is what the user waits for. The page opens inside a window
already on screen, as in the app (a new top-level window would be painted
only once the system exposes it, after the posted events). Opening reports
two moments: the first frame (the table) and the detail panel filled and
laid out. Runs offscreen when there is no display.
"""

from __future__ import annotations

import datetime as dt

from ui_host import Row, application, freeze_heap, thaw_heap, timed  # beside this script

from cio_desk.workspace import Workspace

# What the keystroke timing types into the filter box, each word into an
# empty box: most keystrokes leave dozens of people on screen to repaint.
TYPED = ("wang", "finance", "王伟", "li na")


def stakeholders_page_rows(
    ws: Workspace, now: dt.datetime, runs: int, page_goal: float, keystroke_goal: float
) -> list[Row]:
    """Opening the Stakeholders page and its views, and typing in its filter box."""
    app = application()
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.stakeholders import GRID_VIEW, TABLE_VIEW, TREE_VIEW, StakeholdersPage
    from cio_desk.ui.undo import EditHistory

    history = EditHistory()
    context = PageContext(now=lambda: now, history=history, open_item=lambda _k, _i: None)
    host = QStackedWidget()  # stands for the main window's page area
    host.resize(1080, 780)  # the page area of a 1280 x 800 window
    host.show()
    app.processEvents()  # type: ignore[attr-defined]
    painted = _PaintCounter(QObject, QEvent)
    direct = Qt.FindChildOption.FindDirectChildrenOnly

    def new_page() -> StakeholdersPage:
        page = StakeholdersPage(context, host)
        page.table.viewport().installEventFilter(painted)
        page.resize(host.size())
        page.set_workspace(ws)
        host.setCurrentIndex(host.addWidget(page))  # shows it: showEvent reads the register
        # The first frame: the event loop handles what was posted (layouts, the
        # paint) before any timer, so the detail put off with one is not in it.
        QCoreApplication.sendPostedEvents()
        return page

    def settled(page: StakeholdersPage) -> None:
        # The events the step posted and its timers, then the paints they ask
        # for: what Qt paints on its next frame. While laying out still moves the
        # detail panel's cards, that is one more frame the user waits for.
        app.processEvents()  # type: ignore[attr-defined]
        QCoreApplication.sendPostedEvents()
        for _ in range(5):
            before = detail_shape(page)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            if detail_shape(page) == before:
                break
            QCoreApplication.sendPostedEvents()

    def detail_shape(page: StakeholdersPage) -> list[object]:
        cards = page.detail.cards.findChildren(QWidget, options=direct)
        return [widget.geometry() for widget in (page.detail, *cards)]

    def close(page: StakeholdersPage) -> None:
        host.removeWidget(page)
        page.deleteLater()
        app.processEvents()  # type: ignore[attr-defined]

    def type_char(widget: object, char: str) -> None:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:  # how a Chinese input method delivers a character
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)

    cpu: dict[str, list[float]] = {"open": [], "filled": [], "refresh": [], "keys": []}

    def one_run() -> tuple[float, float, float, float, float, list[float]]:
        holder: list[StakeholdersPage] = []
        painted.count = 0
        opened = timed(lambda: holder.append(new_page()), cpu["open"])
        page = holder[0]
        if not painted.count or page.detail.stakeholder_id() is not None:
            raise RuntimeError("'table painted' must mean the table is painted, detail not yet")
        filled = timed(lambda: settled(page), cpu["filled"])
        cpu["filled"][-1] += cpu["open"][-1]
        refreshed = timed(lambda: (page.refresh(), settled(page)), cpu["refresh"])
        grid = timed(lambda: (page.show_view(GRID_VIEW), settled(page)))
        tree = timed(lambda: (page.show_view(TREE_VIEW), settled(page)))
        page.show_view(TABLE_VIEW)
        typed = []
        for word in TYPED:
            page.clear_filters()
            settled(page)
            typed += [
                timed(lambda c=char: (type_char(page.filter_edit, c), settled(page)), cpu["keys"])
                for char in word
            ]
        close(page)
        return opened, opened + filled, refreshed, grid, tree, typed

    close(new_page())  # warm-up: imports, fonts, query plans
    freeze_heap()
    runs_done = [one_run() for _ in range(runs)]
    host.close()
    host.deleteLater()
    thaw_heap()
    opens, complete, refreshes, grids, trees = (
        tuple(run[i] for run in runs_done) for i in range(5)
    )
    keys = tuple(ms for run in runs_done for ms in run[5])

    page_name = "Stakeholders (UI)"
    return [
        (page_name, "open: table painted", opens, page_goal),
        (page_name, "open: detail filled too", complete, page_goal),
        (page_name, "detail filled: processor time", tuple(cpu["filled"]), None),
        (page_name, "refresh after an edit", refreshes, page_goal),
        (page_name, "refresh: processor time", tuple(cpu["refresh"]), None),
        (page_name, "switch to the grid", grids, page_goal),
        (page_name, "switch to the org tree", trees, page_goal),
        (page_name, "filter per keystroke", keys, keystroke_goal),
        (page_name, "keystroke: processor time", tuple(cpu["keys"]), None),
    ]


def _PaintCounter(qobject: type, qevent: type) -> object:
    """An event filter counting the paint events of the widgets it watches."""

    class PaintCounter(qobject):  # type: ignore[misc, valid-type]
        count = 0

        def eventFilter(self, watched: object, event: object) -> bool:
            if event.type() == qevent.Type.Paint:  # type: ignore[attr-defined]
                self.count += 1
            return False

    return PaintCounter()
