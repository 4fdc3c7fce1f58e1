"""The table of contents (its page numbers settle over the layout passes)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.document import contents


def build(ctx: SectionContext) -> list[Flowable]:
    return [ctx.fixed(ctx.tr("Contents"), ctx.styles.h1), ctx.space(6), contents(ctx.styles)]
