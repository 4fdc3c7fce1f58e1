"""Opening workspace files from the UI, with a way out when one cannot be opened.

A damaged, truncated, newer or missing file never ends in a traceback: the
user reads why, and can restore the newest healthy backup, open another
file, create a new one, or give up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cio_desk.errors import DamagedWorkspaceError, WorkspaceError
from cio_desk.store.backup import (
    BackupInfo,
    list_backups,
    restore_workspace,
    verify_workspace_file,
)
from cio_desk.store.paths import WORKSPACE_SUFFIX
from cio_desk.ui.dialogs.open_failed import OpenFailedDialog, Recovery
from cio_desk.workspace import Workspace

Attempt = Callable[[Path], Workspace]


def newest_healthy_backup(workspace: Path) -> BackupInfo | None:
    """The newest backup of `workspace` that passes an integrity check."""
    for backup in list_backups(workspace):
        try:
            verify_workspace_file(backup.path)
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


class WorkspaceOpener:
    """Opens or creates workspaces on behalf of a window (or of start-up, with no window)."""

    def __init__(self, parent: QWidget | None, *, give_up_text: str) -> None:
        self._parent = parent
        self._give_up_text = give_up_text

    def open(self, path: Path, *, create: bool = False) -> Workspace | None:
        """Open `path` (creating it if missing when `create`); None if the user gives up."""
        return self._until_open(path, lambda p: Workspace.open(p, create=create))

    def create_new(self, path: Path) -> Workspace | None:
        """Create a new workspace at `path`; an existing file is refused, not replaced."""
        return self._until_open(path, Workspace.create)

    def _until_open(self, path: Path, attempt: Attempt) -> Workspace | None:
        while True:
            try:
                return attempt(path)
            except WorkspaceError as error:
                failure = error
            except OSError as error:
                failure = WorkspaceError(
                    QCoreApplication.translate(
                        "WorkspaceOpener", "{path} cannot be opened: {reason}."
                    ).format(path=path, reason=error.strerror or error)
                )
            backup = (
                newest_healthy_backup(path) if isinstance(failure, DamagedWorkspaceError) else None
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
                    path, attempt = other, Workspace.open
            elif choice is Recovery.CREATE_NEW:
                title = QCoreApplication.translate("WorkspaceOpener", "New workspace")
                other = ask_new_path(self._parent, path.parent, title)
                if other is not None:
                    path, attempt = other, Workspace.create

    def _restore(self, path: Path, backup: BackupInfo) -> None:
        try:
            restore_workspace(path, backup.path)
        except (WorkspaceError, OSError) as error:
            QMessageBox.warning(
                self._parent,
                QCoreApplication.translate("WorkspaceOpener", "Restore failed"),
                str(error),
            )
