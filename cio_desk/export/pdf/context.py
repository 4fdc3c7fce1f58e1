"""What a section builder works with: the content, the styles, and the helpers
that turn user text into flowables (always through `text.rich`).

Every piece of user text a builder prints passes through `SectionContext`,
which also remembers it with the section it sits in, so the business-language
check scans exactly the text of the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from cio_desk.export.pdf.document import Heading
from cio_desk.export.pdf.fonts import SANS
from cio_desk.export.pdf.labels import Labels
from cio_desk.export.pdf.paragraphs import Para, PlainLine
from cio_desk.export.pdf.styles import CELL_PADDING, Styles
from cio_desk.export.pdf.tables import long_table
from cio_desk.export.pdf.text import plain_runs, rich
from cio_desk.services.jargon import TextToCheck
from cio_desk.services.money import format_amount

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from cio_desk.export.content import PlanContent


class Bold(str):
    """User text for a table cell, set in bold (see `SectionContext.bold`)."""


Cell = str | Flowable
# Month names fixed here, not from the C locale, so a document never changes
# with the machine it is exported on.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass
class SectionContext:
    """Shared by the section builders of one export."""

    content: PlanContent
    styles: Styles
    tr: Labels
    width: float  # of the portrait frame
    landscape_size: tuple[float, float]  # width, height of the landscape frame
    section: str = ""
    texts: list[TextToCheck] = field(default_factory=list)

    # ------------------------------------------------------------ text

    def user(self, text: str, style: ParagraphStyle | None = None, *, where: str = "") -> Paragraph:
        """A paragraph of user text, printed exactly as typed."""
        self.note(text, where)
        return Para(rich(text), style or self.styles.body)

    def bold(self, text: str) -> Bold:
        """User text for a bold table cell (a plain line where it fits, else a paragraph)."""
        return Bold(text)

    def note(self, text: str, where: str = "") -> None:
        """Remember user text printed some other way (charts, table cells)."""
        if text:
            place = f"{self.section}: {where}" if where else self.section
            self.texts.append(TextToCheck(place, text))

    def fixed(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of the document's own words (already translated)."""
        return Para(rich(text), style or self.styles.body)

    def markup(self, trusted_markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph whose markup is built here from escaped parts."""
        return Para(trusted_markup, style or self.styles.body)

    def rich(self, text: str, where: str = "") -> str:
        """User text as escaped markup, for a paragraph built from parts."""
        self.note(text, where)
        return rich(text)

    def escape(self, text: str) -> str:
        """The document's own words as markup (escaped, fonts by coverage)."""
        return rich(text)

    def empty(self, text: str) -> Paragraph:
        """The one line an empty section or sub-section shows."""
        return Para(rich(text), self.styles.empty)

    # ------------------------------------------------------------ structure

    def heading(self, title: str, level: int = 0) -> Heading:
        """A section (level 0) or sub-section (level 1) heading, with bookmark."""
        style = self.styles.h1 if level == 0 else self.styles.h2
        return Heading(rich(title), style, plain=title, level=level)

    def subheading(self, title: str) -> Paragraph:
        """A small heading that is not in the contents."""
        return Para(rich(title), self.styles.h3)

    def space(self, points: float = 6) -> Spacer:
        return Spacer(1, points)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        right: Sequence[int] = (),
        zebra: bool = True,
    ) -> list[Flowable]:
        """A full-width table; `widths` are fractions of the frame width.

        Cells given as str are user text (remembered for the check): printed
        as plain strings when one line holds it, else as an escaped paragraph
        that wraps. Flowables are used as they are.
        A long table is cut into blocks of rows with its header on every page
        (see `tables.py`).
        """
        right = frozenset(right)
        total = sum(widths)
        col_widths = [self.width * w / total for w in widths]
        head = [
            Para(rich(text), self.styles.head_right if i in right else self.styles.head)
            for i, text in enumerate(header)
        ]
        cell = self.styles.cell
        room = [w - 2 * CELL_PADDING for w in col_widths]
        body = [
            [self._cell(value, i in right, room[i], cell.fontSize) for i, value in enumerate(row)]
            for row in rows
        ]
        return long_table(head, body, col_widths, right=right, zebra=zebra)

    def _cell(self, value: Cell, right: bool, room: float, size: float) -> Cell:
        if isinstance(value, Flowable):
            return value
        self.note(value)
        bold = isinstance(value, Bold)
        found = plain_runs(value, room, size, bold=bold)
        if found is not None and len(found) == 1 and found[0][0] == SANS:
            return str(value)  # the table draws it in its own font: cheapest of all
        if bold:
            style = self.styles.cell_bold
        else:
            style = self.styles.cell_right if right else self.styles.cell
        if found is not None:
            return PlainLine(found, style)
        return Para(rich(value), style)

    def keep(self, flowables: list[Flowable]) -> KeepTogether:
        return KeepTogether(flowables)

    # ------------------------------------------------------------ values

    def money(self, minor: int) -> str:
        return format_amount(minor, self.content.currency)

    def date(self, value: dt.date | None) -> str:
        """ "2 March 2026" (or "2026年3月2日" in Chinese); "" for no date."""
        if value is None:
            return ""
        if self.tr.language.startswith("zh"):
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"

    def number(self, value: float | None, unit: str = "") -> str:
        """A measure value without a pointless ".0", with its unit."""
        if value is None:
            return "–"
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return f"{text} {unit}".strip() if unit and unit != "%" else text + unit
