"""The influence / interest grid: every stakeholder as a marker on a 5 x 5 grid.

Influence goes up, interest to the right; the colour of a marker is the
person's stance and its outline says whether they were met (a filled disc
with an outline) or not yet (a hollow ring). Dragging a marker to another cell asks for new ratings
(`marker_moved`); clicking one picks the person (`marker_chosen`). The
widget only draws and reports: the page saves through the services.

Everything is measured from the font, so it stays sharp and in proportion on
any screen density.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from cio_desk.services.register import HIGH_RATING, Quadrant, quadrant
from cio_desk.store.enums import Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import is_dark, muted_color, scaled_font, tone_color

RATINGS = range(1, 6)

# The PDF's stance colours (export/pdf/sections/stakeholders.py), and lighter
# versions that read on a dark background.
_STANCE_COLOURS = {
    Stance.CHAMPION: ("#5e8c61", "#86c28a"),
    Stance.SUPPORTER: ("#2f7d95", "#6cc0da"),
    Stance.NEUTRAL: ("#66717f", "#a3adba"),
    Stance.SCEPTIC: ("#d9826a", "#eea48f"),
    Stance.BLOCKER: ("#b4473a", "#ef7b6c"),
}


def stance_color(stance: Stance, palette: QPalette) -> QColor:
    """The colour of a stance on this palette."""
    light, dark = _STANCE_COLOURS[stance]
    return QColor(dark if is_dark(palette) else light)


_icons: dict[tuple[Stance, bool], QIcon] = {}


def stance_icon(stance: Stance, palette: QPalette) -> QIcon:
    """A round swatch of the stance's colour, for tables and menus."""
    key = (stance, is_dark(palette))
    if key not in _icons:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stance_color(stance, palette))
        painter.drawEllipse(QRectF(6, 6, 20, 20))
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


@dataclass(frozen=True)
class GridMarker:
    """One person on the grid."""

    id: int
    name: str
    influence: int
    interest: int
    stance: Stance
    met: bool


@dataclass
class _Cell:
    """Where a cell's markers were placed, for painting and hit-testing."""

    rect: QRectF
    markers: list[tuple[QRectF, GridMarker, bool]] = field(default_factory=list)  # rect, who, named
    more: tuple[QRectF, list[GridMarker]] | None = None


