"""UI fixtures: a fixed clock, a main window on a temp workspace, and stand-ins
for the outside world (message boxes and file dialogs answer as a user would)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from cio_desk.ui.app import create_application
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.main_window import MainWindow
from cio_desk.workspace import Workspace


@pytest.fixture(autouse=True)
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test QApplication, configured as the real one is; the locale is put back after."""
    locale = QLocale()
    yield create_application([])
    QLocale.setDefault(locale)


@pytest.fixture
def start_date(ws: Workspace) -> dt.date:
    """Day 1 of the `ws` workspace."""
    profile = ws.profile.get()
    assert profile is not None
    return profile.start_date


@pytest.fixture
def now(start_date: dt.date) -> dt.datetime:
    """Day 18 of the first month, 10:00."""
    return dt.datetime.combine(start_date + dt.timedelta(days=17), dt.time(10, 0))


@pytest.fixture
def clock(now: dt.datetime) -> Callable[[], dt.datetime]:
    return lambda: now


@pytest.fixture
def window(qtbot, ws: Workspace, clock) -> Iterator[MainWindow]:
    """The main window on the `ws` workspace (profile filled, Day 18)."""
    controller = WorkspaceController(ws)
    main = MainWindow(controller, now=clock)
    qtbot.addWidget(main)
    main.show()
    yield main
    controller.close()


@dataclass
class ShownBox:
    """What a message box told the user."""

    kind: str
    title: str
    text: str
    informative: str = ""
    detailed: str = ""
    buttons: list[str] = field(default_factory=list)


class MessageBoxes:
    """Records every message box instead of showing it, and answers it.

    `click` names (a prefix of) the button to press in a custom box; without
    it the box's escape button is pressed. `answer` is returned by question().
    """

    def __init__(self) -> None:
        self.shown: list[ShownBox] = []
        self.click: str | None = None
        self.answer = QMessageBox.StandardButton.Yes

    def texts(self) -> list[str]:
        return [box.text for box in self.shown]

    def _static(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: QWidget | None, title: str, text: str, *_args: object) -> object:
            self.shown.append(ShownBox(kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    def _exec(self, box: QMessageBox) -> int:
        buttons = box.buttons()
        self.shown.append(
            ShownBox(
                "exec",
                box.windowTitle(),
                box.text(),
                box.informativeText(),
                box.detailedText(),
                [b.text() for b in buttons],
            )
        )
        target = box.escapeButton() or (buttons[-1] if buttons else None)
        if self.click is not None:
            target = next(b for b in buttons if b.text().startswith(self.click))
        if target is not None:
            target.click()
        return 0


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes._static(kind)))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes._exec(box))
    return boxes


class FileDialogs:
    """Answers file dialogs with the paths a test queues (None = the user cancels)."""

    def __init__(self) -> None:
        self.open_paths: list[Path | None] = []
        self.save_paths: list[Path | None] = []

    def _answer(self, queue: list[Path | None]) -> Callable[..., tuple[str, str]]:
        def answer(*_args: object, **_kwargs: object) -> tuple[str, str]:
            path = queue.pop(0) if queue else None
            return (str(path) if path else "", "")

        return answer


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    dialogs = FileDialogs()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialogs._answer(dialogs.open_paths))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialogs._answer(dialogs.save_paths))
    return dialogs


class Modals:
    """Acts on modal dialogs as the user would, once their exec() is running."""

    def when_shown(
        self, kind: type[QWidget], act: Callable[[QWidget], None], *, tries: int = 200
    ) -> None:
        """The next time a modal `kind` is up, call `act` with it."""

        def check(left: int) -> None:
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind):
                act(widget)
            elif left > 0:
                QTimer.singleShot(10, lambda: check(left - 1))

        QTimer.singleShot(0, lambda: check(tries))


@pytest.fixture
def modals() -> Modals:
    return Modals()
