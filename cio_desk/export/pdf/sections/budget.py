"""Budget: by horizon, by initiative and by category, with a chart by plan year.

Every figure is the budget service's (`ws.budget.summary()`), so the document
and the Budget page agree to the cent.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.charts import BudgetSeries, budget_bars
from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import COST_CATEGORY_NAMES, HORIZON_TITLES
from cio_desk.services.money import minor_digits
from cio_desk.store.enums import HORIZONS, CostCategory


def build(ctx: SectionContext) -> list[Flowable]:
    budget = ctx.content.budget
    story: list[Flowable] = [ctx.heading(ctx.tr("Budget"))]
    if not budget.total.total:
        return [*story, ctx.empty(ctx.tr("No costs recorded yet."))]
    total = ctx.money(budget.total.total)
    intro = ctx.tr(
        "The plan costs {total} over 24 months: {year1} in the first year and {year2} in "
        "the second. One-off costs are charged when an initiative starts, yearly costs "
        "every twelve months from then.",
        total=total,
        year1=ctx.money(budget.total.year1),
        year2=ctx.money(budget.total.year2),
    )
    story += [ctx.fixed(intro, ctx.styles.lead), _chart(ctx)]
    story += _by_horizon(ctx, total)
    story += _by_category(ctx)
    story += _by_initiative(ctx)
    return story


def _by_horizon(ctx: SectionContext, total: str) -> list[Flowable]:
    budget = ctx.content.budget
    rows: list[list] = []
    for horizon in HORIZONS:
        totals = budget.by_horizon.get(horizon)
        if totals is None:
            continue
        rows.append(
            [
                ctx.tr(HORIZON_TITLES[horizon]),
                ctx.money(totals.year1),
                ctx.money(totals.year2),
                ctx.money(totals.total),
            ]
        )
    rows.append(
        [
            ctx.fixed(ctx.tr("Total"), ctx.styles.cell_bold),
            ctx.money(budget.total.year1),
            ctx.money(budget.total.year2),
            ctx.markup(f"<b>{ctx.escape(total)}</b>", ctx.styles.cell_right),
        ]
    )
    header = [ctx.tr("Horizon"), ctx.tr("Year 1"), ctx.tr("Year 2"), ctx.tr("Total")]
    table = ctx.table(header, rows, [4, 1.6, 1.6, 1.8], right=[1, 2, 3])
    return [ctx.heading(ctx.tr("By horizon"), level=1), *table]


def _by_category(ctx: SectionContext) -> list[Flowable]:
    budget = ctx.content.budget
    rows = [
        [ctx.tr(COST_CATEGORY_NAMES[c]), ctx.money(budget.by_category[c].total)]
        for c in CostCategory
        if c in budget.by_category and budget.by_category[c].total
    ]
    table = ctx.table([ctx.tr("Category"), ctx.tr("Budget")], rows, [7.2, 1.8], right=[1])
    return [ctx.heading(ctx.tr("By category"), level=1), *table]


def _by_initiative(ctx: SectionContext) -> list[Flowable]:
    rows = [
        [
            item.title,
            ctx.tr(HORIZON_TITLES[item.horizon]),
            ctx.money(item.one_off),
            ctx.money(item.per_year),
            ctx.money(item.cost.total),
            ctx.tr("Yes") if item.cfo_confirmed else "",
        ]
        for item in ctx.content.budget.initiatives
        if item.cost.total
    ]
    header = [
        ctx.tr("Initiative"),
        ctx.tr("Horizon"),
        ctx.tr("One-off"),
        ctx.tr("Per year"),
        ctx.tr("Over the plan"),
        ctx.tr("CFO agreed"),
    ]
    table = ctx.table(header, rows, [3.0, 1.6, 1.5, 1.3, 1.5, 1.1], right=[2, 3, 4])
    return [ctx.heading(ctx.tr("By initiative"), level=1), *table]


def _chart(ctx: SectionContext) -> Flowable:
    budget = ctx.content.budget
    scale = 10 ** minor_digits(budget.currency)
    horizons = [h for h in HORIZONS if h in budget.by_horizon]
    series = [
        BudgetSeries(ctx.tr("Year 1"), tuple(budget.by_horizon[h].year1 / scale for h in horizons)),
        BudgetSeries(ctx.tr("Year 2"), tuple(budget.by_horizon[h].year2 / scale for h in horizons)),
    ]
    rows = [ctx.tr(HORIZON_TITLES[h]) for h in horizons]
    unit = ctx.tr("Amounts in {currency}", currency=budget.currency)
    return budget_bars(rows, series, ctx.width, unit)
