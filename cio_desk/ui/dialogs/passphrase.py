"""Passphrase dialogs: asking for the one that opens a workspace, and choosing a new one.

    answer, accepted = PassphrasePrompt.ask(parent, "acme.ciodesk")
    new, accepted = NewPassphraseDialog.choose(parent, PassphraseMode.CHANGE, check)

Neither dialog keeps the text after it closes, and neither shows it unless
the user ticks "Show".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.store.crypto import MIN_NEW_LENGTH, Passphrase
from cio_desk.ui.dialogs.field_errors import error_label
from cio_desk.ui.widgets.cards import plain_label

MIN_WIDTH = 420


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(1024)
    return edit


@dataclass(frozen=True)
class PromptAnswer:
    """The passphrase typed, and whether to remember it on this computer."""

    passphrase: Passphrase
    remember: bool


class PassphrasePrompt(QDialog):
    """Asks for the passphrase of an encrypted workspace."""

    def __init__(
        self,
        name: str,
        *,
        error: str = "",
        can_remember: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._answer: PromptAnswer | None = None
        self.setWindowTitle(self.tr("Encrypted workspace"))
        self.setMinimumWidth(MIN_WIDTH)
        self._build(name, can_remember)
        if error:
            self._show_error(error)
        self._connect_signals()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        name: str,
        *,
        error: str = "",
        can_remember: bool = False,
    ) -> tuple[PromptAnswer | None, bool]:
        """Show the prompt; returns the answer and whether the user chose Open."""
        dialog = cls(name, error=error, can_remember=can_remember, parent=parent)
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        answer = dialog.answer()
        dialog.deleteLater()
        return answer, accepted

    def answer(self) -> PromptAnswer | None:
        return self._answer

    def error_text(self) -> str:
        return self.error_label.text()

    def _build(self, name: str, can_remember: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        intro = plain_label(
            self.tr("{name} is encrypted. Type its passphrase to open it.").format(name=name),
            self,
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase_edit = _password_edit(self)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase"), self.passphrase_edit)
        layout.addLayout(form)
        self.error_label = error_label(self)
        layout.addWidget(self.error_label)
        self.show_check = QCheckBox(self.tr("&Show the passphrase"), self)
        layout.addWidget(self.show_check)
        self.remember_check = QCheckBox(self.tr("&Remember it on this computer"), self)
        self.remember_check.setToolTip(
            self.tr("Kept in the system keyring, which your login protects.")
        )
        self.remember_check.setVisible(can_remember)
        layout.addWidget(self.remember_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        self.show_check.toggled.connect(self._show_text)

    @Slot(bool)
    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)

    @Slot()
    def _open(self) -> None:
        try:
            passphrase = Passphrase(self.passphrase_edit.text())
        except ValidationError as error:
            self._show_error(error.message)
            return
        self._answer = PromptAnswer(passphrase, self.remember_check.isChecked())
        self.passphrase_edit.clear()
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)


class PassphraseMode(Enum):
    SET = auto()
    CHANGE = auto()
    REMOVE = auto()


class NewPassphraseDialog(QDialog):
    """Sets, changes or removes the passphrase; the current one is asked first when there is one.

    `check_current(text)` says whether `text` is the current passphrase.
    """

    def __init__(
        self,
        mode: PassphraseMode,
        check_current: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self._check_current = check_current
        self._chosen: Passphrase | None = None
        self.setWindowTitle(self._title())
        self.setMinimumWidth(MIN_WIDTH)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QLineEdit] = {}
        self._build()
        self._connect_signals()

    @classmethod
    def choose(
        cls,
        parent: QWidget | None,
        mode: PassphraseMode,
        check_current: Callable[[str], bool] | None = None,
    ) -> tuple[Passphrase | None, bool]:
        """Show the dialog; returns the new passphrase (None to remove it) and whether accepted."""
        dialog = cls(mode, check_current, parent)
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen()
        dialog.deleteLater()
        return chosen, accepted

    def chosen(self) -> Passphrase | None:
        return self._chosen

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None else ""

    def _title(self) -> str:
        if self._mode is PassphraseMode.SET:
            return self.tr("Encrypt the workspace")
        if self._mode is PassphraseMode.CHANGE:
            return self.tr("Change the passphrase")
        return self.tr("Remove the passphrase")

    def _intro(self) -> str:
        if self._mode is PassphraseMode.SET:
            return self.tr(
                "The workspace and its backups will be encrypted: without the passphrase "
                "nobody can read them, even with your laptop in hand. Nobody can recover "
                "a forgotten passphrase, so keep it somewhere safe. It needs at least "
                "{count} characters; a few unrelated words make a strong one."
            ).format(count=MIN_NEW_LENGTH)
        if self._mode is PassphraseMode.CHANGE:
            return self.tr("The workspace and its backups will open only with the new passphrase.")
        return self.tr(
            "The workspace and its backups will be stored unencrypted: anyone who can "
            "read the files can read your notes."
        )

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(plain_label(self._intro(), self))
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if self._mode is not PassphraseMode.SET:
            self.current_edit = self._add_field("current", self.tr("C&urrent passphrase"))
        if self._mode is not PassphraseMode.REMOVE:
            self.new_edit = self._add_field("passphrase", self.tr("&New passphrase"))
            self.confirm_edit = self._add_field("confirmation", self.tr("&Type it again"))
        layout.addLayout(self._form)
        self.show_check = QCheckBox(self.tr("&Show the passphrases"), self)
        layout.addWidget(self.show_check)
        ok_text = {
            PassphraseMode.SET: self.tr("Encrypt"),
            PassphraseMode.CHANGE: self.tr("Change"),
            PassphraseMode.REMOVE: self.tr("Remove encryption"),
        }[self._mode]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        next(iter(self._fields.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_field(self, field: str, label: str) -> QLineEdit:
        edit = _password_edit(self)
        self._form.addRow(label, edit)
        error = error_label(self)
        self._form.addRow("", error)
        self._form.setRowVisible(self._form.rowCount() - 1, False)
        self._errors[field] = error
        self._fields[field] = edit
        return edit

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.show_check.toggled.connect(self._show_text)

    @Slot(bool)
    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in self._fields.values():
            edit.setEchoMode(mode)

    @Slot()
    def _accept(self) -> None:
        for label in self._errors.values():
            self._form.setRowVisible(label, False)
        try:
            self._chosen = self._validated()
        except ValidationError as error:
            self._show_error(error)
            return
        for edit in self._fields.values():
            edit.clear()
        self.accept()

    def _validated(self) -> Passphrase | None:
        if self._mode is not PassphraseMode.SET:
            current = self.current_edit.text()
            if self._check_current is None or not self._check_current(current):
                raise ValidationError("current", self.tr("That is not the current passphrase."))
        if self._mode is PassphraseMode.REMOVE:
            return None
        chosen = Passphrase.new(self.new_edit.text(), self.confirm_edit.text())
        if self._check_current is not None and self._check_current(chosen.reveal()):
            raise ValidationError(
                "passphrase", self.tr("The new passphrase is the same as the current one.")
            )
        return chosen

    def _show_error(self, error: ValidationError) -> None:
        label = self._errors.get(error.field) or next(iter(self._errors.values()))
        label.setText(error.message)
        self._form.setRowVisible(label, True)
        field = self._fields.get(error.field)
        if field is not None:
            field.selectAll()
            field.setFocus(Qt.FocusReason.OtherFocusReason)
