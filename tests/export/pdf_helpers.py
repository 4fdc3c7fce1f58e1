"""Constants and readers shared by the export tests (fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

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
