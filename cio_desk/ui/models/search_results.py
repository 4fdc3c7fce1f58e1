"""Search hits for the Ctrl+K list, with a delegate drawing each on two lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cio_desk.services.search import SearchHit
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import muted_color, scaled_font, tone_color

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
OPENABLE_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchResults", text)


def flag_labels(hit: SearchHit) -> list[tuple[str, str]]:
    """(text, tone) of the marks shown after a hit's title."""
    labels = {
        "confidential": (_tr("Confidential"), "warn"),
        "archived": (_tr("Archived"), "muted"),
        "done": (_tr("Done"), "good"),
        "quick_win": (_tr("Quick win"), "accent"),
    }
    return [labels[flag] for flag in sorted(hit.flags) if flag in labels]


class SearchResultsModel(QAbstractListModel):
    """The hits of one search; `opens(kind)` says whether a page can show a kind."""

    def __init__(self, opens: Callable[[str], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._opens = opens

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == HIT_ROLE:
            return hit
        if role == OPENABLE_ROLE:
            return self._opens(hit.open_kind)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(hit)
        return None

    def describe(self, hit: SearchHit) -> str:
        """The whole hit in words, for tooltips and screen readers."""
        parts = [fmt.search_kind_label(hit.kind), hit.title]
        parts += [text for text, _tone in flag_labels(hit)]
        parts += [p for p in (hit.detail, hit.snippet) if p]
        if not self._opens(hit.open_kind):
            parts.append(not_openable_text(hit))
        return "\n".join(parts)


def not_openable_text(hit: SearchHit) -> str:
    return _tr("No page opens {kind} items yet.").format(
        kind=fmt.search_kind_label(hit.open_kind).lower()
    )


class SearchHitDelegate(QStyledItemDelegate):
    """Kind, title and marks on the first line; detail and snippet under them."""

    def sizeHint(self, option: QStyleOptionViewItem, _index: _Index) -> QSize:
        line = QFontMetricsF(option.font).height()
        return QSize(int(line * 20), int(line * 2 + line * 0.9))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit: SearchHit = index.data(HIT_ROLE)
        openable = bool(index.data(OPENABLE_ROLE))
        widget: QWidget | None = option.widget  # type: ignore[assignment]
        style = widget.style() if widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = text_colour if selected else muted_color(palette)
        painter.save()
        font = option.font
        metrics = QFontMetricsF(font)
        line = metrics.height()
        pad = line * 0.45
        rect = QRectF(option.rect).adjusted(pad, pad * 0.8, -pad, -pad * 0.8)
        x = rect.left()
        kind_font = scaled_font(font, 0.85, bold=True)
        kind_text = fmt.search_kind_label(hit.kind)
        painter.setFont(kind_font)
        painter.setPen(quiet)
        kind_width = QFontMetricsF(kind_font).horizontalAdvance(kind_text)
        first = QRectF(x, rect.top(), rect.width(), line)
        painter.drawText(first, int(Qt.AlignmentFlag.AlignVCenter), kind_text)
        x += max(kind_width, line * 6) + pad
        marks = flag_labels(hit)
        marks_width = sum(metrics.horizontalAdvance(t) + pad for t, _ in marks)
        painter.setFont(scaled_font(font, 1.0, bold=True))
        painter.setPen(text_colour if openable else quiet)
        title_width = max(line, rect.right() - x - marks_width)
        title = QFontMetricsF(painter.font()).elidedText(
            hit.title, Qt.TextElideMode.ElideRight, title_width
        )
        painter.drawText(
            QRectF(x, rect.top(), title_width, line), int(Qt.AlignmentFlag.AlignVCenter), title
        )
        x += QFontMetricsF(painter.font()).horizontalAdvance(title) + pad
        painter.setFont(font)
        for text, tone in marks:
            painter.setPen(text_colour if selected else tone_color(palette, tone))
            painter.drawText(
                QRectF(x, rect.top(), rect.right() - x, line),
                int(Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x += metrics.horizontalAdvance(text) + pad
        second_parts = [p for p in (hit.detail, hit.snippet) if p]
        if not openable:
            second_parts.append(not_openable_text(hit))
        second = _tr(" · ").join(second_parts)
        painter.setPen(quiet)
        left = rect.left() + max(kind_width, line * 6) + pad
        second_rect = QRectF(left, rect.top() + line, rect.right() - left, line)
        painter.drawText(
            second_rect,
            int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(second, Qt.TextElideMode.ElideRight, second_rect.width()),
        )
        painter.restore()
