"""Cards of rich text that can be filled again quickly.

A word-wrapped QLabel with markup lays its text out again each time a layout
asks its size; `RichLabel` answers from the layout it already did. A
`TextCard` shows one block of such text, or a muted line when empty, and is
refilled by changing texts only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import Card, plain_label


class TextCard(Card):
    """A card showing one block of rich text, or a muted line when there is nothing.

    Made to be filled again and again (one person, then another): only
    texts and visibilities change, no widget is built or deleted.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.count_label = plain_label("", self, wrap=False)
        self.count_label.hide()
        self.header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight)
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        self.text_label = rich_label("", self)
        self.more_label = plain_label("", self)
        set_tone(self.more_label, "muted")
        for label in (self.empty_label, self.text_label, self.more_label):
            label.hide()
            self.body.addWidget(label)

    def set_count(self, text: str, tone: str = "warn") -> None:
        """A short figure beside the title; empty hides it."""
        self.count_label.setText(text)
        set_tone(self.count_label, tone)
        self.count_label.setVisible(bool(text))

    def show_text(self, html_text: str, more: str = "") -> None:
        """Show markup built by the panel, and an optional muted line under it."""
        self.empty_label.hide()
        self.text_label.setText(html_text)
        self.text_label.show()
        self.more_label.setText(more)
        self.more_label.setVisible(bool(more))

    def expect_width(self, width: int) -> None:
        """The card will be `width` pixels wide: its text is first measured at
        the width it will have (see `RichLabel.expect_width`)."""
        margins = self.layout().contentsMargins()
        frame = 2 * self.frameWidth()
        self.text_label.expect_width(width - margins.left() - margins.right() - frame)

    def show_empty(self, text: str) -> None:
        """Say there is nothing to show, and why or what to do."""
        self.text_label.hide()
        self.more_label.hide()
        self.empty_label.setText(text)
        self.empty_label.show()


def rich_label(html_text: str, parent: QWidget) -> QLabel:
    """A word-wrapped label showing markup built by the caller (who escapes user text)."""
    label = RichLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(html_text)
    return label


class RichLabel(QLabel):
    """A word-wrapped rich-text label that lays its text out as few times as it can.

    Layouts ask a label for its height at a width several times in one pass,
    and for its preferred and smallest sizes, and QLabel lays its whole text
    out again for each question (at a made-up width for the sizes): with
    tables in the text that was most of the time a stakeholder's details
    took to show.
    Here each height is worked out once per width, and the sizes come from
    the width the label last had.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self._width = self.fontMetrics().averageCharWidth() * 40  # until it is laid out

    def expect_width(self, width: int) -> None:
        """Until it is laid out, hint at `width`: a layout's first pass asks the
        label's height at its hinted width, and a guess that is off costs one
        more layout of the whole text."""
        if width > 0:
            self._width = width

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QSize:
        # Layouts place the label by `heightForWidth`; this height is a guess
        # until it has been laid out at its width.
        height = self._heights.get(self._width, self.fontMetrics().height())
        return QSize(self._width, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)  # the layout asks the height for the width it gives

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._width = event.size().width()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RELAYOUT_EVENTS:
            self._heights.clear()
        super().changeEvent(event)


_RELAYOUT_EVENTS = frozenset(
    {QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange}
)
