"""One row of a list card, painted: a main line, a quieter line under it, a note on the right.

A dashboard shows dozens of rows. Built from labels in layouts, each row
cost five widgets and as many style-sheet passes; painted, it is one widget
whose text is laid out once per width. Text is always drawn as typed (never
read as markup), wraps at words (anywhere in a word too long for the line),
and stops after a few lines with an ellipsis: a pasted essay as a meeting
title must not stretch the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from cio_desk.ui.theme import card_colors, muted_color, tone_color

MAX_LINES = 3  # of each text; the last line shown ends with "…" when there is more
_GAP = 12  # between the texts, the note and the buttons
_BUTTON_GAP = 6  # between two buttons
_SEPARATOR_SPACE = 6  # below the line that separates a row from the one above
_LINE_SPACING = 1  # between the main line and the detail line
_HINT_CHARS = 40  # the width a row asks for, in average characters


_UNWRAPPED = 1_000_000  # a line width no text reaches
_TOOLTIP_CHARS = 2000  # of a cut text shown when hovering the row


@dataclass(frozen=True)
class ListRow:
    """One line of a list card: what, a quieter detail line, and a note on the right."""

    primary: str
    secondary: str = ""
    meta: str = ""
    meta_tone: str | None = "muted"


class ListRowView(QWidget):
    """Shows a `ListRow`: its main line, its detail line muted under it, its note in
    its tone on the right, then the buttons given to `add_button`. Rows after the
    first draw a separator line above them."""

    def __init__(self, row: ListRow, *, first: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self._first = first
        self._buttons: list[QPushButton] = []
        self._sizes: _Sizes | None = None  # measured when first asked
        self._heights: dict[int, int] = {}
        self._painted: tuple[int, QTextLayout | None, QTextLayout | None] | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(row.primary)
        self.setAccessibleDescription("\n".join(t for t in (row.secondary, row.meta) if t))

    # ------------------------------------------------------------ buttons

    def add_button(self, button: QPushButton) -> None:
        """Put a button on the right of the row (in the order added)."""
        button.setParent(self)
        self._buttons.append(button)
        self._forget_sizes()
        self._place_buttons()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    # ------------------------------------------------------------ geometry

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Layouts ask for many widths in one pass: each is worked out once.
        height = self._heights.get(width)
        if height is None:
            sizes = self._measured()
            text_width = max(1, width - sizes.side)
            text = sizes.primary.height(text_width)
            if self.row.secondary:
                text += _LINE_SPACING + sizes.secondary.height(text_width)
            height = self._heights[width] = self._top() + max(round(text), sizes.side_height)
        return height

    def sizeHint(self) -> QSize:
        sizes = self._measured()
        return QSize(round(sizes.char * _HINT_CHARS) + sizes.side, self._unwrapped_height())

    def minimumSizeHint(self) -> QSize:
        sizes = self._measured()
        return QSize(round(sizes.char * 8) + sizes.side, self._unwrapped_height())

    def _unwrapped_height(self) -> int:
        """The height with each text on one line: the hints' height. The layout
        asks `heightForWidth` at the width it gives; a hint that laid the texts
        out at yet another width would only add work."""
        sizes = self._measured()
        text = sizes.primary.height(_UNWRAPPED)
        if self.row.secondary:
            text += _LINE_SPACING + sizes.secondary.height(_UNWRAPPED)
        return self._top() + max(round(text), sizes.side_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_sizes()
        super().changeEvent(event)

    def _forget_sizes(self) -> None:
        self._sizes, self._heights, self._painted = None, {}, None
        self.updateGeometry()

    def _measured(self) -> _Sizes:
        if self._sizes is None:
            self._sizes = _Sizes.of(self.row, self.font(), self._buttons)
        return self._sizes

    def _top(self) -> int:
        return 0 if self._first else 1 + _SEPARATOR_SPACE

    def _place_buttons(self) -> None:
        right = self.width()
        placed = zip(self._buttons, self._measured().button_sizes, strict=True)
        for button, hint in reversed(list(placed)):
            right -= hint.width()
            button.setGeometry(QRect(right, self._top(), hint.width(), hint.height()))
            right -= _BUTTON_GAP

    # ------------------------------------------------------------ painting

    def shown_texts(self) -> tuple[str, str]:
        """The main and detail texts as drawn at the row's width (cut ones end in "…")."""
        primary, secondary = self._layouts_now()
        return _as_typed(primary), _as_typed(secondary)

    def _layouts_now(self) -> tuple[QTextLayout | None, QTextLayout | None]:
        """The texts laid out at the row's width (kept until it changes)."""
        width = self.width()
        if self._painted is None or self._painted[0] != width:
            text_width = max(1, width - self._measured().side)
            primary = _wrapped(self.row.primary, self.font(), text_width)
            secondary = _wrapped(self.row.secondary, self.font(), text_width)
            self._painted = (width, primary, secondary)
            self._show_whole_text_on_hover(primary, secondary)
        return self._painted[1], self._painted[2]

    def _show_whole_text_on_hover(self, *shown: QTextLayout | None) -> None:
        texts = (self.row.primary, self.row.secondary)
        cut = any(
            layout is not None and _shown_text(layout) != _with_line_breaks(text)
            for layout, text in zip(shown, texts, strict=True)
        )
        whole = "\n".join(t for t in texts if t)[:_TOOLTIP_CHARS] if cut else ""
        if self.toolTip() != whole:
            self.setToolTip(whole)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        if not self._first:
            painter.fillRect(QRect(0, 0, self.width(), 1), card_colors(palette)[1])
        top = float(self._top())
        primary, secondary = self._layouts_now()
        painter.setPen(palette.color(palette.ColorRole.WindowText))
        if primary is not None:
            primary.draw(painter, QPointF(0, top))
            top += _height(primary) + _LINE_SPACING
        if secondary is not None:
            painter.setPen(muted_color(palette))
            secondary.draw(painter, QPointF(0, top))
        if self.row.meta:
            self._paint_meta(painter)

    def _paint_meta(self, painter: QPainter) -> None:
        palette = self.palette()
        tone = self.row.meta_tone
        text_color = palette.color(palette.ColorRole.WindowText)
        painter.setPen(tone_color(palette, tone) if tone else text_color)
        sizes = self._measured()
        right = self.width() - sizes.buttons - (_GAP if self._buttons else 0)
        box = QRect(right - sizes.meta, self._top(), sizes.meta, round(sizes.line))
        painter.drawText(
            box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self.row.meta
        )


