"""The Budget tab: what the plan costs, when, who confirmed it, and how it is paid.

Every figure is a field of `ws.budget.summary()` (the budget service also
feeds the PDF), formatted in the workspace currency by `money.py`; nothing
is added up here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.budget import YEAR_MONTHS, Budget, InitiativeBudget, Totals
from cio_desk.store.enums import HORIZONS, CostCategory
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import TAB_MARGINS, PlanTab, Section, Table, muted
from cio_desk.ui.widgets.cards import StatCard

_DETAILS_MIN_HEIGHT = 260
_SIDE_BY_SIDE_WIDTH = 960  # below this width the totals tables stack
_SCROLL_GAP = 8  # between the cards and the scroll bar


@dataclass(frozen=True)
class TotalsLine:
    """A labelled pair of yearly amounts; the last line of a table is its total."""

    label: str
    totals: Totals
    is_total: bool = False


@dataclass(frozen=True)
class MonthLine:
    """One plan month: cost charged and payments scheduled, in the month and so far."""

    month: int
    cost: int
    cost_so_far: int
    paid: int
    paid_so_far: int


class TotalsModel(RowsModel[TotalsLine]):
    """Label, year 1, year 2, total."""

    LABEL, YEAR1, YEAR2, TOTAL = range(4)
    number_columns = frozenset({YEAR1, YEAR2, TOTAL})

    def __init__(self, first_header: str, parent: QWidget | None = None) -> None:
        super().__init__(
            [first_header, self.tr("Year 1"), self.tr("Year 2"), self.tr("Total")], parent
        )
        self.budget: Budget | None = None

    def cell(self, item: TotalsLine, column: int) -> str:
        if column == self.LABEL:
            return item.label
        assert self.budget is not None
        amount = (item.totals.year1, item.totals.year2, item.totals.total)[column - 1]
        return self.budget.format(amount)

    def bold(self, item: TotalsLine, column: int) -> bool:
        return item.is_total


class InitiativeCostsModel(RowsModel[InitiativeBudget]):
    """Each initiative's costs, schedule and whether the CFO confirmed them."""

    TITLE, HORIZON, START, ONE_OFF, PER_YEAR, TOTAL, SCHEDULED, GAP, CFO = range(9)
    number_columns = frozenset({START, ONE_OFF, PER_YEAR, TOTAL, SCHEDULED, GAP})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Initiative"),
                self.tr("Horizon"),
                self.tr("Starts"),
                self.tr("One-off"),
                self.tr("Per year"),
                self.tr("Over the plan"),
                self.tr("Scheduled"),
                self.tr("To schedule"),
                self.tr("CFO"),
            ],
            parent,
        )
        self.header_tooltips = {
            self.TOTAL: self.tr("Charged over the 24 months (year 1 and year 2 in the tooltip)"),
            self.GAP: self.tr("Cost over the plan minus the payments scheduled"),
            self.CFO: self.tr("Whether the CFO has confirmed the cost"),
        }
        self.budget: Budget | None = None

    def _amount(self, item: InitiativeBudget, column: int) -> int:
        return {
            self.ONE_OFF: item.one_off,
            self.PER_YEAR: item.per_year,
            self.TOTAL: item.cost.total,
            self.SCHEDULED: item.scheduled,
            self.GAP: item.gap,
        }[column]

    def cell(self, item: InitiativeBudget, column: int) -> str:
        match column:
            case self.TITLE:
                return item.title
            case self.HORIZON:
                return fmt.horizon_short_label(item.horizon)
            case self.START:
                return fmt.month_span(item.start_month, item.start_month)
            case self.CFO:
                return self.tr("Confirmed") if item.cfo_confirmed else self.tr("Not yet")
        assert self.budget is not None
        return self.budget.format(self._amount(item, column))

    def sort_value(self, item: InitiativeBudget, column: int) -> object:
        if column == self.HORIZON:
            return item.horizon
        if column == self.START:
            return item.start_month
        if column in self.number_columns:
            return self._amount(item, column)
        return super().sort_value(item, column)

    def tone(self, item: InitiativeBudget, column: int) -> str | None:
        if column == self.GAP and item.scheduled and item.gap:
            return "warn"
        if column == self.CFO:
            return "good" if item.cfo_confirmed else "muted"
        if column == self.TOTAL and not item.cost_lines:
            return "warn"
        return None

    def tooltip(self, item: InitiativeBudget, column: int) -> str | None:
        if column == self.TITLE:
            return item.title
        if column == self.TOTAL:
            if not item.cost_lines:
                return self.tr("No cost lines yet: the budget is incomplete.")
            assert self.budget is not None
            return self.tr("{year1} in year 1, {year2} in year 2").format(
                year1=self.budget.format(item.cost.year1),
                year2=self.budget.format(item.cost.year2),
            )
        return None


