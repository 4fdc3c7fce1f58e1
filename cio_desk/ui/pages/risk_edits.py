"""The Risks page's edits, each recorded as one step in the edit history.

Adding is undone by deleting and redone by restoring the same risk (its id
stays, so later steps in the history still find it); editing is undone by
putting every field back; deleting by restoring; adopting starter risks, all
or nothing, by deleting them again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cio_desk.errors import CioDeskError
from cio_desk.services.risks import RiskData, RiskRecord
from cio_desk.ui.dialogs.risk_editor import RiskChoices, RiskEditor
from cio_desk.ui.pages.context import PageContext

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace

_DATA_FIELDS = tuple(f.name for f in dataclasses.fields(RiskData))


def _tr(text: str) -> str:
    return QCoreApplication.translate("RiskEdits", text)


def data_of(risk: RiskData) -> dict[str, object]:
    """Every editable field of a risk, as `update` takes them."""
    return {name: getattr(risk, name) for name in _DATA_FIELDS}


class RiskEdits:
    """Opens the risk dialogs and records what they save."""

    def __init__(
        self, context: PageContext, workspace: Callable[[], Workspace | None], parent: QWidget
    ) -> None:
        self._context = context
        self._workspace = workspace
        self._parent = parent

    @property
    def ws(self) -> Workspace:
        workspace = self._workspace()
        assert workspace is not None, "risks are edited only with a workspace open"
        return workspace

    def today(self) -> dt.date:
        return self._context.now().date()

    def choices(self) -> RiskChoices:
        """Initiatives and people to link (archived people too, so links stay), owners to offer."""
        ws = self.ws
        people = ws.stakeholders.list(include_archived=True)
        owners = [p.name for p in people if not p.archived]
        profile = ws.profile.get()
        if profile is not None:
            owners.insert(0, profile.cio_name)
        return RiskChoices(ws.plan.initiatives.list(), people, owners)

    def new_risk(self) -> RiskRecord | None:
        """The editor on a blank risk; returns the risk saved, if any."""
        ws, history = self.ws, self._context.history

        def save(data: RiskData) -> RiskRecord:
            return history.perform(
                _tr("Add risk “{title}”").format(title=data.title.strip()),
                do=lambda: ws.risks.add(data),
                undo=lambda added: ws.risks.delete(added.id),
                redo=lambda added: ws.risks.restore(added),
            )

        saved, accepted = RiskEditor.edit(self._parent, save, self.choices(), today=self.today())
        return saved if accepted else None

    def edit_risk(self, risk_id: int) -> RiskRecord | None:
        """The editor on a stored risk (NotFoundError if it is gone)."""
        ws, history = self.ws, self._context.history
        before = ws.risks.get(risk_id)

        def save(data: RiskData) -> RiskRecord:
            return history.perform(
                _tr("Edit risk “{title}”").format(title=before.title),
                do=lambda: ws.risks.update(risk_id, **data_of(data)),
                undo=lambda _saved: ws.risks.update(risk_id, **data_of(before)),
            )

        saved, accepted = RiskEditor.edit(
            self._parent, save, self.choices(), before, today=self.today()
        )
        return saved if accepted else None

    def delete_risk(self, risk_id: int) -> RiskRecord:
        """Delete a risk; returns what was deleted."""
        ws = self.ws
        return self._context.history.perform(
            _tr("Delete risk"),
            do=lambda: ws.risks.delete(risk_id),
            undo=lambda snapshot: ws.risks.restore(snapshot),
            redo=lambda snapshot: ws.risks.delete(snapshot.id),
        )

    def adopt_starters(self) -> list[RiskRecord]:
        """The starter risks dialog; adopts those ticked in one step (none if cancelled)."""
        from cio_desk.ui.dialogs.starter_risks import StarterRisksDialog

        ws = self.ws
        keys, accepted = StarterRisksDialog.choose(self._parent, ws.risks.starter_risks())
        if not accepted or not keys:
            return []

        def adopt_all() -> list[RiskRecord]:
            adopted: list[RiskRecord] = []
            try:
                for key in keys:
                    adopted.append(ws.risks.adopt(key))
            except CioDeskError:
                for record in reversed(adopted):  # all or nothing
                    ws.risks.delete(record.id)
                raise
            return adopted

        return self._context.history.perform(
            _tr("Adopt starter risks"),
            do=adopt_all,
            undo=lambda records: [ws.risks.delete(r.id) for r in reversed(records)],
            redo=lambda records: [ws.risks.restore(r) for r in records],
        )
