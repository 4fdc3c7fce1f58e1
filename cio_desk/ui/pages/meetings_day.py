"""Beside the calendar: the selected day's meetings in full, and what the colours mean."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.meeting_calendar import CalendarDay, status_color
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def action_button(action: QAction, parent: QWidget) -> QToolButton:
    """A text button that carries out `action` (and follows its enabled state)."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class DayPanel(QWidget):
    """The selected day: its date, Day N, each meeting on two lines, and the actions."""

    meeting_selected = Signal(int)
    meeting_activated = Signal(int)

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.date_label = plain_label("", self)
        self.date_label.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.day_label = plain_label("", self)
        set_tone(self.day_label, "muted")
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Meetings of the selected day"))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setToolTip(self.tr("Enter or double-click opens the meeting"))
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        buttons = QGridLayout()
        buttons.setSpacing(4)
        for position, action in enumerate(actions):
            buttons.addWidget(action_button(action, self), position // 2, position % 2)
        for widget in (self.date_label, self.day_label):
            layout.addWidget(widget)
        # One of the two shows; it takes the height, so the buttons stay at the bottom.
        layout.addWidget(self.list, 1)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._item_changed)
        self.list.itemDoubleClicked.connect(self._item_activated)
        self.list.installEventFilter(self)

    def show_day(self, day: CalendarDay | None, meeting_id: int | None) -> None:
        """List the day's meetings, with `meeting_id` selected."""
        self.list.blockSignals(True)
        self.list.clear()
        if day is None:
            self.date_label.setText("")
            self.day_label.setText("")
            self.list.blockSignals(False)
            return
        self.date_label.setText(fmt.long_date(day.date))
        if day.number is not None:
            self.day_label.setText(fmt.day_label(day.number))
        else:
            self.day_label.setText(self.tr("Before Day 1"))
        for meeting in day.meetings:
            details = [fmt.status_label(meeting.status), fmt.setting_label(meeting.setting)]
            if meeting.location:
                details.append(meeting.location)
            item = QListWidgetItem(
                f"{fmt.time_range(meeting.starts_at, meeting.ends_at)}  {meeting.display_title}\n"
                + self.tr(" · ").join(details)
            )
            item.setData(_ID_ROLE, meeting.id)
            item.setForeground(self.palette().text())
            item.setIcon(QIcon(_swatch(status_color(self.palette(), meeting.status))))
            item.setToolTip(", ".join(meeting.attendee_names))
            self.list.addItem(item)
            if meeting.id == meeting_id:
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(day.meetings))
        self.empty_label.setVisible(not day.meetings)
        self.empty_label.setText(
            self.tr(
                "No meetings on this day. Press Enter on the day, or double-click it, "
                "to schedule one."
            )
        )
        self.list.blockSignals(False)

    def meeting_ids(self) -> list[int]:
        return [self.list.item(i).data(_ID_ROLE) for i in range(self.list.count())]

    @Slot(QListWidgetItem, QListWidgetItem)
    def _item_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.meeting_selected.emit(item.data(_ID_ROLE))

    @Slot(QListWidgetItem)
    def _item_activated(self, item: QListWidgetItem) -> None:
        self.meeting_activated.emit(item.data(_ID_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.list.currentItem() is not None
        ):
            self._item_activated(self.list.currentItem())
            return True
        return super().eventFilter(watched, event)


class StatusLegend(QWidget):
    """A swatch and a word per status: what the chip colours mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self._swatches: dict[MeetingStatus, QLabel] = {}
        for status in MeetingStatus:
            pair = QHBoxLayout()
            pair.setSpacing(5)
            swatch = QLabel(self)
            self._swatches[status] = swatch
            label = plain_label(fmt.status_label(status), self, wrap=False)
            set_tone(label, "muted")
            pair.addWidget(swatch)
            pair.addWidget(label)
            layout.addLayout(pair)
        layout.addStretch(1)
        self.refresh_colours()

    def refresh_colours(self) -> None:
        """Follow the palette (light or dark)."""
        for status, swatch in self._swatches.items():
            swatch.setPixmap(_swatch(status_color(self.palette(), status)))


def _swatch(colour: QColor) -> QPixmap:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return pixmap
