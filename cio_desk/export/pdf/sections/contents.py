"""The table of contents: one linked line per heading, with its page number."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.document import Heading, contents


def build(ctx: SectionContext, story: list[Flowable]) -> list[Flowable]:
    """The contents of `story` (the sections after the contents page)."""
    headings = list(_headings(story))
    styles = (ctx.styles.toc1, ctx.styles.toc2)
    return [
        ctx.fixed(ctx.tr("Contents"), ctx.styles.h1),
        ctx.space(6),
        *contents(headings, styles),
    ]


def _headings(story: list[Flowable]):  # type: ignore[no-untyped-def]
    for flowable in story:
        if isinstance(flowable, Heading):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _headings(flowable._content)
