"""The lock: idle time, sleep and Lock now hide everything until the passphrase is typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import paths
from cio_desk.store.crypto import Passphrase
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.lock import LockScreen, set_lock_minutes
from cio_desk.ui.main_window import MainWindow
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

SECRET = "correct horse battery"


class FakeClocks:
    """A monotonic clock and a wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall_time = 1_800_000_000.0

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> float:
        return self.wall_time

    def pass_time(self, seconds: float) -> None:
        self.mono += seconds
        self.wall_time += seconds

    def sleep_computer(self, seconds: float) -> None:
        """The wall clock moves on; the monotonic clock stops while asleep."""
        self.wall_time += seconds


@pytest.fixture
def encrypted_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "board-notes.ciodesk", passphrase=Passphrase(SECRET))
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=dt.date(2026, 3, 2)))
    ws.stakeholders.add(StakeholderData(name="Wang Fang"))
    yield ws


@pytest.fixture
def clocks() -> FakeClocks:
    return FakeClocks()


def make_window(qtbot, ws: Workspace, clocks: FakeClocks) -> MainWindow:
    controller = WorkspaceController(ws)
    window = MainWindow(controller, now=lambda: dt.datetime(2026, 3, 19, 10))
    qtbot.addWidget(window)
    window.lock_guard.use_clocks(clocks.monotonic, clocks.wall)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def locked_window(qtbot, encrypted_ws: Workspace, clocks: FakeClocks) -> Iterator[MainWindow]:
    window = make_window(qtbot, encrypted_ws, clocks)
    yield window
    window.controller.close()


def screens(window: MainWindow) -> list[LockScreen]:
    return [s for s in window.findChildren(LockScreen) if s.isVisible()]


def test_idle_time_locks_and_hides_everything(
    qtbot, locked_window: MainWindow, clocks: FakeClocks
) -> None:
    guard = locked_window.lock_guard
    assert "board-notes.ciodesk" in locked_window.windowTitle()
    clocks.pass_time(9 * 60)
    guard.check_now()
    assert not guard.locked  # 9 minutes: not yet (default 10)

    clocks.pass_time(61)
    guard.check_now()

    assert guard.locked
    [screen] = screens(locked_window)
    assert screen.geometry() == locked_window.rect()  # the whole window, menus included
    assert locked_window.windowTitle() == "CIO Desk — locked"
    assert locked_window.windowFilePath() == ""
    image = locked_window.grab().toImage()
    assert image.width() > 0  # drawn without the content (checked by eye in screenshots)


def test_activity_keeps_the_window_unlocked(
    qtbot, locked_window: MainWindow, clocks: FakeClocks
) -> None:
    guard = locked_window.lock_guard
    for _ in range(4):
        clocks.pass_time(5 * 60)
        qtbot.keyClick(locked_window, Qt.Key.Key_Shift)
        guard.check_now()
    assert not guard.locked


def test_waking_from_sleep_locks(qtbot, locked_window: MainWindow, clocks: FakeClocks) -> None:
    clocks.sleep_computer(3 * 3600)
    locked_window.lock_guard.check_now()
    assert locked_window.lock_guard.locked


def test_never_means_no_idle_lock_but_sleep_still_locks(
    qtbot, locked_window: MainWindow, clocks: FakeClocks
) -> None:
    settings = QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
    set_lock_minutes(settings, 0)
    clocks.pass_time(8 * 3600)
    locked_window.lock_guard.check_now()
    assert not locked_window.lock_guard.locked
    clocks.sleep_computer(600)
    locked_window.lock_guard.check_now()
    assert locked_window.lock_guard.locked


def test_a_suspended_application_locks(qtbot, locked_window: MainWindow) -> None:
    locked_window.lock_guard._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert locked_window.lock_guard.locked


def test_only_the_passphrase_unlocks(qtbot, locked_window: MainWindow) -> None:
    guard = locked_window.lock_guard
    guard.lock_action.trigger()
    [screen] = screens(locked_window)

    qtbot.keyClicks(screen.passphrase_edit, "not the passphrase")
    qtbot.keyClick(screen.passphrase_edit, Qt.Key.Key_Return)
    assert guard.locked
    assert screen.error_label.text() == "That is not the passphrase of this workspace."
    assert screen.passphrase_edit.text() == ""

    qtbot.keyClicks(screen.passphrase_edit, SECRET)
    screen.unlock_button.click()
    assert not guard.locked
    assert screens(locked_window) == []
    assert "board-notes.ciodesk" in locked_window.windowTitle()


def test_nothing_reaches_the_hidden_content_while_locked(
    qtbot, locked_window: MainWindow, encrypted_ws: Workspace
) -> None:
    locked_window.show_page(0)
    locked_window.history.perform(
        "Add stakeholder",
        do=lambda: encrypted_ws.stakeholders.add(StakeholderData(name="Li Wei")),
        undo=lambda added: encrypted_ws.stakeholders.delete(added.id),
    )
    locked_window.lock_guard.lock()

    qtbot.keyClick(locked_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(locked_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert locked_window.current_page() is locked_window.page_at(0)  # Ctrl+2 did nothing
    assert encrypted_ws.stakeholders.count() == 2  # Ctrl+Z did nothing
    assert not locked_window.menuBar().isEnabled()
    assert not locked_window.lock_guard.lock_action.isEnabled()
    locked_window.lock_guard.unlock(SECRET)
    assert locked_window.menuBar().isEnabled()


def test_an_open_dialog_is_covered_too_and_keeps_what_was_typed(
    qtbot, locked_window: MainWindow
) -> None:
    dialog = QDialog(locked_window)
    dialog.setWindowTitle("Meeting with Wang Fang")
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(edit, "half-typed note")

    locked_window.lock_guard.lock()

    assert dialog.windowTitle() == "CIO Desk — locked"
    [cover] = [s for s in dialog.findChildren(LockScreen) if s.isVisible()]
    qtbot.keyClicks(edit, " more")
    assert edit.text() == "half-typed note"  # typing into hidden fields is dropped
    qtbot.keyClicks(cover.passphrase_edit, SECRET)
    qtbot.keyClick(cover.passphrase_edit, Qt.Key.Key_Return)  # unlocked from the dialog
    assert not locked_window.lock_guard.locked
    assert dialog.isVisible() and dialog.windowTitle() == "Meeting with Wang Fang"
    assert edit.text() == "half-typed note"


def test_a_plain_workspace_is_never_locked(qtbot, window: MainWindow) -> None:
    guard = window.lock_guard
    assert not guard.lock_action.isEnabled()
    assert "Encrypt the workspace" in guard.lock_action.toolTip()
    assert guard.lock() is False
    assert screens(window) == []


def test_lock_and_security_are_in_the_file_menu(qtbot, locked_window: MainWindow) -> None:
    file_menu = next(a.menu() for a in locked_window.menuBar().actions() if a.text() == "&File")
    entries = {a.text(): a.shortcut().toString() for a in file_menu.actions()}
    assert entries["&Lock now"] == "Ctrl+L"
    assert "&Security…" in entries
    assert QApplication.instance() is not None
