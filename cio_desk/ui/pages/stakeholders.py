"""The Stakeholders page: the register as a table, an org tree or the influence grid,
with the selected person's brief beside it.

Rows come from `ws.register.rows()` once per refresh; typing in the filter
box narrows the rows already in memory with the service's `filter_rows`, so
a keystroke never touches the database. Every edit goes through
`stakeholder_actions`, one undoable step each.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError, NotFoundError
from cio_desk.services.register import RegisterFilter, RegisterRow, filter_rows
from cio_desk.store.enums import BossConversationKind, StakeholderKind, Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.models.stakeholder_table import COLUMN_COUNT, NAME, StakeholderTableModel
from cio_desk.ui.pages import stakeholder_actions as actions
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.org_tree import OrgTreeView
from cio_desk.ui.pages.stakeholder_detail import StakeholderDetail
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.influence_grid import GridMarker, InfluenceGrid, stance_icon
from cio_desk.ui.widgets.quick_cells import QuickCellDelegate
from cio_desk.ui.widgets.read_only import EditControls

TABLE_VIEW, TREE_VIEW, GRID_VIEW = range(3)
# Initial column widths, in average characters.
_COLUMN_CHARS = (22, 18, 12, 13, 4, 4, 11, 8, 12, 4, 4)


class StakeholdersPage(Page):
    """Table / org tree / grid of the register, and the selected person's detail."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._all_rows: list[RegisterRow] = []
        self._selected: int | None = None
        self._tree_stale = True
        self._grid_stale = True
        self._sized = False
        self._defer_detail = False
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(0)
        self._build()
        self.edits = EditControls(self, (self.new_button,))
        self._connect_signals()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:
            self._sized = True
            width = max(self.splitter.width(), self.width())
            self.splitter.setSizes([round(width * 0.62), round(width * 0.38)])
        # On opening, the table is painted first and the detail panel right after.
        self._defer_detail = True
        try:
            super().showEvent(event)
        finally:
            self._defer_detail = False

    def page_title(self) -> str:
        return self.tr("Stakeholders")

    def new_item_text(self) -> str | None:
        return self.tr("New stakeholder")

    def set_read_only(self, read_only: bool) -> None:
        self.edits.set_read_only(read_only)
        self.detail.edits.set_read_only(read_only)
        self.grid.set_movable(not read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 12)
        layout.setSpacing(10)
        self.title_label = plain_label(self.tr("Stakeholders"), self, wrap=False)
        self.title_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.subtitle_label = plain_label("", self)
        set_tone(self.subtitle_label, "muted")
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        top = QHBoxLayout()
        top.addLayout(header, 1)
        self.new_button = QPushButton(self.tr("New stakeholder…"), self)
        self.new_button.setToolTip(self.tr("Add a stakeholder (Ctrl+N)"))
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        layout.addLayout(self._build_filters())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        # Each part is built inside its final parent: moving a built widget tree
        # to another parent makes the style sheet visit every widget in it again.
        self.splitter.addWidget(self._build_views(self.splitter))
        self.splitter.addWidget(self._build_detail(self.splitter))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, title, unit, tag… (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter stakeholders"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in StakeholderKind:
            self.kind_combo.addItem(fmt.stakeholder_kind_label(kind), kind)
        self.stance_combo = QComboBox(self)
        self.stance_combo.addItem(self.tr("Any stance"), None)
        for stance in Stance:
            self.stance_combo.addItem(
                stance_icon(stance, self.palette()), fmt.stance_label(stance), stance
            )
        self.met_combo = QComboBox(self)
        self.met_combo.addItem(self.tr("Met or not"), None)
        self.met_combo.addItem(self.tr("Met"), True)
        self.met_combo.addItem(self.tr("Not met yet"), False)
        for combo, name in (
            (self.kind_combo, self.tr("Kind")),
            (self.stance_combo, self.tr("Stance")),
            (self.met_combo, self.tr("Met")),
        ):
            combo.setAccessibleName(name)
        self.archived_check = QCheckBox(self.tr("Show archived"), self)
        row.addWidget(self.filter_edit, 3)
        for widget in (self.kind_combo, self.stance_combo, self.met_combo, self.archived_check):
            row.addWidget(widget)
        return row

    def _build_views(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.view_tabs = QTabBar(box)
        self.view_tabs.setExpanding(False)
        self.view_tabs.setDrawBase(False)
        for title, tip in (
            (self.tr("Table"), self.tr("The register as a table (Alt+1)")),
            (self.tr("Org tree"), self.tr("Who reports to whom (Alt+2)")),
            (self.tr("Influence grid"), self.tr("Influence and interest, drag to change (Alt+3)")),
        ):
            self.view_tabs.setTabToolTip(self.view_tabs.addTab(title), tip)
        self.count_label = plain_label("", box, wrap=False)
        set_tone(self.count_label, "muted")
        self.clear_button = QPushButton(self.tr("Clear filters"), box)
        self.clear_button.setFlat(True)
        tabs_row = QHBoxLayout()
        tabs_row.addWidget(self.view_tabs)
        tabs_row.addStretch(1)
        tabs_row.addWidget(self.count_label)
        tabs_row.addWidget(self.clear_button)
        column.addLayout(tabs_row)
        self.views = QStackedWidget(box)
        self.table = self._build_table(self.views)
        self.tree = OrgTreeView(self.views)
        self.grid = InfluenceGrid(self.views)
        self.grid.set_empty_text(
            self.tr("Nobody to place yet. Add stakeholders (Ctrl+N) or clear the filters.")
        )
        for view in (self.table, self.tree, self.grid):
            self.views.addWidget(view)
        column.addWidget(self.views, 1)
        return box

    def _build_table(self, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        self.model = StakeholderTableModel(table)
        table.setModel(self.model)
        table.setItemDelegate(QuickCellDelegate(self.model, table))
        table.setSortingEnabled(True)
        table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAccessibleName(self.tr("Stakeholders"))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().averageCharWidth()
        metrics = header.fontMetrics()
        room = round(metrics.height() * 1.4)  # padding and the sort arrow
        # Quietly: told of each width, the view would repaint those columns on a
        # timer, after its first frame (the table is laid out when shown anyway).
        header.blockSignals(True)
        for column in range(COLUMN_COUNT):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(_COLUMN_CHARS[column] * char, metrics.horizontalAdvance(title) + room)
            header.resizeSection(column, width)
        header.blockSignals(False)
        return table

    def _build_detail(self, parent: QWidget) -> QScrollArea:
        scroll = QScrollArea(parent)
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = StakeholderDetail(scroll.viewport())
        self.detail.setObjectName("pageBody")
        scroll.setWidget(self.detail)
        scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 42)
        return scroll

    def _connect_signals(self) -> None:
        self._detail_timer.timeout.connect(self._show_detail)
        self.new_button.clicked.connect(self.new_item)
        self.filter_edit.textChanged.connect(self._apply_filters)
        for combo in (self.kind_combo, self.stance_combo, self.met_combo):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.archived_check.toggled.connect(self._apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.view_tabs.currentChanged.connect(self._show_view)
        self.table.selectionModel().currentRowChanged.connect(self._table_row_changed)
        self.tree.person_chosen.connect(self.select_person)
        self.grid.marker_chosen.connect(self.select_person)
        self.grid.marker_moved.connect(self._move_on_grid)
        self.detail.edit_requested.connect(self._edit)
        self.detail.reassess_requested.connect(self._reassess)
        self.detail.schedule_requested.connect(self.schedule_meeting)
        self.detail.archive_requested.connect(self._set_archived)
        self.detail.manager_requested.connect(self._set_manager)
        self.detail.conversation_requested.connect(self._record_conversation)
        self.detail.add_requested.connect(self.new_item)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self._focus_filter),
            (QKeySequence("F2"), self._edit_selected),
            (QKeySequence("Alt+1"), lambda: self.view_tabs.setCurrentIndex(TABLE_VIEW)),
            (QKeySequence("Alt+2"), lambda: self.view_tabs.setCurrentIndex(TREE_VIEW)),
            (QKeySequence("Alt+3"), lambda: self.view_tabs.setCurrentIndex(GRID_VIEW)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            if slot == self._edit_selected:
                self.edits.add(shortcut)

    # ------------------------------------------------------------ reading

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        self._all_rows = ws.register.rows(include_archived=True)
        active = [row for row in self._all_rows if not row.archived]
        met = sum(row.met for row in active)
        archived = len(self._all_rows) - len(active)
        self.subtitle_label.setText(self._subtitle(len(active), met, archived))
        self._tree_stale = self._grid_stale = True
        self._apply_filters(reload=True)
        if self.views.currentIndex() == TREE_VIEW:
            self._fill_tree()
        known = {row.id for row in self._all_rows}
        if self._selected not in known:
            self._selected = None
        if self._selected is None and self.model.rowCount():
            self._selected = self.model.row_at(0).id
        self._sync_selection()
        pending = self._row_of(self._selected) if self._defer_detail else None
        if pending is not None:
            # The table is painted first with the person's name beside it, the cards
            # right after; "nobody" is quick to show, so it is never put off.
            self.detail.show_pending(pending)
            self._detail_timer.start()
        else:
            self._show_detail()

    def _row_of(self, stakeholder_id: int | None) -> RegisterRow | None:
        return next((row for row in self._all_rows if row.id == stakeholder_id), None)

    def _subtitle(self, active: int, met: int, archived: int) -> str:
        if active == 0 and archived == 0:
            return self.tr("Nobody in your register yet.")
        text = self.tr("{n} people in your register · {met} met").format(n=active, met=met)
        if archived:
            text = self.tr("{text} · {n} archived").format(text=text, n=archived)
        return text

    def current_filter(self) -> RegisterFilter:
        """What the filter controls say."""
        return RegisterFilter(
            text=self.filter_edit.text(),
            kind=self.kind_combo.currentData(),
            stance=self.stance_combo.currentData(),
            met=self.met_combo.currentData(),
            include_archived=self.archived_check.isChecked(),
        )

    @Slot()
    def _apply_filters(self, *_args: object, reload: bool = False) -> None:
        flt = self.current_filter()
        shown = filter_rows(self._all_rows, flt)
        self.model.set_rows(shown, same_rows=not reload)
        # Lay the rows out now: left to its timer, the view would paint them a
        # second time, after the first frame (twice the work per keystroke).
        self.table.executeDelayedItemsLayout()
        filtered = flt != RegisterFilter()
        total = len(self._all_rows) if flt.include_archived else self._active_count()
        if filtered:
            self.count_label.setText(
                self.tr("Showing {n} of {total}").format(n=len(shown), total=total)
            )
        else:
            self.count_label.setText("")
        self.clear_button.setVisible(filtered)
        self._grid_stale = True
        if self.views.currentIndex() == GRID_VIEW:
            self._fill_grid()
        if self._selected is not None:
            self._select_table_row(self._selected)

    def _active_count(self) -> int:
        return sum(not row.archived for row in self._all_rows)

    @Slot()
    def clear_filters(self) -> None:
        """Show everyone again (archived people stay as "Show archived" says)."""
        for combo in (self.kind_combo, self.stance_combo, self.met_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self._apply_filters()

    def _fill_grid(self) -> None:
        rows = filter_rows(self._all_rows, self.current_filter())
        self.grid.set_markers(
            [
                GridMarker(r.id, r.name, r.influence, r.interest, r.stance, r.met)
                for r in rows
                if not r.archived
            ]
        )
        self.grid.set_selected(self._selected)
        self._grid_stale = False

    def _fill_tree(self) -> None:
        if self._workspace is not None:
            self.tree.set_nodes(self._workspace.register.org_tree())
            self._tree_stale = False

    @Slot(int)
    def _show_view(self, index: int) -> None:
        self.views.setCurrentIndex(index)
        if index == TREE_VIEW and self._tree_stale:
            self._fill_tree()
        if index == GRID_VIEW and self._grid_stale:
            self._fill_grid()
        in_tree = index == TREE_VIEW
        for widget in (self.filter_edit, self.kind_combo, self.stance_combo, self.met_combo):
            widget.setEnabled(not in_tree)
        self.archived_check.setEnabled(index == TABLE_VIEW)
        self.count_label.setVisible(not in_tree)
        self.clear_button.setVisible(not in_tree and self.current_filter() != RegisterFilter())
        self._sync_selection()
        self.views.currentWidget().setFocus()

    def current_view(self) -> int:
        return self.views.currentIndex()

    def show_view(self, index: int) -> None:
        """Switch to the table, the org tree or the grid."""
        self.view_tabs.setCurrentIndex(index)

    # ------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        return self._selected

    @Slot(int)
    def select_person(self, stakeholder_id: int) -> None:
        """Show one person in the detail panel and pick them in every view."""
        if stakeholder_id == self._selected and self.detail.stakeholder_id() == stakeholder_id:
            return
        self._selected = stakeholder_id
        self._sync_selection()
        self._show_detail()

    @Slot(QModelIndex, QModelIndex)
    def _table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.select_person(self.model.row_at(current.row()).id)

    def _sync_selection(self) -> None:
        if self._selected is None:
            return
        self._select_table_row(self._selected)
        self.grid.set_selected(self._selected)
        if not self._tree_stale:
            self.tree.select_person(self._selected)

    def _select_table_row(self, stakeholder_id: int) -> None:
        position = self.model.position_of(stakeholder_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if position is None:
            selection.clear()
        else:
            index = self.model.index(position, NAME)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        selection.blockSignals(False)
        self.table.viewport().update()

    @Slot()
    def _show_detail(self) -> None:
        self._detail_timer.stop()
        ws = self._workspace
        if ws is None:
            return
        if self._selected is None:
            self.detail.show_nobody(register_empty=not self._all_rows)
            return
        today = self._context.now().date()
        try:
            brief = ws.register.brief(self._selected, today)
        except NotFoundError:
            self._selected = None
            self.detail.show_nobody(register_empty=not self._all_rows)
            return
        checklist = ws.boss.checklist(self._selected) if brief.stakeholder.is_manager else None
        self.detail.show_brief(brief, today, checklist)

    def open_item(self, kind: str, item_id: int) -> None:
        """Show a stakeholder, clearing filters that hide them."""
        if kind != "stakeholder" or self._workspace is None:
            return
        row = self._row_of(item_id)
        if row is None:
            self.refresh()
            row = self._row_of(item_id)
            if row is None:
                return
        if self.views.currentIndex() == TREE_VIEW and row.archived:
            self.show_view(TABLE_VIEW)
        if self.model.position_of(item_id) is None:
            self.clear_filters()
            if row.archived and not self.archived_check.isChecked():
                self.archived_check.setChecked(True)
        self._selected = None  # force the detail to load
        self.select_person(item_id)

    # ------------------------------------------------------------ edits

    def new_item(self) -> None:
        from cio_desk.ui.dialogs.stakeholder_editor import StakeholderEditor

        if self._workspace is None:
            return
        record, accepted = StakeholderEditor.add_stakeholder(
            self, self._workspace, self._context.history
        )
        if accepted and record is not None:
            self.open_item("stakeholder", record.id)

    @Slot()
    def _edit_selected(self) -> None:
        if self._selected is not None:
            self._edit(self._selected)

    @Slot(int)
    def _edit(self, stakeholder_id: int) -> None:
        from cio_desk.ui.dialogs.stakeholder_editor import StakeholderEditor

        if self._workspace is not None:
            StakeholderEditor.edit_stakeholder(
                self, self._workspace, self._context.history, stakeholder_id
            )

    @Slot(int)
    def _reassess(self, stakeholder_id: int) -> None:
        from cio_desk.ui.dialogs.stance_reassess import StanceDialog

        if self._workspace is not None:
            StanceDialog.reassess(
                self,
                self._workspace,
                self._context.history,
                stakeholder_id,
                self._context.now().date(),
            )

    @Slot(int, bool)
    def _set_archived(self, stakeholder_id: int, archived: bool) -> None:
        self._run(
            lambda ws: actions.set_archived(self._context.history, ws, stakeholder_id, archived)
        )

    @Slot(object)
    def _set_manager(self, stakeholder_id: int | None) -> None:
        self._run(lambda ws: actions.set_manager(self._context.history, ws, stakeholder_id))

    @Slot(int, int, int)
    def _move_on_grid(self, stakeholder_id: int, influence: int, interest: int) -> None:
        if self.edits.read_only:
            return
        self._selected = stakeholder_id
        self._run(
            lambda ws: actions.move_on_grid(
                self._context.history, ws, stakeholder_id, influence, interest
            )
        )

    @Slot(int, str)
    def _record_conversation(self, manager_id: int, kind: str) -> None:
        from cio_desk.ui.dialogs.boss_conversation import BossConversationDialog

        if self._workspace is not None:
            BossConversationDialog.record(
                self,
                self._workspace,
                self._context.history,
                manager_id,
                BossConversationKind(kind),
                self._context.now().date(),
            )

    @Slot(int)
    def schedule_meeting(self, stakeholder_id: int) -> None:
        """Plan a meeting with one person, in the Meetings page's editor (undoable)."""
        from cio_desk.ui.dialogs.meeting_editor import MeetingEditor

        if self._workspace is not None:
            MeetingEditor.create_meeting(
                self,
                self._workspace,
                self._context.history,
                attendee_ids=(stakeholder_id,),
                now=self._context.now(),
            )

    def _run(self, edit: object) -> None:
        """Run one edit; a refusal from the services is shown, nothing is lost."""
        ws = self._workspace
        if ws is None:
            return
        try:
            edit(ws)  # type: ignore[operator]
        except CioDeskError as error:
            QMessageBox.warning(self, self.tr("Stakeholders"), str(error))

    @Slot()
    def _focus_filter(self) -> None:
        if self.views.currentIndex() == TREE_VIEW:
            self.show_view(TABLE_VIEW)
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()
