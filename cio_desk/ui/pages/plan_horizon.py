"""One horizon's tab (6, 12 or 24 months): measures, key priorities, contingencies, next steps.

Everything shown comes from `ws.plan.horizon_view(h)` (the same view the
PDF's horizon section reads) and, for the priorities' cost, the budget.
Ctrl+N adds to the section last used (measures unless another was).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from cio_desk.services.plan import HorizonView
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_horizon_models import (
    ContingenciesModel,
    MeasuresModel,
    NextStepsModel,
    PrioritiesModel,
)
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import TAB_MARGINS, PlanTab, Section, Table, muted

MEASURES, PRIORITIES, CONTINGENCIES, NEXT_STEPS = "measure", "initiative", "contingency", "step"


class HorizonTab(PlanTab):
    """The four parts of one horizon, two by two."""

    new_item_changed = Signal()

    def __init__(self, edits: PlanEdits, horizon: int, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self.horizon = horizon
        self._active = MEASURES
        self._build()
        self._connect_signals()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.setSpacing(8)
        self.summary_label = muted(fmt.horizon_label(self.horizon), self)
        layout.addWidget(self.summary_label)
        rows = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, rows)
        bottom = QSplitter(Qt.Orientation.Horizontal, rows)
        self.measures_model = MeasuresModel(self)
        self.priorities_model = PrioritiesModel(self)
        self.contingencies_model = ContingenciesModel(self)
        self.steps_model = NextStepsModel(self)
        self.measures, self.measures_table = self._section(
            top, self.tr("Measures"), self.measures_model
        )
        self.priorities, self.priorities_table = self._section(
            top, self.tr("Key priorities"), self.priorities_model, sortable=False
        )
        self.contingencies, self.contingencies_table = self._section(
            bottom, self.tr("Contingencies"), self.contingencies_model
        )
        self.steps, self.steps_table = self._section(
            bottom, self.tr("Next steps"), self.steps_model
        )
        self.measures_table.fit_columns(MeasuresModel.NAME)
        self.measures_table.set_width(MeasuresModel.UNIT, 12)
        self.priorities_table.fit_columns(PrioritiesModel.TITLE)
        self.contingencies_table.fit_columns(
            ContingenciesModel.TRIGGER, ContingenciesModel.RESPONSE, ContingenciesModel.LINKED
        )
        self.steps_table.fit_columns(NextStepsModel.TEXT)
        self._add_buttons()
        for splitter in (rows, top, bottom):
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 1)
            splitter.setSizes([1000, 1000])  # halves, whatever the window size
        layout.addWidget(rows, 1)

    def _section(
        self, parent: QSplitter, title: str, model: RowsModel, *, sortable: bool = True
    ) -> tuple[Section, Table]:
        section = Section(title, parent, buttons_below=True)
        table = Table(model, section, sortable=sortable)
        table.installEventFilter(self)
        section.body.addWidget(table)
        parent.addWidget(section)
        return section, table

    def _add_buttons(self) -> None:
        self.new_measure_button = self.measures.add_button(
            self.tr("New…"),
            self.tr("New measure (Ctrl+N after using this list)"),
            self._new_measure,
        )
        self.measures.add_button(
            self.tr("Edit…"),
            self.tr("Edit the measure or record its current value (Enter)"),
            lambda: self._edit(MEASURES),
        )
        self.measures.add_button(
            self.tr("Delete"), self.tr("Delete the measure (Del)"), lambda: self._delete(MEASURES)
        )
        self.priorities.add_button(
            self.tr("New…"),
            self.tr("New initiative on this horizon"),
            lambda: self.edits.new_initiative(self.horizon),
        )
        self.priorities.add_button(
            self.tr("Edit…"), self.tr("Edit the initiative (Enter)"), lambda: self._edit(PRIORITIES)
        )
        self.priorities.add_button(
            self.tr("Up"), self.tr("Rank higher (Alt+Up)"), lambda: self._move(-1)
        )
        self.priorities.add_button(
            self.tr("Down"), self.tr("Rank lower (Alt+Down)"), lambda: self._move(1)
        )
        self.new_contingency_button = self.contingencies.add_button(
            self.tr("New…"),
            self.tr("New contingency (Ctrl+N after using this list)"),
            self._new_contingency,
        )
        self.contingencies.add_button(
            self.tr("Edit…"),
            self.tr("Edit the contingency (Enter)"),
            lambda: self._edit(CONTINGENCIES),
        )
        self.contingencies.add_button(
            self.tr("Delete"),
            self.tr("Delete the contingency (Del)"),
            lambda: self._delete(CONTINGENCIES),
        )
        self.new_step_button = self.steps.add_button(
            self.tr("New…"), self.tr("New next step (Ctrl+N after using this list)"), self._new_step
        )
        self.steps.add_button(
            self.tr("Edit…"), self.tr("Edit the step (Enter)"), lambda: self._edit(NEXT_STEPS)
        )
        self.steps.add_button(
            self.tr("Done"), self.tr("Tick or untick the step (Space)"), self._toggle_selected
        )
        self.steps.add_button(
            self.tr("Delete"), self.tr("Delete the step (Del)"), lambda: self._delete(NEXT_STEPS)
        )

    def _connect_signals(self) -> None:
        self.measures_table.open_row.connect(lambda i: self.edits.edit_measure(i))
        self.measures_table.delete_row.connect(self.edits.delete_measure)
        self.priorities_table.open_row.connect(self.edits.edit_initiative)
        self.priorities_table.move_row.connect(self.edits.move_initiative)
        self.contingencies_table.open_row.connect(lambda i: self.edits.edit_contingency(i))
        self.contingencies_table.delete_row.connect(self.edits.delete_contingency)
        self.steps_table.open_row.connect(lambda i: self.edits.edit_next_step(i, self.horizon))
        self.steps_table.delete_row.connect(self.edits.delete_next_step)
        self.steps_table.toggle_row.connect(self._toggle_step)
        for table in (
            self.measures_table,
            self.priorities_table,
            self.contingencies_table,
            self.steps_table,
        ):
            table.selectionModel().currentChanged.connect(
                lambda _current, _previous, table=table: self._use_section(table)
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Remember which section was used last (focused or clicked): Ctrl+N adds there."""
        if event.type() == QEvent.Type.FocusIn:
            self._use_section(watched)
        return super().eventFilter(watched, event)

    def _use_section(self, table: QObject) -> None:
        active = {
            self.measures_table: MEASURES,
            self.priorities_table: PRIORITIES,
            self.contingencies_table: CONTINGENCIES,
            self.steps_table: NEXT_STEPS,
        }.get(table)  # type: ignore[call-overload]
        if active is not None and active != self._active:
            self._active = active
            self.new_item_changed.emit()

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        ws = self.ws
        view = ws.plan.horizon_view(self.horizon)
        budget = ws.budget.summary()
        self.measures_model.titles = view.initiative_titles
        self.measures_table.set_rows(view.measures)
        self.priorities_model.budget = budget
        self.priorities_model.costs = {i.id: i.cost.total for i in budget.initiatives}
        self.priorities_table.set_rows(view.priorities)
        self.contingencies_model.initiatives = view.initiative_titles
        self.contingencies_model.risks = view.risk_titles
        self.contingencies_table.set_rows(view.contingencies)
        self.steps_model.today = self.edits.today()
        self.steps_table.set_rows(view.next_steps)
        self._show_counts(view)

    def _show_counts(self, view: HorizonView) -> None:
        today = self.edits.today()
        open_steps = [s for s in view.next_steps if not s.done]
        overdue = [s for s in open_steps if s.is_overdue(today)]
        for section, items in (
            (self.measures, view.measures),
            (self.priorities, view.priorities),
            (self.contingencies, view.contingencies),
        ):
            section.set_count(str(len(items)) if items else "")
        if view.next_steps:
            self.steps.set_count(
                self.tr("{open} open of {total}").format(
                    open=len(open_steps), total=len(view.next_steps)
                )
            )
        else:
            self.steps.set_count("")
        self.measures.show_empty(
            None if view.measures else self.tr("No measures yet: how will success be judged?"),
            self.measures_table,
        )
        self.priorities.show_empty(
            None if view.priorities else self.tr("No initiatives on this horizon yet."),
            self.priorities_table,
        )
        self.contingencies.show_empty(
            None if view.contingencies else self.tr("No contingencies yet: what if it goes wrong?"),
            self.contingencies_table,
        )
        self.steps.show_empty(
            None if view.next_steps else self.tr("No next steps yet."), self.steps_table
        )
        summary = self.tr(
            "{horizon}: {priorities} key priorities · {measures} measures · {contingencies} "
            "contingencies · {steps} next steps open"
        ).format(
            horizon=fmt.horizon_label(self.horizon),
            priorities=len(view.priorities),
            measures=len(view.measures),
            contingencies=len(view.contingencies),
            steps=len(open_steps),
        )
        if overdue:
            summary += self.tr(", {n} overdue").format(n=len(overdue))
        self.summary_label.setText(summary)

    # ------------------------------------------------------------ actions

    def new_item_text(self) -> str:
        return {
            MEASURES: self.tr("New measure"),
            PRIORITIES: self.tr("New initiative"),
            CONTINGENCIES: self.tr("New contingency"),
            NEXT_STEPS: self.tr("New next step"),
        }[self._active]

    def new_item(self) -> None:
        {
            MEASURES: self._new_measure,
            PRIORITIES: lambda: self.edits.new_initiative(self.horizon),
            CONTINGENCIES: self._new_contingency,
            NEXT_STEPS: self._new_step,
        }[self._active]()

    def open_item(self, kind: str, item_id: int) -> bool:
        table = {
            "measure": self.measures_table,
            "initiative": self.priorities_table,
            "contingency": self.contingencies_table,
            "next_step": self.steps_table,
        }.get(kind)
        if table is None or not table.select_id(item_id):
            return False
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _new_measure(self) -> None:
        self.edits.edit_measure(horizon=self.horizon)

    def _new_contingency(self) -> None:
        self.edits.edit_contingency(horizon=self.horizon)

    def _new_step(self) -> None:
        self.edits.edit_next_step(horizon=self.horizon)

    def _table(self, kind: str) -> Table:
        return {
            MEASURES: self.measures_table,
            PRIORITIES: self.priorities_table,
            CONTINGENCIES: self.contingencies_table,
            NEXT_STEPS: self.steps_table,
        }[kind]

    def _edit(self, kind: str) -> None:
        item_id = self._table(kind).selected_id()
        if item_id is None:
            return
        if kind == MEASURES:
            self.edits.edit_measure(item_id)
        elif kind == PRIORITIES:
            self.edits.edit_initiative(item_id)
        elif kind == CONTINGENCIES:
            self.edits.edit_contingency(item_id)
        else:
            self.edits.edit_next_step(item_id, self.horizon)

    def _delete(self, kind: str) -> None:
        item_id = self._table(kind).selected_id()
        if item_id is None:
            return
        if kind == MEASURES:
            self.edits.delete_measure(item_id)
        elif kind == CONTINGENCIES:
            self.edits.delete_contingency(item_id)
        elif kind == NEXT_STEPS:
            self.edits.delete_next_step(item_id)

    def _move(self, step: int) -> None:
        item_id = self.priorities_table.selected_id()
        if item_id is not None:
            self.edits.move_initiative(item_id, step)

    def _toggle_selected(self) -> None:
        item_id = self.steps_table.selected_id()
        if item_id is not None:
            self._toggle_step(item_id)

    @Slot(int)
    def _toggle_step(self, item_id: int) -> None:
        step = next((s for s in self.steps_model.rows() if s.id == item_id), None)
        if step is not None:
            self.edits.set_step_done(item_id, not step.done)
