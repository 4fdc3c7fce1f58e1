"""The initiative editor: what it is, why, when, what it costs and how it is paid.

Four tabs: the initiative (business language, horizon and months, owner,
status, CFO-confirmed), why (goals served and what stakeholders said it
answers), costs (cost lines and the payment schedule, with the gap to the
cost shown as amounts are typed) and dependencies with milestones. Save
hands an `InitiativeDraft` to the page's undoable edit; a refusal (months
that do not fit, a dependency loop, a refused amount) is shown at its field,
on its tab, and the dialog stays open.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.services.budget import preview_cost
from cio_desk.services.initiatives import (
    InitiativeData,
    InitiativeDraft,
    InitiativeRecord,
    check_schedule,
)
from cio_desk.services.money import format_amount
from cio_desk.services.plan import GoalRecord
from cio_desk.services.plan_rows import FIRST_MONTH, LAST_MONTH
from cio_desk.services.traceability import TracedInsight
from cio_desk.store.enums import HORIZONS, CostCategory, CostRecurrence, InitiativeStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.cost_line_table import ChoiceDelegate, PartsTable
from cio_desk.ui.dialogs.cost_lines import CostLinesModel, MilestonesModel, PaymentsModel
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo, insight_items, text_edit
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.pick_list import PickItem, PickList


@dataclass(frozen=True)
class InitiativeChoices:
    """What the editor offers to pick from."""

    currency: str
    goals: Sequence[GoalRecord] = ()
    insights: Sequence[TracedInsight] = ()  # goals, proposals and concerns
    initiatives: Sequence[InitiativeRecord] = ()  # every initiative, to depend on
    owners: Sequence[str] = ()  # names offered while typing the owner


class InitiativeEditor(EditorDialog[InitiativeDraft, InitiativeRecord]):
    """Every field of an initiative and its parts, saved in one undoable step."""

    def __init__(
        self,
        save: Callable[[InitiativeDraft], InitiativeRecord],
        choices: InitiativeChoices,
        draft: InitiativeDraft | None = None,
        item_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self._choices = choices
        self._item_id = item_id
        start = draft or InitiativeDraft(InitiativeData(""))
        self.setWindowTitle(self.tr("Edit initiative") if item_id else self.tr("New initiative"))
        self.resize(860, 620)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_general(), self.tr("&Initiative"))
        self.tabs.addTab(_padded(self._build_why()), self.tr("&Why"))
        self.tabs.addTab(self._build_costs(), self.tr("&Costs"))
        self.tabs.addTab(_padded(self._build_links()), self.tr("&Depends on && milestones"))
        self.layout_.addWidget(self.tabs, 1)
        self.finish()
        self._fill(start)
        self._connect_signals()
        self._check_months()
        self._show_preview()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[InitiativeDraft], InitiativeRecord],
        choices: InitiativeChoices,
        draft: InitiativeDraft | None = None,
        item_id: int | None = None,
    ) -> tuple[InitiativeRecord | None, bool]:
        """Show the editor; returns the saved initiative and whether it was saved."""
        return cls.run(cls(save, choices, draft, item_id, parent))

    # ------------------------------------------------------------ building

    def _build_general(self) -> QWidget:
        page = QWidget(self)
        form = self.new_form()
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(form)
        page_layout.addStretch(1)  # spare height below the fields, not between them
        self.title_edit = QLineEdit(page)
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. One order system for all plants"))
        self.description_edit = text_edit(
            page, self.tr("What changes for the business, in plain words (no acronyms)")
        )
        self.value_edit = text_edit(
            page, self.tr("e.g. Orders typed once; month-end close in 5 days instead of 12")
        )
        self.horizon_combo = choice_combo(page, [(fmt.horizon_label(h), h) for h in HORIZONS], 6)
        self.start_spin = self._month_spin(page)
        self.end_spin = self._month_spin(page)
        self.owner_edit = QLineEdit(page)
        self.owner_edit.setMaxLength(200)
        self.owner_edit.setPlaceholderText(self.tr("The person accountable"))
        completer = QCompleter(list(self._choices.owners), self.owner_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner_edit.setCompleter(completer)
        self.status_combo = choice_combo(
            page,
            [(fmt.initiative_status_label(s), s) for s in InitiativeStatus],
            InitiativeStatus.PROPOSED,
        )
        self.cfo_box = QCheckBox(self.tr("The CFO has confirmed the cost"), page)
        self.add_field(form, "title", self.tr("&Title"), self.title_edit)
        self.add_field(form, "description", self.tr("D&escription"), self.description_edit)
        self.add_field(form, "business_value", self.tr("&Business value"), self.value_edit)
        self.add_field(form, "horizon", self.tr("&Horizon"), self.horizon_combo)
        self.add_field(form, "start_month", self.tr("&Starts in"), self.start_spin)
        self.add_field(form, "end_month", self.tr("&Ends in"), self.end_spin)
        self.add_field(form, "owner", self.tr("&Owner"), self.owner_edit)
        self.add_field(form, "status", self.tr("Stat&us"), self.status_combo)
        self.add_field(form, "cfo_confirmed", "", self.cfo_box)
        return page

    def _month_spin(self, parent: QWidget) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(FIRST_MONTH, LAST_MONTH)
        spin.setPrefix(self.tr("Month "))
        spin.setToolTip(self.tr("Months count from your start date: month 1 to month 24."))
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance(self.tr("Month 24")) * 2)
        return spin

    def _build_why(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        goals_box = QWidget(splitter)
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.setContentsMargins(0, 0, 0, 0)
        goals_layout.addWidget(plain_label(self.tr("Goals it serves"), goals_box))
        self.goals_list = PickList(
            [self.tr("Goal")],
            search_hint=self.tr("Find a goal"),
            empty_text=self.tr("No goals yet: add them on the Goals tab."),
            parent=goals_box,
        )
        self.goals_list.set_items([PickItem(g.id, (g.title,), g.description) for g in self._goals])
        self.add_box_field(goals_layout, "goal_ids", self.goals_list)
        heard_box = QWidget(splitter)
        heard_layout = QVBoxLayout(heard_box)
        heard_layout.setContentsMargins(0, 6, 0, 0)
        heard_layout.addWidget(
            plain_label(
                self.tr("What it answers: goals, proposals and concerns your stakeholders raised"),
                heard_box,
            )
        )
        self.insights_list = PickList(
            [self.tr("What was said"), self.tr("Who"), self.tr("Kind")],
            search_hint=self.tr("Find by words or by name"),
            empty_text=self.tr("No goals, proposals or concerns recorded from meetings yet."),
            parent=heard_box,
        )
        self.insights_list.set_items(insight_items(self._choices.insights))
        self.add_box_field(heard_layout, "insight_ids", self.insights_list)
        splitter.addWidget(goals_box)
        splitter.addWidget(heard_box)
        splitter.setSizes([180, 360])
        return splitter

    @property
    def _goals(self) -> Sequence[GoalRecord]:
        return self._choices.goals

    def _build_costs(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        currency = self._choices.currency
        layout.addWidget(
            plain_label(
                self.tr(
                    "Break the cost down the way vendors price it. One-off costs are charged "
                    "when the initiative starts, yearly costs every twelve months from then. "
                    "Amounts in {currency}."
                ).format(currency=currency),
                page,
            )
        )
        self.cost_model = CostLinesModel(currency, self)
        self.cost_table = PartsTable(
            self.cost_model,
            add_text=self.tr("Add cost line"),
            empty_text=self.tr("No cost lines: add one (of 0 if it costs nothing)."),
            parent=page,
        )
        categories = [(fmt.cost_category_label(c), c) for c in CostCategory]
        recurrences = [(fmt.recurrence_label(r), r) for r in CostRecurrence]
        view = self.cost_table.view
        view.setItemDelegateForColumn(CostLinesModel.CATEGORY, ChoiceDelegate(categories, view))
        view.setItemDelegateForColumn(CostLinesModel.RECURRENCE, ChoiceDelegate(recurrences, view))
        self.cost_table.set_column_widths([18, 12, 18, 16])
        self.add_box_field(layout, "cost_lines", self.cost_table)
        layout.addWidget(plain_label(self.tr("Payment schedule agreed with finance"), page))
        self.payment_model = PaymentsModel(currency, self)
        self.payment_table = PartsTable(
            self.payment_model,
            add_text=self.tr("Add instalment"),
            empty_text=self.tr("No payment schedule yet."),
            parent=page,
        )
        self.payment_table.set_column_widths([12, 18])
        self.add_box_field(layout, "payments", self.payment_table)
        self.preview_label = plain_label("", page)
        layout.addWidget(self.preview_label)
        return page

    def _build_links(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        depends_box = QWidget(splitter)
        depends_layout = QVBoxLayout(depends_box)
        depends_layout.setContentsMargins(0, 0, 0, 0)
        depends_layout.addWidget(
            plain_label(self.tr("Initiatives that must be finished first"), depends_box)
        )
        self.depends_list = PickList(
            [self.tr("Initiative"), self.tr("Horizon"), self.tr("Months")],
            search_hint=self.tr("Find an initiative"),
            empty_text=self.tr("No other initiatives yet."),
            parent=depends_box,
        )
        others = [i for i in self._choices.initiatives if i.id != self._item_id]
        self.depends_list.set_items(
            [
                PickItem(
                    i.id,
                    (
                        i.title,
                        fmt.horizon_short_label(i.horizon),
                        fmt.month_span(i.start_month, i.end_month),
                    ),
                )
                for i in others
            ]
        )
        self.add_box_field(depends_layout, "depends_on_ids", self.depends_list)
        milestones_box = QWidget(splitter)
        milestones_layout = QVBoxLayout(milestones_box)
        milestones_layout.setContentsMargins(0, 6, 0, 0)
        milestones_layout.addWidget(plain_label(self.tr("Milestones"), milestones_box))
        self.milestone_model = MilestonesModel(self._choices.currency, self)
        self.milestone_table = PartsTable(
            self.milestone_model,
            add_text=self.tr("Add milestone"),
            empty_text=self.tr("No milestones yet."),
            parent=milestones_box,
        )
        self.milestone_table.set_column_widths([12])
        self.add_box_field(milestones_layout, "milestones", self.milestone_table)
        splitter.addWidget(depends_box)
        splitter.addWidget(milestones_box)
        return splitter

    def _fill(self, draft: InitiativeDraft) -> None:
        data = draft.data
        self.title_edit.setText(data.title)
        self.description_edit.setPlainText(data.description)
        self.value_edit.setPlainText(data.business_value)
        self.horizon_combo.setCurrentIndex(max(self.horizon_combo.findData(data.horizon), 0))
        self.start_spin.setValue(data.start_month)
        self.end_spin.setValue(data.end_month)
        self.owner_edit.setText(data.owner)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(data.status), 0))
        self.cfo_box.setChecked(data.cfo_confirmed)
        for item_id in data.goal_ids:
            self.goals_list.set_ticked(item_id)
        for item_id in data.insight_ids:
            self.insights_list.set_ticked(item_id)
        for item_id in data.depends_on_ids:
            self.depends_list.set_ticked(item_id)
        self.cost_model.set_lines(draft.cost_lines)
        self.payment_model.set_payments(draft.payments)
        self.milestone_model.set_milestones(draft.milestones)

    def _connect_signals(self) -> None:
        self.horizon_combo.currentIndexChanged.connect(self._check_months)
        self.start_spin.valueChanged.connect(self._check_months)
        self.end_spin.valueChanged.connect(self._check_months)
        self.start_spin.valueChanged.connect(self._show_preview)
        self.cost_model.changed.connect(self._show_preview)
        self.payment_model.changed.connect(self._show_preview)

    # ------------------------------------------------------------ live checks

    @Slot()
    def _check_months(self) -> None:
        """Say at once when the months do not fit, in the service's words."""
        for field in ("horizon", "start_month", "end_month"):
            self.set_error(field, "")
        try:
            check_schedule(
                self.horizon_combo.currentData(), self.start_spin.value(), self.end_spin.value()
            )
        except ValidationError as error:
            self.set_error(error.field, error.message)
        start = self.start_spin.value()
        self.payment_model.default_month = start
        self.milestone_model.default_month = self.end_spin.value()

    @Slot()
    def _show_preview(self) -> None:
        """The cost over the plan against the payments scheduled, as the budget will show."""
        preview = preview_cost(
            self.start_spin.value(), self.cost_model.charges(), self.payment_model.amounts()
        )

        def money(minor: int) -> str:
            return format_amount(minor, self._choices.currency)

        cost = self.tr(
            "Cost over the plan: {total} ({year1} in year 1, {year2} in year 2)."
        ).format(
            total=money(preview.cost.total),
            year1=money(preview.cost.year1),
            year2=money(preview.cost.year2),
        )
        if not preview.scheduled:
            schedule, tone = self.tr("No payments scheduled yet."), "muted"
        elif preview.gap > 0:
            schedule = self.tr("Scheduled {paid}; {gap} still to schedule.").format(
                paid=money(preview.scheduled), gap=money(preview.gap)
            )
            tone = "warn"
        elif preview.gap < 0:
            schedule = self.tr("Scheduled {paid}: {gap} more than the cost.").format(
                paid=money(preview.scheduled), gap=money(-preview.gap)
            )
            tone = "warn"
        else:
            schedule, tone = self.tr("The payment schedule matches the cost."), "good"
        self.preview_label.setText(f"{cost} {schedule}")
        set_tone(self.preview_label, tone)

    # ------------------------------------------------------------ value

    def value(self) -> InitiativeDraft:
        for field, table in (
            ("cost_lines", self.cost_model),
            ("payments", self.payment_model),
        ):
            error = table.first_error()
            if error:
                raise ValidationError(field, error)
        data = InitiativeData(
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            business_value=self.value_edit.toPlainText(),
            horizon=self.horizon_combo.currentData(),
            start_month=self.start_spin.value(),
            end_month=self.end_spin.value(),
            owner=self.owner_edit.text(),
            status=self.status_combo.currentData(),
            cfo_confirmed=self.cfo_box.isChecked(),
            goal_ids=self.goals_list.ticked_ids(),
            insight_ids=self.insights_list.ticked_ids(),
            depends_on_ids=self.depends_list.ticked_ids(),
        )
        return InitiativeDraft(
            data,
            cost_lines=self.cost_model.lines(),
            payments=self.payment_model.payments(),
            milestones=self.milestone_model.milestones(),
        )


def _padded(content: QWidget) -> QWidget:
    """`content` inside the usual margins of a tab page."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(content)
    return page


def new_draft(horizon: int = 6, **changes: object) -> InitiativeDraft:
    """A draft for a new initiative on `horizon`, spanning that horizon's own months."""
    start = {6: 1, 12: 7, 24: 13}.get(horizon, 1)
    data = InitiativeData("", horizon=horizon, start_month=start, end_month=horizon)
    return InitiativeDraft(dataclasses.replace(data, **changes))  # type: ignore[arg-type]
