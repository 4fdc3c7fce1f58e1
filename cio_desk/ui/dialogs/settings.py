"""File > Security: the workspace passphrase and the lock.

Passphrase changes happen at once, through the window's controller (the
workspace and its backups are converted, then the dialog says what was
done); the lock's idle time is kept in the app settings when the dialog
closes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError
from cio_desk.services import security
from cio_desk.store.crypto import Passphrase
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseMode
from cio_desk.ui.lock import LOCK_CHOICES, lock_minutes, set_lock_minutes
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label

MIN_WIDTH = 520


class SettingsDialog(QDialog):
    """Encrypt, change or remove the passphrase; remember it; choose when to lock."""

    def __init__(
        self,
        controller: WorkspaceController,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self.setWindowTitle(self.tr("Security"))
        self.setMinimumWidth(MIN_WIDTH)
        self._build()
        self._connect_signals()
        self._refresh()

    @classmethod
    def edit(
        cls, parent: QWidget | None, controller: WorkspaceController, settings: QSettings
    ) -> tuple[int, bool]:
        """Show the dialog; returns the lock's idle minutes (0: off) and whether it was closed."""
        dialog = cls(controller, settings, parent)
        dialog.exec()
        minutes = dialog.chosen_minutes()
        dialog.deleteLater()
        return minutes, True

    def chosen_minutes(self) -> int:
        return int(self.lock_combo.currentData())

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self._encryption_box())
        layout.addWidget(self._lock_box())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout.addWidget(self.buttons)

    def _encryption_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Encryption"), self)
        column = QVBoxLayout(box)
        self.state_label = plain_label("", box)
        column.addWidget(self.state_label)
        row = QHBoxLayout()
        self.encrypt_button = QPushButton(self.tr("&Encrypt with a passphrase…"), box)
        self.change_button = QPushButton(self.tr("&Change passphrase…"), box)
        self.remove_button = QPushButton(self.tr("&Remove passphrase…"), box)
        for button in (self.encrypt_button, self.change_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.remember_check = QCheckBox(self.tr("Re&member the passphrase on this computer"), box)
        self.remember_check.setToolTip(
            self.tr("Kept in the system keyring, which your login protects.")
        )
        column.addWidget(self.remember_check)
        self.result_label = plain_label("", box)
        set_tone(self.result_label, "good")
        self.result_label.hide()
        column.addWidget(self.result_label)
        return box

    def _lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lock"), self)
        column = QVBoxLayout(box)
        form = QFormLayout()
        self.lock_combo = QComboBox(box)
        for minutes in LOCK_CHOICES:
            self.lock_combo.addItem(self._lock_choice_text(minutes), minutes)
        self.lock_combo.setCurrentIndex(
            max(self.lock_combo.findData(lock_minutes(self._settings)), 0)
        )
        form.addRow(self.tr("Lock &automatically"), self.lock_combo)
        column.addLayout(form)
        note = plain_label(
            self.tr(
                "The lock hides everything until the workspace passphrase is typed again. "
                "It also locks when the computer wakes from sleep, and at once with "
                "File > Lock now (Ctrl+L). It needs an encrypted workspace."
            ),
            box,
        )
        set_tone(note, "muted")
        column.addWidget(note)
        return box

    def _lock_choice_text(self, minutes: int) -> str:
        if minutes == 0:
            return self.tr("Never")
        if minutes == 1:
            return self.tr("After 1 minute without use")
        return self.tr("After {count} minutes without use").format(count=minutes)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.encrypt_button.clicked.connect(self._encrypt)
        self.change_button.clicked.connect(self._change)
        self.remove_button.clicked.connect(self._remove)
        self.remember_check.toggled.connect(self._remember_toggled)
        self.lock_combo.currentIndexChanged.connect(self._lock_changed)

    def _refresh(self) -> None:
        workspace = self._controller.workspace
        encrypted = workspace.encrypted
        if workspace.read_only:
            state = self.tr("This workspace is open read-only, so its passphrase cannot change.")
        elif encrypted:
            state = self.tr(
                "{name} is encrypted: without its passphrase nobody can read it or its backups."
            ).format(name=workspace.path.name)
        else:
            state = self.tr(
                "{name} is not encrypted: anyone who can read the file can read your notes."
            ).format(name=workspace.path.name)
        self.state_label.setText(state)
        editable = not workspace.read_only
        self.encrypt_button.setVisible(not encrypted)
        self.encrypt_button.setEnabled(editable)
        self.change_button.setVisible(encrypted)
        self.remove_button.setVisible(encrypted)
        self.change_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        can_remember = encrypted and security.keyring_available()
        self.remember_check.setVisible(can_remember)
        if can_remember:
            self.remember_check.blockSignals(True)
            self.remember_check.setChecked(security.recall(workspace.path) is not None)
            self.remember_check.blockSignals(False)

    # ------------------------------------------------------------ actions

    @Slot()
    def _encrypt(self) -> None:
        self._apply(PassphraseMode.SET)

    @Slot()
    def _change(self) -> None:
        self._apply(PassphraseMode.CHANGE)

    @Slot()
    def _remove(self) -> None:
        self._apply(PassphraseMode.REMOVE)

    def _apply(self, mode: PassphraseMode) -> None:
        workspace = self._controller.workspace
        new, accepted = NewPassphraseDialog.choose(self, mode, workspace.passphrase_matches)
        if not accepted:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change = self._controller.change_passphrase(new)
        except CioDeskError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Security"), str(error))
            return
        QApplication.restoreOverrideCursor()
        self._after_change(new, change.backups_converted, len(change.backups_left))
        self._refresh()

    def _after_change(self, new: Passphrase | None, converted: int, left: int) -> None:
        path = self._controller.workspace.path
        if new is None:
            security.forget(path)
            text = self.tr("Encryption removed; backups decrypted too: {count}.")
        else:
            if security.recall(path) is not None:
                security.remember(path, new)  # keep a remembered passphrase current
            text = self.tr("Encrypted; backups encrypted too: {count}.")
        text = text.format(count=converted)
        if left:
            text += " " + self.tr(
                "Backups that could not be converted (damaged, or under an older "
                "passphrase) and were left as they were: {count}."
            ).format(count=left)
        self.result_label.setText(text)
        self.result_label.show()

    @Slot(bool)
    def _remember_toggled(self, checked: bool) -> None:
        workspace = self._controller.workspace
        if checked and workspace.passphrase is not None:
            if not security.remember(workspace.path, workspace.passphrase):
                self.remember_check.setChecked(False)
        elif not checked:
            security.forget(workspace.path)

    @Slot(int)
    def _lock_changed(self, _index: int) -> None:
        set_lock_minutes(self._settings, self.chosen_minutes())

    def result_text(self) -> str:
        return self.result_label.text()

    def state_text(self) -> str:
        return self.state_label.text()
