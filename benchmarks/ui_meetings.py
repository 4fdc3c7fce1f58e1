"""Opening the Meetings page (calendar, then list) and the Today page, for `scale.py`.

Each figure is what the user waits for: the page built, its data read, the
events it posted handled (layouts, timers, a new window's first paint) and
the page painted. Runs offscreen when there is no display.
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
    """Milliseconds of wall-clock time for `step`; its processor time goes to `cpu`."""
    begin, begin_cpu = time.perf_counter(), time.process_time()
    step()
    if cpu is not None:
        cpu.append((time.process_time() - begin_cpu) * 1000)
    return (time.perf_counter() - begin) * 1000


def meetings_page_rows(ws: Workspace, now: dt.datetime, runs: int, page_goal: float) -> list[Row]:
    """The Meetings page opened on its calendar, switched to its list, filtered; Today opened."""
    app = _application()
    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.meetings import MeetingsPage
    from cio_desk.ui.pages.today import TodayPage
    from cio_desk.ui.undo import EditHistory

    context = PageContext(now=lambda: now, history=EditHistory(), open_item=lambda _k, _i: None)

    def settled(page: object) -> None:
        # The events the step posted (layouts, timers, a new window's first
        # paint), then a paint now: Qt would paint changes on its next frame.
        app.processEvents()  # type: ignore[attr-defined]
        page.repaint()  # type: ignore[attr-defined]

    def opened_meetings() -> MeetingsPage:
        page = MeetingsPage(context)
        page.resize(*PAGE_SIZE)
        page.set_workspace(ws)
        page.show()  # reads the workspace (showEvent -> refresh)
        settled(page)
        return page

    def opened_today() -> TodayPage:
        page = TodayPage(context.now, context=context)
        page.resize(*PAGE_SIZE)
        page.set_workspace(ws)
        page.show()
        settled(page)
        return page

    def close(page: object) -> None:
        page.close()  # type: ignore[attr-defined]
        page.deleteLater()  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]

    close(opened_meetings())  # warm-up: imports, fonts, query plans
    close(opened_today())
    calendar, calendar_cpu, lists, list_cpu, typing, todays = [], [], [], [], [], []
    for _ in range(runs):
        holder: list[MeetingsPage] = []
        calendar.append(_timed(lambda h=holder: h.append(opened_meetings()), calendar_cpu))
        page = holder[0]
        lists.append(_timed(lambda p=page: (p.show_list(), settled(p)), list_cpu))
        typing.append(_timed(lambda p=page: (p.list_view.search_edit.setText("wang"), settled(p))))
        close(page)
        today: list[TodayPage] = []
        todays.append(_timed(lambda t=today: t.append(opened_today())))
        close(today[0])
    count = ws.meetings.count()
    return [
        ("Meetings (UI)", "open: calendar painted", tuple(calendar), page_goal),
        ("Meetings (UI)", "open: processor time", tuple(calendar_cpu), None),
        ("Meetings (UI)", f"switch to list ({count:,} rows)", tuple(lists), page_goal),
        ("Meetings (UI)", "list: processor time", tuple(list_cpu), None),
        ("Meetings (UI)", "list: filter one word", tuple(typing), page_goal),
        ("Today (UI)", "open: painted", tuple(todays), page_goal),
    ]
