"""A small form whose Save records one undoable edit of the workspace.

A refused edit (any `CioDeskError`) is explained above Save and Cancel and
the dialog stays open, so nothing typed is lost:

    saved, accepted = StanceDialog(ws, history, person_id, today, parent).run()
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cio_desk.errors import CioDeskError
from cio_desk.ui.dialogs.field_errors import error_label
from cio_desk.ui.undo import EditHistory
from cio_desk.workspace import Workspace

R = TypeVar("R")


class SaveDialog(QDialog, Generic[R]):
    """Save runs `_attempt` (one step of the edit history); `saved` is what it returned."""

    def __init__(self, ws: Workspace, history: EditHistory, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._history = history
        self.saved: R | None = None

    def _finish(self, layout: QVBoxLayout, *, width: int, focus: QWidget) -> None:
        """End `layout` with the error line and Save / Cancel; `width` counts characters."""
        self.error_label = error_label(self)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * width)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        focus.setFocus()

    def run(self) -> tuple[R | None, bool]:
        """Show the dialog until it is saved or cancelled: (what was saved, saved?)."""
        accepted = self.exec() == QDialog.DialogCode.Accepted
        return self.saved, accepted

    def _attempt(self) -> R:
        """Record the edit the form describes; raises CioDeskError when it is refused."""
        raise NotImplementedError

    @Slot()
    def _save(self) -> None:
        self.error_label.hide()
        try:
            self.saved = self._attempt()
        except CioDeskError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()
