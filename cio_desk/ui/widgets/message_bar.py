"""A line of feedback inside a page: why a change was refused, or what it led to.

It stays until the user closes it, the page shows another message, or the
edit history moves on (an undo makes a message about the edit out of date),
so a refresh right after an edit does not wipe it before it is read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label


class MessageBar(QFrame):
    """A framed message in a tone ("warn", "good", "accent") with a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(10)
        self.label = plain_label("", self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button.clicked.connect(self.dismiss)
        self._stack: QUndoStack | None = None
        self._shown_at = 0
        self.hide()

    def follow(self, stack: QUndoStack) -> None:
        """Dismiss the message once `stack` moves from where it was when the message appeared."""
        self._stack = stack
        stack.indexChanged.connect(self._history_moved)

    def show_message(self, text: str, tone: str = "warn") -> None:
        """Show `text` in `tone`, replacing any message shown before."""
        self.label.setText(text)
        set_tone(self.label, tone)
        self.setAccessibleDescription(text)
        self._shown_at = self._stack.index() if self._stack is not None else 0
        self.show()

    def text(self) -> str:
        """The message shown ("" when hidden)."""
        return "" if self.isHidden() else self.label.text()

    @Slot(int)
    def _history_moved(self, index: int) -> None:
        if not self.isHidden() and index != self._shown_at:
            self.dismiss()

    @Slot()
    def dismiss(self) -> None:
        self.label.setText("")
        self.hide()
