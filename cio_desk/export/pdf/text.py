"""The one place where user text becomes PDF text.

reportlab's `Paragraph` reads its input as markup, so every piece of user
text passes through `rich()` (for paragraphs) or `runs()` (for chart labels)
and nowhere else. The rule, applied character by character:

- `&`, `<` and `>` are escaped, so `R&D`, `&nbsp;`, `<b>oops` and `</para>`
  print exactly as typed;
- line breaks become line breaks, tabs become spaces, other control
  characters are dropped;
- a character DejaVu Sans draws is set in DejaVu Sans; otherwise, if Droid
  Sans Fallback draws it (Chinese, Japanese, Korean), it is set in that font;
- a character neither font draws (a rare emoji, say) is replaced by a
  visible U+FFFD "�", one per missing character, so the rest of the line is
  never garbled and a reader can see that something was there.

A table cell whose text is one short line needs no paragraph: `plain_runs()`
gives its runs, drawn as plain strings, many times cheaper than a paragraph
(a large register has thousands of cells).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from cio_desk.export.pdf.fonts import CJK, SANS, SANS_BOLD, FontSet, register_fonts

SUBSTITUTE = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")


def escape(text: str) -> str:
    """Markup-escape plain text (no font handling); for our own short labels."""
    return _xml_escape(text)


def normalise(text: str) -> str:
    """Tabs to spaces, line breaks to "\\n", other control characters removed."""
    text = _LINE_BREAK.sub("\n", text.replace("\t", " "))
    return _CONTROL.sub("", text)


def plain_runs(
    text: str, width: float, size: float, *, bold: bool = False, fonts: FontSet | None = None
) -> list[tuple[str, str]] | None:
    """The (font, chunk) runs of `text` if it prints as one line of at most
    `width` points with every character drawn; None when it needs a paragraph."""
    if not text.isprintable():  # line breaks, tabs, control characters
        return None
    latin_font = SANS_BOLD if bold else SANS
    if text.isascii():
        found = [(latin_font, text)]
    else:
        found = runs(text, fonts)
        if any(SUBSTITUTE in chunk for _font, chunk in found):
            return None
        found = [(latin_font if font == SANS else font, chunk) for font, chunk in found]
    if sum(stringWidth(chunk, font, size) for font, chunk in found) > width:
        return None
    return found


def runs(text: str, fonts: FontSet | None = None) -> list[tuple[str, str]]:
    """Split one line of user text into (font name, chunk) runs by coverage.

    Characters no font draws come back as SUBSTITUTE in the Latin font.
    """
    fonts = fonts or register_fonts()
    latin, cjk = fonts.latin, fonts.cjk  # looked up once: this runs for every character
    text = normalise(text).replace("\n", " ")
    found: list[tuple[str, str]] = []
    current_font, chunk = SANS, []
    for char in text:
        code = ord(char)
        if code in latin:
            font = SANS
        elif code in cjk:
            font = CJK
        else:
            font, char = SANS, SUBSTITUTE
        if font != current_font and chunk:
            found.append((current_font, "".join(chunk)))
            chunk = []
        current_font = font
        chunk.append(char)
    if chunk:
        found.append((current_font, "".join(chunk)))
    return found


def rich(text: str, fonts: FontSet | None = None) -> str:
    """Paragraph markup that prints `text` exactly, in the fonts that draw it."""
    if text.isascii() and text.isprintable():
        return _xml_escape(text)  # fast path: DejaVu draws all printable ASCII
    lines = normalise(text).split("\n")
    return "<br/>".join(_rich_line(line, fonts) for line in lines)


def _rich_line(line: str, fonts: FontSet | None) -> str:
    parts = []
    for font, chunk in runs(line, fonts):
        escaped = _xml_escape(chunk)
        parts.append(f'<font face="{CJK}">{escaped}</font>' if font == CJK else escaped)
    return "".join(parts)
