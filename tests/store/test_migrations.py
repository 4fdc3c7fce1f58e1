"""Schema migrations: new files reach the head, the head matches the models,
newer files are refused untouched, older files are backed up, then upgraded."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from cio_desk.errors import DamagedWorkspaceError, NewerWorkspaceError, WorkspaceError
from cio_desk.services.followups import FollowUpData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import migrate, migrations
from cio_desk.store.backup import list_backups, verify_workspace_file
from cio_desk.store.db import create_workspace_engine, raw_connection
from cio_desk.store.health import check_workspace
from cio_desk.store.models import Base
from cio_desk.store.paths import ensure_private_file
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

OLD_MTIME_NS = 1_600_000_000 * 10**9  # 2020: any write moves the mtime off it


def revision_of(path: Path) -> str:
    with raw_connection(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def set_revision(path: Path, revision: str) -> None:
    with raw_connection(path, read_only=False) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()


def freeze(path: Path) -> tuple[bytes, int]:
    """Give the file an old mtime; returns its bytes and that mtime."""
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    return path.read_bytes(), path.stat().st_mtime_ns


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# ---------------------------------------------------------------- a new file


def test_an_empty_file_is_upgraded_to_head(tmp_path: Path) -> None:
    path = tmp_path / "new.ciodesk"
    ensure_private_file(path)
    engine = create_workspace_engine(path)
    backups: list[str] = []
    try:
        before = migrate.upgrade(engine, lambda reason: backups.append(reason) or path)
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert before is None
    assert backups == []  # nothing to back up in a new file
    assert revision_of(path) == migrations.HEAD
    assert set(Base.metadata.tables) <= tables


def test_head_constant_is_the_script_directory_head() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_heads() == [migrations.HEAD]  # one head, no branches
    assert migrate.script_head() == migrations.HEAD
    assert migrations.HEAD in migrate.known_revisions()


# ---------------------------------------------------------------- head matches the models


def test_the_migrated_schema_matches_the_models(blank_ws: Workspace) -> None:
    with blank_ws.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def _check_constraints(create_sql: str) -> set[tuple[str, str]]:
    found = re.findall(r"CONSTRAINT (\w+) CHECK \((.*)\),?\s*$", create_sql, re.MULTILINE)
    return {(name, " ".join(sql.split())) for name, sql in found}


def test_the_migrated_check_constraints_match_the_models(blank_ws: Workspace) -> None:
    # compare_metadata does not look at CHECK constraints; they carry the rules.
    with blank_ws.engine.connect() as conn:
        stored = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master").fetchall())
    dialect = sqlite_dialect.dialect()
    for name, table in Base.metadata.tables.items():
        expected = _check_constraints(str(CreateTable(table).compile(dialect=dialect)))
        assert _check_constraints(stored[name]) == expected, name


def test_constraint_names_are_unique_within_each_table() -> None:
    # A batch migration rebuilds a table from its reflection, which keeps one
    # constraint per name: a duplicate name would silently lose a rule.
    dialect = sqlite_dialect.dialect()
    for name, table in Base.metadata.tables.items():
        names = re.findall(r"CONSTRAINT (\w+)", str(CreateTable(table).compile(dialect=dialect)))
        assert len(names) == len(set(names)), name


# ---------------------------------------------------------------- refusals


def test_a_newer_workspace_is_refused_and_left_untouched(workspace_path: Path) -> None:
    with Workspace.create(workspace_path) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei"))
    set_revision(workspace_path, "9999_from_the_future")
    content, mtime = freeze(workspace_path)
    files = siblings(workspace_path)

    with pytest.raises(NewerWorkspaceError, match="newer version of CIO Desk") as caught:
        Workspace.open(workspace_path)

    assert "9999_from_the_future" in str(caught.value)
    assert workspace_path.read_bytes() == content
    assert workspace_path.stat().st_mtime_ns == mtime
    assert siblings(workspace_path) == files  # no journal, no backup folder left behind
    report = check_workspace(workspace_path)
    assert not report.healthy and "newer version" in report.reason
    assert workspace_path.read_bytes() == content


def test_a_sqlite_file_that_is_not_a_workspace_is_refused_and_left_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "accounts.ciodesk"
    with sqlite3.connect(path) as conn:  # another program's database, rollback journal
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER)")
        conn.execute("INSERT INTO ledger (amount) VALUES (42)")
    conn.close()
    content, mtime = freeze(path)

    with pytest.raises(DamagedWorkspaceError, match="not a CIO Desk workspace"):
        Workspace.open(path)

    assert path.read_bytes() == content  # not even switched to WAL
    assert path.stat().st_mtime_ns == mtime
    assert siblings(path) == ["accounts.ciodesk"]


# ---------------------------------------------------------------- upgrading an older file

SECOND_REVISION = '''"""add a nickname to stakeholders (test only)"""

import sqlalchemy as sa
from alembic import op

revision = "0002_nickname"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # recreate="always" rebuilds the table, as any real SQLite alteration does.
    with op.batch_alter_table("stakeholder", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50), nullable=False, server_default=""))
    {extra}
'''


def _install_second_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str) -> None:
    """Make this build know one revision past today's head, as the next release will."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    script = SECOND_REVISION.format(down=migrations.HEAD, extra=extra)
    (folder / "versions" / "0002_nickname.py").write_text(script, encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(migrate, "HEAD", "0002_nickname")


def _old_workspace_with_data(path: Path) -> None:
    """A workspace at today's head, with rows that hang off stakeholder."""
    with Workspace.create(path) as ws:
        boss = ws.stakeholders.add(StakeholderData(name="王芳", influence=5, tags=("board",)))
        cfo = ws.stakeholders.add(StakeholderData(name="Li Wei", reports_to_id=boss.id))
        meeting = ws.meetings.add(
            MeetingData(
                starts_at=dt.datetime(2026, 3, 3, 9),
                ends_at=dt.datetime(2026, 3, 3, 10),
                attendee_ids=(boss.id, cfo.id),
            )
        )
        ws.followups.add(
            FollowUpData(text="Send the cost report", meeting_id=meeting.id, stakeholder_id=cfo.id)
        )


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "stakeholders": "SELECT id, name, reports_to_id FROM stakeholder ORDER BY id",
        "tags": "SELECT stakeholder_id, tag FROM stakeholder_tag",
        "attendees": "SELECT meeting_id, stakeholder_id FROM meeting_attendee ORDER BY 2",
        "follow_ups": "SELECT text, meeting_id, stakeholder_id FROM follow_up",
    }
    with raw_connection(path) as conn:
        return {key: conn.execute(sql).fetchall() for key, sql in queries.items()}


