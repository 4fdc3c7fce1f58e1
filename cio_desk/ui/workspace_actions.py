"""The File menu's workspace handling: new, open, save as, back up, restore, open for changes.

`WorkspaceActions` builds those menu actions for one main window, asks for
files and confirmations with the window as parent, and hands each newly
opened workspace to the window's `WorkspaceController`; the window follows
`workspace_changed` as for any other switch. It keeps its actions enabled
only when they can do something: Save As once a workspace is open, Back up
and Restore only when that workspace can be changed.

Like the window, it imports the store, the opener and the dialogs only when
an action runs, so start-up stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from cio_desk.errors import WorkspaceError
from cio_desk.ui.controller import WorkspaceController

if TYPE_CHECKING:
    from cio_desk.ui.opener import WorkspaceOpener
    from cio_desk.workspace import Workspace

STATUS_SHORT_MS = 5000
STATUS_LONG_MS = 8000


class WorkspaceActions(QObject):
    """File > New workspace/Open/Save As/Back up now/Restore, and reopening for changes."""

    # The open workspace changed outside the edit history (a new file's profile
    # was filled in): the window shows the page in view afresh.
    content_changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        controller: WorkspaceController,
        *,
        now: Callable[[], dt.datetime],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._now = now
        self._build_actions()
        self._connect_signals()
        self._update_actions()

    # ------------------------------------------------------------ actions

    def _action(
        self, text: str, slot: Callable[[], None], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        # Ctrl+N is "new item on this page"; a new workspace is rarer.
        self.new_action = self._action(
            self.tr("&New workspace…"), self._new_workspace, QKeySequence("Ctrl+Shift+N")
        )
        self.open_action = self._action(
            self.tr("&Open…"), self._open_workspace, QKeySequence(keys.Open)
        )
        self.save_as_action = self._action(
            self.tr("Save &As…"), self._save_as, QKeySequence(keys.SaveAs)
        )
        self.backup_action = self._action(self.tr("&Back up now"), self._backup_now)
        self.restore_action = self._action(self.tr("&Restore from backup…"), self._restore_backup)

    def file_actions(self) -> list[QAction]:
        """The File menu's first entries: New workspace…, Open…, Save As…."""
        return [self.new_action, self.open_action, self.save_as_action]

    def backup_actions(self) -> list[QAction]:
        """The File menu's backup entries: Back up now, Restore from backup…."""
        return [self.backup_action, self.restore_action]

    def _connect_signals(self) -> None:
        self._controller.workspace_changed.connect(self._workspace_changed)

    @Slot(object)
    def _workspace_changed(self, _workspace: Workspace) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        """Save As needs an open workspace; Back up and Restore need one that can change."""
        has_workspace = self._controller.has_workspace
        writable = has_workspace and not self._controller.workspace.read_only
        self.save_as_action.setEnabled(has_workspace)
        for action in self.backup_actions():
            action.setEnabled(writable)

    def _show_status(self, text: str, timeout_ms: int) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)

    # ------------------------------------------------------------ switching files

    @Slot()
    def reopen_for_changes(self) -> None:
        """Open the read-only workspace again for changes, if no other window has it now."""
        from cio_desk.workspace import Workspace

        current = self._controller.workspace
        try:
            workspace = Workspace.open(current.path, passphrase=current.passphrase)
        except WorkspaceError as error:
            QMessageBox.information(self._window, self.tr("Open for changes"), str(error))
            return
        self._controller.switch_to(workspace)
        self._show_status(
            self.tr("{name} is open for changes.").format(name=workspace.path.name),
            STATUS_SHORT_MS,
        )

    def _start_folder(self) -> Path:
        return self._controller.workspace.path.parent

    def _opener(self) -> WorkspaceOpener:
        from cio_desk.ui.opener import WorkspaceOpener

        return WorkspaceOpener(self._window, give_up_text=self.tr("Cancel"))

    def _adopt(self, workspace: Workspace) -> None:
        """Switch to `workspace`, asking for the profile if it has none (and can take one)."""
        from cio_desk.ui.dialogs.first_run import ProfileDialog

        self._controller.switch_to(workspace)
        if workspace.profile.get() is None and not workspace.read_only:
            ProfileDialog.edit_profile(
                self._window, workspace, today=self._now().date(), first_run=True
            )
            self.content_changed.emit()
        self._show_status(
            self.tr("Opened {name}.").format(name=workspace.path.name), STATUS_SHORT_MS
        )

    @Slot()
    def _new_workspace(self) -> None:
        from cio_desk.ui.opener import ask_new_path

        path = ask_new_path(self._window, self._start_folder(), self.tr("New workspace"))
        if path is None:
            return
        workspace = self._opener().create_new(path)
        if workspace is not None:
            self._adopt(workspace)

    @Slot()
    def _open_workspace(self) -> None:
        from cio_desk.ui.opener import ask_open_path

        path = ask_open_path(self._window, self._start_folder())
        if path is None:
            return
        if self._controller.is_current(path):
            self._show_status(self.tr("That workspace is already open."), STATUS_SHORT_MS)
            return
        workspace = self._opener().open(path)
        if workspace is not None:
            self._adopt(workspace)

    @Slot()
    def _save_as(self) -> None:
        from cio_desk.ui.opener import ask_new_path

        path = ask_new_path(self._window, self._start_folder(), self.tr("Save workspace as"))
        if path is None:
            return
        try:
            copy = self._controller.save_as(path)
        except WorkspaceError as error:
            QMessageBox.warning(self._window, self.tr("Save As"), str(error))
            return
        self._show_status(
            self.tr("Saved as {path}; you are now working in it.").format(path=copy.path),
            STATUS_LONG_MS,
        )

    # ------------------------------------------------------------ backups

    @Slot()
    def _backup_now(self) -> None:
        try:
            target = self._controller.backup_now()
        except WorkspaceError as error:
            QMessageBox.warning(self._window, self.tr("Back up now"), str(error))
            return
        QMessageBox.information(
            self._window,
            self.tr("Backed up"),
            self.tr("A copy of the workspace was saved to:\n{path}").format(path=target),
        )

    @Slot()
    def _restore_backup(self) -> None:
        from cio_desk.ui import formatting as fmt
        from cio_desk.ui.dialogs.restore_backup import RestoreBackupDialog

        backup, chosen = RestoreBackupDialog.choose_backup(
            self._window, self._controller.workspace.backups()
        )
        if not chosen or backup is None:
            return
        when = fmt.date_time(backup.taken_at, seconds=True)
        answer = QMessageBox.question(
            self._window,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the content of {name} with the backup of {when}?\n\n"
                "The current content is kept as a backup first."
            ).format(name=self._controller.workspace.path.name, when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._controller.restore(backup)
        except WorkspaceError as error:
            QMessageBox.warning(self._window, self.tr("Restore from backup"), str(error))
            return
        self._show_status(
            self.tr("Restored the backup of {when}.").format(when=when), STATUS_LONG_MS
        )
