"""Opening the Learning agenda, Follow-ups and Listening tour pages, for `scale.py`.

Each figure is what the user waits for: the page built (or refreshed), its
data read, the events it posted handled (layouts, timers) and the page
painted, inside a window already on screen (see `ui_host.py`). Runs
offscreen when there is no display.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ui_host import PageHost, Row, freeze_heap, timed  # beside this script

from cio_desk.workspace import Workspace


def first_month_page_rows(
    ws: Workspace, now: dt.datetime, runs: int, page_goal: float
) -> list[Row]:
    """Open each page, refresh it after an edit, and switch the tour's tabs."""
    host = PageHost()
    from cio_desk.ui.pages.agenda import AgendaPage
    from cio_desk.ui.pages.base import Page
    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.followups import FollowUpsPage
    from cio_desk.ui.pages.tour import CONTACT_TAB, REFERRALS_TAB, THEMES_TAB, TourPage
    from cio_desk.ui.undo import EditHistory

    context = PageContext(now=lambda: now, history=EditHistory(), open_item=lambda _k, _i: None)

    def opened(kind: type[Page]) -> Page:
        return host.open(kind(context), ws)

    rows: list[Row] = []
    for name, kind in (
        ("Learning agenda (UI)", AgendaPage),
        ("Follow-ups (UI)", FollowUpsPage),
        ("Listening tour (UI)", TourPage),
    ):
        host.close(opened(kind))  # warm-up: imports, fonts, query plans
        freeze_heap()
        opens, refreshes, open_cpu = [], [], []
        for _ in range(runs):
            holder: list[Page] = []
            opens.append(
                timed(lambda kind=kind, holder=holder: holder.append(opened(kind)), open_cpu)
            )
            page = holder[0]
            refreshes.append(timed(lambda page=page: (page.refresh(), host.settle())))
            host.close(page)
        rows.append((name, "open: painted", tuple(opens), page_goal))
        rows.append((name, "open: processor time", tuple(open_cpu), None))
        rows.append((name, "refresh after an edit", tuple(refreshes), page_goal))
    tabs = (REFERRALS_TAB, CONTACT_TAB, THEMES_TAB)
    rows.extend(_tour_tabs(host, opened, runs, page_goal, tabs))
    host.quit()
    return rows


def _tour_tabs(
    host: PageHost,
    opened: Callable[[type], object],
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
        to_contact.append(timed(lambda p=page: (p.tabs.setCurrentIndex(contact), host.settle())))
        to_themes.append(timed(lambda p=page: (p.tabs.setCurrentIndex(themes), host.settle())))
        page.tabs.setCurrentIndex(referrals)
        host.close(page)
    name = "Listening tour (UI)"
    return [
        (name, "switch to Stay in touch", tuple(to_contact), page_goal),
        (name, "switch to Insight themes", tuple(to_themes), page_goal),
    ]
