"""Rotating backups beside the workspace, and restoring from one."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cio_desk.errors import DamagedWorkspaceError, ValidationError, WorkspaceError
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import migrations
from cio_desk.store.backup import (
    KEEP_BACKUPS,
    backup_dir,
    backup_workspace,
    list_backups,
    restore_workspace,
    verify_workspace_file,
)
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def reasons(path: Path) -> list[str]:
    """Backup reasons, oldest first."""
    return [b.reason for b in reversed(list_backups(path))]


def names_in(path: Path) -> list[str]:
    with Workspace.open(path, backup=False) as ws:
        return [s.name for s in ws.stakeholders.list()]


@pytest.fixture
def make_workspace(new_workspace_file: Callable[[Path], Path]) -> Callable[..., Path]:
    """Makes a closed workspace holding the named stakeholders (its one backup: "close")."""

    def make(path: Path, *names: str) -> Path:
        with Workspace.open(new_workspace_file(path), backup=False) as ws:
            for name in names:
                ws.stakeholders.add(StakeholderData(name=name))
        return path

    return make


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A permissive umask, so owner-only modes must come from the code itself."""
    previous = os.umask(0)
    yield
    os.umask(previous)


# ---------------------------------------------------------------- when backups are taken


def test_a_new_workspace_has_no_backup_until_something_changes(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    Workspace.create(workspace_path).close()
    assert list_backups(workspace_path) == []
    make_workspace(workspace_path.with_name("other.ciodesk"), "Li Wei")
    assert reasons(workspace_path.with_name("other.ciodesk")) == ["close"]


def test_backup_on_open_and_on_close_only_after_a_change(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    assert reasons(workspace_path) == ["close"]

    with Workspace.open(workspace_path) as ws:
        ws.stakeholders.list()  # reading is not a change
    assert reasons(workspace_path) == ["close", "open"]

    with Workspace.open(workspace_path) as ws:
        ws.stakeholders.add(StakeholderData(name="王芳"))
    assert reasons(workspace_path) == ["close", "open", "open", "close"]
    assert names_in(list_backups(workspace_path)[0].path) == ["Li Wei", "王芳"]


def test_a_refused_change_is_not_a_change(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    with Workspace.open(workspace_path, backup=False) as ws, pytest.raises(ValidationError):
        ws.stakeholders.add(StakeholderData(name="  "))
    assert reasons(workspace_path) == ["close"]


def test_a_backup_is_a_valid_workspace_with_the_same_data(workspace_path: Path) -> None:
    with Workspace.create(workspace_path) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei", tags=("finance",)))
        # Taken while the workspace is open: the latest commits are still in the WAL.
        ws.stakeholders.add(StakeholderData(name="王芳"))
        backup = ws.backup_now("manual")
        assert ws.backups()[0].path == backup
    assert backup.parent == backup_dir(workspace_path)
    assert verify_workspace_file(backup) == migrations.HEAD
    with Workspace.open(backup, backup=False) as copy:
        assert [(s.name, s.tags) for s in copy.stakeholders.list()] == [
            ("Li Wei", ("finance",)),
            ("王芳", ()),
        ]


def test_rotation_keeps_the_last_ten_and_every_pre_upgrade_copy(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    pre_upgrade = backup_workspace(workspace_path, "pre-upgrade")
    made = [backup_workspace(workspace_path, f"manual{i}") for i in range(KEEP_BACKUPS + 2)]

    kept = list_backups(workspace_path)
    rotating = [b.path for b in kept if b.reason != "pre-upgrade"]
    assert rotating == list(reversed(made[-KEEP_BACKUPS:]))  # newest first
    assert pre_upgrade in [b.path for b in kept]
    assert all(not p.exists() for p in made[:2])
    assert len(list(backup_dir(workspace_path).iterdir())) == KEEP_BACKUPS + 1


def test_other_files_in_the_backup_folder_are_left_alone(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    folder = backup_dir(workspace_path)
    strangers = [folder / "test-copy.ciodesk", folder / "notes.txt", folder / "x-y-z.ciodesk"]
    for path in strangers:
        path.write_text("mine", encoding="utf-8")
    for _ in range(KEEP_BACKUPS + 1):
        backup_workspace(workspace_path, "manual")
    assert all(p.exists() for p in strangers)
    assert len(list_backups(workspace_path)) == KEEP_BACKUPS
    with Workspace.open(workspace_path) as ws:  # the open backup still works
        assert ws.stakeholders.count() == 1


# ---------------------------------------------------------------- restore


def test_restore_round_trip_keeps_a_safety_copy(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    earlier = backup_workspace(workspace_path, "manual")
    with Workspace.open(workspace_path, backup=False) as ws:
        ws.stakeholders.add(StakeholderData(name="王芳"))
        ws.stakeholders.update(ws.stakeholders.list()[0].id, title="CFO")

    safety = restore_workspace(workspace_path, earlier)

    assert names_in(workspace_path) == ["Li Wei"]
    with Workspace.open(workspace_path, backup=False) as ws:
        assert ws.stakeholders.list()[0].title == ""
    assert safety is not None and "pre-restore" in safety.name
    assert names_in(safety) == ["Li Wei", "王芳"]  # the restore itself can be undone
    assert verify_workspace_file(workspace_path) == migrations.HEAD


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda good: good[: len(good) // 2], id="truncated"),
        pytest.param(lambda good: bytes(len(good)), id="zero-filled"),
        pytest.param(lambda good: b"not a workspace\n" * 100, id="text"),
        pytest.param(lambda good: b"", id="empty"),
    ],
)
def test_restore_refuses_a_damaged_source_and_leaves_the_workspace(
    workspace_path: Path, tmp_path: Path, damage, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    source = tmp_path / "bad.ciodesk"
    source.write_bytes(damage(workspace_path.read_bytes()))
    before = workspace_path.read_bytes()
    backups_before = list_backups(workspace_path)

    with pytest.raises(DamagedWorkspaceError) as caught:
        restore_workspace(workspace_path, source)

    assert "bad.ciodesk" in str(caught.value)
    assert workspace_path.read_bytes() == before
    assert list_backups(workspace_path) == backups_before
    assert names_in(workspace_path) == ["Li Wei"]


def test_restore_from_a_missing_file_is_refused(
    workspace_path: Path, tmp_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    with pytest.raises(WorkspaceError, match="no file"):
        restore_workspace(workspace_path, tmp_path / "gone.ciodesk")
    assert names_in(workspace_path) == ["Li Wei"]


def test_restore_over_a_damaged_workspace_moves_it_aside(
    workspace_path: Path, tmp_path: Path, make_workspace: Callable[..., Path]
) -> None:
    good = make_workspace(tmp_path / "good.ciodesk", "Li Wei")
    workspace_path.write_bytes(bytes(8192))  # the workspace itself is ruined

    aside = restore_workspace(workspace_path, good)

    assert names_in(workspace_path) == ["Li Wei"]
    assert aside is not None and aside.read_bytes() == bytes(8192)  # kept, not overwritten


def test_backups_in_folders_with_uri_characters(
    tmp_path: Path, make_workspace: Callable[..., Path]
) -> None:
    # "#", "?" and "%" mean something in the SQLite URIs used for reading.
    folders = ["R&D #1", "why?", "100% sure"]
    for folder in folders:
        path = make_workspace(tmp_path / folder / "w.ciodesk", "Li Wei")
        backup = backup_workspace(path, "manual")
        assert names_in(backup) == ["Li Wei"], folder
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(folders)  # no stray files


def test_checking_and_backing_up_leave_no_journal_files(
    workspace_path: Path, make_workspace: Callable[..., Path]
) -> None:
    make_workspace(workspace_path, "Li Wei")
    backup = backup_workspace(workspace_path, "manual")
    verify_workspace_file(backup)
    everything = sorted(p.name for p in workspace_path.parent.rglob("*"))
    assert not [name for name in everything if name.endswith(("-wal", "-shm"))]


# ---------------------------------------------------------------- permissions


def test_workspace_and_backups_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "new folder" / "w.ciodesk"
    with Workspace.open(path, create=True) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei"))
        journals = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in journals)
        assert {p.name: mode(p) for p in journals} == {p.name: 0o600 for p in journals}
        backup = ws.backup_now("manual")
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700  # a folder made for the workspace
    assert mode(backup_dir(path)) == 0o700
    assert {p.name: mode(p) for p in backup_dir(path).iterdir()} == {
        p.name: 0o600 for p in backup_dir(path).iterdir()
    }
    assert mode(backup) == 0o600
