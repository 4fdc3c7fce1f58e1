"""The pages of an export before it is saved, where Qt's PDF module is installed.

`PySide6.QtPdf` ships in PySide6-Addons, which CIO Desk does not require:
the export dialog offers the preview only when `preview_available()` finds it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cio_desk.ui.widgets.cards import plain_label


class PreviewDialog(QDialog):
    """Every page of a laid-out PDF, scrolled one after another, fitted to the width."""

    def __init__(self, pdf: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview: {file}").format(file=pdf.name))
        self.resize(760, 900)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr("{pages} pages. Nothing is saved until you choose Export.").format(
                    pages=self.document.pageCount()
                ),
                self,
            )
        )
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    @classmethod
    def show_pages(cls, parent: QWidget | None, pdf: Path) -> None:
        """Show the preview until the user closes it (the file may go afterwards)."""
        dialog = cls(pdf, parent)
        dialog.exec()
        dialog.document.close()
        dialog.deleteLater()
