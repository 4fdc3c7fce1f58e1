"""No network at start-up: the app shows its window and every page with sockets blocked."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from network_guard import block_network

pytestmark = pytest.mark.ui


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt to reach the network during the test (each one refused)."""
    yield from block_network(monkeypatch)


def test_the_app_starts_and_shows_its_window_offline(
    attempts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cio_desk.services.demo import write_demo_workspace
    from cio_desk.ui.app import run_app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    demo = write_demo_workspace(tmp_path / "demo.ciodesk", dt.date(2026, 3, 19))
    shown: list[str] = []

    def on_shown(window) -> None:  # the QMainWindow (no Qt import outside ui tests)
        shown.append(window.windowTitle())
        for index in range(len(window.pages())):  # build and show every page
            window.show_page(index)
        window.close()

    code = run_app(demo, on_ready=on_shown, now=lambda: dt.datetime(2026, 3, 19, 10))
    assert code == 0
    assert shown and "demo.ciodesk" in shown[0]
    assert attempts == []
