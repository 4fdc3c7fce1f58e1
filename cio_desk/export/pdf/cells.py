"""Table cells of user text: what a cell may hold, and how a cell too long for
its table shows an excerpt and is printed in full after the table.

A cell is plain user text (`str`), user text in bold (`Bold`), or `Parts`:
pieces of user text and the document's own muted labels, on one line or
several (a concern with its "Concern:" label, a risk's mitigation and its
"If it happens:" contingency). `SectionContext.table` turns each into a
flowable and applies the rule of `longtext.py`: at most `CELL_MAX_LINES`
lines in the table, else the first `EXCERPT_LINES`, "… continued in note N
below the table", and the whole cell as note N after the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from cio_desk.export.pdf.longtext import overflow_index, passage
from cio_desk.export.pdf.paragraphs import Para
from cio_desk.export.pdf.styles import MUTED
from cio_desk.export.pdf.text import normalise, rich

_MUTED = f"#{MUTED.hexval()[2:]}"


class Bold(str):
    """User text for a table cell, set in bold (see `SectionContext.bold`)."""


@dataclass(frozen=True)
class Part:
    """A piece of a `Parts` cell: user text, or the document's own words (`own`),
    which print muted like any `muted` piece. A part follows the one before it
    on the same line, after a space, unless it starts a `new_line`."""

    text: str
    own: bool = False
    muted: bool = False
    new_line: bool = False


@dataclass(frozen=True)
class Parts:
    """A table cell made of several pieces (see `Part`)."""

    items: tuple[Part, ...]

    @classmethod
    def of(cls, value: str) -> Parts:
        """A plain user text as a one-piece cell."""
        return cls((Part(value),))

    def user_texts(self) -> Iterator[str]:
        """The user texts in the cell (for the business-language check)."""
        return (part.text for part in self.items if not part.own)

    def plain(self) -> str:
        """The cell as one text, pieces joined by spaces and line breaks, line
        breaks inside a piece normalised (what `overflow_index` measures)."""
        return "".join(
            _separator(i, part) + normalise(part.text) for i, part in enumerate(self.items)
        )

    def cut(self, index: int) -> Parts:
        """The cell up to position `index` of `plain()`."""
        kept: list[Part] = []
        position = 0
        for i, part in enumerate(self.items):
            position += len(_separator(i, part))
            text = normalise(part.text)
            if position + len(text) >= index:
                text = text[: max(index - position, 0)].rstrip()
                if text:
                    kept.append(Part(text, part.own, part.muted, part.new_line))
                break
            kept.append(part)
            position += len(text)
        return Parts(tuple(kept))


def _separator(index: int, part: Part) -> str:
    if not index:
        return ""
    return "\n" if part.new_line else " "


def markup(cell: Parts) -> str:
    """Paragraph markup for a whole cell (user text escaped, labels muted)."""
    out = []
    for i, part in enumerate(cell.items):
        if i:
            out.append("<br/>" if part.new_line else " ")
        out.append(_piece(part))
    return "".join(out)


def _piece(part: Part) -> str:
    text = rich(part.text)
    return f"<font color='{_MUTED}'>{text}</font>" if part.own or part.muted else text


def excerpt_cut(cell: Parts, room: float, size: float, lines: int) -> int:
    """Where the excerpt of a long cell ends in `cell.plain()`: after about
    `lines` lines, less the one its "continued" line takes."""
    plain = cell.plain()
    index = overflow_index(plain, room, size, max(lines - 1, 1))
    return len(plain) if index is None else index


def excerpt_markup(cell: Parts, cut: int, continued: str) -> str:
    """The excerpt of a cell followed by `continued` ("… continued in note 3"), muted."""
    return f"{markup(cell.cut(cut))} <font color='{_MUTED}'>{rich(continued)}</font>"


def full_text(cell: Parts, style: ParagraphStyle) -> list[Flowable]:
    """A whole cell at the width of the page, each line as paragraphs of any length."""
    story: list[Flowable] = []
    for line in _lines(cell):
        users = [i for i, part in enumerate(line) if not part.own]
        if not users:
            story.append(Para(" ".join(_piece(part) for part in line), style))
            continue
        longest = max(users, key=lambda i: len(line[i].text))
        lead = "".join(_piece(part) + " " for part in line[:longest])
        tail = "".join(" " + _piece(part) for part in line[longest + 1 :])
        story += passage(line[longest].text, style, lead=lead, tail=tail)
    return story


def _lines(cell: Parts) -> list[list[Part]]:
    lines: list[list[Part]] = []
    for i, part in enumerate(cell.items):
        if not i or part.new_line:
            lines.append([])
        lines[-1].append(part)
    return lines
