"""Shared fixtures: every test gets its own data folder and workspace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cio_desk.services.profile import ProfileData
from cio_desk.store.paths import DATA_DIR_ENV
from cio_desk.workspace import Workspace

START = dt.date(2026, 3, 2)  # Day 1 of the hand-built workspaces


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point CIO Desk at a temp folder so no test touches the user's real data."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "test.ciodesk"


@pytest.fixture
def blank_ws(workspace_path: Path) -> Iterator[Workspace]:
    """A new workspace with no profile (as on first run)."""
    ws = Workspace.create(workspace_path)
    yield ws
    ws.close()


@pytest.fixture
def ws(blank_ws: Workspace) -> Workspace:
    """A new workspace whose CIO started on START."""
    blank_ws.profile.save(
        ProfileData(cio_name="Chen Jing", start_date=START, organisation="Huaxin Manufacturing")
    )
    return blank_ws
