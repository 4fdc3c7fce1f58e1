"""Cards: framed panels with a title, used by dashboard-like pages.

User text (names, meeting titles) is always shown as plain text, so a title
such as "<b>R&D</b>" reads exactly as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.list_row import ListRow, ListRowView
from cio_desk.ui.widgets.meter import Meter
from cio_desk.ui.widgets.visibility import set_shown


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that never interprets its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


LIST_ROWS = 6  # rows a list card shows before "And N more."


class Card(QFrame):
    """A framed panel with a bold title; put content in `body`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        self.title_label = plain_label(title, self)
        self.title_label.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.header = QHBoxLayout()
        self.header.addWidget(self.title_label, 1)
        layout.addLayout(self.header)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body)
        layout.addStretch(1)


class StatCard(Card):
    """One headline figure with a meter under it and a caption or two."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.headline = plain_label("", self, wrap=False)
        self.headline.setFont(scaled_font(self.font(), 1.9, bold=True))
        self.meter = Meter(self)
        self.caption = plain_label("", self)
        set_tone(self.caption, "muted")
        self.message = plain_label("", self)
        self.message.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.message.hide()
        for widget in (self.headline, self.meter, self.caption, self.message):
            self.body.addWidget(widget)

    def needed_width(self) -> int:
        """The width under which the headline would be cut off."""
        margins = self.layout().contentsMargins()
        text = self.headline.fontMetrics().horizontalAdvance(self.headline.text())
        frame = 2 * self.frameWidth()
        return (
            max(text, self.meter.minimumSizeHint().width())
            + margins.left()
            + margins.right()
            + frame
        )

    def show_message(self, text: str | None, tone: str = "good") -> None:
        """A highlighted line under the caption; None hides it."""
        set_shown(self.message, bool(text))
        self.message.setText(text or "")
        set_tone(self.message, tone)


class ListCard(Card):
    """A titled list that says something useful when it is empty.

    Shows at most `max_rows` rows and then how many more there are. One muted
    note under the rows says either: a card is never both empty and too long.
    """

    def __init__(
        self,
        title: str,
        empty_text: str,
        parent: QWidget | None = None,
        *,
        max_rows: int = LIST_ROWS,
    ) -> None:
        super().__init__(title, parent)
        self._empty_text = empty_text
        self._max_rows = max_rows
        self._rows: list[ListRow] = []
        self._row_widgets: list[ListRowView] = []
        self.count_label = plain_label("", self, wrap=False)
        set_tone(self.count_label, "muted")
        self.header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight)
        self.note_label = plain_label(empty_text, self)
        set_tone(self.note_label, "muted")
        self.body.addWidget(self.note_label)

    def set_empty_text(self, text: str) -> None:
        """What the card says when it has no rows."""
        self._empty_text = text
        if not self._rows:
            self.note_label.setText(text)

    def rows(self) -> list[ListRow]:
        """Every row given, including those beyond `max_rows`."""
        return list(self._rows)

    @property
    def max_rows(self) -> int:
        return self._max_rows

    def set_rows(self, rows: Sequence[ListRow], total: int | None = None) -> None:
        """Show `rows`, the first of `total` (default: as many as given)."""
        total = len(rows) if total is None else total
        for widget in self._row_widgets:
            self.body.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._rows = list(rows)
        shown = self._rows[: self._max_rows]
        self._row_widgets = [self._row_widget(row, first=i == 0) for i, row in enumerate(shown)]
        for position, widget in enumerate(self._row_widgets):
            self.body.insertWidget(position, widget)
        self.count_label.setText(str(total) if total else "")
        hidden = total - len(shown)
        if not self._rows:
            note = self._empty_text
        else:
            note = self.tr("And {n} more.").format(n=hidden) if hidden > 0 else ""
        self.note_label.setText(note)
        set_shown(self.note_label, bool(note))

    def _row_widget(self, row: ListRow, *, first: bool) -> ListRowView:
        return ListRowView(row, first=first, parent=self)
