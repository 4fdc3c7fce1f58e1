"""Re-assess a stakeholder's stance on a date, with a note; the history is kept.

change, accepted = StanceDialog.reassess(parent, ws, history, person_id, today)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.tour import StanceChange
from cio_desk.store.enums import Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.save_dialog import SaveDialog
from cio_desk.ui.pages import stakeholder_actions as actions
from cio_desk.ui.undo import EditHistory
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.influence_grid import stance_icon
from cio_desk.workspace import Workspace


class StanceDialog(SaveDialog[StanceChange]):
    """A stance, the day it was assessed, and why."""

    def __init__(
        self,
        ws: Workspace,
        history: EditHistory,
        stakeholder_id: int,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, history, parent)
        self._stakeholder_id = stakeholder_id
        person = ws.stakeholders.get(stakeholder_id)
        self.setWindowTitle(self.tr("Re-assess stance"))
        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr("How does {name} stand towards you and your agenda now?").format(
                name=person.name
            ),
            self,
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.stance_combo = QComboBox(self)
        for stance in Stance:
            self.stance_combo.addItem(
                stance_icon(stance, self.palette()), fmt.stance_label(stance), stance
            )
        self.stance_combo.setCurrentIndex(self.stance_combo.findData(person.stance))
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("What changed, e.g. backed the ERP budget"))
        form.addRow(self.tr("&Stance:"), self.stance_combo)
        form.addRow(self.tr("&Assessed on:"), self.date_edit)
        form.addRow(self.tr("&Why:"), self.note_edit)
        layout.addLayout(form)
        self._finish(layout, width=55, focus=self.stance_combo)

    @classmethod
    def reassess(
        cls,
        parent: QWidget | None,
        ws: Workspace,
        history: EditHistory,
        stakeholder_id: int,
        today: dt.date,
    ) -> tuple[StanceChange | None, bool]:
        """Ask for the new stance and record it (undoable); returns (change, accepted)."""
        return cls(ws, history, stakeholder_id, today, parent).run()

    def _attempt(self) -> StanceChange:
        return actions.reassess_stance(
            self._history,
            self._ws,
            self._stakeholder_id,
            self.stance_combo.currentData(),
            self.date_edit.date().toPython(),
            self.note_edit.text(),
        )
