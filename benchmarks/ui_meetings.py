"""Opening the Meetings page (calendar, then list) and the Today page, for `scale.py`.

Each figure is what the user waits for: the page built, its data read, the
events it posted handled (layouts, timers) and the page painted, inside a
window already on screen (see `ui_host.py`). Runs offscreen when there is no
display.
"""

from __future__ import annotations

import datetime as dt

from ui_host import PageHost, Row, freeze_heap, timed  # beside this script

from cio_desk.workspace import Workspace


def meetings_page_rows(ws: Workspace, now: dt.datetime, runs: int, page_goal: float) -> list[Row]:
    """The Meetings page opened on its calendar, switched to its list, filtered; Today opened."""
    host = PageHost()
    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.meetings import MeetingsPage
    from cio_desk.ui.pages.today import TodayPage
    from cio_desk.ui.undo import EditHistory

    context = PageContext(now=lambda: now, history=EditHistory(), open_item=lambda _k, _i: None)

    def opened_meetings() -> MeetingsPage:
        return host.open(MeetingsPage(context), ws)

    def opened_today() -> TodayPage:
        return host.open(TodayPage(context.now, context=context), ws)

    host.close(opened_meetings())  # warm-up: imports, fonts, query plans
    host.close(opened_today())
    freeze_heap()
    calendar, calendar_cpu, lists, list_cpu, typing = [], [], [], [], []
    todays, today_cpu = [], []
    for _ in range(runs):
        holder: list[MeetingsPage] = []
        calendar.append(timed(lambda h=holder: h.append(opened_meetings()), calendar_cpu))
        page = holder[0]
        lists.append(timed(lambda p=page: (p.show_list(), host.settle()), list_cpu))
        typing.append(
            timed(lambda p=page: (p.list_view.search_edit.setText("wang"), host.settle()))
        )
        host.close(page)
        today: list[TodayPage] = []
        todays.append(timed(lambda t=today: t.append(opened_today()), today_cpu))
        host.close(today[0])
    host.quit()
    count = ws.meetings.count()
    return [
        ("Meetings (UI)", "open: calendar painted", tuple(calendar), page_goal),
        ("Meetings (UI)", "open: processor time", tuple(calendar_cpu), None),
        ("Meetings (UI)", f"switch to list ({count:,} rows)", tuple(lists), page_goal),
        ("Meetings (UI)", "list: processor time", tuple(list_cpu), None),
        ("Meetings (UI)", "list: filter one word", tuple(typing), page_goal),
        ("Today (UI)", "open: painted", tuple(todays), page_goal),
        ("Today (UI)", "open: processor time", tuple(today_cpu), None),
    ]
