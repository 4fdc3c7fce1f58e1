"""Executive summary: goals, the three horizons side by side, top risks, budget."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import (
    BULLET_INDENT,
    HORIZON_TITLES,
    bullet_list,
    score_label,
)
from cio_desk.export.pdf.styles import CELL_PADDING, NAVY, PALE, RULE, layout_style, table_style
from cio_desk.services.risks import HeatMap, RiskBand
from cio_desk.store.enums import HORIZONS

TOP_RISKS = 5
PRIORITIES_SHOWN = 5
TITLE_LINES = 4  # the most an initiative title takes in the three horizons' columns


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
    story += ctx.notes_here()  # initiative titles too long for the columns
    story += [ctx.space(6), ctx.subheading(ctx.tr("Top risks"))]
    story += _top_risks(ctx)
    return story


def _key_figures(ctx: SectionContext) -> Table:
    content = ctx.content
    heat = content.heat_map
    coverage = content.coverage
    figures = [
        (ctx.money(content.budget.total.total), ctx.tr("Total budget over 24 months")),
        (str(len(content.initiatives)), ctx.tr("Initiatives")),
        (f"{high_or_critical(heat)} / {heat.total}", ctx.tr("High risks / open risks")),
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
    room = ctx.width / 3 - 2 * CELL_PADDING - BULLET_INDENT
    for horizon in HORIZONS:
        name = ctx.tr(HORIZON_TITLES[horizon])
        header.append(ctx.fixed(name, ctx.styles.head))
        initiatives = content.horizons[horizon].priorities
        titles = [
            ctx.bounded(i.title, room, ctx.styles.body, place=name, max_lines=TITLE_LINES)
            for i in initiatives[:PRIORITIES_SHOWN]
        ]
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


def high_or_critical(heat: HeatMap) -> int:
    """Risks in the high or critical bands of a heat map (the Risks page's bands)."""
    counts = heat.band_counts()
    return counts[RiskBand.HIGH] + counts[RiskBand.CRITICAL]


def _top_risks(ctx: SectionContext) -> list[Flowable]:
    risks = ctx.content.open_risks[:TOP_RISKS]
    if not risks:
        return [ctx.empty(ctx.tr("No open risks recorded yet."))]
    rows = [[r.title, score_label(ctx, r.residual_score), r.owner, r.mitigation] for r in risks]
    header = [ctx.tr("Risk"), ctx.tr("Score"), ctx.tr("Owner"), ctx.tr("Mitigation")]
    return ctx.table(header, rows, [3, 1.1, 1.4, 3.6])
