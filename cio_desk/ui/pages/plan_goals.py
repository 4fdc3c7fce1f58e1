"""The Goals and Guiding principles tabs: what the plan must achieve, and how.

Both are ordered lists the CIO arranges (Alt+Up / Alt+Down), built on one
`OrderedListTab`; every change goes through `PlanEdits`, so it can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cio_desk.services.plan import GoalRecord, PrincipleRecord
from cio_desk.services.plan_rows import RowManager
from cio_desk.ui.dialogs.plan_form import one_line
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import TAB_MARGINS, PlanTab, Section, Table, muted


@dataclass(frozen=True)
class ListTexts:
    """What an ordered list's tab says, in the words of its items."""

    explanation: str  # the line above the list
    title: str
    new: str  # the button: "New goal…"
    new_tip: str
    edit_tip: str
    delete_tip: str
    empty: str  # said instead of an empty list


class OrderedListTab(PlanTab):
    """A list the CIO puts in order: New, Edit, Delete, Up and Down (Alt+Up / Alt+Down).

    A subclass gives the texts, the model, the manager that stores the order,
    the editor to open and the deletion to make; every change goes through
    `PlanEdits`, so it can be undone.
    """

    stretch: tuple[int, ...] = ()  # the model's columns that share the spare width

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        texts = self._texts()
        self._empty_text = texts.empty
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(muted(texts.explanation, self))
        self.section = Section(texts.title, self)
        self.model = self._new_model()
        self.table = Table(self.model, self.section, sortable=False)
        self.table.fit_columns(*self.stretch)
        self.section.body.addWidget(self.table)
        self.section.add_button(texts.new, texts.new_tip, self.new_item)
        self.section.add_button(self.tr("Edit…"), texts.edit_tip, self._edit)
        self.section.add_button(self.tr("Delete"), texts.delete_tip, self._delete)
        self.section.add_button(self.tr("Up"), self.tr("Move up (Alt+Up)"), lambda: self._move(-1))
        self.section.add_button(
            self.tr("Down"), self.tr("Move down (Alt+Down)"), lambda: self._move(1)
        )
        layout.addWidget(self.section, 1)
        self.table.open_row.connect(self._open_editor)
        self.table.delete_row.connect(self._delete_item)
        self.table.move_row.connect(self._move_row)

    # ------------------------------------------------------------ hooks

    def _texts(self) -> ListTexts:
        raise NotImplementedError

    def _new_model(self) -> RowsModel:
        raise NotImplementedError

    def _manager(self) -> RowManager:
        """The manager keeping the list's order."""
        raise NotImplementedError

    def _open_editor(self, item_id: int | None) -> None:
        """The editor on an item (None: a new one)."""
        raise NotImplementedError

    def _delete_item(self, item_id: int) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------ shared

    def _show_rows(self, rows: list) -> None:
        self.table.set_rows(rows)
        self.section.set_count(str(len(rows)) if rows else "")
        self.section.show_empty(None if rows else self._empty_text, self.table)

    def new_item(self) -> None:
        self._open_editor(None)

    def _edit(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self._open_editor(item_id)

    def _delete(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self._delete_item(item_id)

    def _move(self, step: int) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self._move_row(item_id, step)

    @Slot(int, int)
    def _move_row(self, item_id: int, step: int) -> None:
        ids = [item.id for item in self.model.rows()]
        self.edits.move_in_list(self._manager(), ids, item_id, step)


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


class GoalsTab(OrderedListTab):
    """The plan's goals, in order, with the initiatives serving each."""

    model: GoalsModel
    stretch = (GoalsModel.TITLE, GoalsModel.DESCRIPTION)

    def _texts(self) -> ListTexts:
        return ListTexts(
            explanation=self.tr(
                "What the plan must achieve, in business terms the leadership group uses. "
                "Every initiative should serve at least one goal."
            ),
            title=self.tr("Goals"),
            new=self.tr("New goal…"),
            new_tip=self.tr("New goal (Ctrl+N)"),
            edit_tip=self.tr("Edit the goal (Enter)"),
            delete_tip=self.tr("Delete the goal (Del)"),
            empty=self.tr("No goals yet. Press Ctrl+N to add the first."),
        )

    def _new_model(self) -> GoalsModel:
        return GoalsModel(self)

    def _manager(self) -> RowManager:
        return self.ws.plan.goals

    def refresh(self) -> None:
        goals = self.ws.plan.goals.list()
        self.model.titles = self.ws.plan.initiative_titles()
        self._show_rows(goals)

    def new_item_text(self) -> str:
        return self.tr("New goal")

    def open_item(self, kind: str, item_id: int) -> bool:
        return kind == "goal" and self.table.select_id(item_id)

    def _open_editor(self, item_id: int | None) -> None:
        self.edits.edit_goal(item_id)

    def _delete_item(self, item_id: int) -> None:
        self.edits.delete_goal(item_id)


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


class PrinciplesTab(OrderedListTab):
    """The strategic approach: the guiding principles, in order."""

    stretch = (PrinciplesModel.TEXT,)

    def _texts(self) -> ListTexts:
        return ListTexts(
            explanation=self.tr(
                "The strategic approach: a handful of plain rules for how you will work and "
                "decide, such as “save money before spending it” or “serve first, then "
                "collaborate, then enable the business”."
            ),
            title=self.tr("Principles"),
            new=self.tr("New principle…"),
            new_tip=self.tr("New principle (Ctrl+N)"),
            edit_tip=self.tr("Edit the principle (Enter)"),
            delete_tip=self.tr("Delete the principle (Del)"),
            empty=self.tr("No principles yet. Press Ctrl+N to add the first."),
        )

    def _new_model(self) -> PrinciplesModel:
        return PrinciplesModel(self)

    def _manager(self) -> RowManager:
        return self.ws.plan.principles

    def refresh(self) -> None:
        self._show_rows(self.ws.plan.principles.list())

    def new_item_text(self) -> str:
        return self.tr("New principle")

    def _open_editor(self, item_id: int | None) -> None:
        self.edits.edit_principle(item_id)

    def _delete_item(self, item_id: int) -> None:
        self.edits.delete_principle(item_id)
