"""Executive summary: goals, the three horizons side by side, top risks, budget."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import HORIZON_TITLES, bullet_list
from cio_desk.export.pdf.styles import NAVY, PALE, RULE, layout_style, table_style
from cio_desk.store.enums import HORIZONS, RiskStatus

TOP_RISKS = 5
PRIORITIES_SHOWN = 5


def build(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr("Executive summary")), _key_figures(ctx)]
    story += [ctx.space(10), ctx.subheading(ctx.tr("Goals"))]
    goals = [g.title for g in content.goals]
    story.append(
        bullet_list(ctx, goals, numbered=True)
        if goals
        else ctx.empty(ctx.tr("No goals recorded yet."))
    )
    story += [ctx.space(6), ctx.subheading(ctx.tr("The three horizons")), _horizons(ctx)]
    story += [ctx.space(6), ctx.subheading(ctx.tr("Top risks"))]
    story.append(_top_risks(ctx))
    return story


def _key_figures(ctx: SectionContext) -> Table:
    content = ctx.content
    open_risks = [r for r in content.risks if r.status is not RiskStatus.CLOSED]
    high = sum(1 for r in open_risks if r.score >= 12)
    coverage = content.coverage
    figures = [
        (ctx.money(content.budget.total.total), ctx.tr("Total budget over 24 months")),
        (str(len(content.initiatives)), ctx.tr("Initiatives")),
        (f"{high} / {len(open_risks)}", ctx.tr("High risks / open risks")),
        (
            f"{coverage.met} / {coverage.register}",
            ctx.tr("Stakeholders met / in the register"),
        ),
    ]
    cells = [
        [ctx.fixed(value, ctx.styles.figure), ctx.fixed(label, ctx.styles.figure_label)]
        for value, label in figures
    ]
    widths = [ctx.width * share for share in (0.31, 0.19, 0.23, 0.27)]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        layout_style(
            ("LINEABOVE", (0, 0), (-1, 0), 2, NAVY),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
        )
    )
    return table


def _horizons(ctx: SectionContext) -> Table:
    content = ctx.content
    header, body, totals = [], [], []
    for horizon in HORIZONS:
        header.append(ctx.fixed(ctx.tr(HORIZON_TITLES[horizon]), ctx.styles.head))
        initiatives = content.horizon_initiatives(horizon)
        titles = [i.title for i in initiatives[:PRIORITIES_SHOWN]]
        cell: list[Flowable] = (
            [bullet_list(ctx, titles)] if titles else [ctx.empty(ctx.tr("No initiatives yet."))]
        )
        if len(initiatives) > PRIORITIES_SHOWN:
            more = ctx.tr("and {n} more", n=len(initiatives) - PRIORITIES_SHOWN)
            cell.append(ctx.fixed(more, ctx.styles.muted))
        body.append(cell)
        amount = ctx.money(content.horizon_cost(horizon))
        totals.append(ctx.fixed(ctx.tr("Budget: {amount}", amount=amount), ctx.styles.cell_bold))
    table = Table([header, body, totals], colWidths=[ctx.width / 3] * 3, hAlign="LEFT")
    style = table_style(zebra=False)
    style.add("BACKGROUND", (0, 2), (-1, 2), PALE)
    style.add("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE)
    table.setStyle(style)
    return table


def _top_risks(ctx: SectionContext) -> Flowable:
    risks = [r for r in ctx.content.risks if r.status is not RiskStatus.CLOSED][:TOP_RISKS]
    if not risks:
        return ctx.empty(ctx.tr("No open risks recorded yet."))
    rows = [[r.title, str(r.score), r.owner, r.mitigation] for r in risks]
    header = [ctx.tr("Risk"), ctx.tr("Score"), ctx.tr("Owner"), ctx.tr("Mitigation")]
    return ctx.table(header, rows, [3, 0.7, 1.4, 4], right=[1])
