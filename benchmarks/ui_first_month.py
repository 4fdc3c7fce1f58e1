"""Opening the Learning agenda, Follow-ups and Listening tour pages, for `scale.py`.

Each figure is what the user waits for: the page built (or refreshed), its
data read, the events it posted handled (layouts, timers, a new window's
first paint) and the page painted. Runs offscreen when there is no display.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable

from cio_desk.workspace import Workspace

# (page, what, samples in ms, goal in ms or None), as `scale.Timing` takes them.
Row = tuple[str, str, tuple[float, ...], float | None]
PAGE_SIZE = (1080, 780)  # the page area of a 1280 x 800 window


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


def first_month_page_rows(
    ws: Workspace, now: dt.datetime, runs: int, page_goal: float
) -> list[Row]:
    """Open each page, refresh it after an edit, and switch the tour's tabs."""
    app = _application()
    from cio_desk.ui.pages.agenda import AgendaPage
    from cio_desk.ui.pages.base import Page
    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.followups import FollowUpsPage
    from cio_desk.ui.pages.tour import CONTACT_TAB, REFERRALS_TAB, THEMES_TAB, TourPage
    from cio_desk.ui.undo import EditHistory

    context = PageContext(now=lambda: now, history=EditHistory(), open_item=lambda _k, _i: None)

    def settled(page: Page) -> None:
        # The events the step posted (layouts, timers, a new window's first
        # paint), then a paint now: Qt would paint changes on its next frame.
        app.processEvents()  # type: ignore[attr-defined]
        page.repaint()

    def opened(kind: type[Page]) -> Page:
        page = kind(context)
        page.resize(*PAGE_SIZE)
        page.set_workspace(ws)
        page.show()  # reads the workspace (showEvent -> refresh)
        settled(page)
        return page

    def close(page: Page) -> None:
        page.close()
        page.deleteLater()
        app.processEvents()  # type: ignore[attr-defined]

    rows: list[Row] = []
    for name, kind in (
        ("Learning agenda (UI)", AgendaPage),
        ("Follow-ups (UI)", FollowUpsPage),
        ("Listening tour (UI)", TourPage),
    ):
        close(opened(kind))  # warm-up: imports, fonts, query plans
        opens, refreshes, open_cpu = [], [], []
        for _ in range(runs):
            holder: list[Page] = []
            opens.append(
                _timed(lambda kind=kind, holder=holder: holder.append(opened(kind)), open_cpu)
            )
            page = holder[0]
            refreshes.append(_timed(lambda page=page: (page.refresh(), settled(page))))
            close(page)
        rows.append((name, "open: painted", tuple(opens), page_goal))
        rows.append((name, "open: processor time", tuple(open_cpu), None))
        rows.append((name, "refresh after an edit", tuple(refreshes), page_goal))
    tabs = (REFERRALS_TAB, CONTACT_TAB, THEMES_TAB)
    rows.extend(_tour_tabs(opened, settled, close, runs, page_goal, tabs))
    return rows


def _tour_tabs(
    opened: Callable[[type], object],
    settled: Callable[[object], None],
    close: Callable[[object], None],
    runs: int,
    page_goal: float,
    tabs: tuple[int, int, int],
) -> list[Row]:
    """Switching the Listening tour to its Stay in touch and Insight themes tabs."""
    from cio_desk.ui.pages.tour import TourPage

    referrals, contact, themes = tabs
    to_contact, to_themes = [], []
    for _ in range(runs):
        page = opened(TourPage)
        assert isinstance(page, TourPage)
        to_contact.append(_timed(lambda p=page: (p.tabs.setCurrentIndex(contact), settled(p))))
        to_themes.append(_timed(lambda p=page: (p.tabs.setCurrentIndex(themes), settled(p))))
        page.tabs.setCurrentIndex(referrals)
        close(page)
    name = "Listening tour (UI)"
    return [
        (name, "switch to Stay in touch", tuple(to_contact), page_goal),
        (name, "switch to Insight themes", tuple(to_themes), page_goal),
    ]
