"""Measures, contingencies and next steps: what each horizon holds."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan_horizons import (
    ContingencyData,
    MeasureData,
    NextStepData,
    measure_warnings,
)
from cio_desk.services.risks import RiskData
from cio_desk.store.enums import RiskCategory
from cio_desk.workspace import Workspace

# ---------------------------------------------------------------- measures


def test_a_measure_reads_numbers_as_typed(ws: Workspace) -> None:
    saved = ws.plan.measures.add(
        MeasureData("Orders entered once", unit="%", baseline="40%", target="95", horizon=6)
    )
    assert (saved.baseline, saved.target, saved.current) == (40.0, 95.0, None)
    assert saved.progress is None


def test_recording_the_current_value_shows_progress_and_is_undoable(ws: Workspace) -> None:
    saved = ws.plan.measures.add(MeasureData("Days to close", baseline=12, target=5, horizon=12))
    now = ws.plan.measures.record_current(saved.id, "8.5", dt.date(2026, 6, 30))
    assert (now.current, now.current_on) == (8.5, dt.date(2026, 6, 30))
    assert now.progress == pytest.approx(0.5)  # 12 -> 8.5 is half of the way to 5
    undone = ws.plan.measures.update(saved.id, current=None, current_on=None)
    assert undone == saved


def test_a_measure_needs_a_horizon_or_an_initiative(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        ws.plan.measures.add(MeasureData("Uptime", baseline=99, target=99.9))
    assert caught.value.field == "horizon"
    owner = ws.plan.initiatives.add(InitiativeData("Monitoring"))
    assert (
        ws.plan.measures.add(
            MeasureData("Uptime", baseline=99, target=99.9, initiative_id=owner.id)
        ).horizon
        is None
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"baseline": "lots"}, "baseline"),
        ({"target": float("nan")}, "target"),
        ({"horizon": 3}, "horizon"),
        ({"initiative_id": 77}, "initiative_id"),
        ({"current_on": "2026-05-01"}, "current_on"),
    ],
)
def test_bad_measures_are_refused_at_the_field(ws: Workspace, changes: dict, field: str) -> None:
    data = {"name": "Uptime", "baseline": 99, "target": 99.9, "horizon": 6, **changes}
    with pytest.raises(ValidationError) as caught:
        ws.plan.measures.add(MeasureData(**data))
    assert caught.value.field == field
    assert ws.plan.measures.count() == 0


def test_a_target_equal_to_the_baseline_is_saved_but_flagged(ws: Workspace) -> None:
    data = MeasureData("Uptime held", unit="%", baseline=99.9, target=99.9, horizon=24)
    saved = ws.plan.measures.add(data)
    assert saved.target_equals_baseline
    (warning,) = measure_warnings(data)
    assert warning.field == "target"
    assert "equals the baseline (99.9)" in warning.message
    assert measure_warnings(MeasureData("Uptime", baseline=99, target=99.9, horizon=6)) == []


def test_measures_list_by_horizon_or_initiative(ws: Workspace) -> None:
    owner = ws.plan.initiatives.add(InitiativeData("Helpdesk"))
    a = ws.plan.measures.add(MeasureData("Tickets", baseline=300, target=150, horizon=6))
    b = ws.plan.measures.add(MeasureData("CSAT", baseline=60, target=80, initiative_id=owner.id))
    assert ws.plan.measures.list(horizon=6) == [a]
    assert ws.plan.measures.list(initiative_id=owner.id) == [b]
    assert ws.plan.measures.list() == [a, b]


# ---------------------------------------------------------------- contingencies


def test_a_contingency_links_a_risk_or_an_initiative(ws: Workspace) -> None:
    risk = ws.risks.add(RiskData("Key staff leave", RiskCategory.PEOPLE_CHANGE))
    saved = ws.plan.contingencies.add(
        ContingencyData(
            "Two key engineers resign",
            response="Bring in the vendor's team for three months.",
            owner="Chen Jing",
            horizon=6,
            risk_id=risk.id,
        )
    )
    assert ws.plan.contingencies.get(saved.id) == saved
    assert ws.plan.contingencies.list(risk_id=risk.id) == [saved]
    assert ws.risks.get(risk.id).contingency_ids == (saved.id,)
    with pytest.raises(ValidationError, match="Trigger cannot be empty"):
        ws.plan.contingencies.update(saved.id, trigger=" ")
    with pytest.raises(ValidationError, match="chosen risk no longer exists"):
        ws.plan.contingencies.update(saved.id, risk_id=risk.id + 1)


def test_restoring_a_contingency_whose_risk_is_gone_keeps_the_contingency(
    ws: Workspace,
) -> None:
    risk = ws.risks.add(RiskData("Vendor fails", RiskCategory.VENDOR))
    saved = ws.plan.contingencies.add(ContingencyData("Vendor insolvent", risk_id=risk.id))
    snapshot = ws.plan.contingencies.delete(saved.id)
    ws.risks.delete(risk.id)
    restored = ws.plan.contingencies.restore(snapshot)
    assert (restored.id, restored.trigger, restored.risk_id) == (saved.id, "Vendor insolvent", None)


# ---------------------------------------------------------------- next steps


def test_next_steps_have_a_horizon_a_due_date_and_can_be_done(ws: Workspace) -> None:
    step = ws.plan.next_steps.add(
        NextStepData(6, "Agree the payment schedule with the CFO", due_date=dt.date(2026, 4, 1))
    )
    assert step.is_overdue(dt.date(2026, 4, 2))
    done = ws.plan.next_steps.set_done(step.id)
    assert done.done and not done.is_overdue(dt.date(2026, 4, 2))
    assert ws.plan.next_steps.set_done(step.id, False) == step
    assert ws.plan.next_steps.list(horizon=12) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"horizon": None}, "horizon"), ({"text": ""}, "text"), ({"due_date": "soon"}, "due_date")],
)
def test_bad_next_steps_are_refused(ws: Workspace, changes: dict, field: str) -> None:
    data = {"horizon": 6, "text": "Hire a plant IT lead", **changes}
    with pytest.raises(ValidationError) as caught:
        ws.plan.next_steps.add(NextStepData(**data))
    assert caught.value.field == field
