"""The open workspace of a window, and switching it for another file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from cio_desk.errors import WorkspaceError

if TYPE_CHECKING:  # the store is imported once the window is on screen
    from cio_desk.store.backup import BackupInfo
    from cio_desk.store.crypto import Passphrase
    from cio_desk.store.encryption import PassphraseChange
    from cio_desk.workspace import Workspace


class WorkspaceController(QObject):
    """Owns the open `Workspace`; pages follow `workspace_changed`.

    At start-up it holds no workspace until the first one is opened (the
    window is shown first). Switching opens the new file before closing the
    current one, so a file that fails to open never leaves the window
    without a workspace.
    """

    workspace_changed = Signal(object)
    # The open workspace was encrypted, decrypted or given a new passphrase.
    passphrase_changed = Signal(object)

    def __init__(self, workspace: Workspace | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = workspace

    @property
    def has_workspace(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            raise WorkspaceError(
                QCoreApplication.translate("WorkspaceController", "No workspace is open.")
            )
        return self._workspace

    def is_current(self, path: Path) -> bool:
        return self._workspace is not None and _same_file(self._workspace.path, path)

    def switch_to(self, workspace: Workspace) -> None:
        """Make `workspace` the open one and close the previous one."""
        previous, self._workspace = self._workspace, workspace
        if previous is not None and previous is not workspace:
            previous.close()
        self.workspace_changed.emit(workspace)

    def save_as(self, target: Path) -> Workspace:
        """Copy the workspace to `target` (a new file) and continue in the copy."""
        target = target.expanduser().absolute()
        if target.exists():
            raise WorkspaceError(
                QCoreApplication.translate(
                    "WorkspaceController", "{path} already exists; choose a new file name."
                ).format(path=target)
            )
        from cio_desk.store.backup import copy_database
        from cio_desk.workspace import Workspace

        passphrase = self.workspace.passphrase
        copy_database(self.workspace.path, target, passphrase=passphrase)
        copy = Workspace.open(target, backup=False, passphrase=passphrase)
        self.switch_to(copy)
        return copy

    def backup_now(self) -> Path:
        """A manual backup of the open workspace; returns the backup file."""
        return self.workspace.backup_now("manual")

    def restore(self, backup: BackupInfo) -> Path | None:
        """Replace the workspace's content with `backup` and reopen it.

        Returns the safety copy of the content it replaced. If the backup is
        refused, the workspace stays as it was and the error is raised. The
        workspace keeps its lock throughout, so no other window slips in.
        """
        try:
            safety = self.workspace.restore(backup.path)
        finally:
            self.workspace_changed.emit(self.workspace)
        return safety

    def change_passphrase(self, new: Passphrase | None) -> PassphraseChange:
        """Encrypt the workspace with `new`, change its passphrase, or (None) decrypt it."""
        change = self.workspace.change_passphrase(new)
        self.passphrase_changed.emit(self.workspace)
        return change

    def close(self) -> None:
        """Close the open workspace (it backs itself up if anything changed)."""
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.expanduser().resolve()
    except OSError:
        return False
