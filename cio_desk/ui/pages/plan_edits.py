"""Every change the Plan page makes: each one undoable, each editor opened from here.

The tabs never call a manager's add/update/delete themselves; they call
`PlanEdits`, which records the change in the window's edit history so
Ctrl+Z and Ctrl+Shift+Z undo and redo it. Undo of an addition deletes the
row and keeps its snapshot, so redo puts back the same row (same id): later
steps in the history that name it keep working.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cio_desk.services.initiatives import ADDRESSABLE_KINDS, InitiativeDraft, InitiativeRecord
from cio_desk.services.money import DEFAULT_CURRENCY
from cio_desk.services.plan_rows import RowManager
from cio_desk.store.enums import AssessmentKind
from cio_desk.ui.dialogs.assessment_editor import AssessmentEditor
from cio_desk.ui.dialogs.contingency_editor import ContingencyEditor
from cio_desk.ui.dialogs.goal_editor import GoalEditor
from cio_desk.ui.dialogs.initiative_editor import InitiativeChoices, InitiativeEditor, new_draft
from cio_desk.ui.dialogs.measure_editor import MeasureEditor
from cio_desk.ui.dialogs.next_step_editor import NextStepEditor
from cio_desk.ui.dialogs.principle_editor import PrincipleEditor
from cio_desk.ui.dialogs.situation_editor import SituationEditor
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.undo import EditHistory
from cio_desk.workspace import Workspace

R = TypeVar("R")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanEdits", text)


# ---------------------------------------------------------------- undoable steps


def add_row(history: EditHistory, text: str, manager: RowManager, data: Any) -> Any:
    """Add a row; undo deletes it, redo restores the very same row."""
    snapshots: list[Any] = []

    def undo(record: Any) -> None:
        snapshots.append(manager.delete(record.id))

    def redo(_record: Any) -> Any:
        return manager.restore(snapshots.pop())

    return history.perform(text, do=lambda: manager.add(data), undo=undo, redo=redo)


def update_row(
    history: EditHistory, text: str, manager: RowManager, item_id: int, **changes: Any
) -> Any:
    """Change some fields; undo puts back the values they had."""
    before = manager.get(item_id)
    old = {name: getattr(before, name) for name in changes}
    return history.perform(
        text,
        do=lambda: manager.update(item_id, **changes),
        undo=lambda _r: manager.update(item_id, **old),
        redo=lambda _r: manager.update(item_id, **changes),
    )


def save_row(
    history: EditHistory, text: str, manager: RowManager, item_id: int | None, data: Any
) -> Any:
    """Add `data` (no `item_id`) or make the row hold every field of `data`."""
    if item_id is None:
        return add_row(history, text, manager, data)
    fields = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    return update_row(history, text, manager, item_id, **fields)


def delete_row(history: EditHistory, text: str, manager: RowManager, item_id: int) -> Any:
    """Delete a row; undo restores it with its id, order and links."""
    return history.perform(
        text,
        do=lambda: manager.delete(item_id),
        undo=lambda snapshot: manager.restore(snapshot),
        redo=lambda snapshot: manager.delete(snapshot.id),
    )


def reorder_rows(
    history: EditHistory,
    text: str,
    manager: RowManager,
    before: Sequence[int],
    after: Sequence[int],
) -> None:
    """Put rows in a new order; undo puts back the old one."""
    history.perform(
        text,
        do=lambda: manager.reorder(list(after)),
        undo=lambda _r: manager.reorder(list(before)),
    )


def moved(ids: Sequence[int], item_id: int, step: int) -> list[int] | None:
    """`ids` with `item_id` moved `step` places (-1 up, +1 down); None if it cannot move."""
    order = list(ids)
    if item_id not in order:
        return None
    index = order.index(item_id)
    target = index + step
    if not 0 <= target < len(order):
        return None
    order[index], order[target] = order[target], order[index]
    return order


def save_initiative(
    history: EditHistory, workspace: Workspace, draft: InitiativeDraft, item_id: int | None
) -> InitiativeRecord:
    """Save an initiative with its parts in one step; undo brings back what was there."""
    initiatives = workspace.plan.initiatives
    if item_id is None:
        snapshots: list[Any] = []

        def undo_add(record: InitiativeRecord) -> None:
            snapshots.append(initiatives.delete(record.id))

        return history.perform(
            _tr("New initiative"),
            do=lambda: initiatives.save_draft(draft),
            undo=undo_add,
            redo=lambda _r: initiatives.restore(snapshots.pop()),
        )
    before = initiatives.draft(item_id)
    return history.perform(
        _tr("Edit initiative"),
        do=lambda: initiatives.save_draft(draft, item_id),
        undo=lambda _r: initiatives.save_draft(before, item_id),
    )


# ---------------------------------------------------------------- the editors


class PlanEdits:
    """Opens the plan's editors and records what they save in the edit history."""

    def __init__(
        self, context: PageContext, workspace: Callable[[], Workspace | None], parent: QWidget
    ) -> None:
        self._context = context
        self._workspace = workspace
        self._parent = parent

    @property
    def history(self) -> EditHistory:
        return self._context.history

    @property
    def ws(self) -> Workspace:
        workspace = self._workspace()
        assert workspace is not None, "the Plan page edits only with a workspace open"
        return workspace

    def today(self) -> Any:
        return self._context.now().date()

    def currency(self) -> str:
        profile = self.ws.profile.get()
        return profile.currency if profile else DEFAULT_CURRENCY

    def units(self) -> list[str]:
        """Business units known from the register and from the situations already set."""
        units = {p.unit for p in self.ws.stakeholders.list() if p.unit}
        units |= {s.unit for s in self.ws.plan.situations.list()}
        return sorted(units, key=str.casefold)

    def _edit_row(
        self,
        manager: RowManager,
        item_id: int | None,
        texts: tuple[str, str],
        open_editor: Callable[[Callable[[Any], Any], Any], tuple[Any, bool]],
    ) -> Any:
        """Open an editor on row `item_id` (None: a new row); what it saves is one undo step.

        `texts` name the step: (new, edit). `open_editor(save, record)` shows the
        dialog; `save(data)` adds or updates the row through the edit history.
        """
        record = manager.get(item_id) if item_id is not None else None
        text = texts[0] if record is None else texts[1]
        saved, _ok = open_editor(
            lambda data: save_row(self.history, text, manager, item_id, data), record
        )
        return saved

    # ------------------------------------------------------------ initiatives

    def initiative_choices(self) -> InitiativeChoices:
        ws = self.ws
        return InitiativeChoices(
            currency=self.currency(),
            goals=ws.plan.goals.list(),
            insights=ws.traceability.choices(ADDRESSABLE_KINDS),
            initiatives=ws.plan.initiatives.list(),
            owners=sorted({p.name for p in ws.stakeholders.list()}, key=str.casefold),
        )

    def new_initiative(self, horizon: int = 6, **preset: Any) -> InitiativeRecord | None:
        """The editor on a blank initiative (optionally preset, e.g. `insight_ids=(7,)`)."""
        draft = new_draft(horizon, **preset)
        saved, _ok = InitiativeEditor.edit(
            self._parent,
            lambda value: save_initiative(self.history, self.ws, value, None),
            self.initiative_choices(),
            draft,
        )
        return saved

    def edit_initiative(self, item_id: int) -> InitiativeRecord | None:
        draft = self.ws.plan.initiatives.draft(item_id)
        saved, _ok = InitiativeEditor.edit(
            self._parent,
            lambda value: save_initiative(self.history, self.ws, value, item_id),
            self.initiative_choices(),
            draft,
            item_id,
        )
        return saved

    def delete_initiative(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete initiative"), self.ws.plan.initiatives, item_id)

    def move_initiative(self, item_id: int, step: int) -> bool:
        """Move up (-1) or down (+1) in the ranking of its horizon."""
        manager = self.ws.plan.initiatives
        ids = [i.id for i in manager.list(horizon=manager.get(item_id).horizon)]
        order = moved(ids, item_id, step)
        if order is None:
            return False
        reorder_rows(self.history, _tr("Reorder initiatives"), manager, ids, order)
        return True

    # ------------------------------------------------------------ goals and principles

    def edit_goal(self, item_id: int | None = None) -> Any:
        return self._edit_row(
            self.ws.plan.goals,
            item_id,
            (_tr("New goal"), _tr("Edit goal")),
            lambda save, goal: GoalEditor.edit(
                self._parent, save, self.ws.plan.initiatives.list(), goal
            ),
        )

    def delete_goal(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete goal"), self.ws.plan.goals, item_id)

    def edit_principle(self, item_id: int | None = None) -> Any:
        return self._edit_row(
            self.ws.plan.principles,
            item_id,
            (_tr("New principle"), _tr("Edit principle")),
            lambda save, principle: PrincipleEditor.edit(self._parent, save, principle),
        )

    def delete_principle(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete principle"), self.ws.plan.principles, item_id)

    def move_in_list(
        self, manager: RowManager, ids: Sequence[int], item_id: int, step: int
    ) -> bool:
        """Move a goal, principle or assessment item up or down its list."""
        order = moved(ids, item_id, step)
        if order is None:
            return False
        reorder_rows(self.history, _tr("Reorder"), manager, ids, order)
        return True

    # ------------------------------------------------------------ assessment

    def edit_assessment(
        self, item_id: int | None = None, kind: AssessmentKind = AssessmentKind.STRENGTH
    ) -> Any:
        manager = self.ws.plan.assessment
        item = manager.get(item_id) if item_id is not None else None
        text = _tr("Edit assessment item") if item else _tr("New assessment item")
        saved, _ok = AssessmentEditor.edit(
            self._parent,
            lambda data: self._save_assessment(text, item_id, item, data),
            self.ws.traceability.choices(),
            self.units(),
            item,
            kind,
        )
        return saved

    def _save_assessment(self, text: str, item_id: int | None, item: Any, data: Any) -> Any:
        manager = self.ws.plan.assessment
        if item is not None and item.kind != data.kind:
            # Another kind is another list: the item goes last there, as a new one would.
            last = len(manager.list(kind=data.kind))
            fields = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
            return update_row(self.history, text, manager, item_id, position=last, **fields)  # type: ignore[arg-type]
        return save_row(self.history, text, manager, item_id, data)

    def delete_assessment(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete assessment item"), self.ws.plan.assessment, item_id)

    def edit_situation(self, item_id: int | None = None, unit: str = "") -> Any:
        return self._edit_row(
            self.ws.plan.situations,
            item_id,
            (_tr("New unit situation"), _tr("Edit unit situation")),
            lambda save, situation: SituationEditor.edit(
                self._parent, save, self.units(), situation, unit
            ),
        )

    def delete_situation(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete unit situation"), self.ws.plan.situations, item_id)

    # ------------------------------------------------------------ horizons

    def edit_measure(
        self,
        item_id: int | None = None,
        horizon: int | None = None,
        initiative_id: int | None = None,
    ) -> Any:
        return self._edit_row(
            self.ws.plan.measures,
            item_id,
            (_tr("New measure"), _tr("Edit measure")),
            lambda save, measure: MeasureEditor.edit(
                self._parent,
                save,
                self.ws.plan.initiatives.list(include_dropped=False),
                self.today(),
                measure,
                horizon,
                initiative_id,
            ),
        )

    def delete_measure(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete measure"), self.ws.plan.measures, item_id)

    def edit_contingency(self, item_id: int | None = None, horizon: int | None = None) -> Any:
        return self._edit_row(
            self.ws.plan.contingencies,
            item_id,
            (_tr("New contingency"), _tr("Edit contingency")),
            lambda save, contingency: ContingencyEditor.edit(
                self._parent,
                save,
                self.ws.risks.list(),
                self.ws.plan.initiatives.list(include_dropped=False),
                contingency,
                horizon,
            ),
        )

    def delete_contingency(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete contingency"), self.ws.plan.contingencies, item_id)

    def edit_next_step(self, item_id: int | None = None, horizon: int = 6) -> Any:
        return self._edit_row(
            self.ws.plan.next_steps,
            item_id,
            (_tr("New next step"), _tr("Edit next step")),
            lambda save, step: NextStepEditor.edit(self._parent, save, horizon, self.today(), step),
        )

    def delete_next_step(self, item_id: int) -> None:
        delete_row(self.history, _tr("Delete next step"), self.ws.plan.next_steps, item_id)

    def set_step_done(self, item_id: int, done: bool) -> None:
        text = _tr("Tick next step") if done else _tr("Untick next step")
        update_row(self.history, text, self.ws.plan.next_steps, item_id, done=done)
