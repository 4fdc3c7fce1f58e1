"""The one engine factory: every workspace file is opened here.

All workspaces go through SQLCipher's build of SQLite (`sqlcipher3`), so one
SQLite library serves plain and encrypted files: two SQLite copies opening
the same file in one process can corrupt it. An encrypted workspace is keyed
in the connection creator (`crypto.apply_key`), never through a URL.

Storage failures while working (a full disk, a file or folder that became
read-only, an I/O error, damage found mid-session) reach the services as
`CioDeskError` subclasses with a sentence for the user; the transaction that
failed is rolled back and everything committed before it is kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlite
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from cio_desk.errors import (
    DamagedWorkspaceError,
    ReadOnlyWorkspaceError,
    StorageFullError,
    WorkspaceError,
)
from cio_desk.store.crypto import Passphrase, apply_key

BUSY_TIMEOUT_MS = 5000
# Connections kept open per workspace: with a key, each new one costs a key
# derivation (~0.1 s), so the pool keeps enough for the UI and a worker.
POOL_SIZE = 4

DatabaseError = sqlite.DatabaseError

# SQLite's primary result codes that mean "the storage failed", not "bad SQL".
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26


def connect_raw(
    path: Path, *, read_only: bool = False, passphrase: Passphrase | None = None
) -> sqlite.Connection:
    """A plain DB-API connection with the workspace pragmas applied.

    With `passphrase`, the connection is keyed before anything reads the file
    (a wrong one fails with SQLITE_NOTADB, "file is not a database"). A
    read-only connection never creates the file and changes no data (like
    any connection, closing the last one folds a WAL left by a crash into
    the file).
    """
    conn = sqlite.connect(_open_uri(path, read_only), uri=True, check_same_thread=False)
    try:
        apply_key(conn, passphrase)
        _apply_pragmas(conn, read_only=read_only)
    except BaseException:
        conn.close()  # a damaged file or a wrong key fails here; do not keep it open
        raise
    return conn


def _open_uri(path: Path, read_only: bool) -> str:
    if not read_only:
        return _file_uri(path, "rwc")
    # mode=rw with query_only rather than mode=ro: a mode=ro connection to a
    # WAL file cannot remove the -wal and -shm files it creates, so every
    # check or backup would leave them behind. A file we may not write is
    # opened mode=ro; in a folder we may not write, SQLite cannot make the
    # -shm file a WAL reader needs, so the file is read as immutable.
    if not os.access(path.parent, os.W_OK):
        return _file_uri(path, "ro") + "&immutable=1"
    return _file_uri(path, "rw" if os.access(path, os.W_OK) else "ro")


def _file_uri(path: Path, mode: str) -> str:
    """An SQLite URI for `path`: "?" and "#" would end the file name, "%" escapes."""
    name = path.as_posix().replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    if path.drive:  # C:/... must read file:/C:/...
        name = f"/{name}"
    return f"file:{name}?mode={mode}"


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a DB-API error (None if it has none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _apply_pragmas(conn: sqlite.Connection, *, read_only: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit that has returned survives a power cut, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")


def create_workspace_engine(
    path: Path, *, read_only: bool = False, passphrase: Passphrase | None = None
) -> Engine:
    """The engine for one open workspace; keep it for the workspace's lifetime.

    A read-only engine refuses write transactions with ReadOnlyWorkspaceError.
    """

    def creator() -> sqlite.Connection:
        return connect_raw(path, read_only=read_only, passphrase=passphrase)

    engine = create_engine(
        "sqlite://",
        module=sqlite,
        creator=creator,
        poolclass=QueuePool,
        pool_size=POOL_SIZE,
        max_overflow=4,
        # Error messages never quote the values of a statement: they are the
        # user's notes, and an unexpected error ends up in the log file.
        hide_parameters=True,
    )
    engine.info = EngineInfo(path, read_only)  # type: ignore[attr-defined]
    event.listen(engine, "connect", _disable_pysqlite_transactions)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "handle_error", _storage_error)
    return engine


class EngineInfo:
    """What the error handler needs to word its message."""

    def __init__(self, path: Path, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only


def _info(engine: Engine) -> EngineInfo:
    return engine.info  # type: ignore[attr-defined,no-any-return]


def _read_only_message() -> str:
    return "This workspace is open read-only, so the change was not saved."


def _storage_error(context: ExceptionContext) -> None:
    """Turn a storage failure into an error the user can act on (others pass through)."""
    code = error_code(context.original_exception)
    if context.engine is None or code is None:
        return
    info = _info(context.engine)
    name = info.path.name
    kept = "Everything saved before it is kept."
    if code == SQLITE_FULL:
        raise StorageFullError(
            f"The disk is full: the last change to {name} was not saved. {kept} "
            "Free some space, then try again."
        ) from context.original_exception
    if code == SQLITE_READONLY:
        if info.read_only:
            raise ReadOnlyWorkspaceError(_read_only_message()) from context.original_exception
        raise ReadOnlyWorkspaceError(
            f"{name} cannot be written (the file or its folder is read-only): the last "
            f"change was not saved. {kept}"
        ) from context.original_exception
    if code == SQLITE_IOERR:
        raise WorkspaceError(
            f"{name} could not be written (the disk reported an error): the last change "
            f"was not saved. {kept}"
        ) from context.original_exception
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        raise DamagedWorkspaceError(
            f"{name} turned out to be damaged while working. Close it and restore a backup "
            "(File > Restore from backup)."
        ) from context.original_exception


def _disable_pysqlite_transactions(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see the "begin" listener), as the
    # SQLAlchemy docs recommend for correct SQLite transaction handling.
    dbapi_conn.isolation_level = None


def _begin(conn: Any) -> None:
    # A write transaction takes the write lock up front (IMMEDIATE), so two
    # writers queue on busy_timeout instead of failing half-way with
    # "database is locked"; reads start deferred and never block writers.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    if immediate and _info(conn.engine).read_only:
        raise ReadOnlyWorkspaceError(_read_only_message())
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_OPTION = "cio_desk_write"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """The sessions of one workspace; each flush keeps `stakeholder.last_held_at` right."""
    from cio_desk.store.last_held import track_last_held  # imports the models: not at import

    sessions = sessionmaker(engine, expire_on_commit=False)
    track_last_held(sessions)
    return sessions


@contextmanager
def write_session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session that holds the write lock, commits on success, rolls back on error."""
    with sessions.begin() as session:
        session.connection(execution_options={WRITE_OPTION: True})
        yield session


@contextmanager
def raw_connection(
    path: Path, *, read_only: bool = True, passphrase: Passphrase | None = None
) -> Iterator[sqlite.Connection]:
    """A short-lived DB-API connection for checks and backups outside an engine."""
    conn = connect_raw(path, read_only=read_only, passphrase=passphrase)
    try:
        yield conn
    finally:
        conn.close()
