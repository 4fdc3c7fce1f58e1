"""A workspace another window has open, opened read-only: said at once, never failing late."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from read_only_helpers import open_read_only_window, show

from cio_desk.services.followups import FollowUpData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.ui.excepthook import ExceptionHook, setup_logging
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.models.followup_table import DONE
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

BANNER = "Read-only: this workspace is open in another window. Changes are not possible here."
REFUSED = "This workspace is open read-only, so the change was not saved."


@pytest.fixture
def promise(ws: Workspace, now: dt.datetime) -> int:
    """One open follow-up in the workspace the `ws` fixture holds for changes."""
    ws.stakeholders.add(StakeholderData(name="刘芳", title="CFO"))
    return ws.followups.add(FollowUpData("Send the IT cost baseline", due_date=now.date())).id


@pytest.fixture
def reader(qtbot, ws: Workspace, promise: int, clock, message_boxes) -> Iterator[MainWindow]:
    """A second window on the `ws` file, opened read-only as the user chose to."""
    window, controller = open_read_only_window(qtbot, ws.path, message_boxes, clock)
    yield window
    controller.close()


def test_the_window_says_it_is_read_only_before_anything_is_tried(reader: MainWindow) -> None:
    assert reader.read_only_banner.isVisible()
    assert reader.read_only_banner.text() == BANNER
    assert reader.read_only_banner.reopen_button.isVisible()
    assert reader.windowTitle() == "test.ciodesk (read-only) — CIO Desk"
    banner_top = reader.read_only_banner.mapTo(reader, QPoint(0, 0)).y()
    sidebar_top = reader._sidebar.mapTo(reader, QPoint(0, 0)).y()
    assert banner_top < sidebar_top  # across the top, above the pages


def test_the_actions_that_change_the_workspace_are_disabled(reader: MainWindow) -> None:
    for title in ("Stakeholders", "Follow-ups", "Learning agenda"):
        show(reader, title)
        assert not reader.new_item_action.isEnabled(), title
    for action in (
        reader.undo_action,
        reader.redo_action,
        reader.profile_action,
        reader.backup_action,
        reader.restore_action,
    ):
        assert not action.isEnabled(), action.text()
    # Reading, searching, exporting and copying elsewhere stay possible.
    for action in (reader.search_action, reader.export_action, reader.save_as_action):
        assert action.isEnabled(), action.text()


def test_a_writable_window_shows_no_banner(window: MainWindow) -> None:
    assert not window.read_only_banner.isVisible()
    assert window.windowTitle() == "test.ciodesk — CIO Desk"
    assert window.profile_action.isEnabled()
    show(window, "Stakeholders")
    assert window.new_item_action.isEnabled()


def test_an_edit_that_reaches_the_store_shows_one_plain_message_and_saves_nothing(
    reader: MainWindow,
    ws: Workspace,
    promise: int,
    message_boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The app's own hook, as in a real run (it reports what a slot lets through).
    monkeypatch.setattr(sys, "excepthook", ExceptionHook(setup_logging()))
    page = show(reader, "Follow-ups")
    rect = page.table.visualRect(page.model.index(0, DONE))

    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + rect.height() // 2, rect.center().y()),
    )
    assert message_boxes.texts() == []  # the page refuses the tick itself

    # Should some way to an edit be left open, the store still refuses it, plainly.
    page.model.done_toggled.emit(promise, True)

    assert message_boxes.texts() == [REFUSED]
    assert "Something went wrong" not in message_boxes.shown[0].informative
    assert not ws.followups.get(promise).done
    assert not reader.undo_action.isEnabled()  # nothing to undo: nothing happened


def test_open_for_changes_once_the_other_window_let_go(
    reader: MainWindow, ws: Workspace, message_boxes
) -> None:
    reader.read_only_banner.reopen_button.click()
    assert "already open in another CIO Desk window" in message_boxes.texts()[-1]
    assert reader.controller.workspace.read_only

    ws.close()
    reader.read_only_banner.reopen_button.click()

    assert not reader.controller.workspace.read_only
    assert not reader.read_only_banner.isVisible()
    assert reader.windowTitle() == "test.ciodesk — CIO Desk"
    assert reader.profile_action.isEnabled()
    reader.controller.workspace.stakeholders.add(StakeholderData(name="王芳"))
    assert reader.controller.workspace.stakeholders.count() == 2


def test_a_folder_that_cannot_be_written_is_told_apart(
    reader: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cio_desk.ui.widgets import read_only_banner

    monkeypatch.setattr(read_only_banner, "can_write", lambda _path: False)
    reader.read_only_banner.show_for(Path("elsewhere.ciodesk"))
    assert "you may not change this workspace's file or folder" in reader.read_only_banner.text()
    assert "Save As" in reader.read_only_banner.text()
    assert not reader.read_only_banner.reopen_button.isVisible()  # waiting would not help


def test_a_read_only_window_exports_without_saving_a_version(
    qtbot, reader: MainWindow, clock
) -> None:
    from cio_desk.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(reader.controller.workspace, now=clock)
    qtbot.addWidget(dialog)

    assert not dialog.form.freeze_check.isChecked()
    assert not dialog.form.freeze_check.isEnabled()
    assert "Read-only" in dialog.form.freeze_check.toolTip()
