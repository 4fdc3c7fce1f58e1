"""The entry rows of the capture dialog: type a line, Enter adds it to the list under it.

One `EntryRow` per kind of thing (goals, proposals, concerns, how to help,
referrals, follow-ups). Lines stay drafts until the dialog saves them all at
once. From a row's first field, Up reaches the lines already added: Delete
removes one, Enter puts it back in the fields to change it, Space ticks a
referral for the register, Escape or Down (past the last) goes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from cio_desk.services.insights import name_key
from cio_desk.store.enums import InsightKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.field_errors import error_label

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A line edit holds long pasted text whole (Qt's default stops at 32,767 characters).
LONG_TEXT = 10_000_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaptureDialog", text)


@dataclass(frozen=True)
class InsightDraft:
    """One thing learnt, not saved yet."""

    kind: InsightKind
    text: str
    themes: tuple[str, ...] = ()
    referred_id: int | None = None  # someone already in the register
    referred_name: str = ""  # a new name


@dataclass(frozen=True)
class FollowUpDraft:
    """One promised action, not saved yet."""

    text: str
    due_date: dt.date
    quick_win: bool
    stakeholder_id: int | None


@dataclass(frozen=True)
class Person:
    """Someone in the register, as the referral field offers them."""

    id: int
    name: str


def split_themes(text: str) -> tuple[str, ...]:
    """The themes typed in a field, comma separated (a Chinese comma too)."""
    parts = text.replace("，", ",").split(",")
    return tuple(part.strip() for part in parts if part.strip())


class ThemeCompleter(QCompleter):
    """Completes the theme being typed after the last comma."""

    def splitPath(self, path: str) -> list[str]:
        return [path.replace("，", ",").split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        done = [part.strip() for part in typed.replace("，", ",").split(",")[:-1] if part.strip()]
        return ", ".join([*done, str(index.data())])


class DateField(QDateEdit):
    """A date edit that Tab leaves at once (arrows move between day, month and year)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class EntryList(QListWidget):
    """The lines added under a row; shown only when there are some."""

    edit_requested = Signal(QListWidgetItem)
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached with Up, not with Tab
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)  # one line each, the whole text in the tooltip
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hide()

    def fit(self) -> None:
        """Tall enough for up to five lines; hidden when empty."""
        count = self.count()
        self.setVisible(count > 0)
        if count:
            lines = sum(
                max(self.sizeHintForRow(row), self.fontMetrics().height() + 4)
                for row in range(min(count, 5))
            )
            self.setFixedHeight(lines + 2 * self.frameWidth() + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        item = self.currentItem()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.takeItem(self.row(item))
            self.fit()
            if self.count() == 0:
                self.leave_requested.emit()
        elif key in (*_ENTER, Qt.Key.Key_F2) and item is not None:
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.edit_requested.emit(item)
            else:
                event.ignore()
        elif key == Qt.Key.Key_Escape or (
            key == Qt.Key.Key_Down and self.currentRow() == self.count() - 1
        ):
            self.leave_requested.emit()
        else:
            super().keyPressEvent(event)


class EntryRow(QObject):
    """Fields on one line and the list of lines added; Enter adds, Up reaches the list."""

    added = Signal()

    def __init__(self, label: str, fields: Sequence[QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self.label_text = label
        self.fields = list(fields)
        self.list = EntryList(parent)
        self.list.setAccessibleName(label)
        self.error = error_label(parent)
        for field in self.fields:
            field.installEventFilter(self)
        self.list.edit_requested.connect(self._edit)
        self.list.leave_requested.connect(self.focus)

    # ---- what a kind of row defines

    def take_draft(self) -> object | None:
        """The draft the fields hold now, or None when there is nothing to add."""
        raise NotImplementedError

    def describe(self, draft: object) -> str:
        raise NotImplementedError

    def put_back(self, draft: object) -> None:
        """Fill the fields with a draft, to change it."""
        raise NotImplementedError

    def clear_fields(self) -> None:
        raise NotImplementedError

    def has_input(self) -> bool:
        """Whether a field holds typed text not yet added."""
        return any(isinstance(f, QLineEdit) and f.text().strip() for f in self.fields)

    # ---- shared behaviour

    def focus(self) -> None:
        self.fields[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def add(self) -> bool:
        """Add the fields' content as a line; False when there was nothing to add."""
        draft = self.take_draft()
        if draft is None:
            return False
        item = QListWidgetItem(self.describe(draft))
        item.setData(DRAFT_ROLE, draft)
        item.setToolTip(self.describe(draft))
        self.decorate(item, draft)
        self.list.addItem(item)
        self.list.fit()
        self.clear_fields()
        self.show_error("")
        self.added.emit()
        return True

    def decorate(self, item: QListWidgetItem, draft: object) -> None:
        """Extra state for an item (a tick box for new referrals)."""

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def drafts(self) -> list[object]:
        return [item.data(DRAFT_ROLE) for item in self.items()]

    def show_error(self, message: str, item: QListWidgetItem | None = None) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if item is not None:
            self.list.setCurrentItem(item)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit(self, item: QListWidgetItem) -> None:
        if self.has_input() and not self.add():
            return
        self.put_back(item.data(DRAFT_ROLE))
        self.list.takeItem(self.list.row(item))
        self.list.fit()
        self.focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in _ENTER and not ctrl:
            if self.add():
                self.focus()  # ready for the next line of the same kind
            return True
        if event.key() == Qt.Key.Key_Up and isinstance(watched, QLineEdit) and self.list.count():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list.setCurrentRow(self.list.count() - 1)
            return True
        return super().eventFilter(watched, event)


def line_edit(parent: QWidget, placeholder: str, accessible: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(LONG_TEXT)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    return edit


class InsightRow(EntryRow):
    """Goals, proposals, concerns or how to help: a text and its themes."""

    def __init__(
        self, kind: InsightKind, label: str, hint: str, themes: Sequence[str], parent: QWidget
    ) -> None:
        self.kind = kind
        self.text_edit = line_edit(parent, hint, label)
        self.themes_edit = line_edit(
            parent, _tr("Themes"), _tr("Themes of {what}").format(what=label)
        )
        self.themes_edit.setToolTip(_tr("Themes, separated by commas: e.g. ERP, cost"))
        completer = ThemeCompleter(list(themes), self.themes_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.themes_edit.setCompleter(completer)
        super().__init__(label, (self.text_edit, self.themes_edit), parent)

    def take_draft(self) -> InsightDraft | None:
        text = self.text_edit.text()
        if not text.strip():
            return None
        return InsightDraft(self.kind, text, split_themes(self.themes_edit.text()))

    def describe(self, draft: object) -> str:
        assert isinstance(draft, InsightDraft)
        if not draft.themes:
            return draft.text
        return _tr("{text}  · {themes}").format(text=draft.text, themes=", ".join(draft.themes))

    def put_back(self, draft: object) -> None:
        assert isinstance(draft, InsightDraft)
        self.text_edit.setText(draft.text)
        self.themes_edit.setText(", ".join(draft.themes))

    def clear_fields(self) -> None:
        self.text_edit.clear()
        self.themes_edit.clear()


class ReferralRow(EntryRow):
    """Whom else to meet: someone in the register (completed as typed) or a new name."""

    def __init__(self, label: str, people: Sequence[Person], own_id: int, parent: QWidget) -> None:
        self._people = {name_key(p.name): p for p in people}
        self._own_id = own_id
        self.name_edit = line_edit(
            parent,
            _tr("A name from your register, or a new one"),
            label,
        )
        self.name_edit.setMaxLength(200)
        names = sorted({p.name for p in people if p.id != own_id}, key=str.casefold)
        completer = QCompleter(names, self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self.why_edit = line_edit(parent, _tr("Why (optional)"), _tr("Why meet them"))
        super().__init__(label, (self.name_edit, self.why_edit), parent)
        self.list.setToolTip(
            _tr("Tick a new name to add them to your register when you save (Space)")
        )
        # While the list of names is open, Enter reaches the field directly: add once
        # the completer has put the chosen name in.
        self.name_edit.returnPressed.connect(self._add_after_completion)

    def _add_after_completion(self) -> None:
        popup = self.name_edit.completer().popup()
        if popup.isVisible():
            QTimer.singleShot(0, self._add_and_focus)

    def _add_and_focus(self) -> None:
        if self.add():
            self.focus()

    def take_draft(self) -> InsightDraft | None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            return None
        person = self._people.get(name_key(name))
        why = self.why_edit.text()
        if person is not None:
            return InsightDraft(InsightKind.REFERRAL, why, referred_id=person.id)
        return InsightDraft(InsightKind.REFERRAL, why, referred_name=name)

    def referred_label(self, draft: InsightDraft) -> str:
        if draft.referred_id is not None:
            for person in self._people.values():
                if person.id == draft.referred_id:
                    return person.name
        return draft.referred_name

    def describe(self, draft: object) -> str:
        assert isinstance(draft, InsightDraft)
        name = self.referred_label(draft)
        if draft.referred_id is not None:
            where = _tr("in your register")
        else:
            where = _tr("new: tick to add to your register")
        if draft.text.strip():
            return _tr("{name} ({where}) — {why}").format(name=name, where=where, why=draft.text)
        return _tr("{name} ({where})").format(name=name, where=where)

    def decorate(self, item: QListWidgetItem, draft: object) -> None:
        assert isinstance(draft, InsightDraft)
        if draft.referred_id is None:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def promoted(self, item: QListWidgetItem) -> bool:
        """Whether a new name is ticked to join the register."""
        draft = item.data(DRAFT_ROLE)
        return draft.referred_id is None and item.checkState() == Qt.CheckState.Checked

    def put_back(self, draft: object) -> None:
        assert isinstance(draft, InsightDraft)
        self.name_edit.setText(self.referred_label(draft))
        self.why_edit.setText(draft.text)

    def clear_fields(self) -> None:
        self.name_edit.clear()
        self.why_edit.clear()


class FollowUpRow(EntryRow):
    """A promised action: text, due date (not before the meeting), quick win, for whom."""

    def __init__(self, meeting_day: dt.date, attendees: Sequence[Person], parent: QWidget) -> None:
        label = _tr("Follow-ups")
        self._meeting_day = meeting_day
        self.text_edit = line_edit(parent, _tr("What you promised to do"), _tr("Follow-up"))
        self.due_edit = DateField(parent)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(_tr("ddd d MMM yyyy"))
        self.due_edit.setMinimumDate(_qdate(meeting_day))
        self.due_edit.setAccessibleName(_tr("Due date"))
        self.due_edit.setToolTip(_tr("Due date (not before the meeting)"))
        self.quick_win_box = QCheckBox(_tr("Quick win"), parent)
        self.quick_win_box.setToolTip(
            _tr("Something concrete and unexpectedly useful to them, done fast")
        )
        self.for_combo = QComboBox(parent)
        self.for_combo.setAccessibleName(_tr("For whom"))
        for person in attendees:
            self.for_combo.addItem(person.name, person.id)
        self.for_combo.setVisible(len(attendees) > 1)
        fields: list[QWidget] = [self.text_edit, self.due_edit, self.quick_win_box]
        if len(attendees) > 1:
            fields.append(self.for_combo)
        super().__init__(label, fields, parent)
        self.clear_fields()

    def take_draft(self) -> FollowUpDraft | None:
        text = self.text_edit.text()
        if not text.strip():
            return None
        return FollowUpDraft(
            text,
            self.due_edit.date().toPython(),
            self.quick_win_box.isChecked(),
            self.for_combo.currentData(),
        )

    def describe(self, draft: object) -> str:
        assert isinstance(draft, FollowUpDraft)
        parts = [
            draft.text,
            _tr("due {date}").format(date=fmt.short_date(draft.due_date)),
        ]
        if draft.quick_win:
            parts.append(_tr("quick win"))
        if self.for_combo.count() > 1:
            index = self.for_combo.findData(draft.stakeholder_id)
            parts.append(_tr("for {name}").format(name=self.for_combo.itemText(index)))
        return "  · ".join(parts)

    def put_back(self, draft: object) -> None:
        assert isinstance(draft, FollowUpDraft)
        self.text_edit.setText(draft.text)
        self.due_edit.setDate(_qdate(draft.due_date))
        self.quick_win_box.setChecked(draft.quick_win)
        self.for_combo.setCurrentIndex(max(0, self.for_combo.findData(draft.stakeholder_id)))

    def clear_fields(self) -> None:
        self.text_edit.clear()
        self.due_edit.setDate(_qdate(self._meeting_day + dt.timedelta(days=7)))
        self.quick_win_box.setChecked(False)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def row_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label
