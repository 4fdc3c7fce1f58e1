"""The follow-up editor: what was promised, to whom, after which meeting, by when.

The dialog saves through the `save` callback it is given (the page records
the edit for undo); a refused value, such as a due date before the meeting,
is explained under its field and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.services.followups import FollowUpData, FollowUpRecord, MeetingLabel
from cio_desk.services.meetings import MeetingRecord
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.field_errors import FormErrors
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.person_picker import Person, PersonPicker

SaveFollowUp = Callable[[FollowUpData], FollowUpRecord]
MeetingsOf = Callable[[int], Sequence[MeetingRecord]]  # a person's meetings, latest first
_DEFAULT_DAYS = 7


class FollowUpEditor(QDialog):
    """Add or edit one follow-up."""

    def __init__(
        self,
        people: Sequence[Person],
        meetings_of: MeetingsOf,
        save: SaveFollowUp,
        *,
        today: dt.date,
        follow_up: FollowUpRecord | None = None,
        meeting: MeetingLabel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._meetings_of = meetings_of
        self._save_follow_up = save
        self._kept_meeting = meeting  # the linked meeting, listed whoever is chosen
        self._saved: FollowUpRecord | None = None
        self.setWindowTitle(self.tr("Edit follow-up") if follow_up else self.tr("New follow-up"))
        self.setMinimumWidth(540)
        self._build(people)
        self._fill(follow_up, today)
        self._connect_signals()

    @classmethod
    def edit_follow_up(
        cls,
        parent: QWidget | None,
        people: Sequence[Person],
        meetings_of: MeetingsOf,
        save: SaveFollowUp,
        *,
        today: dt.date,
        follow_up: FollowUpRecord | None = None,
        meeting: MeetingLabel | None = None,
    ) -> tuple[FollowUpRecord | None, bool]:
        """Show the dialog; returns the saved follow-up and whether it was saved."""
        dialog = cls(
            people,
            meetings_of,
            save,
            today=today,
            follow_up=follow_up,
            meeting=meeting,
            parent=parent,
        )
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        saved = dialog.saved_follow_up()
        dialog.deleteLater()
        return saved, accepted

    def saved_follow_up(self) -> FollowUpRecord | None:
        return self._saved

    # ------------------------------------------------------------ building

    def _build(self, people: Sequence[Person]) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FormErrors(form, self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("e.g. Send the IT cost baseline to the CFO"))
        self.text_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.person_picker = PersonPicker(self)
        self.person_picker.set_people(people, none_text=self.tr("Nobody in particular"))
        self.meeting_combo = QComboBox(self)
        self.meeting_combo.setToolTip(
            self.tr("Meetings with the person chosen above, the latest first.")
        )
        self.due_check = QCheckBox(self.tr("Due by"), self)
        self.due_edit = QDateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(self.tr("ddd d MMMM yyyy"))
        due_row = QWidget(self)
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_check)
        due_layout.addWidget(self.due_edit, 1)
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setMaxLength(200)
        self.owner_edit.setPlaceholderText(self.tr("You, unless someone else does it"))
        self.quick_win_check = QCheckBox(self.tr("This is a &quick win"), self)
        hint = plain_label(
            self.tr(
                "Something concrete and unexpectedly useful to them, done early: "
                "it shows your values."
            ),
            self,
        )
        set_tone(hint, "muted")
        self.errors.add_row("text", self.tr("&Follow-up"), self.text_edit)
        self.errors.add_row("stakeholder_id", self.tr("F&or"), self.person_picker)
        self.errors.add_row("meeting_id", self.tr("From &meeting"), self.meeting_combo)
        self.errors.add_row("due_date", self.tr("&Due"), due_row)
        self.errors.add_row("owner", self.tr("O&wner"), self.owner_edit)
        form.addRow("", self.quick_win_check)
        form.addRow("", hint)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)

    def _fill(self, follow_up: FollowUpRecord | None, today: dt.date) -> None:
        due = today + dt.timedelta(days=_DEFAULT_DAYS)
        if follow_up is None:
            self.due_check.setChecked(True)
        else:
            self.text_edit.setPlainText(follow_up.text)
            self.person_picker.select_person(follow_up.stakeholder_id)
            self.due_check.setChecked(follow_up.due_date is not None)
            due = follow_up.due_date or due
            self.owner_edit.setText(follow_up.owner)
            self.quick_win_check.setChecked(follow_up.quick_win)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.due_edit.setEnabled(self.due_check.isChecked())
        self._list_meetings()
        if follow_up is not None:
            self.meeting_combo.setCurrentIndex(
                max(0, self.meeting_combo.findData(follow_up.meeting_id))
            )

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.person_picker.currentIndexChanged.connect(self._list_meetings)
        # A name typed in full (not picked from the list) counts once the field is left.
        self.person_picker.lineEdit().editingFinished.connect(self._list_meetings)

    # ------------------------------------------------------------ meetings

    @Slot()
    def _list_meetings(self) -> None:
        """The chosen person's meetings (and the linked one), keeping the choice if listed."""
        chosen = self.meeting_combo.currentData()
        person, _problem = self.person_picker.resolve()
        choices = list(self._meetings_of(person[0])) if person is not None else []
        meetings: list[MeetingRecord | MeetingLabel] = list(choices)
        kept = self._kept_meeting
        if kept is not None and all(m.id != kept.id for m in meetings):
            meetings.insert(0, kept)
        self.meeting_combo.clear()
        self.meeting_combo.addItem(self.tr("No meeting"), None)
        for meeting in meetings:
            self.meeting_combo.addItem(
                self.tr("{date} · {title}").format(
                    date=fmt.short_date(meeting.starts_at.date()), title=meeting.display_title
                ),
                meeting.id,
            )
        self.meeting_combo.setCurrentIndex(max(0, self.meeting_combo.findData(chosen)))

    # ------------------------------------------------------------ saving

    def follow_up_data(self) -> FollowUpData | None:
        """What the form holds now (not yet validated); None if the person is unclear."""
        person, problem = self.person_picker.resolve()
        if problem:
            self.errors.show(ValidationError("stakeholder_id", problem))
            return None
        due = self.due_edit.date().toPython() if self.due_check.isChecked() else None
        return FollowUpData(
            text=self.text_edit.toPlainText(),
            due_date=due,
            owner=self.owner_edit.text(),
            quick_win=self.quick_win_check.isChecked(),
            meeting_id=self.meeting_combo.currentData(),
            stakeholder_id=person[0] if person is not None else None,
        )

    @Slot()
    def _save(self) -> None:
        self.errors.clear()
        data = self.follow_up_data()
        if data is None:
            return
        try:
            self._saved = self._save_follow_up(data)
        except ValidationError as error:
            self.errors.show(error)
            return
        self.accept()
