"""The Meetings page: a 30-day calendar from the start date, and a list of every meeting.

The calendar shows one period at a time (Days 1-30 first; Page Up/Down for
the ones before and after), the selected day's meetings beside it. The list
loads the first time it is shown. From either view a meeting opens in the
editor (Enter, double-click), is written up, briefed on or deleted; Ctrl+N
schedules one (on the selected day in the calendar).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError, NotFoundError
from cio_desk.services.meetings import CalendarPeriod, calendar_period, period_of
from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.meeting_calendar import MeetingCalendar, calendar_days, grid_range
from cio_desk.ui.pages.meetings_day import DayPanel, StatusLegend, action_button
from cio_desk.ui.pages.meetings_list import MeetingListView
from cio_desk.ui.theme import scaled_font
from cio_desk.ui.widgets.cards import Card, plain_label
from cio_desk.ui.widgets.message_bar import MessageBar
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from cio_desk.ui.widgets.read_only import EditControls

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace

CALENDAR, LIST = 0, 1
DAY_PANEL_CHARS = 30  # width of the day panel, in average characters


class MeetingsPage(Page):
    """Calendar and list of meetings, with the editor, write-up and brief one key away."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._start_date: dt.date | None = None
        self._period: CalendarPeriod | None = None
        self._list_loaded = False
        self._build_actions()
        self._build()
        self.edits = EditControls(
            self, (self.open_action, self.write_up_action, self.delete_action, self.new_button)
        )
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Meetings")

    def new_item_text(self) -> str | None:
        return self.tr("New meeting")

    def set_read_only(self, read_only: bool) -> None:
        # "Open…" is the meeting editor: a read-only window offers "Brief me" instead.
        self.edits.set_read_only(read_only)

    # ------------------------------------------------------------ building

    def _build_actions(self) -> None:
        def action(text: str, tip: str, keys: str | None = None) -> QAction:
            item = QAction(text, self)
            item.setToolTip(tip)
            if keys:
                item.setShortcut(QKeySequence(keys))
                item.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(item)
            return item

        self.open_action = action(
            self.tr("&Open…"), self.tr("Open the selected meeting (Enter or double-click)")
        )
        self.write_up_action = action(
            self.tr("&Write up…"),
            self.tr("Record what you learnt and mark the meeting held (Ctrl+Shift+W)"),
            "Ctrl+Shift+W",
        )
        self.brief_action = action(
            self.tr("&Brief me"),
            self.tr("Who they are and what they said before (Ctrl+B)"),
            "Ctrl+B",
        )
        self.delete_action = action(
            self.tr("&Delete…"), self.tr("Delete the selected meeting (Delete); Ctrl+Z undoes it")
        )

    def _meeting_actions(self) -> list[QAction]:
        return [self.open_action, self.write_up_action, self.brief_action, self.delete_action]

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(12)
        self.header = PageHeader(self.tr("Meetings"), "", self)
        outer.addWidget(self.header)
        self.toolbar = QWidget(self)
        self.toolbar.setLayout(self._build_toolbar())
        self.toolbar.layout().setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.toolbar)
        self.message = MessageBar(self)
        outer.addWidget(self.message)
        self.no_profile_card = Card(self.tr("Your calendar starts on Day 1"), self)
        self.no_profile_card.body.addWidget(
            plain_label(
                self.tr(
                    "The calendar counts 30 days from your start date. Set it in "
                    "File > Edit profile… first; then schedule your one-to-one meetings here."
                ),
                self.no_profile_card,
            )
        )
        self.no_profile_card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(self.no_profile_card)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_calendar_view())
        self.list_view = MeetingListView(self)
        for item in self._meeting_actions():
            self.list_view.filter_bar.addWidget(action_button(item, self.list_view))
        self.list_view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list_view.table.addActions(self._meeting_actions())
        self.stack.addWidget(self.list_view)
        outer.addWidget(self.stack, 1)
        outer.addStretch(0)  # takes the height only while the views are hidden

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(self.tr("Calendar"))
        self.list_button = QToolButton(self)
        self.list_button.setText(self.tr("List"))
        self.view_group = QButtonGroup(self)
        for index, button in enumerate((self.calendar_button, self.list_button)):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.view_group.addButton(button, index)
            bar.addWidget(button)
        self.calendar_button.setChecked(True)
        self.calendar_button.setToolTip(self.tr("The 30-day calendar from your start date"))
        self.list_button.setToolTip(self.tr("Every meeting in a table you can sort and filter"))
        bar.addSpacing(16)
        self.earlier_button = QToolButton(self)
        self.earlier_button.setText(self.tr("‹ Earlier"))
        self.earlier_button.setToolTip(self.tr("The 30 days before (Page Up)"))
        self.period_label = plain_label("", self, wrap=False)
        self.period_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.later_button = QToolButton(self)
        self.later_button.setText(self.tr("Later ›"))
        self.later_button.setToolTip(self.tr("The 30 days after (Page Down)"))
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Back to the period and the day of today"))
        self.period_widgets = [
            self.earlier_button,
            self.period_label,
            self.later_button,
            self.today_button,
        ]
        for widget in self.period_widgets:
            bar.addWidget(widget)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("New meeting…"), self)
        self.new_button.setToolTip(self.tr("Schedule a meeting (Ctrl+N)"))
        bar.addWidget(self.new_button)
        return bar

    def _build_calendar_view(self) -> QWidget:
        view = QWidget(self)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.calendar = MeetingCalendar(view)
        self.calendar.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.calendar.addActions(self._meeting_actions())
        self.day_panel = DayPanel(self._meeting_actions(), view)
        self.day_panel.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        splitter = QSplitter(Qt.Orientation.Horizontal, view)
        splitter.addWidget(self.calendar)
        splitter.addWidget(self.day_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        panel = self.fontMetrics().averageCharWidth() * DAY_PANEL_CHARS
        splitter.setSizes([1000, panel])
        self.legend = StatusLegend(view)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.legend)
        return view

    def _connect_signals(self) -> None:
        self.view_group.idClicked.connect(self._show_view)
        self.earlier_button.clicked.connect(lambda: self._step_period(-1))
        self.later_button.clicked.connect(lambda: self._step_period(1))
        self.today_button.clicked.connect(self._go_to_today)
        self.new_button.clicked.connect(self.new_item)
        self.calendar.current_changed.connect(self._calendar_moved)
        self.calendar.meeting_activated.connect(self._activate_meeting)
        self.calendar.day_activated.connect(self._new_meeting_on)
        self.calendar.period_step_requested.connect(self._step_period)
        self.calendar.delete_requested.connect(self._delete_current)
        self.day_panel.meeting_selected.connect(self._day_panel_selected)
        self.day_panel.meeting_activated.connect(self._activate_meeting)
        self.list_view.meeting_activated.connect(self._activate_meeting)
        self.list_view.current_changed.connect(self._update_actions)
        self.list_view.delete_requested.connect(self._delete_current)
        self.open_action.triggered.connect(lambda: self._with_current(self._open_meeting))
        self.write_up_action.triggered.connect(lambda: self._with_current(self._write_up))
        self.brief_action.triggered.connect(lambda: self._with_current(self._brief))
        self.delete_action.triggered.connect(self._delete_current)

    # ------------------------------------------------------------ showing

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._period = None  # another workspace: another start date
        self._list_loaded = False
        super().set_workspace(workspace)

    @Slot()
    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        profile = workspace.profile.get()
        today = self._context.now().date()
        self.no_profile_card.setVisible(profile is None)
        self.stack.setVisible(profile is not None)
        self.toolbar.setVisible(profile is not None)
        if profile is None:
            self.header.set_subtitle("")
            self._update_actions()
            return
        self._start_date = profile.start_date
        if self._period is None or self._period.start_date != profile.start_date:
            self._period = self._period_of_today(today)
        self.header.set_subtitle(self._subtitle(today))
        self.legend.refresh_colours()
        self._show_period(today)
        if self.stack.currentIndex() == LIST or self._list_loaded:
            self._load_list(today)
        self._update_actions()

    def _period_of_today(self, today: dt.date) -> CalendarPeriod:
        assert self._start_date is not None
        if today < self._start_date:
            return calendar_period(self._start_date, 0)
        return period_of(self._start_date, today)

    def _subtitle(self, today: dt.date) -> str:
        assert self._workspace is not None
        day = self._workspace.onboarding.day(today)
        if day is None:
            return ""
        counts = self._workspace.onboarding.meeting_counts(day)
        if not day.started:
            when = self.tr("Day 1 is {date}").format(date=fmt.long_date(day.start_date))
        else:
            when = self.tr("Day {n} of {due}").format(n=day.number, due=day.due_day)
        if counts.total == 0:
            held = self.tr("no first-month meeting planned yet")
        else:
            held = self.tr("{held} of {total} first-month meetings held").format(
                held=counts.held, total=counts.total
            )
        return self.tr("{when} · {held}").format(when=when, held=held)

    def _show_period(self, today: dt.date) -> None:
        assert self._workspace is not None and self._period is not None
        first_weekday = QLocale().firstDayOfWeek().value
        first, last = grid_range(self._period, first_weekday)
        rows = self._workspace.meetings.rows(
            start=dt.datetime.combine(first, dt.time.min),
            end=dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min),
        )
        names = [
            QLocale().dayName((first_weekday - 1 + i) % 7 + 1, QLocale.FormatType.ShortFormat)
            for i in range(7)
        ]
        self.calendar.set_days(calendar_days(self._period, rows, today, first_weekday), names)
        self.period_label.setText(self._period_text(self._period))

    def _period_text(self, period: CalendarPeriod) -> str:
        dates = self.tr("{first} – {last}").format(
            first=fmt.short_date(period.first), last=fmt.medium_date(period.last)
        )
        if period.last_day < 1:
            return self.tr("Before Day 1 · {dates}").format(dates=dates)
        return self.tr("Days {first}–{last} · {dates}").format(
            first=period.first_day, last=period.last_day, dates=dates
        )

    def _load_list(self, today: dt.date) -> None:
        assert self._workspace is not None
        self.list_view.set_meetings(self._workspace.meetings, self._start_date, today)
        self._list_loaded = True

    @Slot(int)
    def _show_view(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        for widget in self.period_widgets:
            widget.setVisible(index == CALENDAR)
        if index == LIST and not self._list_loaded and self._start_date is not None:
            self._load_list(self._context.now().date())
        if index == LIST:
            self.list_view.table.setFocus()
        else:
            self.calendar.setFocus()
        self._update_actions()

    def show_list(self) -> None:
        """Switch to the list view (as its button does)."""
        self.list_button.setChecked(True)
        self._show_view(LIST)

    def show_calendar(self) -> None:
        self.calendar_button.setChecked(True)
        self._show_view(CALENDAR)

    @Slot(int)
    def _step_period(self, delta: int) -> None:
        if self._period is None or self._start_date is None:
            return
        self._period = calendar_period(self._start_date, self._period.index + delta)
        self._show_period(self._context.now().date())

    @Slot()
    def _go_to_today(self) -> None:
        today = self._context.now().date()
        if self._start_date is None:
            return
        self._period = self._period_of_today(today)
        self._show_period(today)
        self.calendar.select(today)
        self.calendar.setFocus()

    @Slot()
    def _calendar_moved(self) -> None:
        self.day_panel.show_day(self.calendar.current_day(), self.calendar.current_meeting_id())
        self._update_actions()

    @Slot(int)
    def _day_panel_selected(self, meeting_id: int) -> None:
        date = self.calendar.current_date()
        if date is not None:
            self.calendar.select(date, meeting_id)

    # ------------------------------------------------------------ the selected meeting

    def current_meeting_id(self) -> int | None:
        if self.stack.currentIndex() == LIST:
            return self.list_view.current_meeting_id()
        return self.calendar.current_meeting_id()

    def _current_status(self, meeting_id: int) -> MeetingStatus | None:
        if self.stack.currentIndex() == LIST:
            model = self.list_view.model
            position = model.row_of(meeting_id)
            row = model.row_at(position) if position is not None else None
            return row.status if row is not None else None
        day = self.calendar.current_day()
        found = [m for m in day.meetings if m.id == meeting_id] if day else []
        return found[0].status if found else None

    @Slot()
    def _update_actions(self) -> None:
        meeting_id = self.current_meeting_id()
        status = self._current_status(meeting_id) if meeting_id is not None else None
        for item in (self.open_action, self.brief_action, self.delete_action):
            self.edits.set_enabled(item, meeting_id is not None)
        self.edits.set_enabled(
            self.write_up_action, meeting_id is not None and status is not MeetingStatus.CANCELLED
        )

    def _with_current(self, act: object) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None and callable(act):
            act(meeting_id)

    def open_item(self, kind: str, item_id: int) -> None:
        """Show a meeting: selected in the list, or on its day in the calendar."""
        if kind != "meeting" or self._workspace is None:
            return
        try:
            meeting = self._workspace.meetings.get(item_id)
        except NotFoundError as error:
            self.message.show_message(str(error))
            return
        self.refresh()
        if self._start_date is None:
            return
        if self.stack.currentIndex() == LIST:
            if not self.list_view.select(item_id):
                self.list_view.clear_filters()
                self.list_view.select(item_id)
            self.list_view.table.setFocus()
            return
        self._period = period_of(self._start_date, meeting.starts_at.date())
        self._show_period(self._context.now().date())
        self.calendar.select(meeting.starts_at.date(), item_id)
        self.calendar.setFocus()

    # ------------------------------------------------------------ acting

    def new_item(self) -> None:
        day = self.calendar.current_date() if self.stack.currentIndex() == CALENDAR else None
        self._new_meeting_on(day)

    @Slot(object)
    def _new_meeting_on(self, day: dt.date | None) -> None:
        if self._workspace is None or self.edits.read_only:
            return
        if self._start_date is None:
            self.message.show_message(
                self.tr("Set your start date first: File > Edit profile…"), "accent"
            )
            return
        from cio_desk.ui.dialogs.meeting_editor import DEFAULT_TIME, MeetingEditor

        start = dt.datetime.combine(day, DEFAULT_TIME) if day is not None else None
        saved, accepted = MeetingEditor.create_meeting(
            self, self._workspace, self._context.history, start=start, now=self._context.now()
        )
        if accepted and saved is not None:
            self.open_item("meeting", saved.id)

    @Slot(int)
    def _activate_meeting(self, meeting_id: int) -> None:
        """Enter or double-click: the editor, or the brief in a read-only window."""
        if self.edits.read_only:
            self._brief(meeting_id)
        else:
            self._open_meeting(meeting_id)

    def _open_meeting(self, meeting_id: int) -> None:
        if self._workspace is None:
            return
        from cio_desk.ui.dialogs.meeting_editor import MeetingEditor

        try:
            saved, accepted = MeetingEditor.edit_meeting(
                self, self._workspace, self._context.history, meeting_id, now=self._context.now()
            )
        except CioDeskError as error:
            self.message.show_message(str(error))
            return
        if accepted and saved is not None:
            self.open_item("meeting", saved.id)

    def _write_up(self, meeting_id: int) -> None:
        if self._workspace is None:
            return
        from cio_desk.ui.dialogs.capture import CaptureDialog

        try:
            CaptureDialog.capture_meeting(self, self._workspace, self._context.history, meeting_id)
        except CioDeskError as error:
            self.message.show_message(str(error))

    def _brief(self, meeting_id: int) -> None:
        if self._workspace is None:
            return
        from cio_desk.ui.dialogs.brief import BriefDialog

        try:
            BriefDialog.brief_meeting(self, self._workspace, meeting_id, self._context.now().date())
        except CioDeskError as error:
            self.message.show_message(str(error))

    @Slot()
    def _delete_current(self) -> None:
        meeting_id = self.current_meeting_id()
        if self._workspace is None or meeting_id is None or self.edits.read_only:
            return
        from cio_desk.ui.dialogs.meeting_editor import delete_meeting

        try:
            meeting = self._workspace.meetings.get(meeting_id)
            delete_meeting(self, self._workspace, self._context.history, meeting)
        except CioDeskError as error:
            self.message.show_message(str(error))
