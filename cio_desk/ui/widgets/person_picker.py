"""A box to pick one person from the register by typing any part of the name.

People with the same name are told apart by their title and unit; a typed
name only one person has is accepted as that person.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

Person = tuple[int, str, str]  # (stakeholder id, name, title and unit to tell namesakes apart)


class PersonPicker(QComboBox):
    """An editable combo box over the register, with a contains-completer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._people: list[Person] = []
        self._none_text = ""

    def set_people(self, people: Sequence[Person], *, none_text: str = "") -> None:
        """The people to choose from; `none_text` adds a first "nobody" choice."""
        self.clear()
        self._people = list(people)
        self._none_text = none_text
        if none_text:
            self.addItem(none_text, None)
        for person_id, name, detail in self._people:
            shown = self.tr("{name} · {detail}").format(name=name, detail=detail)
            self.addItem(shown if detail else name, person_id)
        self.setCurrentIndex(0 if none_text else -1)

    def select_person(self, person_id: int | None) -> None:
        index = self.findData(person_id)
        self.setCurrentIndex(index if index >= 0 else (0 if self._none_text else -1))

    def clear_choice(self) -> None:
        self.setCurrentIndex(0 if self._none_text else -1)
        if not self._none_text:
            self.clearEditText()

    def resolve(self) -> tuple[Person | None, str]:
        """The person meant by what the box shows, or None and why (an empty
        reason when nobody was meant)."""
        text = self.currentText().strip()
        if not text or (self._none_text and text == self._none_text):
            return None, ""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        offset = 1 if self._none_text else 0
        if index >= offset:
            return self._people[index - offset], ""
        namesakes = [p for p in self._people if p[1].casefold() == text.casefold()]
        if len(namesakes) == 1:
            return namesakes[0], ""
        if namesakes:
            return None, self.tr(
                "Several people in your register are called {name}; pick one from the list."
            ).format(name=text)
        return None, self.tr(
            "{name} is not in your register. Pick a person from the list, "
            "or add them on the Stakeholders page first."
        ).format(name=text)
