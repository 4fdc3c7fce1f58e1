"""The list view of the Meetings page: every meeting in a sortable, filterable table.

In time order (the usual view) the table knows only the id and start of
each meeting the filters keep (`ws.meetings.times`) and reads the rows it
paints, a block at a time (`ws.meetings.rows_by_id`): tens of thousands of
meetings show at once. Sorting by another column needs every row: they are
read once (`ws.meetings.rows()`), filtered by the service's
`filter_meeting_rows` and sorted here (a Python sort of tens of thousands of
rows is far quicker than a proxy calling back per compare).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.meeting_list import (
    MeetingFilter,
    MeetingRow,
    MeetingTexts,
    MeetingTimes,
    filter_meeting_rows,
)
from cio_desk.services.meetings import MeetingManager, day_number
from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.models.headered import HeaderedTableModel
from cio_desk.ui.pages.meeting_calendar import status_color
from cio_desk.ui.theme import set_tone, tone_color
from cio_desk.ui.widgets.cards import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
AWAITING = "awaiting"  # the status filter's "to write up" choice
_STATUS_ORDER = {status: i for i, status in enumerate(MeetingStatus)}
_STATUSES = {status.value: status for status in MeetingStatus}
_BLOCK = 200  # rows read at a time when they are painted
_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole}
)
ReadRows = Callable[[Collection[int]], dict[int, MeetingRow]]


class MeetingTableModel(HeaderedTableModel):
    """Meetings as table rows; sorts itself, holds no rules.

    It holds either every row (`set_rows`) or, in time order, only the
    meetings' ids and starts (`set_times`), reading rows as they are shown.
    """

    DATE, TIME, DAY, TITLE, WITH, SETTING, STATUS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []  # the meetings shown, in their order
        self._rows: dict[int, MeetingRow] = {}  # those read so far (all, after `set_rows`)
        self._times: MeetingTimes | None = None  # known when rows are read on demand
        self._read: ReadRows | None = None
        self._read_all: Callable[[], Sequence[MeetingRow]] | None = None
        self._position: dict[int, int] | None = None  # id -> row, worked out when asked
        self._start_date: dt.date | None = None
        self._today = dt.date.today()
        self._sort: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.AscendingOrder)
        self._headers = [
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Day"),
            self.tr("Meeting"),
            self.tr("With"),
            self.tr("Setting"),
            self.tr("Status"),
        ]

    @classmethod
    def sorts_by_time(cls, column: int) -> bool:
        """Whether a column sorts by start time (so the rows can be read on demand)."""
        return column in (cls.DATE, cls.DAY)

    def sort_column(self) -> int:
        return self._sort[0]

    def set_rows(
        self, rows: Sequence[MeetingRow], start_date: dt.date | None, today: dt.date
    ) -> None:
        """Show these rows, all at hand, in the current order."""
        self.beginResetModel()
        self._times = self._read = self._read_all = None
        self._rows = {row.id: row for row in rows}
        self._ids = [row.id for row in self._sorted(rows)]
        self._position = None
        self._start_date, self._today = start_date, today
        self.endResetModel()

    def set_times(
        self,
        times: MeetingTimes,
        read: ReadRows,
        read_all: Callable[[], Sequence[MeetingRow]],
        start_date: dt.date | None,
        today: dt.date,
    ) -> None:
        """Show these meetings in time order; `read(ids)` gives rows as they are shown.

        Sorting by another column takes every row, from `read_all()`.
        """
        self.beginResetModel()
        self._times, self._read, self._read_all = times, read, read_all
        self._rows = {}
        self._ids = self._time_order()
        self._position = None
        self._start_date, self._today = start_date, today
        self.endResetModel()

    def rows(self) -> list[MeetingRow]:
        """The rows shown, in their order (all read, if they were not yet)."""
        self._read_missing(self._ids)
        return [self._rows[i] for i in self._ids if i in self._rows]

    def ids(self) -> list[int]:
        """The meetings shown, in their order."""
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_at(self, row: int) -> MeetingRow | None:
        """The row at a position; None for a meeting deleted since it was listed."""
        meeting_id = self._ids[row]
        if meeting_id not in self._rows:
            first = max(0, row - _BLOCK // 2)
            self._read_missing(self._ids[first : first + _BLOCK])
        return self._rows.get(meeting_id)

    def row_of(self, meeting_id: int) -> int | None:
        if self._position is None:
            self._position = {meeting_id: row for row, meeting_id in enumerate(self._ids)}
        return self._position.get(meeting_id)

    def first_from(self, day: dt.date) -> int | None:
        """In the order shown, the first meeting starting on `day` or later (else the last)."""
        if not self._ids:
            return None
        start = str(day)
        if self._times is None:
            rows = (self._rows[i] for i in self._ids)
            return next((r.id for r in rows if r.starts >= start), self._ids[-1])
        if self._sort[1] == Qt.SortOrder.DescendingOrder:  # the latest meeting comes first
            return self._ids[0] if self._times.starts[-1] >= start else self._ids[-1]
        position = bisect_left(self._times.starts, start)
        return self._ids[position] if position < len(self._ids) else self._ids[-1]

    def _read_missing(self, ids: Sequence[int]) -> None:
        missing = [i for i in ids if i not in self._rows]
        if missing and self._read is not None:
            self._rows.update(self._read(missing))

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # A view asks for seven roles per cell as it paints: the others end here.
        if role not in _ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.WITH):
            return "\n".join(p for p in (row.display_title, ", ".join(row.attendee_names)) if p)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            palette = self.parent().palette() if isinstance(self.parent(), QWidget) else None
            if palette is None:
                return None
            if row.awaiting_capture(self._today):
                return tone_color(palette, "warn")
            return status_color(palette, row.status)
        return None

    def _text(self, row: MeetingRow, column: int) -> str:
        if column == self.DATE:
            return fmt.medium_date(row.starts_at.date())
        if column == self.TIME:
            return fmt.time_range(row.starts_at, row.ends_at)
        if column == self.DAY:
            if self._start_date is None:
                return ""
            return fmt.day_label(day_number(self._start_date, row.starts_at.date()))
        if column == self.TITLE:
            return row.display_title
        if column == self.WITH:
            return ", ".join(row.attendee_names)
        if column == self.SETTING:
            return fmt.setting_label(row.setting)
        if row.awaiting_capture(self._today):
            return self.tr("To write up")
        return fmt.status_label(row.status)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in place; the selection follows its meeting."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(self._ids[i.row()], i.column()) for i in before]
        if self._times is not None and not self.sorts_by_time(column):
            assert self._read_all is not None
            every = list(self._read_all())  # every row, read once
            self._rows = {row.id: row for row in every}
            self._ids = [row.id for row in every]
            self._times = self._read = self._read_all = None
        if self._times is not None:
            self._ids = self._time_order()
        else:
            self._ids = [row.id for row in self._sorted([self._rows[i] for i in self._ids])]
        self._position = None
        self.changePersistentIndexList(
            before, [self._index_of(meeting_id, column) for meeting_id, column in kept]
        )
        self.layoutChanged.emit()

    def _index_of(self, meeting_id: int, column: int) -> QModelIndex:
        row = self.row_of(meeting_id)
        return QModelIndex() if row is None else self.index(row, column)

    def _time_order(self) -> list[int]:
        """The ids of `_times` by start, as `_sorted` orders rows by the Date column."""
        assert self._times is not None
        if self._sort[1] == Qt.SortOrder.AscendingOrder:
            return list(self._times.ids)
        ids, starts = self._times.ids, self._times.starts
        latest_first = sorted(range(len(ids)), key=starts.__getitem__, reverse=True)
        return [ids[i] for i in latest_first]

    def _sorted(self, rows: Sequence[MeetingRow]) -> list[MeetingRow]:
        column, order = self._sort
        keys: dict[int, Callable[[MeetingRow], object]] = {
            self.TIME: lambda r: (r.starts[11:], r.starts),
            self.TITLE: lambda r: (r.display_title.casefold(), r.starts),
            self.WITH: lambda r: (", ".join(r.attendee_names).casefold(), r.starts),
            self.SETTING: lambda r: (fmt.setting_label(r.setting).casefold(), r.starts),
            self.STATUS: lambda r: (_STATUS_ORDER[r.status], r.starts),
        }
        key = keys.get(column, lambda r: r.starts)  # Date and Day: by time
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class MeetingListView(QWidget):
    """A status choice and a text filter over the table; Enter opens, Delete deletes."""

    meeting_activated = Signal(int)
    current_changed = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meetings: MeetingManager | None = None
        self._every_row: list[MeetingRow] | None = None  # read when a sort needs it
        self._texts: MeetingTexts | None = None  # read when words are typed
        self._today = dt.date.today()
        self._start_date: dt.date | None = None
        self.model = MeetingTableModel(self)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.filter_bar = QHBoxLayout()
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Show meetings"))
        self.status_combo.addItem(self.tr("All meetings"), None)
        self.status_combo.addItem(self.tr("To write up"), AWAITING)
        for status in MeetingStatus:
            self.status_combo.addItem(fmt.status_label(status), status)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Filter by title, person or place"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Filter meetings"))
        self.filter_bar.addWidget(self.status_combo)
        self.filter_bar.addWidget(self.search_edit, 1)
        layout.addLayout(self.filter_bar)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MeetingTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setToolTip(self.tr("Enter or double-click opens the meeting; Delete deletes it"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MeetingTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().averageCharWidth()
        widths = {
            MeetingTableModel.DATE: 13,
            MeetingTableModel.TIME: 13,
            MeetingTableModel.DAY: 8,
            MeetingTableModel.WITH: 24,
            MeetingTableModel.SETTING: 12,
            MeetingTableModel.STATUS: 12,
        }
        for column, chars in widths.items():
            self.table.setColumnWidth(column, chars * char + 16)
        layout.addWidget(self.table, 1)
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

    def _connect_signals(self) -> None:
        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._apply_filter)
        self.table.doubleClicked.connect(self._activate_index)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_selection)
        self.table.installEventFilter(self)

    # ------------------------------------------------------------ content

    def set_meetings(
        self, meetings: MeetingManager | None, start_date: dt.date | None, today: dt.date
    ) -> None:
        """List the workspace's meetings (read again); the filters chosen apply,
        the selection is kept."""
        self._meetings = meetings
        self._every_row = self._texts = None
        self._start_date = start_date
        self._today = today
        self._apply_filter()

    def meeting_filter(self) -> MeetingFilter:
        choice = self.status_combo.currentData()  # the status comes back as its text value
        return MeetingFilter(
            text=self.search_edit.text(),
            status=_STATUSES.get(choice) if isinstance(choice, str) else None,
            awaiting_capture_on=self._today if choice == AWAITING else None,
        )

    @Slot()
    def _apply_filter(self) -> None:
        selected = self.current_meeting_id()
        flt = self.meeting_filter()
        meetings = self._meetings
        if meetings is None:
            self.model.set_rows([], self._start_date, self._today)
        elif not self.model.sorts_by_time(self.model.sort_column()):
            shown = filter_meeting_rows(self._all_rows(), flt)
            self.model.set_rows(shown, self._start_date, self._today)
        else:
            if flt.text.strip() and self._texts is None:
                self._texts = meetings.search_texts()  # kept for the next keystrokes
            self.model.set_times(
                meetings.times(flt, self._texts),
                meetings.rows_by_id,
                lambda: filter_meeting_rows(self._all_rows(), flt),
                self._start_date,
                self._today,
            )
        self._show_empty(flt)
        if selected is not None and self.model.row_of(selected) is not None:
            self.select(selected)
        else:
            self._select_upcoming()
        self.current_changed.emit()

    def _all_rows(self) -> list[MeetingRow]:
        """Every meeting, read once until the list is loaded again."""
        if self._every_row is None:
            self._every_row = self._meetings.rows() if self._meetings is not None else []
        return self._every_row

    def _show_empty(self, flt: MeetingFilter) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        if not empty:
            return
        if flt != MeetingFilter() and self._meetings is not None and self._meetings.count():
            self.empty_label.setText(self.tr("No meeting matches the filter."))
        else:
            self.empty_label.setText(
                self.tr("No meetings yet. Schedule your first one-to-one: New meeting (Ctrl+N).")
            )

    def _select_upcoming(self) -> None:
        """Nothing selected yet: the first meeting from today on (or the last one)."""
        target = self.model.first_from(self._today)
        if target is not None:
            self.select(target)

    def visible_ids(self) -> list[int]:
        return self.model.ids()

    def current_meeting_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.id_at(index.row())

    def select(self, meeting_id: int) -> bool:
        """Select a meeting if the filters show it."""
        row = self.model.row_of(meeting_id)
        if row is None:
            return False
        index = self.model.index(row, MeetingTableModel.TITLE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def clear_filters(self) -> None:
        self.status_combo.setCurrentIndex(0)
        self.search_edit.clear()

    # ------------------------------------------------------------ input

    @Slot(QModelIndex)
    def _activate_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.meeting_activated.emit(self.model.id_at(index.row()))

    @Slot()
    def _row_changed(self) -> None:
        self.current_changed.emit()

    @Slot()
    def _keep_selection(self) -> None:
        """After a sort, bring the selected meeting back into view."""
        index = self.table.currentIndex()
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if watched is self.table and pressed:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate_index(self.table.currentIndex())
                return True
            if event.key() == Qt.Key.Key_Delete and self.current_meeting_id() is not None:
                self.delete_requested.emit()
                return True
        return super().eventFilter(watched, event)
