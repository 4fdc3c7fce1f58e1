"""Bring a workspace file to the current schema, safely.

A workspace from a newer CIO Desk is refused and left untouched; an older
one is backed up before it is upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from cio_desk.errors import DamagedWorkspaceError, NewerWorkspaceError
from cio_desk.store.migrations import HEAD

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None):
    """An Alembic Config pointing at the packaged scripts (imported lazily: slow)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in scripts.walk_revisions()}


def script_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(connection: Connection) -> str | None:
    """The file's schema revision; None for a new, empty file.

    Raises DamagedWorkspaceError for a SQLite file that is not a workspace.
    """
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" in tables:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None
    if tables:
        raise DamagedWorkspaceError("This file is a database, but not a CIO Desk workspace.")
    return None


def upgrade(engine: Engine, backup: Callable[[str], Path]) -> str | None:
    """Upgrade to HEAD; returns the revision the file had before (None if new).

    `backup(reason)` is called before an existing workspace is changed.
    """
    with engine.connect() as connection:
        before = current_revision(connection)
    if before == HEAD:
        return before
    refuse_newer(before)
    if before is not None:
        backup("pre-upgrade")
    _run_upgrade(engine)
    return before


def refuse_newer(revision: str | None) -> None:
    """Raise NewerWorkspaceError for a schema revision this build does not know."""
    if revision is None or revision == HEAD or revision in known_revisions():
        return
    raise NewerWorkspaceError(
        "This workspace was saved by a newer version of CIO Desk "
        f"(schema {revision}). Install the newer version to open it; "
        "the file has not been changed."
    )


def _run_upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        # Batch migrations rebuild tables; with foreign keys on, dropping the
        # old copy would cascade-delete child rows. Checked again after.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DamagedWorkspaceError(
                        "The workspace could not be upgraded: its links between "
                        "records are inconsistent. The file was not changed."
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
