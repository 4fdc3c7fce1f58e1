"""Read-only health checks of a workspace file (used before opening and by `check`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cio_desk.errors import (
    DamagedWorkspaceError,
    PassphraseRequiredError,
    WorkspaceError,
    WrongPassphraseError,
)
from cio_desk.store.crypto import SQLITE_HEADER, Passphrase, has_plain_header, looks_encrypted
from cio_desk.store.db import SQLITE_NOTADB, DatabaseError, error_code, raw_connection
from cio_desk.store.migrations import HEAD

__all__ = ["SQLITE_HEADER", "HealthReport", "check_file_header", "check_workspace", "open_key"]


@dataclass(frozen=True)
class HealthReport:
    path: Path
    healthy: bool
    revision: str | None
    reason: str
    encrypted: bool = False
    wrong_passphrase: bool = False

    @property
    def summary(self) -> str:
        state = "healthy" if self.healthy else "NOT healthy"
        kind = "encrypted; " if self.encrypted else ""
        return f"{self.path}: {state}; {kind}schema {self.revision or 'unknown'}; {self.reason}"


def check_file_header(path: Path) -> None:
    """Refuse a file that is neither a plain nor an encrypted workspace (truncated, zeroed...)."""
    open_key(path, None, encrypted_ok=True)


def open_key(
    path: Path, passphrase: Passphrase | None, *, encrypted_ok: bool = False
) -> Passphrase | None:
    """The key to open an existing workspace file with, after a look at its first bytes.

    None for a plain file (a passphrase given for it is ignored). For a file
    that may be encrypted: the passphrase, or PassphraseRequiredError when
    there is none (unless `encrypted_ok`, which only checks the bytes).
    Raises DamagedWorkspaceError for a file that is neither.
    """
    if not path.is_file():
        raise WorkspaceError(f"There is no workspace at {path}.")
    if path.stat().st_size == 0:
        raise DamagedWorkspaceError(f"{path.name} is empty: it holds no workspace.")
    if has_plain_header(path):
        return None
    if not looks_encrypted(path):
        raise DamagedWorkspaceError(
            f"{path.name} is damaged or is not a CIO Desk workspace "
            "(it does not start like a workspace file)."
        )
    if passphrase is None and not encrypted_ok:
        raise PassphraseRequiredError(
            f"{path.name} is encrypted: type its passphrase to open it. (A file that was "
            "never encrypted and asks for one is damaged.)"
        )
    return passphrase


def wrong_passphrase(path: Path, exc: DatabaseError) -> WrongPassphraseError | None:
    """The error to raise when a keyed connection to `path` failed with `exc`, if it is that."""
    if error_code(exc) != SQLITE_NOTADB:
        return None
    return WrongPassphraseError(
        f"The passphrase does not open {path.name}. Check it and try again (if it is "
        "right, the file is damaged)."
    )


def integrity_problem(conn) -> str | None:
    """None when quick_check and foreign_key_check pass, else what is wrong."""
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        return f"the database is damaged ({result})"
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        return f"{len(broken)} record(s) point to records that no longer exist"
    return None


def stored_revision(conn) -> str | None:
    """The schema revision a file records; None for a database with no tables.

    Raises DamagedWorkspaceError for a database that is not a workspace.
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    if tables:
        raise DamagedWorkspaceError("This file is a database, but not a CIO Desk workspace.")
    return None


def check_workspace(path: Path, passphrase: Passphrase | None = None) -> HealthReport:
    """Check a workspace without changing it: file, integrity, schema version.

    An encrypted workspace is checked with `passphrase`; without one the
    report says a passphrase is needed.
    """
    from cio_desk.store.migrate import known_revisions

    key = None
    try:
        key = open_key(path, passphrase)
        with raw_connection(path, read_only=True, passphrase=key) as conn:
            problem = integrity_problem(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except PassphraseRequiredError as exc:
        return HealthReport(path, False, None, str(exc), encrypted=True)
    except WorkspaceError as exc:
        return HealthReport(path, False, None, str(exc))
    except DatabaseError as exc:
        wrong = wrong_passphrase(path, exc) if key is not None else None
        if wrong is not None:
            return HealthReport(
                path, False, None, str(wrong), encrypted=True, wrong_passphrase=True
            )
        return HealthReport(
            path,
            False,
            None,
            f"the file cannot be read as a workspace ({exc})",
            encrypted=key is not None,
        )
    encrypted = key is not None
    if problem:
        return HealthReport(path, False, revision, problem, encrypted)
    if revision is None:
        return HealthReport(
            path, False, None, "not a CIO Desk workspace (no schema version)", encrypted
        )
    if revision == HEAD:
        return HealthReport(path, True, revision, "integrity ok, schema up to date", encrypted)
    if revision in known_revisions():
        return HealthReport(
            path, True, revision, "integrity ok, will be upgraded when opened", encrypted
        )
    return HealthReport(path, False, revision, "written by a newer version of CIO Desk", encrypted)
