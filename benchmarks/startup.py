"""Start-up time: process start to main window on screen, against a bare Qt window.

    python benchmarks/startup.py [--runs 7]

Each sample is a fresh process. Two moments are timed from spawn:
- "window shown": the first paint of the main window (for both the bare
  PySide6 window and CIO Desk). The goal is at most 2x the bare window.
- "workspace ready": CIO Desk has opened the demo workspace (built once,
  before timing) and shows its Today page. CIO Desk paints its window
  first and opens the workspace right after, so this comes later.
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
READY = "WORKSPACE-READY"


def report_first_paint(quit_after: bool) -> None:
    """Print SHOWN at the first paint of any main window (and quit if `quit_after`)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                QApplication.instance().removeEventFilter(self)
                print(SHOWN, flush=True)
                if quit_after:
                    QTimer.singleShot(0, QApplication.instance().quit)
            return False

    app = QApplication.instance()
    app.installEventFilter(FirstPaint(app))


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    report_first_paint(quit_after=True)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    return app.exec()


def child_app(workspace: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cio_desk.ui.app import create_application, run_app

    create_application(sys.argv)
    report_first_paint(quit_after=False)

    def ready(_window: object) -> None:
        print(READY, flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)

    return run_app(workspace, on_ready=ready)


def time_child(args: list[str], env: dict[str, str], marks: list[str]) -> list[float]:
    """Seconds from spawning the child until it prints each of `marks`, in order."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, env=env, text=True
    )
    assert proc.stdout is not None
    times: list[float] = []
    for line in proc.stdout:
        if len(times) < len(marks) and line.strip() == marks[len(times)]:
            times.append(time.perf_counter() - start)
    proc.wait(timeout=60)
    if len(times) < len(marks):
        raise RuntimeError(f"child {args} exited before printing {marks[len(times)]}")
    return times


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
        bare_args = ["--child", "bare"]
        app_args = ["--child", "app", "--workspace", str(workspace)]
        time_child(bare_args, env, [SHOWN])  # warm the file cache for both
        time_child(app_args, env, [SHOWN, READY])
        bare, shown, ready = [], [], []
        for _ in range(args.runs):
            bare.extend(time_child(bare_args, env, [SHOWN]))
            app_shown, app_ready = time_child(app_args, env, [SHOWN, READY])
            shown.append(app_shown)
            ready.append(app_ready)
    bare_ms = statistics.median(bare) * 1000
    ratio = statistics.median(shown) * 1000 / bare_ms
    for label, samples in (
        ("bare PySide6 window shown", bare),
        ("CIO Desk window shown", shown),
        ("CIO Desk workspace ready", ready),
    ):
        median, fastest = statistics.median(samples) * 1000, min(samples) * 1000
        print(f"{label:26}: median {median:6.0f} ms  (min {fastest:.0f})")
    print(f"window shown ratio        : {ratio:.2f}x  (goal <= {GOAL_RATIO:.1f}x)")
    print(f"workspace ready ratio     : {statistics.median(ready) * 1000 / bare_ms:.2f}x")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
