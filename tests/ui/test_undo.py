"""Undo and redo of edits made through the services, as the Edit menu does them."""

from __future__ import annotations

import datetime as dt

from cio_desk.errors import ValidationError
from cio_desk.services.followups import FollowUpData
from cio_desk.ui.main_window import MainWindow
from cio_desk.workspace import Workspace


def _open_texts(ws: Workspace) -> list[str]:
    return [f.text for f in ws.followups.list(open_only=True)]


def test_an_edit_can_be_undone_and_redone(window: MainWindow, ws: Workspace) -> None:
    history = window.history
    history.perform(
        "Add follow-up",
        do=lambda: ws.followups.add(FollowUpData("Send the IT cost baseline")),
        undo=lambda added: ws.followups.delete(added.id),
    )
    assert _open_texts(ws) == ["Send the IT cost baseline"]
    assert window.undo_action.isEnabled()
    assert "Add follow-up" in window.undo_action.text()

    window.undo_action.trigger()
    assert _open_texts(ws) == []

    window.redo_action.trigger()
    assert _open_texts(ws) == ["Send the IT cost baseline"]


def test_a_restored_item_keeps_working_with_later_undo(window: MainWindow, ws: Workspace) -> None:
    added = ws.followups.add(FollowUpData("Book the plant visit", due_date=dt.date(2026, 3, 20)))
    window.history.perform(
        "Delete follow-up",
        do=lambda: ws.followups.delete(added.id),
        undo=lambda deleted: ws.followups.restore(deleted),
        redo=lambda deleted: ws.followups.delete(deleted.id),
    )
    assert _open_texts(ws) == []

    window.undo_action.trigger()
    assert ws.followups.get(added.id).due_date == dt.date(2026, 3, 20)
    window.redo_action.trigger()
    window.undo_action.trigger()
    assert _open_texts(ws) == ["Book the plant visit"]


def test_refused_input_records_nothing(window: MainWindow, ws: Workspace) -> None:
    try:
        window.history.perform(
            "Add follow-up",
            do=lambda: ws.followups.add(FollowUpData("   ")),
            undo=lambda added: ws.followups.delete(added.id),
        )
    except ValidationError as error:
        assert error.field == "text"
    assert not window.undo_action.isEnabled()


def test_an_undo_the_services_refuse_is_reported_and_dropped(
    window: MainWindow, ws: Workspace
) -> None:
    messages: list[str] = []
    window.history.failed.connect(messages.append)
    window.history.perform(
        "Add follow-up",
        do=lambda: ws.followups.add(FollowUpData("Call the bank")),
        undo=lambda added: ws.followups.delete(added.id),
    )
    ws.followups.delete(ws.followups.list()[0].id)  # removed behind the history's back

    window.undo_action.trigger()

    assert messages and "no longer exists" in messages[0]
    assert not window.undo_action.isEnabled()


def test_opening_another_workspace_clears_the_history(
    window: MainWindow, ws: Workspace, tmp_path
) -> None:
    window.history.perform(
        "Add follow-up",
        do=lambda: ws.followups.add(FollowUpData("Thank the CFO")),
        undo=lambda added: ws.followups.delete(added.id),
    )
    other = Workspace.create(tmp_path / "other.ciodesk")
    window.controller.switch_to(other)
    assert not window.undo_action.isEnabled()
