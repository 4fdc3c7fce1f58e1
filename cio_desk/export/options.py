"""What an export is asked to do and what it did; shared by every format."""

from __future__ import annotations

import datetime as dt
import locale
from dataclasses import dataclass, field
from pathlib import Path

from cio_desk.services.jargon import JargonFinding
from cio_desk.services.versions import VersionRecord
from cio_desk.store.enums import AudienceProfile

PAGE_SIZES = ("A4", "Letter")
LANGUAGES = ("en", "zh_CN")
# Countries whose paper is US Letter; everywhere else uses A4.
_LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"})

# The sections of the document, in order (cover and contents always come first).
SECTION_KEYS: tuple[str, ...] = (
    "summary",
    "assessment",
    "approach",
    "roadmap",
    "horizons",
    "risks",
    "budget",
    "stakeholders",
    "log",
    "changes",
    "glossary",
)


def default_page_size(locale_name: str | None = None) -> str:
    """Letter where the locale's country uses it ("en_US"), otherwise A4."""
    if locale_name is None:
        locale_name = locale.getlocale(locale.LC_CTYPE)[0] or ""
    country = locale_name.split(".")[0].replace("-", "_").rpartition("_")[2].upper()
    return "Letter" if country in _LETTER_COUNTRIES else "A4"


@dataclass(frozen=True)
class ExportOptions:
    """The choices of the export dialog and of `cio-desk export`.

    `sections` lists the section keys to include (None: every section the
    profile allows); `freeze_version` saves this export as a plan version.
    """

    profile: AudienceProfile = AudienceProfile.EXECUTIVE
    language: str = "en"
    page_size: str = "A4"
    sections: tuple[str, ...] | None = None
    label: str = ""
    freeze_version: bool = True


@dataclass(frozen=True)
class ExportResult:
    """What an export produced."""

    path: Path
    pages: int
    profile: AudienceProfile
    sections: tuple[str, ...]
    version: VersionRecord | None  # the version frozen by this export, if any
    jargon: tuple[JargonFinding, ...] = field(default=())
    seconds: float = 0.0
    finished_at: dt.datetime | None = None
