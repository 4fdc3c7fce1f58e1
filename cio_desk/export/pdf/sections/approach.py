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
        serving: dict[int, list[str]] = {}
        for initiative in content.initiatives:
            for goal_id in initiative.goal_ids:
                serving.setdefault(goal_id, []).append(initiative.title)
        rows = [
            [
                ctx.user(f"{index}. {goal.title}", ctx.styles.cell_bold, where=goal.title),
                goal.description,
                "; ".join(serving.get(goal.id, ())) or "–",
            ]
            for index, goal in enumerate(content.goals, start=1)
        ]
        header = [ctx.tr("Goal"), ctx.tr("What it means"), ctx.tr("Served by")]
        story.append(ctx.table(header, rows, [2.4, 3.6, 3]))
    else:
        story.append(ctx.empty(ctx.tr("No goals recorded yet.")))
    story.append(ctx.heading(ctx.tr("Guiding principles"), level=1))
    if content.principles:
        story.append(bullet_list(ctx, content.principles, where=ctx.tr("Guiding principles")))
    else:
        story.append(ctx.empty(ctx.tr("No guiding principles recorded yet.")))
    return story
