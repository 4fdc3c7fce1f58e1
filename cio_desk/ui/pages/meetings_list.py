"""The list view of the Meetings page: every meeting in a sortable, filterable table.

Rows come from `ws.meetings.rows()` and are filtered by the service's
`filter_meeting_rows`; the model sorts its own rows (a Python sort of tens
of thousands of rows is far quicker than a proxy calling back per compare).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
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

from cio_desk.services.meetings import MeetingFilter, MeetingRow, day_number, filter_meeting_rows
from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.meeting_calendar import status_color
from cio_desk.ui.theme import set_tone, tone_color
from cio_desk.ui.widgets.cards import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
AWAITING = "awaiting"  # the status filter's "to write up" choice
_STATUS_ORDER = {status: i for i, status in enumerate(MeetingStatus)}


class MeetingTableModel(QAbstractTableModel):
    """Meetings as table rows; sorts itself, holds no rules."""

    DATE, TIME, DAY, TITLE, WITH, SETTING, STATUS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingRow] = []
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

    def set_rows(
        self, rows: Sequence[MeetingRow], start_date: dt.date | None, today: dt.date
    ) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self._start_date = start_date
        self._today = today
        self.endResetModel()

    def rows(self) -> list[MeetingRow]:
        """The rows shown, in their order."""
        return self._rows

    def row_at(self, row: int) -> MeetingRow:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == meeting_id), None)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
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
        kept = [(self._rows[i.row()].id, i.column()) for i in before]
        self._rows = self._sorted(self._rows)
        position = {row.id: i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(position[meeting_id], column) for meeting_id, column in kept]
        )
        self.layoutChanged.emit()

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
        self._rows: list[MeetingRow] = []
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

    def set_rows(
        self, rows: Sequence[MeetingRow], start_date: dt.date | None, today: dt.date
    ) -> None:
        """Every meeting; the filters chosen apply, the selection is kept."""
        self._rows = list(rows)
        self._start_date = start_date
        self._today = today
        self._apply_filter()

    def meeting_filter(self) -> MeetingFilter:
        choice = self.status_combo.currentData()
        return MeetingFilter(
            text=self.search_edit.text(),
            status=choice if isinstance(choice, MeetingStatus) else None,
            awaiting_capture_on=self._today if choice == AWAITING else None,
        )

    @Slot()
    def _apply_filter(self) -> None:
        selected = self.current_meeting_id()
        shown = filter_meeting_rows(self._rows, self.meeting_filter())
        self.model.set_rows(shown, self._start_date, self._today)
        self.empty_label.setVisible(not shown)
        self.empty_label.setText(
            self.tr("No meeting matches the filter.")
            if self._rows
            else self.tr("No meetings yet. Schedule your first one-to-one: New meeting (Ctrl+N).")
        )
        if selected is not None and self.model.row_of(selected) is not None:
            self.select(selected)
        else:
            self._select_upcoming()
        self.current_changed.emit()

    def _select_upcoming(self) -> None:
        """Nothing selected yet: the first meeting from today on (or the last one)."""
        if not self.model.rowCount():
            return
        today = str(self._today)
        rows = self.model.rows()
        target = next((r.id for r in rows if r.starts[:10] >= today), rows[-1].id)
        self.select(target)

    def visible_ids(self) -> list[int]:
        return [row.id for row in self.model.rows()]

    def current_meeting_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row()).id

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
            self.meeting_activated.emit(self.model.row_at(index.row()).id)

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
