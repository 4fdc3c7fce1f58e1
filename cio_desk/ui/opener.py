"""Opening workspace files from the UI, with a way out when one cannot be opened.

A damaged, truncated, newer or missing file never ends in a traceback: the
user reads why, and can restore the newest healthy backup, open another
file, create a new one, or give up. An encrypted file asks for its
passphrase (a remembered one is tried first); a file another window or
program has open, or one in a read-only folder, can be opened read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cio_desk.errors import (
    DamagedWorkspaceError,
    PassphraseRequiredError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
    WorkspaceInUseError,
    WrongPassphraseError,
)
from cio_desk.services import security
from cio_desk.store.backup import (
    BackupInfo,
    list_backups,
    restore_workspace,
    verify_workspace_file,
)
from cio_desk.store.crypto import Passphrase
from cio_desk.store.lock import WorkspaceLock
from cio_desk.store.paths import WORKSPACE_SUFFIX
from cio_desk.ui.dialogs.open_failed import OpenFailedDialog, Recovery
from cio_desk.ui.dialogs.passphrase import PassphrasePrompt
from cio_desk.workspace import Workspace

# (path, passphrase, read_only) -> the open workspace
Attempt = Callable[[Path, Passphrase | None, bool], Workspace]


def newest_healthy_backup(
    workspace: Path, passphrase: Passphrase | None = None
) -> BackupInfo | None:
    """The newest backup of `workspace` that passes an integrity check (with `passphrase`)."""
    for backup in list_backups(workspace):
        try:
            verify_workspace_file(backup.path, passphrase)
        except WorkspaceError:
            continue
        return backup
    return None


def file_filter() -> str:
    return QCoreApplication.translate("WorkspaceOpener", "CIO Desk workspaces (*{suffix})").format(
        suffix=WORKSPACE_SUFFIX
    )


def ask_open_path(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for an existing workspace file; None when the user cancels."""
    title = QCoreApplication.translate("WorkspaceOpener", "Open workspace")
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), file_filter())
    return Path(name) if name else None


def ask_new_path(parent: QWidget | None, start: Path, title: str) -> Path | None:
    """Ask for a new file name (the suffix is added if missing); None on cancel.

    Existing files are never overwritten here, so the dialog does not offer to.
    """
    name, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(start),
        file_filter(),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == WORKSPACE_SUFFIX else path.with_name(path.name + WORKSPACE_SUFFIX)


def _open(path: Path, passphrase: Passphrase | None, read_only: bool) -> Workspace:
    return Workspace.open(path, passphrase=passphrase, read_only=read_only)


def _create(path: Path, passphrase: Passphrase | None, _read_only: bool) -> Workspace:
    return Workspace.create(path)


