"""The next-step editor: a concrete step on one horizon, its owner and due date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from cio_desk.services.plan_horizons import NextStepData, NextStepRecord
from cio_desk.store.enums import HORIZONS
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo, text_edit


class NextStepEditor(EditorDialog[NextStepData, NextStepRecord]):
    """Step, owner, optional due date, horizon and done."""

    def __init__(
        self,
        save: Callable[[NextStepData], NextStepRecord],
        horizon: int,
        today: dt.date,
        step: NextStepRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Edit next step") if step else self.tr("New next step"))
        self.setMinimumWidth(520)
        form = self.new_form()
        self.text_edit = text_edit(self, self.tr("e.g. Agree the ERP payment plan with the CFO"))
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setMaxLength(200)
        self.due_box = QCheckBox(self.tr("Due by"), self)
        self.due_edit = QDateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(self.tr("d MMM yyyy"))
        due_row = QWidget(self)
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_box)
        due_layout.addWidget(self.due_edit, 1)
        self.horizon_combo = choice_combo(
            self, [(fmt.horizon_label(h), h) for h in HORIZONS], step.horizon if step else horizon
        )
        self.done_box = QCheckBox(self.tr("Done"), self)
        self.add_field(form, "text", self.tr("&Step"), self.text_edit)
        self.add_field(form, "owner", self.tr("&Owner"), self.owner_edit)
        self.add_field(form, "due_date", self.tr("D&ue"), due_row)
        self.add_field(form, "horizon", self.tr("&Horizon"), self.horizon_combo)
        self.add_field(form, "done", "", self.done_box)
        self.layout_.addLayout(form)
        self.finish()
        due = step.due_date if step and step.due_date else today + dt.timedelta(days=14)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.due_box.setChecked(step is None or step.due_date is not None)
        if step is not None:
            self.text_edit.setPlainText(step.text)
            self.owner_edit.setText(step.owner)
            self.done_box.setChecked(step.done)
        self.due_box.toggled.connect(self._due_toggled)
        self._due_toggled(self.due_box.isChecked())

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[NextStepData], NextStepRecord],
        horizon: int,
        today: dt.date,
        step: NextStepRecord | None = None,
    ) -> tuple[NextStepRecord | None, bool]:
        """Show the editor; returns the saved step and whether it was saved."""
        return cls.run(cls(save, horizon, today, step, parent))

    @Slot(bool)
    def _due_toggled(self, checked: bool) -> None:
        self.due_edit.setEnabled(checked)

    def value(self) -> NextStepData:
        due = self.due_edit.date().toPython() if self.due_box.isChecked() else None
        return NextStepData(
            horizon=self.horizon_combo.currentData(),
            text=self.text_edit.toPlainText(),
            owner=self.owner_edit.text(),
            due_date=due,  # type: ignore[arg-type]
            done=self.done_box.isChecked(),
        )
