"""One section per horizon: measures, key priorities, contingencies, next steps."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import HORIZON_TITLES, INITIATIVE_STATUS_NAMES, months
from cio_desk.store.enums import HORIZONS


def build(ctx: SectionContext) -> list[Flowable]:
    story: list[Flowable] = [ctx.heading(ctx.tr("Horizons"))]
    for index, horizon in enumerate(HORIZONS):
        if index:
            story.append(ctx.space(10))
        story += _horizon(ctx, horizon)
    return story


def _horizon(ctx: SectionContext, horizon: int) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr(HORIZON_TITLES[horizon]), level=1)]
    story.append(ctx.subheading(ctx.tr("Measures")))
    measures = content.horizon_measures(horizon)
    if measures:
        rows = [
            [m.name, ctx.number(m.baseline, m.unit), ctx.number(m.target, m.unit)] for m in measures
        ]
        header = [ctx.tr("Measure"), ctx.tr("Baseline"), ctx.tr("Target")]
        story.append(ctx.table(header, rows, [5, 1.6, 1.6], right=[1, 2]))
    else:
        story.append(ctx.empty(ctx.tr("No measures set for this horizon yet.")))

    story.append(ctx.subheading(ctx.tr("Key priorities")))
    initiatives = content.horizon_initiatives(horizon)
    if initiatives:
        rows = [
            [
                ctx.user(i.title, ctx.styles.cell_bold),
                i.business_value or i.description,
                months(ctx, i.start_month, i.end_month),
                i.owner,
                ctx.tr(INITIATIVE_STATUS_NAMES[i.status]),
                ctx.money(content.initiative_cost(i.id)),
            ]
            for i in initiatives
        ]
        header = [
            ctx.tr("Initiative"),
            ctx.tr("Business value"),
            ctx.tr("Months"),
            ctx.tr("Owner"),
            ctx.tr("Status"),
            ctx.tr("Budget"),
        ]
        story.append(ctx.table(header, rows, [2.4, 3.2, 1.1, 1.3, 1.1, 1.5], right=[5]))
    else:
        story.append(ctx.empty(ctx.tr("No initiatives in this horizon yet.")))

    story.append(ctx.subheading(ctx.tr("Contingencies")))
    contingencies = [c for c in content.contingencies if c.horizon == horizon]
    if contingencies:
        rows = [[c.trigger, c.response, c.owner] for c in contingencies]
        header = [ctx.tr("If this happens"), ctx.tr("We will"), ctx.tr("Owner")]
        story.append(ctx.table(header, rows, [3, 4, 1.4]))
    else:
        story.append(ctx.empty(ctx.tr("No contingencies planned for this horizon yet.")))

    story.append(ctx.subheading(ctx.tr("Next steps")))
    steps = [s for s in content.next_steps if s.horizon == horizon]
    if steps:
        rows = [
            [s.text, s.owner, ctx.date(s.due_date), ctx.tr("Done") if s.done else ""] for s in steps
        ]
        header = [ctx.tr("Step"), ctx.tr("Owner"), ctx.tr("Due"), ""]
        story.append(ctx.table(header, rows, [5, 1.6, 1.6, 0.8]))
    else:
        story.append(ctx.empty(ctx.tr("No next steps for this horizon yet.")))
    return story
