"""Slow work off the UI thread: one small helper with callbacks and progress.

    task = run_in_background(
        self,
        lambda report: export_document(ws, path, options, progress=report),
        on_success=self._exported,
        on_failure=self._export_failed,
        on_progress=self._show_progress,
    )

`work` runs on a worker thread and receives `report(step, steps, what)`;
every callback runs on the UI thread, so it may touch widgets. The window
keeps painting and answering while the work runs. A failure hands the
exception to `on_failure` (expected errors, `CioDeskError`, carry a message
for the user); a failure without `on_failure` goes to `sys.excepthook`, the
application's error dialog.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

Report = Callable[[int, int, str], None]
"""report(step, steps, what): how far the work has come."""


class BackgroundTask(QObject):
    """One piece of work on a worker thread; its signals are emitted on the UI thread.

    The worker thread only emits the private signals below; they reach the
    task's own slots queued, on the thread the task lives on (the UI thread),
    which then emit the public signals and call the callbacks.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    _stepped = Signal(int, int, str)
    _returned = Signal(object)
    _raised = Signal(object)
    _ended = Signal()

    def __init__(self, work: Callable[[Report], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.running = False
        self.done = False
        self.error: Exception | None = None
        self._stepped.connect(self._on_step, Qt.ConnectionType.QueuedConnection)
        self._returned.connect(self._on_return, Qt.ConnectionType.QueuedConnection)
        self._raised.connect(self._on_raise, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._on_end, Qt.ConnectionType.QueuedConnection)

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on `pool` (the application's shared pool by default)."""
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Job(self))

    def run_here(self) -> None:
        """On the worker thread: run the work and queue its outcome to the UI thread."""
        try:
            result = self._work(self._stepped.emit)
        except Exception as error:  # handed to the UI thread, never lost
            self._raised.emit(error)
        else:
            self._returned.emit(result)
        finally:
            self._ended.emit()

    @Slot(int, int, str)
    def _on_step(self, step: int, steps: int, what: str) -> None:
        self.progressed.emit(step, steps, what)

    @Slot(object)
    def _on_return(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(object)
    def _on_raise(self, error: Exception) -> None:
        self.error = error
        self.failed.emit(error)

    @Slot()
    def _on_end(self) -> None:
        self.running = False
        self.done = True
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run_here()


def run_in_background(
    parent: QObject,
    work: Callable[[Report], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None] | None = None,
    on_progress: Report | None = None,
) -> BackgroundTask:
    """Start `work(report)` on a worker thread; returns the task (see the module doc).

    The task belongs to `parent` and lives as long as it does.
    """
    task = BackgroundTask(work, parent)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure or _report_unexpected)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    task.start()
    return task


def _report_unexpected(error: Exception) -> None:
    sys.excepthook(type(error), error, error.__traceback__)
