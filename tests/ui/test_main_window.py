"""The main window: pages, the File menu's workspace actions, remembered layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QLabel, QMessageBox

from cio_desk import __version__
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import paths
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.dialogs.first_run import ProfileDialog
from cio_desk.ui.dialogs.restore_backup import RestoreBackupDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.base import Page
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def names(workspace: Workspace) -> list[str]:
    return [s.name for s in workspace.stakeholders.list()]


SIDEBAR = [
    "Today",
    "Learning agenda",
    "Stakeholders",
    "Meetings",
    "Follow-ups",
    "Listening tour",
    "Plan",
    "Roadmap",
    "Risks",
    "Review & export",
]


def test_the_window_lists_the_pages_in_the_method_order_and_names_the_file(
    window: MainWindow, ws: Workspace
) -> None:
    assert [page.page_title() for page in window.pages()] == SIDEBAR
    assert window.current_page() is window.today_page
    assert ws.path.name in window.windowTitle()
    status_texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert ws.path.name in status_texts


class CountingPage(Page):
    """A minimal page, as a later screen would add itself."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0

    def page_title(self) -> str:
        return "Stakeholders"

    def refresh(self) -> None:
        self.refreshes += 1


def test_a_new_page_gets_a_sidebar_entry_a_shortcut_and_refreshes_when_shown(
    window: MainWindow,
) -> None:
    page = CountingPage()
    window.add_page(page)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    # A menu shows "&" as an accelerator marker, so a literal one is doubled.
    entries = [(a.text().replace("&&", "&"), a.shortcut().toString()) for a in view_menu.actions()]
    shortcuts = [f"Ctrl+{i}" for i in range(1, 10)] + [""]
    assert entries[: len(SIDEBAR)] == list(zip(SIDEBAR, shortcuts, strict=True))
    assert entries[len(SIDEBAR)] == ("Stakeholders", "")  # past Ctrl+9: no shortcut
    assert page.workspace is window.controller.workspace
    assert page.refreshes == 0

    view_menu.actions()[len(SIDEBAR)].trigger()

    assert window.current_page() is page
    assert page.refreshes == 1


def test_menus_have_standard_shortcuts(window: MainWindow) -> None:
    assert window.new_item_action.shortcut().toString() == "Ctrl+N"
    assert window.new_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"


def test_back_up_now_creates_a_backup_and_says_where(
    window: MainWindow, ws: Workspace, message_boxes
) -> None:
    before = {b.path for b in ws.backups()}

    window.backup_action.trigger()

    added = [b for b in ws.backups() if b.path not in before]
    assert len(added) == 1
    assert added[0].reason == "manual"
    assert added[0].path.is_file()
    assert str(added[0].path) in message_boxes.shown[-1].text


def test_restore_from_backup_brings_back_the_old_content(
    window: MainWindow, ws: Workspace, message_boxes, modals
) -> None:
    ws.stakeholders.add(StakeholderData(name="Li Na"))
    ws.backup_now("manual")
    ws.stakeholders.add(StakeholderData(name="Added after the backup"))

    def choose_newest(dialog: RestoreBackupDialog) -> None:
        dialog.table.selectRow(0)
        dialog.restore_button.click()

    modals.when_shown(RestoreBackupDialog, choose_newest)
    window.restore_action.trigger()

    restored = window.controller.workspace
    assert names(restored) == ["Li Na"]
    assert message_boxes.shown[-1].kind == "question"
    assert any(b.reason == "pre-restore" for b in restored.backups())
    assert window.today_page.coverage_card.headline.text() == "0 of 1 met"


def test_restore_is_not_done_when_the_user_says_no(
    window: MainWindow, ws: Workspace, message_boxes, modals
) -> None:
    ws.backup_now("manual")
    ws.stakeholders.add(StakeholderData(name="Kept"))
    message_boxes.answer = QMessageBox.StandardButton.No

    modals.when_shown(RestoreBackupDialog, lambda dialog: dialog.restore_button.click())
    window.restore_action.trigger()

    assert names(window.controller.workspace) == ["Kept"]


