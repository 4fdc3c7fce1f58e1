"""Crash safety: writers killed with SIGKILL lose no acknowledged edit and leave no half edit.

A few rounds here (the long run is `python tools/crash_harness.py --rounds 200`).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.db import raw_connection
from cio_desk.workspace import Workspace

pytestmark = [
    pytest.mark.core,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX"),
]

REPO = Path(__file__).resolve().parents[2]
HARNESS = REPO / "tools" / "crash_harness.py"


def load_harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_killed_writers_lose_nothing_acknowledged_plain_and_encrypted(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(HARNESS), "--rounds", "3", "--mode", "both", "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
        env={**os.environ, "CIO_DESK_DATA_DIR": str(data_dir)},
    )
    figures = json.loads(result.stdout)
    assert [f["mode"] for f in figures] == ["plain", "encrypted"]
    for run in figures:
        assert run["rounds"] == 3
        assert run["acknowledged_edits"] > 0, run
        assert (run["lost_edits"], run["half_written_captures"]) == (0, 0), run["problems"]
        assert (run["integrity_failures"], run["lock_failures"]) == (0, 0), run["problems"]
        assert run["writer_errors"] == 0, run["problems"]
    assert result.returncode == 0


def test_the_harness_notices_a_lost_edit_and_a_half_written_capture(tmp_path: Path) -> None:
    harness = load_harness()
    path = tmp_path / "checked.ciodesk"
    with Workspace.create(path) as ws:
        first = ws.stakeholders.add(StakeholderData(name="Person r0e0"))
        meeting = ws.meetings.add(
            MeetingData(
                starts_at=dt.datetime(2026, 3, 3, 9),
                ends_at=dt.datetime(2026, 3, 3, 10),
                attendee_ids=(first.id, ws.stakeholders.add(StakeholderData(name="B")).id),
                title="Meeting r0e1",
            )
        )
    with raw_connection(path, read_only=False) as conn:  # one insight only: half a capture
        conn.execute(
            "INSERT INTO insight (stakeholder_id, meeting_id, kind, text, confidential,"
            " referred_name, created_at) VALUES (?, ?, 'goal', 'x', 0, '', ?)",
            (first.id, meeting.id, "2026-03-03 10:00:00"),
        )
        conn.execute("UPDATE meeting SET status = 'held' WHERE id = ?", (meeting.id,))
        conn.commit()
    expected = harness.Expected()
    expected.add(["stakeholder r0e0", "stakeholder r0e9", "capture r0e1"])
    figures = harness.Figures("plain")

    harness.check(path, None, expected, figures, 0)

    assert figures.lost_edits == 2  # "Person r0e9" and the capture r0e1
    assert figures.half_written_captures == 1
    assert not figures.ok
