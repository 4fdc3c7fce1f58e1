"""Plan health: each rule fires on the faulty item and only there."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan_costs import CostLineData, MilestoneData, PaymentData
from cio_desk.services.plan_health import HealthIssue, HealthRule
from cio_desk.services.plan_horizons import ContingencyData, MeasureData
from cio_desk.services.risks import RiskData
from cio_desk.store.enums import CostCategory, InitiativeStatus, RiskCategory, RiskStatus
from cio_desk.store.models import Measure
from cio_desk.workspace import Workspace


def issues(ws: Workspace, rule: HealthRule) -> list[HealthIssue]:
    return [i for i in ws.plan_health.check() if i.rule is rule]


def healthy_initiative(ws: Workspace, title: str, **more) -> int:
    """An initiative with an owner and a cost line: it trips no initiative rule."""
    fields = {"horizon": 6, "start_month": 1, "end_month": 6, "owner": "Chen Jing", **more}
    item = ws.plan.initiatives.add(InitiativeData(title, **fields))
    ws.plan.cost_lines.add(CostLineData(item.id, CostCategory.STAFF, 0))
    return item.id


def measure_every_horizon(ws: Workspace) -> None:
    for h in (6, 12, 24):
        ws.plan.measures.add(MeasureData(f"Measure {h}", baseline=1, target=2, horizon=h))


def test_a_complete_small_plan_is_healthy(ws: Workspace) -> None:
    measure_every_horizon(ws)
    first = healthy_initiative(ws, "Helpdesk")
    healthy_initiative(ws, "CRM", horizon=12, start_month=7, end_month=12, depends_on_ids=(first,))
    ws.risks.add(
        RiskData(
            "Outage",
            RiskCategory.OPERATIONAL,
            likelihood=5,
            impact=5,
            contingency="Fail over to the second site",
        )
    )
    assert ws.plan_health.check() == []


def test_horizons_without_measures(ws: Workspace) -> None:
    owner = healthy_initiative(ws, "ERP", horizon=12, end_month=12)
    ws.plan.measures.add(MeasureData("Close days", baseline=12, target=5, initiative_id=owner))
    found = issues(ws, HealthRule.HORIZON_WITHOUT_MEASURES)
    assert [(i.item_kind, i.item_id) for i in found] == [("horizon", 6), ("horizon", 24)]
    assert found[0].message == (
        "The 6-month horizon has no measures: say how its success will be judged."
    )


def test_initiatives_without_owner(ws: Workspace) -> None:
    measure_every_horizon(ws)
    item = healthy_initiative(ws, "CRM", owner="  ")
    healthy_initiative(ws, "Old", owner="", status=InitiativeStatus.DROPPED)
    (found,) = issues(ws, HealthRule.INITIATIVE_WITHOUT_OWNER)
    assert (found.item_kind, found.item_id, found.subject) == ("initiative", item, "CRM")
    assert found.message == "“CRM” has no owner: name the person accountable for it."


@pytest.mark.parametrize(
    ("scores", "fires"),
    [
        ((5, 3, 1, 1), True),  # inherent 15: mitigation is still only a plan
        ((2, 2, 4, 4), True),  # residual 16
        ((3, 4, 3, 4), False),  # 12 both: high, not critical
    ],
)
def test_critical_risks_need_a_contingency(
    ws: Workspace, scores: tuple[int, int, int, int], fires: bool
) -> None:
    likelihood, impact, residual_l, residual_i = scores
    saved = ws.risks.add(
        RiskData(
            "Ransomware",
            RiskCategory.INFORMATION_SECURITY,
            likelihood=likelihood,
            impact=impact,
            residual_likelihood=residual_l,
            residual_impact=residual_i,
        )
    )
    found = issues(ws, HealthRule.CRITICAL_RISK_WITHOUT_CONTINGENCY)
    assert [(i.item_kind, i.item_id) for i in found] == ([("risk", saved.id)] if fires else [])


def test_a_written_or_linked_contingency_satisfies_the_rule(ws: Workspace) -> None:
    def critical(title: str, **more) -> int:
        data = RiskData(title, RiskCategory.OPERATIONAL, likelihood=5, impact=4, **more)
        return ws.risks.add(data).id

    critical("Written", contingency="Restore from the off-site copy")
    linked = critical("Linked")
    ws.plan.contingencies.add(ContingencyData("Data centre flooded", risk_id=linked))
    critical("Closed", status=RiskStatus.CLOSED)
    bare = critical("Bare", contingency="   ")
    found = issues(ws, HealthRule.CRITICAL_RISK_WITHOUT_CONTINGENCY)
    assert [i.item_id for i in found] == [bare]
    assert "critical risk (score 20)" in found[0].message


def test_an_initiative_starting_before_its_dependency_ends(ws: Workspace) -> None:
    base = healthy_initiative(ws, "Network", start_month=1, end_month=6)
    overlap = healthy_initiative(ws, "Wi-Fi", start_month=6, end_month=6, depends_on_ids=(base,))
    healthy_initiative(ws, "VPN", horizon=12, start_month=7, end_month=9, depends_on_ids=(base,))
    (found,) = issues(ws, HealthRule.STARTS_BEFORE_DEPENDENCY_ENDS)
    assert (found.item_id, found.subject) == (overlap, "Wi-Fi")
    assert found.message == (
        "“Wi-Fi” starts in month 6 but depends on “Network”, which ends in month 6: "
        "start it in month 7 or later."
    )


def test_a_target_equal_to_its_baseline(ws: Workspace) -> None:
    flat = ws.plan.measures.add(MeasureData("Uptime", baseline=99.9, target=99.9, horizon=6))
    ws.plan.measures.add(MeasureData("Tickets", baseline=300, target=150, horizon=6))
    ws.plan.measures.add(MeasureData("New metric", target=10, horizon=6))  # no baseline yet
    (found,) = issues(ws, HealthRule.TARGET_EQUALS_BASELINE)
    assert (found.item_kind, found.item_id) == ("measure", flat.id)
    assert "equals its baseline (99.9)" in found.message


def test_initiatives_without_cost_lines(ws: Workspace) -> None:
    bare = ws.plan.initiatives.add(InitiativeData("Charter", owner="Chen Jing"))
    healthy_initiative(ws, "Costed at zero")
    (found,) = issues(ws, HealthRule.INITIATIVE_WITHOUT_COSTS)
    assert found.item_id == bare.id


def test_payments_that_do_not_match_the_cost(ws: Workspace) -> None:
    matched = healthy_initiative(ws, "Matched")
    ws.plan.cost_lines.add(CostLineData(matched, CostCategory.LICENCE, 100_000))
    ws.plan.payments.add(PaymentData(matched, 2, 60_000))
    ws.plan.payments.add(PaymentData(matched, 5, 40_000))
    short = healthy_initiative(ws, "Short")
    ws.plan.cost_lines.add(CostLineData(short, CostCategory.LICENCE, 100_000))
    ws.plan.payments.add(PaymentData(short, 2, 60_000))
    unscheduled = healthy_initiative(ws, "Unscheduled")
    ws.plan.cost_lines.add(CostLineData(unscheduled, CostCategory.LICENCE, 100_000))
    (found,) = issues(ws, HealthRule.PAYMENTS_DO_NOT_MATCH)
    assert found.item_id == short
    assert found.message == (
        "The payments scheduled for “Short” add up to ¥600.00, but its cost over the plan "
        "is ¥1,000.00."
    )


def test_milestones_outside_their_initiative(ws: Workspace) -> None:
    owner = healthy_initiative(ws, "ERP", horizon=12, start_month=3, end_month=9)
    inside = ws.plan.milestones.add(MilestoneData(owner, 9, "Go-live"))
    early = ws.plan.milestones.add(MilestoneData(owner, 2, "Kick-off"))
    found = issues(ws, HealthRule.MILESTONE_OUTSIDE_INITIATIVE)
    assert [i.item_id for i in found] == [early.id]
    assert inside.id not in {i.item_id for i in found}


def test_residual_above_inherent(ws: Workspace) -> None:
    odd = ws.risks.add(RiskData("Odd", RiskCategory.VENDOR, likelihood=2, impact=2))
    (found,) = issues(ws, HealthRule.RESIDUAL_ABOVE_INHERENT)
    assert found.item_id == odd.id  # residual defaults to 3 x 3 = 9 > 4


def test_measures_left_without_horizon(ws: Workspace) -> None:
    owner = healthy_initiative(ws, "ERP")
    orphan = ws.plan.measures.add(
        MeasureData("Close days", baseline=9, target=5, initiative_id=owner)
    )
    ws.plan.initiatives.delete(owner)
    (found,) = issues(ws, HealthRule.MEASURE_WITHOUT_HORIZON)
    assert found.item_id == orphan.id


def test_data_saved_by_older_versions_is_checked_too(ws: Workspace) -> None:
    saved = ws.plan.measures.add(MeasureData("Uptime", baseline=99, target=99.5, horizon=6))
    with ws.sessions.begin() as session:  # as an imported or older workspace may hold it
        session.execute(update(Measure).where(Measure.id == saved.id).values(target=99))
    assert [i.item_id for i in issues(ws, HealthRule.TARGET_EQUALS_BASELINE)] == [saved.id]


def test_checking_some_rules_gives_exactly_their_findings(ws: Workspace) -> None:
    ws.plan.initiatives.add(InitiativeData("Nobody's", horizon=6, start_month=1, end_month=6))
    short = healthy_initiative(ws, "Short")
    ws.plan.cost_lines.add(CostLineData(short, CostCategory.LICENCE, 100_000))
    ws.plan.payments.add(PaymentData(short, 2, 60_000))
    ws.risks.add(RiskData("Odd", RiskCategory.VENDOR, likelihood=2, impact=2))
    every = ws.plan_health.check()
    some = {HealthRule.INITIATIVE_WITHOUT_OWNER, HealthRule.PAYMENTS_DO_NOT_MATCH}
    assert ws.plan_health.check(some) == [i for i in every if i.rule in some]
    assert {i.rule for i in ws.plan_health.check(some)} == some
    assert ws.plan_health.check(()) == []
