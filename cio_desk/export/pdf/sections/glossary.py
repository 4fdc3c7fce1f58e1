"""Glossary: the IT terms that remain in the document, in plain words."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.services.jargon import JargonRecord


def build(ctx: SectionContext, terms: list[JargonRecord]) -> list[Flowable]:
    """`terms` are those found in the rest of the document."""
    story: list[Flowable] = [ctx.heading(ctx.tr("Glossary"))]
    if not terms:
        return [*story, ctx.empty(ctx.tr("The document uses no terms from the jargon list."))]
    chinese_first = ctx.tr.language.startswith("zh")
    rows = []
    for term in terms:
        plain = [term.plain_zh, term.plain_en] if chinese_first else [term.plain_en, term.plain_zh]
        rows.append([ctx.fixed(term.term, ctx.styles.cell_bold), *plain])
    header = [ctx.tr("Term"), ctx.tr("In plain words"), ctx.tr("In Chinese")]
    if chinese_first:
        header = [ctx.tr("Term"), ctx.tr("In Chinese"), ctx.tr("In plain English")]
    story += ctx.table(header, rows, [1.6, 4.4, 3])
    return story
