"""What the page benchmarks share: the application, a timer, and a host window.

A page is opened inside a host already on screen, as the main window's page
area holds it. A page shown as a new top-level window would be painted only
once the system exposes the window, after the events the step posted, and a
forced repaint on top of that would paint it twice: neither is what the user
waits for. `PageHost.settle` handles what the step posted (layouts, timers,
the paint they ask for) and checks that the page was painted.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import Any

# (page, what, samples in ms, goal in ms or None), as `scale.Timing` takes them.
Row = tuple[str, str, tuple[float, ...], float | None]
PAGE_SIZE = (1080, 780)  # the page area of a 1280 x 800 window


def application() -> Any:
    """The QApplication, made as the app makes it (offscreen without a display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from cio_desk.ui.app import create_application

    return QApplication.instance() or create_application([])


def timed(step: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Milliseconds of wall-clock time for `step`; its processor time goes to `cpu`.

    On a busy machine the processor time shows what the code itself costs.
    """
    begin, begin_cpu = time.perf_counter(), time.process_time()
    step()
    if cpu is not None:
        cpu.append((time.process_time() - begin_cpu) * 1000)
    return (time.perf_counter() - begin) * 1000


def freeze_heap() -> None:
    """Call once a first page has been opened and closed (imports, fonts, query
    plans): what exists then is left out of the cycle collector's passes, as
    the app does once its first workspace is shown (`gc.freeze`)."""
    gc.collect()
    gc.freeze()


def thaw_heap() -> None:
    gc.unfreeze()


class PageHost:
    """A window on screen standing for the main window's page area."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QStackedWidget

        self.app = application()
        self.window = QStackedWidget()
        self.window.resize(*PAGE_SIZE)
        self.window.show()
        self.app.processEvents()

        class PaintCounter(QObject):
            count = 0

            def eventFilter(self, _watched: object, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self._paints = PaintCounter()

    def open(self, page: Any, workspace: object, painted: Any = None) -> Any:
        """Show `page` (it reads `workspace` as it is shown) and wait until it is painted.

        `painted` is the widget whose paint proves the page reached the
        screen (the page itself by default).
        """
        (painted or page).installEventFilter(self._paints)
        page.resize(self.window.size())
        page.set_workspace(workspace)
        self.window.setCurrentIndex(self.window.addWidget(page))
        self.settle()
        return page

    def settle(self) -> None:
        """Handle what the last step posted, its paint included."""
        from PySide6.QtCore import QCoreApplication

        before = self._paints.count
        self.app.processEvents()
        QCoreApplication.sendPostedEvents()
        self.app.processEvents()
        if self._paints.count == before:
            raise RuntimeError("the step was timed without its paint")

    def close(self, page: Any) -> None:
        self.window.removeWidget(page)
        page.deleteLater()
        self.app.processEvents()

    def quit(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()
        thaw_heap()
