"""Constants and readers shared by the export tests (fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from cio_desk.export.pdf.fonts import register_fonts
from cio_desk.export.pdf.styles import FOOTER_GAP, MARGIN
from cio_desk.export.pdf.text import SUBSTITUTE, normalise
from cio_desk.workspace import Workspace

NOW = dt.datetime(2026, 4, 1, 9, 0)
# One unique marker per confidential field: none may leave a personal copy.
SECRET_MEETING = "QX7-MEETING-SECRET"
SECRET_INSIGHT = "QX7-INSIGHT-SECRET"
SECRET_PERSON = "QX7-PERSON-SECRET"
OPEN_NOTE = "Shared note: finance wants fewer spreadsheets"


@dataclass(frozen=True)
class Plan:
    ws: Workspace
    initiative_ids: tuple[int, ...]


def pdf_text(path: Path) -> str:
    """The text of every page, as pypdf extracts it."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def poppler_text(path: Path) -> str:
    """The text as pdftotext reads it (layout-free)."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)


def squeeze(text: str) -> str:
    """`text` without white space, to compare text that wrapped across lines."""
    return "".join(text.split())


def frame_text(path: Path) -> str:
    """The text inside the frame of an A4 portrait page (no header, footer or page
    number, which would interrupt a text that runs across pages), as pdftotext reads it."""
    width, height = A4
    box = {
        "-x": MARGIN - 1,
        "-y": MARGIN - 1,
        "-W": width - 2 * MARGIN + 2,
        "-H": height - 2 * MARGIN - FOOTER_GAP + 2,
    }
    crop = [str(part) for option, value in box.items() for part in (option, int(value))]
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *crop, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)"')


def words_off_the_frame(path: Path) -> list[tuple[int, str]]:
    """(page, word) for every word outside the page's frame, other than the
    footer and the "private" mark drawn above the frame (pdftotext -bbox)."""
    listing = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    outside: list[tuple[int, str]] = []
    page, width, height = 0, 0.0, 0.0
    for line in listing.splitlines():
        if found := _PAGE.search(line):
            page, width, height = page + 1, float(found[1]), float(found[2])
        elif found := _WORD.search(line):
            left, top, right, bottom = (float(value) for value in found.groups())
            middle = (top + bottom) / 2
            furniture = abs(middle - (height - MARGIN)) < 8 or abs(middle - MARGIN / 2) < 8
            off_sides = left < MARGIN - 1 or right > width - MARGIN + 1
            off_frame = top < MARGIN - 2 or bottom > height - MARGIN - FOOTER_GAP + 2
            if off_sides or (off_frame and not furniture):
                outside.append((page, line.strip()))
    return outside


def printable(text: str) -> str:
    """`text` as the PDF prints it: a character neither font draws becomes U+FFFD."""
    fonts = register_fonts()
    return "".join(
        char if char.isspace() or fonts.font_for(char) else SUBSTITUTE for char in normalise(text)
    )
