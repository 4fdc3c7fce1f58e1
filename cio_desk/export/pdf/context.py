"""What a section builder works with: the content, the styles, and the helpers
that turn user text into flowables (always through `text.rich`).

Every piece of user text a builder prints passes through `SectionContext`,
which also remembers it with the section it sits in, so the business-language
check scans exactly the text of the document. A text may be of any length:
`user` prints it in chunks, and a table cell or a `bounded` spot shows the
first lines and prints the whole text as a numbered note after its table
(the rules are in `longtext.py` and `cells.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from cio_desk.export.pdf.cells import (
    Bold,
    Part,
    Parts,
    excerpt_cut,
    excerpt_markup,
    full_text,
    markup,
)
from cio_desk.export.pdf.document import Heading
from cio_desk.export.pdf.fonts import SANS
from cio_desk.export.pdf.labels import Labels
from cio_desk.export.pdf.longtext import (
    CELL_MAX_LINES,
    EXCERPT_LINES,
    START_ROOM,
    KeepIfShort,
    overflow_index,
    passage,
)
from cio_desk.export.pdf.paragraphs import Para, PlainLine
from cio_desk.export.pdf.styles import CELL_PADDING, Styles
from cio_desk.export.pdf.tables import long_table
from cio_desk.export.pdf.text import normalise, plain_runs, rich
from cio_desk.services.jargon import TextToCheck
from cio_desk.services.money import format_amount

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from cio_desk.export.content import PlanContent


__all__ = ["Bold", "Cell", "Part", "Parts", "SectionContext"]

Cell = str | Parts | Flowable
ROW_LABEL_CHARS = 60  # of the row's first cell, naming a note printed after its table
# Month names fixed here, not from the C locale, so a document never changes
# with the machine it is exported on.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class _Note:
    """A cell too long for its table, printed in full after it."""

    number: int
    place: str  # the row and column it belongs to
    cell: Parts


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
    notes_printed: int = 0  # notes after tables so far; numbered through the document
    # Texts cut short whose notes are not printed yet.
    _pending: list[_Note] = field(default_factory=list, init=False, repr=False)

    # ------------------------------------------------------------ text

    def user(
        self,
        text: str,
        style: ParagraphStyle | None = None,
        *,
        where: str = "",
        lead: str = "",
        tail: str = "",
    ) -> list[Flowable]:
        """User text of any length, printed exactly as typed (one paragraph, or
        several that read as one for a long text; see `longtext.py`).

        `lead` and `tail` are trusted markup printed before and after it.
        """
        self.note(text, where)
        return list(passage(text, style or self.styles.body, lead=lead, tail=tail))

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
        """A paragraph whose markup is built here from the document's own escaped
        words (user text goes through `user`, `table` or `bounded`, which know
        how to print a text of any length)."""
        return Para(trusted_markup, style or self.styles.body)

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

        Cells given as str, `Bold` or `Parts` are user text (remembered for the
        check): printed as plain strings when one line holds it, else as an
        escaped paragraph that wraps. A text longer than `CELL_MAX_LINES` lines
        shows an excerpt that says where it continues, and is printed in full
        after the table (see `cells.py`). Flowables are used as they are.
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
        room = [w - 2 * CELL_PADDING for w in col_widths]
        body = []
        for row in rows:
            cells = []
            for i, value in enumerate(row):
                cell = self._cell(value, i in right, room[i])
                if cell is None:
                    style = self._cell_style(i in right, isinstance(value, Bold))
                    place = self._place(row[0] if i else None, header[i])
                    cell = self._excerpt(value, room[i], style, place, EXCERPT_LINES)
                cells.append(cell)
            body.append(cells)
        table = long_table(head, body, col_widths, right=right, zebra=zebra)
        return [*table, *self.notes_here()]

    def bounded(
        self, text: str, room: float, style: ParagraphStyle, *, place: str, max_lines: int
    ) -> list[Flowable]:
        """User text for a spot of `room` points wide and at most `max_lines`
        lines high (a cell of a table not made by `table`): whole if it fits,
        else its first lines and where it continues. The whole text waits
        for `notes_here()`, which the caller places after its table."""
        self.note(text)
        if overflow_index(normalise(text), room, style.fontSize, max_lines) is None:
            return list(passage(text, style))
        lines = min(EXCERPT_LINES, max_lines - 1)
        return [self._excerpt(text, room, style, place, lines)]

    def notes_here(self) -> list[Flowable]:
        """The texts cut short since the last call, in full, each under its note number."""
        story: list[Flowable] = []
        for note in self._pending:
            title = self.tr("Note {n}: {place}", n=note.number, place=note.place)
            # Not keepWithNext: that would keep the title with the whole first chunk.
            story += [CondPageBreak(START_ROOM), Para(rich(title), self.styles.note_title)]
            story += full_text(note.cell, self.styles.body)
        self._pending.clear()
        return story

    def _cell(self, value: Cell, right: bool, room: float) -> Cell | None:
        """The cell as the table draws it, or None for a text too long for a table."""
        if isinstance(value, Flowable):
            return value
        size = self.styles.cell.fontSize
        if isinstance(value, Parts):
            for text in value.user_texts():
                self.note(text)
            if overflow_index(value.plain(), room, size, CELL_MAX_LINES) is not None:
                return None
            return Para(markup(value), self._cell_style(right))
        self.note(value)
        bold = isinstance(value, Bold)
        # Past a quarter of an em a character a text is taken to need more than
        # one line without measuring it glyph by glyph (a paragraph prints any text).
        found = plain_runs(value, room, size, bold=bold) if len(value) * size < 4 * room else None
        if found is not None and len(found) == 1 and found[0][0] == SANS:
            return str(value)  # the table draws it in its own font: cheapest of all
        style = self._cell_style(right, bold)
        if found is not None:
            return PlainLine(found, style)
        if overflow_index(normalise(value), room, size, CELL_MAX_LINES) is not None:
            return None
        return Para(rich(value), style)

    def _cell_style(self, right: bool, bold: bool = False) -> ParagraphStyle:
        if bold:
            return self.styles.cell_bold
        return self.styles.cell_right if right else self.styles.cell

    def _excerpt(
        self, value: str | Parts, room: float, style: ParagraphStyle, place: str, lines: int
    ) -> Para:
        """About `lines` lines of a long text and where it continues; the whole
        text waits for `notes_here()`."""
        cell = value if isinstance(value, Parts) else Parts.of(value)
        self.notes_printed += 1
        self._pending.append(_Note(self.notes_printed, place, cell))
        cut = excerpt_cut(cell, room, style.fontSize, lines)
        continued = self.tr("… continued in note {n} below the table", n=self.notes_printed)
        return Para(excerpt_markup(cell, cut, continued), style)

    def _place(self, first: Cell | None, column: str) -> str:
        """ "Li Wei · Private notes": the row (by its first cell) and the column of a note."""
        label = ""
        if isinstance(first, str):
            label = first
        elif isinstance(first, Parts):
            label = " ".join(first.user_texts())
        elif isinstance(first, Paragraph):
            label = first.getPlainText()
        label = " ".join(label[: 2 * ROW_LABEL_CHARS].split())  # one line
        if len(label) > ROW_LABEL_CHARS:
            label = label[: ROW_LABEL_CHARS - 1].rstrip() + "…"
        return " · ".join(part for part in (label, column) if part)

    def keep(self, flowables: list[Flowable]) -> KeepTogether:
        """Kept on one page if they fit on one (see `KeepIfShort`)."""
        return KeepIfShort(flowables)

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
