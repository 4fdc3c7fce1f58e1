"""Start-up time: process start to main window shown, against a bare Qt window.

    python benchmarks/startup.py [--runs 7]

Each sample is a fresh process, timed from spawn until it prints that its
window is shown. The app opens a demo workspace (built once, before timing);
the goal is at most 2x the bare PySide6 window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_RATIO = 2.0
SHOWN = "WINDOW-SHOWN"


def child_bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: (print(SHOWN, flush=True), app.quit()))
    return app.exec()


def child_app(workspace: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cio_desk.ui.app import run_app

    def shown(_window: object) -> None:
        print(SHOWN, flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)

    return run_app(workspace, on_shown=shown)


def time_child(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, env=env, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == SHOWN:
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"child {args} exited without showing a window")
    proc.wait(timeout=60)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=["bare", "app"], help=argparse.SUPPRESS)
    parser.add_argument("--workspace", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        return child_bare()
    if args.child == "app":
        return child_app(args.workspace)

    from cio_desk.services.demo import write_demo_workspace

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, CIO_DESK_DATA_DIR=tmp)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        workspace = write_demo_workspace(Path(tmp) / "demo.ciodesk", dt.date.today())
        time_child(["--child", "bare"], env)  # warm the file cache for both
        time_child(["--child", "app", "--workspace", str(workspace)], env)
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(time_child(["--child", "bare"], env))
            app.append(time_child(["--child", "app", "--workspace", str(workspace)], env))
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    ratio = app_ms / bare_ms
    print(f"bare PySide6 window : median {bare_ms:7.0f} ms  (min {min(bare) * 1000:.0f})")
    print(f"CIO Desk, demo      : median {app_ms:7.0f} ms  (min {min(app) * 1000:.0f})")
    print(f"ratio               : {ratio:.2f}x  (goal <= {GOAL_RATIO:.1f}x)")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
