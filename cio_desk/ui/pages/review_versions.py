"""The Versions tab of Review & export: the plan versions, and what changed.

Every export saves a version (number, label, date, audience). Pick two and
the tab lists what changed from the older to the newer, area by area: the
version service's comparison, the same the PDF prints. Pick one and it is
compared with the plan as it is now. A version's label can be changed and
a version deleted; both are steps in the edit history.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError
from cio_desk.services.versions import VersionRecord
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.review_diff import describe_diff
from cio_desk.ui.pages.review_models import ID_ROLE, SORT_ROLE, VersionTableModel
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.columns import set_column_widths
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.workspace import Workspace

NOW = None  # "the plan as it is now" in the comparison combos


def record_table(parent: QWidget, model: QSortFilterProxyModel, name: str) -> QTableView:
    """A read-only, row-selecting, sortable table as the page's tabs use it."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table


def sorted_proxy(parent: QWidget, model: VersionTableModel | object) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy


class VersionsTab(QWidget):
    """Versions on the left, the changes between the two compared on the right."""

    message = Signal(str, str)  # text, tone

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace: Workspace | None = None
        self._versions: list[VersionRecord] = []
        self._build()
        self.edits = EditControls(self, (self.rename_button, self.delete_button))
        self._connect_signals()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.empty_label = plain_label(
            self.tr(
                "No versions yet. Each export saves one (unless you untick it), so the "
                "next export, and this page, can show a reviewer what changed. "
                "Export PDF (Ctrl+E) saves the first."
            ),
            self,
        )
        set_tone(self.empty_label, "muted")
        layout.addWidget(self.empty_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list(self.splitter))
        self.splitter.addWidget(self._build_changes(self.splitter))
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        layout.addWidget(self.splitter, 1)
        layout.addStretch(0)

    def _build_list(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        self.model = VersionTableModel(self)
        self.proxy = sorted_proxy(self, self.model)
        self.table = record_table(panel, self.proxy, self.tr("Plan versions"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.sortByColumn(VersionTableModel.NUMBER, Qt.SortOrder.DescendingOrder)
        self.table.setToolTip(
            self.tr("Select a version to compare it with the plan now, or two to compare them.")
        )
        set_column_widths(
            self.table,
            {
                VersionTableModel.NUMBER: "999",
                VersionTableModel.LABEL: "First draft for the coach",
                VersionTableModel.DATE: fmt.medium_date(dt.date(2026, 12, 30)),
            },
        )
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("Change label…"), panel)
        self.rename_button.setToolTip(self.tr("Change the label of the selected version (F2)"))
        self.delete_button = QPushButton(self.tr("Delete"), panel)
        self.delete_button.setToolTip(
            self.tr("Delete the selected version (Delete; Ctrl+Z undoes)")
        )
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return panel

    def _build_changes(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.older_combo = QComboBox(panel)
        self.older_combo.setAccessibleName(self.tr("Compare from"))
        self.newer_combo = QComboBox(panel)
        self.newer_combo.setAccessibleName(self.tr("Compare to"))
        for combo in (self.older_combo, self.newer_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self._label(self.tr("What changed from"), self.older_combo, panel))
        row.addWidget(self.older_combo)
        row.addWidget(self._label(self.tr("to"), self.newer_combo, panel))
        row.addWidget(self.newer_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary_label = plain_label("", panel)
        self.summary_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        layout.addWidget(self.summary_label)
        self.changes_tree = QTreeWidget(panel)
        self.changes_tree.setColumnCount(2)
        self.changes_tree.setHeaderLabels([self.tr("Item"), self.tr("Change")])
        self.changes_tree.setAlternatingRowColors(True)
        self.changes_tree.setAccessibleName(self.tr("Changes between the versions"))
        self.changes_tree.setColumnWidth(0, 34 * self.fontMetrics().averageCharWidth())
        self.changes_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.changes_tree, 1)
        return panel

    def _label(self, text: str, buddy: QWidget, parent: QWidget) -> QLabel:
        label = plain_label(text, parent, wrap=False)
        label.setBuddy(buddy)
        return label

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.older_combo.currentIndexChanged.connect(self._compare)
        self.newer_combo.currentIndexChanged.connect(self._compare)
        self.rename_button.clicked.connect(self._rename_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.table.doubleClicked.connect(self._rename_index)
        for text, key, slot in (
            (self.tr("Delete version"), QKeySequence.StandardKey.Delete, self._delete_selected),
            (self.tr("Change label"), QKeySequence(Qt.Key.Key_F2), self._rename_selected),
        ):
            action = QAction(text, self.table)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
            self.edits.add(action)

    # ------------------------------------------------------------ refresh

    def refresh(self, workspace: Workspace) -> None:
        """Read the versions again; keep the comparison chosen where it still exists."""
        self._workspace = workspace
        older, newer = self.older_combo.currentData(), self.newer_combo.currentData()
        had_choice = self.older_combo.count() > 0
        selected = self.selected_ids()
        self._versions = workspace.versions.list()
        self.model.set_rows(self._versions)
        has_versions = bool(self._versions)
        self.splitter.setVisible(has_versions)
        self.empty_label.setVisible(not has_versions)
        self._fill_combos()
        if had_choice and self._exists(older):
            self._set_comparison(older, newer if self._exists(newer) else NOW)
        elif has_versions:
            self._set_comparison(self._versions[-1].number, NOW)
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # keep the comparison chosen, not the selection's
        for version_id in selected:
            self._select(version_id, add=True)
        selection.blockSignals(False)
        self._compare()
        self._update_buttons()

    def _exists(self, number: int | None) -> bool:
        return number is not None and any(v.number == number for v in self._versions)

    def _fill_combos(self) -> None:
        for combo, with_now in ((self.older_combo, False), (self.newer_combo, True)):
            combo.blockSignals(True)
            combo.clear()
            if with_now:
                combo.addItem(self.tr("the plan now"), NOW)
            for version in reversed(self._versions):
                combo.addItem(version.title, version.number)
            combo.blockSignals(False)
        self.older_combo.setEnabled(bool(self._versions))
        self.newer_combo.setEnabled(bool(self._versions))

    def _set_comparison(self, older: int | None, newer: int | None) -> None:
        for combo, value in ((self.older_combo, older), (self.newer_combo, newer)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def compare(self, older: int, newer: int | None = NOW) -> None:
        """Show the changes from version `older` to `newer` (None: the plan now)."""
        self._set_comparison(older, newer)
        self._compare()

    @Slot()
    def _compare(self) -> None:
        self.changes_tree.clear()
        ws = self._workspace
        older, newer = self.older_combo.currentData(), self.newer_combo.currentData()
        if ws is None or older is None:
            self.summary_label.setText("")
            return
        if newer is not None and newer < older:
            older, newer = newer, older
        if newer == older:
            self.summary_label.setText(self.tr("Choose two different versions to compare."))
            return
        try:
            diff = ws.versions.compare(older, newer)
        except CioDeskError as error:
            self.summary_label.setText(str(error))
            return
        profile = ws.profile.get()
        groups = describe_diff(diff, profile.currency if profile else "CNY")
        self.summary_label.setText(self._summary(older, newer, len(diff.changes)))
        for group in groups:
            top = QTreeWidgetItem(self.changes_tree, [f"{group.title} ({len(group.lines)})", ""])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for title, what in group.lines:
                child = QTreeWidgetItem(top, [title, what])
                child.setToolTip(0, title)
                child.setToolTip(1, what)
        self.changes_tree.expandAll()
        self.changes_tree.resizeColumnToContents(0)
        widest = int(self.changes_tree.viewport().width() * 0.45)
        self.changes_tree.setColumnWidth(0, min(self.changes_tree.columnWidth(0), widest))

    def _summary(self, older: int, newer: int | None, count: int) -> str:
        target = (
            self.tr("the plan now") if newer is None else self.tr("Version {n}").format(n=newer)
        )
        if count == 0:
            return self.tr("Nothing changed from Version {old} to {new}.").format(
                old=older, new=target
            )
        return self.tr("{count} changes from Version {old} to {new}:").format(
            count=count, old=older, new=target
        )

    def change_lines(self) -> list[tuple[str, str]]:
        """The changes listed, as (item, change) pairs, top to bottom."""
        lines = []
        for g in range(self.changes_tree.topLevelItemCount()):
            group = self.changes_tree.topLevelItem(g)
            lines += [
                (group.child(i).text(0), group.child(i).text(1)) for i in range(group.childCount())
            ]
        return lines

    # ------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def selected_versions(self) -> list[VersionRecord]:
        ids = set(self.selected_ids())
        return [v for v in self._versions if v.id in ids]

    def select_version(self, version_id: int) -> bool:
        """Select the version (its comparison with the plan now follows)."""
        self.table.clearSelection()
        return self._select(version_id)

    def _select(self, version_id: int, *, add: bool = False) -> bool:
        row = self.model.row_of(version_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select
            if add
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    @Slot()
    def _selection_changed(self) -> None:
        chosen = sorted(self.selected_versions(), key=lambda v: v.number)
        if len(chosen) == 1:
            self.compare(chosen[0].number, NOW)
        elif len(chosen) >= 2:
            self.compare(chosen[0].number, chosen[-1].number)
        self._update_buttons()

    def _update_buttons(self) -> None:
        one = len(self.selected_ids()) == 1
        self.edits.set_enabled(self.rename_button, one)
        self.edits.set_enabled(self.delete_button, one)

    # ------------------------------------------------------------ edits

    @Slot(QModelIndex)
    def _rename_index(self, _index: QModelIndex) -> None:
        if not self.edits.read_only:
            self._rename_selected()

    @Slot()
    def _rename_selected(self) -> None:
        ws = self._workspace
        chosen = self.selected_versions()
        if ws is None or len(chosen) != 1:
            return
        version = chosen[0]
        label, ok = QInputDialog.getText(
            self,
            self.tr("Change label"),
            self.tr("Label of version {n}:").format(n=version.number),
            text=version.label,
        )
        if not ok:
            return
        try:
            self._context.history.perform(
                self.tr("Change the label of version {n}").format(n=version.number),
                do=lambda: ws.versions.relabel(version.number, label),
                undo=lambda _saved: ws.versions.relabel(version.number, version.label),
            )
        except CioDeskError as error:
            self.message.emit(str(error), "warn")

    @Slot()
    def _delete_selected(self) -> None:
        ws = self._workspace
        chosen = self.selected_versions()
        if ws is None or len(chosen) != 1:
            return
        version = chosen[0]
        try:
            self._context.history.perform(
                self.tr("Delete version {n}").format(n=version.number),
                do=lambda: ws.versions.delete(version.number),
                undo=lambda frozen: ws.versions.restore(frozen),
                redo=lambda frozen: ws.versions.delete(frozen.record.number),
            )
        except CioDeskError as error:
            self.message.emit(str(error), "warn")
            return
        self.message.emit(
            self.tr("Version {n} deleted. Ctrl+Z brings it back.").format(n=version.number),
            "good",
        )
