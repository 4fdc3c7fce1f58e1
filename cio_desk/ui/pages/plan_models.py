"""The thin table model every Plan tab builds on.

A subclass names its columns and says what each cell shows; the rows are
the services' records, given whole to `set_rows`. The model sorts its own
rows by `sort_value` (numbers sort as numbers; column -1 is the service's
order) and hides those a filter refuses (`set_filter`): a proxy model would
ask for every sort key through `data()` and pass every painted cell through
more calls into Python. `SORT_ROLE` gives the sort key and `ID_ROLE` the
record's id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication

from cio_desk.ui.theme import tone_color

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel, Generic[T]):
    """Records in columns. Override `cell`; the other hooks are optional.

    Ticking a box in a `checkable_columns` cell does not change the row: it
    emits `check_requested(id)`, and the tab makes the (undoable) edit.
    """

    check_requested = Signal(int)

    #: Columns whose figures are right-aligned.
    number_columns: frozenset[int] = frozenset()
    #: Columns whose tick box the user can click.
    checkable_columns: frozenset[int] = frozenset()

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[T] = []  # as shown: filtered and sorted
        self._given: list[T] = []  # all of them, in the service's order
        self._accepts: Callable[[T], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._numbers: dict[int, int] = {}
        self.header_tooltips: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._tone_colors: dict[str, QColor] = {}
        self._answers = self._build_answers()
        self._tickable = True

    def set_tickable(self, tickable: bool) -> None:
        """Whether the tick boxes can be clicked (not in a read-only window)."""
        self._tickable = tickable

    # ------------------------------------------------------------ hooks

    def cell(self, item: T, column: int) -> str:
        """The text shown in a cell."""
        raise NotImplementedError

    def sort_value(self, item: T, column: int) -> Any:
        """What a column sorts by (default: its text, ignoring case)."""
        return self.cell(item, column).casefold()

    def tooltip(self, item: T, column: int) -> str | None:
        return None

    def tone(self, item: T, column: int) -> str | None:
        """A theme tone for the cell's text ("warn", "good", "muted", "accent")."""
        return None

    def checked(self, item: T, column: int) -> bool | None:
        """A tick shown in the cell (None: no tick box)."""
        return None

    def bold(self, item: T, column: int) -> bool:
        return False

    # ------------------------------------------------------------ rows

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._shown()
        self._numbers = {id(item): row for row, item in enumerate(self._given, start=1)}
        self._tone_colors = {}
        self.endResetModel()

    def set_filter(self, accepts: Callable[[T], bool] | None) -> None:
        """Show only the rows `accepts` takes (None: every row)."""
        self.beginResetModel()
        self._accepts = accepts
        self._rows = self._shown()
        self.endResetModel()

    def total(self) -> int:
        """How many rows there are, shown or not."""
        return len(self._given)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (-1: the service's order); the selection follows its rows."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(id(self._rows[index.row()]), index.column()) for index in before]
        self._rows = self._shown()
        position = {id(item): row for row, item in enumerate(self._rows)}
        after = [self.index(position[item], at) for item, at in kept]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _shown(self) -> list[T]:
        accepts = self._accepts
        rows = self._given if accepts is None else [item for item in self._given if accepts(item)]
        column, order = self._sort
        if column < 0:
            return list(rows)
        return sorted(
            rows,
            key=lambda item: self.sort_value(item, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def number(self, item: T) -> int:
        """The row of `item`, counted from 1 (its place in the service's order)."""
        return self._numbers[id(item)]

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, item_id: int) -> int | None:
        """The row showing the record with this id, if any."""
        for row, item in enumerate(self._rows):
            if getattr(item, "id", None) == item_id:
                return row
        return None

    # ------------------------------------------------------------ Qt

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in self.number_columns else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltips.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Views ask for a dozen roles per cell: look the role up once, answer fast.
        answer = self._answers.get(role)
        if answer is None or not index.isValid():
            return None
        return answer(self._rows[index.row()], index.column())

    def _build_answers(self) -> dict[int, Any]:
        bold = self._bold
        return {
            Qt.ItemDataRole.DisplayRole: self.cell,
            Qt.ItemDataRole.ToolTipRole: self.tooltip,
            Qt.ItemDataRole.TextAlignmentRole: lambda _item, column: (
                _RIGHT if column in self.number_columns else _LEFT
            ),
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: lambda item, column: (
                bold if self.bold(item, column) else None
            ),
            Qt.ItemDataRole.CheckStateRole: self._check_state,
            SORT_ROLE: self.sort_value,
            ID_ROLE: lambda item, _column: getattr(item, "id", None),
        }

    def _foreground(self, item: T, column: int) -> object:
        tone = self.tone(item, column)
        if not tone:
            return None
        color = self._tone_colors.get(tone)
        if color is None:  # once per tone and refresh: a light/dark switch shows next time
            color = self._tone_colors[tone] = tone_color(QGuiApplication.palette(), tone)
        return color

    def _check_state(self, item: T, column: int) -> object:
        ticked = self.checked(item, column)
        if ticked is None:
            return None
        return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self.checkable_columns and self._tickable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.column() in self.checkable_columns
            and self._tickable
        ):
            item_id = getattr(self._rows[index.row()], "id", None)
            if item_id is not None:
                self.check_requested.emit(item_id)
        return False
