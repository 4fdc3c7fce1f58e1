"""The export dialog (Ctrl+E): choose, check the business language, export, open.

Steps, each a page of the dialog:
1. options: audience profile (with what each contains and hides), language,
   page size, sections, version label, whether to save a plan version, file;
2. for an executive export, the business-language check: every IT term
   found, where, and its plain alternative; the user goes back or continues;
3. the export itself, in the background with a progress bar (the window
   keeps answering);
4. done: open the PDF or its folder (local files only).
A failure (an unwritable folder, say) brings the options back with the
reason under them; nothing the user chose is lost.

    result, exported = ExportDialog.export_plan(parent, ws, now=clock)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError
from cio_desk.export import ExportResult, export_document
from cio_desk.export.pdf import find_jargon
from cio_desk.services.jargon import JargonFinding
from cio_desk.store import paths
from cio_desk.store.enums import AudienceProfile
from cio_desk.ui.dialogs.export_form import ExportForm
from cio_desk.ui.dialogs.field_errors import error_label
from cio_desk.ui.models.headered import HeaderedTableModel
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.worker import BackgroundTask, run_in_background
from cio_desk.workspace import Workspace

log = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def preview_available() -> bool:
    """Whether Qt's PDF module (PySide6-Addons) is installed, for the page preview."""
    try:
        return importlib.util.find_spec("PySide6.QtPdfWidgets") is not None
    except (ImportError, ValueError):
        return False


