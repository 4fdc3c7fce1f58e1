"""The search box finds initiatives, risks and measures."""

from __future__ import annotations

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan import AssessmentItemData, GoalData
from cio_desk.services.plan_horizons import MeasureData
from cio_desk.services.risks import RiskData
from cio_desk.store.enums import AssessmentKind, InitiativeStatus, RiskCategory
from cio_desk.workspace import Workspace


def test_plan_kinds_are_registered(ws: Workspace) -> None:
    assert {"initiative", "risk", "measure"} <= set(ws.search.kinds)


def test_search_finds_plan_items_by_any_of_their_words(ws: Workspace) -> None:
    erp = ws.plan.initiatives.add(
        InitiativeData(
            "ERP 上线",
            description="One ledger for the three plants",
            owner="Wang Fang",
            status=InitiativeStatus.DONE,
        )
    )
    slip = ws.risks.add(
        RiskData("The ERP programme slips", RiskCategory.SCHEDULE, mitigation="Phase the plants")
    )
    days = ws.plan.measures.add(
        MeasureData(
            "Days to close the books", unit="days", baseline=12, target=5, initiative_id=erp.id
        )
    )
    ws.risks.add(RiskData("Exchange rate", RiskCategory.FINANCIAL))

    found = {(hit.kind, hit.id) for hit in ws.search.find("ERP")}
    assert {("initiative", erp.id), ("risk", slip.id), ("measure", days.id)} <= found

    (hit,) = [h for h in ws.search.find("plants wang") if h.kind == "initiative"]
    assert (hit.open_kind, hit.open_id, hit.detail, hit.flags) == (
        "initiative",
        erp.id,
        "Wang Fang",
        frozenset({"done"}),
    )
    assert "plants" in hit.snippet
    assert [(h.kind, h.id) for h in ws.search.find("上线")] == [
        ("initiative", erp.id),
        ("measure", days.id),  # through its initiative
    ]
    (risk_hit,) = [h for h in ws.search.find("phase") if h.kind == "risk"]
    assert (risk_hit.id, risk_hit.tag) == (slip.id, "schedule")
    (measure_hit,) = [h for h in ws.search.find("close books") if h.kind == "measure"]
    assert (measure_hit.id, measure_hit.detail) == (days.id, "ERP 上线")


def test_goals_and_assessment_items_are_found_too(ws: Workspace) -> None:
    goal = ws.plan.goals.add(GoalData("Close the books in five days", "Invoices typed once"))
    item = ws.plan.assessment.add(
        AssessmentItemData(AssessmentKind.PAIN_POINT, "Invoices typed\ntwice", unit="Finance")
    )
    found = [(h.kind, h.id, h.open_kind) for h in ws.search.find("invoices")]
    assert ("goal", goal.id, "goal") in found
    assert ("assessment", item.id, "assessment") in found
    (hit,) = [h for h in ws.search.find("finance") if h.kind == "assessment"]
    assert (hit.title, hit.detail, hit.tag) == ("Invoices typed twice", "Finance", "pain_point")
