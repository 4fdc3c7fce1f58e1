"""Budget roll-ups, checked against figures worked out by hand (amounts in fen)."""

from __future__ import annotations

import dataclasses

import pytest

from cio_desk.services.budget import Totals, charge_months, preview_cost
from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan_costs import CostLineData, PaymentData
from cio_desk.store.enums import CostCategory, CostRecurrence, InitiativeStatus
from cio_desk.workspace import Workspace

ONE_OFF, PER_YEAR = CostRecurrence.ONE_OFF, CostRecurrence.PER_YEAR


@pytest.mark.parametrize(
    ("start", "recurrence", "months"),
    [
        (1, ONE_OFF, (1,)),
        (20, ONE_OFF, (20,)),
        (1, PER_YEAR, (1, 13)),
        (10, PER_YEAR, (10, 22)),
        (12, PER_YEAR, (12, 24)),
        (13, PER_YEAR, (13,)),
        (24, PER_YEAR, (24,)),
    ],
)
def test_when_a_cost_line_is_charged(start: int, recurrence: CostRecurrence, months: tuple) -> None:
    assert charge_months(start, recurrence) == months


class Plan:
    """Four initiatives and a dropped one; see each figure's working in the tests."""

    def __init__(self, ws: Workspace) -> None:
        plan = ws.plan

        def initiative(title: str, horizon: int, start: int, end: int, **more) -> int:
            return plan.initiatives.add(
                InitiativeData(title, horizon=horizon, start_month=start, end_month=end, **more)
            ).id

        def cost(owner: int, category: CostCategory, amount: int, recurrence=ONE_OFF) -> None:
            plan.cost_lines.add(CostLineData(owner, category, amount, recurrence))

        def pay(owner: int, month: int, amount: int) -> None:
            plan.payments.add(PaymentData(owner, month, amount))

        self.erp = initiative("ERP", 12, 3, 12, cfo_confirmed=True)
        cost(self.erp, CostCategory.LICENCE, 10_000_000, PER_YEAR)  # months 3 and 15
        cost(self.erp, CostCategory.IMPLEMENTATION, 30_000_000)  # month 3
        cost(self.erp, CostCategory.CUSTOMISATION, 5_000_000)  # month 3
        pay(self.erp, 3, 20_000_000)
        pay(self.erp, 9, 20_000_000)
        pay(self.erp, 15, 15_000_000)

        self.data = initiative("Data platform", 24, 14, 24)
        cost(self.data, CostCategory.INFRASTRUCTURE, 8_000_000)  # month 14
        cost(self.data, CostCategory.MAINTENANCE, 2_000_000, PER_YEAR)  # month 14 only
        pay(self.data, 14, 5_000_000)

        self.desk = initiative("Helpdesk", 6, 1, 6)
        cost(self.desk, CostCategory.STAFF, 12_000_000, PER_YEAR)  # months 1 and 13
        cost(self.desk, CostCategory.LICENCE, 1)  # month 1

        self.charter = initiative("IT charter", 6, 2, 3)  # no cost lines

        dropped = initiative("Sales app", 6, 1, 6, status=InitiativeStatus.DROPPED)
        cost(dropped, CostCategory.LICENCE, 99_900)
        pay(dropped, 2, 99_900)


@pytest.fixture
def plan(ws: Workspace) -> Plan:
    return Plan(ws)


def test_totals_per_year_and_over_the_plan(ws: Workspace, plan: Plan) -> None:
    budget = ws.budget.summary()
    # year 1: ERP 10M + 30M + 5M, Helpdesk 12M + 1; year 2: ERP 10M, data 8M + 2M, desk 12M
    assert budget.total == Totals(57_000_001, 32_000_000)
    assert budget.total.total == 89_000_001
    assert budget.format(budget.total.total) == "¥890,000.01"


def test_totals_by_horizon(ws: Workspace, plan: Plan) -> None:
    assert ws.budget.summary().by_horizon == {
        6: Totals(12_000_001, 12_000_000),
        12: Totals(45_000_000, 10_000_000),
        24: Totals(0, 10_000_000),
    }


def test_totals_by_category(ws: Workspace, plan: Plan) -> None:
    assert ws.budget.summary().by_category == {
        CostCategory.LICENCE: Totals(10_000_001, 10_000_000),
        CostCategory.IMPLEMENTATION: Totals(30_000_000, 0),
        CostCategory.CUSTOMISATION: Totals(5_000_000, 0),
        CostCategory.MAINTENANCE: Totals(0, 2_000_000),
        CostCategory.INFRASTRUCTURE: Totals(0, 8_000_000),
        CostCategory.STAFF: Totals(12_000_000, 12_000_000),
        CostCategory.OTHER: Totals(0, 0),
    }


