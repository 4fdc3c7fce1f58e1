"""The plan as a PDF (reportlab, Qt-free): `export_pdf` and `find_jargon`."""

from __future__ import annotations

from cio_desk.export.pdf.builder import ExportError, Progress, export_pdf, find_jargon

__all__ = ["ExportError", "Progress", "export_pdf", "find_jargon"]
