"""Small dialogs that save one undoable edit: a refused save keeps the dialog open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import BossConversationKind, Stance
from cio_desk.ui.dialogs.boss_conversation import BossConversationDialog
from cio_desk.ui.dialogs.stance_reassess import StanceDialog
from cio_desk.ui.undo import EditHistory
from cio_desk.workspace import Workspace

TODAY = dt.date(2026, 3, 9)


def _save(dialog: QDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[attr-defined]


def test_a_refused_stance_stays_open_with_the_reason(ws: Workspace, qtbot) -> None:
    person = ws.stakeholders.add(StakeholderData("王芳", title="CFO"))
    history = EditHistory()
    dialog = StanceDialog(ws, history, person.id, TODAY)
    qtbot.addWidget(dialog)
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData(Stance.SUPPORTER))
    ws.stakeholders.delete(person.id)  # deleted while the dialog was open

    _save(dialog)

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved is None
    assert not dialog.error_label.isHidden()
    assert "no longer exists" in dialog.error_label.text()
    assert history.stack.count() == 0


def test_a_saved_conversation_is_one_undoable_step(ws: Workspace, qtbot) -> None:
    boss = ws.stakeholders.add(StakeholderData("Li Wei", title="CEO", is_manager=True))
    history = EditHistory()
    dialog = BossConversationDialog(ws, history, boss.id, BossConversationKind.EXPECTATIONS, TODAY)
    qtbot.addWidget(dialog)
    dialog.held_check.setChecked(True)
    dialog.notes_edit.setPlainText("A plan by Day 30.")

    _save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None and dialog.saved.held_on == TODAY
    assert dialog.error_label.isHidden()
    history.stack.undo()
    item = next(i for i in ws.boss.checklist(boss.id).items if i.kind is dialog.saved.kind)
    assert item.held_on is None
