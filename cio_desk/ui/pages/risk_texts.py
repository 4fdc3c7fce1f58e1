"""How fired risk triggers read, on the Risks page and on Today."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from cio_desk.services.risks import FiredTrigger
from cio_desk.store.enums import Stance
from cio_desk.ui import formatting as fmt


@dataclass(frozen=True)
class FiredRisk:
    """A risk with every linked person whose stance fired it."""

    risk_id: int
    risk_title: str
    people: tuple[tuple[str, Stance], ...]


def group_by_risk(triggers: Sequence[FiredTrigger]) -> list[FiredRisk]:
    """One entry per risk, in the order the service gives (highest residual score first)."""
    grouped: dict[int, FiredRisk] = {}
    for t in triggers:
        known = grouped.get(t.risk_id) or FiredRisk(t.risk_id, t.risk_title, ())
        grouped[t.risk_id] = FiredRisk(
            t.risk_id, t.risk_title, (*known.people, (t.stakeholder_name, t.stance))
        )
    return list(grouped.values())


def _tr(text: str) -> str:
    return QCoreApplication.translate("RiskPanels", text)


def fired_text(fired: FiredRisk) -> str:
    """ "Sponsor turns opponent — Zhang Wei is now a sceptic." (several people: listed)"""
    if len(fired.people) == 1:
        name, stance = fired.people[0]
        if stance == Stance.BLOCKER:
            text = _tr("{risk} — {name} is now a blocker.")
        else:
            text = _tr("{risk} — {name} is now a sceptic.")
        return text.format(risk=fired.risk_title, name=name)
    people = _tr(", ").join(
        _tr("{name} ({stance})").format(name=name, stance=fmt.stance_label(stance).lower())
        for name, stance in fired.people
    )
    return _tr("{risk} — now sceptics or blockers: {people}.").format(
        risk=fired.risk_title, people=people
    )
