"""Page timings through the real widgets, for `scale.py`'s `TIMING_SUITES`.

Each figure includes painting: the events the step posted are handled
(layouts, timers, a new window's first paint) and the page is repainted
before the clock stops, so it is what the user waits for. Runs offscreen
when there is no display.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable

from cio_desk.workspace import Workspace

# (page, what, samples in ms, goal in ms or None), as `scale.Timing` takes them.
Row = tuple[str, str, tuple[float, ...], float | None]

TYPED = "王伟 finance"  # what the keystroke timing types into the filter box


def _application() -> object:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from cio_desk.ui.app import create_application

    return QApplication.instance() or create_application([])


def _timed(step: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Milliseconds of wall-clock time for `step`; its processor time goes to `cpu`.

    On a busy machine the processor time shows what the code itself costs.
    """
    begin, begin_cpu = time.perf_counter(), time.process_time()
    step()
    if cpu is not None:
        cpu.append((time.process_time() - begin_cpu) * 1000)
    return (time.perf_counter() - begin) * 1000


def stakeholders_page_rows(
    ws: Workspace, now: dt.datetime, runs: int, page_goal: float, keystroke_goal: float
) -> list[Row]:
    """Opening the Stakeholders page and its views, and typing in its filter box."""
    app = _application()
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.stakeholders import GRID_VIEW, TABLE_VIEW, TREE_VIEW, StakeholdersPage
    from cio_desk.ui.undo import EditHistory

    history = EditHistory()
    context = PageContext(now=lambda: now, history=history, open_item=lambda _k, _i: None)

    def new_page() -> StakeholdersPage:
        page = StakeholdersPage(context)
        page.resize(1080, 780)  # the page area of a 1280 x 800 window
        page.set_workspace(ws)
        page.show()
        page.repaint()
        return page

    def settled(page: StakeholdersPage) -> None:
        # The events the step posted (layouts, timers, a new window's first
        # paint), then a paint now: Qt would paint changes on its next frame.
        app.processEvents()  # type: ignore[attr-defined]
        page.repaint()

    def close(page: StakeholdersPage) -> None:
        page.close()
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
        opened = _timed(lambda: holder.append(new_page()), cpu["open"])
        page = holder[0]
        filled = _timed(lambda: settled(page), cpu["filled"])
        cpu["filled"][-1] += cpu["open"][-1]
        refreshed = _timed(lambda: (page.refresh(), settled(page)), cpu["refresh"])
        grid = _timed(lambda: (page.show_view(GRID_VIEW), settled(page)))
        tree = _timed(lambda: (page.show_view(TREE_VIEW), settled(page)))
        page.show_view(TABLE_VIEW)
        typed = [
            _timed(lambda c=char: (type_char(page.filter_edit, c), settled(page)), cpu["keys"])
            for char in TYPED
        ]
        close(page)
        return opened, opened + filled, refreshed, grid, tree, typed

    close(new_page())  # warm-up: imports, fonts, query plans
    runs_done = [one_run() for _ in range(runs)]
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
