"""Situation assessment: strengths, weaknesses, pain points, opportunities, threats."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import ASSESSMENT_TITLES, bullet_list
from cio_desk.store.enums import SituationType

SITUATION_NAMES = {
    SituationType.START_UP: "Start-up",
    SituationType.TURNAROUND: "Turnaround",
    SituationType.ACCELERATED_GROWTH: "Accelerated growth",
    SituationType.REALIGNMENT: "Realignment",
    SituationType.SUSTAINING_SUCCESS: "Sustaining success",
}


def build(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr("Situation assessment"))]
    if not content.assessment and not content.situations:
        return [*story, ctx.empty(ctx.tr("No assessment recorded yet."))]
    for kind, title in ASSESSMENT_TITLES.items():
        lines = [line for line in content.assessment if line.kind is kind]
        if not lines:
            continue
        texts = [f"{line.text} ({line.unit})" if line.unit else line.text for line in lines]
        story += [ctx.subheading(ctx.tr(title)), bullet_list(ctx, texts, where=ctx.tr(title))]
    if content.situations:
        story += [ctx.space(6), ctx.subheading(ctx.tr("Where each business unit stands"))]
        rows = [
            [item.unit, ctx.tr(SITUATION_NAMES[item.situation]), item.note]
            for item in content.situations
        ]
        header = [ctx.tr("Business unit"), ctx.tr("Situation"), ctx.tr("What it calls for")]
        story += ctx.table(header, rows, [2, 1.6, 5])
    return story
