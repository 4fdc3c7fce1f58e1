"""Undo and redo for every edit, built on the services' reversible operations.

An edit is performed at once (and saved: there is no Save button); only a
successful one is recorded. Undo and redo call the services again, so the
database is always the single source of truth:

    record = history.perform(
        self.tr("Add stakeholder"),
        do=lambda: ws.stakeholders.add(data),
        undo=lambda added: ws.stakeholders.delete(added.id),
    )
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cio_desk.errors import CioDeskError

R = TypeVar("R")


class _ServiceEdit(QUndoCommand):
    """One recorded edit. The push does not run it again: it already ran."""

    def __init__(
        self,
        text: str,
        result: Any,
        undo: Callable[[Any], object],
        redo: Callable[[Any], Any],
        history: EditHistory,
    ) -> None:
        super().__init__(text)
        self._result = result
        self._undo = undo
        self._redo = redo
        self._history = history
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._history._run(self, lambda: self._store(self._redo(self._result)))

    def undo(self) -> None:
        self._history._run(self, lambda: self._undo(self._result))

    def _store(self, result: Any) -> None:
        if result is not None:
            self._result = result


class EditHistory(QObject):
    """The undo stack of one window, and the signal pages refresh on.

    `changed` fires after every edit, undo and redo, so every page showing
    the data can read it again. `failed` carries the message of an undo or
    redo the services refused (the item changed meanwhile); that step is
    then dropped from the history.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)

    def perform(
        self,
        text: str,
        do: Callable[[], R],
        undo: Callable[[R], object],
        redo: Callable[[R], R | None] | None = None,
    ) -> R:
        """Run `do` now; if it succeeds, record it so it can be undone.

        `undo(result)` reverses it; `redo(result)` repeats it (default: `do`
        again), returning a new result when it changes (a restored id).
        Errors from `do` (bad input) propagate and nothing is recorded.
        """
        result = do()
        self.stack.push(_ServiceEdit(text, result, undo, redo or (lambda _r: do()), self))
        self.changed.emit()
        return result

    def clear(self) -> None:
        """Forget the history (another workspace was opened)."""
        self.stack.clear()

    def _run(self, edit: _ServiceEdit, step: Callable[[], object]) -> None:
        try:
            step()
        except CioDeskError as error:
            edit.setObsolete(True)
            self.failed.emit(str(error))
        self.changed.emit()
