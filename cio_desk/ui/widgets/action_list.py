"""A list card whose rows can carry buttons: "Write up", "Add to register", "Brief me".

It is a `ListCard` (same look, same empty text, same "And N more") whose
rows may be `ActionRow`s; each action becomes a small button on the right of
its row, reachable with Tab like any button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QPushButton

from cio_desk.ui.widgets.cards import ListCard, ListRow
from cio_desk.ui.widgets.list_row import ListRowView
from cio_desk.ui.widgets.read_only import read_only_reason


@dataclass(frozen=True)
class RowAction:
    """A button on a row: its label, what it does, and a tooltip."""

    text: str
    run: Callable[[], object]
    tooltip: str = ""


@dataclass(frozen=True)
class ActionRow(ListRow):
    """A list row with buttons."""

    actions: tuple[RowAction, ...] = ()


class ActionListCard(ListCard):
    """A `ListCard` that shows the actions of its `ActionRow`s as buttons.

    In a read-only window (`set_read_only`) the buttons are disabled, saying why.
    """

    _read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """Disable the row buttons (they all change the workspace) or enable them again."""
        self._read_only = read_only
        for button in self.findChildren(QPushButton):
            if button.property("rowAction"):
                self._show_read_only(button)

    def _show_read_only(self, button: QPushButton) -> None:
        button.setEnabled(not self._read_only)
        tip = button.property("ownToolTip") or ""
        if self._read_only:
            tip = f"{tip}\n{read_only_reason()}" if tip else read_only_reason()
        button.setToolTip(tip)

    def _row_widget(self, row: ListRow, *, first: bool) -> ListRowView:
        view = super()._row_widget(row, first=first)
        for action in row.actions if isinstance(row, ActionRow) else ():
            button = QPushButton(action.text)
            button.setAutoDefault(False)
            button.setProperty("ownToolTip", action.tooltip)
            button.setAccessibleDescription(row.primary)
            button.setProperty("rowAction", True)
            button.clicked.connect(lambda _checked=False, run=action.run: run())
            self._show_read_only(button)
            view.add_button(button)
        return view

    def action_buttons(self, text: str | None = None) -> list[QPushButton]:
        """The buttons of the rows shown, top to bottom (only those labelled `text`)."""
        buttons = [b for b in self.findChildren(QPushButton) if b.property("rowAction")]
        buttons = [b for b in buttons if b.isVisibleTo(self)]  # not rows being replaced
        ordered = sorted(buttons, key=lambda b: b.mapTo(self, b.rect().topLeft()).y())
        return [b for b in ordered if text is None or b.text() == text]
