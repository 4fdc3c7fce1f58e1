"""The goal editor: a goal of the plan and the initiatives that serve it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.plan import GoalData, GoalRecord
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, text_edit
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.pick_list import PickItem, PickList


class GoalEditor(EditorDialog[GoalData, GoalRecord]):
    """Title, description and the initiatives serving the goal."""

    def __init__(
        self,
        save: Callable[[GoalData], GoalRecord],
        initiatives: Sequence[InitiativeRecord],
        goal: GoalRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Edit goal") if goal else self.tr("New goal"))
        self.resize(620, 520)
        form = self.new_form()
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. Close the books in 5 days, not 12"))
        self.description_edit = text_edit(self, self.tr("What reaching it means for the business"))
        self.add_field(form, "title", self.tr("&Goal"), self.title_edit)
        self.add_field(form, "description", self.tr("&Description"), self.description_edit)
        self.layout_.addLayout(form)
        box = QVBoxLayout()
        box.addWidget(plain_label(self.tr("Initiatives serving this goal"), self))
        self.initiatives_list = PickList(
            [self.tr("Initiative"), self.tr("Horizon"), self.tr("Months")],
            search_hint=self.tr("Find an initiative"),
            empty_text=self.tr("No initiatives yet: add them on the Initiatives tab."),
            parent=self,
        )
        self.initiatives_list.set_items(
            [
                PickItem(
                    i.id,
                    (
                        i.title,
                        fmt.horizon_short_label(i.horizon),
                        fmt.month_span(i.start_month, i.end_month),
                    ),
                )
                for i in initiatives
            ],
            goal.initiative_ids if goal else (),
        )
        self.add_box_field(box, "initiative_ids", self.initiatives_list)
        self.layout_.addLayout(box, 1)
        self.finish()
        if goal is not None:
            self.title_edit.setText(goal.title)
            self.description_edit.setPlainText(goal.description)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[GoalData], GoalRecord],
        initiatives: Sequence[InitiativeRecord],
        goal: GoalRecord | None = None,
    ) -> tuple[GoalRecord | None, bool]:
        """Show the editor; returns the saved goal and whether it was saved."""
        return cls.run(cls(save, initiatives, goal, parent))

    def value(self) -> GoalData:
        return GoalData(
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            initiative_ids=self.initiatives_list.ticked_ids(),
        )
