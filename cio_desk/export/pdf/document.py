"""The page frame of the plan: templates, footers, contents, bookmarks, metadata.

Footers say "Page X of Y", the audience, the version and the date on every
page; a personal copy is marked private at the top of every page. Each
`Heading` becomes a contents line and a PDF bookmark (outline entry).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from cio_desk.export.pdf.fonts import SANS, SANS_BOLD
from cio_desk.export.pdf.styles import (
    FOOTER_GAP,
    MARGIN,
    MUTED,
    NAVY,
    PRIVATE,
    RULE,
    Styles,
    layout_style,
)
from cio_desk.export.pdf.text import runs

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


@dataclass(frozen=True)
class PageMarks:
    """What every page carries: who it is for, which version, which day."""

    audience: str  # "Executive version"
    version: str  # "Version 4" or "Draft after version 3"
    date: str  # "1 April 2026"
    page_format: str  # "Page {page} of {total}"
    private: str = ""  # the private banner of a personal copy, or ""


@dataclass(frozen=True)
class Metadata:
    """The PDF's document information (never anything confidential)."""

    title: str
    author: str
    subject: str


class Heading(Paragraph):
    """A section or sub-section heading: a contents line and a bookmark."""

    _keys = itertools.count(1)

    def __init__(self, markup: str, style: Any, *, plain: str, level: int) -> None:
        super().__init__(markup, style)
        self.markup = markup
        self.plain = plain
        self.level = level
        self.key = f"h{next(self._keys)}"


class PlanDocument(BaseDocTemplate):
    """A4 or Letter pages with a portrait and a landscape template."""

    def __init__(
        self,
        target: Path,
        *,
        page_size: tuple[float, float],
        marks: PageMarks,
        metadata: Metadata,
    ) -> None:
        super().__init__(
            str(target),
            pagesize=page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER_GAP,
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            creator="CIO Desk",
            keywords="",
        )
        self.marks = marks
        self.addPageTemplates(
            [
                _template(PORTRAIT, page_size),
                _template(LANDSCAPE, landscape(page_size)),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            canvas = self.canv
            canvas.bookmarkPage(flowable.key)
            canvas.addOutlineEntry(flowable.plain, flowable.key, level=flowable.level)
            self.notify("TOCEntry", (flowable.level, flowable.markup, self.page, flowable.key))

    def frame_size(self, template: str = PORTRAIT) -> tuple[float, float]:
        """Width and height available to flowables on a page of `template`."""
        width, height = self.pagesize if template == PORTRAIT else landscape(self.pagesize)
        return (
            width - self.leftMargin - self.rightMargin,
            height - self.topMargin - self.bottomMargin,
        )

    def render(self, story: list[Flowable]) -> None:
        """Lay out the story until the contents' page numbers settle."""
        self.multiBuild(story, canvasmaker=_canvas_maker(self.marks))


def contents(styles: Styles) -> TableOfContents:
    """The table of contents, filled in by `PlanDocument.afterFlowable`."""
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [styles.toc1, styles.toc2]
    toc.tableStyle = layout_style(("RIGHTPADDING", (0, 0), (-1, -1), 0))
    return toc


def _template(name: str, size: tuple[float, float]) -> PageTemplate:
    width, height = size
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_GAP,
        width - 2 * MARGIN,
        height - 2 * MARGIN - FOOTER_GAP,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def _canvas_maker(marks: PageMarks) -> Callable[..., Canvas]:
    """A canvas that holds pages back until it knows how many there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = SANS  # never the unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.showOutline()

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_marks(self, marks, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _draw_marks(canvas: Canvas, marks: PageMarks, page: int, total: int) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    y = MARGIN
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, y + 4 * 3.2, width - MARGIN, y + 4 * 3.2)
    canvas.setFillColor(MUTED)
    left = "  ·  ".join(part for part in (marks.audience, marks.version, marks.date) if part)
    _draw_runs(canvas, MARGIN, y, left, 7.5)
    right = marks.page_format.format(page=page, total=total)
    canvas.setFont(SANS, 7.5)
    canvas.drawRightString(width - MARGIN, y, right)
    if marks.private:
        canvas.setFillColor(PRIVATE)
        canvas.setFont(SANS_BOLD, 7.5)
        canvas.drawRightString(width - MARGIN, height - MARGIN / 2, marks.private)
        canvas.setFillColor(NAVY)
    canvas.restoreState()


def _draw_runs(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    """Draw one line of text, each run in the font that has its glyphs."""
    for font, chunk in runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, font, size)
