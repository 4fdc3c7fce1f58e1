"""The open workspace of a window, and switching it for another file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from cio_desk.errors import WorkspaceError
from cio_desk.store.backup import BackupInfo, copy_database, restore_workspace
from cio_desk.workspace import Workspace


class WorkspaceController(QObject):
    """Owns the open `Workspace`; pages follow `workspace_changed`.

    Switching opens the new file before closing the current one, so a file
    that fails to open never leaves the window without a workspace.
    """

    workspace_changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = workspace

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
        copy_database(self.workspace.path, target)
        copy = Workspace.open(target, backup=False)
        self.switch_to(copy)
        return copy

    def backup_now(self) -> Path:
        """A manual backup of the open workspace; returns the backup file."""
        return self.workspace.backup_now("manual")

    def restore(self, backup: BackupInfo) -> Path | None:
        """Replace the workspace's content with `backup` and reopen it.

        Returns the safety copy of the content it replaced. If the backup is
        refused, the workspace is reopened unchanged and the error raised.
        """
        path = self.workspace.path
        self.workspace.close()
        try:
            safety = restore_workspace(path, backup.path)
        finally:
            self._workspace = Workspace.open(path, backup=False)
            self.workspace_changed.emit(self._workspace)
        return safety

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
