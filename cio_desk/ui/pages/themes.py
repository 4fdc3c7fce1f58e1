"""The Insight themes view: concerns, proposals and goals counted per theme.

This is the raw material of the plan: which subjects people raise most, and
what exactly they said. It is a tab of the Listening tour page. Counts come
from `ws.insights.theme_counts()`; rename and merge are undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.themes import ThemeCount, ThemeMerge, ThemeRecord
from cio_desk.store.enums import InsightKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.theme_dialogs import MergeThemeDialog, RenameThemeDialog
from cio_desk.ui.models.theme_tables import (
    CONCERNS,
    GOALS,
    INSIGHT,
    KIND,
    PEOPLE,
    PERSON,
    PRIVACY,
    PROPOSALS,
    THEME,
    ThemeCountModel,
    ThemeInsightModel,
)
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.columns import set_column_widths
from cio_desk.ui.widgets.read_only import EditControls

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace


class ThemesView(QWidget):
    """Themes with their counts on the left; the chosen theme's insights on the right."""

    person_activated = Signal(int)  # stakeholder id

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace: Workspace | None = None
        self._shown_theme: int | None = None
        self._build()
        self.edits = EditControls(self, (self.rename_button, self.rename_action, self.merge_button))
        self._connect_signals()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        intro = plain_label(
            self.tr(
                "What people raised, theme by theme, across everyone you met: the raw "
                "material of your plan. Tag insights with themes when you write up a meeting."
            ),
            self,
        )
        set_tone(intro, "muted")
        layout.addWidget(intro)
        self.empty_label = plain_label(
            self.tr(
                "No themes yet. When you record what someone said, tag it with a theme "
                "such as ERP, cost, security or talent; each theme is counted here."
            ),
            self,
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty_label, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_themes_side())
        self.splitter.addWidget(self._build_insights_side())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)

    def _build_themes_side(self) -> QWidget:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.count_model = ThemeCountModel(self)
        self.themes_table = _table(side, self.count_model, self.tr("Themes"))
        header = self.themes_table.horizontalHeader()
        set_column_widths(
            self.themes_table, dict.fromkeys((CONCERNS, PROPOSALS, GOALS, PEOPLE), "00")
        )
        header.setSectionResizeMode(THEME, QHeaderView.ResizeMode.Stretch)
        # The service's order (most concerns and proposals first) until a column is clicked.
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.themes_table.setSortingEnabled(True)
        buttons = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("Rename…"), side)
        self.rename_button.setToolTip(self.tr("Give the selected theme another name (F2)"))
        self.rename_action = QAction(self.tr("Rename…"), self.themes_table)
        self.rename_action.setShortcut(QKeySequence("F2"))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.themes_table.addAction(self.rename_action)
        self.merge_button = QPushButton(self.tr("Merge into…"), side)
        self.merge_button.setToolTip(
            self.tr("Fold the selected theme into another one that means the same")
        )
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        column.addWidget(self.themes_table, 1)
        column.addLayout(buttons)
        return side

    def _build_insights_side(self) -> QWidget:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.detail_title = plain_label("", side)
        self.detail_title.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.insight_model = ThemeInsightModel(self)
        self.insights_table = _table(side, self.insight_model, self.tr("Insights on the theme"))
        self.insights_table.setSortingEnabled(True)
        self.insights_table.sortByColumn(KIND, Qt.SortOrder.AscendingOrder)
        set_column_widths(
            self.insights_table,
            {PERSON: "Zhou Jianguo 周建国", KIND: fmt.insight_kind_label(InsightKind.HOW_TO_HELP)},
        )
        set_column_widths(self.insights_table, {PRIVACY: self.tr("Confidential")})
        self.insights_table.horizontalHeader().setSectionResizeMode(
            INSIGHT, QHeaderView.ResizeMode.Stretch
        )
        self.insights_table.setWordWrap(False)
        # The selected insight in full: rows stay one line each, however long the text.
        self.insight_text = plain_label("", side)
        self.insight_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.insight_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.insight_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.detail_title)
        column.addWidget(self.insights_table, 1)
        column.addWidget(self.insight_text)
        return side

    def _connect_signals(self) -> None:
        self.themes_table.selectionModel().currentRowChanged.connect(self._theme_changed)
        self.insights_table.selectionModel().currentRowChanged.connect(self._insight_changed)
        self.insight_model.modelReset.connect(self._insight_changed)
        self.count_model.modelReset.connect(self._update_buttons)
        self.rename_button.clicked.connect(self.rename_selected)
        self.rename_action.triggered.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.insights_table.doubleClicked.connect(self._insight_double_clicked)

    # ------------------------------------------------------------ refresh

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._workspace = workspace

    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        selected = self.selected_theme_id()
        counts = ws.insights.theme_counts()
        self.count_model.set_counts(counts)
        self.empty_label.setVisible(not counts)
        self.splitter.setVisible(bool(counts))
        row = self.count_model.row_of(selected) if selected is not None else None
        self.themes_table.selectRow(row if row is not None else 0)
        self._show_insights(self._current_count())

    def select_theme(self, theme_id: int) -> None:
        row = self.count_model.row_of(theme_id)
        if row is not None:
            self.themes_table.selectRow(row)
            self.themes_table.setFocus()

    def selected_theme_id(self) -> int | None:
        count = self._current_count()
        return count.theme_id if count is not None else None

    def _current_count(self) -> ThemeCount | None:
        index = self.themes_table.currentIndex()
        if not index.isValid() or index.row() >= self.count_model.rowCount():
            return None
        return self.count_model.theme(index.row())

    @Slot(QModelIndex, QModelIndex)
    def _theme_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_insights(self._current_count())

    def _show_insights(self, count: ThemeCount | None) -> None:
        self._update_buttons()
        ws = self._workspace
        if ws is None or count is None:
            self.detail_title.setText("")
            self.insight_model.set_insights([])
            return
        self.detail_title.setText(
            self.tr(
                "{theme} · concerns: {concerns} · proposals: {proposals} · goals: {goals}"
            ).format(
                theme=count.name,
                concerns=count.concerns,
                proposals=count.proposals,
                goals=count.goals,
            )
        )
        self.insight_model.set_insights(ws.insights.list(theme_id=count.theme_id, active_only=True))
        if self.insight_model.rowCount():
            self.insights_table.selectRow(0)

    @Slot()
    def _insight_changed(self) -> None:
        index = self.insights_table.currentIndex()
        if not index.isValid() or index.row() >= self.insight_model.rowCount():
            self.insight_text.setText("")
            return
        insight = self.insight_model.insight(index.row())
        said = self.tr("{person} ({kind}): {text}").format(
            person=insight.stakeholder_name,
            kind=fmt.insight_kind_label(insight.kind).lower(),
            text=insight.text,
        )
        if insight.confidential:
            said = self.tr("{said}\nConfidential: only you see this.").format(said=said)
        self.insight_text.setText(said)

    @Slot()
    def _update_buttons(self) -> None:
        has = self._current_count() is not None
        self.edits.set_enabled(self.rename_button, has)
        self.edits.set_enabled(self.rename_action, has)
        self.edits.set_enabled(self.merge_button, has and self.count_model.rowCount() > 1)

    @Slot(QModelIndex)
    def _insight_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.person_activated.emit(self.insight_model.insight(index.row()).stakeholder_id)

    # ------------------------------------------------------------ edits

    @Slot()
    def rename_selected(self) -> None:
        ws, count = self._workspace, self._current_count()
        if ws is None or count is None:
            return
        theme_id, old_name = count.theme_id, count.name

        def save(name: str) -> ThemeRecord:
            return self._context.history.perform(
                self.tr("Rename theme"),
                do=lambda: ws.insights.rename_theme(theme_id, name),
                undo=lambda _r: ws.insights.rename_theme(theme_id, old_name),
            )

        RenameThemeDialog.rename(self, old_name, save)

    @Slot()
    def merge_selected(self) -> None:
        ws, count = self._workspace, self._current_count()
        if ws is None or count is None:
            return
        source_id = count.theme_id
        targets = [(t.id, t.name) for t in ws.insights.themes() if t.id != source_id]

        def save(target_id: int) -> ThemeMerge:
            return self._context.history.perform(
                self.tr("Merge themes"),
                do=lambda: ws.insights.merge_themes(source_id, target_id),
                undo=lambda merge: ws.insights.undo_merge(merge),
                redo=lambda merge: ws.insights.merge_themes(merge.source.id, merge.target_id),
            )

        merged, accepted = MergeThemeDialog.merge(self, count.name, targets, save)
        if accepted and merged is not None:
            self.select_theme(merged.target_id)


def _table(parent: QWidget, model: ThemeCountModel | ThemeInsightModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    line = table.fontMetrics().height()
    table.verticalHeader().setDefaultSectionSize(line + line // 2)
    table.horizontalHeader().setHighlightSections(False)
    return table
