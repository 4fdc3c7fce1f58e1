"""The Follow-ups table: one row per promised action, with its meeting.

The model sorts and filters its own rows (a list sorted once by a key per
column), so a long list stays quick; a row's texts are worked out when first
needed. Ticking the first column asks for the change through `done_toggled`: the
page records it for undo and the rows come back through `set_rows`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from cio_desk.services.followups import FollowUpRecord, MeetingLabel
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import tone_color

DONE, TEXT, QUICK_WIN, FOR, MEETING, DUE, STATUS = range(7)
COLUMN_COUNT = 7
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TEXT_CHARS = 200
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpTable", text)


@dataclass(frozen=True)
class FollowUpRow:
    """A follow-up and the meeting it came from (if any)."""

    record: FollowUpRecord
    meeting: MeetingLabel | None = None


class _Shown:
    """A row and what each of its cells says, worked out when first asked: most
    rows of a long list are never painted, and their search text is needed
    only once the user types in the filter box."""

    __slots__ = ("_dates", "_search", "_texts", "_today", "_tone", "row")

    def __init__(self, row: FollowUpRow, today: dt.date, dates: _DateTexts) -> None:
        self.row, self._today, self._dates = row, today, dates
        self._texts: tuple[str, ...] | None = None
        self._tone: str | None = None
        self._search: str | None = None

    @property
    def texts(self) -> tuple[str, ...]:
        return self._filled()[0]

    @property
    def status_tone(self) -> str | None:
        return self._filled()[1]

    def _filled(self) -> tuple[tuple[str, ...], str | None]:
        if self._texts is None:
            self._texts, self._tone = _texts(self.row, self._today, self._dates)
        return self._texts, self._tone

    @property
    def search(self) -> str:
        if self._search is None:
            record = self.row.record
            words = (record.text, record.stakeholder_name, record.owner, self.texts[MEETING])
            self._search = " ".join(words).casefold()
        return self._search


class FollowUpTableModel(QAbstractTableModel):
    """Rows of follow-ups, sortable by any column and filtered by typed words."""

    done_toggled = Signal(int, bool)  # follow-up id, ticked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[_Shown] = []
        self._rows: list[_Shown] = []
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] = (DUE, Qt.SortOrder.AscendingOrder)
        self._tickable = True

    # ------------------------------------------------------------ feeding

    def set_tickable(self, tickable: bool) -> None:
        """Whether the Done boxes can be clicked (not in a read-only window)."""
        self._tickable = tickable

    def set_rows(self, rows: Sequence[FollowUpRow], today: dt.date) -> None:
        """Show these follow-ups; overdue and due dates are read against `today`."""
        self.beginResetModel()
        dates = _DateTexts()
        self._all = [_Shown(row, today, dates) for row in rows]
        self._rows = self._visible()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Keep the rows holding every typed word (any case, any script)."""
        self.beginResetModel()
        self._filter = text
        self._rows = self._visible()
        self.endResetModel()

    def follow_up(self, row: int) -> FollowUpRow:
        return self._rows[row].row

    def row_of(self, follow_up_id: int) -> int | None:
        for index, shown in enumerate(self._rows):
            if shown.row.record.id == follow_up_id:
                return index
        return None

    def _visible(self) -> list[_Shown]:
        words = self._filter.casefold().split()
        rows = [s for s in self._all if all(w in s.search for w in words)]
        column, order = self._sort
        rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tips().get(section)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DONE and self._tickable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        shown = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return shown.texts[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == DONE:
            done = shown.row.record.done
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return shown.row.record.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(shown, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(shown, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUICK_WIN:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != DONE or not self._tickable:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        record = self._rows[index.row()].row.record
        if ticked != record.done:
            self.done_toggled.emit(record.id, ticked)
        return False  # the stored state comes back through set_rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].row.record.id for i in before]
        self._sort = (column, order)
        self._rows = self._visible()
        after = [
            self.index(self.row_of(i) or 0, old.column())
            for i, old in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _tooltip(self, shown: _Shown, column: int) -> str | None:
        record = shown.row.record
        if column == TEXT:
            return record.text[:2000]
        if column == QUICK_WIN and record.quick_win:
            return _tr("A quick win: something concrete that shows good faith early.")
        if column == MEETING and shown.row.meeting is not None:
            return _tr("Double-click to open this meeting.")
        if column == FOR and record.stakeholder_id is not None:
            return _tr("Double-click to open this person.")
        if column == DONE:
            return _tr("Tick when done (Space)")
        return None

    def _foreground(self, shown: _Shown, column: int) -> QColor | None:
        palette = QApplication.palette()
        if column == STATUS and shown.status_tone:
            return tone_color(palette, shown.status_tone)
        if column == QUICK_WIN:
            return tone_color(palette, "accent")
        if shown.row.record.done and column == TEXT:
            return tone_color(palette, "muted")
        return None


def _headers() -> tuple[str, ...]:
    return (
        _tr("Done"),
        _tr("Follow-up"),
        "★",
        _tr("For"),
        _tr("From meeting"),
        _tr("Due"),
        _tr("Status"),
    )


def _header_tips() -> dict[int, str]:
    return {
        DONE: _tr("Tick a follow-up when it is done (Space)."),
        QUICK_WIN: _tr("★ marks a quick win: it shows good faith early, so do it first."),
        FOR: _tr("Whom you promised it to."),
        MEETING: _tr("The meeting where you promised it."),
    }


class _DateTexts(dict[dt.date, str]):
    """Each date formatted once per fill: long lists share few dates."""

    def __missing__(self, day: dt.date) -> str:
        text = self[day] = fmt.short_date(day)
        return text


def _texts(
    row: FollowUpRow, today: dt.date, dates: _DateTexts
) -> tuple[tuple[str, ...], str | None]:
    """The cells of a row, and the tone of its status."""
    record, meeting = row.record, row.meeting
    status, tone = _status(record, today, dates)
    meeting_text = ""
    if meeting is not None:
        meeting_text = _tr("{title} · {date}").format(
            title=meeting.display_title, date=dates[meeting.starts_at.date()]
        )
    texts = (
        "",
        _one_line(record.text),
        "★" if record.quick_win else "",
        record.stakeholder_name,
        meeting_text,
        dates[record.due_date] if record.due_date else _tr("No date"),
        status,
    )
    return texts, tone


def _status(record: FollowUpRecord, today: dt.date, dates: _DateTexts) -> tuple[str, str | None]:
    if record.done:
        if record.done_on is None:
            return _tr("Done"), "good"
        return _tr("Done {date}").format(date=dates[record.done_on]), "good"
    if record.due_date is None:
        return _tr("No due date"), "muted"
    days = (record.due_date - today).days
    if record.is_overdue(today):
        return fmt.days_overdue(-days), "warn"
    if days == 0:
        return _tr("Due today"), "accent"
    if days == 1:
        return _tr("Due tomorrow"), None
    return _tr("Due in {n} days").format(n=days), None


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _TEXT_CHARS else line[: _TEXT_CHARS - 1] + "…"


def _due_key(shown: _Shown) -> tuple[bool, dt.date, int]:
    record = shown.row.record
    return (record.due_date is None, record.due_date or dt.date.max, record.id)


def _meeting_key(shown: _Shown) -> tuple[bool, dt.datetime, int]:
    meeting = shown.row.meeting
    return (meeting is None, meeting.starts_at if meeting else dt.datetime.max, shown.row.record.id)


_SORT_KEYS: dict[int, Callable[[_Shown], Any]] = {
    DONE: lambda s: (s.row.record.done, *_due_key(s)),
    TEXT: lambda s: (s.texts[TEXT].casefold(), s.row.record.id),
    QUICK_WIN: lambda s: (not s.row.record.quick_win, *_due_key(s)),
    FOR: lambda s: (not s.texts[FOR], s.texts[FOR].casefold(), *_due_key(s)),
    MEETING: _meeting_key,
    DUE: _due_key,
    STATUS: _due_key,
}
