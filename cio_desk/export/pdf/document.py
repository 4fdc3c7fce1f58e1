"""The page frame of the plan: templates, footers, contents, bookmarks, metadata.

Footers say "Page X of Y", the audience, the version and the date on every
page; a personal copy is marked private at the top of every page. Each
`Heading` becomes a contents line and a PDF bookmark (outline entry).

The document is laid out in one pass. reportlab's own table of contents
needs a second full pass (it learns the page numbers by laying out the whole
document once); here the contents lines are known before layout (the
headings are in the story), so they take their final space at once, and
their page numbers and dot leaders are drawn when the file is saved, like
"Page X of Y", once every heading's page is known.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from cio_desk.export.pdf.fonts import SANS, SANS_BOLD
from cio_desk.export.pdf.paragraphs import Para
from cio_desk.export.pdf.styles import (
    FOOTER_GAP,
    MARGIN,
    MUTED,
    NAVY,
    PRIVATE,
    RULE,
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


Later = Callable[[Canvas, dict[str, int]], None]
"""Drawing put off until the file is saved: called with each heading key's page."""
_CONTENTS_END = "cioContentsEntryEnd"
_LEADER = " . "


class Heading(Para):
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
            canvas.heading_pages[flowable.key] = self.page  # type: ignore[attr-defined]

    def frame_size(self, template: str = PORTRAIT) -> tuple[float, float]:
        """Width and height available to flowables on a page of `template`."""
        width, height = self.pagesize if template == PORTRAIT else landscape(self.pagesize)
        return (
            width - self.leftMargin - self.rightMargin,
            height - self.topMargin - self.bottomMargin,
        )

    def render(self, story: list[Flowable]) -> None:
        """Lay out the story in one pass and write the file."""
        self.build(story, canvasmaker=_canvas_maker(self.marks))


class ContentsEntry(Para):
    """One line of the contents: a link to a heading, a dot leader and its page.

    The title is laid out with the story; the leader and the page number are
    drawn when the file is saved (see the module docstring).
    """

    NUMBER_SPACE = 36.0  # points kept free on the right for the leader and the number

    def __init__(self, heading: Heading, style: ParagraphStyle) -> None:
        markup = (
            f'<a href="#{heading.key}">{heading.markup}</a>'
            f'<onDraw name="{_CONTENTS_END}" label="{heading.key}"/>'
        )
        super().__init__(markup, style)
        self.key = heading.key
        self._right = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _width, height = super().wrap(availWidth - self.NUMBER_SPACE, availHeight)
        self._right = availWidth
        return availWidth, height

    def draw(self) -> None:
        self.canv.setNamedCB(_CONTENTS_END, self._title_drawn)
        super().draw()

    def _title_drawn(self, canvas: Canvas, _kind: str, _label: str) -> None:
        """Where the title ends (a callback of the paragraph): the leader starts there."""
        info = canvas._curr_tx_info  # the text position, in this paragraph's coordinates
        start = _absolute(canvas, info["cur_x"], info["cur_y"])
        right = _absolute(canvas, self._right, info["cur_y"])[0]
        style = self.style
        key = self.key

        def leader(target: Canvas, pages: dict[str, int]) -> None:
            number = str(pages.get(key, ""))
            size = style.fontSize
            number_width = stringWidth(number, style.fontName, size)
            dot_width = stringWidth(_LEADER, style.fontName, size)
            dots = max(0, int((right - start[0] - number_width) / dot_width))
            target.saveState()
            target.setFillColor(style.textColor)
            target.setFont(style.fontName, size)
            target.drawRightString(right, start[1], _LEADER * dots + number)
            target.restoreState()

        canvas.draw_later(leader)  # type: ignore[attr-defined]


def contents(headings: list[Heading], levels: tuple[ParagraphStyle, ...]) -> list[Flowable]:
    """The contents lines of `headings` (styles by heading level)."""
    return [ContentsEntry(h, levels[min(h.level, len(levels) - 1)]) for h in headings]


def _absolute(canvas: Canvas, x: float, y: float) -> tuple[float, float]:
    """A point of the current coordinate system in page coordinates."""
    a, b, c, d, e, f = canvas._currentMatrix
    return a * x + c * y + e, b * x + d * y + f


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
            self._later: dict[int, list[Later]] = {}
            self.heading_pages: dict[str, int] = {}
            self.showOutline()

        def draw_later(self, drawing: Later) -> None:
            """Draw on this page once every heading's page is known (at save)."""
            self._later.setdefault(self.getPageNumber(), []).append(drawing)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_marks(self, marks, number, total)
                for drawing in self._later.get(number, ()):
                    drawing(self, self.heading_pages)
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
    _draw_runs(canvas, width - MARGIN, y, right, 7.5, align_right=True)
    if marks.private:
        canvas.setFillColor(PRIVATE)
        _draw_runs(
            canvas,
            width - MARGIN,
            height - MARGIN / 2,
            marks.private,
            7.5,
            align_right=True,
            bold=True,
        )
        canvas.setFillColor(NAVY)
    canvas.restoreState()


def _draw_runs(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    align_right: bool = False,
    bold: bool = False,
) -> None:
    """Draw one line of text, each run in the font that has its glyphs.

    With `align_right` the line ends at `x`; `bold` sets Latin runs in bold
    (there is no bold Chinese face).
    """
    parts = [(SANS_BOLD if bold and font == SANS else font, chunk) for font, chunk in runs(text)]
    if align_right:
        x -= sum(canvas.stringWidth(chunk, font, size) for font, chunk in parts)
    for font, chunk in parts:
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, font, size)
