"""Scale: how long the Plan page takes to open each tab on a large workspace.

    python benchmarks/plan_page.py [--initiatives 500] [--risks 1000] [--insights 5000]
                                   [--runs 7]

Fills a workspace as `plan_scale.py` does (500 initiatives with their costs
and links, 1,000 risks, 5,000 insights), opens the Plan page in a 1280x800
window, then times each tab: reading the services, filling the tables and
painting, as when the CIO clicks the tab after an edit. The first line is
building the page itself. Goal: each under 150 ms (median). Exit code 1 if a
goal is missed. Runs headless (QT_QPA_PLATFORM=offscreen unless set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plan_scale import START, fill

from cio_desk.services.profile import ProfileData
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.plan import PlanPage
from cio_desk.ui.undo import EditHistory
from cio_desk.workspace import Workspace

GOAL_MS = 150.0
NOW = dt.datetime.combine(START + dt.timedelta(days=40), dt.time(10))


def open_page(app: QApplication, ws: Workspace) -> tuple[PlanPage, float]:
    """Build and show the page on its first tab; returns it and the milliseconds taken."""
    history = EditHistory()
    context = PageContext(now=lambda: NOW, history=history, open_item=lambda _k, _i: None)
    began = time.perf_counter()
    page = PlanPage(context)
    page.resize(1080, 780)  # the page's share of a 1280x800 window
    page.set_workspace(ws)
    page.show()
    page.repaint()
    app.processEvents()
    return page, (time.perf_counter() - began) * 1000


def time_tab(app: QApplication, page: PlanPage, index: int, runs: int) -> tuple[float, float]:
    """(median, best) milliseconds to show tab `index` with fresh figures, painted."""
    samples = []
    for _ in range(runs + 1):  # the first run warms caches and is not counted
        page.tabs.setCurrentIndex((index + 1) % page.tabs.count())
        page.refresh()  # the workspace changed: every tab must read it again
        app.processEvents()
        began = time.perf_counter()
        page.tabs.setCurrentIndex(index)
        page.repaint()
        app.processEvents()
        samples.append((time.perf_counter() - began) * 1000)
    counted = samples[1:]
    return statistics.median(counted), min(counted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=500)
    parser.add_argument("--risks", type=int, default=1000)
    parser.add_argument("--insights", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("CIO_DESK_DATA_DIR", tmp)
        ws = Workspace.create(Path(tmp) / "plan-page.ciodesk")
        try:
            ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START))
            fill(ws, initiatives=args.initiatives, risks=args.risks, insights=args.insights)
            print(f"{args.initiatives} initiatives, {args.risks} risks, {args.insights} insights\n")
            page, first = open_page(app, ws)
            print(f"{'tab':<26}{'median ms':>10}{'best ms':>9}   goal < {GOAL_MS:.0f} ms")
            print(f"{'build page + first tab':<26}{first:>10.1f}{first:>9.1f}")
            missed = first >= GOAL_MS
            for index in range(page.tabs.count()):
                median, best = time_tab(app, page, index, args.runs)
                verdict = "ok" if median < GOAL_MS else "MISSED"
                missed |= median >= GOAL_MS
                name = page.tabs.tabText(index)
                print(f"{name:<26}{median:>10.1f}{best:>9.1f}   {verdict}")
            page.close()
        finally:
            ws.close(backup=False)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
