"""The title block at the top of a page: a large title and a quieter line under it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label

# Margins of a page's body, as on the Today page: left, top, right, bottom.
PAGE_MARGINS = (28, 20, 28, 16)


class PageHeader(QWidget):
    """A page title (as on the Today page) and a muted subtitle that wraps."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title_label = plain_label(title, self, wrap=False)
        self.title_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.subtitle_label = plain_label(subtitle, self)
        set_tone(self.subtitle_label, "muted")
        self.subtitle_label.setVisible(bool(subtitle))
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)

    def set_subtitle(self, text: str) -> None:
        self.subtitle_label.setText(text)
        self.subtitle_label.setVisible(bool(text))
