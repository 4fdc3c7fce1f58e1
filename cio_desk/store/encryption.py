"""Setting, changing and removing a workspace's passphrase, backups included.

- plain -> encrypted and encrypted -> plain: `sqlcipher_export` into a new
  file beside the workspace, checked (integrity and the same number of rows
  in every table), then moved over the old file in one atomic rename. A
  crash at any point leaves either the old file or the new one, never half.
- a new passphrase for an encrypted file: `PRAGMA rekey`, which rewrites
  every page in one transaction.

The backups beside the workspace follow, so no plain copy of an encrypted
workspace is left behind and an old passphrase opens nothing. A backup that
cannot be converted (damaged, or under a passphrase older than the current
one) is left as it is and reported.

The caller holds the workspace lock and has no connection open to the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cio_desk.errors import WorkspaceError
from cio_desk.store.backup import key_for, list_backups
from cio_desk.store.crypto import Passphrase, rekey
from cio_desk.store.db import DatabaseError, raw_connection
from cio_desk.store.health import integrity_problem
from cio_desk.store.paths import ensure_private_file

SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class PassphraseChange:
    """What a change of passphrase did: the workspace is now `encrypted`."""

    encrypted: bool
    backups_converted: int
    backups_left: tuple[Path, ...]


def change_encryption(
    path: Path, current: Passphrase | None, new: Passphrase | None
) -> PassphraseChange:
    """Make `path` (and its backups) encrypted with `new`, or plain when `new` is None."""
    convert_file(path, current, new)
    converted, left = 0, []
    for backup in list_backups(path):
        try:
            convert_file(backup.path, current, new)
        except WorkspaceError:
            left.append(backup.path)
        else:
            converted += 1
    return PassphraseChange(new is not None, converted, tuple(left))


def convert_file(path: Path, current: Passphrase | None, new: Passphrase | None) -> None:
    """Encrypt, re-key or decrypt one closed database file; raises WorkspaceError."""
    key = key_for(path, current)
    if key is None and new is None:
        return  # already plain
    if key is not None and new is not None:
        if key == new:
            return
        _rekey(path, key, new)
    else:
        _export(path, key, new)


def _rekey(path: Path, key: Passphrase, new: Passphrase) -> None:
    try:
        with raw_connection(path, read_only=False, passphrase=key) as conn:
            counts = _row_counts(conn)
            rekey(conn, new)
    except DatabaseError as exc:
        raise WorkspaceError(f"Could not change the passphrase of {path.name}: {exc}.") from exc
    _check(path, new, counts)


def _export(path: Path, key: Passphrase | None, new: Passphrase | None) -> None:
    converted = path.with_name(f".{path.name}.converting")
    _remove(converted)
    try:
        ensure_private_file(converted)
        with raw_connection(path, read_only=False, passphrase=key) as conn:
            counts = _row_counts(conn)
            target_key = new.reveal() if new is not None else ""  # "": a plain copy
            conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(converted), target_key))
            try:
                conn.execute("SELECT sqlcipher_export('converted')")
            finally:
                conn.execute("DETACH DATABASE converted")
        _check(converted, new, counts)
        _sync(converted)
        for suffix in SIDE_FILES:  # none is left once the last connection closed
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        converted.replace(path)
        _sync(path.parent)
    except DatabaseError as exc:
        _remove(converted)
        raise WorkspaceError(f"Could not convert {path.name}: {exc}.") from exc
    except OSError as exc:
        _remove(converted)
        raise WorkspaceError(f"Could not convert {path.name}: {exc.strerror}.") from exc
    except BaseException:
        _remove(converted)
        raise


def _row_counts(conn) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _check(path: Path, key: Passphrase | None, expected: dict[str, int]) -> None:
    """The converted file opens with its new key, is intact and holds every row."""
    with raw_connection(path, read_only=True, passphrase=key) as conn:
        problem = integrity_problem(conn)
        counts = _row_counts(conn)
    if problem or counts != expected:
        raise WorkspaceError(
            f"The converted copy of {path.name} did not check out "
            f"({problem or 'rows differ'}); the workspace was not changed."
        )


def _sync(path: Path) -> None:
    """Flush a file or folder to the disk (folders: POSIX only)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for name in (str(path), *(f"{path}{suffix}" for suffix in SIDE_FILES)):
        Path(name).unlink(missing_ok=True)
