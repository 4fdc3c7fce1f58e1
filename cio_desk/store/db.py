"""The one engine factory: every workspace file is opened here.

All workspaces go through SQLCipher's build of SQLite (`sqlcipher3`), so one
SQLite library serves plain and, later, encrypted files: two SQLite copies
opening the same file in one process can corrupt it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlite
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 5000

DatabaseError = sqlite.DatabaseError


def connect_raw(path: Path, *, read_only: bool = False) -> sqlite.Connection:
    """A plain DB-API connection with the workspace pragmas applied."""
    if read_only:
        conn = sqlite.connect(f"file:{path.as_posix()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite.connect(str(path), check_same_thread=False)
    _apply_pragmas(conn, read_only=read_only)
    return conn


def _apply_pragmas(conn: sqlite.Connection, *, read_only: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit that has returned survives a power cut, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")


def create_workspace_engine(path: Path, *, read_only: bool = False) -> Engine:
    """The engine for one open workspace; keep it for the workspace's lifetime."""

    def creator() -> sqlite.Connection:
        return connect_raw(path, read_only=read_only)

    engine = create_engine(
        "sqlite://",
        module=sqlite,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
    )
    event.listen(engine, "connect", _disable_pysqlite_transactions)
    event.listen(engine, "begin", _begin_deferred if read_only else _begin_immediate)
    return engine


def _disable_pysqlite_transactions(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see the "begin" listener), as the
    # SQLAlchemy docs recommend for correct SQLite transaction handling.
    dbapi_conn.isolation_level = None


def _begin_immediate(conn: Any) -> None:
    # IMMEDIATE takes the write lock up front, so two writers queue on
    # busy_timeout instead of failing half-way with "database is locked".
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_deferred(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def raw_connection(path: Path, *, read_only: bool = True) -> Iterator[sqlite.Connection]:
    """A short-lived DB-API connection for checks and backups outside an engine."""
    conn = connect_raw(path, read_only=read_only)
    try:
        yield conn
    finally:
        conn.close()
