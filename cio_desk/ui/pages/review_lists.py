"""The Feedback and Business-language tabs of Review & export.

Feedback: what reviewers said, per section of the plan, filtered to open or
addressed; each is added, edited, marked addressed with a reply, reopened or
deleted, every one a step in the edit history.

Business language: the term list of the jargon check (IT terms with plain
English and Chinese alternatives), added, edited and removed the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError
from cio_desk.services.jargon import JargonData, JargonRecord
from cio_desk.services.review import ReviewData, ReviewRecord
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.feedback_editor import AddressFeedbackDialog, Addressing, FeedbackEditor
from cio_desk.ui.dialogs.jargon_editor import JargonEditor
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.review_models import FeedbackTableModel, JargonTableModel
from cio_desk.ui.pages.review_versions import record_table, sorted_proxy
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.columns import set_column_widths
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.workspace import Workspace

SHOW_OPEN, SHOW_ADDRESSED, SHOW_ALL = "open", "addressed", "all"

R = TypeVar("R")


def _shortcut(widget: QWidget, text: str, key: QKeySequence, slot: Callable[[], None]) -> QAction:
    action = QAction(text, widget)
    action.setShortcut(key)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


class _RecordListTab(QWidget, Generic[R]):
    """A tab of records in a sortable table, each change one step of the edit history.

    Enter or a double click edits the selected record, the Delete key deletes
    it. A subclass creates `model`, `edit_button`, `delete_button` and `edits`,
    shows the model with `_build_table` and wires the table with `_connect_table`.
    """

    message = Signal(str, str)  # text, tone

    model: Any  # a review_models table of R records
    edit_button: QPushButton
    delete_button: QPushButton
    edits: EditControls

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace: Workspace | None = None

    def _build_table(self, name: str, sort_column: int) -> None:
        """A single-selection table showing `model`, sorted by `sort_column`."""
        self.proxy = sorted_proxy(self, self.model)
        self.table = record_table(self, self.proxy, name)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)

    def _connect_table(self, delete_text: str) -> None:
        """Edit and Delete act on the selected record; the buttons follow the selection."""
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.activated.connect(self._edit_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete = QKeySequence(QKeySequence.StandardKey.Delete)
        self.edits.add(_shortcut(self.table, delete_text, delete, self._delete_selected))

    def selected(self) -> R | None:
        """The record of the selected line, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _select_index(self, index: QModelIndex) -> None:
        """Make the line of `index` the selected and current one, scrolled into view."""
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    @Slot(QModelIndex)
    def _edit_index(self, _index: QModelIndex) -> None:
        if not self.edits.read_only:
            self._edit_selected()

    def _edit_selected(self) -> None:
        """Open the editor on the selected record."""
        raise NotImplementedError

    def _delete_selected(self) -> None:
        """Delete the selected record, as an undoable step."""
        raise NotImplementedError

    def _update_buttons(self) -> None:
        """Enable the buttons that the selection allows."""
        raise NotImplementedError

    # ------------------------------------------------------------ undoable steps

    def _add(self, text: str, manager: Any, data: object) -> R:
        """Add a record through `manager`; undo deletes it, redo restores the same record."""
        return self._context.history.perform(
            text,
            do=lambda: manager.add(data),
            undo=lambda added: manager.delete(added.id),
            redo=lambda added: manager.restore(added),
        )

    def _update(self, text: str, manager: Any, item_id: int, before: object, data: object) -> R:
        """Give the record every field of `data`; undo puts back those of `before`."""
        changes, old = dataclasses.asdict(data), dataclasses.asdict(before)
        return self._context.history.perform(
            text,
            do=lambda: manager.update(item_id, **changes),
            undo=lambda _saved: manager.update(item_id, **old),
        )

    def _delete(self, text: str, manager: Any, item_id: int, done: str) -> bool:
        """Delete a record (undo restores it) and say `done`; a refusal is shown instead."""
        deleted = self._perform(
            text,
            lambda: manager.delete(item_id),
            lambda snapshot: manager.restore(snapshot),
            redo=lambda snapshot: manager.delete(snapshot.id),
        )
        if deleted:
            self.message.emit(done, "good")
        return deleted

    def _perform(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[object], object],
        redo: Callable[[object], object] | None = None,
    ) -> bool:
        """Run one step of the edit history; a refusal is shown as a warning."""
        try:
            self._context.history.perform(text, do=do, undo=undo, redo=redo)
        except CioDeskError as error:
            self.message.emit(str(error), "warn")
            return False
        return True


