"""Opening, creating and closing workspace files, and refusing bad ones clearly."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from cio_desk.errors import (
    DamagedWorkspaceError,
    NewerWorkspaceError,
    PassphraseRequiredError,
    WorkspaceError,
    WorkspaceExistsError,
    WrongPassphraseError,
)
from cio_desk.services.followups import FollowUpData
from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData, create_stakeholder
from cio_desk.store import migrations
from cio_desk.store.crypto import Passphrase
from cio_desk.store.db import raw_connection
from cio_desk.store.health import check_workspace
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

START = dt.date(2026, 3, 2)
RAW_DATABASE_TEXT = ("Background on this error", "sqlalche.me", "sqlalchemy", "Traceback")


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.fixture(scope="session")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a closed workspace with enough rows to span many pages."""
    path = tmp_path_factory.mktemp("good") / "good.ciodesk"
    with Workspace.create(path) as ws:
        ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START))
        with ws.sessions.begin() as session:
            for i in range(150):
                create_stakeholder(session, StakeholderData(name=f"Person {i}", notes="n" * 200))
    return path.read_bytes()


@pytest.fixture
def good_file(good_bytes: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "good.ciodesk"
    path.write_bytes(good_bytes)
    path.chmod(0o600)
    return path


# ---------------------------------------------------------------- lifecycle


def test_create_open_close_keeps_the_data(workspace_path: Path) -> None:
    ws = Workspace.create(workspace_path)
    assert ws.profile.get() is None  # first run: no profile yet
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START))
    person = ws.stakeholders.add(StakeholderData(name="王芳"))
    ws.close()

    with Workspace.open(workspace_path) as again:
        assert again.profile.get().cio_name == "Chen Jing"
        assert again.stakeholders.get(person.id).name == "王芳"
    # Closing folds the WAL into the file: nothing is left beside it.
    assert siblings(workspace_path) == [f"{workspace_path.stem}-backups", workspace_path.name]


def test_open_a_missing_file_without_create_is_refused(workspace_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace") as caught:
        Workspace.open(workspace_path)
    assert str(workspace_path) in str(caught.value)
    assert not workspace_path.exists()


def test_open_with_create_makes_the_file_and_its_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "w.ciodesk"
    with Workspace.open(path, create=True) as ws:
        assert ws.stakeholders.count() == 0
    with raw_connection(path) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert revision == migrations.HEAD


def test_create_refuses_an_existing_workspace(workspace_path: Path) -> None:
    with Workspace.create(workspace_path) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei"))
    content = workspace_path.read_bytes()
    with pytest.raises(WorkspaceExistsError, match="already exists"):
        Workspace.create(workspace_path)
    assert workspace_path.read_bytes() == content


def test_create_reuses_an_empty_file_left_by_an_interrupted_create(workspace_path: Path) -> None:
    workspace_path.touch()
    with Workspace.create(workspace_path) as ws:
        assert ws.stakeholders.count() == 0


def test_open_refuses_an_empty_file_instead_of_starting_afresh(workspace_path: Path) -> None:
    workspace_path.touch()
    for create in (False, True):
        with pytest.raises(DamagedWorkspaceError, match="is empty"):
            Workspace.open(workspace_path, create=create)
    assert workspace_path.stat().st_size == 0


def test_open_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder.ciodesk"
    folder.mkdir()
    with pytest.raises(WorkspaceError):
        Workspace.open(folder)


def test_new_files_are_readable_by_the_owner_only(workspace_path: Path) -> None:
    Workspace.create(workspace_path).close()
    assert stat.S_IMODE(workspace_path.stat().st_mode) == 0o600


# ---------------------------------------------------------------- damaged files


def _truncated(good: bytes) -> bytes:
    return good[: len(good) // 2]


def _header_only(good: bytes) -> bytes:
    return good[:100]


def _zero_filled(good: bytes) -> bytes:
    return bytes(len(good))


def _random_bytes(good: bytes) -> bytes:
    return random.Random(7).randbytes(len(good))


def _text(good: bytes) -> bytes:
    return "Quarterly notes — not a workspace\n".encode() * 200


def _scrambled_pages(good: bytes) -> bytes:
    """The header is intact but the table pages in the middle are garbage."""
    noise = random.Random(11).randbytes(len(good) // 2)
    start = len(good) // 4
    return good[:start] + noise + good[start + len(noise) :]


DAMAGE = [_truncated, _header_only, _zero_filled, _text, _scrambled_pages]


@pytest.mark.parametrize("damage", DAMAGE, ids=[d.__name__.strip("_") for d in DAMAGE])
def test_a_damaged_file_is_refused_with_a_clear_message(
    good_file: Path, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / "damaged.ciodesk"
    path.write_bytes(damage(good_file.read_bytes()))
    content = path.read_bytes()
    before = siblings(path)

    with pytest.raises(DamagedWorkspaceError) as caught:
        Workspace.open(path)

    message = str(caught.value)
    assert message.startswith("damaged.ciodesk ")
    assert "damaged" in message or "not a CIO Desk workspace" in message
    assert not any(raw in message for raw in RAW_DATABASE_TEXT), message
    assert "\n" not in message
    assert path.read_bytes() == content  # refused, not "repaired"
    assert siblings(path) == before  # no journal files, no backup folder

    report = check_workspace(path)
    assert not report.healthy
    assert not any(raw in report.reason for raw in RAW_DATABASE_TEXT)


def test_random_bytes_could_be_an_encrypted_file_so_a_passphrase_is_asked_for(
    good_file: Path, tmp_path: Path
) -> None:
    # An encrypted workspace starts with a random salt: random bytes look the same.
    path = tmp_path / "noise.ciodesk"
    path.write_bytes(_random_bytes(good_file.read_bytes()))
    content = path.read_bytes()

    with pytest.raises(PassphraseRequiredError, match=r"noise\.ciodesk is encrypted") as asked:
        Workspace.open(path)
    assert "damaged" in str(asked.value)  # it says what else it may be
    with pytest.raises(WrongPassphraseError, match=r"does not open noise\.ciodesk") as refused:
        Workspace.open(path, passphrase=Passphrase("a guess"))

    assert "a guess" not in str(refused.value)
    assert path.read_bytes() == content
    assert siblings(path) == ["good.ciodesk", "noise.ciodesk"]
    report = check_workspace(path)
    assert not report.healthy and report.encrypted


def test_broken_links_between_records_are_refused(workspace_path: Path) -> None:
    with Workspace.create(workspace_path) as ws:
        person = ws.stakeholders.add(StakeholderData(name="Li Wei"))
        ws.followups.add(FollowUpData(text="Send the report", stakeholder_id=person.id))
    with sqlite3.connect(workspace_path) as conn:  # a tool that ignores foreign keys
        conn.execute("DELETE FROM stakeholder")
    conn.close()

    with pytest.raises(DamagedWorkspaceError, match="no longer exist"):
        Workspace.open(workspace_path)
    assert not check_workspace(workspace_path).healthy


# ---------------------------------------------------------------- connection settings


def test_every_connection_uses_wal_full_sync_and_foreign_keys(blank_ws: Workspace) -> None:
    # Hold two connections at once so the pool has to open more than one.
    first, second = blank_ws.engine.raw_connection(), blank_ws.engine.raw_connection()
    try:
        for conn in (first, second):
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        first.close()
        second.close()
    with blank_ws.sessions() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_wal_and_shm_files_are_owner_only_too(blank_ws: Workspace) -> None:
    blank_ws.stakeholders.add(StakeholderData(name="Li Wei"))
    for suffix in ("-wal", "-shm"):
        journal = blank_ws.path.with_name(blank_ws.path.name + suffix)
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600, suffix


# ---------------------------------------------------------------- health check


def test_health_check_says_healthy_damaged_or_newer(good_file: Path, tmp_path: Path) -> None:
    healthy = check_workspace(good_file)
    assert healthy.healthy and healthy.revision == migrations.HEAD
    assert "healthy" in healthy.summary and str(good_file) in healthy.summary

    damaged = tmp_path / "damaged.ciodesk"
    damaged.write_bytes(_truncated(good_file.read_bytes()))
    report = check_workspace(damaged)
    assert not report.healthy and "NOT healthy" in report.summary

    empty = tmp_path / "empty.ciodesk"
    empty.touch()
    assert "is empty" in check_workspace(empty).reason

    missing = check_workspace(tmp_path / "missing.ciodesk")
    assert not missing.healthy and "no workspace" in missing.reason

    newer = tmp_path / "newer.ciodesk"
    newer.write_bytes(good_file.read_bytes())
    with raw_connection(newer, read_only=False) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_later'")
        conn.commit()
    report = check_workspace(newer)
    assert (report.healthy, report.revision) == (False, "0099_later")
    assert "newer version" in report.reason
    with pytest.raises(NewerWorkspaceError):
        Workspace.open(newer)


def test_the_health_check_changes_nothing(good_file: Path) -> None:
    os.utime(good_file, ns=(10**18, 10**18))
    content, before = good_file.read_bytes(), siblings(good_file)
    assert check_workspace(good_file).healthy
    assert good_file.read_bytes() == content
    assert good_file.stat().st_mtime_ns == 10**18
    assert siblings(good_file) == before  # no journal files, no backup folder
