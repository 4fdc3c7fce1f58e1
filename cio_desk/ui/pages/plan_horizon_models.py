"""The tables of a horizon tab: measures, key priorities, contingencies, next steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from cio_desk.services.budget import Budget
from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.plan_horizons import (
    ContingencyRecord,
    MeasureRecord,
    NextStepRecord,
    measure_warnings,
)
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import one_line
from cio_desk.ui.pages.plan_models import RowsModel


def measure_number(value: float | None) -> str:
    """A measure's figure: "1,850", "4.2", "" when not set."""
    return "" if value is None else f"{value:,g}"


class MeasuresModel(RowsModel[MeasureRecord]):
    """Measure, baseline, target, current value, unit, progress."""

    NAME, BASELINE, TARGET, CURRENT, UNIT, PROGRESS = range(6)
    number_columns = frozenset({BASELINE, TARGET, CURRENT, PROGRESS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Measure"),
                self.tr("Baseline"),
                self.tr("Target"),
                self.tr("Current"),
                self.tr("Unit"),
                self.tr("Progress"),
            ],
            parent,
        )
        self.titles: dict[int, str] = {}

    def cell(self, item: MeasureRecord, column: int) -> str:
        match column:
            case self.NAME:
                return item.name
            case self.BASELINE:
                return measure_number(item.baseline)
            case self.TARGET:
                return measure_number(item.target)
            case self.CURRENT:
                return measure_number(item.current)
            case self.UNIT:
                return item.unit
        progress = item.progress
        return "" if progress is None else f"{round(progress * 100)} %"

    def sort_value(self, item: MeasureRecord, column: int) -> object:
        values = {
            self.BASELINE: item.baseline,
            self.TARGET: item.target,
            self.CURRENT: item.current,
            self.PROGRESS: item.progress,
        }
        if column in values:
            value = values[column]
            return float("-inf") if value is None else value
        return super().sort_value(item, column)

    def tone(self, item: MeasureRecord, column: int) -> str | None:
        if column == self.TARGET and item.target_equals_baseline:
            return "warn"
        if column == self.PROGRESS and item.progress is not None:
            if item.progress >= 1:
                return "good"
            if item.progress < 0:
                return "warn"
        return None

    def tooltip(self, item: MeasureRecord, column: int) -> str | None:
        if column == self.NAME:
            title = self.titles.get(item.initiative_id or 0)
            if title:
                return self.tr("{name}\nFor: {initiative}").format(name=item.name, initiative=title)
            return item.name
        if column == self.TARGET:
            warnings = measure_warnings(item)
            if warnings:
                return warnings[0].message
        if column == self.CURRENT and item.current_on is not None:
            return self.tr("As of {date}").format(date=fmt.long_date(item.current_on))
        if column == self.PROGRESS:
            return self.tr("Share of the way from the baseline to the target.")
        return None


class PrioritiesModel(RowsModel[InitiativeRecord]):
    """Rank, initiative, months, owner, status, cost over the plan."""

    RANK, TITLE, MONTHS, OWNER, STATUS, COST = range(6)
    number_columns = frozenset({RANK, COST})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("#"),
                self.tr("Initiative"),
                self.tr("Months"),
                self.tr("Owner"),
                self.tr("Status"),
                self.tr("Cost"),
            ],
            parent,
        )
        self.header_tooltips = {self.COST: self.tr("Cost over the 24 months, as in the budget")}
        self.budget: Budget | None = None
        self.costs: dict[int, int] = {}

    def cell(self, item: InitiativeRecord, column: int) -> str:
        match column:
            case self.RANK:
                return str(self.number(item))
            case self.TITLE:
                return item.title
            case self.MONTHS:
                return fmt.month_span(item.start_month, item.end_month)
            case self.OWNER:
                return item.owner or self.tr("No owner")
            case self.STATUS:
                return fmt.initiative_status_label(item.status)
        if self.budget is None or item.id not in self.costs:
            return ""
        return self.budget.format(self.costs[item.id])

    def tone(self, item: InitiativeRecord, column: int) -> str | None:
        if column == self.OWNER and not item.owner.strip():
            return "warn"
        return None

    def tooltip(self, item: InitiativeRecord, column: int) -> str | None:
        if column == self.TITLE:
            return item.business_value or item.description or None
        return None


class ContingenciesModel(RowsModel[ContingencyRecord]):
    """If this happens, we will, owner, what it is linked to."""

    TRIGGER, RESPONSE, OWNER, LINKED = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("If this happens"), self.tr("We will"), self.tr("Owner"), self.tr("For")],
            parent,
        )
        self.initiatives: dict[int, str] = {}
        self.risks: dict[int, str] = {}

    def cell(self, item: ContingencyRecord, column: int) -> str:
        match column:
            case self.TRIGGER:
                return one_line(item.trigger)
            case self.RESPONSE:
                return one_line(item.response)
            case self.OWNER:
                return item.owner
        linked = []
        if item.risk_id is not None and item.risk_id in self.risks:
            linked.append(self.tr("Risk: {title}").format(title=self.risks[item.risk_id]))
        if item.initiative_id is not None and item.initiative_id in self.initiatives:
            linked.append(self.initiatives[item.initiative_id])
        return self.tr(" · ").join(linked)

    def tooltip(self, item: ContingencyRecord, column: int) -> str | None:
        texts = {self.TRIGGER: item.trigger, self.RESPONSE: item.response}
        return texts.get(column) or None


class NextStepsModel(RowsModel[NextStepRecord]):
    """Done, step, owner, due date (overdue ones flagged)."""

    DONE, TEXT, OWNER, DUE = range(4)
    checkable_columns = frozenset({DONE})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("Done"), self.tr("Step"), self.tr("Owner"), self.tr("Due")], parent
        )
        self.today = dt.date.today()

    def cell(self, item: NextStepRecord, column: int) -> str:
        match column:
            case self.DONE:
                return ""
            case self.TEXT:
                return one_line(item.text)
            case self.OWNER:
                return item.owner
        if item.due_date is None:
            return ""
        date = fmt.short_date(item.due_date)
        if item.is_overdue(self.today):
            return self.tr("{date} · overdue").format(date=date)
        return date

    def checked(self, item: NextStepRecord, column: int) -> bool | None:
        return item.done if column == self.DONE else None

    def sort_value(self, item: NextStepRecord, column: int) -> object:
        if column == self.DUE:
            return item.due_date or dt.date.max
        if column == self.DONE:
            return item.done
        return super().sort_value(item, column)

    def tone(self, item: NextStepRecord, column: int) -> str | None:
        if item.done:
            return "muted"
        if column == self.DUE and item.is_overdue(self.today):
            return "warn"
        return None

    def tooltip(self, item: NextStepRecord, column: int) -> str | None:
        if column == self.DONE:
            return self.tr("Tick when done (Space)")
        return item.text if column == self.TEXT else None
