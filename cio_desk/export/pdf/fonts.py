"""The fonts every exported PDF embeds, and which characters each one covers.

Only TrueType fonts shipped with CIO Desk are used (never the 14 standard PDF
fonts, which are not embedded): DejaVu Sans for Latin and most symbols, Droid
Sans Fallback for Chinese, Japanese and Korean. reportlab subsets and embeds
each font, so the PDF reads the same on a machine without them installed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cio_desk.errors import CioDeskError

SANS = "CioSans"
SANS_BOLD = "CioSans-Bold"
CJK = "CioCJK"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}


class FontsMissingError(CioDeskError):
    """The fonts shipped with CIO Desk cannot be found (a broken install)."""


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and the code points each one can draw."""

    latin: frozenset[int]
    cjk: frozenset[int]

    def font_for(self, char: str) -> str | None:
        """The font that draws `char` (Latin first), or None if neither has it."""
        code = ord(char)
        if code in self.latin:
            return SANS
        if code in self.cjk:
            return CJK
        return None


def font_dir() -> Path:
    """The folder holding the fonts, installed or run from a source checkout.

    Looked up inside the package first (`cio_desk/resources/fonts`, where a
    wheel carries them), then in the project's top-level `resources/fonts`.
    """
    for candidate in _candidate_dirs():
        if (candidate / _FILES[SANS]).is_file() and (candidate / _FILES[CJK]).is_file():
            return candidate
    raise FontsMissingError(
        "The PDF fonts shipped with CIO Desk are missing; reinstall CIO Desk to export PDFs."
    )


def _candidate_dirs() -> list[Path]:
    package = Path(str(resources.files("cio_desk")))
    return [package / "resources" / "fonts", package.parent / "resources" / "fonts"]


@functools.cache
def register_fonts() -> FontSet:
    """Register the fonts with reportlab once per process; return their coverage."""
    folder = font_dir()
    loaded = {}
    for name, filename in _FILES.items():
        font = TTFont(name, str(folder / filename))
        pdfmetrics.registerFont(font)
        loaded[name] = font
    # <b> inside a paragraph picks the bold face; there is no italic and no
    # bold CJK face, so those fall back to the regular weight.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(SANS, bold, italic, SANS_BOLD if bold else SANS)
            addMapping(SANS_BOLD, bold, italic, SANS_BOLD)
            addMapping(CJK, bold, italic, CJK)
    # A character counts as Latin-covered only if both weights can draw it.
    latin = set(loaded[SANS].face.charToGlyph) & set(loaded[SANS_BOLD].face.charToGlyph)
    return FontSet(latin=frozenset(latin), cjk=frozenset(loaded[CJK].face.charToGlyph))