class InfluenceGrid(QWidget):
    """A 5 x 5 grid of people you can click and drag (see the module docstring)."""

    marker_chosen = Signal(int)  # stakeholder id
    marker_moved = Signal(int, int, int)  # stakeholder id, new influence, new interest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._markers: list[GridMarker] = []
        self._selected: int | None = None
        self._empty_text = ""
        self._cells: dict[tuple[int, int], _Cell] = {}
        self._plot = QRectF()
        self._laid_out = False
        self._pressed: GridMarker | None = None
        self._press_at = QPointF()
        self._drag_at: QPointF | None = None
        self._movable = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAccessibleName(self.tr("Influence and interest grid"))
        self.setToolTip(
            self.tr(
                "Click a person to open them; drag them to another cell to change their "
                "influence and interest.\nKeyboard: arrow keys pick a person, Ctrl+arrow keys "
                "move them, Ctrl+Z undoes a move."
            )
        )

    # ------------------------------------------------------------ content

    def set_markers(self, markers: Sequence[GridMarker]) -> None:
        self._markers = sorted(markers, key=lambda m: (m.name.casefold(), m.id))
        self._invalidate()

    def markers(self) -> list[GridMarker]:
        return list(self._markers)

    def set_selected(self, stakeholder_id: int | None) -> None:
        if stakeholder_id != self._selected:
            self._selected = stakeholder_id
            self.update()

    def selected(self) -> int | None:
        return self._selected

    def set_empty_text(self, text: str) -> None:
        """What the grid says when nobody is on it."""
        self._empty_text = text
        self.update()

    def marker_rect(self, stakeholder_id: int) -> QRectF | None:
        """Where a person's marker is drawn (None if hidden in "+N more")."""
        self._ensure_layout()
        for cell in self._cells.values():
            for rect, marker, _named in cell.markers:
                if marker.id == stakeholder_id:
                    return QRectF(rect)
        return None

    def overflow_rect(self, influence: int, interest: int) -> QRectF | None:
        """Where a crowded cell says "+N" (None when everyone there is drawn)."""
        self._ensure_layout()
        more = self._cells[(influence, interest)].more
        return QRectF(more[0]) if more else None

    def cell_rect(self, influence: int, interest: int) -> QRectF:
        self._ensure_layout()
        return QRectF(self._cells[(influence, interest)].rect)

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 22, line * 18)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 40, line * 30)

    # ------------------------------------------------------------ layout

    def _invalidate(self) -> None:
        self._laid_out = False
        self.update()

    def _ensure_layout(self) -> None:
        if not self._laid_out:
            self._layout()
            self._laid_out = True

    def _line(self) -> float:
        return QFontMetricsF(self.font()).height()

    def _legend_entries(self) -> list[tuple[QRectF, QRectF, str, QColor, bool]]:
        """Swatch and text boxes of the legend, wrapped onto as many lines as needed."""
        line = self._line()
        metrics = QFontMetricsF(self.font())
        dot = line * 0.7
        left = self._legend_left()
        x, y = left, line * 0.3
        entries = []
        for text, colour, met in self._legend_items():
            text_width = metrics.horizontalAdvance(text)
            width = dot + line * 0.35 + text_width + line * 0.9
            if x + width > self.width() and x > left:
                x, y = left, y + line * 1.2
            swatch = QRectF(x, y + (line - dot) / 2, dot, dot)
            label = QRectF(swatch.right() + line * 0.35, y, text_width + 1, line)
            entries.append((swatch, label, text, colour, met))
            x += width
        return entries

    def _legend_left(self) -> float:
        line = self._line()
        return line * 1.6 + QFontMetricsF(self.font()).horizontalAdvance("5") + line * 0.6

    def _legend_height(self) -> float:
        entries = self._legend_entries()
        return (entries[-1][1].bottom() if entries else 0) + self._line() * 0.5

    def _layout(self) -> None:
        line = self._line()
        left = self._legend_left()
        top = self._legend_height()
        bottom = line * 2.8
        self._plot = QRectF(
            left, top, self.width() - left - line * 0.6, self.height() - top - bottom
        )
        width, height = self._plot.width() / 5, self._plot.height() / 5
        self._cells = {}
        by_cell: dict[tuple[int, int], list[GridMarker]] = {}
        for marker in self._markers:
            by_cell.setdefault((marker.influence, marker.interest), []).append(marker)
        for influence in RATINGS:
            for interest in RATINGS:
                rect = QRectF(
                    self._plot.left() + (interest - 1) * width,
                    self._plot.top() + (5 - influence) * height,
                    width,
                    height,
                )
                cell = _Cell(rect)
                self._place(
                    cell, self._marker_area(rect, influence), by_cell.get((influence, interest), [])
                )
                self._cells[(influence, interest)] = cell

    def _marker_area(self, rect: QRectF, influence: int) -> QRectF:
        """The part of a cell markers go in: below the quadrant name in the top cells."""
        pad = self._line() * 0.3
        area = rect.adjusted(pad, pad, -pad, -pad)
        if influence in (5, HIGH_RATING - 1):
            area.setTop(area.top() + self._line())
        return area

    def _place(self, cell: _Cell, area: QRectF, markers: list[GridMarker]) -> None:
        if not markers or area.width() <= 0 or area.height() <= 0:
            return
        line = self._line()
        dot = line * 0.8
        metrics = QFontMetricsF(self.font())
        row_height = line * 1.1
        if (
            len(markers) * row_height <= area.height()
            and area.width() >= dot + metrics.averageCharWidth() * 4
        ):
            for i, marker in enumerate(markers):  # one named chip per line
                top = area.top() + i * row_height
                cell.markers.append(
                    (QRectF(area.left(), top, area.width(), row_height), marker, True)
                )
            return
        gap = line * 0.3
        pitch = dot + gap
        columns = max(1, int((area.width() + gap) // pitch))
        rows = max(1, int((area.height() + gap) // pitch))
        capacity = columns * rows
        shown = markers
        if len(markers) > capacity:
            more_width = metrics.horizontalAdvance(f"+{len(markers)}") + gap
            slots = min(capacity, max(1, math.ceil(more_width / pitch)))
            shown = markers[: capacity - slots]
        for i, marker in enumerate(shown):
            x = area.left() + (i % columns) * pitch
            y = area.top() + (i // columns) * pitch
            cell.markers.append((QRectF(x, y, dot, dot), marker, False))
        if len(shown) < len(markers):
            i = len(shown)
            x = area.left() + (i % columns) * pitch
            y = area.top() + (i // columns) * pitch
            rest = markers[len(shown) :]
            cell.more = (QRectF(x, y, area.right() - x, dot), rest)

    # ------------------------------------------------------------ painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._ensure_layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        self._paint_cells(painter, palette)
        self._paint_quadrants(painter, palette)
        self._paint_axes(painter, palette)
        self._paint_legend(painter, palette)
        for cell in self._cells.values():
            self._paint_markers(painter, palette, cell)
        self._paint_drag(painter, palette)
        if not self._markers and self._empty_text:
            self._paint_empty_text(painter, palette)
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._plot.adjusted(-2, -2, 2, 2))
        painter.end()

    def _paint_empty_text(self, painter: QPainter, palette: QPalette) -> None:
        line = self._line()
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        width = min(self._plot.width() - 2 * line, line * 24)
        bounds = painter.fontMetrics().boundingRect(
            0, 0, int(width), 10_000, flags, self._empty_text
        )
        box = QRectF(0, 0, bounds.width() + 2 * line, bounds.height() + line)
        box.moveCenter(self._plot.center())
        painter.setPen(
            QPen(_mix(palette.color(QPalette.ColorRole.Base), muted_color(palette), 0.4), 1)
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, line * 0.4, line * 0.4)
        painter.setPen(muted_color(palette))
        painter.drawText(box, flags, self._empty_text)

    def _cell_fill(self, palette: QPalette, area: Quadrant) -> QColor:
        base = palette.color(QPalette.ColorRole.Base)
        accent = tone_color(palette, "accent")
        amount = {
            Quadrant.MANAGE_CLOSELY: 0.16,
            Quadrant.KEEP_SATISFIED: 0.08,
            Quadrant.KEEP_INFORMED: 0.05,
            Quadrant.MONITOR: 0.0,
        }[area]
        return _mix(base, accent, amount)

    def _paint_cells(self, painter: QPainter, palette: QPalette) -> None:
        grid_line = _mix(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.14
        )
        painter.setPen(QPen(grid_line, 1))
        for (influence, interest), cell in self._cells.items():
            painter.setBrush(self._cell_fill(palette, quadrant(influence, interest)))
            painter.drawRect(cell.rect)
        if self._drag_at is not None:
            target = self._cell_at(self._drag_at)
            if target is not None:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlphaF(0.25)
                painter.setBrush(highlight)
                painter.drawRect(self._cells[target].rect)

    def _paint_quadrants(self, painter: QPainter, palette: QPalette) -> None:
        split = _mix(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.45
        )
        painter.setPen(QPen(split, 2))
        middle = self._cells[(HIGH_RATING, HIGH_RATING)].rect
        painter.drawLine(
            QPointF(middle.left(), self._plot.top()), QPointF(middle.left(), self._plot.bottom())
        )
        painter.drawLine(
            QPointF(self._plot.left(), middle.bottom()),
            QPointF(self._plot.right(), middle.bottom()),
        )
        painter.setFont(scaled_font(self.font(), 0.92, bold=True))
        painter.setPen(muted_color(palette))
        pad = self._line() * 0.3
        metrics = QFontMetricsF(painter.font())
        low = HIGH_RATING - 1
        for area, top_cell, first, last in (
            (Quadrant.KEEP_SATISFIED, 5, 1, low),
            (Quadrant.MANAGE_CLOSELY, 5, HIGH_RATING, 5),
            (Quadrant.MONITOR, low, 1, low),
            (Quadrant.KEEP_INFORMED, low, HIGH_RATING, 5),
        ):
            left = self._cells[(top_cell, first)].rect
            right = self._cells[(top_cell, last)].rect
            band = QRectF(
                left.left() + pad,
                left.top() + pad * 0.6,
                right.right() - left.left() - 2 * pad,
                self._line(),
            )
            text = metrics.elidedText(
                fmt.quadrant_label(area), Qt.TextElideMode.ElideRight, band.width()
            )
            painter.drawText(
                band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )
        painter.setFont(self.font())

    def _paint_axes(self, painter: QPainter, palette: QPalette) -> None:
        line = self._line()
        painter.setPen(muted_color(palette))
        for n in RATINGS:
            column = self._cells[(1, n)].rect
            painter.drawText(
                QRectF(column.left(), self._plot.bottom() + line * 0.2, column.width(), line),
                int(Qt.AlignmentFlag.AlignCenter),
                str(n),
            )
            row = self._cells[(n, 1)].rect
            painter.drawText(
                QRectF(self._plot.left() - line * 1.4, row.top(), line, row.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(n),
            )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(scaled_font(self.font(), 1.0, bold=True))
        painter.drawText(
            QRectF(
                self._plot.left(), self._plot.bottom() + line * 1.3, self._plot.width(), line * 1.3
            ),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Interest →"),
        )
        painter.save()
        painter.translate(line * 0.2, self._plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-self._plot.height() / 2, 0, self._plot.height(), line * 1.3),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Influence →"),
        )
        painter.restore()
        painter.setFont(self.font())

    def _legend_items(self) -> list[tuple[str, QColor, bool]]:
        palette = self.palette()
        items = [(fmt.stance_label(s), stance_color(s, palette), True) for s in Stance]
        neutral = stance_color(Stance.NEUTRAL, palette)
        items.append((self.tr("Met"), neutral, True))
        items.append((self.tr("Not met yet"), neutral, False))
        return items

    def _paint_legend(self, painter: QPainter, palette: QPalette) -> None:
        painter.setFont(self.font())
        for swatch, label, text, colour, met in self._legend_entries():
            self._paint_dot(painter, palette, swatch, colour, met)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                label, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )

    def _paint_dot(
        self, painter: QPainter, palette: QPalette, rect: QRectF, colour: QColor, met: bool
    ) -> None:
        """Met: a filled disc with an outline. Not met yet: a thick ring, hollow inside."""
        if met:
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Text), max(1.0, rect.width() / 12))
            )
            painter.setBrush(colour)
            painter.drawEllipse(rect)
            return
        ring = max(2.0, rect.width() / 4)
        painter.setPen(QPen(colour, ring))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(rect.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2))

    def _paint_markers(self, painter: QPainter, palette: QPalette, cell: _Cell) -> None:
        line = self._line()
        dot = line * 0.8
        metrics = QFontMetricsF(self.font())
        text_colour = palette.color(QPalette.ColorRole.Text)
        for rect, marker, named in cell.markers:
            dot_rect = QRectF(rect.left(), rect.center().y() - dot / 2, dot, dot) if named else rect
            if marker.id == self._selected:
                ring = QPen(palette.color(QPalette.ColorRole.Highlight), max(2.0, dot / 6))
                painter.setPen(ring)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                grow = dot * 0.28
                painter.drawEllipse(dot_rect.adjusted(-grow, -grow, grow, grow))
            dragged = self._drag_at is not None and self._pressed is not None
            colour = stance_color(marker.stance, palette)
            if dragged and self._pressed.id == marker.id:
                colour.setAlphaF(0.35)
            self._paint_dot(painter, palette, dot_rect, colour, marker.met)
            if named:
                text_rect = rect.adjusted(dot + line * 0.35, 0, 0, 0)
                text = metrics.elidedText(
                    marker.name, Qt.TextElideMode.ElideRight, text_rect.width()
                )
                painter.setPen(text_colour)
                painter.drawText(
                    text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
                )
        if cell.more is not None:
            rect, rest = cell.more
            painter.setPen(muted_color(palette))
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"+{len(rest)}",
            )

    def _paint_drag(self, painter: QPainter, palette: QPalette) -> None:
        if self._drag_at is None or self._pressed is None:
            return
        dot = self._line() * 0.9
        rect = QRectF(self._drag_at.x() - dot / 2, self._drag_at.y() - dot / 2, dot, dot)
        self._paint_dot(
            painter, palette, rect, stance_color(self._pressed.stance, palette), self._pressed.met
        )

    # ------------------------------------------------------------ hit-testing

    def _cell_at(self, point: QPointF) -> tuple[int, int] | None:
        for key, cell in self._cells.items():
            if cell.rect.contains(point):
                return key
        return None

    def _marker_at(self, point: QPointF) -> GridMarker | None:
        self._ensure_layout()
        key = self._cell_at(point)
        if key is None:
            return None
        for rect, marker, named in self._cells[key].markers:
            hit = rect if named else rect.adjusted(-2, -2, 2, 2)
            if hit.contains(point):
                return marker
        return None

    # ------------------------------------------------------------ events

    def resizeEvent(self, event: object) -> None:
        self._laid_out = False
        super().resizeEvent(event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._invalidate()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.tooltip_at(QPointF(event.pos())), self)
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip shown at `point`: a person, the people in "+N", or the cell."""
        marker = self._marker_at(point)
        if marker is not None:
            met = self.tr("Met") if marker.met else self.tr("Not met yet")
            return self.tr(
                "{name}\n{stance} · {met}\nInfluence {influence} · Interest {interest}"
            ).format(
                name=marker.name,
                stance=fmt.stance_label(marker.stance),
                met=met,
                influence=marker.influence,
                interest=marker.interest,
            )
        key = self._cell_at(point)
        if key is None:
            return self.toolTip()
        cell = self._cells[key]
        if cell.more is not None and cell.more[0].contains(point):
            names = [m.name for m in cell.more[1]]
            shown = ", ".join(names[:15]) + (", …" if len(names) > 15 else "")
            return self.tr("{n} more here: {names}").format(n=len(names), names=shown)
        count = len(cell.markers) + (len(cell.more[1]) if cell.more else 0)
        return self.tr("Influence {influence} · Interest {interest} · {area}\n{n} people").format(
            influence=key[0], interest=key[1], area=fmt.quadrant_label(quadrant(*key)), n=count
        )

    def set_movable(self, movable: bool) -> None:
        """Whether markers may be dragged or moved with Ctrl+arrows (not in a read-only window)."""
        self._movable = movable
        if not movable:
            self._end_drag()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self._marker_at(event.position())
            self._press_at = event.position()
            self._drag_at = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position() - self._press_at).manhattanLength()
            far_enough = self._drag_at is not None or moved >= QApplication.startDragDistance()
            if far_enough and self._movable:
                self._drag_at = event.position()
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._pressed is None:
            super().mouseReleaseEvent(event)
            return
        marker, dragged = self._pressed, self._drag_at is not None
        self._end_drag()
        if not dragged:
            self._choose(marker.id)
            return
        target = self._cell_at(event.position())
        if target is not None and target != (marker.influence, marker.interest):
            self._selected = marker.id
            self.marker_moved.emit(marker.id, *target)

    def _end_drag(self) -> None:
        self._pressed = None
        self._drag_at = None
        self.unsetCursor()
        self.update()

    def _choose(self, stakeholder_id: int) -> None:
        self.set_selected(stakeholder_id)
        self.marker_chosen.emit(stakeholder_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._pressed is not None:
            self._end_drag()
            return
        steps = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Left: (0, -1),
        }
        if key in steps and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._move_selected(*steps[key])
            return
        if key in steps:
            self._step_selection(1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._selected:
            self.marker_chosen.emit(self._selected)
            return
        super().keyPressEvent(event)

    def _reading_order(self) -> list[GridMarker]:
        """Markers top row first, left to right: the order the arrow keys walk."""
        return sorted(
            self._markers, key=lambda m: (-m.influence, m.interest, m.name.casefold(), m.id)
        )

    def _step_selection(self, step: int) -> None:
        order = self._reading_order()
        if not order:
            return
        ids = [m.id for m in order]
        if self._selected in ids:
            position = (ids.index(self._selected) + step) % len(ids)
        else:
            position = 0 if step > 0 else len(ids) - 1
        self._choose(ids[position])

    def _move_selected(self, influence_step: int, interest_step: int) -> None:
        marker = next((m for m in self._markers if m.id == self._selected), None)
        if marker is None or not self._movable:
            return
        influence = marker.influence + influence_step
        interest = marker.interest + interest_step
        if influence in RATINGS and interest in RATINGS:
            self.marker_moved.emit(marker.id, influence, interest)


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )
