"""When the storage fails: a full disk, a file that cannot be written, a bad backup copy.

Each gives a sentence the user can act on, and nothing saved before is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from cio_desk.errors import ReadOnlyWorkspaceError, StorageFullError, WorkspaceError
from cio_desk.services.capture import MeetingOutcome
from cio_desk.services.followups import FollowUpData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import backup as backup_module
from cio_desk.store.backup import backup_dir, list_backups
from cio_desk.store.crypto import Passphrase
from cio_desk.store.db import raw_connection
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

BIG_NOTE = "x" * 400_000  # about a hundred pages


def cap_pages(ws: Workspace, extra_pages: int) -> None:
    """Let the file grow by at most `extra_pages` pages, as a nearly full disk would."""

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    ws.engine.dispose()
    event.listen(ws.engine, "connect", on_connect)


@pytest.fixture(params=["plain", "encrypted"])
def nearly_full(
    request: pytest.FixtureRequest,
    new_workspace_file: Callable[[Path], Path],
    workspace_path: Path,
) -> Iterator[Workspace]:
    passphrase = Passphrase("full disk test") if request.param == "encrypted" else None
    if passphrase is None:
        ws = Workspace.open(new_workspace_file(workspace_path), backup=False)
    else:
        ws = Workspace.create(workspace_path, passphrase=passphrase)
    ws.stakeholders.add(StakeholderData(name="Li Wei", notes="kept"))
    cap_pages(ws, 20)
    yield ws
    ws.close(backup=False)


def test_a_full_disk_refuses_the_change_and_keeps_what_was_saved(nearly_full: Workspace) -> None:
    with pytest.raises(StorageFullError) as caught:
        nearly_full.stakeholders.add(StakeholderData(name="王芳", notes=BIG_NOTE))

    message = str(caught.value)
    assert message.startswith("The disk is full: the last change to test.ciodesk was not saved.")
    assert "Everything saved before it is kept" in message
    assert BIG_NOTE[:50] not in message
    assert [(s.name, s.notes) for s in nearly_full.stakeholders.list()] == [("Li Wei", "kept")]
    nearly_full.stakeholders.add(StakeholderData(name="Small change"))  # it still works
    with nearly_full.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_a_full_disk_during_a_capture_saves_none_of_it(nearly_full: Workspace) -> None:
    person = nearly_full.stakeholders.list()[0]
    meeting = nearly_full.meetings.add(
        MeetingData(
            starts_at=dt.datetime(2026, 3, 3, 9),
            ends_at=dt.datetime(2026, 3, 3, 10),
            attendee_ids=(person.id,),
        )
    )
    outcome = MeetingOutcome(notes=BIG_NOTE, follow_ups=(FollowUpData(text="Send the report"),))
    with pytest.raises(StorageFullError):
        nearly_full.capture.record_meeting_outcome(meeting.id, outcome)
    stored = nearly_full.meetings.get(meeting.id)
    assert (stored.status.value, stored.notes) == ("planned", "")
    assert nearly_full.followups.list() == []


def test_a_file_that_cannot_be_written_says_so(
    new_workspace_file: Callable[[Path], Path], workspace_path: Path
) -> None:
    ws = Workspace.open(new_workspace_file(workspace_path), backup=False)
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    # What SQLite reports once the file or its folder turned read-only under us.
    ws.engine.dispose()
    event.listen(ws.engine, "connect", lambda conn, _r: conn.execute("PRAGMA query_only = ON"))
    try:
        with pytest.raises(ReadOnlyWorkspaceError) as caught:
            ws.stakeholders.add(StakeholderData(name="王芳"))
        assert "test.ciodesk cannot be written (the file or its folder is read-only)" in str(
            caught.value
        )
        assert [s.name for s in ws.stakeholders.list()] == ["Li Wei"]
    finally:
        ws.close(backup=False)


def test_a_backup_copy_that_fails_its_check_is_deleted_and_reported(
    new_workspace_file: Callable[[Path], Path],
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = Workspace.open(new_workspace_file(workspace_path), backup=False)
    for i in range(40):
        ws.stakeholders.add(StakeholderData(name=f"Person {i}", notes="n" * 300))
    real_check = backup_module._check_copy

    def garbled_by_the_disk(target: Path, key: Passphrase | None) -> None:
        """The disk garbles the middle of the copy just written; then the real check runs."""
        data = bytearray(target.read_bytes())
        middle = len(data) // 2
        data[middle : middle + 8192] = bytes(range(256)) * 32
        target.write_bytes(bytes(data))
        real_check(target, key)

    monkeypatch.setattr(backup_module, "_check_copy", garbled_by_the_disk)
    try:
        with pytest.raises(WorkspaceError, match="failed its check") as caught:
            ws.backup_now("manual")
        assert "was deleted" in str(caught.value)
        assert list_backups(workspace_path) == []
        assert list(backup_dir(workspace_path).iterdir()) == []
        assert ws.stakeholders.count() == 40  # the workspace itself is untouched
    finally:
        ws.close(backup=False)
    with raw_connection(workspace_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
