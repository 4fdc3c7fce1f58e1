"""The 24-month roadmap timeline: initiatives as bars in horizon bands, drawn from the palette.

A custom scroll area that paints only the rows in view, so hundreds of
initiatives scroll smoothly. The label column and the month ruler stay in
place while the chart scrolls under them.

Mouse: drag a bar to move it, drag an end to stretch it; both snap to whole
months and end in `bar_moved(id, start, end)` (the page saves it; a refused
move simply leaves the bar where it was). Double-click opens the initiative.
Keyboard: Up/Down choose a bar, Left/Right move it a month, Shift+Left/Right
move its end, Ctrl+Left/Right its start, Enter opens it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCursor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from cio_desk.ui import formatting as fmt
from cio_desk.ui.widgets.timeline_paint import TimelinePainter
from cio_desk.ui.widgets.timeline_rows import (
    PLAN_MONTHS,
    Drag,
    DragMode,
    Geometry,
    TimelineBar,
    TimelineContent,
)

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 1.0, 6.0, 1.25


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


class TimelineView(QAbstractScrollArea):
    """Initiatives on a 24-month axis, grouped by horizon, with dependencies and milestones."""

    bar_moved = Signal(int, int, int)  # initiative id, new start month, new end month
    bar_activated = Signal(int)  # double-click or Enter on a bar
    selection_changed = Signal(int)  # the selected initiative's id, 0 for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = TimelineContent.build([])
        self._today: float | None = None
        self._zoom = MIN_ZOOM
        self._pressed: Drag | None = None
        self._drag: Drag | None = None
        self._selected: int | None = None
        self._movable = True
        self._cost_of: Callable[[int], str] = lambda _id: ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(_tr("Roadmap timeline"))
        self.setAccessibleDescription(
            _tr(
                "Up and Down choose an initiative; Left and Right move it by a month; "
                "Shift with Left or Right moves its end, Ctrl its start; Enter opens it."
            )
        )

    # ------------------------------------------------------------ content

    def set_content(self, bars: list[TimelineBar], *, today: float | None) -> None:
        """Show `bars` (by horizon, then rank); `today` is the month position of today."""
        self._content = TimelineContent.build(bars)
        self._today = today
        self._pressed = self._drag = None
        if self._selected is not None and self._content.bar(self._selected) is None:
            self._select(None)
        self._update_scrollbars()
        self.viewport().update()

    def set_cost_lookup(self, cost_of: Callable[[int], str]) -> None:
        """Where tooltips find an initiative's cost, asked only when one is shown."""
        self._cost_of = cost_of

    def content(self) -> TimelineContent:
        return self._content

    def today(self) -> float | None:
        return self._today

    def selected_id(self) -> int | None:
        return self._selected

    def select(self, initiative_id: int | None) -> None:
        """Select a bar (None: none) and scroll it into view."""
        self._select(initiative_id)
        if initiative_id is not None:
            self._ensure_visible(initiative_id)

    def dragging(self) -> Drag | None:
        """The drag in progress, if any."""
        return self._drag

    # ------------------------------------------------------------ zoom

    def zoom(self) -> float:
        """1.0 fits the 24 months in the width; more widens each month."""
        return self._zoom

    def set_zoom(self, zoom: float, anchor_x: float | None = None) -> None:
        """Widen or narrow the months, keeping the month under `anchor_x` (viewport x) still."""
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if zoom == self._zoom:
            return
        before = self.geometry_now()
        anchor = before.label_width if anchor_x is None else anchor_x
        month = (anchor - before.label_width + self.horizontalScrollBar().value()) / (
            before.month_width
        )
        self._zoom = zoom
        self._update_scrollbars()
        after = self.geometry_now()
        self.horizontalScrollBar().setValue(
            round(month * after.month_width - (anchor - after.label_width))
        )
        self.viewport().update()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self.set_zoom(MIN_ZOOM)

    # ------------------------------------------------------------ geometry

    def geometry_now(self) -> Geometry:
        """Sizes for the current font, width and zoom."""
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        width = self.viewport().width()
        least = metrics.horizontalAdvance("24") + 6
        # The label column gives way (down to 150) before the months need a scroll bar.
        room = width - PLAN_MONTHS * least - 12
        preferred = min(metrics.averageCharWidth() * 38, max(170.0, width * 0.3))
        label_width = max(150.0, min(preferred, room))
        fit = (width - label_width - 12) / PLAN_MONTHS
        return Geometry(
            label_width=round(label_width),
            ruler_height=round(line * 2 + 14),
            row_height=round(line * 1.85),
            month_width=max(least, fit) * self._zoom,
        )

    def bar_rect(self, initiative_id: int) -> QRectF:
        """Where a bar is drawn now, in viewport coordinates (empty if not shown)."""
        row = self._content.row_of.get(initiative_id)
        bar = self._content.bar(initiative_id)
        if row is None or bar is None:
            return QRectF()
        g = self.geometry_now()
        left, right = g.bar_span(bar.start_month, bar.end_month)
        origin = self._origin(g)
        top = origin.y() + g.row_top(row)
        return QRectF(origin.x() + left, top, right - left, g.row_height)

    def month_x(self, month: float) -> float:
        """The viewport x of the left edge of `month` (fractions allowed)."""
        g = self.geometry_now()
        return self._origin(g).x() + g.month_left(month)

    def _origin(self, g: Geometry) -> QPointF:
        """The viewport position of content (0, 0)."""
        return QPointF(
            g.label_width - self.horizontalScrollBar().value(),
            g.ruler_height - self.verticalScrollBar().value(),
        )

    def _update_scrollbars(self) -> None:
        g = self.geometry_now()
        size = self.viewport().size()
        width = g.label_width + g.chart_width + 12
        height = g.ruler_height + len(self._content.rows) * g.row_height + g.row_height / 2
        for bar, content, shown, step in (
            (self.horizontalScrollBar(), width, size.width(), g.month_width),
            (self.verticalScrollBar(), height, size.height(), g.row_height),
        ):
            bar.setRange(0, max(0, round(content - shown)))
            bar.setPageStep(max(1, shown))
            bar.setSingleStep(max(1, round(step)))

    def _ensure_visible(self, initiative_id: int) -> None:
        row = self._content.row_of.get(initiative_id)
        if row is None:
            return
        g = self.geometry_now()
        visible = self.viewport().height() - g.ruler_height
        top = g.row_top(row)
        scroll = self.verticalScrollBar()
        if top < scroll.value():
            scroll.setValue(round(top - g.row_height))  # keep the heading above in view
        elif top + g.row_height > scroll.value() + visible:
            scroll.setValue(round(top + 2 * g.row_height - visible))
        bar = self._content.rows[row].bar
        if bar is None:
            return
        left, right = g.bar_span(bar.start_month, bar.end_month)
        across = self.horizontalScrollBar()
        shown = self.viewport().width() - g.label_width
        if left < across.value() or right > across.value() + shown:
            across.setValue(round(left - g.month_width))

    def _hit(self, position: QPointF) -> tuple[TimelineBar | None, float]:
        """The bar on the row under a viewport position, and the content x there."""
        g = self.geometry_now()
        origin = self._origin(g)
        x, y = position.x() - origin.x(), position.y() - origin.y()
        if position.y() < g.ruler_height:
            return None, x
        row = g.row_at(y, len(self._content.rows))
        bar = None if row is None else self._content.rows[row].bar
        return bar, x

    def _in_labels(self, position: QPointF) -> bool:
        return position.x() < self.geometry_now().label_width

    # ------------------------------------------------------------ painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = self.geometry_now()
        TimelinePainter(
            painter,
            g,
            self.palette(),
            self.font(),
            self._content,
            origin=self._origin(g),
            size=QRectF(self.viewport().rect()).size(),
        ).paint(today=self._today, selected=self._selected, drag=self._drag)
        painter.end()

    # ------------------------------------------------------------ mouse

    def set_movable(self, movable: bool) -> None:
        """Whether bars may be dragged or nudged with the arrow keys (not when read-only)."""
        self._movable = movable
        if not movable:
            self._pressed = self._drag = None
            self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        bar, x = self._hit(event.position())
        if bar is None:
            return
        self._select(bar.id)
        mode = self._drag_mode(bar, event.position(), x)
        self._pressed = Drag(bar, mode, x) if mode is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None:
            self._update_cursor(event.position())
            return
        g = self.geometry_now()
        x = event.position().x() - self._origin(g).x()
        if self._drag is None:
            if abs(x - self._pressed.press_x) < QApplication.startDragDistance():
                return
            self._drag = self._pressed
        months = g.months_moved(self._drag.press_x, x)
        if months != self._drag.months:
            self._drag = Drag(self._drag.bar, self._drag.mode, self._drag.press_x, months)
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag, self._pressed = self._drag, None, None
        self.viewport().update()
        self._update_cursor(event.position())
        if drag is not None and drag.moved():
            start, end = drag.span()
            self.bar_moved.emit(drag.bar.id, start, end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        bar, _x = self._hit(event.position())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self._drag = None
            self.bar_activated.emit(bar.id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._zoom * ZOOM_STEP**steps, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def _update_cursor(self, position: QPointF) -> None:
        bar, x = self._hit(position)
        mode = self._drag_mode(bar, position, x) if bar is not None else None
        shapes = {
            DragMode.MOVE: Qt.CursorShape.SizeAllCursor,
            DragMode.START: Qt.CursorShape.SizeHorCursor,
            DragMode.END: Qt.CursorShape.SizeHorCursor,
        }
        self.viewport().setCursor(QCursor(shapes.get(mode, Qt.CursorShape.ArrowCursor)))

    def _drag_mode(self, bar: TimelineBar, position: QPointF, x: float) -> DragMode | None:
        """What dragging from `position` on `bar` would do (None: nothing)."""
        if not self._movable or self._in_labels(position):
            return None
        return self.geometry_now().drag_mode(bar, x)

    # ------------------------------------------------------------ tooltips

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, position: QPointF) -> str:
        """The tooltip for a viewport position ("" for none)."""
        bar, x = self._hit(position)
        if bar is None:
            return ""
        if not self._in_labels(position):
            milestone = self.geometry_now().milestone_at(bar, x)
            if milestone is not None:
                return _tr("<b>{title}</b><br>Milestone in {month} of “{initiative}”").format(
                    title=html.escape(milestone.title),
                    month=fmt.month_span(milestone.month, milestone.month),
                    initiative=html.escape(bar.title),
                )
        return bar_tooltip(bar, self._cost_of(bar.id))

    # ------------------------------------------------------------ keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key == Qt.Key.Key_Escape and (self._drag or self._pressed):
            self._drag = self._pressed = None
            self.viewport().update()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
            self._step_selection(key)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._selected is not None:
            self._nudge(1 if key == Qt.Key.Key_Right else -1, mods)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.bar_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)

    def _step_selection(self, key: Qt.Key) -> None:
        ids = self._content.bar_ids()
        if not ids:
            return
        if key == Qt.Key.Key_Home or (self._selected is None and key == Qt.Key.Key_Down):
            target = ids[0]
        elif key == Qt.Key.Key_End or self._selected is None:
            target = ids[-1]
        else:
            index = ids.index(self._selected) + (1 if key == Qt.Key.Key_Down else -1)
            target = ids[min(max(index, 0), len(ids) - 1)]
        self.select(target)

    def _nudge(self, step: int, mods: Qt.KeyboardModifier) -> None:
        bar = self._content.bar(self._selected) if self._selected is not None else None
        if bar is None or not self._movable:
            return
        if mods & Qt.KeyboardModifier.ShiftModifier:
            mode = DragMode.END
        elif mods & Qt.KeyboardModifier.ControlModifier:
            mode = DragMode.START
        else:
            mode = DragMode.MOVE
        drag = Drag(bar, mode, 0.0, step)
        if drag.moved():
            self.bar_moved.emit(bar.id, *drag.span())

    def _select(self, initiative_id: int | None) -> None:
        if initiative_id == self._selected:
            return
        self._selected = initiative_id
        self.viewport().update()
        self.selection_changed.emit(initiative_id or 0)

    # ------------------------------------------------------------ resizing

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._update_scrollbars()
            self.viewport().update()


def bar_tooltip(bar: TimelineBar, cost: str = "") -> str:
    """Title, months, owner, cost and status of a bar, as rich text (user text escaped)."""
    lines = [f"<b>{html.escape(bar.title)}</b>"]
    duration = _tr("1 month") if bar.months == 1 else _tr("{n} months").format(n=bar.months)
    lines.append(
        _tr("{months} ({duration}) · {horizon}").format(
            months=fmt.month_span(bar.start_month, bar.end_month),
            duration=duration,
            horizon=fmt.horizon_label(bar.horizon),
        )
    )
    owner = html.escape(bar.owner) if bar.owner else _tr("<i>no owner yet</i>")
    lines.append(_tr("Owner: {owner}").format(owner=owner))
    if cost:
        lines.append(_tr("Cost over the plan: {cost}").format(cost=html.escape(cost)))
    if bar.status_text:
        lines.append(_tr("Status: {status}").format(status=html.escape(bar.status_text)))
    lines.append(
        _tr("<span>Drag to move, drag an end to stretch; double-click or Enter to open.</span>")
    )
    return "<br>".join(lines)
