"""After-meeting capture: what each attendee said, the notes, the mood, the follow-ups.

    result, saved = CaptureDialog.capture_meeting(parent, ws, history, meeting_id)

Built for the keyboard: the focus starts on the first attendee's goals; Tab
moves on, Enter adds the line typed, Ctrl+Enter saves everything at once
through `ws.capture.record_meeting_outcome` (one undo step), Esc cancels.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError, ValidationError
from cio_desk.services.capture import CaptureResult, MeetingOutcome
from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingRecord, day_number
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.capture_rows import (
    DRAFT_ROLE,
    EntryRow,
    FollowUpDraft,
    FollowUpRow,
    InsightDraft,
    InsightRow,
    Person,
    ReferralRow,
    row_label,
)
from cio_desk.ui.dialogs.field_errors import error_label
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import Card, plain_label

if TYPE_CHECKING:
    from cio_desk.ui.undo import EditHistory
    from cio_desk.workspace import Workspace

_SENTIMENTS = (None, -2, -1, 0, 1, 2)


class AttendeeSection(Card):
    """The five things learnt from one attendee."""

    def __init__(
        self,
        person: Person,
        detail: str,
        people: list[Person],
        themes: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(person.name, parent)
        self.person = person
        if detail:
            subtitle = plain_label(detail, self)
            set_tone(subtitle, "muted")
            self.body.addWidget(subtitle)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        self.rows: list[EntryRow] = []
        hints = {
            InsightKind.GOAL: self.tr("What they want to achieve"),
            InsightKind.PROPOSAL: self.tr("What they suggest you do"),
            InsightKind.CONCERN: self.tr("What worries them"),
            InsightKind.HOW_TO_HELP: self.tr("How you can serve their interests"),
        }
        for kind, hint in hints.items():
            label = fmt.insight_kind_heading(kind)
            self._add_row(grid, InsightRow(kind, label, hint, themes, self), label)
        label = fmt.insight_kind_heading(InsightKind.REFERRAL)
        self._add_row(grid, ReferralRow(label, people, person.id, self), label)
        self.body.addLayout(grid)

    def _add_row(self, grid: QGridLayout, row: EntryRow, label: str) -> None:
        line = grid.rowCount()
        grid.addWidget(row_label(label, row.fields[0], self), line, 0)
        grid.addWidget(row.fields[0], line, 1)
        grid.addWidget(row.fields[1], line, 2)
        grid.addWidget(row.list, line + 1, 1, 1, 2)
        grid.addWidget(row.error, line + 2, 1, 1, 2)
        self.rows.append(row)

    def focus_chain(self) -> list[QWidget]:
        return [field for row in self.rows for field in row.fields]


class CaptureDialog(QDialog):
    """Write up a meeting: per attendee the five things, then notes, mood and follow-ups."""

    def __init__(
        self,
        workspace: Workspace,
        history: EditHistory,
        meeting: MeetingRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._history = history
        self._meeting = meeting
        self._result: CaptureResult | None = None
        self._confirm_discard = True
        self.setWindowTitle(self.tr("Write up: {title}").format(title=meeting.display_title))
        self._build()
        self._fill()
        self._connect_signals()
        self._size_to_screen()
        if self.sections:
            self.sections[0].rows[0].focus()
        else:
            self.notes_edit.setFocus()

    @classmethod
    def capture_meeting(
        cls, parent: QWidget | None, ws: Workspace, history: EditHistory, meeting_id: int
    ) -> tuple[CaptureResult | None, bool]:
        """Show the dialog; returns what was saved and whether it was."""
        dialog = cls(ws, history, ws.meetings.get(meeting_id), parent)
        dialog.exec()
        result = dialog.saved_result()
        dialog.deleteLater()
        return result, result is not None

    def saved_result(self) -> CaptureResult | None:
        return self._result

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self._build_attendees(), 3)
        columns.addWidget(self._build_meeting_card(), 2)
        layout.addLayout(columns, 1)
        self.hint_label = plain_label(
            self.tr(
                "Enter adds the line · Tab moves on · ↑ reaches the lines added (Delete removes, "
                "Enter changes, Space ticks a new name for the register) · Ctrl+Enter saves · "
                "Esc cancels"
            ),
            self,
        )
        set_tone(self.hint_label, "muted")
        layout.addWidget(self.hint_label)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save write-up"), self)
        self.save_button.setToolTip(
            self.tr("Save everything and mark the meeting held (Ctrl+Enter)")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter adds a line; it never closes the dialog
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

    def _build_header(self) -> QVBoxLayout:
        meeting = self._meeting
        header = QVBoxLayout()
        header.setSpacing(2)
        title = plain_label(meeting.display_title, self)
        title.setFont(scaled_font(self.font(), 1.3, bold=True))
        parts = [
            self.tr("{date}, {times}").format(
                date=fmt.short_date(meeting.starts_at.date()),
                times=fmt.time_range(meeting.starts_at, meeting.ends_at),
            ),
            fmt.setting_label(meeting.setting),
        ]
        if meeting.location:
            parts.append(meeting.location)
        profile = self._workspace.profile.get()
        if profile is not None:
            day = fmt.day_label(day_number(profile.start_date, meeting.starts_at.date()))
            if day:
                parts.append(day)
        when = plain_label(self.tr(" · ").join(parts), self)
        set_tone(when, "muted")
        header.addWidget(title)
        header.addWidget(when)
        self.status_note = plain_label("", self)
        header.addWidget(self.status_note)
        return header

    def _build_attendees(self) -> QScrollArea:
        people = [Person(r.id, r.name) for r in self._workspace.register.rows()]
        themes = [t.name for t in self._workspace.insights.themes()]
        details = {r.id: r for r in self._workspace.register.rows(include_archived=True)}
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(12)
        self.sections: list[AttendeeSection] = []
        for sid, name in zip(self._meeting.attendee_ids, self._meeting.attendee_names, strict=True):
            row = details.get(sid)
            detail = self.tr(" · ").join(p for p in (row.title, row.unit) if p) if row else ""
            section = AttendeeSection(Person(sid, name), detail, people, themes, body)
            column.addWidget(section)
            self.sections.append(section)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        return self.scroll

    def _build_meeting_card(self) -> Card:
        card = Card(self.tr("The meeting"), self)
        self.notes_edit = QPlainTextEdit(card)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Notes: anything else worth keeping"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.confidential_box = QCheckBox(self.tr("Confidential: only you see these notes"), card)
        self.confidential_box.setToolTip(
            self.tr("Confidential notes never go into an export unless you ask for them")
        )
        self.notes_error = error_label(card)
        mood = QHBoxLayout()
        self.sentiment_combo = QComboBox(card)
        self.sentiment_combo.setAccessibleName(self.tr("Sentiment afterwards"))
        for value in _SENTIMENTS:
            self.sentiment_combo.addItem(fmt.sentiment_label(value), value)
        self.thank_you_box = QCheckBox(self.tr("Thank-you sent"), card)
        mood.addWidget(row_label(self.tr("How it went"), self.sentiment_combo, card))
        mood.addWidget(self.sentiment_combo)
        mood.addSpacing(12)
        mood.addWidget(self.thank_you_box)
        mood.addStretch(1)
        attendees = [
            Person(sid, name)
            for sid, name in zip(
                self._meeting.attendee_ids, self._meeting.attendee_names, strict=True
            )
        ]
        self.follow_ups = FollowUpRow(self._meeting.starts_at.date(), attendees, card)
        follow_grid = QGridLayout()
        follow_grid.setHorizontalSpacing(6)
        follow_grid.addWidget(self.follow_ups.text_edit, 0, 0, 1, 4)
        follow_grid.addWidget(self.follow_ups.due_edit, 1, 0)
        follow_grid.addWidget(self.follow_ups.quick_win_box, 1, 1)
        follow_grid.addWidget(self.follow_ups.for_combo, 1, 2)
        follow_grid.setColumnStretch(3, 1)
        follow_grid.addWidget(self.follow_ups.list, 2, 0, 1, 4)
        follow_grid.addWidget(self.follow_ups.error, 3, 0, 1, 4)
        follow_label = plain_label(self.tr("Follow-ups: what you promised"), card)
        follow_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        for widget in (self.notes_edit, self.confidential_box, self.notes_error):
            card.body.addWidget(widget)
        card.body.setStretchFactor(self.notes_edit, 1)
        card.body.addLayout(mood)
        card.body.addSpacing(6)
        card.body.addWidget(follow_label)
        card.body.addLayout(follow_grid)
        card.layout().setStretchFactor(card.body, 1)  # the notes take the spare height
        return card

    def _fill(self) -> None:
        meeting = self._meeting
        self.notes_edit.setPlainText(meeting.notes)
        self.confidential_box.setChecked(meeting.notes_confidential)
        self.sentiment_combo.setCurrentIndex(_SENTIMENTS.index(meeting.sentiment))
        self.thank_you_box.setChecked(meeting.thank_you_sent)
        if meeting.status is MeetingStatus.HELD:
            known = len(self._workspace.insights.list(meeting_id=meeting.id))
            promised = len(self._workspace.followups.list(meeting_id=meeting.id))
            self.status_note.setText(
                self.tr(
                    "Already written up: {insights} things learnt and {follow_ups} follow-ups. "
                    "What you add now comes on top."
                ).format(insights=known, follow_ups=promised)
            )
        else:
            self.status_note.setText(self.tr("Saving marks the meeting as held."))
        set_tone(self.status_note, "accent")

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._save)
        chain: list[QWidget] = [w for s in self.sections for w in s.focus_chain()]
        chain += [self.notes_edit, self.confidential_box, self.sentiment_combo, self.thank_you_box]
        chain += [*self.follow_ups.fields, self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for section in self.sections:
            for row in section.rows:
                for field in row.fields:
                    field.installEventFilter(self)

    def _size_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1080, 720
        if screen is not None:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the field being typed in visible as Tab walks down the attendees."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.scroll.ensureWidgetVisible(watched, 10, 40)
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ saving

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter saves, also where the window shortcut does not reach."""
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
            return
        super().keyPressEvent(event)

    def all_rows(self) -> list[EntryRow]:
        return [row for section in self.sections for row in section.rows] + [self.follow_ups]

    def has_content(self) -> bool:
        """Whether anything was typed that closing would lose."""
        typed = self.notes_edit.toPlainText() != self._meeting.notes
        return typed or any(row.has_input() or row.list.count() for row in self.all_rows())

    def outcome(self) -> tuple[MeetingOutcome, list[tuple[EntryRow, QListWidgetItem]]]:
        """What the dialog holds (lines typed but not added included), and where
        each insight and follow-up came from, for pointing at errors."""
        for row in self.all_rows():
            if row.has_input():
                row.add()
        insights: list[InsightData] = []
        places: list[tuple[EntryRow, QListWidgetItem]] = []
        promote: list[int] = []
        for section in self.sections:
            for row in section.rows:
                for item in row.items():
                    draft = item.data(DRAFT_ROLE)
                    assert isinstance(draft, InsightDraft)
                    if isinstance(row, ReferralRow) and row.promoted(item):
                        promote.append(len(insights))
                    insights.append(_insight(section.person.id, draft))
                    places.append((row, item))
        follow_ups = []
        follow_places = []
        for item in self.follow_ups.items():
            draft = item.data(DRAFT_ROLE)
            assert isinstance(draft, FollowUpDraft)
            follow_ups.append(
                FollowUpData(
                    draft.text,
                    due_date=draft.due_date,
                    quick_win=draft.quick_win,
                    stakeholder_id=draft.stakeholder_id,
                )
            )
            follow_places.append((self.follow_ups, item))
        outcome = MeetingOutcome(
            notes=self.notes_edit.toPlainText(),
            notes_confidential=self.confidential_box.isChecked(),
            sentiment=self.sentiment_combo.currentData(),
            thank_you_sent=self.thank_you_box.isChecked(),
            insights=tuple(insights),
            follow_ups=tuple(follow_ups),
            promote=tuple(promote),
        )
        return outcome, places + follow_places

    @Slot()
    def _save(self) -> None:
        self._clear_errors()
        outcome, places = self.outcome()
        capture = self._workspace.capture
        meeting_id = self._meeting.id
        try:
            self._result = self._history.perform(
                self.tr("Write up meeting"),
                do=lambda: capture.record_meeting_outcome(meeting_id, outcome),
                undo=capture.undo,
                redo=capture.redo,
            )
        except ValidationError as error:
            self._show_error(error, places, len(outcome.insights))
            return
        except CioDeskError as error:
            self._show_general(str(error))
            return
        self._confirm_discard = False
        self.accept()

    def _clear_errors(self) -> None:
        for row in self.all_rows():
            row.show_error("")
        for label in (self.general_error, self.notes_error):
            label.setText("")
            label.hide()

    def _show_error(
        self,
        error: ValidationError,
        places: list[tuple[EntryRow, QListWidgetItem]],
        insight_count: int,
    ) -> None:
        collection, _, rest = error.field.partition(".")
        index_text = rest.partition(".")[0]
        if collection in ("insights", "follow_ups") and index_text.isdigit():
            offset = 0 if collection == "insights" else insight_count
            row, item = places[offset + int(index_text)]
            row.show_error(error.message, item)
            self.scroll.ensureWidgetVisible(row.list)
        elif error.field == "notes":
            self.notes_error.setText(error.message)
            self.notes_error.show()
            self.notes_edit.setFocus()
        else:
            self._show_general(error.message)

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing away what was typed."""
        if self._confirm_discard and self.has_content():
            answer = QMessageBox.question(
                self,
                self.tr("Discard the write-up?"),
                self.tr("What you typed for this meeting has not been saved. Discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def _insight(stakeholder_id: int, draft: InsightDraft) -> InsightData:
    return InsightData(
        stakeholder_id,
        draft.kind,
        draft.text,
        themes=draft.themes,
        referred_stakeholder_id=draft.referred_id,
        referred_name=draft.referred_name,
    )
