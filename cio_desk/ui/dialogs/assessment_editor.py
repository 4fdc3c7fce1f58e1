"""The assessment-item editor: a strength, weakness, pain point, opportunity or threat.

An item can cite what stakeholders said, so the assessment is grounded in
the meetings rather than in the CIO's first impressions alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from cio_desk.services.plan import AssessmentItemData, AssessmentItemRecord
from cio_desk.services.traceability import TracedInsight
from cio_desk.store.enums import AssessmentKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo, insight_items, text_edit
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.pick_list import PickList


class AssessmentEditor(EditorDialog[AssessmentItemData, AssessmentItemRecord]):
    """Kind, text, business unit and the insights it cites."""

    def __init__(
        self,
        save: Callable[[AssessmentItemData], AssessmentItemRecord],
        choices: Sequence[TracedInsight],
        units: Sequence[str],
        item: AssessmentItemRecord | None = None,
        kind: AssessmentKind = AssessmentKind.STRENGTH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(
            self.tr("Edit assessment item") if item else self.tr("New assessment item")
        )
        self.resize(720, 600)
        form = self.new_form()
        self.kind_combo = choice_combo(
            self,
            [(fmt.assessment_kind_label(k), k) for k in AssessmentKind],
            item.kind if item else kind,
        )
        self.text_edit = text_edit(self, self.tr("e.g. Month-end close takes 12 days"))
        self.unit_combo = QComboBox(self)
        self.unit_combo.setEditable(True)
        self.unit_combo.addItem("")
        self.unit_combo.addItems(list(units))
        self.unit_combo.lineEdit().setMaxLength(200)
        self.unit_combo.lineEdit().setPlaceholderText(self.tr("The whole organisation"))
        self.add_field(form, "kind", self.tr("&Kind"), self.kind_combo)
        self.add_field(form, "text", self.tr("&Assessment"), self.text_edit)
        self.add_field(form, "unit", self.tr("&Unit"), self.unit_combo)
        self.layout_.addLayout(form)
        box = QVBoxLayout()
        box.addWidget(plain_label(self.tr("What you heard that supports it"), self))
        self.insights_list = PickList(
            [self.tr("What was said"), self.tr("Who"), self.tr("Kind")],
            search_hint=self.tr("Find by words or by name"),
            empty_text=self.tr("Nothing recorded from your meetings yet."),
            parent=self,
        )
        self.insights_list.set_items(insight_items(choices), item.insight_ids if item else ())
        self.add_box_field(box, "insight_ids", self.insights_list)
        self.layout_.addLayout(box, 1)
        self.finish()
        if item is not None:
            self.text_edit.setPlainText(item.text)
            self.unit_combo.setCurrentText(item.unit)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[AssessmentItemData], AssessmentItemRecord],
        choices: Sequence[TracedInsight],
        units: Sequence[str],
        item: AssessmentItemRecord | None = None,
        kind: AssessmentKind = AssessmentKind.STRENGTH,
    ) -> tuple[AssessmentItemRecord | None, bool]:
        """Show the editor; returns the saved item and whether it was saved."""
        return cls.run(cls(save, choices, units, item, kind, parent))

    def value(self) -> AssessmentItemData:
        return AssessmentItemData(
            kind=self.kind_combo.currentData(),
            text=self.text_edit.toPlainText(),
            unit=self.unit_combo.currentText(),
            insight_ids=self.insights_list.ticked_ids(),
        )
