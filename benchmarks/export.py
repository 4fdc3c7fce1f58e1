"""Time the PDF export: the demo plan in each profile, and a large plan.

    python benchmarks/export.py

Goals: under 1 s per demo export, under 10 s for the large plan (500
initiatives, 1,000 risks, 2,000 stakeholders), in every profile. Prints one
line per run: the wall-clock time the goal is about, and the processor time,
which a busy machine disturbs less.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from cio_desk.export import ExportOptions, export_document
from cio_desk.services.demo import write_demo_workspace
from cio_desk.services.profile import ProfileData
from cio_desk.store.enums import CostCategory, RiskCategory, Stance
from cio_desk.store.models import CostLine, Initiative, Risk, Stakeholder
from cio_desk.workspace import Workspace

TODAY = dt.date(2026, 3, 20)
NOW = dt.datetime(2026, 3, 20, 9, 0)
PROFILES = ("executive", "coach", "personal")


def build_large(path: Path) -> None:
    """500 initiatives (with a cost line each), 1,000 risks, 2,000 stakeholders."""
    with Workspace.create(path) as ws:
        ws.profile.save(
            ProfileData(cio_name="Bench Mark", start_date=TODAY, organisation="Large Co")
        )
        with ws.sessions.begin() as session:
            session.execute(
                insert(Stakeholder),
                [
                    {
                        "name": f"Stakeholder {n} 张{n}",
                        "title": "Director",
                        "unit": f"Unit {n % 40}",
                        "influence": 1 + n % 5,
                        "interest": 1 + (n // 5) % 5,
                        "stance": list(Stance)[n % 5],
                        "notes": "Private note",
                    }
                    for n in range(2000)
                ],
            )
            horizons = (6, 12, 24)
            session.execute(
                insert(Initiative),
                [
                    {
                        "title": f"Initiative {n}: modernise process {n} 流程优化",
                        "horizon": horizons[n % 3],
                        "start_month": 1,
                        "end_month": horizons[n % 3],
                        "rank": n,
                        "business_value": "Fewer manual steps and faster answers for the business.",
                    }
                    for n in range(500)
                ],
            )
            session.execute(
                insert(CostLine),
                [
                    {
                        "initiative_id": n + 1,
                        "category": CostCategory.LICENCE,
                        "amount_minor": 1_000_00 * (n + 1),
                    }
                    for n in range(500)
                ],
            )
            session.execute(
                insert(Risk),
                [
                    {
                        "title": f"Risk {n}",
                        "category": list(RiskCategory)[n % 7],
                        "likelihood": 1 + n % 5,
                        "impact": 1 + (n // 5) % 5,
                        "owner": "Owner",
                        "mitigation": "A mitigation that takes a line or two of text to explain.",
                    }
                    for n in range(1000)
                ],
            )


def timed_export(path: Path, out: Path, profile: str) -> tuple[float, float, int]:
    """(wall seconds, processor seconds, pages) of one export."""
    with Workspace.open(path, backup=False) as ws:
        started, cpu = time.perf_counter(), time.process_time()
        result = export_document(
            ws, out, ExportOptions(profile=profile, freeze_version=False), now=NOW
        )
        return time.perf_counter() - started, time.process_time() - cpu, result.pages


def report(plan: str, profile: str, pages: int, seconds: float, cpu: float, goal: float) -> None:
    verdict = "ok" if seconds < goal else "SLOW"
    print(
        f"{plan:<5} {profile:<10} {pages:4d} pages  {seconds:6.2f} s  (cpu {cpu:5.2f} s)"
        f"  goal < {goal:g} s: {verdict}"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CIO_DESK_DATA_DIR"] = folder
        root = Path(folder)
        demo = write_demo_workspace(root / "demo.ciodesk", TODAY)
        timed_export(demo, root / "warm-up.pdf", "coach")  # fonts load once per process
        for profile in PROFILES:
            seconds, cpu, pages = timed_export(demo, root / f"demo-{profile}.pdf", profile)
            report("demo", profile, pages, seconds, cpu, 1)
        large = root / "large.ciodesk"
        build_large(large)
        for profile in PROFILES:
            seconds, cpu, pages = timed_export(large, root / f"large-{profile}.pdf", profile)
            report("large", profile, pages, seconds, cpu, 10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
