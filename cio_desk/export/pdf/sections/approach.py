"""Goals and approach: each goal with the initiatives that serve it; principles."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import bullet_list


def build(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr("Goals and approach"))]
    story.append(ctx.heading(ctx.tr("Goals"), level=1))
    if content.goals:
        titles = content.initiative_titles  # dropped initiatives serve nothing
        rows = [
            [
                ctx.bold(f"{index}. {goal.title}"),
                goal.description,
                "; ".join(titles[i] for i in goal.initiative_ids if i in titles) or "–",
            ]
            for index, goal in enumerate(content.goals, start=1)
        ]
        header = [ctx.tr("Goal"), ctx.tr("What it means"), ctx.tr("Served by")]
        story += ctx.table(header, rows, [2.4, 3.6, 3])
    else:
        story.append(ctx.empty(ctx.tr("No goals recorded yet.")))
    story.append(ctx.heading(ctx.tr("Guiding principles"), level=1))
    if content.principles:
        story.append(bullet_list(ctx, content.principles, where=ctx.tr("Guiding principles")))
    else:
        story.append(ctx.empty(ctx.tr("No guiding principles recorded yet.")))
    return story
