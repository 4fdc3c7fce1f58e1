"""The Stakeholders table: one row per `RegisterRow`, sorted in Python.

Sorting happens here (not in a QSortFilterProxyModel) because a proxy asks
the model for every compared value through Python: tens of thousands of
calls on a register of 2,000 people, on each keystroke of the filter. Here
one key function per column sorts the list once, and the filter (done by the
service's `filter_rows`) keeps that order. Display texts are worked out once
per row, when first painted; the page's `QuickCellDelegate` reads each cell
with one `cell_look` call instead of a `data()` call per role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication

from cio_desk.services.register import RegisterRow
from cio_desk.store.enums import StakeholderKind, Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import muted_color
from cio_desk.ui.widgets.influence_grid import stance_icon
from cio_desk.ui.widgets.quick_cells import CellLook

NAME, TITLE, UNIT, KIND, INFLUENCE, INTEREST, STANCE, MET, LAST_CONTACT, FOLLOW_UPS, NAMED_BY = (
    range(11)
)
COLUMN_COUNT = 11

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_NUMERIC = frozenset({INFLUENCE, INTEREST, FOLLOW_UPS, NAMED_BY})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_ALIGNMENT = Qt.AlignmentFlag.AlignRight
_LEFT_ALIGNMENT = Qt.AlignmentFlag.AlignLeft
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        ID_ROLE,
        SORT_ROLE,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("StakeholderTable", text)


def _headers() -> tuple[str, ...]:
    return (
        _tr("Name"),
        _tr("Title"),
        _tr("Unit"),
        _tr("Kind"),
        _tr("Influence"),
        _tr("Interest"),
        _tr("Stance"),
        _tr("Met"),
        _tr("Last contact"),
        _tr("Follow-ups"),
        _tr("Named by"),
    )


def _header_tips() -> dict[int, str]:
    return {
        INFLUENCE: _tr("How much they can help or hinder you, 1 to 5."),
        INTEREST: _tr("How much your work affects them, 1 to 5."),
        MET: _tr("Whether you have held a meeting with them."),
        LAST_CONTACT: _tr("The date of the last meeting held with them."),
        FOLLOW_UPS: _tr("Open follow-ups you promised them."),
        NAMED_BY: _tr("How many people suggested you talk to them."),
    }


def _no_date_last(row: RegisterRow) -> tuple[bool, str]:
    return (row.last_contact is None, row.last_contact.isoformat() if row.last_contact else "")


# Sort keys per column; names break ties so equal values read alphabetically.
_SORT_KEYS: dict[int, Callable[[RegisterRow], Any]] = {
    NAME: lambda r: (r.name.casefold(), r.id),
    TITLE: lambda r: (r.title.casefold(), r.name.casefold()),
    UNIT: lambda r: (r.unit.casefold(), r.name.casefold()),
    KIND: lambda r: (list(type(r.kind)).index(r.kind), r.name.casefold()),
    INFLUENCE: lambda r: (r.influence, r.interest, r.name.casefold()),
    INTEREST: lambda r: (r.interest, r.influence, r.name.casefold()),
    STANCE: lambda r: (r.stance.score, r.name.casefold()),
    MET: lambda r: (r.met, r.name.casefold()),
    LAST_CONTACT: lambda r: (_no_date_last(r), r.name.casefold()),
    FOLLOW_UPS: lambda r: (r.open_follow_ups, r.name.casefold()),
    NAMED_BY: lambda r: (r.named_by, r.name.casefold()),
}


class StakeholderTableModel(QAbstractTableModel):
    """Register rows for a QTableView; `set_rows` replaces them all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # row id -> display text per column
        self._labels = _DisplayTexts()
        self._position: dict[int, int] = {}
        self._sort_column = NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._headers = _headers()
        self._tips = _header_tips()
        self._archived_font = QFont()
        self._archived_font.setItalic(True)

    # ------------------------------------------------------------ content

    def set_rows(self, rows: Sequence[RegisterRow], *, same_rows: bool = False) -> None:
        """Show `rows`, in the current sort order.

        `same_rows` says the rows are (a subset of) those given last time, as
        when filtering: their display texts are kept instead of worked out again.
        """
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self._position = {row.id: i for i, row in enumerate(self._rows)}
        if not same_rows:
            self._texts = {}
            self._labels = _DisplayTexts()
        self.endResetModel()

    def rows(self) -> list[RegisterRow]:
        return list(self._rows)

    def row_at(self, position: int) -> RegisterRow:
        return self._rows[position]

    def position_of(self, stakeholder_id: int) -> int | None:
        """The row number showing `stakeholder_id`, None when it is not shown."""
        return self._position.get(stakeholder_id)

    def cell_look(self, row: int, column: int) -> CellLook:
        """What a cell shows, in one call (see `QuickCellDelegate`); the same as `data()`."""
        person = self._rows[row]
        return CellLook(
            self._display(person)[column],
            _RIGHT_ALIGNMENT if column in _NUMERIC else _LEFT_ALIGNMENT,
            self._stance_icon(person) if column == STANCE else None,
            person.archived,
        )

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for seven roles per cell as it paints: the others end here.
        if role not in _ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row)[column]
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return _SORT_KEYS[column](row)
        if role == Qt.ItemDataRole.DecorationRole and column == STANCE:
            return self._stance_icon(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return self._muted_color()
        if role == Qt.ItemDataRole.FontRole and row.archived:
            return self._archived_font
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return _name_tip(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return _RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._rows = self._sorted(self._rows)
        self._position = {row.id: i for i, row in enumerate(self._rows)}
        after = [
            self.index(self._position[i], old.column()) for i, old in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # ------------------------------------------------------------ helpers

    def _display(self, row: RegisterRow) -> tuple[str, ...]:
        """A row's texts, worked out when first painted (most rows never are)."""
        texts = self._texts.get(row.id)
        if texts is None:
            texts = self._texts[row.id] = self._labels.of(row)
        return texts

    def _sorted(self, rows: Sequence[RegisterRow]) -> list[RegisterRow]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=_SORT_KEYS[self._sort_column], reverse=descending)

    def _stance_icon(self, row: RegisterRow) -> QIcon:
        return stance_icon(row.stance, QApplication.palette())

    def _muted_color(self) -> QColor:
        return muted_color(QApplication.palette())  # read each time: it follows light/dark


class _DisplayTexts:
    """Works out the texts of many rows, translating each label once."""

    def __init__(self) -> None:
        self._kinds = {kind: fmt.stakeholder_kind_label(kind) for kind in StakeholderKind}
        self._stances = {stance: fmt.stance_label(stance) for stance in Stance}
        self._met = (_tr("Not yet"), _tr("Met"))
        self._dates: dict[dt.date, str] = {}

    def of(self, row: RegisterRow) -> tuple[str, ...]:
        name = row.name
        if row.is_manager:
            name = _tr("{name} (your manager)").format(name=row.name)
        if row.archived:
            name = _tr("{name} (archived)").format(name=name)
        return (
            name,
            row.title,
            row.unit,
            self._kinds[row.kind],
            str(row.influence),
            str(row.interest),
            self._stances[row.stance],
            self._met[row.met],
            self._date(row.last_contact),
            str(row.open_follow_ups) if row.open_follow_ups else "",
            str(row.named_by) if row.named_by else "",
        )

    def _date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        if day not in self._dates:
            self._dates[day] = fmt.medium_date(day)
        return self._dates[day]


def _name_tip(row: RegisterRow) -> str:
    role = _tr(" · ").join(part for part in (row.title, row.unit) if part)
    return f"{row.name}\n{role}" if role else row.name
