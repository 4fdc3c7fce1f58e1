"""What to do when a workspace cannot be opened: restore, open another, or start anew."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from cio_desk.errors import DamagedWorkspaceError, NewerWorkspaceError, WorkspaceError
from cio_desk.store.backup import BackupInfo
from cio_desk.ui import formatting as fmt


class Recovery(Enum):
    RESTORE_BACKUP = auto()
    OPEN_OTHER = auto()
    CREATE_NEW = auto()
    GIVE_UP = auto()


class OpenFailedDialog(QMessageBox):
    """Explains why the workspace did not open and offers the ways forward."""

    def __init__(
        self,
        error: WorkspaceError,
        backup: BackupInfo | None,
        *,
        give_up_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Cannot open the workspace"))
        self.setText(str(error))
        self.setInformativeText(self._advice(error, backup))
        self._choices: dict[QAbstractButton, Recovery] = {}
        if backup is not None:
            restore = self.tr("Restore the backup of {when}").format(
                when=fmt.date_time(backup.taken_at)
            )
            self._add(restore, QMessageBox.ButtonRole.AcceptRole, Recovery.RESTORE_BACKUP)
        self._add(self.tr("Open another…"), QMessageBox.ButtonRole.ActionRole, Recovery.OPEN_OTHER)
        self._add(self.tr("New workspace…"), QMessageBox.ButtonRole.ActionRole, Recovery.CREATE_NEW)
        give_up = self._add(give_up_text, QMessageBox.ButtonRole.RejectRole, Recovery.GIVE_UP)
        self.setEscapeButton(give_up)

    @classmethod
    def choose(
        cls,
        parent: QWidget | None,
        error: WorkspaceError,
        backup: BackupInfo | None,
        *,
        give_up_text: str,
    ) -> tuple[Recovery, bool]:
        """Ask the user; returns the choice and False when they gave up."""
        dialog = cls(error, backup, give_up_text=give_up_text, parent=parent)
        dialog.exec()
        choice = dialog._choices.get(dialog.clickedButton(), Recovery.GIVE_UP)
        dialog.deleteLater()
        return choice, choice is not Recovery.GIVE_UP

    def _add(self, text: str, role: QMessageBox.ButtonRole, choice: Recovery) -> QAbstractButton:
        button = self.addButton(text, role)
        self._choices[button] = choice
        return button

    def _advice(self, error: WorkspaceError, backup: BackupInfo | None) -> str:
        if isinstance(error, NewerWorkspaceError):
            return self.tr(
                "Install the newer version of CIO Desk to open it. The file was not changed."
            )
        if isinstance(error, DamagedWorkspaceError) and backup is not None:
            return self.tr(
                "You can bring back the newest healthy backup (the damaged file is kept, "
                "not deleted), or open or create another workspace."
            )
        if isinstance(error, DamagedWorkspaceError):
            return self.tr(
                "There is no healthy backup of it. The file was not changed; you can open "
                "or create another workspace."
            )
        return self.tr("You can open or create another workspace.")
