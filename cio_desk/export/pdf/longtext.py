"""Text of any length on the page: how long a text runs, where to cut it, and
how to print it so that layout time grows with its length, not its square.

Two rules, used by every section through `SectionContext`:

- A table cell holds at most `CELL_MAX_LINES` lines. A longer text shows its
  first `EXCERPT_LINES` lines, says where it continues, and is printed in
  full after the table, at the full width of the page (see `context.py`).
  A row therefore never outgrows a page, and a 20-page note does not turn a
  register into 20 pages of one narrow column.
- A long text, wherever it is printed, is set as consecutive paragraphs of
  at most `CHUNK_CHARS` characters. reportlab re-measures the rest of a
  paragraph each time a page break splits it, so one paragraph of 400,000
  characters takes about a minute; in chunks, well under a second. A chunk
  ends at a line break where the text has one (the cut then leaves no trace),
  else after a sentence, else at a space, else (Chinese, a long URL) between
  two characters; so the only trace of a cut is that the next chunk starts
  on a new line.

Line counts are estimated from the fonts' glyph widths with a greedy line
breaker close to reportlab's; the estimate decides whether a cell is too
long and where its excerpt ends, neither of which needs to be exact.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from cio_desk.export.pdf.fonts import CJK, SANS, register_fonts
from cio_desk.export.pdf.paragraphs import Para
from cio_desk.export.pdf.text import SUBSTITUTE, normalise, rich

CELL_MAX_LINES = 20  # a cell up to this many lines stays whole in its table
EXCERPT_LINES = 8  # what a longer cell shows before "continued in note N"
LINES_CHUNK_CHARS = 500  # a chunk may end at a line break from here on
CHUNK_CHARS = 3000  # the longest paragraph a long text is printed in
START_ROOM = 60.0  # points: a long run starts on a page only with this much room left

# Characters a line may break before or after without a space (CJK scripts
# and full-width forms); any other run of non-space characters is a word.
_WIDE = (
    "\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003ffff"
)
_TOKEN = re.compile(rf"\n|[^\S\n]+|[{_WIDE}]|[^\s{_WIDE}]+")
_SENTENCE_END = re.compile(r"[.!?;:…][\"'”’)\]]*\s|[。！？；：…]")
_ZWJ = "\u200d"
_LONG_WORD = 300  # characters


@functools.lru_cache(maxsize=8192)
def _advance(char: str) -> float:
    """The width of `char` at size 1 in the font that prints it (a substitute if none)."""
    fonts = register_fonts()
    code = ord(char)
    if code in fonts.latin:
        return stringWidth(char, SANS, 1)
    if code in fonts.cjk:
        return stringWidth(char, CJK, 1)
    return stringWidth(SUBSTITUTE, SANS, 1)


def _width(token: str, size: float) -> float:
    if token.isspace():  # runs of spaces print as one; never sum a megabyte of them
        return _advance(" ") * size
    return sum(map(_advance, token)) * size


def overflow_index(text: str, room: float, size: float, max_lines: int) -> int | None:
    """Where `text` would start line `max_lines + 1` at `room` points wide and font
    size `size`, or None when it fits in `max_lines` lines.

    The work stops at that line, so a text of any length costs no more than
    `max_lines` lines of it.
    """
    lines, x = 1, 0.0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            lines, x = lines + 1, 0.0
            if lines > max_lines:
                return match.start()
            continue
        # A word of hundreds of characters is wider than any column: not summed.
        width = _width(token, size) if len(token) <= _LONG_WORD else room + 1
        if token.isspace() or x + width <= room:
            x += width
            continue
        if width <= room:  # the word moves to the next line
            lines, x = lines + 1, width
            if lines > max_lines:
                return match.start()
            continue
        for offset, char in enumerate(token):  # a word wider than the line is broken
            advance = _advance(char) * size
            if x + advance > room and x > 0:
                lines, x = lines + 1, 0.0
                if lines > max_lines:
                    return safe_cut(text, match.start() + offset)
            x += advance
    return None


def safe_cut(text: str, index: int) -> int:
    """`index` moved back so that a cut there keeps every character whole: a
    letter with its combining marks, an emoji with its modifiers and joiners,
    a flag (a pair of regional indicators)."""
    if 0 < index < len(text) and _is_flag_half(text[index]):
        run = 0  # regional indicators just before the cut: an odd run splits a pair
        while run < index and _is_flag_half(text[index - 1 - run]):
            run += 1
        index -= run % 2
    while 0 < index < len(text) and _clings(text[index - 1], text[index]):
        index -= 1
    return index


def _is_flag_half(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _clings(before: str, after: str) -> bool:
    """True if `after` belongs with `before` (the two must not be separated)."""
    if before == _ZWJ or after == _ZWJ:
        return True
    if unicodedata.category(after)[0] == "M":  # combining marks, variation selectors
        return True
    code = ord(after)
    return 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F  # skin tones, tags


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """`text` in consecutive pieces of at most about `limit` characters, cut at
    the most natural place in the second half of each (see the module notes).

    The pieces joined are `text`. A piece cut at a line break ends with it; a
    paragraph ignores one line break at its end, so the text reads the same.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut_point(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at `start` and must end by `limit`."""
    # A cut at a line break leaves no trace, so a text with many takes them
    # early: small paragraphs wrap faster when every line changes font.
    newline = text.find("\n", start + LINES_CHUNK_CHARS, limit)
    if newline >= 0:
        return newline + 1
    half = start + (limit - start) // 2
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text, half, limit)]
    if sentence_ends:
        return sentence_ends[-1]
    space = max(text.rfind(" ", half, limit), text.rfind("\u3000", half, limit))
    if space >= 0:
        return space + 1
    return max(safe_cut(text, limit), start + 1)


def passage(text: str, style: ParagraphStyle, *, lead: str = "", tail: str = "") -> list[Para]:
    """User text of any length as paragraphs that read as one: `lead` and `tail`
    (trusted markup, such as a bold label) open the first and close the last."""
    pieces = chunks(normalise(text))
    if len(pieces) == 1:
        return [Para(lead + rich(text) + tail, style)]
    first, middle, last = _chunk_styles(style)
    paragraphs = [Para(rich(piece), middle) for piece in pieces[1:-1]]
    return [
        Para(lead + rich(pieces[0]), first),
        *paragraphs,
        Para(rich(pieces[-1]) + tail, last),
    ]


@functools.lru_cache(maxsize=64)
def _chunk_styles(style: ParagraphStyle) -> tuple[ParagraphStyle, ...]:
    """The style for the first, middle and last chunk: no space between chunks,
    and only the last one kept with what follows."""
    first = style.clone(f"{style.name}-first", spaceAfter=0, keepWithNext=0)
    middle = style.clone(f"{style.name}-middle", spaceBefore=0, spaceAfter=0, keepWithNext=0)
    last = style.clone(f"{style.name}-last", spaceBefore=0)
    return first, middle, last


class KeepIfShort(KeepTogether):
    """Flowables kept on one page when they fit on one. A longer run (a meeting
    with pages of notes) does not jump to a new page, which would leave the
    one before it blank: it starts where `START_ROOM` is left and flows on."""

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)  # set by the frame while it places us
        if frame is not None and frame._height < self._H:
            return [CondPageBreak(START_ROOM), *self._content]
        return super().split(aW, aH)
