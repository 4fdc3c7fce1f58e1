"""A progress bar drawn from the palette, with an optional labelled marker line."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cio_desk.ui.theme import muted_color, scaled_font, tone_color

_TRACK_HEIGHT = 10
_MARKER_OVERHANG = 4


class Meter(QWidget):
    """A filled fraction (0..1); `set_marker` adds a line such as the half-way mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._marker: float | None = None
        self._marker_label = ""
        self._tone: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fraction(self) -> float:
        return self._fraction

    def marker(self) -> float | None:
        return self._marker

    def set_fraction(self, fraction: float, *, tone: str | None = None) -> None:
        """Fill `fraction` of the bar, in the palette's highlight or a named tone."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._tone = tone
        self.update()

    def set_marker(self, fraction: float | None, label: str = "") -> None:
        """Draw a line at `fraction` with `label` under it; None removes it."""
        self._marker = fraction
        self._marker_label = label
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(160, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height())

    def _label_font(self) -> QFont:
        return scaled_font(self.font(), 0.85)

    def _height(self) -> int:
        height = _TRACK_HEIGHT + 2 * _MARKER_OVERHANG
        if self._marker is not None and self._marker_label:
            height += QFontMetrics(self._label_font()).height()
        return height

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        track = QRectF(0.5, _MARKER_OVERHANG, self.width() - 1.0, _TRACK_HEIGHT)
        radius = _TRACK_HEIGHT / 2
        painter.setPen(Qt.PenStyle.NoPen)
        track_colour = muted_color(palette)
        track_colour.setAlphaF(0.25)
        painter.setBrush(track_colour)
        painter.drawRoundedRect(track, radius, radius)
        if self._fraction > 0:
            fill = QRectF(track)
            fill.setWidth(max(_TRACK_HEIGHT, track.width() * self._fraction))
            colour = (
                tone_color(palette, self._tone)
                if self._tone
                else palette.color(QPalette.ColorRole.Highlight)
            )
            painter.setBrush(colour)
            painter.drawRoundedRect(fill, radius, radius)
        if self._marker is not None:
            self._paint_marker(painter, track)
        painter.end()

    def _paint_marker(self, painter: QPainter, track: QRectF) -> None:
        x = round(track.left() + track.width() * self._marker) + 0.5
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(QPen(text_colour, 2))
        painter.drawLine(QLineF(x, 0, x, _TRACK_HEIGHT + 2 * _MARKER_OVERHANG))
        if not self._marker_label:
            return
        painter.setFont(self._label_font())
        painter.setPen(muted_color(self.palette()))
        width = painter.fontMetrics().horizontalAdvance(self._marker_label)
        left = min(max(0, x - width / 2), self.width() - width)
        top = _TRACK_HEIGHT + 2 * _MARKER_OVERHANG
        painter.drawText(
            QRectF(left, top, width + 1, self.height() - top),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self._marker_label,
        )
