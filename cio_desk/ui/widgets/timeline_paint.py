"""Painting the roadmap timeline: bands, rows, bars, milestones, arrows, today, ruler.

Every colour comes from the palette (or a horizon colour chosen for light or
dark palettes), every size from the font, so the chart reads in both modes
and at any scale. Only the rows in view are painted.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from cio_desk.store.enums import InitiativeStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import card_colors, is_dark, muted_color, tone_color
from cio_desk.ui.widgets.timeline_rows import (
    HORIZON_BANDS,
    PLAN_MONTHS,
    Drag,
    Geometry,
    TimelineBar,
    TimelineContent,
)

_ROLE = QPalette.ColorRole
# Past this many dependencies, arrows are drawn faintly unless they touch the chosen bar.
CROWDED_ARROWS = 30
# How strongly a bar is filled, by status: proposals and paused work look lighter.
_STATUS_ALPHA = {
    InitiativeStatus.PROPOSED: 0.55,
    InitiativeStatus.ON_HOLD: 0.35,
    InitiativeStatus.DROPPED: 0.2,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


def horizon_color(palette: QPalette, horizon: int) -> QColor:
    """The colour of a horizon's bars: strong on a light palette, light on a dark one."""
    light = {6: "#245a9c", 12: "#23707f", 24: "#5a6f94"}
    dark = {6: "#7fb0ea", 12: "#6cc3cf", 24: "#b2b9e6"}
    table = dark if is_dark(palette) else light
    return QColor(table.get(horizon, table[6]))


def milestone_color(palette: QPalette) -> QColor:
    return QColor("#e8c46a" if is_dark(palette) else "#c8962a")


def _with_alpha(colour: QColor, alpha: float) -> QColor:
    copy = QColor(colour)
    copy.setAlphaF(alpha)
    return copy


