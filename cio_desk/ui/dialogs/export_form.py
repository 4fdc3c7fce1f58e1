"""The options of an export: audience, language, page size, sections, version, file.

Part of the export dialog (`export_dialog.py`), which adds the steps after it.
An executive copy never has the first-30-days log, so choosing Executive
switches that section off (and Coach or Personal brings back what was ticked).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.export import ExportOptions, default_page_size
from cio_desk.export.options import SECTION_KEYS
from cio_desk.store.enums import AudienceProfile
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.workspace import Workspace

FOLDER_KEY = "export/folder"
# Sections an executive copy never has, whatever is ticked (see export/audience.py).
NOT_FOR_EXECUTIVES = frozenset({"log"})


def _heading(text: str, parent: QWidget) -> QLabel:
    label = plain_label(text, parent)
    label.setFont(scaled_font(parent.font(), 1.05, bold=True))
    return label


class ExportForm(QWidget):
    """What to export and where; `options()` and `target_path()` read it."""

    profile_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        *,
        now: Callable[[], dt.datetime],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._now = now
        self._settings = settings
        self._shown_profile = AudienceProfile.EXECUTIVE  # whose default file name is shown
        self._ticked_before: dict[str, bool] = {}  # sections an executive copy switched off
        self._build()
        self._fill_defaults()
        self._connect_signals()
        self._profile_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(_heading(self.tr("Who is it for?"), self))
        layout.addLayout(self._build_profiles())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.setToolTip(
            self.tr("The document's own headings and wording; your text stays as you wrote it.")
        )
        self.page_size_combo = QComboBox(self)
        self.page_size_combo.addItem(self.tr("A4"), "A4")
        self.page_size_combo.addItem(self.tr("US Letter"), "Letter")
        self.label_edit = QLineEdit(self)
        self.label_edit.setMaxLength(200)
        self.label_edit.setPlaceholderText(self.tr("e.g. Draft for the coach"))
        self.freeze_check = QCheckBox(self.tr("&Save this export as a plan version"), self)
        self.freeze_check.setToolTip(
            self.tr("A saved version lets the next export show what changed since.")
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.browse_button = QPushButton(self.tr("C&hoose…"), self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("Page si&ze"), self.page_size_combo)
        form.addRow(self.tr("Version &label"), self.label_edit)
        form.addRow("", self.freeze_check)
        file_label = plain_label(self.tr("&File"), self, wrap=False)
        file_label.setTextFormat(Qt.TextFormat.AutoText)  # for the mnemonic
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        layout.addLayout(form)
        layout.addWidget(_heading(self.tr("Sections"), self))
        sections = QGridLayout()
        sections.setHorizontalSpacing(24)
        sections.setVerticalSpacing(4)
        self.section_checks: dict[str, QCheckBox] = {}
        rows = (len(SECTION_KEYS) + 1) // 2
        for index, key in enumerate(SECTION_KEYS):
            check = QCheckBox(fmt.review_section_label(key), self)
            check.setChecked(True)
            self.section_checks[key] = check
            sections.addWidget(check, index % rows, index // rows)
        sections.setColumnStretch(2, 1)
        layout.addLayout(sections)

    def _build_profiles(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.profile_group = QButtonGroup(self)
        self.profile_buttons: dict[AudienceProfile, QRadioButton] = {}
        texts = {
            AudienceProfile.EXECUTIVE: (
                self.tr("E&xecutive"),
                self.tr(
                    "For the CEO and leadership: business language; concerns by theme with "
                    "no names; no notes and no first-30-days log. Nothing confidential."
                ),
            ),
            AudienceProfile.COACH: (
                self.tr("&Coach review"),
                self.tr(
                    "For your coach or a peer: names, the first-30-days log, feedback "
                    "addressed and open questions. Nothing confidential."
                ),
            ),
            AudienceProfile.PERSONAL: (
                self.tr("&Personal copy"),
                self.tr(
                    "Everything, confidential notes included, marked private on every "
                    "page. For you alone."
                ),
            ),
        }
        for row, (profile, (title, summary)) in enumerate(texts.items()):
            button = QRadioButton(title, self)
            button.setToolTip(summary)
            self.profile_group.addButton(button, row)
            self.profile_buttons[profile] = button
            description = plain_label(summary, self)
            set_tone(description, "muted")
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(description, row, 1)
        return grid

    def _fill_defaults(self) -> None:
        profile = self._workspace.profile.get()
        language = profile.language if profile else "en"
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        size = default_page_size(QLocale().name())
        self.page_size_combo.setCurrentIndex(max(0, self.page_size_combo.findData(size)))
        # A read-only window can export, but cannot save the export as a version.
        writable = not self._workspace.read_only
        self.freeze_check.setChecked(writable)
        self.freeze_check.setEnabled(writable)
        if not writable:
            self.freeze_check.setToolTip(
                self.tr("Read-only: this workspace is open in another window")
            )
        self.profile_buttons[AudienceProfile.EXECUTIVE].setChecked(True)
        self.path_edit.setText(str(self.default_path()))

    def _connect_signals(self) -> None:
        self.profile_group.idToggled.connect(self._profile_toggled)
        self.browse_button.clicked.connect(self._browse)

    def focus_sections(self) -> None:
        next(iter(self.section_checks.values())).setFocus()

    def remember_folder(self, folder: Path) -> None:
        """The next export starts in `folder`."""
        self._settings.setValue(FOLDER_KEY, str(folder))

    def profile(self) -> AudienceProfile:
        return next(p for p, b in self.profile_buttons.items() if b.isChecked())

    def set_profile(self, profile: AudienceProfile) -> None:
        self.profile_buttons[profile].setChecked(True)

    def options(self) -> ExportOptions:
        """The export the dialog is set up for."""
        sections = tuple(
            key
            for key, check in self.section_checks.items()
            if check.isChecked() and check.isEnabled()
        )
        return ExportOptions(
            profile=self.profile(),
            language=self.language_combo.currentData(),
            page_size=self.page_size_combo.currentData(),
            sections=sections,
            label=self.label_edit.text(),
            freeze_version=self.freeze_check.isChecked(),
        )

    def target_path(self) -> Path | None:
        """The file to write, with ".pdf" added if missing; None when left empty."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    @Slot(int, bool)
    def _profile_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._profile_changed()

    def _profile_changed(self) -> None:
        executive = self.profile() is AudienceProfile.EXECUTIVE
        for key in NOT_FOR_EXECUTIVES:
            check = self.section_checks[key]
            if executive and check.isEnabled():
                self._ticked_before[key] = check.isChecked()
                check.setChecked(False)
                check.setEnabled(False)
                check.setToolTip(self.tr("An executive version never has this section."))
            elif not executive and not check.isEnabled():
                check.setEnabled(True)
                check.setChecked(self._ticked_before.get(key, True))
                check.setToolTip("")
        path = self.target_path()
        if path is not None and path.name == self._default_name(self._shown_profile):
            self.path_edit.setText(str(path.with_name(self._default_name(self.profile()))))
        self._shown_profile = self.profile()
        self.profile_changed.emit()

    def default_path(self) -> Path:
        """Where a new export goes: the folder used last (else Documents), a dated name."""
        folder = self._settings.value(FOLDER_KEY, "", str)
        if not folder or not Path(folder).is_dir():
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            folder = documents if documents and Path(documents).is_dir() else str(Path.home())
        return Path(folder) / self._default_name(self.profile())

    def _default_name(self, profile: AudienceProfile) -> str:
        audience = {
            AudienceProfile.EXECUTIVE: self.tr("executive"),
            AudienceProfile.COACH: self.tr("coach review"),
            AudienceProfile.PERSONAL: self.tr("personal"),
        }[profile]
        name = self.tr("Transition plan ({audience}) {date}.pdf").format(
            audience=audience, date=self._now().date().isoformat()
        )
        return re.sub(r'[\\/:*?"<>|]', "-", name)

    @Slot()
    def _browse(self) -> None:
        current = self.target_path() or self.default_path()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the plan as"), str(current), self.tr("PDF documents (*.pdf)")
        )
        if chosen:
            self.path_edit.setText(chosen)
