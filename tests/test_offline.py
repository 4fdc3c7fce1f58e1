"""No network: the imports, the demo, a full export and every command run with sockets blocked.

(Start-up of the app itself: tests/ui/test_offline_start.py, with the same guard.)

Any attempt to open a network socket, resolve a name or connect is recorded
(and refused); the test fails if there was even one, caught or not.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from network_guard import NetworkBlockedError, block_network

import cio_desk
from cio_desk import cli


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt to reach the network during the test (each one refused)."""
    yield from block_network(monkeypatch)


def test_every_module_imports_without_the_network(attempts: list[str]) -> None:
    names = [
        info.name
        for info in pkgutil.walk_packages(cio_desk.__path__, prefix="cio_desk.")
        if ".migrations.versions" not in info.name and not info.name.endswith((".env", ".__main__"))
    ]
    imported = 0
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as missing:  # an optional Qt add-on (the PDF preview)
            assert (missing.name or "").startswith("PySide6."), name
            continue
        imported += 1
    assert imported > 30
    assert attempts == []


def test_demo_export_and_commands_work_offline(
    attempts: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cio_desk.export import ExportOptions, export_document
    from cio_desk.services.demo import write_demo_workspace
    from cio_desk.workspace import Workspace

    demo = write_demo_workspace(tmp_path / "demo.ciodesk", dt.date(2026, 3, 19))
    with Workspace.open(demo) as ws:
        for profile in ("executive", "coach", "personal"):
            result = export_document(
                ws, tmp_path / f"{profile}.pdf", ExportOptions(profile=profile)
            )
            assert result.pages > 5
        ws.search.find("ERP")
    for argv in (
        ["check", "--workspace", str(demo)],
        ["backup", "--workspace", str(demo)],
        ["export", "--workspace", str(demo), "--out", str(tmp_path / "cli.pdf")],
    ):
        assert cli.main(argv) == 0, capsys.readouterr().err
    assert attempts == []


def test_the_guard_itself_catches_an_attempt(attempts: list[str]) -> None:
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(attempts) == 2
    attempts.clear()
