"""Rotating backups taken with SQLite's online backup API.

Backups of `acme.ciodesk` live beside it in `acme-backups/`, named
`acme-YYYYMMDD-HHMMSS-ffffff-<reason>.ciodesk`. The online backup API copies a
consistent snapshot even while the workspace is open, WAL included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cio_desk.errors import DamagedWorkspaceError, WorkspaceError
from cio_desk.store.db import DatabaseError, connect_raw, raw_connection
from cio_desk.store.paths import WORKSPACE_SUFFIX, ensure_private_dir, ensure_private_file

KEEP_BACKUPS = 10
# Pre-upgrade copies are the way back from a bad upgrade: never rotated away.
UNROTATED_REASONS = frozenset({"pre-upgrade"})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size_bytes: int


def backup_dir(workspace: Path) -> Path:
    return workspace.with_name(f"{workspace.stem}-backups")


def backup_workspace(workspace: Path, reason: str, *, keep: int = KEEP_BACKUPS) -> Path:
    """Snapshot `workspace` into its backup folder and rotate the folder."""
    folder = ensure_private_dir(backup_dir(workspace))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{workspace.stem}-{stamp}-{reason}{WORKSPACE_SUFFIX}"
    copy_database(workspace, target)
    rotate(workspace, keep=keep)
    return target


def copy_database(source: Path, target: Path) -> None:
    """Copy a consistent snapshot of `source` into `target` (owner-only file)."""
    ensure_private_file(target)
    try:
        with raw_connection(source, read_only=True) as src:
            dst = connect_raw(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
    except DatabaseError as exc:
        raise WorkspaceError(f"Could not copy the workspace to {target}: {exc}.") from exc
    except OSError as exc:
        raise WorkspaceError(f"Could not write {target}: {exc.strerror}.") from exc


def list_backups(workspace: Path) -> list[BackupInfo]:
    """Backups of `workspace`, newest first."""
    folder = backup_dir(workspace)
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob(f"*{WORKSPACE_SUFFIX}") if (info := _parse(workspace, p))]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _parse(workspace: Path, path: Path) -> BackupInfo | None:
    prefix = f"{workspace.stem}-"
    name = path.name.removesuffix(WORKSPACE_SUFFIX)
    if not name.startswith(prefix):
        return None
    parts = name[len(prefix) :].split("-")
    if len(parts) < 3:  # another file in the folder, not one of our backups
        return None
    date, time, micros, *reason = parts
    try:
        taken = dt.datetime.strptime(f"{date}{time}{micros}", "%Y%m%d%H%M%S%f")
    except ValueError:
        return None
    return BackupInfo(path, taken, "-".join(reason), path.stat().st_size)


def rotate(workspace: Path, *, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` rotating backups; returns what was removed."""
    rotating = [b for b in list_backups(workspace) if b.reason not in UNROTATED_REASONS]
    removed = [b.path for b in rotating[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def verify_workspace_file(path: Path) -> str:
    """The file's schema revision if it is a healthy workspace, else raise."""
    if not path.is_file():
        raise WorkspaceError(f"There is no file at {path}.")
    try:
        with raw_connection(path, read_only=True) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DamagedWorkspaceError(f"The file {path.name} is damaged ({result}).")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except DatabaseError as exc:
        raise DamagedWorkspaceError(
            f"The file {path.name} is damaged or is not a CIO Desk workspace ({exc})."
        ) from exc
    if row is None:
        raise DamagedWorkspaceError(f"The file {path.name} is not a CIO Desk workspace.")
    return str(row[0])


def restore_workspace(workspace: Path, source: Path) -> Path | None:
    """Replace the content of `workspace` with the backup `source`.

    The source is verified first; the current workspace, if readable, is
    backed up ("pre-restore") so a restore can itself be undone. Returns
    that safety copy. The workspace must not be open.
    """
    verify_workspace_file(source)
    safety = None
    if workspace.exists() and workspace.stat().st_size > 0:
        try:
            safety = backup_workspace(workspace, "pre-restore")
        except WorkspaceError:
            safety = _move_aside(workspace)
    copy_database(source, workspace)
    return safety


def _move_aside(workspace: Path) -> Path:
    """Keep an unreadable workspace under a new name rather than overwrite it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = workspace.with_name(f"{workspace.name}.damaged-{stamp}")
    workspace.replace(aside)
    for suffix in ("-wal", "-shm"):
        extra = workspace.with_name(workspace.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    return aside
