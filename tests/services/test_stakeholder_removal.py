"""Deleting a stakeholder (to undo adding them) and restoring everything with them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.demo import build_demo
from cio_desk.services.insights import InsightData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind
from cio_desk.store.models import Base, Insight, MeetingAttendee
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

TODAY = dt.date(2026, 3, 20)


def dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    with ws.sessions() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def most_linked(ws: Workspace) -> int:
    """The person with the most meetings in the demo."""
    with ws.sessions() as session:
        ids = session.scalars(select(MeetingAttendee.stakeholder_id)).all()
    return max(set(ids), key=ids.count)


def test_a_new_stakeholder_is_deleted_and_restored_with_the_same_id(ws: Workspace) -> None:
    added = ws.stakeholders.add(StakeholderData("林晓", title="CFO", tags=("budget",)))
    snapshot = ws.stakeholders.delete(added.id)
    assert snapshot.record == added
    assert ws.stakeholders.count(include_archived=True) == 0
    with pytest.raises(NotFoundError):
        ws.stakeholders.get(added.id)

    assert ws.stakeholders.restore(snapshot) == added
    assert ws.stakeholders.get(added.id).tags == ("budget",)


def test_restore_puts_back_every_linked_row(ws: Workspace) -> None:
    build_demo(ws, TODAY)
    before = dump(ws)
    person = most_linked(ws)
    snapshot = ws.stakeholders.delete(person)
    after_delete = dump(ws)
    assert after_delete != before
    assert not any(row[1] == person for row in after_delete["meeting_attendee"])

    ws.stakeholders.restore(snapshot)
    assert dump(ws) == before


def test_the_manager_and_reports_come_back(ws: Workspace) -> None:
    build_demo(ws, TODAY)
    manager = ws.boss.manager()
    assert manager is not None
    reports = [p.id for p in ws.stakeholders.list() if p.reports_to_id == manager.id]
    before = dump(ws)
    snapshot = ws.stakeholders.delete(manager.id)
    assert ws.boss.manager() is None
    assert ws.boss.checklist() is None

    ws.stakeholders.restore(snapshot)
    assert ws.boss.manager() == manager
    assert [p.id for p in ws.stakeholders.list() if p.reports_to_id == manager.id] == reports
    assert dump(ws) == before


def test_links_to_rows_deleted_meanwhile_are_dropped(ws: Workspace) -> None:
    cfo = ws.stakeholders.add(StakeholderData("王芳"))
    coo = ws.stakeholders.add(StakeholderData("Li Na", reports_to_id=cfo.id))
    referral = ws.insights.add(
        InsightData(
            cfo.id, InsightKind.REFERRAL, text="Knows the plant", referred_stakeholder_id=coo.id
        )
    )
    snapshot = ws.stakeholders.delete(cfo.id)
    ws.stakeholders.delete(coo.id)

    restored = ws.stakeholders.restore(snapshot)
    assert restored.name == "王芳"
    with ws.sessions() as session:
        row = session.get(Insight, referral.id)
        assert row is not None and row.referred_stakeholder_id is None


def test_restoring_twice_is_refused(ws: Workspace) -> None:
    added = ws.stakeholders.add(StakeholderData("Li Wei"))
    snapshot = ws.stakeholders.delete(added.id)
    ws.stakeholders.restore(snapshot)
    with pytest.raises(ValidationError, match="already in the register"):
        ws.stakeholders.restore(snapshot)
