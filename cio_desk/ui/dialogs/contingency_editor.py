"""The contingency editor: what we do if a named trigger happens.

A contingency may answer a risk from the register, an initiative, or both;
without its own horizon it appears on the horizon of what it is linked to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.plan_horizons import ContingencyData, ContingencyRecord
from cio_desk.services.risks import RiskRecord
from cio_desk.store.enums import HORIZONS
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo, text_edit


class ContingencyEditor(EditorDialog[ContingencyData, ContingencyRecord]):
    """Trigger, response, owner, horizon, and the risk or initiative it belongs to."""

    def __init__(
        self,
        save: Callable[[ContingencyData], ContingencyRecord],
        risks: Sequence[RiskRecord],
        initiatives: Sequence[InitiativeRecord],
        contingency: ContingencyRecord | None = None,
        horizon: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(
            self.tr("Edit contingency") if contingency else self.tr("New contingency")
        )
        self.setMinimumWidth(580)
        form = self.new_form()
        self.trigger_edit = text_edit(
            self, self.tr("e.g. The ERP vendor misses the pilot date by more than a month")
        )
        self.response_edit = text_edit(
            self, self.tr("e.g. Keep the old system running at the plants; invoke the penalty")
        )
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setMaxLength(200)
        horizons: list[tuple[str, object]] = [(self.tr("That of its risk or initiative"), None)]
        horizons += [(fmt.horizon_label(h), h) for h in HORIZONS]
        self.horizon_combo = choice_combo(
            self, horizons, contingency.horizon if contingency else horizon
        )
        risk_choices: list[tuple[str, object]] = [(self.tr("None"), None)]
        risk_choices += [(r.title, r.id) for r in risks]
        self.risk_combo = choice_combo(
            self, risk_choices, contingency.risk_id if contingency else None
        )
        initiative_choices: list[tuple[str, object]] = [(self.tr("None"), None)]
        initiative_choices += [(i.title, i.id) for i in initiatives]
        self.initiative_combo = choice_combo(
            self, initiative_choices, contingency.initiative_id if contingency else None
        )
        self.add_field(form, "trigger", self.tr("If &this happens"), self.trigger_edit)
        self.add_field(form, "response", self.tr("&We will"), self.response_edit)
        self.add_field(form, "owner", self.tr("&Owner"), self.owner_edit)
        self.add_field(form, "horizon", self.tr("&Horizon"), self.horizon_combo)
        self.add_field(form, "risk_id", self.tr("&Risk"), self.risk_combo)
        self.add_field(form, "initiative_id", self.tr("&Initiative"), self.initiative_combo)
        self.layout_.addLayout(form)
        self.finish()
        if contingency is not None:
            self.trigger_edit.setPlainText(contingency.trigger)
            self.response_edit.setPlainText(contingency.response)
            self.owner_edit.setText(contingency.owner)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[ContingencyData], ContingencyRecord],
        risks: Sequence[RiskRecord],
        initiatives: Sequence[InitiativeRecord],
        contingency: ContingencyRecord | None = None,
        horizon: int | None = None,
    ) -> tuple[ContingencyRecord | None, bool]:
        """Show the editor; returns the saved contingency and whether it was saved."""
        return cls.run(cls(save, risks, initiatives, contingency, horizon, parent))

    def value(self) -> ContingencyData:
        return ContingencyData(
            trigger=self.trigger_edit.toPlainText(),
            response=self.response_edit.toPlainText(),
            owner=self.owner_edit.text(),
            horizon=self.horizon_combo.currentData(),
            risk_id=self.risk_combo.currentData(),
            initiative_id=self.initiative_combo.currentData(),
        )
