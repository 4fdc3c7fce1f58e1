"""Every edit the Stakeholders page makes, as one undoable step each.

Each function runs the edit through `EditHistory.perform` with the service
calls that take it back and do it again; the dialogs and the page call these
and never the services' write methods directly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from cio_desk.services.boss import BossConversationItem
from cio_desk.services.stakeholders import StakeholderData, StakeholderRecord, StakeholderSnapshot
from cio_desk.services.tour import StanceChange
from cio_desk.store.enums import BossConversationKind, Stance
from cio_desk.ui.undo import EditHistory
from cio_desk.workspace import Workspace

_DATA_FIELDS = tuple(f.name for f in dataclasses.fields(StakeholderData))


def _tr(text: str) -> str:
    return QCoreApplication.translate("StakeholderActions", text)


def add_stakeholder(
    history: EditHistory, ws: Workspace, data: StakeholderData
) -> StakeholderRecord:
    """Add a person; undo deletes them, redo brings them back with the same id."""
    previous_manager = _manager_id(ws)
    kept: dict[str, StakeholderSnapshot] = {}

    def undo(added: StakeholderRecord) -> None:
        kept["snapshot"] = ws.stakeholders.delete(added.id)
        if added.is_manager and previous_manager is not None:
            ws.boss.set_manager(previous_manager)

    def redo(_added: StakeholderRecord) -> StakeholderRecord:
        return ws.stakeholders.restore(kept["snapshot"])

    return history.perform(
        _tr("Add stakeholder {name}").format(name=data.name.strip()),
        do=lambda: ws.stakeholders.add(data),
        undo=undo,
        redo=redo,
    )


def edit_stakeholder(
    history: EditHistory, ws: Workspace, stakeholder_id: int, changes: dict[str, Any]
) -> StakeholderRecord:
    """Change some fields of a person; undo puts every field (and the manager) back."""
    before = ws.stakeholders.get(stakeholder_id)
    previous_manager = _manager_id(ws)
    old = {name: getattr(before, name) for name in _DATA_FIELDS}

    def undo(_after: StakeholderRecord) -> None:
        ws.stakeholders.update(stakeholder_id, **old)
        if previous_manager != stakeholder_id:
            ws.boss.set_manager(previous_manager)

    return history.perform(
        _tr("Edit {name}").format(name=before.name),
        do=lambda: ws.stakeholders.update(stakeholder_id, **changes),
        undo=undo,
    )


def set_archived(
    history: EditHistory, ws: Workspace, stakeholder_id: int, archived: bool
) -> StakeholderRecord:
    """Archive (hide) a person or bring them back."""
    name = ws.stakeholders.get(stakeholder_id).name
    text = _tr("Archive {name}") if archived else _tr("Bring back {name}")
    return history.perform(
        text.format(name=name),
        do=lambda: ws.stakeholders.set_archived(stakeholder_id, archived),
        undo=lambda _r: ws.stakeholders.set_archived(stakeholder_id, not archived),
    )


def move_on_grid(
    history: EditHistory, ws: Workspace, stakeholder_id: int, influence: int, interest: int
) -> StakeholderRecord:
    """New influence and interest ratings, as dropped on the grid."""
    before = ws.stakeholders.get(stakeholder_id)
    return history.perform(
        _tr("Move {name} on the grid").format(name=before.name),
        do=lambda: ws.stakeholders.update(stakeholder_id, influence=influence, interest=interest),
        undo=lambda _r: ws.stakeholders.update(
            stakeholder_id, influence=before.influence, interest=before.interest
        ),
    )


def reassess_stance(
    history: EditHistory,
    ws: Workspace,
    stakeholder_id: int,
    stance: Stance,
    on: dt.date,
    note: str = "",
) -> StanceChange:
    """A dated stance; the history of assessments is kept."""
    name = ws.stakeholders.get(stakeholder_id).name
    return history.perform(
        _tr("Re-assess {name}").format(name=name),
        do=lambda: ws.tour.reassess_stance(stakeholder_id, stance, on, note),
        undo=ws.tour.undo_reassessment,
    )


def set_manager(history: EditHistory, ws: Workspace, stakeholder_id: int | None) -> int | None:
    """Mark who the CIO's manager is (None: nobody)."""
    if stakeholder_id is None:
        text = _tr("Unmark your manager")
    else:
        name = ws.stakeholders.get(stakeholder_id).name
        text = _tr("Mark {name} as your manager").format(name=name)
    return history.perform(
        text,
        do=lambda: ws.boss.set_manager(stakeholder_id),
        undo=lambda previous: ws.boss.set_manager(previous),
    )


def record_boss_conversation(
    history: EditHistory,
    ws: Workspace,
    manager_id: int,
    kind: BossConversationKind,
    held_on: dt.date | None,
    notes: str,
) -> BossConversationItem:
    """The date held and notes of one of the five conversations with the manager."""
    checklist = ws.boss.checklist(manager_id)
    before = (
        next((item for item in checklist.items if item.kind == kind), BossConversationItem(kind))
        if checklist
        else BossConversationItem(kind)
    )
    return history.perform(
        _tr("Record a conversation with your manager"),
        do=lambda: ws.boss.record(kind, held_on=held_on, notes=notes, stakeholder_id=manager_id),
        undo=lambda _item: ws.boss.record(
            kind, held_on=before.held_on, notes=before.notes, stakeholder_id=manager_id
        ),
    )


def _manager_id(ws: Workspace) -> int | None:
    manager = ws.boss.manager()
    return None if manager is None else manager.id
