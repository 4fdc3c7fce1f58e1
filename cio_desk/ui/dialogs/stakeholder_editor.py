"""Add or edit a stakeholder: one form, errors shown beside the field at fault.

    record, accepted = StakeholderEditor.add_stakeholder(parent, ws, history)
    record, accepted = StakeholderEditor.edit_stakeholder(parent, ws, history, person_id)

Saving goes through the page's undoable actions; a refused value keeps the
dialog open with the message under its field, and nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError, ValidationError
from cio_desk.services.stakeholders import StakeholderData, StakeholderRecord
from cio_desk.store.enums import StakeholderKind, Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages import stakeholder_actions as actions
from cio_desk.ui.theme import set_tone
from cio_desk.ui.undo import EditHistory
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.influence_grid import stance_icon
from cio_desk.workspace import Workspace

_MAX_CADENCE_DAYS = 365


class StakeholderEditor(QDialog):
    """The stakeholder form; use `add_stakeholder` or `edit_stakeholder`."""

    def __init__(
        self,
        ws: Workspace,
        history: EditHistory,
        record: StakeholderRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._history = history
        self._record = record
        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self.saved: StakeholderRecord | None = None
        self.setWindowTitle(
            self.tr("New stakeholder") if record is None else self.tr("Edit stakeholder")
        )
        self._build()
        self._connect_signals()
        if record is not None:
            self._fill(record)
        self.name_edit.setFocus()

    # ------------------------------------------------------------ entry points

    @classmethod
    def add_stakeholder(
        cls, parent: QWidget | None, ws: Workspace, history: EditHistory
    ) -> tuple[StakeholderRecord | None, bool]:
        """Ask for a new person and add them (undoable); returns (record, accepted)."""
        dialog = cls(ws, history, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved, accepted

    @classmethod
    def edit_stakeholder(
        cls, parent: QWidget | None, ws: Workspace, history: EditHistory, stakeholder_id: int
    ) -> tuple[StakeholderRecord | None, bool]:
        """Edit a person's profile (undoable); returns (record, accepted)."""
        dialog = cls(ws, history, ws.stakeholders.get(stakeholder_id), parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved, accepted

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. 王芳 or Li Wei"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Chief Financial Officer"))
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(self.tr("e.g. Finance"))
        self.kind_combo = QComboBox(self)
        for kind in StakeholderKind:
            self.kind_combo.addItem(fmt.stakeholder_kind_label(kind), kind)
        default = StakeholderData(name="")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(default.kind))
        form.addRow(self.tr("&Name:"), self._field("name", self.name_edit))
        form.addRow(self.tr("&Title:"), self._field("title", self.title_edit))
        form.addRow(self.tr("&Unit:"), self._field("unit", self.unit_edit))
        form.addRow(self.tr("&Kind:"), self._field("kind", self.kind_combo))
        form.addRow(self.tr("Ratings:"), self._ratings_row())
        form.addRow(self.tr("&Stance:"), self._stance_row())
        self.reports_combo = self._reports_to_combo()
        form.addRow(self.tr("&Reports to:"), self._field("reports_to_id", self.reports_combo))
        self.email_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        form.addRow(self.tr("&E-mail:"), self._field("email", self.email_edit))
        form.addRow(self.tr("&Phone:"), self._field("phone", self.phone_edit))
        self.cadence_spin = QSpinBox(self)
        self.cadence_spin.setRange(0, _MAX_CADENCE_DAYS)
        self.cadence_spin.setSpecialValueText(self.tr("No cadence"))
        self.cadence_spin.setSuffix(self.tr(" days"))
        self.cadence_spin.setToolTip(
            self.tr("Meet them at least this often; they are flagged as going cold after it.")
        )
        form.addRow(
            self.tr("Stay in &touch every:"), self._field("cadence_days", self.cadence_spin)
        )
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas, e.g. ERP, budget"))
        form.addRow(self.tr("Ta&gs:"), self._field("tags", self.tags_edit))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Background, what matters to them…"))
        self.notes_edit.setMinimumHeight(self.fontMetrics().height() * 4)
        form.addRow(self.tr("N&otes:"), self._field("notes", self.notes_edit))
        self.manager_check = QCheckBox(
            self.tr("This is &my manager (the person I report to)"), self
        )
        form.addRow("", self.manager_check)
        layout.addLayout(form)
        self.general_error = plain_label("", self)
        set_tone(self.general_error, "warn")
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _field(self, name: str, widget: QWidget) -> QWidget:
        """`widget` with a hidden error line under it, for the field `name`."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = plain_label("", box)
        set_tone(error, "warn")
        error.hide()
        column.addWidget(error)
        self._errors[name] = error
        self._inputs[name] = widget
        return box

    def _ratings_row(self) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.influence_spin = QSpinBox(row)
        self.interest_spin = QSpinBox(row)
        for spin, tip in (
            (self.influence_spin, self.tr("How much they can help or hinder you: 1 to 5.")),
            (self.interest_spin, self.tr("How much your work affects them: 1 to 5.")),
        ):
            spin.setRange(1, 5)
            spin.setValue(3)
            spin.setToolTip(tip)
        influence_label = QLabel(self.tr("&Influence"), row)
        influence_label.setBuddy(self.influence_spin)
        interest_label = QLabel(self.tr("I&nterest"), row)
        interest_label.setBuddy(self.interest_spin)
        line.addWidget(influence_label)
        line.addWidget(self._field("influence", self.influence_spin))
        line.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        line.addWidget(interest_label)
        line.addWidget(self._field("interest", self.interest_spin))
        line.addStretch(1)
        return row

    def _stance_row(self) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        palette = self.palette()
        self.stance_combo = QComboBox(row)
        self.target_combo = QComboBox(row)
        self.target_combo.addItem(self.tr("No target"), None)
        for stance in Stance:
            icon = stance_icon(stance, palette)
            self.stance_combo.addItem(icon, fmt.stance_label(stance), stance)
            self.target_combo.addItem(icon, fmt.stance_label(stance), stance)
        self.stance_combo.setCurrentIndex(self.stance_combo.findData(Stance.NEUTRAL))
        self.target_combo.setToolTip(
            self.tr("The stance you want them to have: the gap says where to invest your time.")
        )
        target_label = QLabel(self.tr("T&arget"), row)
        target_label.setBuddy(self.target_combo)
        line.addWidget(self._field("stance", self.stance_combo), 1)
        line.addWidget(target_label)
        line.addWidget(self._field("target_stance", self.target_combo), 1)
        return row

    def _reports_to_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem(self.tr("Nobody in the register"), None)
        own_id = self._record.id if self._record else None
        for person in self._ws.stakeholders.list():
            if person.id != own_id:
                combo.addItem(_person_label(person), person.id)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        return combo

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ values

    def _fill(self, record: StakeholderRecord) -> None:
        self.name_edit.setText(record.name)
        self.title_edit.setText(record.title)
        self.unit_edit.setText(record.unit)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.kind))
        self.influence_spin.setValue(record.influence)
        self.interest_spin.setValue(record.interest)
        self.stance_combo.setCurrentIndex(self.stance_combo.findData(record.stance))
        # The stance changes through "Re-assess stance", which keeps its history.
        self.stance_combo.setEnabled(False)
        self.stance_combo.setToolTip(
            self.tr("Use “Re-assess stance” on the person's page: it keeps the stance history.")
        )
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(record.target_stance)))
        if record.reports_to_id is not None:
            index = self.reports_combo.findData(record.reports_to_id)
            if index < 0:  # an archived manager: still shown, so saving keeps the line
                manager = self._ws.stakeholders.get(record.reports_to_id)
                self.reports_combo.addItem(_person_label(manager), manager.id)
                index = self.reports_combo.count() - 1
            self.reports_combo.setCurrentIndex(index)
        self.email_edit.setText(record.email)
        self.phone_edit.setText(record.phone)
        self.cadence_spin.setValue(record.cadence_days or 0)
        self.tags_edit.setText(", ".join(record.tags))
        self.notes_edit.setPlainText(record.notes)
        self.manager_check.setChecked(record.is_manager)

    def values(self) -> dict[str, Any]:
        """What the form says, as StakeholderData fields; ValidationError if unreadable."""
        return {
            "name": self.name_edit.text(),
            "title": self.title_edit.text(),
            "unit": self.unit_edit.text(),
            "kind": self.kind_combo.currentData(),
            "influence": self.influence_spin.value(),
            "interest": self.interest_spin.value(),
            "stance": self.stance_combo.currentData(),
            "target_stance": self.target_combo.currentData(),
            "email": self.email_edit.text(),
            "phone": self.phone_edit.text(),
            "notes": self.notes_edit.toPlainText(),
            "reports_to_id": self._reports_to_id(),
            "is_manager": self.manager_check.isChecked(),
            "cadence_days": self.cadence_spin.value() or None,
            "tags": tuple(part for part in self.tags_edit.text().split(",")),
        }

    def _reports_to_id(self) -> int | None:
        combo = self.reports_combo
        typed = combo.currentText().strip()
        if not typed:
            return None
        index = combo.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ValidationError(
                "reports_to_id", self.tr("Pick their manager from the list, or leave it empty.")
            )
        return combo.itemData(index)

    # ------------------------------------------------------------ saving

    @Slot()
    def _save(self) -> None:
        self._clear_errors()
        try:
            values = self.values()
            if self._record is None:
                self.saved = actions.add_stakeholder(
                    self._history, self._ws, StakeholderData(**values)
                )
            else:
                self.saved = actions.edit_stakeholder(
                    self._history, self._ws, self._record.id, values
                )
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        except CioDeskError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        self.accept()

    def show_error(self, field: str, message: str) -> None:
        """Show `message` under the field (or under the form) and focus the field."""
        label = self._errors.get(field)
        if label is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        label.setText(message)
        label.show()
        self._inputs[field].setFocus()

    def error_text(self, field: str) -> str:
        """The message shown under a field ("" when none is)."""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.hide()
            label.setText("")


def _person_label(person: StakeholderRecord) -> str:
    role = ", ".join(part for part in (person.title, person.unit) if part)
    if not role:
        return person.name
    return QCoreApplication.translate("StakeholderEditor", "{name} — {role}").format(
        name=person.name, role=role
    )
