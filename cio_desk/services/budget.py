"""The budget roll-up: what the plan costs, when, and how it will be paid.

All figures are integer minor units of the workspace currency, summed exactly.

Rules kept here:
- The plan runs 24 months: year 1 is months 1-12, year 2 months 13-24.
- A one-off cost line is charged once, in its initiative's start month.
- A per-year cost line is charged in the start month and again every 12
  months after, within the 24 months: an initiative starting in months 1-12
  pays it in both years, one starting in months 13-24 once. The end month
  does not stop it, because licences, maintenance and staff go on after
  delivery. Example: 100,000 a year from month 10 is charged in month 10
  (year 1) and month 22 (year 2): 200,000 over the plan.
- Dropped initiatives cost nothing and are left out.
- The payment schedule is compared with the cost over the 24 months:
  `gap` = cost - scheduled payments (positive: still to schedule; negative:
  more scheduled than the cost lines add up to).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from sqlalchemy import func, select

from cio_desk.services.base import Manager
from cio_desk.services.money import DEFAULT_CURRENCY, format_amount
from cio_desk.store.enums import HORIZONS, CostCategory, CostRecurrence, InitiativeStatus
from cio_desk.store.models import CostLine, Initiative, Payment, Profile

MONTHS = 24
YEAR_MONTHS = 12


@cache
def charge_months(start_month: int, recurrence: CostRecurrence) -> tuple[int, ...]:
    """The months in which a cost line of an initiative starting in `start_month` is charged."""
    if recurrence == CostRecurrence.ONE_OFF:
        return (start_month,)
    return tuple(range(start_month, MONTHS + 1, YEAR_MONTHS))


def year_of(month: int) -> int:
    """1 for months 1-12, 2 for months 13-24."""
    return 1 if month <= YEAR_MONTHS else 2


@dataclass(frozen=True)
class Totals:
    """An amount split by plan year."""

    year1: int = 0
    year2: int = 0

    @property
    def total(self) -> int:
        return self.year1 + self.year2

    def __add__(self, other: Totals) -> Totals:
        return Totals(self.year1 + other.year1, self.year2 + other.year2)


@dataclass(frozen=True)
class CostPreview:
    """One initiative's cost over the plan and its schedule, before they are saved."""

    cost: Totals
    scheduled: int

    @property
    def gap(self) -> int:
        """Cost over the plan minus scheduled payments, as `InitiativeBudget.gap`."""
        return self.cost.total - self.scheduled


def preview_cost(
    start_month: int,
    lines: Iterable[tuple[CostRecurrence, int]],
    payments: Iterable[int] = (),
) -> CostPreview:
    """What `summary()` will say about an initiative with these cost lines and payments.

    Used by forms while the lines are typed; the same charging rules as the roll-up.
    """
    year1 = year2 = 0
    for recurrence, amount in lines:
        in_year1, in_year2 = _years(charge_months(start_month, recurrence))
        year1 += amount * in_year1
        year2 += amount * in_year2
    return CostPreview(Totals(year1, year2), sum(payments))


@dataclass(frozen=True)
class InitiativeBudget:
    """One initiative's cost lines rolled up, and its payment schedule."""

    id: int
    title: str
    horizon: int
    start_month: int
    cfo_confirmed: bool
    one_off: int  # sum of its one-off lines
    per_year: int  # sum of its per-year lines (one year's worth)
    cost: Totals  # charged over the plan, per the rules above
    scheduled: int  # sum of its payment schedule
    cost_lines: int  # how many cost lines it has

    @property
    def gap(self) -> int:
        """Cost over the plan minus scheduled payments (0 when they match)."""
        return self.cost.total - self.scheduled


@dataclass(frozen=True)
class Budget:
    """Every budget figure of the plan, computed in one call."""

    currency: str
    initiatives: list[InitiativeBudget]  # by horizon and rank
    by_horizon: dict[int, Totals]
    by_category: dict[CostCategory, Totals]
    monthly: tuple[int, ...]  # cost charged in months 1..24
    payments_monthly: tuple[int, ...]  # payments scheduled in months 1..24
    confirmed: Totals  # initiatives whose cost the CFO confirmed
    unconfirmed: Totals

    @property
    def total(self) -> Totals:
        return self.confirmed + self.unconfirmed

    @property
    def cumulative(self) -> tuple[int, ...]:
        """Cost charged up to and including each month."""
        return tuple(accumulate(self.monthly))

    @property
    def payments_cumulative(self) -> tuple[int, ...]:
        return tuple(accumulate(self.payments_monthly))

    @property
    def scheduled_total(self) -> int:
        return sum(self.payments_monthly)

    @property
    def unscheduled(self) -> int:
        """Cost over the plan minus every scheduled payment (negative: more scheduled)."""
        return self.total.total - self.scheduled_total

    def format(self, minor: int) -> str:
        """An amount of this budget for display, in the workspace currency."""
        return format_amount(minor, self.currency)


