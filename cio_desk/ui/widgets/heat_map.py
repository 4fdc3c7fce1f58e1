"""A 5 x 5 likelihood x impact heat map with the number of risks in each cell.

Cells are coloured by the band the risk service gives them (low, medium,
high, critical); clicking a cell (or Space/Enter on the focused cell) emits
`cell_clicked(likelihood, impact)`. Likelihood runs up, impact to the right.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from cio_desk.services.risks import HeatMap, RiskBand, risk_score
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import is_dark, muted_color, scaled_font

GRID = 5
# Band colours on a light and on a dark palette; text on them is the palette's text.
_BAND_COLOURS = {
    RiskBand.LOW: ("#cfe6cf", "#2e5234"),
    RiskBand.MEDIUM: ("#f5e3a3", "#5f5220"),
    RiskBand.HIGH: ("#f4bb84", "#75461d"),
    RiskBand.CRITICAL: ("#e88f86", "#86302b"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HeatMapView", text)


def band_color(palette: QPalette, band: RiskBand) -> QColor:
    """The colour of a risk band, readable under the palette's text colour."""
    light, dark = _BAND_COLOURS[band]
    return QColor(dark if is_dark(palette) else light)


class HeatMapView(QWidget):
    """One heat map (inherent or residual); `selected` outlines the filtered cell."""

    cell_clicked = Signal(int, int)  # likelihood, impact

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heat: HeatMap | None = None
        self._selected: tuple[int, int] | None = None
        self._focus_cell = (3, 3)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)
        self.setToolTip("")

    def set_heat_map(self, heat: HeatMap) -> None:
        self._heat = heat
        self.setAccessibleDescription(
            _tr("{n} risks. Arrow keys choose a cell; Space lists its risks.").format(n=heat.total)
        )
        self.update()

    def heat_map(self) -> HeatMap | None:
        return self._heat

    def set_selected(self, cell: tuple[int, int] | None) -> None:
        """Outline `cell` (likelihood, impact) as the register's filter; None for none."""
        self._selected = cell
        if cell is not None:
            self._focus_cell = cell
        self.update()

    def selected(self) -> tuple[int, int] | None:
        return self._selected

    # ------------------------------------------------------------ geometry

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _margins(self) -> tuple[float, float]:
        """Room left of the grid (axis title and numbers) and under it."""
        line = self._metrics().height()
        return line * 2 + 10, line * 2 + 8

    def sizeHint(self) -> QSize:
        left, bottom = self._margins()
        cell = self._metrics().height() * 2.4
        return QSize(round(left + GRID * cell + 8), round(GRID * cell + bottom + 4))

    def minimumSizeHint(self) -> QSize:
        left, bottom = self._margins()
        cell = self._metrics().height() * 1.3
        return QSize(round(left + GRID * cell + 8), round(GRID * cell + bottom + 4))

    def _grid(self) -> tuple[QRectF, float]:
        """The grid's rectangle (square cells, centred) and its cell size."""
        left, bottom = self._margins()
        cell = max(8.0, min((self.width() - left - 8) / GRID, (self.height() - bottom - 4) / GRID))
        width = GRID * cell
        x = left + max(0.0, (self.width() - left - 8 - width) / 2)
        return QRectF(x, 2, width, width), cell

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        """Where a cell is drawn (likelihood 5 at the top, impact 5 at the right)."""
        grid, cell = self._grid()
        return QRectF(
            grid.left() + (impact - 1) * cell, grid.top() + (GRID - likelihood) * cell, cell, cell
        )

    def cell_at(self, position: QPointF) -> tuple[int, int] | None:
        grid, cell = self._grid()
        if not grid.contains(position):
            return None
        impact = min(GRID, int((position.x() - grid.left()) // cell) + 1)
        likelihood = GRID - min(GRID - 1, int((position.y() - grid.top()) // cell))
        return likelihood, impact

    # ------------------------------------------------------------ painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        _grid, cell = self._grid()
        bold = scaled_font(self.font(), 1.15, bold=True)
        if QFontMetricsF(bold).height() > cell * 0.8:  # small cells: the count must still fit
            bold.setPixelSize(max(6, round(cell * 0.6)))
        for likelihood in range(1, GRID + 1):
            for impact in range(1, GRID + 1):
                rect = self.cell_rect(likelihood, impact).adjusted(1, 1, -1, -1)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(band_color(palette, HeatMap.band(likelihood, impact)))
                painter.drawRoundedRect(rect, 3, 3)
                count = self._heat.count(likelihood, impact) if self._heat else 0
                if count:
                    painter.setFont(bold)
                    painter.setPen(text)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
        self._paint_outlines(painter, text)
        self._paint_axes(painter)
        painter.end()

    def _paint_outlines(self, painter: QPainter, text: QColor) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._selected is not None:
            painter.setPen(QPen(text, 3.0))
            painter.drawRoundedRect(self.cell_rect(*self._selected).adjusted(2, 2, -2, -2), 3, 3)
        if self.hasFocus():
            painter.setPen(QPen(text, 1.5, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(self.cell_rect(*self._focus_cell).adjusted(4, 4, -4, -4), 2, 2)

    def _paint_axes(self, painter: QPainter) -> None:
        grid, cell = self._grid()
        line = self._metrics().height()
        painter.setFont(self.font())
        painter.setPen(muted_color(self.palette()))
        centre = Qt.AlignmentFlag.AlignCenter
        for n in range(1, GRID + 1):
            x = grid.left() + (n - 1) * cell
            painter.drawText(QRectF(x, grid.bottom() + 2, cell, line), centre, str(n))
            y = grid.top() + (GRID - n) * cell
            painter.drawText(QRectF(grid.left() - line - 4, y, line, cell), centre, str(n))
        painter.drawText(
            QRectF(grid.left(), grid.bottom() + line + 4, grid.width(), line),
            centre,
            _tr("Impact →"),
        )
        painter.save()
        painter.translate(grid.left() - line - 8, grid.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-grid.height() / 2, -line, grid.height(), line), centre, _tr("Likelihood →")
        )
        painter.restore()

    # ------------------------------------------------------------ interaction

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self._focus_cell = cell
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.cell_clicked.emit(*cell)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        shape = (
            Qt.CursorShape.PointingHandCursor
            if self.cell_at(event.position())
            else (Qt.CursorShape.ArrowCursor)
        )
        self.setCursor(shape)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        likelihood, impact = self._focus_cell
        moves = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Left: (0, -1),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dl, di = moves[key]
            self._focus_cell = (
                min(GRID, max(1, likelihood + dl)),
                min(GRID, max(1, impact + di)),
            )
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cell_clicked.emit(*self._focus_cell)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cell = self.cell_at(QPointF(event.pos()))
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.cell_tooltip(*cell), self)
            return True
        return super().event(event)

    def cell_tooltip(self, likelihood: int, impact: int) -> str:
        """What a cell's tooltip says: its scores, band and count."""
        count = self._heat.count(likelihood, impact) if self._heat else 0
        risks = _tr("1 risk") if count == 1 else _tr("{n} risks").format(n=count)
        return _tr(
            "Likelihood {likelihood} × impact {impact} = {score} ({band}): {risks}. "
            "Click to list them; click again to show all."
        ).format(
            likelihood=likelihood,
            impact=impact,
            score=risk_score(likelihood, impact),
            band=fmt.risk_band_label(HeatMap.band(likelihood, impact)),
            risks=risks,
        )
