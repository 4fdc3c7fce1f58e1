"""Qt-free writers of what leaves the laptop; today the plan as a PDF.

    result = export_document(ws, "plan.pdf", ExportOptions(profile="coach"))

`export_document` picks the format from the file's suffix. The UI's export
dialog uses `find_jargon` first (the business-language check), then
`export_document` in the background with a `progress(step, steps, what)`
callback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from cio_desk.export.options import (
    PAGE_SIZES,
    SECTION_KEYS,
    ExportOptions,
    ExportResult,
    default_page_size,
)
from cio_desk.export.pdf import ExportError, Progress, export_pdf, find_jargon
from cio_desk.workspace import Workspace

FORMATS = {".pdf": export_pdf}


def export_document(
    ws: Workspace,
    out_path: Path | str,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Export in the format named by the suffix of `out_path` (".pdf")."""
    writer = writer_for(out_path)
    return writer(ws, out_path, options, progress=progress, now=now)


def writer_for(out_path: Path | str) -> Callable[..., ExportResult]:
    """The writer for the suffix of `out_path`, or ExportError naming the suffixes known."""
    writer = FORMATS.get(Path(out_path).suffix.lower())
    if writer is None:
        known = ", ".join(sorted(FORMATS))
        raise ExportError(
            f"Cannot export to {Path(out_path).name}: the file name must end in {known}."
        )
    return writer


__all__ = [
    "FORMATS",
    "PAGE_SIZES",
    "SECTION_KEYS",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "Progress",
    "default_page_size",
    "export_document",
    "export_pdf",
    "find_jargon",
    "writer_for",
]
