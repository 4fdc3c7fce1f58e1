"""What changed between two plan versions, in words, for the Review & export page.

The changes are the version service's (`ws.versions.compare`), the same the
PDF's "Changes since the previous version" lists; this module only says each
one in a sentence and groups them by area.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from cio_desk.services.money import format_amount
from cio_desk.services.versions import Area, Change, ChangeKind, PlanDiff
from cio_desk.store.enums import InitiativeStatus, RiskStatus
from cio_desk.ui import formatting as fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewChanges", text)


def area_title(area: Area) -> str:
    titles = {
        Area.GOAL: _tr("Goals"),
        Area.INITIATIVE: _tr("Initiatives"),
        Area.MEASURE: _tr("Measures"),
        Area.RISK: _tr("Risks"),
        Area.NEXT_STEP: _tr("Next steps"),
    }
    return titles[area]


@dataclass(frozen=True)
class ChangeGroup:
    """The changes of one area, each as (item title, what happened)."""

    area: Area
    title: str
    lines: list[tuple[str, str]]


def describe_diff(diff: PlanDiff, currency: str) -> list[ChangeGroup]:
    """The changes by area (in plan order), each said in words; empty areas left out."""
    groups = []
    for area in Area:
        changes = diff.of(area)
        if changes:
            lines = [(change.title, describe(change, currency)) for change in changes]
            groups.append(ChangeGroup(area, area_title(area), lines))
    return groups


def describe(change: Change, currency: str) -> str:
    """One change in a sentence, e.g. "Moved from First 6 months to Months 7 to 12"."""
    kind, before, after = change.kind, change.before, change.after
    simple = {
        ChangeKind.ADDED: _tr("Added"),
        ChangeKind.REMOVED: _tr("Removed"),
    }
    if kind in simple:
        return simple[kind]
    if kind is ChangeKind.RENAMED:
        return _tr("Renamed from “{old}”").format(old=before)
    if kind is ChangeKind.MOVED:
        return _tr("Moved from {old} to {new}").format(old=_horizon(before), new=_horizon(after))
    if kind is ChangeKind.RESCHEDULED:
        return _tr("Rescheduled from {old} to {new}").format(
            old=fmt.month_span(*before), new=fmt.month_span(*after)
        )
    if kind is ChangeKind.BUDGET:
        return _tr(
            "Budget from {old_once} one-off and {old_year} a year to {new_once} and {new_year}"
        ).format(
            old_once=format_amount(before["one_off"], currency),
            old_year=format_amount(before["per_year"], currency),
            new_once=format_amount(after["one_off"], currency),
            new_year=format_amount(after["per_year"], currency),
        )
    if kind is ChangeKind.STATUS:
        return _tr("Status from {old} to {new}").format(old=_status(before), new=_status(after))
    if kind is ChangeKind.OWNER:
        return _tr("Owner from “{old}” to “{new}”").format(old=before or "–", new=after or "–")
    if kind is ChangeKind.RESCORED:
        return _rescored(before, after)
    if kind is ChangeKind.MEASURE:
        return _tr("Baseline {old_base} → {new_base}; target {old_target} → {new_target}").format(
            old_base=_value(before["baseline"], before["unit"]),
            new_base=_value(after["baseline"], after["unit"]),
            old_target=_value(before["target"], before["unit"]),
            new_target=_value(after["target"], after["unit"]),
        )
    return str(kind)


def _horizon(horizon: object) -> str:
    return fmt.horizon_label(horizon) if isinstance(horizon, int) else _tr("no horizon")


def _status(value: object) -> str:
    if value in set(InitiativeStatus):
        return fmt.initiative_status_label(InitiativeStatus(value))
    if value in set(RiskStatus):
        return fmt.risk_status_label(RiskStatus(value))
    return str(value)


def _rescored(before: dict, after: dict) -> str:
    """ "Re-scored before mitigation 4×4 → 5×4; after mitigation 3×3 → 2×3", what changed only."""
    parts = []
    for label, keys in (
        (_tr("before mitigation"), ("likelihood", "impact")),
        (_tr("after mitigation"), ("residual_likelihood", "residual_impact")),
    ):
        old, new = (f"{scores[keys[0]]}×{scores[keys[1]]}" for scores in (before, after))
        if old != new:
            parts.append(_tr("{which} {old} → {new}").format(which=label, old=old, new=new))
    return _tr("Re-scored (likelihood × impact): {changes}").format(changes="; ".join(parts))


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip() if unit and unit != "%" else text + (unit or "")
