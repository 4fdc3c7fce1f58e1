"""One section per horizon: measures, key priorities, contingencies, next steps.

Each horizon is `ws.plan.horizon_view(h)`, the content of the Plan page's tab
for it: a measure or contingency without a horizon of its own sits on the
horizon of its initiative (or risk).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import HORIZON_TITLES, INITIATIVE_STATUS_NAMES, months
from cio_desk.services.plan import HorizonView
from cio_desk.store.enums import HORIZONS


def build(ctx: SectionContext) -> list[Flowable]:
    story: list[Flowable] = [ctx.heading(ctx.tr("Horizons"))]
    for index, horizon in enumerate(HORIZONS):
        if index:
            story.append(ctx.space(10))
        story += _horizon(ctx, ctx.content.horizons[horizon])
    return story


def _horizon(ctx: SectionContext, view: HorizonView) -> list[Flowable]:
    story: list[Flowable] = [ctx.heading(ctx.tr(HORIZON_TITLES[view.horizon]), level=1)]
    story.append(ctx.subheading(ctx.tr("Measures")))
    story += _measures(ctx, view)
    story.append(ctx.subheading(ctx.tr("Key priorities")))
    story += _priorities(ctx, view)
    story.append(ctx.subheading(ctx.tr("Contingencies")))
    if view.contingencies:
        rows = [[c.trigger, c.response, c.owner] for c in view.contingencies]
        header = [ctx.tr("If this happens"), ctx.tr("We will"), ctx.tr("Owner")]
        story += ctx.table(header, rows, [3, 4, 1.4])
    else:
        story.append(ctx.empty(ctx.tr("No contingencies planned for this horizon yet.")))
    story.append(ctx.subheading(ctx.tr("Next steps")))
    if view.next_steps:
        rows = [
            [s.text, s.owner, ctx.date(s.due_date), ctx.tr("Done") if s.done else ""]
            for s in view.next_steps
        ]
        header = [ctx.tr("Step"), ctx.tr("Owner"), ctx.tr("Due"), ""]
        story += ctx.table(header, rows, [5, 1.6, 1.6, 0.8])
    else:
        story.append(ctx.empty(ctx.tr("No next steps for this horizon yet.")))
    return story


def _measures(ctx: SectionContext, view: HorizonView) -> list[Flowable]:
    if not view.measures:
        return [ctx.empty(ctx.tr("No measures set for this horizon yet."))]
    with_latest = any(m.current is not None for m in view.measures)
    rows = []
    for m in view.measures:
        row = [m.name, ctx.number(m.baseline, m.unit), ctx.number(m.target, m.unit)]
        if with_latest:
            row.append(_latest(ctx, m.current, m.unit, m.current_on))
        rows.append(row)
    header = [ctx.tr("Measure"), ctx.tr("Baseline"), ctx.tr("Target")]
    widths = [5, 1.6, 1.6]
    if with_latest:
        header.append(ctx.tr("Latest"))
        widths = [4, 1.4, 1.4, 2.2]
    return ctx.table(header, rows, widths, right=range(1, len(header)))


def _latest(ctx: SectionContext, value: float | None, unit: str, on: object) -> str:
    if value is None:
        return ""
    when = ctx.date(on) if on else ""  # type: ignore[arg-type]
    number = ctx.number(value, unit)
    return f"{number} ({when})" if when else number


def _priorities(ctx: SectionContext, view: HorizonView) -> list[Flowable]:
    content = ctx.content
    if not view.priorities:
        return [ctx.empty(ctx.tr("No initiatives in this horizon yet."))]
    rows = [
        [
            ctx.bold(i.title),
            i.business_value or i.description,
            months(ctx, i.start_month, i.end_month),
            i.owner,
            ctx.tr(INITIATIVE_STATUS_NAMES[i.status]),
            ctx.money(content.initiative_cost(i.id)),
        ]
        for i in view.priorities
    ]
    header = [
        ctx.tr("Initiative"),
        ctx.tr("Business value"),
        ctx.tr("Months"),
        ctx.tr("Owner"),
        ctx.tr("Status"),
        ctx.tr("Budget"),
    ]
    return ctx.table(header, rows, [2.4, 3.2, 1.1, 1.3, 1.1, 1.5], right=[5])
