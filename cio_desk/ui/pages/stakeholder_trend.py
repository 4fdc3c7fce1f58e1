"""A small chart of a stakeholder's stance over time, with the target as a dashed line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cio_desk.services.tour import StanceTrend
from cio_desk.store.enums import Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import muted_color, scaled_font
from cio_desk.ui.widgets.influence_grid import stance_color

_STANCES = list(Stance)  # champion first: the top line of the chart


class StanceTrendChart(QWidget):
    """Stance (one line per stance) against assessment dates, oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trend: StanceTrend | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_trend(self, trend: StanceTrend) -> None:
        self._trend = trend
        self.setAccessibleName(self.tr("Stance over time"))
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self._small_font()).height()
        return QSize(int(line * 20), int(line * 7.5))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint().boundedTo(QSize(int(self.sizeHint().width() / 2), 10_000))

    def _small_font(self) -> QFont:
        return scaled_font(self.font(), 0.85)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._trend is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._small_font())
        metrics = QFontMetricsF(painter.font())
        line = metrics.height()
        label_width = max(metrics.horizontalAdvance(fmt.stance_label(s)) for s in Stance)
        plot = QRectF(
            label_width + line * 0.6,
            line * 0.5,
            self.width() - label_width - line * 1.4,
            self.height() - line * 2.0,
        )
        self._paint_scale(painter, plot, label_width)
        self._paint_points(painter, plot)
        painter.end()

    def _y(self, plot: QRectF, stance: Stance) -> float:
        return plot.top() + plot.height() * _STANCES.index(stance) / (len(_STANCES) - 1)

    def _paint_scale(self, painter: QPainter, plot: QRectF, label_width: float) -> None:
        palette = self.palette()
        muted = muted_color(palette)
        line = QFontMetricsF(painter.font()).height()
        for stance in Stance:
            y = self._y(plot, stance)
            painter.setPen(QPen(muted, 0.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - line / 2, label_width, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                fmt.stance_label(stance),
            )
        target = self._trend.target if self._trend else None
        if target is not None:
            y = self._y(plot, target)
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def _paint_points(self, painter: QPainter, plot: QRectF) -> None:
        assert self._trend is not None
        palette = self.palette()
        points = list(self._trend.points)
        line = QFontMetricsF(painter.font()).height()
        if not points:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            y = self._y(plot, self._trend.current)
            self._dot(painter, QPointF(plot.left() + line, y), self._trend.current)
            return
        first, last = points[0].assessed_on, points[-1].assessed_on
        span = max(1, (last - first).days)

        def x_of(index: int) -> float:
            if len(points) == 1:
                return plot.center().x()
            return plot.left() + plot.width() * (points[index].assessed_on - first).days / span

        path_pen = QPen(palette.color(QPalette.ColorRole.Text), 1.5)
        painter.setPen(path_pen)
        for i in range(1, len(points)):
            painter.drawLine(
                QPointF(x_of(i - 1), self._y(plot, points[i - 1].stance)),
                QPointF(x_of(i), self._y(plot, points[i].stance)),
            )
        for i, point in enumerate(points):
            self._dot(painter, QPointF(x_of(i), self._y(plot, point.stance)), point.stance)
        painter.setPen(muted_color(palette))
        bottom = QRectF(plot.left(), plot.bottom() + line * 0.4, plot.width(), line)
        if len(points) == 1:
            painter.drawText(bottom, int(Qt.AlignmentFlag.AlignHCenter), fmt.short_date(first))
            return
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft), fmt.short_date(first))
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight), fmt.short_date(last))

    def _dot(self, painter: QPainter, centre: QPointF, stance: Stance) -> None:
        radius = QFontMetricsF(painter.font()).height() * 0.32
        painter.save()
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.2))
        painter.setBrush(stance_color(stance, self.palette()))
        painter.drawEllipse(centre, radius, radius)
        painter.restore()
