"""Passphrase dialogs, opening encrypted, damaged and busy workspaces, and File > Security."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QWidget

from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.backup import list_backups
from cio_desk.store.crypto import SQLITE_HEADER, Passphrase
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseMode, PassphrasePrompt
from cio_desk.ui.dialogs.settings import SettingsDialog
from cio_desk.ui.opener import WorkspaceOpener
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

SECRET = "correct horse battery"
START = ProfileData(cio_name="Chen Jing", start_date=dt.date(2026, 3, 2))


@pytest.fixture
def encrypted_file(tmp_path: Path) -> Path:
    """A closed encrypted workspace with one stakeholder and a backup."""
    path = tmp_path / "secret.ciodesk"
    with Workspace.create(path, passphrase=Passphrase(SECRET)) as ws:
        ws.profile.save(START)
        ws.stakeholders.add(StakeholderData(name="Wang Fang"))
    return path


def answer_prompts(modals, qtbot, answers: list[str | None], seen: list[str]) -> None:
    """Type each answer into the next passphrase prompt, recording the error it showed."""

    def act(widget: QWidget) -> None:
        assert isinstance(widget, PassphrasePrompt)
        seen.append(widget.error_text())
        text = answers.pop(0)
        if answers:
            answer_prompts(modals, qtbot, answers, seen)
        if text is None:
            widget.reject()
            return
        widget.passphrase_edit.setText(text)
        widget.buttons.button(widget.buttons.StandardButton.Open).click()

    modals.when_shown(PassphrasePrompt, act)


# ---------------------------------------------------------------- the prompt


def test_the_prompt_asks_again_for_an_empty_passphrase(qtbot) -> None:
    prompt = PassphrasePrompt("secret.ciodesk")
    qtbot.addWidget(prompt)
    prompt.show()
    assert prompt.passphrase_edit.echoMode() == prompt.passphrase_edit.EchoMode.Password
    prompt.buttons.button(prompt.buttons.StandardButton.Open).click()
    assert prompt.isVisible() and prompt.error_text() == "Type the passphrase."
    qtbot.keyClicks(prompt.passphrase_edit, SECRET)
    prompt.show_check.setChecked(True)
    assert prompt.passphrase_edit.echoMode() == prompt.passphrase_edit.EchoMode.Normal
    qtbot.keyClick(prompt.passphrase_edit, Qt.Key.Key_Return)
    assert prompt.result() == QDialog.DialogCode.Accepted
    answer = prompt.answer()
    assert answer is not None and answer.passphrase.matches(SECRET)
    assert prompt.passphrase_edit.text() == ""  # not kept in the widget
    assert not prompt.remember_check.isVisibleTo(prompt)  # no keyring here


# ---------------------------------------------------------------- opening


def test_opening_an_encrypted_workspace_asks_until_the_passphrase_is_right(
    qtbot, modals, message_boxes, encrypted_file: Path
) -> None:
    seen: list[str] = []
    answer_prompts(modals, qtbot, ["not it at all", SECRET], seen)

    workspace = WorkspaceOpener(None, give_up_text="Quit").open(encrypted_file)

    assert workspace is not None
    try:
        assert seen == ["", "That passphrase does not open the workspace."]
        assert workspace.encrypted
        assert [s.name for s in workspace.stakeholders.list()] == ["Wang Fang"]
    finally:
        workspace.close()
    assert message_boxes.shown == []


def test_cancelling_the_prompt_explains_and_offers_another_file(
    qtbot, modals, message_boxes, encrypted_file: Path
) -> None:
    answer_prompts(modals, qtbot, [None], [])
    workspace = WorkspaceOpener(None, give_up_text="Quit").open(encrypted_file)
    assert workspace is None
    [box] = message_boxes.shown
    assert box.title == "Cannot open the workspace"
    assert "secret.ciodesk is encrypted" in box.text
    assert "Open another…" in box.buttons and "Quit" in box.buttons


def test_a_damaged_encrypted_workspace_offers_its_newest_backup(
    qtbot, modals, message_boxes, encrypted_file: Path
) -> None:
    content = encrypted_file.read_bytes()
    encrypted_file.write_bytes(content[: len(content) // 2])
    answer_prompts(modals, qtbot, [SECRET], [])
    message_boxes.click = "Restore the backup of"

    workspace = WorkspaceOpener(None, give_up_text="Quit").open(encrypted_file)

    assert workspace is not None
    try:
        assert [s.name for s in workspace.stakeholders.list()] == ["Wang Fang"]
        assert workspace.encrypted
    finally:
        workspace.close()
    box = message_boxes.shown[0]
    assert "secret.ciodesk" in box.text and "damaged" in box.text
    assert "the damaged file is kept" in box.informative
    kept = [p for p in encrypted_file.parent.iterdir() if "damaged" in p.name]
    assert [p.read_bytes() for p in kept] == [content[: len(content) // 2]]  # moved aside


def test_a_workspace_open_elsewhere_can_be_opened_read_only(
    qtbot, message_boxes, encrypted_file: Path
) -> None:
    writer = Workspace.open(encrypted_file, passphrase=Passphrase(SECRET), backup=False)
    try:
        message_boxes.click = "Open read-only"
        opener = WorkspaceOpener(None, give_up_text="Cancel", passphrase=Passphrase(SECRET))
        reader = opener.open(encrypted_file)
        assert reader is not None and reader.read_only
        [box] = message_boxes.shown
        assert box.title == "Workspace in use"
        assert "already open in another CIO Desk window or program" in box.text
        assert box.buttons == ["Open read-only", "Cancel"]
        reader.close()

        message_boxes.click = None  # the escape button: Cancel
        assert WorkspaceOpener(None, give_up_text="Cancel").open(encrypted_file) is None
    finally:
        writer.close()


# ---------------------------------------------------------------- choosing a passphrase


def test_a_new_passphrase_is_checked_next_to_its_field(qtbot) -> None:
    dialog = NewPassphraseDialog(PassphraseMode.SET)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new_edit, "short")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_text("passphrase") == "Choose a passphrase of at least 8 characters."
    dialog.new_edit.setText("long enough words")
    dialog.confirm_edit.setText("long enough wrods")
    dialog.ok_button.click()
    assert dialog.error_text("confirmation") == "The two passphrases are not the same."
    dialog.confirm_edit.setText("long enough words")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert chosen is not None and chosen.matches("long enough words")


def test_changing_or_removing_asks_for_the_current_passphrase_first(qtbot) -> None:
    dialog = NewPassphraseDialog(PassphraseMode.REMOVE, lambda text: text == SECRET)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current_edit.setText("a guess")
    dialog.ok_button.click()
    assert dialog.error_text("current") == "That is not the current passphrase."
    dialog.current_edit.setText(SECRET)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen() is None

    change = NewPassphraseDialog(PassphraseMode.CHANGE, lambda text: text == SECRET)
    qtbot.addWidget(change)
    change.show()
    change.current_edit.setText(SECRET)
    change.new_edit.setText(SECRET)
    change.confirm_edit.setText(SECRET)
    change.ok_button.click()
    assert change.error_text("passphrase") == "The new passphrase is the same as the current one."


# ---------------------------------------------------------------- File > Security


@pytest.fixture
def controller(ws: Workspace) -> Iterator[WorkspaceController]:
    ws.stakeholders.add(StakeholderData(name="Wang Fang"))
    yield WorkspaceController(ws)


def fill_new_passphrase(modals, current: str | None, new: str | None) -> None:
    def act(widget: QWidget) -> None:
        assert isinstance(widget, NewPassphraseDialog)
        if current is not None:
            widget.current_edit.setText(current)
        if new is not None:
            widget.new_edit.setText(new)
            widget.confirm_edit.setText(new)
        widget.ok_button.click()

    modals.when_shown(NewPassphraseDialog, act)


def test_security_settings_encrypt_and_decrypt_the_open_workspace(
    qtbot, modals, message_boxes, controller: WorkspaceController, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(controller, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    workspace = controller.workspace
    assert "is not encrypted" in dialog.state_text()
    assert dialog.encrypt_button.isVisible() and not dialog.remove_button.isVisible()

    changed: list[object] = []
    controller.passphrase_changed.connect(changed.append)
    fill_new_passphrase(modals, None, SECRET)
    dialog.encrypt_button.click()

    assert workspace.encrypted and changed == [workspace]
    assert not workspace.path.read_bytes().startswith(SQLITE_HEADER)
    assert "is encrypted" in dialog.state_text()
    assert dialog.result_text().startswith("Encrypted;")
    assert dialog.change_button.isVisible() and dialog.remove_button.isVisible()
    assert [s.name for s in workspace.stakeholders.list()] == ["Wang Fang"]

    fill_new_passphrase(modals, SECRET, None)
    dialog.remove_button.click()
    assert not workspace.encrypted
    assert workspace.path.read_bytes().startswith(SQLITE_HEADER)
    assert dialog.result_text().startswith("Encryption removed;")
    assert message_boxes.shown == []


def test_the_lock_time_is_kept_in_the_settings(
    qtbot, controller: WorkspaceController, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(controller, settings)
    qtbot.addWidget(dialog)
    assert dialog.chosen_minutes() == 10  # the default
    dialog.lock_combo.setCurrentIndex(dialog.lock_combo.findData(0))
    assert dialog.lock_combo.currentText() == "Never"
    again = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert int(again.value("security/lock_after_minutes")) == 0


def test_a_read_only_workspace_cannot_change_its_passphrase(
    qtbot, encrypted_file: Path, tmp_path: Path
) -> None:
    writer = Workspace.open(encrypted_file, passphrase=Passphrase(SECRET), backup=False)
    reader = Workspace.open(encrypted_file, passphrase=Passphrase(SECRET), read_only=True)
    try:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        dialog = SettingsDialog(WorkspaceController(reader), settings)
        qtbot.addWidget(dialog)
        assert "open read-only" in dialog.state_text()
        assert not dialog.change_button.isEnabled() and not dialog.remove_button.isEnabled()
    finally:
        reader.close()
        writer.close()


def test_backups_made_while_encrypted_stay_encrypted(
    qtbot, modals, controller: WorkspaceController, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(controller, settings)
    qtbot.addWidget(dialog)
    fill_new_passphrase(modals, None, SECRET)
    dialog.encrypt_button.click()
    backup = controller.backup_now()
    assert b"Wang Fang" not in backup.read_bytes()
    assert backup in [b.path for b in list_backups(controller.workspace.path)]


def test_a_read_only_window_shows_every_page_and_refuses_edits_plainly(
    qtbot, message_boxes, tmp_path: Path
) -> None:
    from cio_desk.errors import ReadOnlyWorkspaceError
    from cio_desk.services.demo import write_demo_workspace
    from cio_desk.ui.main_window import MainWindow

    demo = write_demo_workspace(tmp_path / "demo.ciodesk", dt.date(2026, 3, 19))
    writer = Workspace.open(demo, backup=False)
    reader = Workspace.open(demo, read_only=True)
    controller = WorkspaceController(reader)
    window = MainWindow(controller, now=lambda: dt.datetime(2026, 3, 19, 10))
    qtbot.addWidget(window)
    try:
        window.show()
        for index in range(len(window.pages())):
            window.show_page(index)
            window.current_page().refresh()
        assert window.lock_guard.badge.text() == "Read-only"
        with pytest.raises(ReadOnlyWorkspaceError, match="open read-only"):
            reader.stakeholders.add(StakeholderData(name="Refused"))
        assert message_boxes.shown == []
    finally:
        controller.close()
        writer.close(backup=False)
