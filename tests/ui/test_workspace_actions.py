"""The File menu's workspace actions: when they are offered and what they tell the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.dialogs.restore_backup import RestoreBackupDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def test_file_actions_wait_for_a_workspace_that_can_change(
    qtbot, ws: Workspace, clock, tmp_path: Path
) -> None:
    controller = WorkspaceController()  # start-up: the window shows before the file opens
    window = MainWindow(controller, now=clock)
    qtbot.addWidget(window)
    actions = window.workspace_actions

    assert actions.new_action.isEnabled() and actions.open_action.isEnabled()
    for action in (actions.save_as_action, actions.backup_action, actions.restore_action):
        assert not action.isEnabled(), action.text()

    controller.switch_to(ws)

    for action in (actions.save_as_action, actions.backup_action, actions.restore_action):
        assert action.isEnabled(), action.text()
    assert window.backup_action is actions.backup_action  # the window's own names still work


def test_the_file_menu_lists_the_workspace_actions_in_order(window: MainWindow) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    entries = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert entries[:3] == ["&New workspace…", "&Open…", "Save &As…"]
    assert entries[-3:] == ["&Back up now", "&Restore from backup…", "&Quit"]


def test_opening_the_file_already_open_says_so_and_keeps_it(
    window: MainWindow, ws: Workspace, file_dialogs
) -> None:
    file_dialogs.open_paths.append(ws.path)

    window.open_action.trigger()

    assert window.controller.workspace is ws
    assert window.statusBar().currentMessage() == "That workspace is already open."


def test_cancelling_the_file_dialogs_changes_nothing(
    window: MainWindow, ws: Workspace, file_dialogs, message_boxes
) -> None:
    for action in (window.new_action, window.open_action, window.save_as_action):
        action.trigger()  # no path queued: the user cancels

    assert window.controller.workspace is ws
    assert message_boxes.shown == []
    assert window.statusBar().currentMessage() == ""


def test_a_restored_backup_is_named_in_the_status_bar(
    window: MainWindow, ws: Workspace, message_boxes, modals
) -> None:
    ws.backup_now("manual")
    ws.stakeholders.add(StakeholderData(name="After the backup"))

    def choose_newest(dialog: RestoreBackupDialog) -> None:
        dialog.table.selectRow(0)
        dialog.restore_button.click()

    modals.when_shown(RestoreBackupDialog, choose_newest)
    window.restore_action.trigger()

    asked = message_boxes.shown[-1]
    assert asked.title == "Restore from backup"
    assert ws.path.name in asked.text
    when = asked.text.split("with the backup of ")[1].split("?")[0]
    assert window.statusBar().currentMessage() == f"Restored the backup of {when}."
    assert window.controller.workspace.stakeholders.count() == 0
