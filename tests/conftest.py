"""Shared fixtures: every test gets its own data folder and workspace."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
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


@pytest.fixture(scope="session")
def workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, closed workspace made once per run; copying it skips the migrations."""
    path = tmp_path_factory.mktemp("template") / "template.ciodesk"
    Workspace.create(path).close()
    return path


@pytest.fixture
def new_workspace_file(workspace_template: Path) -> Callable[[Path], Path]:
    """Makes a new, empty workspace file at a given path, by copying the template."""

    def make(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(workspace_template, path)  # keeps the owner-only permissions
        return path

    return make


@pytest.fixture
def template_copy(
    new_workspace_file: Callable[[Path], Path], workspace_path: Path
) -> Iterator[Workspace]:
    """Like `blank_ws` (a new workspace, no profile), opened from a copy of the template."""
    ws = Workspace.open(new_workspace_file(workspace_path), backup=False)
    yield ws
    # The backup on close is tested in tests/store; skipping it here saves a
    # database copy per test.
    ws.changed_since_open = False
    ws.close()