def test_an_older_workspace_is_backed_up_then_upgraded_with_its_data(
    workspace_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_workspace_with_data(workspace_path)
    old_revision = revision_of(workspace_path)
    data = _snapshot(workspace_path)
    _install_second_revision(tmp_path, monkeypatch, extra="")

    with Workspace.open(workspace_path) as ws:
        assert [s.name for s in ws.stakeholders.list()] == ["Li Wei", "王芳"]

    assert revision_of(workspace_path) == "0002_nickname"
    with raw_connection(workspace_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(stakeholder)")]
        stakeholder_sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'stakeholder'"
        ).fetchone()[0]
    assert "nickname" in columns
    # The rebuild kept the rows that point at stakeholders (foreign keys were
    # off during it) and every rule of the table.
    assert _snapshot(workspace_path) == data
    expected = CreateTable(Base.metadata.tables["stakeholder"]).compile(
        dialect=sqlite_dialect.dialect()
    )
    assert _check_constraints(stakeholder_sql) == _check_constraints(str(expected))

    [pre_upgrade] = [b for b in list_backups(workspace_path) if b.reason == "pre-upgrade"]
    assert verify_workspace_file(pre_upgrade.path) == old_revision
    assert _snapshot(pre_upgrade.path) == data


def test_a_failed_upgrade_leaves_the_workspace_as_it_was(
    workspace_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_workspace_with_data(workspace_path)
    old_revision = revision_of(workspace_path)
    data = _snapshot(workspace_path)
    _install_second_revision(
        tmp_path, monkeypatch, extra='op.execute("UPDATE no_such_table SET x = 1")'
    )

    with pytest.raises(WorkspaceError):
        Workspace.open(workspace_path)

    assert revision_of(workspace_path) == old_revision
    assert _snapshot(workspace_path) == data
    with raw_connection(workspace_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(stakeholder)")]
    assert "nickname" not in columns
    [pre_upgrade] = [b for b in list_backups(workspace_path) if b.reason == "pre-upgrade"]
    assert _snapshot(pre_upgrade.path) == data
