"""A searchable list of items to tick: goals served, insights addressed, dependencies.

Rows are plain values (`PickItem`); the widget keeps which ids are ticked,
whatever the filter shows, so narrowing the list never loses a choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.ui.models.headered import HeaderedTableModel
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
_FIT_ROWS = 200  # columns fitted to their contents look at this many rows


@dataclass(frozen=True)
class PickItem:
    """One row: its id, the cells shown (first one carries the tick), a tooltip."""

    id: int
    cells: tuple[str, ...]
    tooltip: str = ""


class PickModel(HeaderedTableModel):
    """The rows and the ticked ids; column 0 is checkable."""

    ticked_changed = Signal()

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._items: list[PickItem] = []
        self._search: list[str] = []
        self.ticked: set[int] = set()

    def set_items(self, items: Sequence[PickItem], ticked: Sequence[int]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._search = [" ".join(item.cells).casefold() for item in self._items]
        self.ticked = set(ticked)
        self.endResetModel()

    def items(self) -> list[PickItem]:
        return list(self._items)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return item.cells[column] if column < len(item.cells) else ""
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            ticked = item.id in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip or None
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        item_id = self._items[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:  # type: ignore[call-overload]
            self.ticked.add(item_id)
        else:
            self.ticked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True

    def toggle(self, row: int) -> None:
        """Tick or untick the item in `row` (Space on a selected row)."""
        index = self.index(row, 0)
        checked = self._items[row].id in self.ticked
        state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        self.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], object]) -> None:
    """Apply `change` to a filter's settings and filter the rows again.

    Qt 6.10 added begin/endFilterChange and deprecated invalidateRowsFilter.
    """
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - older Qt
        change()
        proxy.invalidateRowsFilter()


class _PickFilter(QSortFilterProxyModel):
    """Every word typed must appear in the row; optionally only ticked rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.ticked_only = False

    def set_text(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_words", text.casefold().split()))

    def set_ticked_only(self, value: bool) -> None:
        refilter(self, lambda: setattr(self, "ticked_only", value))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.ticked_only and index.data(Qt.ItemDataRole.CheckStateRole) != Qt.CheckState.Checked:
            return False
        haystack = index.data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


class PickList(QWidget):
    """A search field over a table of items to tick, with a count of those ticked."""

    ticked_changed = Signal()

    def __init__(
        self,
        headers: Sequence[str],
        *,
        search_hint: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self.model = PickModel(headers, self)
        self._filter = _PickFilter(self)
        self._filter.setSourceModel(self.model)
        self._build(search_hint)
        self._connect_signals()

    def _build(self, search_hint: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(search_hint)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(search_hint)
        self.ticked_only_box = QCheckBox(self.tr("Chosen only"), self)
        self.count_label = plain_label("", self, wrap=False)
        set_tone(self.count_label, "muted")
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.ticked_only_box)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.view = QTableView(self)
        self.view.setModel(self._filter)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(_FIT_ROWS)
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if column == 0 else mode
            )
        self.view.setToolTip(self.tr("Tick with a click or the Space key."))
        layout.addWidget(self.view, 1)
        self.empty_label = plain_label(self._empty_text, self)
        set_tone(self.empty_label, "muted")
        layout.addWidget(self.empty_label)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._filter.set_text)
        self.ticked_only_box.toggled.connect(self._filter.set_ticked_only)
        self.model.ticked_changed.connect(self._show_count)
        self.model.ticked_changed.connect(self.ticked_changed)
        self.view.installEventFilter(self)

    def set_items(self, items: Sequence[PickItem], ticked: Sequence[int] = ()) -> None:
        """The items to choose from and those ticked to begin with."""
        self.model.set_items(items, ticked)
        self.empty_label.setVisible(not items)
        self.view.setVisible(bool(items))
        self._show_count()

    def set_column_widths(self, widths: Sequence[int]) -> None:
        """Fixed starting widths of the first columns, in average character widths.

        Without it the first column takes the spare width and the others fit
        their contents.
        """
        char = self.fontMetrics().averageCharWidth()
        header = self.view.horizontalHeader()
        for column, chars in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, chars * char)
        header.setStretchLastSection(True)

    def ticked_ids(self) -> tuple[int, ...]:
        """The ticked ids, in the order of the list."""
        return tuple(item.id for item in self.model.items() if item.id in self.model.ticked)

    def set_ticked(self, item_id: int, ticked: bool = True) -> None:
        for row, item in enumerate(self.model.items()):
            if item.id == item_id and (item_id in self.model.ticked) != ticked:
                self.model.toggle(row)

    def visible_ids(self) -> list[int]:
        """The ids the filter shows now, top to bottom."""
        items = self.model.items()
        return [
            items[self._filter.mapToSource(self._filter.index(row, 0)).row()].id
            for row in range(self._filter.rowCount())
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space ticks the current row wherever the cursor is in it."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
        ):
            index = self.view.currentIndex()
            if index.isValid():
                self.model.toggle(self._filter.mapToSource(index).row())
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _show_count(self) -> None:
        count = len(self.model.ticked)
        self.count_label.setText(self.tr("{n} chosen").format(n=count) if count else "")
