"""The Situation assessment tab: strengths to threats, and each business unit's situation.

Assessment items are grouped by kind and can cite what stakeholders said;
the selected item's citations are shown under the list. Each business unit
gets one of five situation types, with a line on what that situation calls
for, because a turnaround needs a different plan from sustaining success.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import NotFoundError
from cio_desk.services.plan import AssessmentItemRecord, UnitSituationRecord
from cio_desk.store.enums import AssessmentKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import one_line
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import TAB_MARGINS, PlanTab, Section, Table, muted
from cio_desk.ui.theme import scaled_font

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class SituationsModel(RowsModel[UnitSituationRecord]):
    """Unit; the situation with, under it, what it calls for."""

    UNIT, SITUATION = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Unit"), self.tr("Situation and what it calls for")], parent)

    def cell(self, item: UnitSituationRecord, column: int) -> str:
        if column == self.UNIT:
            return item.unit
        return self.tr("{situation}\n{guidance}").format(
            situation=fmt.situation_label(item.situation),
            guidance=fmt.situation_guidance(item.situation),
        )

    def tooltip(self, item: UnitSituationRecord, column: int) -> str | None:
        return item.note or None


class AssessmentTree(QTreeWidget):
    """Assessment items under their kind; Enter edits, Delete deletes, Alt+Up/Down moves."""

    delete_pressed = Signal()
    move_pressed = Signal(int)  # -1 up, +1 down

    read_only = False  # set by the tab: the keys then change nothing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() == Qt.KeyboardModifier.AltModifier
        if self.read_only:
            super().keyPressEvent(event)
        elif event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_pressed.emit(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Assessment"), self.tr("Unit"), self.tr("Cites")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 16)
        self._group_font = scaled_font(self.font(), 1.0, bold=True)

    def show_items(self, items: list[AssessmentItemRecord], selected: int | None) -> None:
        self.clear()
        for kind in AssessmentKind:
            of_kind = [i for i in items if i.kind == kind]
            group = QTreeWidgetItem(self, [f"{fmt.assessment_kind_title(kind)} ({len(of_kind)})"])
            group.setData(0, KIND_ROLE, kind)
            group.setFont(0, self._group_font)
            group.setFirstColumnSpanned(True)
            for item in of_kind:
                cites = str(len(item.insight_ids)) if item.insight_ids else ""
                child = QTreeWidgetItem(group, [one_line(item.text), item.unit, cites])
                child.setData(0, ID_ROLE, item.id)
                child.setData(0, KIND_ROLE, kind)
                child.setToolTip(0, item.text)
                if item.id == selected:
                    self.setCurrentItem(child)
        self.expandAll()

    def selected_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def selected_kind(self) -> AssessmentKind:
        item = self.currentItem()
        kind = item.data(0, KIND_ROLE) if item is not None else None
        return AssessmentKind(kind) if kind else AssessmentKind.STRENGTH

    def select_id(self, item_id: int) -> bool:
        for group_index in range(self.topLevelItemCount()):
            group = self.topLevelItem(group_index)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child.data(0, ID_ROLE) == item_id:
                    self.setCurrentItem(child)
                    self.scrollToItem(child)
                    return True
        return False


class AssessmentTab(PlanTab):
    """Strengths, weaknesses, pain points, opportunities, threats; units' situations."""

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self._items: list[AssessmentItemRecord] = []
        self._missing: list[str] = []
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.setSpacing(10)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.section = Section(self.tr("Situation assessment"), splitter, buttons_below=True)
        self.tree = AssessmentTree(self.section)
        self.section.body.addWidget(self.tree, 1)
        self.cited_label = muted("", self.section)
        self.cited_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.section.body.addWidget(self.cited_label)
        self.section.add_button(
            self.tr("New item…"), self.tr("New assessment item (Ctrl+N)"), self.new_item
        )
        self.section.add_button(self.tr("Edit…"), self.tr("Edit the item (Enter)"), self._edit)
        self.section.add_button(self.tr("Delete"), self.tr("Delete the item (Del)"), self._delete)
        self.section.add_button(self.tr("Up"), self.tr("Move up (Alt+Up)"), lambda: self._move(-1))
        self.section.add_button(
            self.tr("Down"), self.tr("Move down (Alt+Down)"), lambda: self._move(1)
        )
        self.units = Section(self.tr("Situation by business unit"), splitter, buttons_below=True)
        self.units.body.addWidget(
            muted(
                self.tr(
                    "Each unit's situation calls for a different plan: start-up, turnaround, "
                    "accelerated growth, realignment or sustaining success."
                ),
                self.units,
            )
        )
        self.situations_model = SituationsModel(self)
        self.situations_table = Table(self.situations_model, self.units)
        self.situations_table.fit_columns(SituationsModel.SITUATION)
        self.situations_table.wrap_rows()
        self.units.body.addWidget(self.situations_table, 1)
        self.missing_label = muted("", self.units)
        self.units.body.addWidget(self.missing_label)
        self.units.add_button(
            self.tr("New…"), self.tr("Set a business unit's situation"), self._new_situation
        )
        self.units.add_button(self.tr("Edit…"), self.tr("Edit (Enter)"), self._edit_situation)
        self.units.add_button(self.tr("Delete"), self.tr("Delete (Del)"), self._delete_situation)
        splitter.addWidget(self.section)
        splitter.addWidget(self.units)
        splitter.setStretchFactor(0, 55)
        splitter.setStretchFactor(1, 45)
        splitter.setSizes([550, 450])
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.tree.delete_pressed.connect(self._delete)
        self.tree.move_pressed.connect(self._move)
        self.tree.itemActivated.connect(
            lambda _item, _column: None if self.tree.read_only else self._edit()
        )
        self.tree.currentItemChanged.connect(self._show_citations)
        self.situations_table.open_row.connect(lambda i: self.edits.edit_situation(i))
        self.situations_table.delete_row.connect(self.edits.delete_situation)

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        ws = self.ws
        self._items = ws.plan.assessment.list()
        self.tree.show_items(self._items, self.tree.selected_id())
        self.section.set_count(str(len(self._items)) if self._items else "")
        situations = ws.plan.situations.list()
        self.situations_table.set_rows(situations)
        self.units.set_count(str(len(situations)) if situations else "")
        missing = ws.plan.situations.units_without_situation()
        self.missing_label.setText(
            self.tr("Units in your register without a situation yet: {units}.").format(
                units=", ".join(missing)
            )
            if missing
            else ""
        )
        self.missing_label.setVisible(bool(missing))
        self._missing = missing
        self._show_citations()

    @Slot()
    def _show_citations(self) -> None:
        item_id = self.tree.selected_id()
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None:
            self.cited_label.setText(
                self.tr("Select an item to see what you heard that supports it.")
                if self._items
                else self.tr(
                    "Nothing assessed yet. Press Ctrl+N to note a strength, weakness, pain "
                    "point, opportunity or threat."
                )
            )
            return
        lines = []
        for insight_id in item.insight_ids:
            try:
                insight = self.ws.insights.get(insight_id)
            except NotFoundError:
                continue
            lines.append(
                self.tr("“{text}” — {name}, {kind}").format(
                    text=one_line(insight.text, 160),
                    name=insight.stakeholder_name,
                    kind=fmt.insight_kind_label(insight.kind).lower(),
                )
            )
        if lines:
            self.cited_label.setText(self.tr("Cites:") + "\n" + "\n".join(lines))
        else:
            self.cited_label.setText(self.tr("Cites nothing you heard yet."))

    # ------------------------------------------------------------ actions

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.tree.read_only = read_only

    def new_item_text(self) -> str:
        return self.tr("New assessment item")

    def new_item(self) -> None:
        self.edits.edit_assessment(kind=self.tree.selected_kind())

    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "assessment":
            return False
        found = self.tree.select_id(item_id)
        if found:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return found

    def _edit(self) -> None:
        item_id = self.tree.selected_id()
        if item_id is not None:
            self.edits.edit_assessment(item_id)
        else:
            self.new_item()

    def _delete(self) -> None:
        item_id = self.tree.selected_id()
        if item_id is not None:
            self.edits.delete_assessment(item_id)

    def _move(self, step: int) -> None:
        item_id = self.tree.selected_id()
        if item_id is None:
            return
        kind = self.tree.selected_kind()
        ids = [i.id for i in self._items if i.kind == kind]
        self.edits.move_in_list(self.ws.plan.assessment, ids, item_id, step)

    def _new_situation(self) -> None:
        self.edits.edit_situation(unit=self._missing[0] if self._missing else "")

    def _edit_situation(self) -> None:
        item_id = self.situations_table.selected_id()
        if item_id is not None:
            self.edits.edit_situation(item_id)

    def _delete_situation(self) -> None:
        item_id = self.situations_table.selected_id()
        if item_id is not None:
            self.edits.delete_situation(item_id)
