"""The unit-situation editor: which of five situations a business unit is in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QWidget

from cio_desk.services.plan import UnitSituationData, UnitSituationRecord
from cio_desk.store.enums import SituationType
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo, text_edit
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label


class SituationEditor(EditorDialog[UnitSituationData, UnitSituationRecord]):
    """Unit, situation type (with what it calls for) and a note."""

    def __init__(
        self,
        save: Callable[[UnitSituationData], UnitSituationRecord],
        units: Sequence[str],
        situation: UnitSituationRecord | None = None,
        unit: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(
            self.tr("Edit unit situation") if situation else self.tr("New unit situation")
        )
        self.setMinimumWidth(540)
        form = self.new_form()
        self.unit_combo = QComboBox(self)
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(list(units))
        self.unit_combo.lineEdit().setMaxLength(200)
        self.unit_combo.lineEdit().setPlaceholderText(self.tr("e.g. Finance"))
        self.unit_combo.setCurrentText(situation.unit if situation else unit)
        current = situation.situation if situation else SituationType.SUSTAINING_SUCCESS
        self.situation_combo = choice_combo(
            self, [(fmt.situation_label(s), s) for s in SituationType], current
        )
        self.guidance_label = plain_label("", self)
        set_tone(self.guidance_label, "muted")
        self.note_edit = text_edit(self, self.tr("Why you read it this way"))
        self.add_field(form, "unit", self.tr("&Unit"), self.unit_combo)
        self.add_field(form, "situation", self.tr("&Situation"), self.situation_combo)
        form.addRow("", self.guidance_label)
        self.add_field(form, "note", self.tr("&Note"), self.note_edit)
        self.layout_.addLayout(form)
        self.finish()
        if situation is not None:
            self.note_edit.setPlainText(situation.note)
        self.situation_combo.currentIndexChanged.connect(self._show_guidance)
        self._show_guidance()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[UnitSituationData], UnitSituationRecord],
        units: Sequence[str],
        situation: UnitSituationRecord | None = None,
        unit: str = "",
    ) -> tuple[UnitSituationRecord | None, bool]:
        """Show the editor; returns the saved situation and whether it was saved."""
        return cls.run(cls(save, units, situation, unit, parent))

    @Slot()
    def _show_guidance(self) -> None:
        self.guidance_label.setText(fmt.situation_guidance(self.situation_combo.currentData()))

    def value(self) -> UnitSituationData:
        return UnitSituationData(
            unit=self.unit_combo.currentText(),
            situation=self.situation_combo.currentData(),
            note=self.note_edit.toPlainText(),
        )
