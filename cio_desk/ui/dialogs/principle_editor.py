"""The guiding-principle editor: one line of the strategic approach."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from cio_desk.services.plan import PrincipleData, PrincipleRecord
from cio_desk.ui.dialogs.plan_form import EditorDialog, text_edit
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label


class PrincipleEditor(EditorDialog[PrincipleData, PrincipleRecord]):
    """The text of a guiding principle."""

    def __init__(
        self,
        save: Callable[[PrincipleData], PrincipleRecord],
        principle: PrincipleRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Edit principle") if principle else self.tr("New principle"))
        self.setMinimumWidth(520)
        hint = plain_label(
            self.tr(
                "How you will work, in plain words: for example, “Save money before "
                "spending it” or “Business language, not jargon”."
            ),
            self,
        )
        set_tone(hint, "muted")
        self.layout_.addWidget(hint)
        form = self.new_form()
        self.text_edit = text_edit(self, self.tr("The principle"), lines=4)
        self.add_field(form, "text", self.tr("&Principle"), self.text_edit)
        self.layout_.addLayout(form)
        self.finish()
        if principle is not None:
            self.text_edit.setPlainText(principle.text)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[PrincipleData], PrincipleRecord],
        principle: PrincipleRecord | None = None,
    ) -> tuple[PrincipleRecord | None, bool]:
        """Show the editor; returns the saved principle and whether it was saved."""
        return cls.run(cls(save, principle, parent))

    def value(self) -> PrincipleData:
        return PrincipleData(text=self.text_edit.toPlainText())