class MonthsModel(RowsModel[MonthLine]):
    """Month, cost charged, cumulative cost, payments, cumulative payments."""

    MONTH, COST, COST_SO_FAR, PAID, PAID_SO_FAR = range(5)
    number_columns = frozenset({COST, COST_SO_FAR, PAID, PAID_SO_FAR})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Month"),
                self.tr("Cost charged"),
                self.tr("Cost so far"),
                self.tr("Payments"),
                self.tr("Paid so far"),
            ],
            parent,
        )
        self.budget: Budget | None = None

    def cell(self, item: MonthLine, column: int) -> str:
        if column == self.MONTH:
            year = 1 if item.month <= YEAR_MONTHS else 2
            return self.tr("Month {n} (year {year})").format(n=item.month, year=year)
        assert self.budget is not None
        amounts = (item.cost, item.cost_so_far, item.paid, item.paid_so_far)
        return self.budget.format(amounts[column - 1])

    def bold(self, item: MonthLine, column: int) -> bool:
        return item.month % YEAR_MONTHS == 0

    def tone(self, item: MonthLine, column: int) -> str | None:
        if column in (self.COST, self.PAID) and not (
            item.cost if column == self.COST else item.paid
        ):
            return "muted"
        return None


class BudgetTab(PlanTab):
    """Totals by horizon, category, initiative and month, confirmed or not, paid or not."""

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self._build()

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        body.setObjectName("pageBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        left, top, _right, _bottom = TAB_MARGINS
        layout.setContentsMargins(left, top, _SCROLL_GAP, _SCROLL_GAP)
        layout.setSpacing(10)
        self.rules_label = muted("", body)
        layout.addWidget(self.rules_label)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.total_card = StatCard(self.tr("Over 24 months"), body)
        self.confirmed_card = StatCard(self.tr("Confirmed by the CFO"), body)
        self.scheduled_card = StatCard(self.tr("Payments scheduled"), body)
        for card in (self.total_card, self.confirmed_card, self.scheduled_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)
        self._totals_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._totals_row.setSpacing(12)
        top = body
        self.horizon_model = TotalsModel(self.tr("Horizon"), self)
        self.category_model = TotalsModel(self.tr("Category"), self)
        self.horizon_table = self._table_section(top, self.tr("By horizon"), self.horizon_model)
        self.category_table = self._table_section(top, self.tr("By category"), self.category_model)
        self.horizon_table.fit_columns(TotalsModel.LABEL)
        self.category_table.fit_columns(TotalsModel.LABEL)
        layout.addLayout(self._totals_row)
        self.details = QTabWidget(body)
        self.details.setMinimumHeight(_DETAILS_MIN_HEIGHT)
        self.initiative_model = InitiativeCostsModel(self)
        self.initiative_table = Table(self.initiative_model, self.details)
        self.initiative_table.fit_columns(InitiativeCostsModel.TITLE)
        self.months_model = MonthsModel(self)
        self.months_table = Table(self.months_model, self.details, sortable=False)
        self.months_table.fit_columns(MonthsModel.MONTH)
        self.details.addTab(self.initiative_table, self.tr("By initiative"))
        self.details.addTab(self.months_table, self.tr("Month by month"))
        layout.addWidget(self.details, 1)
        self.initiative_table.open_row.connect(self.edits.edit_initiative)

    def _table_section(self, parent: QWidget, title: str, model: TotalsModel) -> Table:
        section = Section(title, parent)
        table = Table(model, section, sortable=False)
        section.body.addWidget(table)
        self._totals_row.addWidget(section, 1, Qt.AlignmentFlag.AlignTop)
        return table

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The two totals tables sit side by side when they fit, one under the other when not."""
        super().resizeEvent(event)
        stacked = event.size().width() < _SIDE_BY_SIDE_WIDTH
        self._totals_row.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        budget = self.ws.budget.summary()
        for model in (
            self.horizon_model,
            self.category_model,
            self.initiative_model,
            self.months_model,
        ):
            model.budget = budget
        self.rules_label.setText(
            self.tr(
                "Amounts in {currency}. One-off costs are charged in the month an initiative "
                "starts, yearly costs every twelve months from then; dropped initiatives cost "
                "nothing."
            ).format(currency=budget.currency)
        )
        self._show_cards(budget)
        horizons = [
            TotalsLine(fmt.horizon_label(h), budget.by_horizon[h])
            for h in HORIZONS
            if h in budget.by_horizon
        ]
        total = TotalsLine(self.tr("Total"), budget.total, is_total=True)
        _show_all_rows(self.horizon_table, [*horizons, total])
        categories = [
            TotalsLine(fmt.cost_category_label(c), budget.by_category[c])
            for c in CostCategory
            if c in budget.by_category and budget.by_category[c].total
        ]
        _show_all_rows(self.category_table, [*categories, total])
        self.initiative_table.set_rows(budget.initiatives)
        self.months_table.set_rows(
            [
                MonthLine(month, cost, so_far, paid, paid_so_far)
                for month, cost, so_far, paid, paid_so_far in zip(
                    range(1, len(budget.monthly) + 1),
                    budget.monthly,
                    budget.cumulative,
                    budget.payments_monthly,
                    budget.payments_cumulative,
                    strict=True,
                )
            ]
        )

    def _show_cards(self, budget: Budget) -> None:
        total = budget.total
        money = budget.format
        self.total_card.headline.setText(money(total.total))
        if total.total:
            caption = self.tr("{year1} in year 1 · {year2} in year 2").format(
                year1=money(total.year1), year2=money(total.year2)
            )
        else:
            caption = self.tr("No costs yet: give each initiative its cost lines.")
        self.total_card.caption.setText(caption)
        self.total_card.meter.hide()
        share = budget.confirmed.total / total.total if total.total else 0.0
        self.confirmed_card.headline.setText(money(budget.confirmed.total))
        self.confirmed_card.meter.set_fraction(share, tone="good" if share >= 1 else None)
        self.confirmed_card.caption.setText(
            self.tr("Not yet confirmed: {amount}").format(amount=money(budget.unconfirmed.total))
        )
        scheduled = budget.scheduled_total
        self.scheduled_card.headline.setText(money(scheduled))
        self.scheduled_card.meter.set_fraction(
            min(scheduled / total.total, 1.0) if total.total else 0.0
        )
        if budget.unscheduled > 0:
            text = self.tr("Still to schedule: {amount}").format(amount=money(budget.unscheduled))
        elif budget.unscheduled < 0:
            text = self.tr("Scheduled beyond the cost: {amount}").format(
                amount=money(-budget.unscheduled)
            )
        elif scheduled:
            text = self.tr("The schedule matches the cost.")
        else:
            text = self.tr("No payments scheduled yet.")
        self.scheduled_card.caption.setText(text)


def _show_all_rows(table: Table, lines: list[TotalsLine]) -> None:
    """A small totals table as tall as its lines: no scrolling, no blank rows."""
    table.set_rows(lines)
    rows = table.verticalHeader().defaultSectionSize() * len(lines)
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(rows + header + 2 * table.frameWidth())