def test_totals_by_initiative_with_payment_gaps(ws: Workspace, plan: Plan) -> None:
    rows = {row.id: row for row in ws.budget.summary().initiatives}
    assert list(rows) == [plan.desk, plan.charter, plan.erp, plan.data]  # by horizon, rank
    erp = rows[plan.erp]
    assert (erp.one_off, erp.per_year, erp.cost_lines) == (35_000_000, 10_000_000, 3)
    assert erp.cost == Totals(45_000_000, 10_000_000)
    assert (erp.scheduled, erp.gap) == (55_000_000, 0)
    assert (rows[plan.data].scheduled, rows[plan.data].gap) == (5_000_000, 5_000_000)
    assert (rows[plan.desk].scheduled, rows[plan.desk].gap) == (0, 24_000_001)
    charter = rows[plan.charter]
    assert (charter.cost, charter.cost_lines, charter.gap) == (Totals(), 0, 0)


def test_monthly_and_cumulative_figures(ws: Workspace, plan: Plan) -> None:
    budget = ws.budget.summary()
    charged = {m + 1: amount for m, amount in enumerate(budget.monthly) if amount}
    assert charged == {1: 12_000_001, 3: 45_000_000, 13: 12_000_000, 14: 10_000_000, 15: 10_000_000}
    assert budget.cumulative[11] == 57_000_001  # end of year 1
    assert budget.cumulative[23] == budget.total.total
    paid = {m + 1: amount for m, amount in enumerate(budget.payments_monthly) if amount}
    assert paid == {3: 20_000_000, 9: 20_000_000, 14: 5_000_000, 15: 15_000_000}
    assert budget.scheduled_total == budget.payments_cumulative[-1] == 60_000_000


def test_cfo_confirmed_and_unconfirmed_totals(ws: Workspace, plan: Plan) -> None:
    budget = ws.budget.summary()
    assert budget.confirmed == Totals(45_000_000, 10_000_000)
    assert budget.unconfirmed == Totals(12_000_001, 22_000_000)
    ws.plan.initiatives.update(plan.data, cfo_confirmed=True)
    assert ws.budget.summary().confirmed == Totals(45_000_000, 20_000_000)


def test_moving_an_initiative_moves_its_costs(ws: Workspace, plan: Plan) -> None:
    # Helpdesk from month 1 to month 4: staff still charged in both years (4 and 16).
    ws.plan.initiatives.update(plan.desk, start_month=4)
    assert ws.budget.summary().monthly[3] == 12_000_001
    # Data platform starting in month 24: its per-year maintenance is charged once.
    ws.plan.initiatives.update(plan.data, start_month=24)
    assert ws.budget.summary().by_horizon[24] == Totals(0, 10_000_000)


def test_amounts_show_in_the_workspace_currency(ws: Workspace, plan: Plan) -> None:
    profile = ws.profile.get()
    assert profile is not None
    ws.profile.save(dataclasses.replace(profile, currency="USD"))
    budget = ws.budget.summary()
    assert (budget.currency, budget.format(1_234_56)) == ("USD", "$1,234.56")


def test_an_empty_plan_costs_nothing(ws: Workspace) -> None:
    budget = ws.budget.summary()
    assert budget.total == Totals() and budget.initiatives == []
    assert budget.cumulative == (0,) * 24


def test_unscheduled_is_the_cost_not_yet_in_a_payment_schedule(ws: Workspace, plan: Plan) -> None:
    budget = ws.budget.summary()
    assert budget.unscheduled == budget.total.total - 60_000_000


def test_a_preview_agrees_with_the_roll_up(ws: Workspace, plan: Plan) -> None:
    erp = next(i for i in ws.budget.summary().initiatives if i.id == plan.erp)
    lines = [
        (c.recurrence, c.amount_minor) for c in ws.plan.cost_lines.list(initiative_id=plan.erp)
    ]
    payments = [p.amount_minor for p in ws.plan.payments.list(initiative_id=plan.erp)]
    preview = preview_cost(erp.start_month, lines, payments)
    assert (preview.cost, preview.scheduled, preview.gap) == (erp.cost, erp.scheduled, erp.gap)


def test_a_preview_worked_by_hand() -> None:
    # 100,000 a year from month 10: months 10 and 22; plus 5,000 once; 60,000 scheduled.
    preview = preview_cost(10, [(PER_YEAR, 10_000_000), (ONE_OFF, 500_000)], [6_000_000])
    assert preview.cost == Totals(10_500_000, 10_000_000)
    assert preview.gap == 20_500_000 - 6_000_000
