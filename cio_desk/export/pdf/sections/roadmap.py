"""The 24-month roadmap on landscape pages, split rather than squeezed."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from cio_desk.export.pdf.charts import RoadmapBar, RoadmapLabels, roadmap, roadmap_rows_per_page
from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections.common import HORIZON_TITLES

HEADING_SPACE = 60.0  # the heading and the note above the first chart


def build(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr("24-month roadmap"))]
    if not content.initiatives:
        return [*story, ctx.empty(ctx.tr("No initiatives on the roadmap yet."))]
    bars = [
        RoadmapBar(
            title=i.title,
            horizon=i.horizon,
            start_month=i.start_month,
            end_month=i.end_month,
            milestones=content.milestones.get(i.id, ()),
        )
        for i in content.initiatives
    ]
    for bar in bars:
        ctx.note(bar.title, ctx.tr("Roadmap"))
    width, height = ctx.landscape_size
    labels = RoadmapLabels(
        month=ctx.tr("M{n}"),
        horizons={h: ctx.tr(title) for h, title in HORIZON_TITLES.items()},
        milestone=ctx.tr("Milestone"),
    )
    rows = roadmap_rows_per_page(height - HEADING_SPACE)
    pages = roadmap(bars, width, labels, rows_per_page=rows)
    if len(pages) > 1:
        note = ctx.tr(
            "{n} initiatives over {pages} pages, by horizon and priority.",
            n=len(bars),
            pages=len(pages),
        )
        story.append(ctx.fixed(note, ctx.styles.muted))
    for index, drawing in enumerate(pages):
        if index:
            continued = ctx.tr(
                "24-month roadmap, continued ({page} of {pages})", page=index + 1, pages=len(pages)
            )
            story += [PageBreak(), ctx.fixed(continued, ctx.styles.muted)]
        story.append(drawing)
    return story