class WorkspaceOpener:
    """Opens or creates workspaces on behalf of a window (or of start-up, with no window).

    `passphrase`, if given, is tried first on an encrypted file (start-up
    with `--passphrase-stdin`).
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        give_up_text: str,
        passphrase: Passphrase | None = None,
    ) -> None:
        self._parent = parent
        self._give_up_text = give_up_text
        self._passphrase = passphrase
        self._read_only = False
        self._remember = False
        self._recalled = False

    def open(self, path: Path, *, create: bool = False) -> Workspace | None:
        """Open `path` (creating it if missing when `create`); None if the user gives up."""

        def attempt(p: Path, passphrase: Passphrase | None, read_only: bool) -> Workspace:
            return Workspace.open(p, create=create, passphrase=passphrase, read_only=read_only)

        return self._until_open(path, attempt)

    def create_new(self, path: Path) -> Workspace | None:
        """Create a new workspace at `path`; an existing file is refused, not replaced."""
        return self._until_open(path, _create)

    def _until_open(self, path: Path, attempt: Attempt) -> Workspace | None:
        while True:
            try:
                workspace = attempt(path, self._passphrase, self._read_only)
            except (PassphraseRequiredError, WrongPassphraseError) as error:
                if self._ask_passphrase(path, error):
                    continue
                failure: WorkspaceError = error
            except (WorkspaceInUseError, ReadOnlyWorkspaceError) as error:
                if not self._read_only and self._offer_read_only(error):
                    self._read_only = True
                    continue
                return None
            except WorkspaceError as error:
                failure = error
            except OSError as error:
                failure = WorkspaceError(
                    QCoreApplication.translate(
                        "WorkspaceOpener", "{path} cannot be opened: {reason}."
                    ).format(path=path, reason=error.strerror or error)
                )
            else:
                self._remember_passphrase(workspace)
                return workspace
            next_step = self._recover(path, failure)
            if next_step is None:
                return None
            path, attempt = next_step

    def _recover(self, path: Path, failure: WorkspaceError) -> tuple[Path, Attempt] | None:
        """Offer the ways forward; the next file and how to open it, or None to give up."""
        backup = (
            newest_healthy_backup(path, self._passphrase)
            if isinstance(failure, DamagedWorkspaceError)
            else None
        )
        choice, proceed = OpenFailedDialog.choose(
            self._parent, failure, backup, give_up_text=self._give_up_text
        )
        if not proceed:
            return None
        if choice is Recovery.RESTORE_BACKUP and backup is not None:
            self._restore(path, backup)
        elif choice is Recovery.OPEN_OTHER:
            other = ask_open_path(self._parent, path.parent)
            if other is not None:
                self._forget_file_state()
                return other, _open
        elif choice is Recovery.CREATE_NEW:
            title = QCoreApplication.translate("WorkspaceOpener", "New workspace")
            other = ask_new_path(self._parent, path.parent, title)
            if other is not None:
                self._forget_file_state()
                return other, _create
        return path, _open

    def _forget_file_state(self) -> None:
        self._passphrase, self._read_only, self._recalled = None, False, False

    def _ask_passphrase(self, path: Path, error: WorkspaceError) -> bool:
        """Find or ask the passphrase of `path`; False when the user cancels."""
        if self._passphrase is None and not self._recalled:
            self._recalled = True
            remembered = security.recall(path)
            if remembered is not None:
                self._passphrase = remembered
                return True
        wrong = isinstance(error, WrongPassphraseError)
        if wrong and self._recalled and not self._remember:
            security.forget(path)  # a remembered passphrase that no longer fits
        answer, accepted = PassphrasePrompt.ask(
            self._parent,
            path.name,
            error=QCoreApplication.translate(
                "WorkspaceOpener", "That passphrase does not open the workspace."
            )
            if wrong
            else "",
            can_remember=security.keyring_available(),
        )
        if not accepted or answer is None:
            return False
        self._passphrase, self._remember = answer.passphrase, answer.remember
        return True

    def _remember_passphrase(self, workspace: Workspace) -> None:
        if self._remember and workspace.passphrase is not None:
            security.remember(workspace.path, workspace.passphrase)

    def _offer_read_only(self, error: WorkspaceError) -> bool:
        """Explain why the file cannot be changed here; True when the user opens it read-only."""
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Information)
        title = (
            QCoreApplication.translate("WorkspaceOpener", "Workspace in use")
            if isinstance(error, WorkspaceInUseError)
            else QCoreApplication.translate("WorkspaceOpener", "Read-only workspace")
        )
        box.setWindowTitle(title)
        box.setText(str(error))
        box.setInformativeText(
            QCoreApplication.translate(
                "WorkspaceOpener",
                "You can open it read-only: you will see everything, and change nothing.",
            )
        )
        read_only = box.addButton(
            QCoreApplication.translate("WorkspaceOpener", "Open read-only"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        cancel = box.addButton(self._give_up_text, QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.exec()
        chosen = box.clickedButton() is read_only
        box.deleteLater()
        return chosen

    def _restore(self, path: Path, backup: BackupInfo) -> None:
        try:
            with WorkspaceLock.acquire(path):
                restore_workspace(path, backup.path, passphrase=self._passphrase)
        except (WorkspaceError, OSError) as error:
            QMessageBox.warning(
                self._parent,
                QCoreApplication.translate("WorkspaceOpener", "Restore failed"),
                str(error),
            )