class FindingsModel(HeaderedTableModel):
    """The business-language findings: term, where, the sentence, the plain words."""

    TERM, WHERE, CONTEXT, PLAIN = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[JargonFinding] = []
        self._chinese = False
        self._headers = [
            self.tr("Term"),
            self.tr("Where"),
            self.tr("In context"),
            self.tr("Plain alternative"),
        ]

    def set_rows(self, rows: Sequence[JargonFinding], *, chinese: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._chinese = chinese
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        finding = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(finding, index.column())
        return None

    def _text(self, finding: JargonFinding, column: int) -> str:
        if column == self.TERM:
            return finding.matched
        if column == self.WHERE:
            return finding.where
        if column == self.CONTEXT:
            return finding.excerpt
        term = finding.term
        plain = term.plain_zh or term.plain_en if self._chinese else term.plain_en or term.plain_zh
        return plain or self.tr("(no plain alternative yet)")


class ExportDialog(QDialog):
    """Export the plan as a PDF for one audience; see the module docstring."""

    OPTIONS, JARGON, WORKING, DONE = range(4)

    def __init__(
        self,
        workspace: Workspace,
        *,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._now = now
        self._settings = settings or QSettings(
            str(paths.ui_settings_path()), QSettings.Format.IniFormat
        )
        self._result: ExportResult | None = None
        self._task: BackgroundTask | None = None
        self._jargon_checked = False
        self.setWindowTitle(self.tr("Export the plan as a PDF"))
        self.setMinimumWidth(640)
        self._build()
        self._connect_signals()

    @classmethod
    def export_plan(
        cls,
        parent: QWidget | None,
        workspace: Workspace,
        *,
        now: Callable[[], dt.datetime],
    ) -> tuple[ExportResult | None, bool]:
        """Show the dialog; returns what was exported and whether a PDF was written."""
        dialog = cls(workspace, now=now, parent=parent)
        dialog.exec()
        result = dialog.result_of_export()
        dialog.deleteLater()
        return result, result is not None

    def result_of_export(self) -> ExportResult | None:
        """The export written by this dialog, if any."""
        return self._result

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_options())
        self.pages.addWidget(self._build_jargon())
        self.pages.addWidget(self._build_working())
        self.pages.addWidget(self._build_done())
        layout.addWidget(self.pages, 1)

    def _build_options(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.form = ExportForm(self._workspace, now=self._now, settings=self._settings, parent=page)
        layout.addWidget(self.form)
        self.error_label = error_label(page)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Preview pages…"), page)
        self.preview_button.setVisible(preview_available())
        self.export_button = QPushButton(self.tr("&Export"), page)
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        return page

    def _build_jargon(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.jargon_heading = self._heading("", page)
        layout.addWidget(self.jargon_heading)
        intro = plain_label(
            self.tr(
                "Leaders lose patience with IT terms and acronyms. Consider the plain "
                "alternatives below and change your wording, or export as it is: the "
                "glossary at the end explains every term that remains."
            ),
            page,
        )
        layout.addWidget(intro)
        self.findings_model = FindingsModel(self)
        self.findings_table = QTableView(page)
        self.findings_table.setModel(self.findings_model)
        self.findings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_table.setAlternatingRowColors(True)
        self.findings_table.setWordWrap(False)
        self.findings_table.verticalHeader().hide()
        self.findings_table.setAccessibleName(self.tr("IT terms found"))
        header = self.findings_table.horizontalHeader()
        header.setSectionResizeMode(FindingsModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        for column in (FindingsModel.TERM, FindingsModel.WHERE, FindingsModel.PLAIN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        self.findings_table.setColumnWidth(FindingsModel.TERM, metrics.averageCharWidth() * 10)
        self.findings_table.setColumnWidth(FindingsModel.WHERE, metrics.averageCharWidth() * 28)
        self.findings_table.setColumnWidth(FindingsModel.PLAIN, metrics.averageCharWidth() * 30)
        layout.addWidget(self.findings_table, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back to the options"), page)
        self.continue_button = QPushButton(self.tr("Export &anyway"), page)
        self.continue_button.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)
        return page

    def _build_working(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        self.working_label = plain_label("", page)
        self.working_label.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setTextVisible(False)
        self.step_label = plain_label("", page)
        set_tone(self.step_label, "muted")
        for widget in (self.working_label, self.progress_bar, self.step_label):
            layout.addWidget(widget)
        layout.addStretch(2)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addStretch(1)
        self.done_heading = self._heading(self.tr("The PDF is ready"), page)
        self.done_label = plain_label("", page)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.done_heading)
        layout.addWidget(self.done_label)
        layout.addStretch(2)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open PDF"), page)
        self.open_button.setDefault(True)
        self.folder_button = QPushButton(self.tr("Show in &folder"), page)
        self.close_button = QPushButton(self.tr("Close"), page)
        buttons.addStretch(1)
        for button in (self.open_button, self.folder_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    def _heading(self, text: str, parent: QWidget) -> QWidget:
        label = plain_label(text, parent)
        label.setFont(scaled_font(self.font(), 1.05, bold=True))
        return label

    def _connect_signals(self) -> None:
        self.form.profile_changed.connect(self._profile_changed)
        self.export_button.clicked.connect(self._export_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.preview_button.clicked.connect(self._preview)
        self.back_button.clicked.connect(self._back_to_options)
        self.continue_button.clicked.connect(self._start_export)
        self.open_button.clicked.connect(self._open_pdf)
        self.folder_button.clicked.connect(self._show_folder)
        self.close_button.clicked.connect(self.accept)

    @Slot()
    def _profile_changed(self) -> None:
        self._jargon_checked = False  # another audience: check its document again

    # ------------------------------------------------------------ exporting

    @Slot()
    def _export_clicked(self) -> None:
        self._show_error("")
        path = self.form.target_path()
        if path is None:
            self._show_error(self.tr("Choose the file to write."))
            self.form.path_edit.setFocus()
            return
        self.form.path_edit.setText(str(path))
        if not self.form.options().sections:
            self._show_error(self.tr("Tick at least one section to include."))
            self.form.focus_sections()
            return
        if self.form.profile() is AudienceProfile.EXECUTIVE and not self._jargon_checked:
            self._check_jargon()
        else:
            self._start_export()

    def _check_jargon(self) -> None:
        options, now = self.form.options(), self._now()
        workspace = self._workspace
        self._show_working(self.tr("Checking the business language…"))
        self._run(
            lambda _report: find_jargon(workspace, options, now=now),
            on_success=self._jargon_found,
        )

    @Slot(object)
    def _jargon_found(self, findings: list[JargonFinding]) -> None:
        self._jargon_checked = True
        if not findings:
            self._start_export()
            return
        terms = len({f.term.id for f in findings})
        if terms == 1:
            heading = self.tr("The executive version uses 1 IT term, {n} times in all.")
        else:
            heading = self.tr("The executive version uses {terms} IT terms, {n} times in all.")
        self.jargon_heading.setText(heading.format(terms=terms, n=len(findings)))
        chinese = self.form.language_combo.currentData().startswith("zh")
        self.findings_model.set_rows(findings, chinese=chinese)
        self.pages.setCurrentIndex(self.JARGON)
        self.continue_button.setFocus()

    @Slot()
    def _start_export(self) -> None:
        path = self.form.target_path()
        if path is None:  # the path was cleared on the way; ask again
            self._back_to_options()
            return
        options, now = self.form.options(), self._now()
        workspace = self._workspace
        self._show_working(self.tr("Exporting {file}…").format(file=path.name))
        self._run(
            lambda report: export_document(workspace, path, options, progress=report, now=now),
            on_success=self._exported,
            on_progress=self._progress,
        )

    def _run(
        self,
        work: Callable,
        *,
        on_success: Callable,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        self._task = run_in_background(
            self, work, on_success=on_success, on_failure=self._failed, on_progress=on_progress
        )

    def is_busy(self) -> bool:
        """Whether work is running in the background (the dialog cannot close then)."""
        return self._task is not None and self._task.running

    def _show_working(self, text: str) -> None:
        self.working_label.setText(text)
        self.step_label.setText("")
        self.progress_bar.setRange(0, 0)  # busy until the first step arrives
        self.pages.setCurrentIndex(self.WORKING)

    @Slot(int, int, str)
    def _progress(self, step: int, steps: int, what: str) -> None:
        self.step_label.setText(what)
        self.progress_bar.setRange(0, steps)
        self.progress_bar.setValue(step)

    @Slot(object)
    def _exported(self, result: ExportResult) -> None:
        self._result = result
        self.form.remember_folder(result.path.parent)
        lines = [
            self.tr("{pages} pages written to {path}.").format(pages=result.pages, path=result.path)
        ]
        if result.version is not None:
            lines.append(
                self.tr("Saved as plan version {number}.").format(number=result.version.number)
            )
        self.done_label.setText("\n".join(lines))
        self.pages.setCurrentIndex(self.DONE)
        self.open_button.setFocus()

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        if isinstance(error, CioDeskError):
            message = str(error)
        else:
            log.error("The export failed", exc_info=error)
            message = self.tr("The export failed: {error}").format(error=error)
        self._back_to_options()
        self._show_error(message)

    @Slot()
    def _back_to_options(self) -> None:
        self.pages.setCurrentIndex(self.OPTIONS)
        self.export_button.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def error_text(self) -> str:
        """The error shown under the options ("" when none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    # ------------------------------------------------------------ after the export

    @Slot()
    def _open_pdf(self) -> None:
        if self._result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._result.path)))

    @Slot()
    def _show_folder(self) -> None:
        if self._result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._result.path.parent)))

    @Slot()
    def _preview(self) -> None:
        """Lay the pages out to a temporary file (no version saved), then show them."""
        self._show_error("")
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation))
        target = folder / f"cio-desk-preview-{id(self)}.pdf"
        options = dataclasses.replace(self.form.options(), freeze_version=False)
        workspace, now = self._workspace, self._now()
        self._show_working(self.tr("Laying out the pages for the preview…"))
        self._run(
            lambda report: export_document(workspace, target, options, progress=report, now=now),
            on_success=self._show_preview,
            on_progress=self._progress,
        )

    @Slot(object)
    def _show_preview(self, result: ExportResult) -> None:
        from cio_desk.ui.dialogs.export_preview import PreviewDialog

        self._back_to_options()
        try:
            PreviewDialog.show_pages(self, result.path)
        finally:
            result.path.unlink(missing_ok=True)

    # ------------------------------------------------------------ closing

    def reject(self) -> None:
        if not self.is_busy():  # an export cannot be stopped half-way; it is quick
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            event.ignore()
            return
        super().closeEvent(event)
