"""The Goals and Guiding principles tabs: what the plan must achieve, and how.

Both are ordered lists the CIO arranges (Alt+Up / Alt+Down); every change
goes through `PlanEdits`, so it can be undone.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cio_desk.services.plan import GoalRecord, PrincipleRecord
from cio_desk.store.enums import InitiativeStatus
from cio_desk.ui.dialogs.plan_form import one_line
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import PlanTab, Section, Table, heading, muted


class GoalsModel(RowsModel[GoalRecord]):
    """#, goal, description, the initiatives serving it."""

    NUMBER, TITLE, DESCRIPTION, SERVED = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("#"), self.tr("Goal"), self.tr("Description"), self.tr("Served by")], parent
        )
        self.titles: dict[int, str] = {}  # initiatives not dropped, by id

    def serving(self, goal: GoalRecord) -> list[str]:
        return [self.titles[i] for i in goal.initiative_ids if i in self.titles]

    def cell(self, item: GoalRecord, column: int) -> str:
        if column == self.NUMBER:
            return str(self.number(item))
        if column == self.TITLE:
            return item.title
        if column == self.DESCRIPTION:
            return one_line(item.description)
        count = len(self.serving(item))
        if count == 0:
            return self.tr("No initiative yet")
        if count == 1:
            return self.tr("1 initiative")
        return self.tr("{n} initiatives").format(n=count)

    def tone(self, item: GoalRecord, column: int) -> str | None:
        if column == self.SERVED and not self.serving(item):
            return "warn"
        return None

    def tooltip(self, item: GoalRecord, column: int) -> str | None:
        if column == self.SERVED:
            return "\n".join(self.serving(item)) or None
        if column == self.DESCRIPTION:
            return item.description or None
        return None


class GoalsTab(PlanTab):
    """The plan's goals, in order, with the initiatives serving each."""

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Goals"), self))
        layout.addWidget(
            muted(
                self.tr(
                    "What the plan must achieve, in business terms the leadership group uses. "
                    "Every initiative should serve at least one goal."
                ),
                self,
            )
        )
        self.section = Section(self.tr("Goals"), self)
        self.model = GoalsModel(self)
        self.table = Table(self.model, self.section, sortable=False)
        self.table.fit_columns(GoalsModel.TITLE, GoalsModel.DESCRIPTION)
        self.section.body.addWidget(self.table)
        self.section.add_button(self.tr("New goal…"), self.tr("New goal (Ctrl+N)"), self.new_item)
        self.section.add_button(self.tr("Edit…"), self.tr("Edit the goal (Enter)"), self._edit)
        self.section.add_button(self.tr("Delete"), self.tr("Delete the goal (Del)"), self._delete)
        self.section.add_button(self.tr("Up"), self.tr("Move up (Alt+Up)"), lambda: self._move(-1))
        self.section.add_button(
            self.tr("Down"), self.tr("Move down (Alt+Down)"), lambda: self._move(1)
        )
        layout.addWidget(self.section, 1)
        self.table.open_row.connect(self._open)
        self.table.delete_row.connect(self.edits.delete_goal)
        self.table.move_row.connect(self._move_row)

    def refresh(self) -> None:
        goals = self.ws.plan.goals.list()
        self.model.titles = {
            i.id: i.title
            for i in self.ws.plan.initiatives.list()
            if i.status != InitiativeStatus.DROPPED
        }
        self.table.set_rows(goals)
        self.section.set_count(str(len(goals)) if goals else "")
        self.section.show_empty(
            None if goals else self.tr("No goals yet. Press Ctrl+N to add the first."), self.table
        )

    def new_item_text(self) -> str:
        return self.tr("New goal")

    def new_item(self) -> None:
        self.edits.edit_goal()

    def open_item(self, kind: str, item_id: int) -> bool:
        return kind == "goal" and self.table.select_id(item_id)

    @Slot(int)
    def _open(self, item_id: int) -> None:
        self.edits.edit_goal(item_id)

    def _edit(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.edit_goal(item_id)

    def _delete(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.delete_goal(item_id)

    def _move(self, step: int) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self._move_row(item_id, step)

    @Slot(int, int)
    def _move_row(self, item_id: int, step: int) -> None:
        ids = [g.id for g in self.model.rows()]
        self.edits.move_in_list(self.ws.plan.goals, ids, item_id, step)


class PrinciplesModel(RowsModel[PrincipleRecord]):
    """#, principle."""

    NUMBER, TEXT = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("#"), self.tr("Principle")], parent)

    def cell(self, item: PrincipleRecord, column: int) -> str:
        if column == self.NUMBER:
            return str(self.number(item))
        return one_line(item.text, 300)

    def tooltip(self, item: PrincipleRecord, column: int) -> str | None:
        return item.text if column == self.TEXT else None


class PrinciplesTab(PlanTab):
    """The strategic approach: the guiding principles, in order."""

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Guiding principles"), self))
        layout.addWidget(
            muted(
                self.tr(
                    "The strategic approach: a handful of plain rules for how you will work and "
                    "decide, such as “save money before spending it” or “serve first, then "
                    "collaborate, then enable the business”."
                ),
                self,
            )
        )
        self.section = Section(self.tr("Principles"), self)
        self.model = PrinciplesModel(self)
        self.table = Table(self.model, self.section, sortable=False)
        self.table.fit_columns(PrinciplesModel.TEXT)
        self.section.body.addWidget(self.table)
        self.section.add_button(
            self.tr("New principle…"), self.tr("New principle (Ctrl+N)"), self.new_item
        )
        self.section.add_button(self.tr("Edit…"), self.tr("Edit the principle (Enter)"), self._edit)
        self.section.add_button(
            self.tr("Delete"), self.tr("Delete the principle (Del)"), self._delete
        )
        self.section.add_button(self.tr("Up"), self.tr("Move up (Alt+Up)"), lambda: self._move(-1))
        self.section.add_button(
            self.tr("Down"), self.tr("Move down (Alt+Down)"), lambda: self._move(1)
        )
        layout.addWidget(self.section, 1)
        self.table.open_row.connect(self.edits.edit_principle)
        self.table.delete_row.connect(self.edits.delete_principle)
        self.table.move_row.connect(self._move_row)

    def refresh(self) -> None:
        principles = self.ws.plan.principles.list()
        self.table.set_rows(principles)
        self.section.set_count(str(len(principles)) if principles else "")
        self.section.show_empty(
            None if principles else self.tr("No principles yet. Press Ctrl+N to add the first."),
            self.table,
        )

    def new_item_text(self) -> str:
        return self.tr("New principle")

    def new_item(self) -> None:
        self.edits.edit_principle()

    def _edit(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.edit_principle(item_id)

    def _delete(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.delete_principle(item_id)

    def _move(self, step: int) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self._move_row(item_id, step)

    @Slot(int, int)
    def _move_row(self, item_id: int, step: int) -> None:
        ids = [p.id for p in self.model.rows()]
        self.edits.move_in_list(self.ws.plan.principles, ids, item_id, step)