def test_save_as_copies_the_workspace_and_continues_in_the_copy(
    window: MainWindow, ws: Workspace, tmp_path: Path, file_dialogs
) -> None:
    ws.stakeholders.add(StakeholderData(name="Li Na"))
    file_dialogs.save_paths.append(tmp_path / "copy")  # the suffix is added

    window.save_as_action.trigger()

    current = window.controller.workspace
    assert current.path == tmp_path / "copy.ciodesk"
    assert names(current) == ["Li Na"]
    assert ws.path.is_file()
    assert "copy.ciodesk" in window.windowTitle()


def test_save_as_refuses_an_existing_file(
    window: MainWindow, ws: Workspace, tmp_path: Path, file_dialogs, message_boxes
) -> None:
    existing = tmp_path / "existing.ciodesk"
    existing.write_bytes(b"keep me")
    file_dialogs.save_paths.append(existing)

    window.save_as_action.trigger()

    assert window.controller.workspace.path == ws.path
    assert existing.read_bytes() == b"keep me"
    assert "already exists" in message_boxes.shown[-1].text


def test_new_workspace_switches_and_asks_for_the_profile(
    window: MainWindow, ws: Workspace, tmp_path: Path, file_dialogs, modals
) -> None:
    file_dialogs.save_paths.append(tmp_path / "second.ciodesk")

    def fill(dialog: ProfileDialog) -> None:
        dialog.name_edit.setText("王伟")
        dialog.buttons.accepted.emit()

    modals.when_shown(ProfileDialog, fill)
    window.new_action.trigger()

    current = window.controller.workspace
    assert current.path == tmp_path / "second.ciodesk"
    assert current.profile.get().cio_name == "王伟"
    assert window.today_page.dashboard.isVisible()
    assert window.statusBar().currentMessage() == "Opened second.ciodesk."
    assert "王伟" in window.today_page.subtitle_label.text()  # shown once the profile is saved


def test_open_switches_to_the_chosen_workspace(
    window: MainWindow, ws: Workspace, tmp_path: Path, file_dialogs
) -> None:
    other = tmp_path / "other.ciodesk"
    with Workspace.create(other) as workspace:
        workspace.profile.save(ws.profile.get())
        workspace.stakeholders.add(StakeholderData(name="Someone else"))
    file_dialogs.open_paths.append(other)

    window.open_action.trigger()

    assert window.controller.workspace.path == other
    assert window.today_page.coverage_card.headline.text() == "0 of 1 met"


def test_opening_a_damaged_file_explains_and_keeps_the_current_workspace(
    window: MainWindow, ws: Workspace, tmp_path: Path, file_dialogs, message_boxes
) -> None:
    damaged = tmp_path / "damaged.ciodesk"
    damaged.write_bytes(b"this is not a workspace" * 100)
    file_dialogs.open_paths.append(damaged)
    message_boxes.click = "Cancel"

    window.open_action.trigger()

    assert window.controller.workspace.path == ws.path
    shown = message_boxes.shown[-1]
    assert "damaged" in shown.text
    assert "Cancel" in shown.buttons
    assert damaged.read_bytes() == b"this is not a workspace" * 100


def test_about_names_version_workspace_and_data_folder(
    window: MainWindow, ws: Workspace, message_boxes
) -> None:
    window.about_action.trigger()

    text = message_boxes.shown[-1].text
    assert __version__ in text
    assert str(ws.path) in text
    assert str(paths.data_dir()) in text


def test_window_size_is_remembered(qtbot, ws: Workspace, clock) -> None:
    first = MainWindow(WorkspaceController(ws), now=clock)
    qtbot.addWidget(first)
    first.show()
    first.resize(QSize(700, 500))
    first.close()

    settings = paths.ui_settings_path()
    assert settings.is_file()  # inside the test's data folder, never the user's
    assert QSettings(str(settings), QSettings.Format.IniFormat).contains("main_window/geometry")
    second = MainWindow(WorkspaceController(ws), now=clock)
    qtbot.addWidget(second)
    assert second.size() == QSize(700, 500)


def test_edit_profile_updates_the_today_page(
    window: MainWindow, ws: Workspace, modals, start_date: dt.date
) -> None:
    def change(dialog: ProfileDialog) -> None:
        dialog.due_day_spin.setValue(60)
        dialog.buttons.accepted.emit()

    modals.when_shown(ProfileDialog, change)
    window.profile_action.trigger()

    assert ws.profile.get().plan_due_day == 60
    assert window.today_page.day_card.headline.text() == "Day 18 of 60"
