"""The strip across the top of a window whose workspace is open read-only.

It says why nothing can be changed before the user tries, and offers to
open the file for changes again once the other window has let it go.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from cio_desk.ui.theme import is_dark, set_tone, tone_color
from cio_desk.ui.widgets.cards import plain_label


def can_write(path: Path) -> bool:
    """Whether this user may change `path` and create files beside it (its journal, lock)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class ReadOnlyBanner(QFrame):
    """A "Read-only: …" strip in the warning tone, with an "Open for changes" button.

    Hidden until `show_for(path)`; `reopen_requested` fires on the button.
    """

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setAccessibleName(self.tr("Read-only"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        layout.setSpacing(12)
        self.title = QLabel(self.tr("Read-only:"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        set_tone(self.title, "warn")
        self.label = plain_label("", self)
        self.reopen_button = QPushButton(self.tr("Open for changes"), self)
        self.reopen_button.setToolTip(
            self.tr("Open this workspace again for changes, once no other window has it open")
        )
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.reopen_button.clicked.connect(self.reopen_requested)
        self._paint_background()
        self.hide()

    def show_for(self, path: Path) -> None:
        """Say why `path` is read-only here, and show the strip."""
        writable = can_write(path)
        self.reopen_button.setVisible(writable)  # the file itself will not become writable
        if writable:
            text = self.tr(
                "this workspace is open in another window. Changes are not possible here."
            )
        else:
            text = self.tr(
                "you may not change this workspace's file or folder. Changes are not possible "
                "here; use File > Save As to keep working in a copy."
            )
        self.label.setText(text)
        self.setAccessibleDescription(f"{self.title.text()} {text}")
        self.show()

    def text(self) -> str:
        """The whole message ("" when hidden)."""
        return "" if self.isHidden() else f"{self.title.text()} {self.label.text()}"

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark followed the system
            self._paint_background()

    def _paint_background(self) -> None:
        """A tint of the warning colour over the window colour, in light and dark alike."""
        # The application's palette: this widget's own is coloured by the sheet set here.
        palette = QApplication.palette()
        warn = tone_color(palette, "warn")
        window = palette.color(QPalette.ColorRole.Window)
        share = 0.22 if is_dark(palette) else 0.12
        back = QColor(
            round(window.red() + (warn.red() - window.red()) * share),
            round(window.green() + (warn.green() - window.green()) * share),
            round(window.blue() + (warn.blue() - window.blue()) * share),
        )
        sheet = (
            f"QFrame#readOnlyBanner {{ background: {back.name()};"
            f" border: none; border-bottom: 1px solid {warn.name()}; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
