"""One term of the business-language check, with its plain English and Chinese."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from cio_desk.services.jargon import JargonData, JargonRecord
from cio_desk.ui.dialogs.plan_form import EditorDialog
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label


class JargonEditor(EditorDialog[JargonData, JargonRecord]):
    """A term (an acronym such as "ERP" or a phrase) and the plain words for it."""

    def __init__(
        self,
        save: Callable[[JargonData], JargonRecord],
        term: JargonRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Edit term") if term else self.tr("New term"))
        self.setMinimumWidth(520)
        hint = plain_label(
            self.tr(
                "Terms in capitals match as written (“IT”, not “it”); other terms match "
                "in any case. The executive export lists every use and the glossary "
                "explains those that remain."
            ),
            self,
        )
        set_tone(hint, "muted")
        self.layout_.addWidget(hint)
        form = self.new_form()
        self.term_edit = QLineEdit(self)
        self.term_edit.setMaxLength(100)
        self.term_edit.setPlaceholderText(self.tr("e.g. ERP"))
        self.plain_en_edit = QLineEdit(self)
        self.plain_en_edit.setPlaceholderText(
            self.tr("e.g. company-wide system for finance and production")
        )
        self.plain_zh_edit = QLineEdit(self)
        self.plain_zh_edit.setPlaceholderText("例如：企业资源管理系统")
        self.add_field(form, "term", self.tr("&Term"), self.term_edit)
        self.add_field(form, "plain_en", self.tr("In plain &English"), self.plain_en_edit)
        self.add_field(form, "plain_zh", self.tr("In plain &Chinese"), self.plain_zh_edit)
        self.layout_.addLayout(form)
        self.finish()
        if term is not None:
            self.term_edit.setText(term.term)
            self.plain_en_edit.setText(term.plain_en)
            self.plain_zh_edit.setText(term.plain_zh)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[JargonData], JargonRecord],
        term: JargonRecord | None = None,
    ) -> tuple[JargonRecord | None, bool]:
        """Show the editor; returns the saved term and whether it was saved."""
        return cls.run(cls(save, term, parent))

    def value(self) -> JargonData:
        return JargonData(
            term=self.term_edit.text(),
            plain_en=self.plain_en_edit.text(),
            plain_zh=self.plain_zh_edit.text(),
        )
