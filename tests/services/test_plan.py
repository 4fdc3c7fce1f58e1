"""The plan's assessment, unit situations, goals, principles and the horizon view."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.insights import InsightData
from cio_desk.services.plan import (
    AssessmentItemData,
    GoalData,
    PrincipleData,
    UnitSituationData,
)
from cio_desk.services.plan_horizons import ContingencyData, MeasureData, NextStepData
from cio_desk.services.risks import RiskData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import (
    AssessmentKind,
    InitiativeStatus,
    InsightKind,
    RiskCategory,
    SituationType,
    StakeholderKind,
)
from cio_desk.workspace import Workspace

# ---------------------------------------------------------------- assessment


def test_assessment_lists_by_kind_then_position(ws: Workspace) -> None:
    add = ws.plan.assessment.add
    threat = add(AssessmentItemData(AssessmentKind.THREAT, "A rival ships in half the time"))
    pain = add(AssessmentItemData(AssessmentKind.PAIN_POINT, "Orders typed twice", unit="Sales"))
    strength = add(AssessmentItemData(AssessmentKind.STRENGTH, "Loyal plant managers"))
    pain2 = add(AssessmentItemData(AssessmentKind.PAIN_POINT, "Stock counts wrong"))
    listed = ws.plan.assessment.list()
    assert [i.id for i in listed] == [strength.id, pain.id, pain2.id, threat.id]
    assert [i.id for i in ws.plan.assessment.list(kind=AssessmentKind.PAIN_POINT)] == [
        pain.id,
        pain2.id,
    ]
    ws.plan.assessment.reorder([pain2.id, pain.id])
    assert [i.text for i in ws.plan.assessment.list(kind=AssessmentKind.PAIN_POINT)] == [
        "Stock counts wrong",
        "Orders typed twice",
    ]


def test_assessment_items_cite_insights_and_come_back_after_delete(ws: Workspace) -> None:
    person = ws.stakeholders.add(StakeholderData(name="Zhao Lei", unit="Plant 2"))
    heard = ws.insights.add(InsightData(person.id, InsightKind.CONCERN, "Line stops for IT")).id
    item = ws.plan.assessment.add(
        AssessmentItemData(
            AssessmentKind.WEAKNESS, "Plant IT support is slow", insight_ids=(heard,)
        )
    )
    assert item.insight_ids == (heard,)
    snapshot = ws.plan.assessment.delete(item.id)
    assert ws.plan.assessment.list() == []
    assert ws.plan.assessment.restore(snapshot) == item


def test_assessment_refuses_blank_text_and_unknown_kinds(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="Assessment cannot be empty"):
        ws.plan.assessment.add(AssessmentItemData(AssessmentKind.STRENGTH, " \n "))
    with pytest.raises(ValidationError, match="unknown value"):
        ws.plan.assessment.add(AssessmentItemData("gossip", "x"))  # type: ignore[arg-type]


# ---------------------------------------------------------------- unit situations


def test_one_situation_per_unit(ws: Workspace) -> None:
    saved = ws.plan.situations.add(
        UnitSituationData("Plant 2", SituationType.TURNAROUND, note="Losing money two years")
    )
    with pytest.raises(ValidationError) as caught:
        ws.plan.situations.add(UnitSituationData("plant 2", SituationType.START_UP))
    assert caught.value.field == "unit"
    assert caught.value.message == "Plant 2 already has a situation."
    updated = ws.plan.situations.update(saved.id, situation=SituationType.REALIGNMENT)
    assert updated.situation is SituationType.REALIGNMENT


def test_units_without_situation_come_from_active_stakeholders(ws: Workspace) -> None:
    for name, unit in (("Li", "Sales"), ("Wu", "Finance"), ("Ma", "Sales"), ("Qi", "")):
        ws.stakeholders.add(StakeholderData(name=name, unit=unit))
    gone = ws.stakeholders.add(StakeholderData(name="Old", unit="Legacy"))
    ws.stakeholders.set_archived(gone.id)
    vendor = StakeholderData(name="Ren", unit="Kingdee", kind=StakeholderKind.VENDOR)
    ws.stakeholders.add(vendor)  # their own company, not a unit of ours
    ws.plan.situations.add(UnitSituationData("Finance", SituationType.SUSTAINING_SUCCESS))
    assert ws.plan.situations.units_without_situation() == ["Sales"]


# ---------------------------------------------------------------- goals and principles


def test_goals_and_principles_keep_their_order_through_delete_and_restore(
    ws: Workspace,
) -> None:
    first = ws.plan.goals.add(GoalData("Close the books in 5 days"))
    second = ws.plan.goals.add(GoalData("One customer list", description="Sales and service"))
    third = ws.plan.goals.add(GoalData("No unplanned downtime"))
    snapshot = ws.plan.goals.delete(second.id)
    assert [g.id for g in ws.plan.goals.list()] == [first.id, third.id]
    ws.plan.goals.restore(snapshot)
    assert [g.id for g in ws.plan.goals.list()] == [first.id, second.id, third.id]

    rule = ws.plan.principles.add(PrincipleData("Save money before spending it"))
    other = ws.plan.principles.add(PrincipleData("Business language, not jargon"))
    ws.plan.principles.reorder([other.id, rule.id])
    assert [p.text for p in ws.plan.principles.list()] == [
        "Business language, not jargon",
        "Save money before spending it",
    ]
    with pytest.raises(ValidationError, match="Goal cannot be empty"):
        ws.plan.goals.update(first.id, title="")


def test_a_goal_can_name_the_initiatives_serving_it(ws: Workspace) -> None:
    crm = ws.plan.initiatives.add(InitiativeData("CRM"))
    goal = ws.plan.goals.add(GoalData("One customer list", initiative_ids=(crm.id,)))
    assert ws.plan.initiatives.get(crm.id).goal_ids == (goal.id,)
    ws.plan.goals.update(goal.id, initiative_ids=())
    assert ws.plan.initiatives.get(crm.id).goal_ids == ()


def test_initiative_titles_in_plan_order_without_dropped_ones(ws: Workspace) -> None:
    late = ws.plan.initiatives.add(
        InitiativeData("Shop-floor system", horizon=24, start_month=13, end_month=24)
    )
    first = ws.plan.initiatives.add(InitiativeData("Helpdesk"))
    second = ws.plan.initiatives.add(InitiativeData("月结提速"))
    gone = ws.plan.initiatives.add(InitiativeData("Old idea", status=InitiativeStatus.DROPPED))
    titles = ws.plan.initiative_titles()
    assert list(titles.items()) == [
        (first.id, "Helpdesk"),
        (second.id, "月结提速"),
        (late.id, "Shop-floor system"),
    ]
    assert ws.plan.initiative_titles(include_dropped=True)[gone.id] == "Old idea"


# ---------------------------------------------------------------- horizon view


def test_horizon_view_gathers_one_horizons_content(ws: Workspace) -> None:
    plan = ws.plan
    first = plan.initiatives.add(InitiativeData("Quick wins", horizon=6, end_month=3))
    second = plan.initiatives.add(InitiativeData("Wi-Fi in plants", horizon=6, end_month=6))
    plan.initiatives.add(
        InitiativeData("Old idea", horizon=6, end_month=6, status=InitiativeStatus.DROPPED)
    )
    later = plan.initiatives.add(InitiativeData("ERP", horizon=12, end_month=12))
    plan.initiatives.reorder([second.id, first.id])

    own = plan.measures.add(MeasureData("Helpdesk satisfaction", baseline=60, target=80, horizon=6))
    via_initiative = plan.measures.add(
        MeasureData("Plants with Wi-Fi", baseline=0, target=3, initiative_id=second.id)
    )
    plan.measures.add(MeasureData("Close days", baseline=12, target=5, initiative_id=later.id))
    pinned = plan.measures.add(
        MeasureData("Users trained", baseline=0, target=50, horizon=12, initiative_id=first.id)
    )

    risk = ws.risks.add(RiskData("Vendor late", RiskCategory.VENDOR, horizon=6))
    by_risk = plan.contingencies.add(ContingencyData("Vendor misses date", risk_id=risk.id))
    by_horizon = plan.contingencies.add(ContingencyData("Budget cut", horizon=6))
    plan.contingencies.add(ContingencyData("ERP slips", initiative_id=later.id))

    late = plan.next_steps.add(
        NextStepData(6, "Hire a plant IT lead", due_date=dt.date(2026, 5, 1))
    )
    soon = plan.next_steps.add(NextStepData(6, "Survey plants", due_date=dt.date(2026, 3, 20)))
    undated = plan.next_steps.add(NextStepData(6, "Draft the IT charter"))
    done = plan.next_steps.add(NextStepData(6, "Meet the CFO", done=True))
    plan.next_steps.add(NextStepData(12, "Choose the ERP vendor"))

    view = plan.horizon_view(6)

    assert view.horizon == 6
    assert [i.id for i in view.priorities] == [second.id, first.id]
    assert {m.id for m in view.measures} == {own.id, via_initiative.id}
    assert pinned.id not in {m.id for m in view.measures}
    assert {c.id for c in view.contingencies} == {by_risk.id, by_horizon.id}
    assert [s.id for s in view.next_steps] == [soon.id, late.id, undated.id, done.id]
    assert [m.name for m in plan.horizon_view(12).measures] == ["Close days", "Users trained"]
    assert view.initiative_titles == {second.id: "Wi-Fi in plants"}  # what its rows point to
    assert view.risk_titles == {risk.id: "Vendor late"}


def test_horizon_view_refuses_other_horizons(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="6, 12 or 24"):
        ws.plan.horizon_view(18)
