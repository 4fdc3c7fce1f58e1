"""The rows of the initiative editor's tables: cost lines, payment schedule, milestones.

Amounts are typed as text and read by `money.parse_amount` in the workspace
currency ("1,200,000", "1200000.50", "12万"). A refused amount stays in its
cell as typed, marked, with the message under the table; the initiative
cannot be saved until it is corrected, and nothing already saved changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.services.money import format_amount, parse_amount
from cio_desk.services.plan_costs import CostLineRecord, MilestoneRecord, PaymentRecord
from cio_desk.services.plan_rows import FIRST_MONTH
from cio_desk.store.enums import CostCategory, CostRecurrence
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import tone_color

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ERROR_TINT_ALPHA = 48  # a refused cell is tinted with the warning colour, lightly


def _tr(text: str) -> str:
    return QCoreApplication.translate("CostLines", text)


@dataclass
class _Amount:
    """An amount cell: the minor units, or the refused text and why."""

    minor: int | None = 0
    typed: str = ""
    error: str = ""


@dataclass
class _Row:
    """One editable line; `id` 0 until saved."""

    id: int
    values: dict[int, Any]


class PartsModel(QAbstractTableModel):
    """Editable rows of one part of an initiative. Subclasses name the columns."""

    refused = Signal(int, str)  # row, message
    changed = Signal()

    headers: tuple[str, ...] = ()
    amount_column: int | None = None
    month_column: int | None = None
    label = ""  # "Cost line", as in "Cost line 2: ..."

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self._rows: list[_Row] = []

    # ------------------------------------------------------------ rows

    def new_values(self) -> dict[int, Any]:
        """The values of a line just added."""
        raise NotImplementedError

    def display(self, column: int, value: Any) -> str:
        return str(value)

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(_ROOT, row, row)
        self._rows.append(_Row(0, self.new_values()))
        self.endInsertRows()
        self.changed.emit()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(_ROOT, row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.changed.emit()

    def _set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.changed.emit()

    def value(self, row: int, column: int) -> Any:
        return self._rows[row].values[column]

    def amounts(self) -> list[int]:
        """The accepted amounts, line by line (refused ones left out)."""
        if self.amount_column is None:
            return []
        cells = (row.values[self.amount_column] for row in self._rows)
        return [cell.minor for cell in cells if cell.minor is not None]

    def first_error(self) -> str:
        """ "Cost line 2: Amount cannot be negative." for the first refused cell, or ""."""
        if self.amount_column is None:
            return ""
        for number, row in enumerate(self._rows, start=1):
            cell = row.values[self.amount_column]
            if cell.error:
                return _tr("{what} {n}: {message}").format(
                    what=self.label, n=number, message=cell.error
                )
        return ""

    # ------------------------------------------------------------ Qt

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = index.column()
        value = self._rows[index.row()].values[column]
        if column == self.amount_column:
            return self._amount_data(value, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.month_column:
            return _RIGHT
        return None

    def _amount_data(self, cell: _Amount, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.typed if cell.error else format_amount(cell.minor or 0, self.currency)
        if role == Qt.ItemDataRole.EditRole:
            if cell.error:
                return cell.typed
            return format_amount(cell.minor or 0, self.currency, symbol=False)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and cell.error:
            return tone_color(QGuiApplication.palette(), "warn")
        if role == Qt.ItemDataRole.BackgroundRole and cell.error:
            tint = tone_color(QGuiApplication.palette(), "warn")
            tint.setAlpha(_ERROR_TINT_ALPHA)
            return tint
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.error or _tr("Type an amount such as 1,200,000 or 1200000.50.")
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), index.column()
        if column == self.amount_column:
            value = self._read_amount(row, str(value))
        self._rows[row].values[column] = value
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def _read_amount(self, row: int, text: str) -> _Amount:
        try:
            return _Amount(parse_amount(text, currency=self.currency, label=_tr("Amount")))
        except ValidationError as error:
            self.refused.emit(row, error.message)
            return _Amount(None, text, error.message)


class CostLinesModel(PartsModel):
    """Category, one-off or per year, amount, vendor, note."""

    CATEGORY, RECURRENCE, AMOUNT, VENDOR, NOTE = range(5)
    amount_column = AMOUNT

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(currency, parent)
        self.headers = (_tr("Category"), _tr("Charged"), _tr("Amount"), _tr("Vendor"), _tr("Note"))
        self.label = _tr("Cost line")

    def set_lines(self, lines: Sequence[CostLineRecord]) -> None:
        self._set_rows(
            [
                _Row(
                    line.id,
                    {
                        self.CATEGORY: line.category,
                        self.RECURRENCE: line.recurrence,
                        self.AMOUNT: _Amount(line.amount_minor),
                        self.VENDOR: line.vendor,
                        self.NOTE: line.note,
                    },
                )
                for line in lines
            ]
        )

    def new_values(self) -> dict[int, Any]:
        return {
            self.CATEGORY: CostCategory.LICENCE,
            self.RECURRENCE: CostRecurrence.ONE_OFF,
            self.AMOUNT: _Amount(0),
            self.VENDOR: "",
            self.NOTE: "",
        }

    def display(self, column: int, value: Any) -> str:
        if column == self.CATEGORY:
            return fmt.cost_category_label(value)
        if column == self.RECURRENCE:
            return fmt.recurrence_label(value)
        return str(value)

    def lines(self) -> tuple[CostLineRecord, ...]:
        """The lines as records to save (refused amounts as 0: saving is blocked anyway)."""
        return tuple(
            CostLineRecord(
                initiative_id=0,
                category=row.values[self.CATEGORY],
                amount_minor=row.values[self.AMOUNT].minor or 0,
                recurrence=row.values[self.RECURRENCE],
                vendor=row.values[self.VENDOR],
                note=row.values[self.NOTE],
                id=row.id,
            )
            for row in self._rows
        )

    def charges(self) -> list[tuple[CostRecurrence, int]]:
        """(one-off or per year, amount) of each accepted line, for the cost preview."""
        return [
            (row.values[self.RECURRENCE], row.values[self.AMOUNT].minor)
            for row in self._rows
            if row.values[self.AMOUNT].minor is not None
        ]


class PaymentsModel(PartsModel):
    """Month, amount, note: the instalments agreed with finance."""

    MONTH, AMOUNT, NOTE = range(3)
    amount_column = AMOUNT
    month_column = MONTH

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(currency, parent)
        self.headers = (_tr("Month"), _tr("Amount"), _tr("Note"))
        self.label = _tr("Payment")
        self.default_month = FIRST_MONTH

    def set_payments(self, payments: Sequence[PaymentRecord]) -> None:
        self._set_rows(
            [
                _Row(
                    p.id,
                    {self.MONTH: p.month, self.AMOUNT: _Amount(p.amount_minor), self.NOTE: p.note},
                )
                for p in payments
            ]
        )

    def new_values(self) -> dict[int, Any]:
        return {self.MONTH: self.default_month, self.AMOUNT: _Amount(0), self.NOTE: ""}

    def display(self, column: int, value: Any) -> str:
        if column == self.MONTH:
            return _tr("Month {n}").format(n=value)
        return str(value)

    def payments(self) -> tuple[PaymentRecord, ...]:
        return tuple(
            PaymentRecord(
                initiative_id=0,
                month=row.values[self.MONTH],
                amount_minor=row.values[self.AMOUNT].minor or 0,
                note=row.values[self.NOTE],
                id=row.id,
            )
            for row in self._rows
        )


class MilestonesModel(PartsModel):
    """Month and title of each checkpoint shown on the roadmap."""

    MONTH, TITLE = range(2)
    month_column = MONTH

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(currency, parent)
        self.headers = (_tr("Month"), _tr("Milestone"))
        self.label = _tr("Milestone")
        self.default_month = FIRST_MONTH

    def set_milestones(self, milestones: Sequence[MilestoneRecord]) -> None:
        self._set_rows([_Row(m.id, {self.MONTH: m.month, self.TITLE: m.title}) for m in milestones])

    def new_values(self) -> dict[int, Any]:
        return {self.MONTH: self.default_month, self.TITLE: ""}

    def display(self, column: int, value: Any) -> str:
        if column == self.MONTH:
            return _tr("Month {n}").format(n=value)
        return str(value)

    def milestones(self) -> tuple[MilestoneRecord, ...]:
        return tuple(
            MilestoneRecord(
                initiative_id=0,
                month=row.values[self.MONTH],
                title=row.values[self.TITLE],
                id=row.id,
            )
            for row in self._rows
        )
