"""A second window opened read-only on a file another workspace holds, for the read-only tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.opener import WorkspaceOpener
from cio_desk.ui.pages.base import Page


def open_read_only_window(
    qtbot, path: Path, message_boxes, now: Callable[[], dt.datetime]
) -> tuple[MainWindow, WorkspaceController]:
    """Open `path` (held by another workspace) read-only, as the user chooses to, in a window."""
    message_boxes.click = "Open read-only"
    workspace = WorkspaceOpener(None, give_up_text="Quit").open(path)
    assert workspace is not None and workspace.read_only
    assert "already open in another CIO Desk window" in message_boxes.shown[-1].text
    message_boxes.shown.clear()
    message_boxes.click = None
    controller = WorkspaceController(workspace)
    window = MainWindow(controller, now=now)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window, controller


def titles(window: MainWindow) -> list[str]:
    """The sidebar's page titles, in order."""
    return [window._sidebar.item(i).text() for i in range(window._sidebar.count())]


def show(window: MainWindow, title: str) -> Page:
    """Show the page called `title` and return it."""
    window.show_page(titles(window).index(title))
    return window.current_page()
