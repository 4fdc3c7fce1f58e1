"""The meeting editor: schedule a meeting, or change, write up or delete one.

    record, accepted = MeetingEditor.create_meeting(parent, ws, history, attendee_ids=(7,))
    record, accepted = MeetingEditor.edit_meeting(parent, ws, history, meeting_id)

Every save goes through `history.perform`, so Ctrl+Z takes it back. A refused
value is explained under its field and the dialog stays open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTime, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError, ValidationError
from cio_desk.services.meetings import DeletedMeeting, MeetingData, MeetingRecord, day_number
from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.field_errors import FormErrors
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.pick_list import PickItem, PickList

if TYPE_CHECKING:
    from cio_desk.ui.undo import EditHistory
    from cio_desk.workspace import Workspace

DEFAULT_TIME = dt.time(10, 0)
DEFAULT_MINUTES = 60
MAX_MINUTES = 24 * 60
# What the editor changes; the outcome (notes, mood, thank-you) is the capture dialog's.
EDITED_FIELDS = (
    "starts_at",
    "ends_at",
    "attendee_ids",
    "title",
    "setting",
    "status",
    "location",
    "agenda",
    "purpose_relationship",
    "purpose_learn",
    "purpose_values",
)


class MeetingEditor(QDialog):
    """Time, duration, setting, place, attendees, agenda, the three purposes, status."""

    def __init__(
        self,
        workspace: Workspace,
        history: EditHistory,
        *,
        meeting: MeetingRecord | None,
        start: dt.datetime,
        attendee_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._history = history
        self._meeting = meeting
        self._saved: MeetingRecord | None = None
        self.write_up_requested = False
        profile = workspace.profile.get()
        self._start_date = profile.start_date if profile else None
        self.setWindowTitle(self.tr("New meeting") if meeting is None else self.tr("Meeting"))
        self.setMinimumWidth(620)
        self._build()
        self._fill(meeting, start, attendee_ids)
        self._connect_signals()
        self.title_edit.setFocus()

    @classmethod
    def create_meeting(
        cls,
        parent: QWidget | None,
        ws: Workspace,
        history: EditHistory,
        attendee_ids: Sequence[int] = (),
        start: dt.datetime | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> tuple[MeetingRecord | None, bool]:
        """Schedule a new meeting; returns the saved meeting and whether one was saved.

        Without `start`, the meeting is proposed for tomorrow (after `now`) at 10:00.
        """
        if start is None:
            tomorrow = (now or dt.datetime.now()).date() + dt.timedelta(days=1)
            start = dt.datetime.combine(tomorrow, DEFAULT_TIME)
        dialog = cls(
            ws, history, meeting=None, start=start, attendee_ids=attendee_ids, parent=parent
        )
        return dialog._run(parent, now)

    @classmethod
    def edit_meeting(
        cls,
        parent: QWidget | None,
        ws: Workspace,
        history: EditHistory,
        meeting_id: int,
        *,
        now: dt.datetime | None = None,
    ) -> tuple[MeetingRecord | None, bool]:
        """Change a meeting. Returns the saved meeting (None once deleted) and whether
        anything changed. "Write up…" saves, closes and opens the capture dialog."""
        meeting = ws.meetings.get(meeting_id)
        dialog = cls(ws, history, meeting=meeting, start=meeting.starts_at, parent=parent)
        return dialog._run(parent, now)

    def _run(
        self, parent: QWidget | None, now: dt.datetime | None
    ) -> tuple[MeetingRecord | None, bool]:
        self.exec()
        accepted = self.result() == QDialog.DialogCode.Accepted
        saved, write_up = self._saved, self.write_up_requested
        workspace, history = self._workspace, self._history
        self.deleteLater()
        if accepted and write_up and saved is not None:
            from cio_desk.ui.dialogs.capture import CaptureDialog

            CaptureDialog.capture_meeting(parent, workspace, history, saved.id)
        return saved, accepted

    def saved_meeting(self) -> MeetingRecord | None:
        """The meeting as stored after the last save (None if not saved, or deleted)."""
        return self._saved

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        self.errors = FormErrors(form, self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(300)
        self.errors.add_row("title", self.tr("&Title"), self.title_edit)
        self.errors.add_row("starts_at", self.tr("&When"), self._build_when(), aliases=("ends_at",))
        self.setting_combo = QComboBox(self)
        for setting in MeetingSetting:
            self.setting_combo.addItem(fmt.setting_label(setting), setting)
        self.errors.add_row("setting", self.tr("&Setting"), self.setting_combo)
        self.location_edit = QLineEdit(self)
        self.location_edit.setMaxLength(300)
        self.location_edit.setPlaceholderText(self.tr("e.g. the café by the plant gate"))
        self.errors.add_row("location", self.tr("&Location"), self.location_edit)
        self.attendees = PickList(
            [self.tr("Name"), self.tr("Title"), self.tr("Unit")],
            search_hint=self.tr("Find someone: type a name, title or unit, Enter ticks"),
            empty_text=self.tr("Your register is empty: add stakeholders first."),
            parent=self,
        )
        self.attendees.set_column_widths((26, 24))
        self.attendees.setMinimumHeight(170)
        self.chosen_label = plain_label("", self)
        set_tone(self.chosen_label, "muted")
        attendee_box = QVBoxLayout()
        attendee_box.setSpacing(4)
        attendee_box.addWidget(self.attendees)
        attendee_box.addWidget(self.chosen_label)
        attendee_widget = QWidget(self)
        attendee_widget.setLayout(attendee_box)
        attendee_box.setContentsMargins(0, 0, 0, 0)
        attendee_widget.setFocusProxy(self.attendees.search_edit)
        self.errors.add_row("attendee_ids", self.tr("&Attendees"), attendee_widget)
        self.agenda_edit = QPlainTextEdit(self)
        self.agenda_edit.setTabChangesFocus(True)
        self.agenda_edit.setPlaceholderText(self.tr("What you want to learn and to say"))
        self.agenda_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.errors.add_row("agenda", self.tr("A&genda"), self.agenda_edit)
        self.errors.add_row("purpose_relationship", self.tr("Purposes"), self._build_purposes())
        self.status_combo = QComboBox(self)
        for status in MeetingStatus:
            self.status_combo.addItem(fmt.status_label(status), status)
        self.errors.add_row("status", self.tr("Stat&us"), self.status_combo)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(self._build_buttons())

    def _build_when(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.tr("ddd d MMM yyyy"))
        self.day_label = plain_label("", self, wrap=False)
        set_tone(self.day_label, "muted")
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Start time"))
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(5, MAX_MINUTES)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setAccessibleName(self.tr("Duration"))
        self.duration_spin.setToolTip(self.tr("How long the meeting lasts, in minutes"))
        self.end_label = plain_label("", self, wrap=False)
        set_tone(self.end_label, "muted")
        row.addWidget(self.date_edit)
        row.addWidget(self.day_label)
        row.addSpacing(8)
        row.addWidget(plain_label(self.tr("at"), self, wrap=False))
        row.addWidget(self.time_edit)
        row.addWidget(plain_label(self.tr("for"), self, wrap=False))
        row.addWidget(self.duration_spin)
        row.addWidget(self.end_label)
        row.addStretch(1)
        return box

    def _build_purposes(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.purpose_boxes = {
            "purpose_relationship": QCheckBox(self.tr("Build a good working relationship"), box),
            "purpose_learn": QCheckBox(
                self.tr("Learn what they care about and how to earn their trust"), box
            ),
            "purpose_values": QCheckBox(self.tr("Show your values and working style"), box),
        }
        for check in self.purpose_boxes.values():
            column.addWidget(check)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("&Delete meeting…"), self)
        self.write_up_button = QPushButton(self.tr("&Write up…"), self)
        self.write_up_button.setToolTip(
            self.tr("Save, then record what you learnt: marks the meeting held")
        )
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        for button in (self.delete_button, self.write_up_button, self.cancel_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        existing = self._meeting is not None
        self.delete_button.setVisible(existing)
        self.write_up_button.setVisible(existing)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.write_up_button)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        return row

    def _fill(
        self, meeting: MeetingRecord | None, start: dt.datetime, attendee_ids: Sequence[int]
    ) -> None:
        data = meeting or MeetingData(
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=DEFAULT_MINUTES),
            attendee_ids=tuple(attendee_ids),
        )
        self.title_edit.setText(data.title)
        begin = data.starts_at
        self.date_edit.setDate(QDate(begin.year, begin.month, begin.day))
        self.time_edit.setTime(QTime(begin.hour, begin.minute))
        self.duration_spin.setValue(max(5, min(MAX_MINUTES, data.duration_minutes)))
        self.setting_combo.setCurrentIndex(self.setting_combo.findData(data.setting))
        self.status_combo.setCurrentIndex(self.status_combo.findData(data.status))
        self.location_edit.setText(data.location)
        self.agenda_edit.setPlainText(data.agenda)
        for field, check in self.purpose_boxes.items():
            check.setChecked(getattr(data, field))
        self._fill_attendees(data.attendee_ids)
        self._show_times()

    def _fill_attendees(self, chosen: Sequence[int]) -> None:
        rows = self._workspace.register.rows(include_archived=True)
        items = [
            PickItem(row.id, (row.name, row.title, row.unit), tooltip=row.name)
            for row in rows
            if not row.archived or row.id in chosen
        ]
        self.attendees.set_items(items, [i for i in chosen if any(it.id == i for it in items)])
        self._show_chosen()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)
        self.write_up_button.clicked.connect(self._write_up)
        self.date_edit.dateChanged.connect(self._show_times)
        self.time_edit.timeChanged.connect(self._show_times)
        self.duration_spin.valueChanged.connect(self._show_times)
        self.attendees.ticked_changed.connect(self._show_chosen)
        self.attendees.search_edit.installEventFilter(self)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._save)

    # ------------------------------------------------------------ the form

    def meeting_data(self) -> MeetingData:
        """What the form holds now, not yet validated."""
        starts = dt.datetime.combine(
            self.date_edit.date().toPython(), self.time_edit.time().toPython()
        )
        values = {field: check.isChecked() for field, check in self.purpose_boxes.items()}
        base = self._meeting or MeetingData(starts_at=starts, ends_at=starts, attendee_ids=())
        return dataclasses.replace(
            MeetingData(**{f.name: getattr(base, f.name) for f in dataclasses.fields(MeetingData)}),
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=self.duration_spin.value()),
            attendee_ids=self.attendees.ticked_ids(),
            title=self.title_edit.text(),
            setting=self.setting_combo.currentData(),
            status=self.status_combo.currentData(),
            location=self.location_edit.text(),
            agenda=self.agenda_edit.toPlainText(),
            **values,
        )

    def error_text(self, field: str) -> str:
        """The error shown under `field` ("" when none)."""
        return self.errors.text(field)

    @Slot()
    def _show_times(self) -> None:
        data_start = dt.datetime.combine(
            self.date_edit.date().toPython(), self.time_edit.time().toPython()
        )
        ends = data_start + dt.timedelta(minutes=self.duration_spin.value())
        if ends.date() == data_start.date():
            self.end_label.setText(self.tr("until {time}").format(time=fmt.clock_time(ends)))
        else:
            self.end_label.setText(self.tr("until {when}").format(when=fmt.date_time(ends)))
        number = day_number(self._start_date, data_start.date()) if self._start_date else None
        self.day_label.setText(fmt.day_label(number))

    @Slot()
    def _show_chosen(self) -> None:
        ticked = set(self.attendees.ticked_ids())
        names = [item.cells[0] for item in self.attendees.model.items() if item.id in ticked]
        self.chosen_label.setText(
            self.tr("With: {names}").format(names=", ".join(names)) if names else ""
        )
        self.chosen_label.setVisible(bool(names))
        placeholder = ", ".join(names) if names else self.tr("Optional: the attendees' names")
        self.title_edit.setPlaceholderText(placeholder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the attendee search ticks the first person it shows."""
        if (
            watched is self.attendees.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            shown = self.attendees.visible_ids()
            if self.attendees.search_edit.text().strip() and shown:
                self.attendees.set_ticked(shown[0])
                self.attendees.search_edit.clear()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ saving

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter saves, also where the window shortcut does not reach."""
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
            return
        super().keyPressEvent(event)

    @Slot()
    def _save(self) -> bool:
        """Save through the edit history; True when the dialog may close."""
        self.errors.clear()
        data = self.meeting_data()
        try:
            self._saved = self._store(data)
        except ValidationError as error:
            self.errors.show(error)
            return False
        except CioDeskError as error:
            self.errors.show(ValidationError("", str(error)))
            return False
        self.accept()
        return True

    def _store(self, data: MeetingData) -> MeetingRecord:
        meetings = self._workspace.meetings
        if self._meeting is None:
            return self._history.perform(
                self.tr("Schedule meeting"),
                do=lambda: meetings.add(data),
                undo=lambda added: meetings.delete(added.id),
                redo=lambda added: meetings.restore(DeletedMeeting(added)),
            )
        meeting_id = self._meeting.id
        changes = {f: getattr(data, f) for f in EDITED_FIELDS}
        previous = {f: getattr(self._meeting, f) for f in EDITED_FIELDS}
        if changes == previous:
            return self._meeting
        return self._history.perform(
            self.tr("Edit meeting"),
            do=lambda: meetings.update(meeting_id, **changes),
            undo=lambda _saved: meetings.update(meeting_id, **previous),
            redo=lambda _saved: meetings.update(meeting_id, **changes),
        )

    @Slot()
    def _write_up(self) -> None:
        self.write_up_requested = True
        if not self._save():
            self.write_up_requested = False

    @Slot()
    def _delete(self) -> None:
        if self._meeting is None:
            return
        try:
            deleted = delete_meeting(self, self._workspace, self._history, self._meeting)
        except CioDeskError as error:
            self.errors.show(ValidationError("", str(error)))
            return
        if deleted:
            self._saved = None
            self.accept()


def delete_meeting(
    parent: QWidget | None, ws: Workspace, history: EditHistory, meeting: MeetingRecord
) -> bool:
    """Ask, then delete `meeting` through the edit history; True once deleted.

    What was learnt in the meeting stays with the people; Ctrl+Z brings it back.
    """
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("MeetingEditor", "Delete meeting"),
        QCoreApplication.translate(
            "MeetingEditor",
            "Delete “{title}” on {date}?\n\nWhat you learnt in it stays with the people. "
            "Edit > Undo (Ctrl+Z) brings the meeting back.",
        ).format(title=meeting.display_title, date=fmt.short_date(meeting.starts_at.date())),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    meetings = ws.meetings
    history.perform(
        QCoreApplication.translate("MeetingEditor", "Delete meeting"),
        do=lambda: meetings.delete(meeting.id),
        undo=lambda deleted: meetings.restore(deleted),
        redo=lambda deleted: meetings.delete(deleted.meeting.id),
    )
    return True
