"""Risks: the 5 x 5 heat map and the register, highest score first."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Table

from cio_desk.export.pdf.charts import HeatLabels, heat_map
from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import RISK_CATEGORY_NAMES, RISK_STATUS_NAMES
from cio_desk.export.pdf.styles import layout_style
from cio_desk.store.enums import RiskStatus

MAP_SIZE = 210.0


def build(ctx: SectionContext) -> list[Flowable]:
    risks = ctx.content.risks
    story: list[Flowable] = [ctx.heading(ctx.tr("Risks"))]
    if not risks:
        return [*story, ctx.empty(ctx.tr("No risks recorded yet."))]
    live = [r for r in risks if r.status is not RiskStatus.CLOSED]
    counts = Counter((r.likelihood, r.impact) for r in live)
    axis = HeatLabels(likelihood=ctx.tr("Likelihood"), impact=ctx.tr("Impact"))
    summary = [
        ctx.fixed(ctx.tr("Open risks by likelihood and impact"), ctx.styles.h3),
        ctx.fixed(
            ctx.tr(
                "{n} risks are open or monitored; {high} score 12 or more (likelihood × impact). "
                "Each cell shows how many risks sit there before mitigation.",
                n=len(live),
                high=sum(1 for r in live if r.score >= 12),
            ),
            ctx.styles.body,
        ),
    ]
    layout = Table(
        [[heat_map(counts, MAP_SIZE, axis), summary]],
        colWidths=[MAP_SIZE + 16, ctx.width - MAP_SIZE - 16],
    )
    layout.setStyle(layout_style())
    story += [layout, ctx.space(8), ctx.heading(ctx.tr("Risk register"), level=1)]
    rows = [
        [
            ctx.user(r.title, ctx.styles.cell_bold),
            ctx.tr(RISK_CATEGORY_NAMES[r.category]),
            f"{r.score} ({r.likelihood}×{r.impact})",
            f"{r.residual_score} ({r.residual_likelihood}×{r.residual_impact})",
            r.owner,
            _response(ctx, r.mitigation, r.contingency),
            ctx.tr(RISK_STATUS_NAMES[r.status]),
        ]
        for r in risks
    ]
    header = [
        ctx.tr("Risk"),
        ctx.tr("Category"),
        ctx.tr("Score"),
        ctx.tr("Residual"),
        ctx.tr("Owner"),
        ctx.tr("Mitigation and contingency"),
        ctx.tr("Status"),
    ]
    story.append(ctx.table(header, rows, [2.2, 1.3, 0.95, 0.95, 1.1, 3.4, 1.0]))
    return story


def _response(ctx: SectionContext, mitigation: str, contingency: str) -> Flowable | str:
    if mitigation and contingency:
        markup = (
            f"{ctx.rich(mitigation)}<br/><font color='#66717F'>"
            f"{ctx.escape(ctx.tr('If it happens:'))}</font> {ctx.rich(contingency)}"
        )
        return ctx.markup(markup, ctx.styles.cell)
    return mitigation or contingency
