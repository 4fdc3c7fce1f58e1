"""The export dialog: audience, business-language check, background export, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from cio_desk.services.initiatives import InitiativeData
from cio_desk.store.enums import AudienceProfile
from cio_desk.ui.dialogs.export_dialog import ExportDialog, FindingsModel
from cio_desk.workspace import Workspace

TIMEOUT_MS = 20_000


@pytest.fixture
def dialog(qtbot, ws: Workspace, clock, tmp_path: Path) -> ExportDialog:
    ws.plan.initiatives.add(
        InitiativeData(
            title="Replace the ERP",
            horizon=12,
            start_month=4,
            end_month=12,
            business_value="Close the books in five days; the CRM follows later.",
        )
    )
    shown = ExportDialog(ws, now=clock)
    qtbot.addWidget(shown)
    shown.form.path_edit.setText(str(tmp_path / "plan.pdf"))
    shown.show()
    return shown


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_profile_decides_the_sections_and_the_file_name(qtbot, dialog: ExportDialog) -> None:
    assert dialog.form.profile() is AudienceProfile.EXECUTIVE
    log = dialog.form.section_checks["log"]
    assert not log.isEnabled() and not log.isChecked()
    assert "log" not in dialog.form.options().sections
    dialog.form.path_edit.setText(str(dialog.form.default_path()))
    _click(qtbot, dialog.form.profile_buttons[AudienceProfile.COACH])
    assert dialog.form.profile() is AudienceProfile.COACH
    assert log.isEnabled() and log.isChecked()
    assert "log" in dialog.form.options().sections
    assert "(coach review)" in dialog.form.path_edit.text()
    qtbot.keyClick(dialog.form.section_checks["budget"], Qt.Key.Key_Space)
    assert "budget" not in dialog.form.options().sections
    for check in dialog.form.section_checks.values():
        check.setChecked(False)
    _click(qtbot, dialog.export_button)
    assert dialog.error_text() == "Tick at least one section to include."


def test_an_executive_export_lists_the_jargon_then_exports_on_request(
    qtbot, dialog: ExportDialog, ws: Workspace, tmp_path: Path
) -> None:
    dialog.form.label_edit.setText("For the CEO")
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.JARGON, timeout=TIMEOUT_MS)
    model = dialog.findings_model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    erp = [row for row in rows if row[FindingsModel.TERM] == "ERP"]
    assert erp, rows
    assert any(row[FindingsModel.WHERE].startswith("Horizons") for row in erp)
    assert erp[0][FindingsModel.PLAIN].startswith("company-wide system")
    assert any(row[FindingsModel.TERM] == "CRM" for row in rows)
    assert "IT terms" in dialog.jargon_heading.text()
    assert not (tmp_path / "plan.pdf").exists()  # nothing written before the user agrees
    _click(qtbot, dialog.continue_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=TIMEOUT_MS)
    reader = PdfReader(tmp_path / "plan.pdf")
    assert "Executive version" in reader.pages[0].extract_text()
    assert [v.title for v in ws.versions.list()] == ["Version 1 (For the CEO)"]
    assert "Saved as plan version 1" in dialog.done_label.text()
    assert dialog.result_of_export() is not None


def test_going_back_from_the_jargon_keeps_the_options(qtbot, dialog: ExportDialog) -> None:
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.JARGON, timeout=TIMEOUT_MS)
    _click(qtbot, dialog.back_button)
    assert dialog.pages.currentIndex() == dialog.OPTIONS
    assert dialog.form.profile() is AudienceProfile.EXECUTIVE
    assert dialog.result_of_export() is None


def test_the_window_keeps_answering_during_a_background_export(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    ticks: list[dt.datetime] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(dt.datetime.now()))
    timer.start()
    _click(qtbot, dialog.form.profile_buttons[AudienceProfile.COACH])  # no jargon step
    steps: list[str] = []
    dialog.progress_bar.valueChanged.connect(lambda _v: steps.append(dialog.step_label.text()))
    _click(qtbot, dialog.export_button)
    assert dialog.is_busy()  # the click returned while the export runs elsewhere
    assert dialog.pages.currentIndex() == dialog.WORKING
    dialog.reject()  # Escape cannot close it half-way
    assert dialog.isVisible()
    before = len(ticks)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=TIMEOUT_MS)
    timer.stop()
    assert len(ticks) - before >= 2  # the event loop ran while the PDF was written
    assert "Done" in steps and len(steps) >= 3
    assert PdfReader(tmp_path / "plan.pdf").pages


def test_an_unwritable_path_is_explained_and_nothing_is_saved(
    qtbot, dialog: ExportDialog, ws: Workspace, tmp_path: Path
) -> None:
    _click(qtbot, dialog.form.profile_buttons[AudienceProfile.COACH])
    dialog.form.path_edit.setText(str(tmp_path / "no such folder" / "plan.pdf"))
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: bool(dialog.error_text()), timeout=TIMEOUT_MS)
    assert dialog.pages.currentIndex() == dialog.OPTIONS
    assert dialog.error_text().startswith("Cannot write")
    assert ws.versions.list() == []
    dialog.form.path_edit.setText("")
    _click(qtbot, dialog.export_button)
    assert dialog.error_text() == "Choose the file to write."


def test_a_file_name_without_pdf_gets_it(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:
    _click(qtbot, dialog.form.profile_buttons[AudienceProfile.PERSONAL])
    dialog.form.path_edit.setText(str(tmp_path / "mine"))
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=TIMEOUT_MS)
    assert (tmp_path / "mine.pdf").is_file()


def test_open_pdf_and_show_in_folder_open_local_files_only(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _click(qtbot, dialog.form.profile_buttons[AudienceProfile.COACH])
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=TIMEOUT_MS)
    _click(qtbot, dialog.open_button)
    _click(qtbot, dialog.folder_button)
    assert all(url.isLocalFile() for url in opened)
    assert [Path(url.toLocalFile()) for url in opened] == [tmp_path / "plan.pdf", tmp_path]


def test_a_chinese_export_is_offered_and_written(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    _click(qtbot, dialog.form.profile_buttons[AudienceProfile.COACH])
    dialog.form.language_combo.setCurrentIndex(dialog.form.language_combo.findData("zh_CN"))
    assert dialog.form.options().language == "zh_CN"
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=TIMEOUT_MS)
    assert "教练审阅版" in PdfReader(tmp_path / "plan.pdf").pages[0].extract_text()


def test_the_preview_is_offered_only_where_qt_pdf_is_installed(
    qtbot, ws: Workspace, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cio_desk.ui.dialogs import export_dialog

    for installed in (False, True):
        monkeypatch.setattr(
            export_dialog, "preview_available", lambda installed=installed: installed
        )
        shown = ExportDialog(ws, now=clock)
        qtbot.addWidget(shown)
        shown.show()
        assert shown.preview_button.isVisible() is installed


def test_the_preview_shows_the_pages_and_saves_nothing(
    qtbot, dialog: ExportDialog, ws: Workspace, modals, tmp_path: Path
) -> None:
    pytest.importorskip("PySide6.QtPdfWidgets")  # PySide6-Addons; CIO Desk runs without it
    from cio_desk.ui.dialogs.export_preview import PreviewDialog

    pages: list[int] = []

    def look(preview: PreviewDialog) -> None:
        pages.append(preview.document.pageCount())
        preview.reject()

    modals.when_shown(PreviewDialog, look, tries=2000)
    _click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: bool(pages), timeout=TIMEOUT_MS)
    assert pages[0] >= 10
    assert ws.versions.list() == [] and not (tmp_path / "plan.pdf").exists()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.OPTIONS, timeout=TIMEOUT_MS)
