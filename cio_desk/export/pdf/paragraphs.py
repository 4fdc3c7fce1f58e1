"""`Para`, a reportlab Paragraph that measures itself once per width, and
`PlainLine`, a single line of text for short table cells.

reportlab wraps a table cell's paragraph every time the table is measured:
when the frame asks its size, when it splits across a page, when a
keep-with-next group measures the whole table, and again to draw it. A long
register wrapped each cell a dozen times. A paragraph's lines depend only on
its text, its style and the width, none of which change once it is built, so
the result of the first wrap at a width is kept and reused.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph


class Para(Paragraph):
    """A Paragraph whose line breaking is done once per available width."""

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._wrapped_at:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
        # The parts are new paragraphs; this one may have been re-measured meanwhile.
        try:
            return super().split(availWidth, availHeight)
        finally:
            self._wrapped_at = None


class PlainLine(Flowable):
    """One line of text: what a short table cell needs, at a fraction of a
    paragraph's cost. Its baseline sits where a paragraph's first line would.

    `runs` are (font, chunk) pairs from `text.plain_runs`, which checks that
    the line fits and that the fonts draw every character; the text is drawn
    as given, never read as markup.
    """

    def __init__(self, runs: list[tuple[str, str]], style: ParagraphStyle) -> None:
        super().__init__()
        self.runs = runs
        self.style = style

    @property
    def text(self) -> str:
        return "".join(chunk for _font, chunk in self.runs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        size = self.style.fontSize
        self.width = sum(stringWidth(chunk, font, size) for font, chunk in self.runs)
        self.height = self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        canvas.setFillColor(style.textColor)
        x, y = 0.0, style.leading - style.fontSize
        for font, chunk in self.runs:
            canvas.setFont(font, style.fontSize)
            canvas.drawString(x, y, chunk)
            x += stringWidth(chunk, font, style.fontSize)
