"""A table delegate that paints each cell from one call to its model.

The standard delegate asks the model for seven roles per cell (each a call
into Python) and lays every text out with a QTextLayout to elide it. On the
Stakeholders table that was most of each keystroke in the filter box: a
repaint of 25 rows took 13 ms. `QuickCellDelegate` asks the model's
`cell_look(row, column)` once per cell, keeps elided texts, and draws with
the style's own item background and focus frame, so the table looks the same.
The model's `data()` still answers every role (tooltips, screen readers).
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

from cio_desk.ui.theme import muted_color

_TEXTS_KEPT = 20_000  # texts kept before the cache starts again


class CellLook(NamedTuple):
    """What one cell shows."""

    text: str
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    icon: QIcon | None = None
    muted: bool = False  # secondary (archived, done): the muted text colour, in italics


class QuickCells(Protocol):
    def cell_look(self, row: int, column: int) -> CellLook: ...


class QuickCellDelegate(QStyledItemDelegate):
    """Paints the cells of a `QuickCells` model (see the module's docstring)."""

    def __init__(self, model: QuickCells, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        # Texts as drawn, by (text, width, muted): elided once, laid out once.
        self._texts: dict[tuple[str, int, bool], QStaticText] = {}
        self._font = QFont()
        self._italic = QFont()
        self._margin = 0

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        look = self._model.cell_look(index.row(), index.column())
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(_ITEM_PANEL, option, painter, widget)
        self._follow_font(option.font, style, widget)
        box = option.rect.adjusted(self._margin, 0, -self._margin, 0)
        if look.icon is not None:
            size = option.decorationSize
            top = box.top() + (box.height() - size.height()) // 2
            look.icon.paint(painter, QRect(box.left(), top, size.width(), size.height()))
            box.setLeft(box.left() + size.width() + self._margin)
        # Flags as plain ints: a test on the enum costs more than the drawing.
        state = option.state.value
        painter.setPen(_text_color(option.palette, state, look.muted))
        painter.setFont(self._italic if look.muted else self._font)
        text = self._text(look.text, box.width(), look.muted)
        size = text.size()
        left = box.left()
        if look.alignment == Qt.AlignmentFlag.AlignRight:
            left = box.right() + 1 - size.width()
        top = box.top() + (box.height() - size.height()) / 2
        painter.drawStaticText(QPointF(left, top), text)
        if state & _HAS_FOCUS:
            _paint_focus(style, painter, option, widget)

    def shown_text(self, look: CellLook, width: int) -> str:
        """The text a cell `width` pixels wide draws for `look` (cut with "…" if needed)."""
        return self._text(look.text, width - 2 * self._margin, look.muted).text()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        look = self._model.cell_look(index.row(), index.column())
        width = option.fontMetrics.horizontalAdvance(look.text) + 8
        if look.icon is not None:
            width += option.decorationSize.width() + 4
        return QSize(width, option.fontMetrics.height() + 4)

    def _follow_font(self, font: QFont, style: QStyle, widget: QWidget | None) -> None:
        """Start the texts again when the view's font changes (or on the first paint)."""
        if font == self._font and self._margin:
            return
        self._texts.clear()
        self._font = QFont(font)
        self._italic = QFont(font)
        self._italic.setItalic(True)
        self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1

    def _text(self, text: str, width: int, muted: bool) -> QStaticText:
        key = (text, width, muted)
        shown = self._texts.get(key)
        if shown is None:
            if len(self._texts) > _TEXTS_KEPT:
                self._texts.clear()
            font = self._italic if muted else self._font
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            shown = QStaticText(elided)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.prepare(QTransform(), font)
            self._texts[key] = shown
        return shown


_ITEM_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value


def _text_color(palette: QPalette, state: int, muted: bool) -> QColor:
    group = QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive
    if state & _SELECTED:
        return palette.color(group, QPalette.ColorRole.HighlightedText)
    if muted:
        return muted_color(palette)
    return palette.color(group, QPalette.ColorRole.Text)


def _paint_focus(
    style: QStyle, painter: QPainter, option: QStyleOptionViewItem, widget: QWidget | None
) -> None:
    focus = QStyleOptionFocusRect()
    focus.rect = option.rect
    focus.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange
    focus.palette = option.palette
    style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, widget)
