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
    """A plain DB-API connection with the workspace pragmas applied.

    A read-only connection never creates the file and changes no data (like
    any connection, closing the last one folds a WAL left by a crash into
    the file).
    """
    if read_only:
        # mode=rw with query_only rather than mode=ro: a mode=ro connection to
        # a WAL file cannot remove the -wal and -shm files it creates, so every
        # check or backup would leave them behind.
        conn = sqlite.connect(_file_uri(path, "rw"), uri=True, check_same_thread=False)
    else:
        conn = sqlite.connect(str(path), check_same_thread=False)
    try:
        _apply_pragmas(conn, read_only=read_only)
    except BaseException:
        conn.close()  # a damaged file fails here; do not keep it open
        raise
    return conn


def _file_uri(path: Path, mode: str) -> str:
    """An SQLite URI for `path`: "?" and "#" would end the file name, "%" escapes."""
    name = path.as_posix().replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    if path.drive:  # C:/... must read file:/C:/...
        name = f"/{name}"
    return f"file:{name}?mode={mode}"


def _apply_pragmas(conn: sqlite.Connection, *, read_only: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:
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
    event.listen(engine, "begin", _begin)
    return engine


def _disable_pysqlite_transactions(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see the "begin" listener), as the
    # SQLAlchemy docs recommend for correct SQLite transaction handling.
    dbapi_conn.isolation_level = None


def _begin(conn: Any) -> None:
    # A write transaction takes the write lock up front (IMMEDIATE), so two
    # writers queue on busy_timeout instead of failing half-way with
    # "database is locked"; reads start deferred and never block writers.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_OPTION = "cio_desk_write"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def write_session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session that holds the write lock, commits on success, rolls back on error."""
    with sessions.begin() as session:
        session.connection(execution_options={WRITE_OPTION: True})
        yield session


@contextmanager
def raw_connection(path: Path, *, read_only: bool = True) -> Iterator[sqlite.Connection]:
    """A short-lived DB-API connection for checks and backups outside an engine."""
    conn = connect_raw(path, read_only=read_only)
    try:
        yield conn
    finally:
        conn.close()
