"""The meetings calendar: one 30-day period laid out as weeks, meetings as coloured chips.

The grid runs from the start of the week holding the period's first day to
the end of the week holding its last; days outside the period are shaded,
and days before Day 1 carry no day number. Keyboard: arrows move (Up and
Down walk through a day's meetings first), Home/End jump to the period's
first and last day, Page Up/Down change period, Enter opens the meeting (or
schedules one on an empty day), Delete deletes the selected meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QToolTip, QWidget

from cio_desk.services.meeting_list import MeetingRow
from cio_desk.services.meetings import CalendarPeriod
from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import card_colors, muted_color, tone_color

# The tone of each status, shared by the calendar chips, the legend and the list.
STATUS_TONES = {
    MeetingStatus.PLANNED: "accent",
    MeetingStatus.HELD: "good",
    MeetingStatus.CANCELLED: "muted",
    MeetingStatus.NO_SHOW: "warn",
}


def status_color(palette: QPalette, status: MeetingStatus) -> QColor:
    """The colour that marks a meeting's status on this palette."""
    return tone_color(palette, STATUS_TONES[status])


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the grid."""

    date: dt.date
    number: int | None  # Day N; None before Day 1
    in_period: bool
    is_today: bool
    meetings: tuple[MeetingRow, ...]


def grid_range(period: CalendarPeriod, first_weekday: int) -> tuple[dt.date, dt.date]:
    """First and last day shown: whole weeks around the period (weekday 1 = Monday)."""
    first = period.first - dt.timedelta(days=(period.first.isoweekday() - first_weekday) % 7)
    last = period.last + dt.timedelta(days=(first_weekday - 1 - period.last.isoweekday()) % 7)
    return first, last


def calendar_days(
    period: CalendarPeriod, rows: Sequence[MeetingRow], today: dt.date, first_weekday: int
) -> list[CalendarDay]:
    """The cells for `period`, each with its meetings (rows in time order)."""
    first, last = grid_range(period, first_weekday)
    by_day: dict[dt.date, list[MeetingRow]] = {}
    for row in rows:
        by_day.setdefault(row.starts_at.date(), []).append(row)
    days = []
    day = first
    while day <= last:
        days.append(
            CalendarDay(
                date=day,
                number=period.day_number(day),
                in_period=period.contains(day),
                is_today=day == today,
                meetings=tuple(by_day.get(day, ())),
            )
        )
        day += dt.timedelta(days=1)
    return days


def _blend(first: QColor, second: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


class MeetingCalendar(QWidget):
    """A painted month-like grid; the selection is a day and, on it, a meeting."""

    meeting_activated = Signal(int)  # double-click or Enter on a meeting
    day_activated = Signal(object)  # double-click or Enter on a day without one: a dt.date
    current_changed = Signal()
    period_step_requested = Signal(int)  # Page Up (-1) / Page Down (+1)
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Meetings calendar"))
        self.setToolTip("")  # tooltips are per chip, from event()
        self._days: list[CalendarDay] = []
        self._chip_texts: dict[int, str] = {}  # meeting id -> "09:30 Title", worked out once
        # (meeting id, width) -> the chip's text laid out to fit: repaints reuse it.
        self._chip_labels: dict[tuple[int, int], QStaticText] = {}
        self._weekday_names: list[str] = []
        self._date: dt.date | None = None
        self._meeting: int | None = None

    # ------------------------------------------------------------ content

    def set_days(self, days: Sequence[CalendarDay], weekday_names: Sequence[str]) -> None:
        """Show these cells (whole weeks); the selection is kept when still shown."""
        self._days = list(days)
        self._chip_texts.clear()
        self._chip_labels.clear()
        self._weekday_names = list(weekday_names)
        if self._date is None or self._index(self._date) is None:
            today = next((d.date for d in self._days if d.is_today), None)
            first = next((d.date for d in self._days if d.in_period), None)
            self._date = today or first
            self._meeting = None
        self._settle_meeting()
        self.update()
        self.current_changed.emit()

    def days(self) -> list[CalendarDay]:
        return list(self._days)

    def current_date(self) -> dt.date | None:
        return self._date

    def current_day(self) -> CalendarDay | None:
        index = self._index(self._date) if self._date else None
        return None if index is None else self._days[index]

    def current_meeting_id(self) -> int | None:
        return self._meeting

    def select(self, date: dt.date, meeting_id: int | None = None) -> None:
        """Select a day shown and, optionally, one of its meetings."""
        if self._index(date) is None:
            return
        self._date = date
        self._meeting = meeting_id
        self._settle_meeting()
        self.update()
        self.current_changed.emit()

    def _index(self, date: dt.date | None) -> int | None:
        if date is None or not self._days:
            return None
        index = (date - self._days[0].date).days
        return index if 0 <= index < len(self._days) else None

    def _settle_meeting(self) -> None:
        """Keep the selected meeting if it is on the selected day, else take its first."""
        day = self.current_day()
        ids = [m.id for m in day.meetings] if day else []
        if self._meeting not in ids:
            self._meeting = ids[0] if ids else None
        self.setAccessibleDescription(self._describe())

    def _describe(self) -> str:
        day = self.current_day()
        if day is None:
            return ""
        text = fmt.long_date(day.date)
        meeting = next((m for m in day.meetings if m.id == self._meeting), None)
        if meeting is not None:
            text += ": " + self._chip_text(meeting)
        return text

    # ------------------------------------------------------------ geometry

    def _weeks(self) -> int:
        return max(1, len(self._days) // 7)

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 8

    def day_rect(self, date: dt.date) -> QRect:
        """Where a day's cell is drawn (empty if not shown)."""
        index = self._index(date)
        if index is None:
            return QRect()
        column, row = index % 7, index // 7
        top = self._header_height()
        height = self.height() - top - 1
        x0 = round(column * (self.width() - 1) / 7)
        x1 = round((column + 1) * (self.width() - 1) / 7)
        y0 = top + round(row * height / self._weeks())
        y1 = top + round((row + 1) * height / self._weeks())
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def _chip_height(self) -> int:
        return self.fontMetrics().height() + 4

    def chip_layout(self, date: dt.date) -> tuple[list[tuple[QRect, MeetingRow]], QRect, int]:
        """The chips drawn in a day, the "+N more" line's place and N (0 if none)."""
        index = self._index(date)
        if index is None:
            return [], QRect(), 0
        cell = self.day_rect(date)
        meetings = self._days[index].meetings
        pad = 3
        step = self._chip_height() + 2
        top = cell.top() + self.fontMetrics().height() + 6
        fits = max(0, (cell.bottom() - pad - top) // step)
        shown = meetings if len(meetings) <= fits else meetings[: max(0, fits - 1)]
        chips = [
            (
                QRect(
                    cell.left() + pad, top + i * step, cell.width() - 2 * pad, self._chip_height()
                ),
                m,
            )
            for i, m in enumerate(shown)
        ]
        hidden = len(meetings) - len(shown)
        more = QRect()
        if hidden:
            more = QRect(cell.left() + pad, top + len(shown) * step, cell.width() - 2 * pad, step)
        return chips, more, hidden

    def chip_rect(self, meeting_id: int) -> QRect:
        """Where a meeting's chip is drawn (empty if not shown)."""
        for day in self._days:
            for rect, meeting in self.chip_layout(day.date)[0]:
                if meeting.id == meeting_id:
                    return rect
        return QRect()

    def _hit(self, point: QPoint) -> tuple[dt.date | None, int | None]:
        for day in self._days:
            if self.day_rect(day.date).contains(point):
                for rect, meeting in self.chip_layout(day.date)[0]:
                    if rect.contains(point):
                        return day.date, meeting.id
                return day.date, None
        return None, None

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 14 * 7, self._header_height() + 6 * 110)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        height = self._header_height() + self._weeks() * (metrics.height() * 2 + 16)
        return QSize(metrics.averageCharWidth() * 7 * 7, height)

    # ------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        self._paint_header(painter, palette)
        chips = _ChipLook(self.font(), palette)
        for day in self._days:
            if self.day_rect(day.date).intersects(event.rect()):
                self._paint_day(painter, palette, day, chips)
        painter.end()

    def _paint_header(self, painter: QPainter, palette: QPalette) -> None:
        painter.setPen(muted_color(palette))
        metrics = self.fontMetrics()
        for column, name in enumerate(self._weekday_names[:7]):
            x0 = round(column * (self.width() - 1) / 7)
            x1 = round((column + 1) * (self.width() - 1) / 7)
            rect = QRect(x0 + 6, 0, x1 - x0 - 12, self._header_height())
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
            )

    def _paint_day(
        self, painter: QPainter, palette: QPalette, day: CalendarDay, look: _ChipLook
    ) -> None:
        cell = self.day_rect(day.date)
        card, border = card_colors(palette)
        window = palette.color(QPalette.ColorRole.Window)
        back = card if day.in_period else _blend(window, border, 0.25)
        painter.fillRect(cell, back)
        painter.setPen(QPen(border, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell)
        self._paint_day_header(painter, palette, day, cell)
        chips, more, hidden = self.chip_layout(day.date)
        for rect, meeting in chips:
            self._paint_chip(painter, look, rect, meeting, back)
        if hidden:
            selected_hidden = (
                day.date == self._date
                and self._meeting not in {m.id for _r, m in chips}
                and self._meeting is not None
            )
            painter.setPen(
                palette.color(QPalette.ColorRole.Highlight)
                if selected_hidden
                else muted_color(palette)
            )
            painter.drawText(
                more.adjusted(4, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self.tr("+{n} more").format(n=hidden),
            )
        if day.date == self._date:
            width = 3 if self.hasFocus() else 2
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.adjusted(1, 1, -1, -1))

    def _paint_day_header(
        self, painter: QPainter, palette: QPalette, day: CalendarDay, cell: QRect
    ) -> None:
        metrics = self.fontMetrics()
        line = QRect(cell.left() + 6, cell.top() + 3, cell.width() - 12, metrics.height() + 2)
        first_of_month = day.date.day == 1 or day is self._days[0]
        label = fmt.day_month(day.date) if first_of_month else str(day.date.day)
        text_color = palette.color(QPalette.ColorRole.WindowText)
        if not day.in_period:
            text_color = muted_color(palette)
        font = QFont(self.font())
        font.setBold(day.is_today)
        painter.setFont(font)
        if day.is_today:
            width = QFontMetrics(font).horizontalAdvance(label) + 10
            badge = QRectF(line.left() - 4, line.top(), width, line.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(badge, line.height() / 2, line.height() / 2)
            text_color = palette.color(QPalette.ColorRole.HighlightedText)
            line = line.adjusted(1, 0, 0, 0)
        painter.setPen(text_color)
        painter.drawText(
            line, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), label
        )
        painter.setFont(self.font())
        number = fmt.day_label(day.number)
        if number:
            painter.setPen(muted_color(palette))
            room = line.width() - metrics.horizontalAdvance(label) - 8
            if metrics.horizontalAdvance(number) <= room:
                painter.drawText(
                    line, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), number
                )

    def _paint_chip(
        self, painter: QPainter, look: _ChipLook, rect: QRect, meeting: MeetingRow, back: QColor
    ) -> None:
        status = meeting.status_value
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.background(back, status))
        painter.drawRoundedRect(QRectF(rect), 4, 4)
        painter.setBrush(look.tones[status])
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        struck = status == MeetingStatus.CANCELLED
        painter.setFont(look.struck if struck else look.font)
        text_rect = rect.adjusted(8, 0, -3, 0)
        label = self._chip_label(meeting, text_rect.width(), look)
        quiet = status in (MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW)
        painter.setPen(look.muted if quiet else look.text)
        if struck:  # a static text would strike out past its end: a few, drawn as usual
            centred_left = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            painter.drawText(text_rect, centred_left, label.text())
        else:
            top = text_rect.top() + (text_rect.height() - label.size().height()) / 2
            painter.drawStaticText(QPointF(text_rect.left(), top), label)
        painter.setFont(look.font)
        if meeting.id == self._meeting:
            painter.setPen(QPen(look.highlight, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 4, 4)

    def _chip_label(self, meeting: MeetingRow, width: int, look: _ChipLook) -> QStaticText:
        """A chip's text cut to `width`, laid out once for every repaint at that width."""
        key = (meeting.id, width)
        label = self._chip_labels.get(key)
        if label is None:
            metrics = look.metrics
            text = self._chip_text(meeting)
            if metrics.horizontalAdvance(text) > width and width < metrics.averageCharWidth() * 16:
                text = meeting.display_title  # narrow: the who beats the when (in the tooltip)
            label = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.prepare(QTransform(), look.font)  # laid out now: its size is known
            self._chip_labels[key] = label
        return label

    def _chip_text(self, meeting: MeetingRow) -> str:
        """What a chip says: the time, then the title (or who); worked out once."""
        text = self._chip_texts.get(meeting.id)
        if text is None:
            text = f"{fmt.clock_time(meeting.starts_at)} {meeting.display_title}"
            self._chip_texts[meeting.id] = text
        return text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._chip_texts.clear()
            self._chip_labels.clear()
        super().changeEvent(event)

    # ------------------------------------------------------------ input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        date, meeting_id = self._hit(event.position().toPoint())
        if date is not None:
            self.select(date, meeting_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        date, meeting_id = self._hit(event.position().toPoint())
        if meeting_id is not None:
            self.meeting_activated.emit(meeting_id)
        elif date is not None and not self.chip_layout(date)[2]:
            self.day_activated.emit(date)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate()
        elif key == Qt.Key.Key_Delete and self._meeting is not None:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_PageUp:
            self.period_step_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.period_step_requested.emit(1)
        elif not self._move(key):
            super().keyPressEvent(event)

    def _activate(self) -> None:
        if self._meeting is not None:
            self.meeting_activated.emit(self._meeting)
        elif self._date is not None:
            self.day_activated.emit(self._date)

    def _move(self, key: int) -> bool:
        """Arrow keys, Home and End; False for any other key."""
        if self._date is None:
            return False
        day = self.current_day()
        ids = [m.id for m in day.meetings] if day else []
        position = ids.index(self._meeting) if self._meeting in ids else -1
        in_period = [d.date for d in self._days if d.in_period]
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key == Qt.Key.Key_Down and 0 <= position < len(ids) - 1:
            self.select(self._date, ids[position + 1])
        elif key == Qt.Key.Key_Up and position > 0:
            self.select(self._date, ids[position - 1])
        elif key in steps:
            target = self._date + dt.timedelta(days=steps[key])
            if self._index(target) is not None:
                self.select(target)
                if key == Qt.Key.Key_Up:  # coming from below: land on the day's last meeting
                    last = self.current_day()
                    if last is not None and last.meetings:
                        self.select(target, last.meetings[-1].id)
        elif key == Qt.Key.Key_Home and in_period:
            self.select(in_period[0])
        elif key == Qt.Key.Key_End and in_period:
            self.select(in_period[-1])
        else:
            return False
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the selected day's frame is thicker with the focus

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        date, meeting_id = self._hit(event.pos())
        day = self._days[self._index(date)] if date is not None else None  # type: ignore[index]
        meeting = next((m for m in day.meetings if m.id == meeting_id), None) if day else None
        if meeting is None:
            QToolTip.hideText()
            return
        lines = [
            f"{fmt.time_range(meeting.starts_at, meeting.ends_at)}  {meeting.display_title}",
            ", ".join(meeting.attendee_names),
            self.tr(" · ").join(
                p
                for p in (
                    fmt.status_label(meeting.status),
                    fmt.setting_label(meeting.setting),
                    meeting.location,
                )
                if p
            ),
        ]
        QToolTip.showText(event.globalPos(), "\n".join(lines), self)


class _ChipLook:
    """The fonts and colours every chip of one paint shares, worked out once."""

    def __init__(self, font: QFont, palette: QPalette) -> None:
        self.font = QFont(font)
        self.struck = QFont(font)
        self.struck.setStrikeOut(True)
        self.metrics = QFontMetrics(self.font)
        self.struck_metrics = QFontMetrics(self.struck)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.muted = muted_color(palette)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.tones = {status.value: status_color(palette, status) for status in MeetingStatus}
        self._backgrounds: dict[tuple[int, str], QColor] = {}

    def background(self, back: QColor, status: str) -> QColor:
        """A chip's fill: its status colour, faint, over the day's background."""
        key = (back.rgba(), status)
        if key not in self._backgrounds:
            self._backgrounds[key] = _blend(back, self.tones[status], 0.2)
        return self._backgrounds[key]
