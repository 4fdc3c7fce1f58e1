"""The profile dialog: asked on first run, and later from File > Edit profile.

The dialog saves through `ws.profile.save`; a refused value is explained
under its field and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.services.profile import ProfileData
from cio_desk.ui.dialogs.field_errors import error_label
from cio_desk.ui.widgets.cards import plain_label

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace

COMMON_CURRENCIES = ("CNY", "USD", "EUR", "HKD", "GBP", "JPY", "SGD")


class ProfileDialog(QDialog):
    """Who the CIO is and when Day 1 is; saves the workspace profile."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        today: dt.date,
        first_run: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._saved: ProfileData | None = None
        self.setWindowTitle(self.tr("Welcome to CIO Desk") if first_run else self.tr("Profile"))
        self.setMinimumWidth(460)
        self._build(first_run)
        self._fill(workspace.profile.get(), today)
        self._connect_signals()

    @classmethod
    def edit_profile(
        cls,
        parent: QWidget | None,
        workspace: Workspace,
        *,
        today: dt.date,
        first_run: bool = False,
    ) -> tuple[ProfileData | None, bool]:
        """Show the dialog; returns the saved profile and whether it was saved."""
        dialog = cls(workspace, today=today, first_run=first_run, parent=parent)
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        saved = dialog.saved_profile()
        dialog.deleteLater()
        return saved, accepted

    def saved_profile(self) -> ProfileData | None:
        """The profile as stored after a successful save, else None."""
        return self._saved

    # ------------------------------------------------------------ building

    def _build(self, first_run: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        if first_run:
            intro = plain_label(
                self.tr(
                    "Tell CIO Desk who you are and when you start in the new role. "
                    "Your start date is Day 1 of your first month; your plan is due "
                    "on the day you choose below. You can change all of this later "
                    "in File > Edit profile."
                ),
                self,
            )
            layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("e.g. Chen Jing"))
        self.organisation_edit = QLineEdit(self)
        self.organisation_edit.setMaxLength(200)
        self.role_edit = QLineEdit(self)
        self.role_edit.setMaxLength(200)
        self.start_date_edit = QDateEdit(self)
        self.start_date_edit.setCalendarPopup(True)
        self.start_date_edit.setDisplayFormat(self.tr("d MMMM yyyy"))
        self.due_day_spin = QSpinBox(self)
        self.due_day_spin.setRange(1, 365)
        self.due_day_spin.setPrefix(self.tr("Day "))
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.currency_combo = QComboBox(self)
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(COMMON_CURRENCIES)
        self.currency_combo.lineEdit().setMaxLength(3)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        rows = (
            ("cio_name", self.tr("Your &name"), self.name_edit),
            ("organisation", self.tr("&Organisation"), self.organisation_edit),
            ("role_title", self.tr("&Role"), self.role_edit),
            ("start_date", self.tr("&Start date (Day 1)"), self.start_date_edit),
            ("plan_due_day", self.tr("&Plan due on"), self.due_day_spin),
            ("language", self.tr("&Language"), self.language_combo),
            ("currency", self.tr("&Currency"), self.currency_combo),
        )
        self._form = form
        for field, label, widget in rows:
            form.addRow(label, widget)
            self._add_error_row(field, widget)
        layout.addLayout(form)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        layout.addWidget(self.buttons)

    def _add_error_row(self, field: str, widget: QWidget) -> None:
        """A row under the field for its error, hidden until there is one."""
        error = error_label(self)
        self._form.addRow("", error)
        self._form.setRowVisible(self._form.rowCount() - 1, False)
        self._errors[field] = error
        self._fields[field] = widget

    def _fill(self, profile: ProfileData | None, today: dt.date) -> None:
        profile = profile or ProfileData(cio_name="", start_date=today)
        self.name_edit.setText(profile.cio_name)
        self.organisation_edit.setText(profile.organisation)
        self.role_edit.setText(profile.role_title)
        start = profile.start_date
        self.start_date_edit.setDate(QDate(start.year, start.month, start.day))
        self.due_day_spin.setValue(profile.plan_due_day)
        index = self.language_combo.findData(profile.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.currency_combo.setCurrentText(profile.currency)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ saving

    def profile_data(self) -> ProfileData:
        """What the form holds now, not yet validated."""
        return ProfileData(
            cio_name=self.name_edit.text(),
            start_date=self.start_date_edit.date().toPython(),
            organisation=self.organisation_edit.text(),
            role_title=self.role_edit.text(),
            plan_due_day=self.due_day_spin.value(),
            language=self.language_combo.currentData(),
            currency=self.currency_combo.currentText(),
        )

    def error_text(self, field: str) -> str:
        """The error shown under `field` ("" when none)."""
        return self._errors.get(field, self.general_error).text()

    @Slot()
    def _save(self) -> None:
        self._clear_errors()
        try:
            self._saved = self._workspace.profile.save(self.profile_data())
        except ValidationError as error:
            self._show_error(error)
            return
        self.accept()

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.setText("")
            self._set_error_visible(label, False)

    def _show_error(self, error: ValidationError) -> None:
        label = self._errors.get(error.field, self.general_error)
        label.setText(error.message)
        self._set_error_visible(label, True)
        widget = self._fields.get(error.field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_error_visible(self, label: QLabel, visible: bool) -> None:
        if label is self.general_error:
            label.setVisible(visible)
        else:
            self._form.setRowVisible(label, visible)
