"""Upgrades: a workspace saved at every schema revision opens, upgrades and keeps its data.

The fixtures in tests/data/upgrades/ are written by `tools/make_upgrade_fixture.py`
once per revision (plain and encrypted). Each is opened with today's build,
and once more with a further, test-only revision installed, so the upgrade
path itself runs on real data, not only on an empty file.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from cio_desk.store import migrate
from cio_desk.store.backup import list_backups, verify_workspace_file
from cio_desk.store.crypto import Passphrase
from cio_desk.store.db import raw_connection
from cio_desk.store.migrations import HEAD
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

FIXTURES = Path(__file__).parent / "data" / "upgrades"
FIXTURE_PASSPHRASE = "upgrade fixture passphrase"  # as in tools/make_upgrade_fixture.py
MANIFESTS = sorted(FIXTURES.glob("*.json"))
SAMPLES = {  # the same queries as tools/make_upgrade_fixture.py
    "stakeholders": "SELECT name FROM stakeholder ORDER BY id",
    "insights": "SELECT text FROM insight ORDER BY id LIMIT 5",
    "initiatives": "SELECT title FROM initiative ORDER BY id",
    "risks": "SELECT title FROM risk ORDER BY id",
}

NEXT_REVISION = '''"""a column added after every fixture (test only)"""

import sqlalchemy as sa
from alembic import op

revision = "9000_after_fixtures"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stakeholder", recreate="always") as batch:
        batch.add_column(sa.Column("pronouns", sa.String(40), nullable=False, server_default=""))
'''


def fixture_cases() -> list[object]:
    cases = []
    for manifest in MANIFESTS:
        revision = manifest.stem
        cases.append(pytest.param(revision, None, id=f"{revision}-plain"))
        cases.append(pytest.param(revision, FIXTURE_PASSPHRASE, id=f"{revision}-encrypted"))
    return cases


def copy_fixture(revision: str, passphrase: str | None, folder: Path) -> Path:
    name = f"{revision}-encrypted.sqlite3" if passphrase else f"{revision}.sqlite3"
    target = folder / f"{revision}.ciodesk"
    shutil.copyfile(FIXTURES / name, target)
    target.chmod(0o600)
    return target


def expected(revision: str) -> dict:
    return json.loads((FIXTURES / f"{revision}.json").read_text(encoding="utf-8"))


def kept(path: Path, key: Passphrase | None, manifest: dict) -> None:
    """Every table of the fixture still holds its rows; the sample values are intact."""
    with raw_connection(path, passphrase=key) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, count in manifest["counts"].items():
            assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == count, table
        for key_name, sql in SAMPLES.items():
            values = [row[0] for row in conn.execute(sql)]
            assert values == manifest["samples"][key_name], key_name


def test_there_is_a_fixture_for_the_current_revision() -> None:
    assert (FIXTURES / f"{HEAD}.json").is_file(), "run: python tools/make_upgrade_fixture.py"
    for manifest in MANIFESTS:
        assert manifest.stem in migrate.known_revisions(), manifest.name
        assert (FIXTURES / f"{manifest.stem}.sqlite3").is_file()
        assert (FIXTURES / f"{manifest.stem}-encrypted.sqlite3").is_file()


@pytest.mark.parametrize(("revision", "passphrase"), fixture_cases())
def test_a_workspace_of_every_revision_opens_with_its_data(
    revision: str, passphrase: str | None, tmp_path: Path
) -> None:
    path = copy_fixture(revision, passphrase, tmp_path)
    key = Passphrase(passphrase) if passphrase else None
    manifest = expected(revision)
    with Workspace.open(path, passphrase=key) as ws:
        assert ws.encrypted == (passphrase is not None)
        assert ws.stakeholders.count(include_archived=True) == manifest["counts"]["stakeholder"]
        ws.onboarding.snapshot(dt.datetime(2026, 3, 19, 10))
    assert verify_workspace_file(path, key) == HEAD
    kept(path, key, manifest)


@pytest.mark.parametrize(("revision", "passphrase"), fixture_cases())
def test_a_workspace_of_every_revision_survives_the_next_upgrade(
    revision: str, passphrase: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    script = NEXT_REVISION.format(down=HEAD)
    (folder / "versions" / "9000_after_fixtures.py").write_text(script, encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(migrate, "HEAD", "9000_after_fixtures")
    path = copy_fixture(revision, passphrase, tmp_path)
    key = Passphrase(passphrase) if passphrase else None

    with Workspace.open(path, passphrase=key) as ws:
        assert ws.stakeholders.count(include_archived=True) > 0

    assert verify_workspace_file(path, key) == "9000_after_fixtures"
    kept(path, key, expected(revision))
    [before] = [b for b in list_backups(path) if b.reason == "pre-upgrade"]
    assert verify_workspace_file(before.path, key) == revision
    if key is not None:  # the pre-upgrade copy of an encrypted workspace is encrypted
        assert not before.path.read_bytes().startswith(b"SQLite format 3")
