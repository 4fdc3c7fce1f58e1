"""Rotating backups taken with SQLite's online backup API.

Backups of `acme.ciodesk` live beside it in `acme-backups/`, named
`acme-YYYYMMDD-HHMMSS-ffffff-<reason>.ciodesk`. The online backup API copies a
consistent snapshot even while the workspace is open, WAL included. A backup
of an encrypted workspace is encrypted with the same passphrase (the copy's
connection is keyed before the backup API writes through it). Every copy is
checked after it is written; a copy that fails the check is deleted and the
failure reported, so the backup folder holds only copies that can be restored.
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cio_desk.errors import DamagedWorkspaceError, WorkspaceError
from cio_desk.store.crypto import Passphrase, has_plain_header
from cio_desk.store.db import DatabaseError, connect_raw, raw_connection
from cio_desk.store.health import open_key, wrong_passphrase
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


def backup_workspace(
    workspace: Path,
    reason: str,
    *,
    keep: int = KEEP_BACKUPS,
    passphrase: Passphrase | None = None,
    source: Any = None,
) -> Path:
    """Snapshot `workspace` into its backup folder, check the copy, rotate the folder.

    `source` may be an open DB-API connection to the workspace (an open
    workspace passes one of its own, saving a key derivation).
    """
    try:
        folder = ensure_private_dir(backup_dir(workspace))
    except OSError as exc:
        raise WorkspaceError(
            f"Could not make the backup folder of {workspace.name}: {exc.strerror}."
        ) from exc
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{workspace.stem}-{stamp}-{reason}{WORKSPACE_SUFFIX}"
    copy_database(workspace, target, passphrase=passphrase, source=source)
    rotate(workspace, keep=keep)
    return target


def key_for(path: Path, passphrase: Passphrase | None) -> Passphrase | None:
    """The key to open `path` with: none for a plain database, whatever was given."""
    if passphrase is None or not path.is_file():
        return passphrase
    return None if has_plain_header(path) else passphrase


def copy_database(
    path: Path, target: Path, *, passphrase: Passphrase | None = None, source: Any = None
) -> None:
    """Copy a consistent snapshot of the database `path` into a new owner-only file `target`.

    The copy is encrypted exactly when the original is (with `passphrase`),
    then checked: a copy that fails its check is deleted and WorkspaceError
    raised. `source`, if given, is an open DB-API connection to `path`.
    """
    key = key_for(path, passphrase)
    try:
        ensure_private_file(target)
        with ExitStack() as stack:
            if source is None:
                source = stack.enter_context(raw_connection(path, read_only=True, passphrase=key))
            dst = connect_raw(target, passphrase=key)
            try:
                source.backup(dst)
            finally:
                dst.close()
    except DatabaseError as exc:
        _discard(target)
        raise WorkspaceError(f"Could not copy the workspace to {target}: {exc}.") from exc
    except OSError as exc:
        _discard(target)
        raise WorkspaceError(f"Could not write {target}: {exc.strerror}.") from exc
    _check_copy(target, key)


def _check_copy(target: Path, key: Passphrase | None) -> None:
    try:
        with raw_connection(target, read_only=True, passphrase=key) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        _discard(target)
        raise WorkspaceError(
            f"The copy written to {target} failed its check ({result}) and was deleted; "
            "the workspace itself is unchanged. Check the disk, then try again."
        )


def _discard(path: Path) -> None:
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        Path(name).unlink(missing_ok=True)


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


def verify_workspace_file(path: Path, passphrase: Passphrase | None = None) -> str:
    """The file's schema revision if it is a healthy workspace, else raise.

    An encrypted file needs its passphrase: PassphraseRequiredError without
    one, WrongPassphraseError when it does not open the file.
    """
    if not path.is_file():
        raise WorkspaceError(f"There is no file at {path}.")
    key = open_key(path, passphrase)
    try:
        with raw_connection(path, read_only=True, passphrase=key) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DamagedWorkspaceError(f"The file {path.name} is damaged ({result}).")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except DatabaseError as exc:
        wrong = wrong_passphrase(path, exc) if key is not None else None
        if wrong is not None:
            raise wrong from exc
        raise DamagedWorkspaceError(
            f"The file {path.name} is damaged or is not a CIO Desk workspace ({exc})."
        ) from exc
    if row is None:
        raise DamagedWorkspaceError(f"The file {path.name} is not a CIO Desk workspace.")
    return str(row[0])


def restore_workspace(
    workspace: Path, source: Path, *, passphrase: Passphrase | None = None
) -> Path | None:
    """Replace the content of `workspace` with the backup `source`.

    The source is verified first (with `passphrase` if it is encrypted); the
    current workspace, if readable, is backed up ("pre-restore") so a restore
    can itself be undone, and if unreadable it is moved aside, never
    overwritten. Returns that safety copy. The workspace must not be open
    (its caller holds the workspace lock).
    """
    verify_workspace_file(source, passphrase)
    safety = None
    if workspace.exists() and workspace.stat().st_size > 0:
        try:
            verify_workspace_file(workspace, passphrase)
            safety = backup_workspace(workspace, "pre-restore", passphrase=passphrase)
        except WorkspaceError:
            safety = _move_aside(workspace)
    # Written beside the workspace, then moved over it in one step: a crash
    # during the copy leaves the workspace as it was, not half restored.
    incoming = workspace.with_name(f".{workspace.name}.restoring")
    _discard(incoming)
    copy_database(source, incoming, passphrase=passphrase)
    try:
        for suffix in ("-wal", "-shm"):
            Path(f"{workspace}{suffix}").unlink(missing_ok=True)
        incoming.replace(workspace)
    except OSError as exc:
        _discard(incoming)
        raise WorkspaceError(f"Could not restore {workspace.name}: {exc.strerror}.") from exc
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
