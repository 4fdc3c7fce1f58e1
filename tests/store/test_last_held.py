"""`stakeholder.last_held_at`: the flush listener, the repair function and the 0002 migration."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from cio_desk.store.db import raw_connection, write_session
from cio_desk.store.enums import MeetingStatus
from cio_desk.store.last_held import recompute_last_held
from cio_desk.store.models import Meeting, MeetingAttendee, Stakeholder
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

UPGRADES = Path(__file__).parents[1] / "data" / "upgrades"
MORNING = dt.datetime(2026, 3, 4, 9)
AFTERNOON = dt.datetime(2026, 3, 6, 15)

# "Last held" grouped from the meetings, in SQL of its own: the migration is
# checked against this, not against the code it runs.
FROM_MEETINGS = """
    SELECT s.id, (SELECT max(m.starts_at) FROM meeting m
                  JOIN meeting_attendee a ON a.meeting_id = m.id
                  WHERE a.stakeholder_id = s.id AND m.status = 'held')
    FROM stakeholder s ORDER BY s.id
"""
STORED = "SELECT id, last_held_at FROM stakeholder ORDER BY id"


def meeting(start: dt.datetime, *people: Stakeholder, status: MeetingStatus) -> Meeting:
    return Meeting(
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        status=status,
        attendees=list(people),
    )


def last_held(ws: Workspace) -> dict[str, dt.datetime | None]:
    with ws.sessions() as session:
        return dict(session.execute(select(Stakeholder.name, Stakeholder.last_held_at)).all())


@pytest.fixture
def pair(ws: Workspace) -> tuple[int, int]:
    """Li attends a held meeting in the morning; Wang is in the register, unmet."""
    with write_session(ws.sessions) as session:
        li, wang = Stakeholder(name="Li"), Stakeholder(name="Wang")
        session.add_all([li, wang, meeting(MORNING, li, status=MeetingStatus.HELD)])
        session.flush()
        return li.id, wang.id


def test_people_added_with_their_meeting_in_one_flush(ws: Workspace, pair: tuple[int, int]) -> None:
    assert last_held(ws) == {"Li": MORNING, "Wang": None}


def test_a_meeting_changed_without_its_attendees_loaded(
    ws: Workspace, pair: tuple[int, int]
) -> None:
    with write_session(ws.sessions) as session:
        row = session.scalars(select(Meeting)).one()
        row.status = MeetingStatus.CANCELLED  # `attendees` never read: found in the table
    assert last_held(ws) == {"Li": None, "Wang": None}


def test_attendance_rows_written_directly(ws: Workspace, pair: tuple[int, int]) -> None:
    _li, wang = pair
    with write_session(ws.sessions) as session:
        meeting_id = session.scalars(select(Meeting.id)).one()
        session.add(MeetingAttendee(meeting_id=meeting_id, stakeholder_id=wang))
    assert last_held(ws) == {"Li": MORNING, "Wang": MORNING}
    with write_session(ws.sessions) as session:
        session.delete(session.get(MeetingAttendee, (meeting_id, wang)))
    assert last_held(ws) == {"Li": MORNING, "Wang": None}


def test_a_loaded_stakeholder_sees_the_new_value_in_the_same_session(
    ws: Workspace, pair: tuple[int, int]
) -> None:
    _li, wang = pair
    with write_session(ws.sessions) as session:
        person = session.get(Stakeholder, wang)
        assert person.last_held_at is None
        session.add(meeting(AFTERNOON, person, status=MeetingStatus.HELD))
        session.flush()
        assert person.last_held_at == AFTERNOON
        assert session.scalars(select(Stakeholder).where(Stakeholder.id == wang)).one() is person


def test_a_failed_write_leaves_the_column_as_it_was(ws: Workspace, pair: tuple[int, int]) -> None:
    li, _wang = pair

    class CrashError(Exception):
        pass

    with pytest.raises(CrashError), write_session(ws.sessions) as session:
        session.add(meeting(AFTERNOON, session.get(Stakeholder, li), status=MeetingStatus.HELD))
        session.flush()
        raise CrashError
    assert last_held(ws) == {"Li": MORNING, "Wang": None}


def test_recompute_repairs_the_people_asked_for(ws: Workspace, pair: tuple[int, int]) -> None:
    _li, wang = pair
    wrong = dt.datetime(2020, 1, 1)
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE stakeholder SET last_held_at = :t"), {"t": wrong})
        recompute_last_held(conn, [wang])
        recompute_last_held(conn, [])  # nobody: nothing to do
    assert last_held(ws) == {"Li": wrong, "Wang": None}
    with ws.engine.begin() as conn:
        recompute_last_held(conn)
    assert last_held(ws) == {"Li": MORNING, "Wang": None}


def test_upgrading_a_0001_workspace_fills_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.ciodesk"
    shutil.copyfile(UPGRADES / "0001_initial.sqlite3", path)
    path.chmod(0o600)
    with raw_connection(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(stakeholder)")}
        expected = conn.execute(FROM_MEETINGS).fetchall()
    assert "last_held_at" not in columns

    Workspace.open(path, backup=False).close(backup=False)

    with raw_connection(path) as conn:
        assert conn.execute(STORED).fetchall() == expected
    met = [when for _id, when in expected if when is not None]
    assert 0 < len(met) < len(expected)  # the demo has people met and people not yet met