class FeedbackTab(_RecordListTab[ReviewRecord]):
    """Reviewer feedback, open first; add, edit, address, reopen, delete."""

    changed = Signal()  # what the page's subtitle counts may have changed

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._build()
        self.edits = EditControls(
            self,
            (
                self.new_button,
                self.address_button,
                self.reopen_button,
                self.edit_button,
                self.delete_button,
            ),
        )
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.show_combo = QComboBox(self)
        self.show_combo.addItem(self.tr("Open feedback"), SHOW_OPEN)
        self.show_combo.addItem(self.tr("Addressed feedback"), SHOW_ADDRESSED)
        self.show_combo.addItem(self.tr("All feedback"), SHOW_ALL)
        self.show_combo.setAccessibleName(self.tr("Which feedback to show"))
        self.new_button = QPushButton(self.tr("New feedback…"), self)
        self.new_button.setToolTip(self.tr("Record what a reviewer said (Ctrl+N)"))
        self.address_button = QPushButton(self.tr("Mark addressed…"), self)
        self.address_button.setToolTip(self.tr("Say what was done about it"))
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected feedback (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected feedback (Delete)"))
        row.addWidget(self.show_combo)
        row.addStretch(1)
        for button in (
            self.new_button,
            self.address_button,
            self.reopen_button,
            self.edit_button,
            self.delete_button,
        ):
            row.addWidget(button)
        layout.addLayout(row)
        self.model = FeedbackTableModel(self)
        self._build_table(self.tr("Reviewer feedback"), FeedbackTableModel.SECTION)
        sample_date = fmt.medium_date(dt.date(2026, 12, 30))
        set_column_widths(
            self.table,
            {
                FeedbackTableModel.SECTION: fmt.review_section_label("stakeholders"),
                FeedbackTableModel.REVIEWER: "Catherine Zhao",
                FeedbackTableModel.RECEIVED: sample_date,
                FeedbackTableModel.FEEDBACK: "x" * 42,
                FeedbackTableModel.STATUS: self.model.tr("Addressed {date}").format(
                    date=sample_date
                ),
            },
        )
        layout.addWidget(self.table, 1)
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        layout.addWidget(self.empty_label)
        layout.addStretch(0)

    def _connect_signals(self) -> None:
        self.show_combo.currentIndexChanged.connect(self._load)
        self.new_button.clicked.connect(self.new_feedback)
        self.address_button.clicked.connect(self._address_selected)
        self.reopen_button.clicked.connect(self._reopen_selected)
        self._connect_table(self.tr("Delete feedback"))

    # ------------------------------------------------------------ loading

    def refresh(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._load()

    @Slot()
    def _load(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        selected = self.selected()
        shown = self.show_combo.currentData()
        records = ws.review.list(open_only=shown == SHOW_OPEN)
        if shown == SHOW_ADDRESSED:
            records = [r for r in records if r.addressed]
        self.model.set_rows(records)
        self.table.setVisible(bool(records))
        self.empty_label.setText(self._empty_text(shown))
        self.empty_label.setVisible(not records)
        if selected is not None:
            self.select(selected.id, reveal=False)
        self._update_buttons()

    def _empty_text(self, shown: str) -> str:
        if shown == SHOW_OPEN:
            return self.tr(
                "No open feedback. When your coach or a peer comments on an exported "
                "version, record it here with New feedback (Ctrl+N), then mark it "
                "addressed: the next coach PDF lists what you did."
            )
        if shown == SHOW_ADDRESSED:
            return self.tr("No feedback addressed yet.")
        return self.tr("No feedback recorded yet.")

    def select(self, comment_id: int, *, reveal: bool = True) -> bool:
        """Select the feedback; with `reveal`, show all feedback if the filter hides it."""
        row = self.model.row_of(comment_id)
        if row is None and reveal and self.show_combo.currentData() != SHOW_ALL:
            self.show_combo.setCurrentIndex(self.show_combo.findData(SHOW_ALL))
            row = self.model.row_of(comment_id)
        if row is None:
            return False
        self._select_index(self.proxy.mapFromSource(self.model.index(row, 0)))
        return True

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.edit_button, self.delete_button, self.address_button):
            self.edits.set_enabled(button, chosen is not None)
        self.edits.set_enabled(self.reopen_button, chosen is not None and chosen.addressed)
        if chosen is not None and chosen.addressed:
            self.address_button.setText(self.tr("Edit reply…"))
        else:
            self.address_button.setText(self.tr("Mark addressed…"))

    # ------------------------------------------------------------ edits

    def _versions(self) -> list:
        return self._workspace.versions.list() if self._workspace else []

    @Slot()
    def new_feedback(self) -> None:
        ws = self._workspace
        if ws is None:
            return

        def save(data: ReviewData) -> ReviewRecord:
            return self._add(self.tr("Add feedback"), ws.review, data)

        saved, accepted = FeedbackEditor.edit(
            self, save, self._versions(), today=self._context.now().date()
        )
        if accepted and saved is not None:
            self.changed.emit()
            self.select(saved.id)

    @Slot()
    def _edit_selected(self) -> None:
        ws, chosen = self._workspace, self.selected()
        if ws is None or chosen is None:
            return
        before = _data_of(chosen)

        def save(data: ReviewData) -> ReviewRecord:
            return self._update(self.tr("Edit feedback"), ws.review, chosen.id, before, data)

        FeedbackEditor.edit(
            self, save, self._versions(), today=self._context.now().date(), feedback=chosen
        )

    @Slot()
    def _address_selected(self) -> None:
        ws, chosen = self._workspace, self.selected()
        if ws is None or chosen is None:
            return

        def save(addressing: Addressing) -> ReviewRecord:
            return self._context.history.perform(
                self.tr("Mark feedback addressed"),
                do=lambda: ws.review.set_addressed(chosen.id, addressing.on, addressing.reply),
                undo=lambda _saved: _put_back_answer(ws, chosen),
            )

        saved, accepted = AddressFeedbackDialog.address(
            self, save, chosen, today=self._context.now().date()
        )
        if accepted and saved is not None:
            self.changed.emit()
            self.message.emit(
                self.tr("Marked addressed. The next coach PDF lists it with your reply."), "good"
            )

    @Slot()
    def _reopen_selected(self) -> None:
        ws, chosen = self._workspace, self.selected()
        if ws is None or chosen is None or not chosen.addressed:
            return
        reopened = self._perform(
            self.tr("Reopen feedback"),
            lambda: ws.review.set_addressed(
                chosen.id, chosen.received_on, chosen.reply, addressed=False
            ),
            lambda _saved: _put_back_answer(ws, chosen),
        )
        if reopened:
            self.changed.emit()

    @Slot()
    def _delete_selected(self) -> None:
        ws, chosen = self._workspace, self.selected()
        if ws is None or chosen is None:
            return
        done = self.tr("Feedback deleted. Ctrl+Z brings it back.")
        if self._delete(self.tr("Delete feedback"), ws.review, chosen.id, done):
            self.changed.emit()


def _data_of(record: ReviewRecord) -> ReviewData:
    return ReviewData(
        section=record.section,
        text=record.text,
        received_on=record.received_on,
        reviewer=record.reviewer,
        version_number=record.version_number,
    )


def _put_back_answer(ws: Workspace, record: ReviewRecord) -> ReviewRecord:
    """The feedback's addressed state and reply as they were in `record`."""
    return ws.review.set_addressed(
        record.id,
        record.addressed_on or record.received_on,
        record.reply,
        addressed=record.addressed,
    )


class JargonTab(_RecordListTab[JargonRecord]):
    """The terms the business-language check looks for, with their plain words."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._build()
        self.edits = EditControls(self, (self.new_button, self.edit_button, self.delete_button))
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        hint = plain_label(
            self.tr(
                "Before an executive export, CIO Desk lists every use of these terms "
                "with its plain alternative; the glossary explains those that remain."
            ),
            self,
        )
        set_tone(hint, "muted")
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter terms"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter terms"))
        self.new_button = QPushButton(self.tr("New term…"), self)
        self.new_button.setToolTip(self.tr("Add a term to the list (Ctrl+N on this tab)"))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected term (Enter)"))
        self.delete_button = QPushButton(self.tr("Remove"), self)
        self.delete_button.setToolTip(self.tr("Remove the selected term (Delete)"))
        row.addWidget(self.filter_edit, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.model = JargonTableModel(self)
        self._build_table(self.tr("Jargon terms"), JargonTableModel.TERM)
        set_column_widths(
            self.table,
            {JargonTableModel.TERM: "legacy system", JargonTableModel.PLAIN_EN: "x" * 50},
        )
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button.clicked.connect(self.new_term)
        self._connect_table(self.tr("Remove term"))

    def refresh(self, workspace: Workspace) -> None:
        self._workspace = workspace
        selected = self.selected()
        self.model.set_rows(workspace.jargon.list())
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def select(self, term_id: int) -> bool:
        row = self.model.row_of(term_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._select_index(index)
        return True

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edits.set_enabled(self.edit_button, chosen)
        self.edits.set_enabled(self.delete_button, chosen)

    @Slot()
    def new_term(self) -> None:
        ws = self._workspace
        if ws is None:
            return

        def save(data: JargonData) -> JargonRecord:
            text = self.tr("Add term “{term}”").format(term=data.term.strip())
            return self._add(text, ws.jargon, data)

        saved, accepted = JargonEditor.edit(self, save)
        if accepted and saved is not None:
            self.select(saved.id)

    @Slot()
    def _edit_selected(self) -> None:
        ws, chosen = self._workspace, self.selected()
        if ws is None or chosen is None:
            return
        before = JargonData(chosen.term, chosen.plain_en, chosen.plain_zh)

        def save(data: JargonData) -> JargonRecord:
            text = self.tr("Edit term “{term}”").format(term=chosen.term)
            return self._update(text, ws.jargon, chosen.id, before, data)

        JargonEditor.edit(self, save, chosen)

    @Slot()
    def _delete_selected(self) -> None:
        ws, chosen = self._workspace, self.selected()
        if ws is None or chosen is None:
            return
        text = self.tr("Remove term “{term}”").format(term=chosen.term)
        done = self.tr("“{term}” removed. Ctrl+Z brings it back.").format(term=chosen.term)
        self._delete(text, ws.jargon, chosen.id, done)
