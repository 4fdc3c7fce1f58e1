"""Scale: the transition plan's figures on a large workspace.

    python benchmarks/plan_scale.py [--initiatives 500] [--risks 1000] [--insights 5000]
                                    [--runs 11] [--workspace PATH]

Fills a workspace in one transaction (500 initiatives with cost lines,
payments, milestones, dependencies and links to what stakeholders said;
1,000 risks; 5,000 insights), then times each figure the Plan and Risks
pages, Today and the PDF compute (goal: each under 50 ms), then opens the
Plan, Risks and Roadmap pages offscreen (goal: under 150 ms each). Each line
gives the median CPU time (goals are judged on it: the machine may be busy
with other work), the median and best wall-clock times, and the load
average. Exit code 1 if a goal is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from cio_desk.services.profile import ProfileData
from cio_desk.services.risks import RiskFilter
from cio_desk.store.enums import (
    HORIZONS,
    CostCategory,
    CostRecurrence,
    InitiativeStatus,
    InsightKind,
    RiskCategory,
    RiskResponse,
    RiskStatus,
    Stance,
)
from cio_desk.store.models import (
    Contingency,
    CostLine,
    Goal,
    Initiative,
    Insight,
    Measure,
    Milestone,
    NextStep,
    Payment,
    Risk,
    Stakeholder,
    initiative_dependency,
    initiative_goal,
    initiative_insight,
    risk_initiative,
    risk_stakeholder,
)
from cio_desk.workspace import Workspace

GOAL_MS = 50.0
PAGE_GOAL_MS = 150.0  # opening a page: built, read and painted
START = dt.date(2026, 3, 2)
UNITS = ("Finance", "Sales", "Plant 1", "Plant 2", "Logistics", "HR", "R&D", "采购部", "质量部")
ADDRESSABLE = (InsightKind.GOAL, InsightKind.PROPOSAL, InsightKind.CONCERN)


def fill(ws: Workspace, *, initiatives: int, risks: int, insights: int, seed: int = 7) -> None:
    """Bulk-insert a large, plausible plan in one transaction."""
    rnd = random.Random(seed)
    people = max(50, insights // 10)
    with ws.sessions.begin() as session:

        def bulk(table: object, rows: list[dict]) -> None:
            if rows:
                session.execute(insert(table), rows)  # type: ignore[arg-type]

        bulk(
            Stakeholder,
            [
                {
                    "id": i,
                    "name": f"Person {i:04d}",
                    "unit": rnd.choice(UNITS),
                    "stance": rnd.choice(list(Stance)),
                    "archived": i % 40 == 0,
                }
                for i in range(1, people + 1)
            ],
        )
        kinds = [*ADDRESSABLE, *ADDRESSABLE, InsightKind.HOW_TO_HELP]
        insight_rows = [
            {
                "id": i,
                "stakeholder_id": rnd.randint(1, people),
                "kind": rnd.choice(kinds),
                "text": f"What we heard, number {i}: 月结太慢, orders typed twice",
                "confidential": i % 10 == 0,
            }
            for i in range(1, insights + 1)
        ]
        bulk(Insight, insight_rows)
        addressable = [r["id"] for r in insight_rows if r["kind"] in ADDRESSABLE]
        bulk(Goal, [{"id": g, "title": f"Goal {g}", "position": g} for g in range(1, 21)])

        initiative_rows, ranks = [], dict.fromkeys(HORIZONS, 0)
        for i in range(1, initiatives + 1):
            horizon = rnd.choice(HORIZONS)
            end = rnd.randint(1, horizon)
            start = rnd.randint(1, end)
            initiative_rows.append(
                {
                    "id": i,
                    "title": f"Initiative {i}",
                    "horizon": horizon,
                    "start_month": start,
                    "end_month": end,
                    "owner": "" if i % 17 == 0 else f"Owner {i % 30}",
                    "status": rnd.choice(list(InitiativeStatus)),
                    "rank": ranks[horizon],
                    "cfo_confirmed": i % 3 == 0,
                }
            )
            ranks[horizon] += 1
        bulk(Initiative, initiative_rows)
        ids = range(1, initiatives + 1)
        bulk(
            initiative_insight,
            [
                {"initiative_id": i, "insight_id": x}
                for i in ids
                for x in rnd.sample(addressable, rnd.randint(0, 8))
            ],
        )
        bulk(initiative_goal, [{"initiative_id": i, "goal_id": rnd.randint(1, 20)} for i in ids])
        bulk(
            initiative_dependency,
            [
                {"initiative_id": i, "depends_on_id": d}
                for i in ids
                if i > 2
                for d in set(rnd.sample(range(1, i), min(i - 1, rnd.randint(0, 2))))
            ],
        )
        bulk(
            CostLine,
            [
                {
                    "initiative_id": i,
                    "category": rnd.choice(list(CostCategory)),
                    "recurrence": rnd.choice(list(CostRecurrence)),
                    "amount_minor": rnd.randint(0, 50_000) * 100,
                    "vendor": rnd.choice(("Kingdee", "Yonyou", "SAP", "")),
                }
                for i in ids
                for _ in range(rnd.randint(1, 6))
            ],
        )
        bulk(
            Payment,
            [
                {
                    "initiative_id": i,
                    "month": rnd.randint(1, 24),
                    "amount_minor": rnd.randint(1, 9) * 10**6,
                }
                for i in ids
                for _ in range(rnd.randint(0, 4))
            ],
        )
        bulk(
            Milestone,
            [
                {"initiative_id": i, "month": rnd.randint(1, 24), "title": f"Milestone of {i}"}
                for i in ids
                for _ in range(rnd.randint(0, 3))
            ],
        )
        bulk(
            Risk,
            [
                {
                    "id": r,
                    "title": f"Risk {r}",
                    "category": rnd.choice(list(RiskCategory)),
                    "likelihood": rnd.randint(1, 5),
                    "impact": rnd.randint(1, 5),
                    "residual_likelihood": rnd.randint(1, 5),
                    "residual_impact": rnd.randint(1, 5),
                    "response": rnd.choice(list(RiskResponse)),
                    "contingency": "" if r % 3 else "Switch to plan B",
                    "horizon": rnd.choice((*HORIZONS, None)),
                    "status": rnd.choice(list(RiskStatus)),
                    "next_review": START + dt.timedelta(days=rnd.randint(-30, 120)),
                }
                for r in range(1, risks + 1)
            ],
        )
        risk_ids = range(1, risks + 1)
        bulk(
            risk_initiative,
            [
                {"risk_id": r, "initiative_id": i}
                for r in risk_ids
                for i in set(rnd.sample(ids, rnd.randint(0, 2)))
            ],
        )
        bulk(
            risk_stakeholder,
            [
                {"risk_id": r, "stakeholder_id": rnd.randint(1, people)}
                for r in risk_ids
                if r % 4 == 0
            ],
        )
        bulk(
            Measure,
            [
                {
                    "name": f"Measure {m}",
                    "baseline": float(m % 50),
                    "target": float(m % 50 + (m % 7)),
                    "horizon": rnd.choice((*HORIZONS, None)),
                    "initiative_id": rnd.choice(ids),
                }
                for m in range(1, initiatives // 2 + 1)
            ],
        )
        bulk(
            Contingency,
            [
                {
                    "trigger": f"Trigger {c}",
                    "horizon": rnd.choice((*HORIZONS, None)),
                    "risk_id": rnd.choice(risk_ids) if c % 2 else None,
                    "initiative_id": None if c % 2 else rnd.choice(ids),
                }
                for c in range(1, initiatives // 2 + 1)
            ],
        )
        bulk(
            NextStep,
            [
                {"horizon": rnd.choice(HORIZONS), "text": f"Next step {n}", "done": n % 4 == 0}
                for n in range(1, initiatives // 3 + 1)
            ],
        )


@dataclass(frozen=True)
class Sample:
    """Medians over the runs: CPU time (what the goal is judged on) and wall time."""

    cpu: float
    wall: float
    best_wall: float
    load: float  # the 1-minute load average when the runs ended

    def line(self, name: str, goal: float) -> str:
        verdict = "ok" if self.cpu < goal else "MISSED"
        return (
            f"{name:<24}{self.cpu:>8.1f}{self.wall:>9.1f}{self.best_wall:>7.1f}"
            f"{self.load:>7.2f}   {verdict}"
        )


def load() -> float:
    """The 1-minute load average: on a busy machine wall-clock times grow, CPU times less."""
    return os.getloadavg()[0]


def measure(
    call: Callable[[], object],
    runs: int,
    *,
    before: Callable[[], object] | None = None,
    after: Callable[[], object] | None = None,
) -> Sample:
    """Time `runs` calls after one warm-up; `before` and `after` run untimed around each."""
    cpu, wall = [], []
    for run in range(runs + 1):
        if before is not None:
            before()
        began, began_cpu = time.perf_counter(), time.process_time()
        call()
        ended, ended_cpu = time.perf_counter(), time.process_time()
        if after is not None:
            after()
        if run:  # the first run warms caches and is not counted
            wall.append((ended - began) * 1000)
            cpu.append((ended_cpu - began_cpu) * 1000)
    return Sample(statistics.median(cpu), statistics.median(wall), min(wall), load())


def figures(ws: Workspace) -> list[tuple[str, Callable[[], object]]]:
    today = START + dt.timedelta(days=40)
    return [
        ("traceability report", ws.traceability.report),
        ("budget summary", ws.budget.summary),
        ("heat map, residual", lambda: ws.risks.heat_map(residual=True)),
        ("heat map, inherent", lambda: ws.risks.heat_map(residual=False)),
        ("horizon view, 6 months", lambda: ws.plan.horizon_view(6)),
        ("horizon view, 12 months", lambda: ws.plan.horizon_view(12)),
        ("horizon view, 24 months", lambda: ws.plan.horizon_view(24)),
        ("plan health", ws.plan_health.check),
        ("initiatives list", ws.plan.initiatives.list),
        ("risk register (all)", ws.risks.list),
        ("risk register, one cell", lambda: ws.risks.list(RiskFilter(cell=(3, 4)))),
        ("overdue reviews", lambda: ws.risks.overdue_reviews(today)),
        ("fired triggers", ws.risks.fired_triggers),
        ("unaddressed concerns", ws.traceability.unaddressed_concerns),
        ("overdue review count", lambda: ws.risks.count_overdue_reviews(today)),
    ]


def page_openings(ws: Workspace) -> list[tuple[str, Callable[[], object]]]:
    """Opening the Plan, Risks and Roadmap pages: built, filled, laid out and painted once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from cio_desk.ui.app import create_application
    from cio_desk.ui.pages.context import PageContext
    from cio_desk.ui.pages.plan import PlanPage
    from cio_desk.ui.pages.risks import RisksPage
    from cio_desk.ui.pages.roadmap import RoadmapPage
    from cio_desk.ui.undo import EditHistory

    app = create_application([])
    now = dt.datetime.combine(START + dt.timedelta(days=40), dt.time(10))
    context = PageContext(now=lambda: now, history=EditHistory(), open_item=lambda _k, _i: None)

    def opening(page_type: type) -> Callable[[], object]:
        def open_page() -> None:
            page = page_type(context, None)
            page.resize(1080, 760)
            page.set_workspace(ws)
            page.show()  # the first show reads the workspace
            app.processEvents()  # laid out and painted, as the window's event loop does
            page.close()
            page.deleteLater()

        return open_page

    return [
        ("Plan page", opening(PlanPage)),
        (f"Risks page, {ws.risks.count()} risks", opening(RisksPage)),
        (f"Roadmap, {ws.plan.initiatives.count()} initiatives", opening(RoadmapPage)),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=500)
    parser.add_argument("--risks", type=int, default=1000)
    parser.add_argument("--insights", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--workspace", type=Path, help="where to build it (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("CIO_DESK_DATA_DIR", tmp)
        path = args.workspace or Path(tmp) / "plan-scale.ciodesk"
        ws = Workspace.create(path)
        try:
            ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START))
            began = time.perf_counter()
            fill(ws, initiatives=args.initiatives, risks=args.risks, insights=args.insights)
            print(
                f"filled {args.initiatives} initiatives, {args.risks} risks, "
                f"{args.insights} insights in {time.perf_counter() - began:.1f} s\n"
            )
            header = f"{'CPU ms':>8}{'wall ms':>9}{'best':>7}{'load':>7}"
            print(f"{'figure':<24}{header}   goal < {GOAL_MS:.0f} ms (CPU, median)")
            missed = 0
            for name, call in figures(ws):
                sample = measure(call, args.runs)
                missed += sample.cpu >= GOAL_MS
                print(sample.line(name, GOAL_MS))
            print(f"\n{'page':<24}{header}   goal < {PAGE_GOAL_MS:.0f} ms (CPU, median)")
            for name, call in page_openings(ws):
                sample = measure(call, args.runs)
                missed += sample.cpu >= PAGE_GOAL_MS
                print(sample.line(name, PAGE_GOAL_MS))
        finally:
            ws.close()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
