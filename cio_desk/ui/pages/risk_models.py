"""The risk register as a Qt table: one row per risk, sortable by any column.

Rows are built by the page from service records (`RiskRow`); the model only
turns them into cells, colours and sort keys. It sorts its own rows by the
keys of `SORT_ROLE` (a Python sort of a thousand rows takes a millisecond;
a sort proxy asking for each key through `data()` takes hundreds).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QWidget

from cio_desk.services.risks import BANDS, RiskRecord
from cio_desk.store.enums import RiskStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import muted_color, tone_color
from cio_desk.ui.widgets.heat_map import band_color

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
_BAND_ORDER = {band: index for index, (band, _low, _high) in enumerate(BANDS)}
_STATUS_ORDER = {status: index for index, status in enumerate(RiskStatus)}


@dataclass(frozen=True)
class RiskRow:
    """A risk with the names of what it is linked to, and whether its review is late."""

    record: RiskRecord
    initiatives: tuple[str, ...]
    stakeholders: tuple[str, ...]
    overdue: bool


class RiskTableModel(QAbstractTableModel):
    """Columns: the register's fields, scores as "L × I = score"."""

    TITLE, CATEGORY, INHERENT, RESIDUAL, BAND, RESPONSE = range(6)
    OWNER, STATUS, NEXT_REVIEW, HORIZON, INITIATIVES, STAKEHOLDERS = range(6, 12)
    COLUMNS = 12

    def __init__(self, palette: QPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RiskRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._palette = palette
        self._headers = [
            self.tr("Risk"),
            self.tr("Category"),
            self.tr("Inherent"),
            self.tr("Residual"),
            self.tr("Band"),
            self.tr("Response"),
            self.tr("Owner"),
            self.tr("Status"),
            self.tr("Next review"),
            self.tr("Horizon"),
            self.tr("Initiatives"),
            self.tr("Stakeholders"),
        ]
        self._header_tips = {
            self.INHERENT: self.tr("Before mitigation: likelihood × impact = score"),
            self.RESIDUAL: self.tr("After mitigation: likelihood × impact = score"),
            self.BAND: self.tr("Band of the residual score"),
        }

    def set_rows(self, rows: list[RiskRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column`; ties keep the service's order (highest residual score first)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].record.id for index in before]
        self._rows = self._sorted(self._rows)
        rows = {row.record.id: position for position, row in enumerate(self._rows)}
        after = [self.index(rows[i], old.column()) for i, old in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[RiskRow]) -> list[RiskRow]:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        return sorted(
            rows,
            key=lambda row: self._sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def set_palette(self, palette: QPalette) -> None:
        self._palette = palette
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 11))

    def row_at(self, row: int) -> RiskRow:
        return self._rows[row]

    def row_of(self, risk_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.record.id == risk_id), None)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row.record.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.BAND:
            return band_color(self._palette, row.record.residual_band)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and column == self.NEXT_REVIEW and row.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: RiskRow, column: int) -> str:
        """One cell's text, formatted only when asked for (painting asks for a few rows)."""
        risk = row.record
        if column == self.TITLE:
            return risk.title
        if column == self.CATEGORY:
            return fmt.risk_category_label(risk.category)
        if column == self.INHERENT:
            return fmt.risk_scores(risk.likelihood, risk.impact, risk.inherent_score)
        if column == self.RESIDUAL:
            return fmt.risk_scores(
                risk.residual_likelihood, risk.residual_impact, risk.residual_score
            )
        if column == self.BAND:
            return fmt.risk_band_label(risk.residual_band)
        if column == self.RESPONSE:
            return fmt.risk_response_label(risk.response)
        if column == self.OWNER:
            return risk.owner
        if column == self.STATUS:
            return fmt.risk_status_label(risk.status)
        if column == self.NEXT_REVIEW:
            return self._review_text(risk.next_review, row.overdue)
        if column == self.HORIZON:
            return fmt.horizon_short_label(risk.horizon)
        if column == self.INITIATIVES:
            return ", ".join(row.initiatives)
        return ", ".join(row.stakeholders)

    def _review_text(self, when: dt.date | None, overdue: bool) -> str:
        if when is None:
            return ""
        date = fmt.short_date(when)
        return self.tr("{date} · overdue").format(date=date) if overdue else date

    def _sort_key(self, row: RiskRow, column: int) -> object:
        risk = row.record
        if column == self.INHERENT:
            return risk.inherent_score
        if column in (self.RESIDUAL, self.BAND):
            return risk.residual_score
        if column == self.STATUS:
            return _STATUS_ORDER[risk.status]
        if column == self.NEXT_REVIEW:
            return risk.next_review.toordinal() if risk.next_review else 10**7
        if column == self.HORIZON:
            return risk.horizon or 99
        if column == self.INITIATIVES:
            return len(row.initiatives)
        if column == self.STAKEHOLDERS:
            return len(row.stakeholders)
        return self._text(row, column).casefold()

    def _tooltip(self, row: RiskRow, column: int) -> str | None:
        risk = row.record
        if column == self.TITLE:
            parts = [risk.title]
            if risk.cause:
                parts.append(self.tr("Cause: {text}").format(text=risk.cause))
            if risk.effect:
                parts.append(self.tr("Effect: {text}").format(text=risk.effect))
            return "\n".join(parts)
        if column == self.NEXT_REVIEW and row.overdue:
            return self.tr("The review was due on {date}.").format(
                date=fmt.long_date(risk.next_review)  # type: ignore[arg-type]
            )
        if column in (self.INITIATIVES, self.STAKEHOLDERS):
            names = row.initiatives if column == self.INITIATIVES else row.stakeholders
            return "\n".join(names) or None
        return None

    def _foreground(self, row: RiskRow, column: int) -> object:
        if column == self.NEXT_REVIEW and row.overdue:
            return tone_color(self._palette, "warn")
        if column == self.BAND:
            return self._palette.color(QPalette.ColorRole.Text)
        if row.record.status == RiskStatus.CLOSED:
            return muted_color(self._palette)
        return None
