"""Tables of the Insight themes view: the count per theme, and one theme's insights.

Both models sort their own rows with one key per column; texts are worked
out when rows arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication

from cio_desk.services.insights import InsightRecord
from cio_desk.services.themes import ThemeCount
from cio_desk.store.enums import InsightKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import tone_color

THEME, CONCERNS, PROPOSALS, GOALS, PEOPLE = range(5)
PERSON, KIND, INSIGHT, PRIVACY = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NUMBERS = (CONCERNS, PROPOSALS, GOALS, PEOPLE)
# The order in which a theme's insights are read: problems first, then ideas.
KIND_ORDER = (
    InsightKind.CONCERN,
    InsightKind.PROPOSAL,
    InsightKind.GOAL,
    InsightKind.HOW_TO_HELP,
    InsightKind.REFERRAL,
)
_TEXT_CHARS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("ThemeTables", text)


class _SortedTable(QAbstractTableModel):
    """Rows kept sorted by a key per column; subclasses give headers and cells."""

    def __init__(self, keys: dict[int, Callable[[Any], Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self._keys = keys
        self._rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _set(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self.endResetModel()

    def _apply_sort(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self._rows.sort(key=self._keys[column], reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column`; a column of -1 keeps the order the rows came in."""
        if column < 0:
            self._sort = None
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()


class ThemeCountModel(_SortedTable):
    """One row per theme: concerns, proposals, goals and people (from `theme_counts`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                THEME: lambda t: t.name.casefold(),
                CONCERNS: lambda t: (t.concerns, t.proposals, t.name.casefold()),
                PROPOSALS: lambda t: (t.proposals, t.concerns, t.name.casefold()),
                GOALS: lambda t: (t.goals, t.name.casefold()),
                PEOPLE: lambda t: (t.stakeholders, t.name.casefold()),
            },
            parent,
        )

    def _headers(self) -> tuple[str, ...]:
        return (_tr("Theme"), _tr("Concerns"), _tr("Proposals"), _tr("Goals"), _tr("People"))

    def set_counts(self, counts: Sequence[ThemeCount]) -> None:
        """The service's order (most concerns and proposals first) unless sorted by a column."""
        self._set(counts)

    def theme(self, row: int) -> ThemeCount:
        return self._rows[row]

    def row_of(self, theme_id: int) -> int | None:
        return next((i for i, t in enumerate(self._rows) if t.theme_id == theme_id), None)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == PEOPLE:
                return _tr("How many people raised something on this theme")
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        count = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (count.name, count.concerns, count.proposals, count.goals, count.stakeholders)
            return values[column] if column != THEME else count.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return Qt.AlignmentFlag.AlignCenter
        if role == ID_ROLE:
            return count.theme_id
        return None


class ThemeInsightModel(_SortedTable):
    """What people said on one theme: who, what kind, the text, whether confidential."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                PERSON: lambda i: (i.stakeholder_name.casefold(), KIND_ORDER.index(i.kind), i.id),
                KIND: lambda i: (KIND_ORDER.index(i.kind), i.stakeholder_name.casefold(), i.id),
                INSIGHT: lambda i: (i.text.casefold(), i.id),
                PRIVACY: lambda i: (not i.confidential, KIND_ORDER.index(i.kind), i.id),
            },
            parent,
        )
        self._sort = (KIND, Qt.SortOrder.AscendingOrder)

    def _headers(self) -> tuple[str, ...]:
        return (_tr("Person"), _tr("Kind"), _tr("What they said"), _tr("Privacy"))

    def set_insights(self, insights: Sequence[InsightRecord]) -> None:
        self._set(insights)

    def insight(self, row: int) -> InsightRecord:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        insight: InsightRecord = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(insight, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == INSIGHT:
            return insight.text[:2000]
        if role == Qt.ItemDataRole.ToolTipRole and column == PERSON:
            return _tr("Double-click to open this person.")
        if role == Qt.ItemDataRole.ForegroundRole and column == PRIVACY and insight.confidential:
            return tone_color(QApplication.palette(), "warn")
        if role == ID_ROLE:
            return insight.id
        return None

    def _text(self, insight: InsightRecord, column: int) -> str:
        if column == PERSON:
            return insight.stakeholder_name
        if column == KIND:
            return fmt.insight_kind_label(insight.kind)
        if column == INSIGHT:
            line = " ".join(insight.text.split())
            return line if len(line) <= _TEXT_CHARS else line[: _TEXT_CHARS - 1] + "…"
        return _tr("Confidential") if insight.confidential else ""
