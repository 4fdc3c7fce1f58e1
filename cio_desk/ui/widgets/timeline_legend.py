"""The key to the roadmap's marks: milestone, dependency, early start, today, proposal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from cio_desk.ui.theme import muted_color, tone_color
from cio_desk.ui.widgets.timeline_paint import horizon_color, milestone_color

_MARK = 22.0  # width of each mark, before its words
_GAP = 18.0  # between entries


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineLegend", text)


class TimelineLegend(QWidget):
    """One line of marks with their meaning, painted with the timeline's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_tr("Legend"))
        self.setAccessibleDescription(", ".join(self.entries()))

    @staticmethod
    def entries() -> list[str]:
        return [
            _tr("Milestone"),
            _tr("Depends on"),
            _tr("Starts before its dependency ends"),
            _tr("Today"),
            _tr("Proposed, not yet approved"),
        ]

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        width = sum(_MARK + 6 + metrics.horizontalAdvance(t) + _GAP for t in self.entries())
        return QSize(round(width), round(metrics.height() + 6))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        palette = self.palette()
        middle = self.height() / 2
        x = 0.0
        draw = (self._milestone, self._arrow, self._conflict, self._today, self._proposed)
        for text, mark in zip(self.entries(), draw, strict=True):
            width = _MARK + 6 + metrics.horizontalAdvance(text)
            if x + width > self.width():
                break  # what does not fit is left out rather than cut
            mark(painter, QRectF(x, middle - 7, _MARK, 14))
            painter.setPen(muted_color(palette))
            painter.drawText(
                QRectF(x + _MARK + 6, 0, width, self.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            x += width + _GAP
        painter.end()

    def _milestone(self, painter: QPainter, box: QRectF) -> None:
        c, r = box.center(), 5.5
        painter.setPen(QPen(self.palette().base().color(), 1.0))
        painter.setBrush(milestone_color(self.palette()))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r, c.y()),
                    QPointF(c.x(), c.y() + r),
                    QPointF(c.x() - r, c.y()),
                ]
            )
        )

    def _line_arrow(self, painter: QPainter, box: QRectF, pen: QPen) -> None:
        y = box.center().y()
        painter.setPen(pen)
        painter.drawLine(QLineF(box.left(), y, box.right() - 4, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(box.right(), y),
                    QPointF(box.right() - 6, y - 3.6),
                    QPointF(box.right() - 6, y + 3.6),
                ]
            )
        )

    def _arrow(self, painter: QPainter, box: QRectF) -> None:
        self._line_arrow(painter, box, QPen(muted_color(self.palette()), 1.3))

    def _conflict(self, painter: QPainter, box: QRectF) -> None:
        self._line_arrow(painter, box, QPen(tone_color(self.palette(), "warn"), 1.8))

    def _today(self, painter: QPainter, box: QRectF) -> None:
        painter.setPen(QPen(tone_color(self.palette(), "accent"), 2.0))
        x = box.center().x()
        painter.drawLine(QLineF(x, box.top() - 2, x, box.bottom() + 2))

    def _proposed(self, painter: QPainter, box: QRectF) -> None:
        colour = horizon_color(self.palette(), 6)
        fill = horizon_color(self.palette(), 6)
        fill.setAlphaF(0.55)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(fill)
        painter.drawRoundedRect(box.adjusted(0, 2, 0, -2), 4, 4)
