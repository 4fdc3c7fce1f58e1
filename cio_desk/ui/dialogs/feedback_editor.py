"""Reviewer feedback: record what a reviewer said, then say how it was addressed.

    saved, ok = FeedbackEditor.edit(parent, save, versions, today=today)
    saved, ok = AddressFeedbackDialog.address(parent, save, feedback, today=today)

Each is given the page's undoable edit as `save`; a refused value is shown
under its field and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from cio_desk.services.review import SECTION_KEYS, ReviewData, ReviewRecord
from cio_desk.services.versions import VersionRecord
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, text_edit
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date_edit(parent: QWidget, value: dt.date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(parent.tr("d MMM yyyy"))
    edit.setDate(_qdate(value))
    return edit


class FeedbackEditor(EditorDialog[ReviewData, ReviewRecord]):
    """What a reviewer said, about which section, when, and on which version."""

    def __init__(
        self,
        save: Callable[[ReviewData], ReviewRecord],
        versions: Sequence[VersionRecord],
        *,
        today: dt.date,
        feedback: ReviewRecord | None = None,
        section: str = "general",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Edit feedback") if feedback else self.tr("New feedback"))
        self.setMinimumWidth(560)
        form = self.new_form()
        self.section_combo = QComboBox(self)
        for key in SECTION_KEYS:
            self.section_combo.addItem(fmt.review_section_label(key), key)
        self.reviewer_edit = QLineEdit(self)
        self.reviewer_edit.setMaxLength(200)
        self.reviewer_edit.setPlaceholderText(self.tr("e.g. your coach, a peer CIO"))
        self.received_edit = _date_edit(self, today)
        self.version_combo = QComboBox(self)
        self.version_combo.addItem(self.tr("No particular version"), None)
        for version in reversed(versions):
            title = self.tr("Version {number}").format(number=version.number)
            if version.label:
                title = self.tr("{title}: {label}").format(title=title, label=version.label)
            self.version_combo.addItem(title, version.number)
        self.text_edit = text_edit(self, self.tr("What the reviewer said"), lines=5)
        self.add_field(form, "section", self.tr("&Section"), self.section_combo)
        self.add_field(form, "reviewer", self.tr("&Reviewer"), self.reviewer_edit)
        self.add_field(form, "received_on", self.tr("Re&ceived on"), self.received_edit)
        self.add_field(form, "version_number", self.tr("On &version"), self.version_combo)
        self.add_field(form, "text", self.tr("&Feedback"), self.text_edit)
        self.layout_.addLayout(form)
        self.finish()
        self._fill(feedback, section, versions)

    def _fill(
        self, feedback: ReviewRecord | None, section: str, versions: Sequence[VersionRecord]
    ) -> None:
        if feedback is None:
            self._choose(self.section_combo, section)
            if versions:  # most feedback is on the version the reviewer was last sent
                self._choose(self.version_combo, versions[-1].number)
            return
        self._choose(self.section_combo, feedback.section)
        self.reviewer_edit.setText(feedback.reviewer)
        self.received_edit.setDate(_qdate(feedback.received_on))
        self._choose(self.version_combo, feedback.version_number)
        self.text_edit.setPlainText(feedback.text)

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[ReviewData], ReviewRecord],
        versions: Sequence[VersionRecord],
        *,
        today: dt.date,
        feedback: ReviewRecord | None = None,
        section: str = "general",
    ) -> tuple[ReviewRecord | None, bool]:
        """Show the editor; returns the saved feedback and whether it was saved."""
        dialog = cls(save, versions, today=today, feedback=feedback, section=section, parent=parent)
        return cls.run(dialog)

    def value(self) -> ReviewData:
        return ReviewData(
            section=self.section_combo.currentData(),
            text=self.text_edit.toPlainText(),
            received_on=self.received_edit.date().toPython(),
            reviewer=self.reviewer_edit.text(),
            version_number=self.version_combo.currentData(),
        )


@dataclass(frozen=True)
class Addressing:
    """How a piece of feedback was addressed: when, and the reply."""

    on: dt.date
    reply: str


class AddressFeedbackDialog(EditorDialog[Addressing, ReviewRecord]):
    """Mark feedback addressed, with what was done (the coach PDF lists it)."""

    def __init__(
        self,
        save: Callable[[Addressing], ReviewRecord],
        feedback: ReviewRecord,
        *,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Mark feedback addressed"))
        self.setMinimumWidth(560)
        who = feedback.reviewer or self.tr("A reviewer")
        heard = plain_label(
            self.tr("{who} on {section}, {date}:").format(
                who=who,
                section=fmt.review_section_label(feedback.section),
                date=fmt.medium_date(feedback.received_on),
            ),
            self,
        )
        set_tone(heard, "muted")
        self.feedback_label = plain_label(feedback.text, self)
        self.layout_.addWidget(heard)
        self.layout_.addWidget(self.feedback_label)
        form = self.new_form()
        self.on_edit = _date_edit(self, feedback.addressed_on or today)
        self.reply_edit = text_edit(self, self.tr("What you changed, or why not"), lines=4)
        self.reply_edit.setPlainText(feedback.reply)
        self.add_field(form, "addressed_on", self.tr("&Addressed on"), self.on_edit)
        self.add_field(form, "reply", self.tr("&What was done"), self.reply_edit)
        self.layout_.addLayout(form)
        self.finish()
        self.reply_edit.setFocus()

    @classmethod
    def address(
        cls,
        parent: QWidget | None,
        save: Callable[[Addressing], ReviewRecord],
        feedback: ReviewRecord,
        *,
        today: dt.date,
    ) -> tuple[ReviewRecord | None, bool]:
        """Show the dialog; returns the feedback as saved and whether it was saved."""
        return cls.run(cls(save, feedback, today=today, parent=parent))

    def value(self) -> Addressing:
        return Addressing(on=self.on_edit.date().toPython(), reply=self.reply_edit.toPlainText())
