"""The Follow-ups page: what the CIO promised after each meeting, by due date.

Open, overdue and done lists; tick a follow-up to complete it; quick wins
marked; who it is for and the meeting it came from, each one double-click
away. Counts come from `ws.followups.counts`; every edit is undoable.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.followups import FollowUpCounts, FollowUpData, FollowUpRecord, FollowUpStatus
from cio_desk.ui.dialogs.followup_editor import FollowUpEditor
from cio_desk.ui.models.followup_table import (
    DONE,
    DUE,
    FOR,
    MEETING,
    QUICK_WIN,
    STATUS,
    TEXT,
    FollowUpRow,
    FollowUpTableModel,
)
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import StatCard, plain_label
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from cio_desk.ui.widgets.person_picker import Person
from cio_desk.ui.widgets.read_only import EditControls

# Shares of the table's width for the person and the meeting; the text takes the rest.
_FOR_SHARE = 0.14
_MEETING_SHARE = 0.2
# The lists of the page, in tab order.
VIEWS = (FollowUpStatus.OPEN, FollowUpStatus.OVERDUE, FollowUpStatus.DONE)


class FollowUpsPage(Page):
    """Open / overdue / done follow-ups; tick to complete, add, edit, delete."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._build()
        self.edits = EditControls(
            self,
            (
                self.new_button,
                self.edit_button,
                self.delete_button,
                self.toggle_action,
                self.edit_action,
                self.delete_action,
            ),
        )
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Follow-ups")

    def new_item_text(self) -> str | None:
        return self.tr("New follow-up…")

    def set_read_only(self, read_only: bool) -> None:
        self.edits.set_read_only(read_only)
        self.model.set_tickable(not read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        self.header = PageHeader(
            self.tr("Follow-ups"),
            self.tr(
                "What you promised after each meeting. Thank people, then follow up with "
                "something concrete; a quick win done early shows your values."
            ),
            self,
        )
        layout.addWidget(self.header)
        figures = QHBoxLayout()
        figures.setSpacing(16)
        self.open_card = self._figure_card(self.tr("Open"))
        self.overdue_card = self._figure_card(self.tr("Overdue"))
        self.done_card = self._figure_card(self.tr("Done this week"))
        for card in (self.open_card, self.overdue_card, self.done_card):
            figures.addWidget(card, 1)
        layout.addLayout(figures)
        self.tabs = QTabBar(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        for _view in VIEWS:
            self.tabs.addTab("")
        layout.addWidget(self.tabs)
        layout.addLayout(self._build_toolbar())
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        layout.addWidget(self.empty_label)
        self.model = FollowUpTableModel(self)
        self.table = self._build_table()
        layout.addWidget(self.table, 1)

    def _figure_card(self, title: str) -> StatCard:
        card = StatCard(title, self)
        card.meter.hide()
        return card

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.new_button = QPushButton(self.tr("New follow-up…"), self)
        self.new_button.setToolTip(self.tr("Add a follow-up (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected follow-up (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected follow-up (Delete)"))
        self.open_meeting_button = QPushButton(self.tr("Open meeting"), self)
        self.open_meeting_button.setToolTip(self.tr("Show the meeting it was promised in"))
        self.open_person_button = QPushButton(self.tr("Open person"), self)
        self.open_person_button.setToolTip(self.tr("Show whom it was promised to"))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: a word, a name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter follow-ups"))
        self.filter_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.open_meeting_button,
            self.open_person_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.filter_edit)
        return bar

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Follow-ups"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the rows: sizing to contents reads every row.
        metrics = self.fontMetrics()
        padding = 4 * metrics.averageCharWidth()
        samples = (
            (DONE, self.tr("Done")),
            (QUICK_WIN, "★"),
            (DUE, "Wed 30 Sep"),
            (STATUS, self.tr("10 days overdue")),
        )
        for column, sample in samples:
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
        table.verticalHeader().setDefaultSectionSize(metrics.height() + metrics.height() // 2)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.toggle_action = self._table_action(table, self.tr("Done / not done"), "Space")
        self.edit_action = self._table_action(table, self.tr("Edit…"), "Return")
        self.delete_action = self._table_action(
            table, self.tr("Delete"), QKeySequence(QKeySequence.StandardKey.Delete)
        )
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Who and which meeting share the width with the text, which keeps the most."""
        width = self.table.viewport().width()
        self.table.setColumnWidth(FOR, int(width * _FOR_SHARE))
        self.table.setColumnWidth(MEETING, int(width * _MEETING_SHARE))

    def _table_action(self, table: QTableView, text: str, keys: str | QKeySequence) -> QAction:
        action = QAction(text, table)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.table.installEventFilter(self)
        self.tabs.currentChanged.connect(self._view_changed)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.model.done_toggled.connect(self.set_done)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.table.doubleClicked.connect(self._double_clicked)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_meeting_button.clicked.connect(self.open_selected_meeting)
        self.open_person_button.clicked.connect(self.open_selected_person)
        self.toggle_action.triggered.connect(self.toggle_selected)
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action.triggered.connect(self.delete_selected)

    # ------------------------------------------------------------ refresh

    def view(self) -> FollowUpStatus:
        return VIEWS[max(0, self.tabs.currentIndex())]

    def set_view(self, view: FollowUpStatus) -> None:
        self.tabs.setCurrentIndex(VIEWS.index(view))

    def _today(self) -> dt.date:
        return self._context.now().date()

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        today = self._today()
        counts = ws.followups.counts(today)
        self._show_counts(counts)
        selected, row = self.selected_id(), self.table.currentIndex().row()
        records = ws.followups.list(status=self.view(), today=today)
        meetings = ws.followups.linked_meetings(r.meeting_id for r in records)
        self.model.set_rows(
            [FollowUpRow(r, meetings.get(r.meeting_id) if r.meeting_id else None) for r in records],
            today,
        )
        self._show_empty(counts)
        self._reselect(selected, row)

    def _show_counts(self, counts: FollowUpCounts) -> None:
        self.open_card.headline.setText(str(counts.open))
        if counts.open_quick_wins == 1:
            self.open_card.caption.setText(self.tr("1 of them a quick win"))
        elif counts.open_quick_wins:
            self.open_card.caption.setText(
                self.tr("{n} of them quick wins").format(n=counts.open_quick_wins)
            )
        else:
            self.open_card.caption.setText(self.tr("No quick wins waiting"))
        self.overdue_card.headline.setText(str(counts.overdue))
        set_tone(self.overdue_card.headline, "warn" if counts.overdue else None)
        self.overdue_card.caption.setText(
            self.tr("Past their due date") if counts.overdue else self.tr("Nothing late")
        )
        self.done_card.headline.setText(str(counts.done_this_week))
        self.done_card.caption.setText(self.tr("{n} done in all").format(n=counts.done))
        labels = {
            FollowUpStatus.OPEN: self.tr("Open ({n})").format(n=counts.open),
            FollowUpStatus.OVERDUE: self.tr("Overdue ({n})").format(n=counts.overdue),
            FollowUpStatus.DONE: self.tr("Done ({n})").format(n=counts.done),
        }
        for index, view in enumerate(VIEWS):
            self.tabs.setTabText(index, labels[view])

    def _show_empty(self, counts: FollowUpCounts) -> None:
        if self.model.rowCount() > 0:
            self.empty_label.hide()
            return
        if self.filter_edit.text().strip():
            text = self.tr("No follow-up in this list matches the filter.")
        elif self.view() is FollowUpStatus.OVERDUE:
            text = self.tr("Nothing is overdue: every promise is on time.")
        elif self.view() is FollowUpStatus.DONE:
            text = self.tr("Nothing done yet. Tick a follow-up when you have done it.")
        elif counts.done:
            text = self.tr("Every follow-up is done.")
        else:
            text = self.tr(
                "No follow-ups yet. After a meeting, note what you promised with "
                "New follow-up (Ctrl+N)."
            )
        self.empty_label.setText(text)
        self.empty_label.show()

    def _reselect(self, follow_up_id: int | None, fallback_row: int) -> None:
        row = self.model.row_of(follow_up_id) if follow_up_id is not None else None
        if row is None and fallback_row >= 0 and self.model.rowCount():
            row = min(fallback_row, self.model.rowCount() - 1)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, TEXT))
        self._update_actions()

    @Slot(int)
    def _view_changed(self, _index: int) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.refresh()

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        if self._workspace is not None:
            self._show_empty(self._workspace.followups.counts(self._today()))

    # ------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        row = self._selected_row()
        return row.record.id if row is not None else None

    def _selected_row(self) -> FollowUpRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.follow_up(index.row())

    @Slot()
    def _update_actions(self) -> None:
        row = self._selected_row()
        has = row is not None
        for control in (
            self.edit_button,
            self.delete_button,
            self.edit_action,
            self.delete_action,
            self.toggle_action,
        ):
            self.edits.set_enabled(control, has)
        self.open_meeting_button.setEnabled(has and row.meeting is not None)
        self.open_person_button.setEnabled(has and row.record.stakeholder_id is not None)

    def open_item(self, kind: str, item_id: int) -> None:
        if kind != "follow_up" or self._workspace is None:
            return
        record = self._workspace.followups.get(item_id)
        self.filter_edit.clear()
        self.set_view(FollowUpStatus.DONE if record.done else FollowUpStatus.OPEN)
        self.refresh()
        self._reselect(item_id, -1)
        self.table.setFocus()

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.follow_up(index.row())
        if index.column() == MEETING and row.meeting is not None:
            self._context.open_item("meeting", row.meeting.id)
        elif index.column() == FOR and row.record.stakeholder_id is not None:
            self._context.open_item("stakeholder", row.record.stakeholder_id)
        elif index.column() != DONE and not self.edits.read_only:
            self.edit_selected()

    @Slot()
    def open_selected_meeting(self) -> None:
        row = self._selected_row()
        if row is not None and row.meeting is not None:
            self._context.open_item("meeting", row.meeting.id)

    @Slot()
    def open_selected_person(self) -> None:
        row = self._selected_row()
        if row is not None and row.record.stakeholder_id is not None:
            self._context.open_item("stakeholder", row.record.stakeholder_id)

    # ------------------------------------------------------------ edits

    @Slot(int, bool)
    def set_done(self, follow_up_id: int, done: bool) -> None:
        ws = self._workspace
        if ws is None:
            return
        before = ws.followups.get(follow_up_id)
        today = self._today()
        self._context.history.perform(
            self.tr("Complete follow-up") if done else self.tr("Reopen follow-up"),
            do=lambda: ws.followups.set_done(follow_up_id, done, on=today),
            undo=lambda _r: ws.followups.set_done(follow_up_id, before.done, on=before.done_on),
        )

    @Slot()
    def toggle_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.set_done(row.record.id, not row.record.done)

    def _people(self) -> list[Person]:
        assert self._workspace is not None
        join = self.tr(" · ").join
        return [
            (p.id, p.name, join(x for x in (p.title, p.unit) if x))
            for p in self._workspace.stakeholders.list()
        ]

    @Slot()
    def new_item(self) -> None:
        ws = self._workspace
        if ws is None:
            return

        def save(data: FollowUpData) -> FollowUpRecord:
            return self._context.history.perform(
                self.tr("Add follow-up"),
                do=lambda: ws.followups.add(data),
                undo=lambda added: ws.followups.delete(added.id),
                redo=lambda added: ws.followups.restore(added),
            )

        saved, accepted = FollowUpEditor.edit_follow_up(
            self, self._people(), ws.followups.meeting_choices, save, today=self._today()
        )
        if accepted and saved is not None:
            self.open_item("follow_up", saved.id)

    @Slot()
    def edit_selected(self) -> None:
        ws, row = self._workspace, self._selected_row()
        if ws is None or row is None:
            return
        before = row.record

        def save(data: FollowUpData) -> FollowUpRecord:
            return self._context.history.perform(
                self.tr("Edit follow-up"),
                do=lambda: ws.followups.update(before.id, **_fields(data)),
                undo=lambda _r: ws.followups.update(before.id, **_fields(before)),
            )

        saved, accepted = FollowUpEditor.edit_follow_up(
            self,
            self._people(),
            ws.followups.meeting_choices,
            save,
            today=self._today(),
            follow_up=before,
            meeting=row.meeting,
        )
        if accepted and saved is not None:
            self.open_item("follow_up", saved.id)

    @Slot()
    def delete_selected(self) -> None:
        ws, row = self._workspace, self._selected_row()
        if ws is None or row is None:
            return
        follow_up_id = row.record.id
        self._context.history.perform(
            self.tr("Delete follow-up"),
            do=lambda: ws.followups.delete(follow_up_id),
            undo=lambda deleted: ws.followups.restore(deleted),
            redo=lambda deleted: ws.followups.delete(deleted.id),
        )


def _fields(data: FollowUpData) -> dict[str, object]:
    return {
        "text": data.text,
        "due_date": data.due_date,
        "owner": data.owner,
        "quick_win": data.quick_win,
        "meeting_id": data.meeting_id,
        "stakeholder_id": data.stakeholder_id,
    }
