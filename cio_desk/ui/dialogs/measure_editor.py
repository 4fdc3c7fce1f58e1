"""The measure editor: how success is judged, with a baseline, a target and the latest value.

Numbers are typed as text ("1,250", "95%", "-3.5") and read by the service.
A target equal to the baseline is saved but flagged at the field, with the
service's own words, as soon as both are typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from cio_desk.errors import ValidationError
from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.money import parse_number
from cio_desk.services.plan_horizons import MeasureData, MeasureRecord, measure_warnings
from cio_desk.store.enums import HORIZONS
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo
from cio_desk.ui.widgets.cards import plain_label


def number_text(value: float | None) -> str:
    """A stored measure value as it is typed back ("" for none, no needless ".0")."""
    return "" if value is None else f"{value:g}"


class MeasureEditor(EditorDialog[MeasureData, MeasureRecord]):
    """Name, unit, baseline, target, current value, horizon and initiative."""

    def __init__(
        self,
        save: Callable[[MeasureData], MeasureRecord],
        initiatives: Sequence[InitiativeRecord],
        today: dt.date,
        measure: MeasureRecord | None = None,
        horizon: int | None = None,
        initiative_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self._today = today
        self.setWindowTitle(self.tr("Edit measure") if measure else self.tr("New measure"))
        self.setMinimumWidth(560)
        form = self.new_form()
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.name_edit.setPlaceholderText(self.tr("e.g. Days to close the books"))
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setMaxLength(50)
        self.unit_edit.setPlaceholderText(self.tr("e.g. days, %, orders per day"))
        self.baseline_edit = self._number_edit(self.tr("Where it stands today"))
        self.target_edit = self._number_edit(self.tr("Where it should be by the horizon"))
        self.current_edit = self._number_edit(self.tr("The latest reading, if any"))
        self.current_on_edit = QDateEdit(self)
        self.current_on_edit.setCalendarPopup(True)
        self.current_on_edit.setDisplayFormat(self.tr("d MMM yyyy"))
        current_row = QWidget(self)
        row = QHBoxLayout(current_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.current_edit, 1)
        row.addWidget(plain_label(self.tr("as of"), current_row, wrap=False))
        row.addWidget(self.current_on_edit)
        horizon_choices: list[tuple[str, object]] = [(self.tr("Its initiative's horizon"), None)]
        horizon_choices += [(fmt.horizon_label(h), h) for h in HORIZONS]
        self.horizon_combo = choice_combo(
            self, horizon_choices, measure.horizon if measure else horizon
        )
        self.initiative_combo = self._initiative_combo(
            initiatives, measure.initiative_id if measure else initiative_id
        )
        self.add_field(form, "name", self.tr("&Measure"), self.name_edit)
        self.add_field(form, "unit", self.tr("U&nit"), self.unit_edit)
        self.add_field(form, "baseline", self.tr("&Baseline"), self.baseline_edit)
        self.add_field(form, "target", self.tr("&Target"), self.target_edit)
        self.add_field(form, "current", self.tr("&Current value"), current_row)
        self.add_field(form, "horizon", self.tr("&Horizon"), self.horizon_combo)
        self.add_field(form, "initiative_id", self.tr("&Initiative"), self.initiative_combo)
        self.layout_.addLayout(form)
        self.finish()
        self._fill(measure)
        for edit in (self.baseline_edit, self.target_edit):
            edit.textChanged.connect(self._check_target)
        self.current_edit.textEdited.connect(self._current_typed)
        self._check_target()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[MeasureData], MeasureRecord],
        initiatives: Sequence[InitiativeRecord],
        today: dt.date,
        measure: MeasureRecord | None = None,
        horizon: int | None = None,
        initiative_id: int | None = None,
    ) -> tuple[MeasureRecord | None, bool]:
        """Show the editor; returns the saved measure and whether it was saved."""
        return cls.run(cls(save, initiatives, today, measure, horizon, initiative_id, parent))

    def _number_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        return edit

    def _initiative_combo(
        self, initiatives: Sequence[InitiativeRecord], current: int | None
    ) -> QComboBox:
        choices: list[tuple[str, object]] = [(self.tr("None (the whole horizon)"), None)]
        choices += [
            (
                self.tr("{title} ({horizon})").format(
                    title=i.title, horizon=fmt.horizon_short_label(i.horizon)
                ),
                i.id,
            )
            for i in initiatives
        ]
        return choice_combo(self, choices, current)

    def _fill(self, measure: MeasureRecord | None) -> None:
        on = measure.current_on if measure and measure.current_on else self._today
        self.current_on_edit.setDate(QDate(on.year, on.month, on.day))
        if measure is None:
            return
        self.name_edit.setText(measure.name)
        self.unit_edit.setText(measure.unit)
        self.baseline_edit.setText(number_text(measure.baseline))
        self.target_edit.setText(number_text(measure.target))
        self.current_edit.setText(number_text(measure.current))

    @Slot()
    def _current_typed(self) -> None:
        """A new reading is dated today unless the CIO says otherwise."""
        today = self._today
        self.current_on_edit.setDate(QDate(today.year, today.month, today.day))

    @Slot()
    def _check_target(self) -> None:
        """Flag a target equal to the baseline while typing, in the service's words."""
        try:
            baseline = parse_number(self.baseline_edit.text(), field="baseline", label="")
            target = parse_number(self.target_edit.text(), field="target", label="")
        except ValidationError:
            self.set_warning("target", "")
            return
        warnings = measure_warnings(MeasureData("", baseline=baseline, target=target))
        self.set_warning("target", warnings[0].message if warnings else "")

    def value(self) -> MeasureData:
        current = self.current_edit.text()
        on = self.current_on_edit.date().toPython() if current.strip() else None
        return MeasureData(
            name=self.name_edit.text(),
            unit=self.unit_edit.text(),
            baseline=self.baseline_edit.text(),  # type: ignore[arg-type]  # read by the service
            target=self.target_edit.text(),  # type: ignore[arg-type]
            current=current,  # type: ignore[arg-type]
            current_on=on,  # type: ignore[arg-type]
            horizon=self.horizon_combo.currentData(),
            initiative_id=self.initiative_combo.currentData(),
        )
