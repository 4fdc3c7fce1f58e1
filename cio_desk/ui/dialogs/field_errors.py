"""A form whose fields can each show an error under them.

A refused value (`ValidationError.field`, `.message`) is explained right
under its field, the field takes the focus, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from cio_desk.errors import ValidationError
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label


def error_label(parent: QWidget) -> QLabel:
    """A hidden label in the warning tone, for one error message."""
    label = plain_label("", parent)
    set_tone(label, "warn")
    label.hide()
    return label


class FormErrors(QObject):
    """Rows of a `QFormLayout`, each with an error line under it (hidden until needed).

    Errors for fields without a row go to `general`, a label the dialog places
    itself (usually above its buttons).
    """

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._form = form
        self._parent = parent
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self.general = error_label(parent)

    def add_row(
        self, field: str, label: str, widget: QWidget, *, aliases: tuple[str, ...] = ()
    ) -> None:
        """Add `widget` under `label`; errors about `field` (or an alias) show under it."""
        self._form.addRow(label, widget)
        self.add_error_row(field, widget, aliases=aliases)

    def add_error_row(self, field: str, widget: QWidget, *, aliases: tuple[str, ...] = ()) -> None:
        """The error line for a row added by the caller (`widget` gets the focus)."""
        label = error_label(self._parent)
        self._form.addRow("", label)
        self._form.setRowVisible(label, False)
        for name in (field, *aliases):
            self._labels[name] = label
            self._widgets[name] = widget

    def show(self, error: ValidationError) -> None:
        """Explain `error` under its field and put the focus there."""
        label = self._labels.get(error.field, self.general)
        label.setText(error.message)
        self._set_visible(label, True)
        widget = self._widgets.get(error.field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for label in {*self._labels.values(), self.general}:
            label.setText("")
            self._set_visible(label, False)

    def text(self, field: str) -> str:
        """The error shown for `field` ("" when none)."""
        return self._labels.get(field, self.general).text()

    def _set_visible(self, label: QLabel, visible: bool) -> None:
        if label is self.general:
            label.setVisible(visible)
        else:
            self._form.setRowVisible(label, visible)
