"""Risks: the 5 x 5 heat maps before and after mitigation, and the register.

The heat maps are the risk service's (`ws.risks.heat_map`), cell for cell and
band for band what the Risks page shows; the register is in its order.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from cio_desk.export.pdf.charts import HeatLabels, heat_map
from cio_desk.export.pdf.context import Part, Parts, SectionContext
from cio_desk.export.pdf.sections.common import (
    RISK_CATEGORY_NAMES,
    RISK_STATUS_NAMES,
    score_label,
)
from cio_desk.export.pdf.styles import layout_style
from cio_desk.services.risks import RiskBand, RiskRecord

MAP_SIZE = 200.0
MAP_GAP = 24.0


def build(ctx: SectionContext) -> list[Flowable]:
    risks = ctx.content.risks
    story: list[Flowable] = [ctx.heading(ctx.tr("Risks"))]
    if not risks:
        return [*story, ctx.empty(ctx.tr("No risks recorded yet."))]
    story += [_heat_maps(ctx), ctx.space(4), _summary(ctx), ctx.space(8)]
    story.append(ctx.heading(ctx.tr("Risk register"), level=1))
    rows = [_row(ctx, r) for r in risks]
    header = [
        ctx.tr("Risk"),
        ctx.tr("Category"),
        ctx.tr("Before"),
        ctx.tr("After"),
        ctx.tr("Owner"),
        ctx.tr("Mitigation and contingency"),
        ctx.tr("Status"),
    ]
    story += ctx.table(header, rows, [2.1, 1.25, 1.4, 1.4, 1.0, 2.55, 1.3])
    return story


def _heat_maps(ctx: SectionContext) -> Table:
    content = ctx.content
    axis = HeatLabels(likelihood=ctx.tr("Likelihood"), impact=ctx.tr("Impact"))
    cells = [
        [
            ctx.fixed(ctx.tr("Before mitigation"), ctx.styles.h3),
            heat_map(content.inherent_heat_map, MAP_SIZE, axis),
        ],
        [
            ctx.fixed(ctx.tr("After mitigation"), ctx.styles.h3),
            heat_map(content.heat_map, MAP_SIZE, axis),
        ],
    ]
    layout = Table([cells], colWidths=[MAP_SIZE + MAP_GAP] * 2, hAlign="LEFT")
    layout.setStyle(layout_style())
    return layout


def _summary(ctx: SectionContext) -> Flowable:
    heat = ctx.content.heat_map
    bands = heat.band_counts()
    text = ctx.tr(
        "{n} risks are open, occurred or monitored. After mitigation {critical} are critical, "
        "{high} high, {medium} medium and {low} low. Each cell counts the risks at that "
        "likelihood and impact; closed risks are left out.",
        n=heat.total,
        critical=bands[RiskBand.CRITICAL],
        high=bands[RiskBand.HIGH],
        medium=bands[RiskBand.MEDIUM],
        low=bands[RiskBand.LOW],
    )
    return ctx.fixed(text, ctx.styles.body)


def _row(ctx: SectionContext, risk: RiskRecord) -> list:
    return [
        ctx.bold(risk.title),
        ctx.tr(RISK_CATEGORY_NAMES[risk.category]),
        score_label(ctx, risk.inherent_score, risk.likelihood, risk.impact),
        score_label(ctx, risk.residual_score, risk.residual_likelihood, risk.residual_impact),
        risk.owner,
        _response(ctx, risk.mitigation, risk.contingency),
        ctx.tr(RISK_STATUS_NAMES[risk.status]),
    ]


def _response(ctx: SectionContext, mitigation: str, contingency: str) -> Parts | str:
    if mitigation and contingency:
        label = Part(ctx.tr("If it happens:"), own=True, new_line=True)
        return Parts((Part(mitigation), label, Part(contingency)))
    return mitigation or contingency