class BudgetService(Manager):
    """`ws.budget`: totals by horizon, initiative and category, per year and cumulative."""

    def summary(self) -> Budget:
        """Every figure, from a few grouped queries (cost lines summed per initiative)."""
        initiative, line, payment = (
            Initiative.__table__.c,
            CostLine.__table__.c,
            Payment.__table__.c,
        )
        active = initiative.status != InitiativeStatus.DROPPED
        with self._read() as session:
            currency = session.scalar(select(Profile.__table__.c.currency))
            initiatives = session.execute(
                select(
                    initiative.id,
                    initiative.title,
                    initiative.horizon,
                    initiative.start_month,
                    initiative.cfo_confirmed,
                )
                .where(active)
                .order_by(initiative.horizon, initiative.rank, initiative.id)
            ).all()
            costs = session.execute(
                select(
                    line.initiative_id,
                    line.category,
                    line.recurrence,
                    func.sum(line.amount_minor),
                    func.count(),
                ).group_by(line.initiative_id, line.category, line.recurrence)
            ).all()
            payments = session.execute(
                select(payment.initiative_id, payment.month, func.sum(payment.amount_minor))
                .join(Initiative.__table__, initiative.id == payment.initiative_id)
                .where(active)
                .group_by(payment.initiative_id, payment.month)
            ).all()
        return _roll_up(currency or DEFAULT_CURRENCY, initiatives, costs, payments)


def _roll_up(currency: str, initiatives: list, costs: list, payments: list) -> Budget:
    """Apply the charging rules to the grouped sums; all arithmetic on integers."""
    start = {row.id: row.start_month for row in initiatives}
    monthly = [0] * (MONTHS + 1)  # index 0 unused
    by_category = {category: [0, 0] for category in CostCategory}
    tallies = {initiative_id: [0, 0, 0, 0, 0] for initiative_id in start}
    for initiative_id, category, recurrence, amount, count in costs:
        if initiative_id not in start:  # a dropped initiative
            continue
        months = charge_months(start[initiative_id], recurrence)
        year1, year2 = _years(months)
        for month in months:
            monthly[month] += amount
        by_category[category][0] += amount * year1
        by_category[category][1] += amount * year2
        tally = tallies[initiative_id]  # one-off, per year, year 1, year 2, lines
        tally[0 if recurrence == CostRecurrence.ONE_OFF else 1] += amount
        tally[2] += amount * year1
        tally[3] += amount * year2
        tally[4] += count
    scheduled: dict[int, int] = {}
    payments_monthly = [0] * (MONTHS + 1)
    for initiative_id, month, amount in payments:
        scheduled[initiative_id] = scheduled.get(initiative_id, 0) + amount
        payments_monthly[month] += amount
    rows = [
        InitiativeBudget(
            id=row.id,
            title=row.title,
            horizon=row.horizon,
            start_month=row.start_month,
            cfo_confirmed=row.cfo_confirmed,
            one_off=tallies[row.id][0],
            per_year=tallies[row.id][1],
            cost=Totals(tallies[row.id][2], tallies[row.id][3]),
            scheduled=scheduled.get(row.id, 0),
            cost_lines=tallies[row.id][4],
        )
        for row in initiatives
    ]
    by_horizon = {h: Totals() for h in HORIZONS}
    confirmed, unconfirmed = Totals(), Totals()
    for item in rows:
        by_horizon[item.horizon] += item.cost
        if item.cfo_confirmed:
            confirmed += item.cost
        else:
            unconfirmed += item.cost
    return Budget(
        currency=currency,
        initiatives=rows,
        by_horizon=by_horizon,
        by_category={c: Totals(y1, y2) for c, (y1, y2) in by_category.items()},
        monthly=tuple(monthly[1:]),
        payments_monthly=tuple(payments_monthly[1:]),
        confirmed=confirmed,
        unconfirmed=unconfirmed,
    )


@cache
def _years(months: tuple[int, ...]) -> tuple[int, int]:
    """How many of `months` fall in year 1 and in year 2."""
    year1 = sum(1 for m in months if year_of(m) == 1)
    return year1, len(months) - year1