def _text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill`."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#10161d") if luminance > 0.45 else QColor("#ffffff")


class TimelinePainter:
    """Paints one frame of the timeline into the viewport."""

    def __init__(
        self,
        painter: QPainter,
        geometry: Geometry,
        palette: QPalette,
        font: QFont,
        content: TimelineContent,
        *,
        origin: QPointF,
        size: QSizeF,
    ) -> None:
        self.p = painter
        self.g = geometry
        self.palette = palette
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.content = content
        self.origin = origin
        self.size = size
        self.base = palette.color(_ROLE.Base)
        self.text = palette.color(_ROLE.Text)
        self.muted = muted_color(palette)
        self.side, self.border = card_colors(palette)
        self.heading = _with_alpha(self.text, 0.06)
        # Content y of the visible chart area, and the rows in it.
        self.top = geometry.ruler_height - origin.y()
        self.bottom = size.height() - origin.y()
        rows = len(content.rows)
        self.first_row = max(0, int(self.top // geometry.row_height))
        self.last_row = min(rows - 1, int(self.bottom // geometry.row_height))

    def paint(self, *, today: float | None, selected: int | None, drag: Drag | None) -> None:
        g, p = self.g, self.p
        p.fillRect(QRectF(QPointF(0, 0), self.size), self.base)
        chart = QRectF(
            g.label_width,
            g.ruler_height,
            self.size.width() - g.label_width,
            self.size.height() - g.ruler_height,
        )
        p.save()
        p.setClipRect(chart)
        p.translate(self.origin)
        self._bands()
        self._rows(selected, drag)
        self._arrows(selected)
        self._today_line(today)
        if drag is not None:
            self._ghost(drag)
        p.restore()
        self._labels(selected)
        self._ruler(today)

    # ------------------------------------------------------------ chart

    def _bands(self) -> None:
        dark = is_dark(self.palette)
        for index, (horizon, (first, last)) in enumerate(HORIZON_BANDS.items()):
            left, right = self.g.month_left(first), self.g.month_left(last + 1)
            tint = _with_alpha(horizon_color(self.palette, horizon), 0.10 if dark else 0.06)
            if index % 2:
                tint.setAlphaF(tint.alphaF() * 1.6)
            self.p.fillRect(QRectF(left, self.top, right - left, self.bottom - self.top), tint)
        for month in range(2, PLAN_MONTHS + 2):
            boundary = month in (7, 13, PLAN_MONTHS + 1)
            colour = _with_alpha(self.text, 0.28 if boundary else 0.08)
            self.p.setPen(QPen(colour, 1.0))
            x = self.g.month_left(month)
            self.p.drawLine(QLineF(x, self.top, x, self.bottom))

    def _rows(self, selected: int | None, drag: Drag | None) -> None:
        g = self.g
        for index in range(self.first_row, self.last_row + 1):
            row = self.content.rows[index]
            y = g.row_top(index)
            if row.bar is None:
                self.p.fillRect(QRectF(0, y, g.chart_width, g.row_height), self.heading)
                continue
            bar = row.bar
            faded = drag is not None and drag.bar.id == bar.id
            self._bar(bar, y, selected=bar.id == selected, faded=faded)
            self._milestones(bar, y)

    def _bar_rect(self, start: int, end: int, y: float) -> QRectF:
        left, right = self.g.bar_span(start, end)
        pad = self.g.row_height * 0.2
        return QRectF(left + 1.5, y + pad, max(2.0, right - left - 3), self.g.row_height - 2 * pad)

    def _bar(self, bar: TimelineBar, y: float, *, selected: bool, faded: bool) -> None:
        rect = self._bar_rect(bar.start_month, bar.end_month, y)
        colour = horizon_color(self.palette, bar.horizon)
        fill = _with_alpha(colour, _STATUS_ALPHA.get(bar.status, 1.0) * (0.35 if faded else 1))
        radius = min(rect.height() / 2, 5.0)
        if selected:
            pen = QPen(self.palette.color(_ROLE.Highlight), 2.5)
        elif bar.status in _STATUS_ALPHA:  # proposed: outlined; on hold, dropped: dashed
            solid = bar.status == InitiativeStatus.PROPOSED
            pen = QPen(colour, 1.2, Qt.PenStyle.SolidLine if solid else Qt.PenStyle.DashLine)
        else:
            pen = QPen(Qt.PenStyle.NoPen)
        self.p.setPen(pen)
        self.p.setBrush(fill)
        self.p.drawRoundedRect(rect, radius, radius)

    def _milestones(self, bar: TimelineBar, y: float) -> None:
        if not bar.milestones:
            return
        radius = self.g.row_height * 0.24
        centre_y = y + self.g.row_height / 2
        self.p.setPen(QPen(self.base, 1.2))
        self.p.setBrush(milestone_color(self.palette))
        for milestone in bar.milestones:
            x = self.g.month_left(milestone.month + 0.5)
            self.p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, centre_y - radius),
                        QPointF(x + radius, centre_y),
                        QPointF(x, centre_y + radius),
                        QPointF(x - radius, centre_y),
                    ]
                )
            )

    def _arrows(self, selected: int | None) -> None:
        """Dependencies; with many of them, or a bar chosen, the others recede."""
        g = self.g
        half = g.row_height / 2
        chosen_row = self.content.row_of.get(selected) if selected is not None else None
        crowded = len(self.content.arrows) > CROWDED_ARROWS
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        for arrow in self.content.arrows:
            low, high = sorted((arrow.from_row, arrow.to_row))
            if high < self.first_row or low > self.last_row:
                continue
            if chosen_row is not None:
                strong = chosen_row in (arrow.from_row, arrow.to_row)
            else:
                strong = not crowded
            pen = self._arrow_pen(arrow.conflict, strong)
            begin = QPointF(g.month_left(arrow.from_month + 1), g.row_top(arrow.from_row) + half)
            end = QPointF(g.month_left(arrow.to_month), g.row_top(arrow.to_row) + half)
            reach = max(g.month_width * 0.6, abs(end.x() - begin.x()) / 2, 14.0)
            path = QPainterPath(begin)
            path.cubicTo(
                QPointF(begin.x() + reach, begin.y()), QPointF(end.x() - reach, end.y()), end
            )
            self.p.setPen(pen)
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.drawPath(path)
            self._arrow_head(end, pen.color())

    def _arrow_pen(self, conflict: bool, strong: bool) -> QPen:
        colour = tone_color(self.palette, "warn") if conflict else QColor(self.muted)
        colour.setAlphaF(0.95 if strong else 0.22)
        return QPen(colour, (1.8 if conflict else 1.3) * (1.0 if strong else 0.8))

    def _arrow_head(self, tip: QPointF, colour: QColor) -> None:
        size = max(5.0, self.g.row_height * 0.2)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QBrush(colour))
        self.p.drawPolygon(
            QPolygonF(
                [
                    tip,
                    QPointF(tip.x() - size, tip.y() - size * 0.6),
                    QPointF(tip.x() - size, tip.y() + size * 0.6),
                ]
            )
        )

    def _today_line(self, today: float | None) -> None:
        if today is None or not 0 <= today <= PLAN_MONTHS:
            return
        x = today * self.g.month_width
        self.p.setPen(QPen(tone_color(self.palette, "accent"), 2.0))
        self.p.drawLine(QLineF(x, self.top, x, self.bottom))

    def _ghost(self, drag: Drag) -> None:
        row = self.content.row_of.get(drag.bar.id)
        if row is None:
            return
        start, end = drag.span()
        y = self.g.row_top(row)
        rect = self._bar_rect(start, end, y)
        allowed = start >= 1 and end <= PLAN_MONTHS
        colour = (
            horizon_color(self.palette, drag.bar.horizon)
            if allowed
            else tone_color(self.palette, "warn")
        )
        self.p.setPen(QPen(self.text, 1.5, Qt.PenStyle.DashLine))
        self.p.setBrush(_with_alpha(colour, 0.8))
        radius = min(rect.height() / 2, 5.0)
        self.p.drawRoundedRect(rect, radius, radius)
        label = fmt.month_span(start, end)
        width = self.metrics.horizontalAdvance(label) + 12
        left = rect.right() + 6
        if left + width > self.g.chart_width:
            left = rect.left() - 6 - width
        pill = QRectF(left, rect.top(), width, rect.height())
        self.p.setPen(QPen(self.border, 1.0))
        self.p.setBrush(self.base)
        self.p.drawRoundedRect(pill, 4, 4)
        self.p.setPen(self.text if allowed else tone_color(self.palette, "warn"))
        self.p.setFont(self.bold)
        self.p.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)

    # ------------------------------------------------------------ fixed parts

    def _labels(self, selected: int | None) -> None:
        g, p = self.g, self.p
        column = QRectF(0, g.ruler_height, g.label_width, self.size.height() - g.ruler_height)
        p.save()
        p.setClipRect(column)
        p.fillRect(column, self.side)
        highlight = self.palette.color(_ROLE.Highlight)
        for index in range(self.first_row, self.last_row + 1):
            row = self.content.rows[index]
            y = self.origin.y() + g.row_top(index)
            cell = QRectF(0, y, g.label_width, g.row_height)
            if row.bar is None:
                p.fillRect(cell, self.heading)
                p.setFont(self.bold)
                p.setPen(horizon_color(self.palette, row.horizon))
                self._text(cell.adjusted(10, 0, -8, 0), self._heading_text(row.horizon, row.count))
                continue
            bar = row.bar
            colour = self.text if bar.status != InitiativeStatus.DROPPED else self.muted
            if bar.id == selected:
                p.fillRect(cell, highlight)
                colour = self.palette.color(_ROLE.HighlightedText)
            dot = QRectF(12, y + g.row_height / 2 - 4, 8, 8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(horizon_color(self.palette, bar.horizon))
            p.drawEllipse(dot)
            p.setFont(self.font)
            p.setPen(colour)
            self._text(cell.adjusted(28, 0, -8, 0), bar.title)
        p.restore()
        p.setPen(QPen(self.border, 1.0))
        x = g.label_width - 0.5
        p.drawLine(QLineF(x, g.ruler_height, x, self.size.height()))

    def _heading_text(self, horizon: int, count: int) -> str:
        title = fmt.horizon_label(horizon)
        if count == 0:
            return _tr("{horizon} · none yet").format(horizon=title)
        return _tr("{horizon} · {n}").format(horizon=title, n=count)

    def _text(self, rect: QRectF, text: str) -> None:
        metrics = QFontMetricsF(self.p.font())
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    def _ruler(self, today: float | None) -> None:
        g, p = self.g, self.p
        ruler = QRectF(0, 0, self.size.width(), g.ruler_height)
        p.fillRect(ruler, self.side)
        p.setPen(QPen(self.border, 1.0))
        p.drawLine(QLineF(0, g.ruler_height - 0.5, self.size.width(), g.ruler_height - 0.5))
        p.setPen(self.muted)
        p.setFont(self.font)
        line = self.metrics.height()
        self._text(QRectF(10, 7 + line, g.label_width - 18, line), _tr("Initiatives by horizon"))
        p.save()
        p.setClipRect(QRectF(g.label_width, 0, self.size.width() - g.label_width, g.ruler_height))
        p.translate(self.origin.x(), 0)
        current = None if today is None or not 0 <= today < PLAN_MONTHS else math.floor(today) + 1
        for horizon, (first, last) in HORIZON_BANDS.items():
            left, right = g.month_left(first), g.month_left(last + 1)
            p.setPen(QPen(_with_alpha(self.text, 0.28), 1.0))
            p.drawLine(QLineF(left, 4, left, g.ruler_height))
            p.setFont(self.bold)
            p.setPen(horizon_color(self.palette, horizon))
            self._text(QRectF(left + 6, 5, right - left - 10, line), fmt.horizon_label(horizon))
        p.setFont(self.font)
        for month in range(1, PLAN_MONTHS + 1):
            cell = QRectF(g.month_left(month), 7 + line, g.month_width, line)
            label = _tr("M{n}").format(n=month)
            if self.metrics.horizontalAdvance(label) + 6 > g.month_width:
                label = str(month)
            if month == current:
                width = min(g.month_width - 2, self.metrics.horizontalAdvance(label) + 10)
                pill = QRectF(cell.center().x() - width / 2, cell.top() - 1, width, line + 2)
                accent = tone_color(self.palette, "accent")
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(accent)
                p.drawRoundedRect(pill, 4, 4)
                p.setPen(_text_on(accent))
            else:
                p.setPen(self.muted)
            p.drawText(cell, Qt.AlignmentFlag.AlignCenter, label)
        p.restore()
