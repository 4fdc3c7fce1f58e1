"""Privacy: files only their owner can read; no note in a log; no secret in PDF metadata."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.backup import backup_dir
from cio_desk.store.crypto import Passphrase
from cio_desk.store.enums import InsightKind
from cio_desk.store.lock import lock_path
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

MARKER = "QX-7731-confidential-marker"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A permissive umask, so owner-only modes must come from the code itself."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_every_file_of_a_workspace_is_owner_only(
    tmp_path: Path, open_umask: None, encrypted: bool
) -> None:
    path = tmp_path / "new folder" / "w.ciodesk"
    passphrase = Passphrase("owner only please") if encrypted else None
    with Workspace.open(path, create=True, passphrase=passphrase) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei", notes=MARKER))
        files = [path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock")]
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
        backup = ws.backup_now("manual")
    assert mode(path) == 0o600 and mode(backup) == 0o600
    assert mode(path.parent) == 0o700 and mode(backup_dir(path)) == 0o700
    assert not lock_path(path).exists()


def test_the_log_is_owner_only_and_never_holds_a_note(
    tmp_path: Path, open_umask: None, workspace_path: Path
) -> None:
    from cio_desk.ui.excepthook import ExceptionHook, setup_logging

    log = setup_logging(tmp_path / "logs")
    ws = Workspace.create(workspace_path)
    try:
        ws.stakeholders.add(StakeholderData(name="Li Wei", notes=MARKER))
        # An unexpected database error while the marker is in the statement...
        try:
            with ws.sessions.begin() as session:
                session.execute(
                    text("INSERT INTO stakeholder (name, notes) VALUES (:n, :m)"),
                    {"n": None, "m": MARKER},
                )
        except Exception:
            db_error = sys.exc_info()
        # ...and one whose message quotes the note outright.
        try:
            raise ValueError(f"could not lay out the paragraph {MARKER!r}")
        except ValueError:
            layout_error = sys.exc_info()
    finally:
        ws.close(backup=False)
    hook = ExceptionHook(log)
    assert MARKER not in str(db_error[1])  # statement values are never rendered
    for exc_info in (db_error, layout_error):
        assert hook._log(exc_info)  # what the hook writes before it shows its dialog

    content = log.read_text(encoding="utf-8")
    assert "sqlalchemy.exc.IntegrityError" in content and "builtins.ValueError" in content
    assert "test_the_log_is_owner_only_and_never_holds_a_note" in content  # where it happened
    assert MARKER not in content
    assert mode(log) == 0o600 and mode(log.parent) == 0o700


@pytest.fixture
def secret_workspace(workspace_path: Path) -> Iterator[Workspace]:
    """The marker in confidential notes and insights, and in a name, never in the profile."""
    ws = Workspace.create(workspace_path)
    ws.profile.save(
        ProfileData(
            cio_name="Chen Jing", start_date=dt.date(2026, 3, 2), organisation="Huaxin Group"
        )
    )
    person = ws.stakeholders.add(StakeholderData(name=f"Wang {MARKER}", notes=MARKER))
    meeting = ws.meetings.add(
        MeetingData(
            starts_at=dt.datetime(2026, 3, 3, 9),
            ends_at=dt.datetime(2026, 3, 3, 10),
            attendee_ids=(person.id,),
            notes=MARKER,
        )
    )
    ws.insights.add(
        InsightData(
            stakeholder_id=person.id,
            kind=InsightKind.CONCERN,
            text=MARKER,
            confidential=True,
            meeting_id=meeting.id,
        )
    )
    yield ws
    ws.close(backup=False)


@pytest.mark.parametrize("profile", ["executive", "coach", "personal"])
def test_pdf_metadata_carries_nothing_confidential(
    secret_workspace: Workspace, tmp_path: Path, profile: str
) -> None:
    from cio_desk.export import ExportOptions, export_document

    out = tmp_path / f"{profile}.pdf"
    export_document(secret_workspace, out, ExportOptions(profile=profile, freeze_version=False))

    metadata = PdfReader(out).metadata or {}
    values = " ".join(str(value) for value in metadata.values())
    assert MARKER not in values and "Wang" not in values
    assert metadata.get("/Author") == "Chen Jing"
    assert metadata.get("/Title") == "Transition plan: Huaxin Group"
    raw = out.read_bytes()
    assert b"/Keywords ()" in raw or b"/Keywords" not in raw
