"""What every plan editor shares: fields with their messages, Save and Cancel.

An editor is given a `save` callable (the page's undoable edit); Save calls
it with the form's value. A `ValidationError` is shown under its field and
the dialog stays open, so nothing typed is lost. Warnings (saved, but worth
a second look) sit under their field too, in a quieter tone.

    saved, accepted = MeasureEditor.edit(parent, ws, save=page_save, ...)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.services.traceability import TracedInsight
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.pick_list import PickItem

V = TypeVar("V")
R = TypeVar("R")


class EditorDialog(QDialog, Generic[V, R]):
    """A form whose Save hands `value()` to `save`; errors appear at their field."""

    def __init__(self, save: Callable[[V], R], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_value = save
        self._saved: R | None = None
        self._errors: dict[str, QLabel] = {}
        self._warnings: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._rows: dict[QLabel, tuple[QFormLayout, QLabel] | None] = {}
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(12)
        self.general_error = self._message_label("warn")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ building

    def new_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        return form

    def add_field(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        """A labelled row, with a hidden row under it for its error and one for a warning."""
        form.addRow(label, widget)
        self._fields[field] = widget
        for store, tone in ((self._errors, "warn"), (self._warnings, "muted")):
            message = self._message_label(tone)
            form.addRow("", message)
            form.setRowVisible(message, False)
            store[field] = message
            self._rows[message] = (form, message)

    def add_box_field(self, layout: QBoxLayout, field: str, widget: QWidget) -> None:
        """A field in a box layout (a table, a list), with its error under it."""
        layout.addWidget(widget, 1)
        self._fields[field] = widget
        message = self._message_label("warn")
        layout.addWidget(message)
        self._errors[field] = message
        self._rows[message] = None

    def finish(self) -> None:
        """Put the general error line and the buttons at the bottom."""
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)

    def _message_label(self, tone: str) -> QLabel:
        label = plain_label("", self)
        set_tone(label, tone)
        label.hide()
        return label

    # ------------------------------------------------------------ value and saving

    def value(self) -> V:
        """What the form holds now (may raise ValidationError for a field)."""
        raise NotImplementedError

    def saved(self) -> R | None:
        """What `save` returned, once saved."""
        return self._saved

    @classmethod
    def run(cls, dialog: EditorDialog[Any, R]) -> tuple[R | None, bool]:
        """Show `dialog` until it is saved or cancelled: (saved value, saved?)."""
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        saved = dialog.saved()
        dialog.deleteLater()
        return saved, accepted

    @Slot()
    def _save(self) -> None:
        self.clear_errors()
        try:
            self._saved = self._save_value(self.value())
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        self.accept()

    # ------------------------------------------------------------ messages

    def error_text(self, field: str) -> str:
        """The error shown at `field` ("" when none); unknown fields: the general line."""
        return self._errors.get(field, self.general_error).text()

    def warning_text(self, field: str) -> str:
        label = self._warnings.get(field)
        return label.text() if label is not None else ""

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            self._show(label, "")

    def show_error(self, field: str, message: str) -> None:
        """Show `message` at `field` (or on the general line) and bring the field into view."""
        self._show(self._errors.get(field, self.general_error), message)
        widget = self._fields.get(field)
        if widget is not None:
            reveal(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_error(self, field: str, message: str) -> None:
        """Show or clear (`""`) a live message at `field` without moving the focus."""
        self._show(self._errors.get(field, self.general_error), message)

    def set_warning(self, field: str, message: str) -> None:
        """Show or clear (`""`) a warning at `field`."""
        label = self._warnings.get(field)
        if label is not None:
            self._show(label, message)

    def _show(self, label: QLabel, message: str) -> None:
        label.setText(message)
        row = self._rows.get(label)
        if row is None:
            label.setVisible(bool(message))
        else:
            form, message_label = row
            form.setRowVisible(message_label, bool(message))


def reveal(widget: QWidget) -> None:
    """Switch every tab widget holding `widget` to the tab it is on."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QTabWidget) and grand.indexOf(child) >= 0:
            grand.setCurrentIndex(grand.indexOf(child))
        child, parent = parent, grand


def text_edit(parent: QWidget, placeholder: str = "", *, lines: int = 3) -> QPlainTextEdit:
    """A plain-text box about `lines` lines high; Tab moves on rather than indenting."""
    edit = QPlainTextEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 16
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)
    return edit


def choice_combo(parent: QWidget, choices: list[tuple[str, object]], current: object) -> QComboBox:
    """A combo box of (label, value) pairs with `current` chosen."""
    combo = QComboBox(parent)
    for label, value in choices:
        combo.addItem(label, value)
    index = next((i for i, (_l, v) in enumerate(choices) if v == current), 0)
    combo.setCurrentIndex(index)
    return combo


def one_line(text: str, limit: int = 140) -> str:
    """Long or multi-line text shortened to one line for a list cell."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def insight_items(choices: Sequence[TracedInsight]) -> list[PickItem]:
    """Insights as rows to tick: what was said, who said it (and their stance), the kind."""
    items = []
    for choice in choices:
        who = QCoreApplication.translate("PlanForm", "{name} ({stance})").format(
            name=choice.stakeholder_name, stance=fmt.stance_label(choice.stance)
        )
        kind = fmt.insight_kind_label(choice.kind)
        tooltip = choice.text
        if choice.confidential:
            kind = QCoreApplication.translate("PlanForm", "{kind}, confidential").format(kind=kind)
            tooltip = QCoreApplication.translate("PlanForm", "{text}\n\nConfidential.").format(
                text=choice.text
            )
        items.append(PickItem(choice.id, (one_line(choice.text), who, kind), tooltip))
    return items
