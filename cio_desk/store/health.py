"""Read-only health checks of a workspace file (used before opening and by `check`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cio_desk.errors import DamagedWorkspaceError, WorkspaceError
from cio_desk.store.db import DatabaseError, raw_connection
from cio_desk.store.migrations import HEAD

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class HealthReport:
    path: Path
    healthy: bool
    revision: str | None
    reason: str

    @property
    def summary(self) -> str:
        state = "healthy" if self.healthy else "NOT healthy"
        return f"{self.path}: {state}; schema {self.revision or 'unknown'}; {self.reason}"


def check_file_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all (truncated, zeroed, another format)."""
    if not path.is_file():
        raise WorkspaceError(f"There is no workspace at {path}.")
    if path.stat().st_size == 0:
        raise DamagedWorkspaceError(f"{path.name} is empty: it holds no workspace.")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DamagedWorkspaceError(
            f"{path.name} is damaged or is not a CIO Desk workspace "
            "(it does not start like a workspace file)."
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


def check_workspace(path: Path) -> HealthReport:
    """Check a workspace without changing it: file, integrity, schema version."""
    from cio_desk.store.migrate import known_revisions

    try:
        check_file_header(path)
        with raw_connection(path, read_only=True) as conn:
            problem = integrity_problem(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except WorkspaceError as exc:
        return HealthReport(path, False, None, str(exc))
    except DatabaseError as exc:
        return HealthReport(path, False, None, f"the file cannot be read as a workspace ({exc})")
    if problem:
        return HealthReport(path, False, revision, problem)
    if revision is None:
        return HealthReport(path, False, None, "not a CIO Desk workspace (no schema version)")
    if revision == HEAD:
        return HealthReport(path, True, revision, "integrity ok, schema up to date")
    if revision in known_revisions():
        return HealthReport(path, True, revision, "integrity ok, will be upgraded when opened")
    return HealthReport(path, False, revision, "written by a newer version of CIO Desk")
