"""The Review & export page's tables: plan versions, reviewer feedback, jargon terms.

Thin models: the page hands them service records (`set_rows`), they turn
them into cells and sort keys (`SORT_ROLE`); filtering is the service's
(open feedback) or a `QSortFilterProxyModel`'s (text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from cio_desk.services.jargon import JargonRecord
from cio_desk.services.review import SECTION_KEYS, ReviewRecord
from cio_desk.services.versions import VersionRecord
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import one_line
from cio_desk.ui.models.headered import HeaderedTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
_SECTION_ORDER = {key: index for index, key in enumerate(SECTION_KEYS)}


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=_HasId)


class _RecordTable(HeaderedTableModel, Generic[T]):
    """Rows of records; subclasses say what each column shows and sorts by."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, item_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), None)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, index.column())
        if role == SORT_ROLE:
            return self.sort_key(record, index.column())
        if role == ID_ROLE:
            return record.id
        return None

    def text(self, record: T, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, record: T, column: int) -> str | None:
        return None

    def sort_key(self, record: T, column: int) -> object:
        return self.text(record, column).casefold()


class VersionTableModel(_RecordTable[VersionRecord]):
    """Plan versions, newest first: number, label, date, audience."""

    NUMBER, LABEL, DATE, AUDIENCE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("Version"), self.tr("Label"), self.tr("Exported"), self.tr("For")], parent
        )

    def text(self, record: VersionRecord, column: int) -> str:
        if column == self.NUMBER:
            return str(record.number)
        if column == self.LABEL:
            return record.label
        if column == self.DATE:
            return fmt.medium_date(record.created_at)
        return fmt.audience_label(record.profile)

    def tooltip(self, record: VersionRecord, column: int) -> str | None:
        if column == self.DATE:
            return fmt.date_time(record.created_at)
        if column == self.LABEL:
            return record.label or None
        return None

    def sort_key(self, record: VersionRecord, column: int) -> object:
        if column in (self.NUMBER, self.DATE):
            return record.number
        return super().sort_key(record, column)


class FeedbackTableModel(_RecordTable[ReviewRecord]):
    """Reviewer feedback: section, reviewer, date, what they said, and what was done."""

    SECTION, REVIEWER, RECEIVED, FEEDBACK, STATUS, REPLY = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Section"),
                self.tr("Reviewer"),
                self.tr("Received"),
                self.tr("Feedback"),
                self.tr("Status"),
                self.tr("What was done"),
            ],
            parent,
        )

    def text(self, record: ReviewRecord, column: int) -> str:
        if column == self.SECTION:
            return fmt.review_section_label(record.section)
        if column == self.REVIEWER:
            return record.reviewer
        if column == self.RECEIVED:
            return fmt.medium_date(record.received_on)
        if column == self.FEEDBACK:
            return one_line(record.text)
        if column == self.STATUS:
            if record.addressed and record.addressed_on is not None:
                return self.tr("Addressed {date}").format(date=fmt.medium_date(record.addressed_on))
            return self.tr("Open")
        return one_line(record.reply)

    def tooltip(self, record: ReviewRecord, column: int) -> str | None:
        if column == self.FEEDBACK:
            if record.version_number is None:
                return record.text
            return self.tr("{text}\n\nOn version {number}.").format(
                text=record.text, number=record.version_number
            )
        if column == self.REPLY:
            return record.reply or None
        return None

    def sort_key(self, record: ReviewRecord, column: int) -> object:
        if column == self.SECTION:
            return (_SECTION_ORDER.get(record.section, 99), record.received_on, record.id)
        if column == self.RECEIVED:
            return (record.received_on, record.id)
        if column == self.STATUS:
            return (record.addressed, record.addressed_on or record.received_on)
        return super().sort_key(record, column)


class JargonTableModel(_RecordTable[JargonRecord]):
    """The term list of the business-language check."""

    TERM, PLAIN_EN, PLAIN_ZH = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("Term"), self.tr("In plain English"), self.tr("In plain Chinese")], parent
        )

    def text(self, record: JargonRecord, column: int) -> str:
        return (record.term, record.plain_en, record.plain_zh)[column]
