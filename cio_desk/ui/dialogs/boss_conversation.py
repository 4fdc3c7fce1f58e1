"""Record one of the five conversations with the CIO's manager: held when, and notes.

item, accepted = BossConversationDialog.record(parent, ws, history, manager_id, kind, today)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.boss import BossConversationItem
from cio_desk.store.enums import BossConversationKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.save_dialog import SaveDialog
from cio_desk.ui.pages import stakeholder_actions as actions
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.undo import EditHistory
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.workspace import Workspace


class BossConversationDialog(SaveDialog[BossConversationItem]):
    """Whether and when a conversation was held, and what was agreed."""

    def __init__(
        self,
        ws: Workspace,
        history: EditHistory,
        manager_id: int,
        kind: BossConversationKind,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, history, parent)
        self._manager_id = manager_id
        self._kind = kind
        checklist = ws.boss.checklist(manager_id)
        item = next(i for i in checklist.items if i.kind == kind) if checklist else None
        self.setWindowTitle(
            self.tr("Conversation: {topic}").format(topic=fmt.boss_conversation_label(kind))
        )
        layout = QVBoxLayout(self)
        title = plain_label(fmt.boss_conversation_label(kind), self)
        title.setFont(scaled_font(self.font(), 1.15, bold=True))
        hint = plain_label(fmt.boss_conversation_hint(kind), self)
        set_tone(hint, "muted")
        layout.addWidget(title)
        layout.addWidget(hint)
        form = QFormLayout()
        self.held_check = QCheckBox(self.tr("&Held"), self)
        held_on = item.held_on if item and item.held_on else today
        self.date_edit = QDateEdit(QDate(held_on.year, held_on.month, held_on.day), self)
        self.date_edit.setCalendarPopup(True)
        self.held_check.setChecked(bool(item and item.held))
        self.date_edit.setEnabled(self.held_check.isChecked())
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("What you heard and agreed…"))
        self.notes_edit.setPlainText(item.notes if item else "")
        form.addRow(self.held_check, self.date_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        layout.addLayout(form)
        self.held_check.toggled.connect(self.date_edit.setEnabled)
        self._finish(layout, width=60, focus=self.held_check)

    @classmethod
    def record(
        cls,
        parent: QWidget | None,
        ws: Workspace,
        history: EditHistory,
        manager_id: int,
        kind: BossConversationKind,
        today: dt.date,
    ) -> tuple[BossConversationItem | None, bool]:
        """Edit one conversation (undoable); returns (item, accepted)."""
        return cls(ws, history, manager_id, kind, today, parent).run()

    def _attempt(self) -> BossConversationItem:
        held_on = self.date_edit.date().toPython() if self.held_check.isChecked() else None
        return actions.record_boss_conversation(
            self._history,
            self._ws,
            self._manager_id,
            self._kind,
            held_on,
            self.notes_edit.toPlainText(),
        )
