"""Plan health: what a reviewer would question, each with a pointer to the item.

Rules (dropped initiatives and closed risks are left out of every check):
- a horizon with no measures (its own, or its initiatives');
- an initiative with no owner;
- a critical risk without a contingency: inherent or residual score of 15 or
  more (the higher of the two, since mitigation is a plan until it is done)
  and neither a contingency written on the risk nor a linked contingency plan;
- an initiative that starts before one it depends on ends (months are whole:
  what depends on an initiative ending in month 6 starts in month 7 or later);
- a measure whose target equals its baseline;
- an initiative with no cost lines (a line of 0 says "costs nothing");
- a payment schedule that does not add up to the cost over the plan (only
  where a schedule exists);
- a milestone outside its initiative's months;
- a residual score above the inherent one (mitigation cannot add risk);
- a measure with neither horizon nor initiative (its initiative was deleted).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from cio_desk.services.base import Manager
from cio_desk.services.budget import BudgetService
from cio_desk.services.money import format_amount
from cio_desk.services.risks import CRITICAL_SCORE
from cio_desk.store.enums import HORIZONS, InitiativeStatus, RiskStatus
from cio_desk.store.models import (
    Contingency,
    CostLine,
    Initiative,
    Measure,
    Milestone,
    Risk,
    initiative_dependency,
)


class HealthRule(StrEnum):
    """The checks, in the order the findings are listed."""

    HORIZON_WITHOUT_MEASURES = "horizon_without_measures"
    INITIATIVE_WITHOUT_OWNER = "initiative_without_owner"
    CRITICAL_RISK_WITHOUT_CONTINGENCY = "critical_risk_without_contingency"
    STARTS_BEFORE_DEPENDENCY_ENDS = "starts_before_dependency_ends"
    TARGET_EQUALS_BASELINE = "target_equals_baseline"
    INITIATIVE_WITHOUT_COSTS = "initiative_without_costs"
    PAYMENTS_DO_NOT_MATCH = "payments_do_not_match"
    MILESTONE_OUTSIDE_INITIATIVE = "milestone_outside_initiative"
    RESIDUAL_ABOVE_INHERENT = "residual_above_inherent"
    MEASURE_WITHOUT_HORIZON = "measure_without_horizon"


@dataclass(frozen=True)
class HealthIssue:
    """One finding: the rule, a sentence for the user, and the item to open.

    `item_kind` is "horizon" (then `item_id` is 6, 12 or 24), "initiative",
    "risk", "measure" or "milestone"; `subject` is the item's title.
    """

    rule: HealthRule
    message: str
    item_kind: str
    item_id: int
    subject: str


# Table columns, not ORM attributes: the queries return plain rows, and Core ones run faster.
_initiative = Initiative.__table__.c
_risk = Risk.__table__.c
_measure = Measure.__table__.c
_milestone = Milestone.__table__.c
_ACTIVE = _initiative.status != InitiativeStatus.DROPPED
_OPEN_RISK = _risk.status != RiskStatus.CLOSED


class PlanHealthService(Manager):
    """`ws.plan_health`: the plan checked against every rule above."""

    def check(self, rules: Collection[HealthRule] | None = None) -> list[HealthIssue]:
        """Every finding (or those of `rules` only), grouped by rule in the order listed above."""
        wanted = frozenset(HealthRule if rules is None else rules)
        # The budget opens its own session: sessions take the write lock, so not nested.
        payments = (
            self._payments_not_matching() if HealthRule.PAYMENTS_DO_NOT_MATCH in wanted else []
        )
        issues: list[HealthIssue] = []
        with self._read() as session:
            for rule in HealthRule:
                if rule == HealthRule.PAYMENTS_DO_NOT_MATCH:
                    issues.extend(payments)
                elif rule in wanted:
                    issues.extend(_CHECKS[rule](session))
        return issues

    def _payments_not_matching(self) -> list[HealthIssue]:
        budget = BudgetService(self._sessions).summary()
        issues = []
        for item in budget.initiatives:
            if item.scheduled and item.gap:
                scheduled = format_amount(item.scheduled, budget.currency)
                cost = format_amount(item.cost.total, budget.currency)
                issues.append(
                    HealthIssue(
                        HealthRule.PAYMENTS_DO_NOT_MATCH,
                        f"The payments scheduled for “{item.title}” add up to {scheduled}, "
                        f"but its cost over the plan is {cost}.",
                        "initiative",
                        item.id,
                        item.title,
                    )
                )
        return issues


def _horizons_without_measures(session: Session) -> list[HealthIssue]:
    owner = Initiative.__table__.alias("owner")
    effective = func.coalesce(_measure.horizon, owner.c.horizon)
    query = (
        select(effective)
        .select_from(Measure.__table__)
        .outerjoin(owner, _measure.initiative_id == owner.c.id)
        .where(effective.is_not(None))
        .distinct()
    )
    measured = set(session.scalars(query))
    return [
        HealthIssue(
            HealthRule.HORIZON_WITHOUT_MEASURES,
            f"The {h}-month horizon has no measures: say how its success will be judged.",
            "horizon",
            h,
            f"{h} months",
        )
        for h in HORIZONS
        if h not in measured
    ]


def _initiatives_without_owner(session: Session) -> list[HealthIssue]:
    query = (
        select(_initiative.id, _initiative.title)
        .where(_ACTIVE, func.trim(_initiative.owner) == "")
        .order_by(_initiative.horizon, _initiative.rank, _initiative.id)
    )
    return [
        HealthIssue(
            HealthRule.INITIATIVE_WITHOUT_OWNER,
            f"“{title}” has no owner: name the person accountable for it.",
            "initiative",
            item_id,
            title,
        )
        for item_id, title in session.execute(query)
    ]


def _critical_risks_without_contingency(session: Session) -> list[HealthIssue]:
    inherent = _risk.likelihood * _risk.impact
    residual = _risk.residual_likelihood * _risk.residual_impact
    plans = Contingency.__table__.c
    planned = select(plans.risk_id).where(plans.risk_id.is_not(None))
    query = (
        select(_risk.id, _risk.title, inherent, residual)
        .where(
            _OPEN_RISK,
            or_(inherent >= CRITICAL_SCORE, residual >= CRITICAL_SCORE),
            func.trim(_risk.contingency) == "",
            _risk.id.not_in(planned),
        )
        .order_by(func.max(inherent, residual).desc(), _risk.title, _risk.id)
    )
    return [
        HealthIssue(
            HealthRule.CRITICAL_RISK_WITHOUT_CONTINGENCY,
            f"“{title}” is a critical risk (score {max(score_in, score_res)}) with no "
            "contingency: plan what you will do if it happens.",
            "risk",
            item_id,
            title,
        )
        for item_id, title, score_in, score_res in session.execute(query)
    ]


def _starts_before_dependency_ends(session: Session) -> list[HealthIssue]:
    dependency = Initiative.__table__.alias("dependency")
    link = initiative_dependency.c
    query = (
        select(
            _initiative.id,
            _initiative.title,
            _initiative.start_month,
            dependency.c.title,
            dependency.c.end_month,
        )
        .join(initiative_dependency, link.initiative_id == _initiative.id)
        .join(dependency, dependency.c.id == link.depends_on_id)
        .where(
            _ACTIVE,
            dependency.c.status != InitiativeStatus.DROPPED,
            _initiative.start_month <= dependency.c.end_month,
        )
        .order_by(_initiative.horizon, _initiative.rank, _initiative.id, dependency.c.id)
    )
    return [
        HealthIssue(
            HealthRule.STARTS_BEFORE_DEPENDENCY_ENDS,
            f"“{title}” starts in month {start} but depends on “{other}”, which ends in "
            f"month {end}: start it in month {end + 1} or later.",
            "initiative",
            item_id,
            title,
        )
        for item_id, title, start, other, end in session.execute(query)
    ]


def _targets_equal_to_baseline(session: Session) -> list[HealthIssue]:
    query = (
        select(_measure.id, _measure.name, _measure.baseline)
        .where(_measure.baseline.is_not(None), _measure.target == _measure.baseline)
        .order_by(_measure.id)
    )
    return [
        HealthIssue(
            HealthRule.TARGET_EQUALS_BASELINE,
            f"The target of “{name}” equals its baseline ({baseline:g}), so it cannot show "
            "progress.",
            "measure",
            item_id,
            name,
        )
        for item_id, name, baseline in session.execute(query)
    ]


def _initiatives_without_costs(session: Session) -> list[HealthIssue]:
    costed = select(CostLine.__table__.c.initiative_id)
    query = (
        select(_initiative.id, _initiative.title)
        .where(_ACTIVE, _initiative.id.not_in(costed))
        .order_by(_initiative.horizon, _initiative.rank, _initiative.id)
    )
    return [
        HealthIssue(
            HealthRule.INITIATIVE_WITHOUT_COSTS,
            f"“{title}” has no cost lines: add them (a line of 0 if it costs nothing) so "
            "the budget is complete.",
            "initiative",
            item_id,
            title,
        )
        for item_id, title in session.execute(query)
    ]


def _milestones_outside(session: Session) -> list[HealthIssue]:
    query = (
        select(
            _milestone.id,
            _milestone.title,
            _milestone.month,
            _initiative.title,
            _initiative.start_month,
            _initiative.end_month,
        )
        .join(Initiative.__table__, _initiative.id == _milestone.initiative_id)
        .where(
            _ACTIVE,
            or_(
                _milestone.month < _initiative.start_month,
                _milestone.month > _initiative.end_month,
            ),
        )
        .order_by(_initiative.horizon, _initiative.rank, _milestone.month, _milestone.id)
    )
    return [
        HealthIssue(
            HealthRule.MILESTONE_OUTSIDE_INITIATIVE,
            f"The milestone “{title}” (month {month}) falls outside “{owner}”, which runs "
            f"from month {start} to {end}.",
            "milestone",
            item_id,
            title,
        )
        for item_id, title, month, owner, start, end in session.execute(query)
    ]


def _residual_above_inherent(session: Session) -> list[HealthIssue]:
    inherent = _risk.likelihood * _risk.impact
    residual = _risk.residual_likelihood * _risk.residual_impact
    query = (
        select(_risk.id, _risk.title, inherent, residual)
        .where(_OPEN_RISK, residual > inherent)
        .order_by(_risk.title, _risk.id)
    )
    return [
        HealthIssue(
            HealthRule.RESIDUAL_ABOVE_INHERENT,
            f"“{title}” scores higher after mitigation ({after}) than before ({before}); "
            "check its likelihood and impact.",
            "risk",
            item_id,
            title,
        )
        for item_id, title, before, after in session.execute(query)
    ]


def _measures_without_horizon(session: Session) -> list[HealthIssue]:
    query = (
        select(_measure.id, _measure.name)
        .where(and_(_measure.horizon.is_(None), _measure.initiative_id.is_(None)))
        .order_by(_measure.id)
    )
    return [
        HealthIssue(
            HealthRule.MEASURE_WITHOUT_HORIZON,
            f"“{name}” has neither a horizon nor an initiative, so it appears nowhere in the plan.",
            "measure",
            item_id,
            name,
        )
        for item_id, name in session.execute(query)
    ]


# The checks run in a session of their own; the payments rule reads the budget instead.
_CHECKS: dict[HealthRule, Callable[[Session], list[HealthIssue]]] = {
    HealthRule.HORIZON_WITHOUT_MEASURES: _horizons_without_measures,
    HealthRule.INITIATIVE_WITHOUT_OWNER: _initiatives_without_owner,
    HealthRule.CRITICAL_RISK_WITHOUT_CONTINGENCY: _critical_risks_without_contingency,
    HealthRule.STARTS_BEFORE_DEPENDENCY_ENDS: _starts_before_dependency_ends,
    HealthRule.TARGET_EQUALS_BASELINE: _targets_equal_to_baseline,
    HealthRule.INITIATIVE_WITHOUT_COSTS: _initiatives_without_costs,
    HealthRule.MILESTONE_OUTSIDE_INITIATIVE: _milestones_outside,
    HealthRule.RESIDUAL_ABOVE_INHERENT: _residual_above_inherent,
    HealthRule.MEASURE_WITHOUT_HORIZON: _measures_without_horizon,
}