@dataclass(frozen=True)
class _Sizes:
    """What a row measures once per font: text widths, line height, the right side."""

    char: float  # average character width
    line: float  # height of one line of text
    primary: _TextHeights
    secondary: _TextHeights
    meta: int  # width of the note
    buttons: int  # width of the buttons, gaps between them included
    button_sizes: tuple[QSize, ...]  # each button's size hint, in order
    side: int  # room taken on the right by the note and the buttons, gaps included
    side_height: int  # height of the note and the buttons

    @classmethod
    def of(cls, row: ListRow, font: QFont, buttons: list[QPushButton]) -> _Sizes:
        metrics = QFontMetricsF(font)
        meta = round(metrics.horizontalAdvance(row.meta)) if row.meta else 0
        hints = [button.sizeHint() for button in buttons]
        buttons_width = sum(h.width() for h in hints) + _BUTTON_GAP * max(0, len(hints) - 1)
        parts = [w for w in (meta, buttons_width) if w]
        side_height = max((h.height() for h in hints), default=0)
        if row.meta:
            side_height = max(side_height, round(metrics.height()))
        return cls(
            char=metrics.averageCharWidth(),
            line=metrics.height(),
            primary=_TextHeights(row.primary, font),
            secondary=_TextHeights(row.secondary, font),
            meta=meta,
            buttons=buttons_width,
            button_sizes=tuple(hints),
            side=sum(parts) + _GAP * len(parts),
            side_height=side_height,
        )


class _TextHeights:
    """The height of a text wrapped at any width, laying it out as rarely as it can.

    A text laid out once without wrapping answers for every width it fits in
    (most texts, at most widths). Otherwise, the lines found at
    a width W whose longest line is M break the same way at every width from M
    to W (each line still fits, and none could take one more word), so one
    layout answers for that whole span.
    """

    def __init__(self, text: str, font: QFont) -> None:
        self._text, self._font = text, font
        self._one_line: tuple[float, float] | None = None  # (width, height) unwrapped
        self._spans: list[tuple[float, int, float]] = []  # (from width, to width, height)

    def _unwrapped(self) -> tuple[float, float]:
        # Laid out, not measured with the font's metrics: a fallback font (for
        # Chinese, say) can make the line taller.
        if self._one_line is None:
            layout = _laid_out(_with_line_breaks(self._text), self._font, _UNWRAPPED)
            widest = max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))
            self._one_line = (widest, _height(layout))
        return self._one_line

    def height(self, width: int) -> float:
        if not self._text:
            return 0.0
        widest, unwrapped_height = self._unwrapped()
        if widest <= width:
            return unwrapped_height
        for low, high, height in self._spans:
            if low <= width <= high:
                return height
        layout = _wrapped(self._text, self._font, width)
        height = _height(layout)
        if _shown_text(layout) != _with_line_breaks(self._text):
            low = 0.0  # cut at MAX_LINES: any narrower width is cut too
        else:
            low = max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))
        self._spans.append((low, width, height))
        return height


def _with_line_breaks(text: str) -> str:
    """`text` with its line breaks as QTextLayout keeps them."""
    return text.replace("\r\n", "\n").replace("\n", "\u2028")


def _wrapped(text: str, font: QFont, width: int) -> QTextLayout | None:
    """`text` laid out in lines of `width`, cut after `MAX_LINES` with an ellipsis."""
    if not text:
        return None
    text = _with_line_breaks(text)
    layout = _laid_out(text, font, width)
    if layout.lineCount() <= MAX_LINES:
        return layout
    last = layout.lineAt(MAX_LINES - 1).textStart()
    rest = text[last:].replace("\u2028", " ")
    tail = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return _laid_out(text[:last] + tail, font, width, max_lines=MAX_LINES)


def _laid_out(text: str, font: QFont, width: int, max_lines: int | None = None) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while max_lines is None or layout.lineCount() < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def _shown_text(layout: QTextLayout) -> str:
    lines = [layout.lineAt(i) for i in range(layout.lineCount())]
    end = lines[-1].textStart() + lines[-1].textLength() if lines else 0
    return layout.text()[:end]


def _as_typed(layout: QTextLayout | None) -> str:
    """The text a layout shows, with its line breaks as typed."""
    return _shown_text(layout).replace("\u2028", "\n") if layout is not None else ""


def _height(layout: QTextLayout | None) -> float:
    if layout is None or layout.lineCount() == 0:
        return 0.0
    last = layout.lineAt(layout.lineCount() - 1)
    return last.y() + last.height()
