"""Initiatives: months and horizons, ranks, links, dependency loops, undoable deletes."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.initiatives import (
    InitiativeData,
    current_month,
    month_position,
    month_start,
    starts_before_dependency_ends,
)
from cio_desk.services.insights import InsightData
from cio_desk.services.plan import GoalData
from cio_desk.services.plan_costs import CostLineData, MilestoneData, PaymentData
from cio_desk.services.plan_horizons import ContingencyData, MeasureData
from cio_desk.services.plan_rows import horizon_for
from cio_desk.services.risks import RiskData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import (
    CostCategory,
    CostRecurrence,
    InitiativeStatus,
    InsightKind,
    RiskCategory,
)
from cio_desk.workspace import Workspace

START = dt.date(2026, 3, 2)  # as in the `ws` fixture


def add(ws: Workspace, title: str, horizon: int = 6, start: int = 1, end: int = 6, **more):
    return ws.plan.initiatives.add(
        InitiativeData(title, horizon=horizon, start_month=start, end_month=end, **more)
    )


def insight(ws: Workspace, kind: InsightKind, text: str) -> int:
    person = ws.stakeholders.add(StakeholderData(name="Wang Fang", unit="Finance"))
    referred = "Li Na" if kind is InsightKind.REFERRAL else ""
    return ws.insights.add(InsightData(person.id, kind, text, referred_name=referred)).id


# ---------------------------------------------------------------- fields and rules


def test_an_initiative_is_saved_with_every_field(ws: Workspace) -> None:
    goal = ws.plan.goals.add(GoalData("Close the books in 5 days"))
    concern = insight(ws, InsightKind.CONCERN, "Month-end close takes 12 days")
    saved = add(
        ws,
        "  Replace the finance system  ",
        horizon=12,
        start=2,
        end=11,
        description="One ledger for all three plants.",
        business_value="Books closed in 5 days instead of 12.",
        owner="Wang Fang",
        status=InitiativeStatus.APPROVED,
        cfo_confirmed=True,
        goal_ids=(goal.id,),
        insight_ids=(concern,),
    )
    again = ws.plan.initiatives.get(saved.id)
    assert again == saved
    assert again.title == "Replace the finance system"
    assert (again.horizon, again.start_month, again.end_month, again.months) == (12, 2, 11, 10)
    assert again.goal_ids == (goal.id,) and again.insight_ids == (concern,)
    assert again.cfo_confirmed and again.status is InitiativeStatus.APPROVED
    assert ws.plan.goals.get(goal.id).initiative_ids == (saved.id,)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start_month": 0}, "start_month", "from 1 to 24"),
        ({"end_month": 25, "horizon": 24}, "end_month", "from 1 to 24"),
        ({"start_month": 5, "end_month": 3}, "end_month", "cannot end (month 3) before it starts"),
        ({"horizon": 9}, "horizon", "6, 12 or 24"),
        ({"title": "   "}, "title", "cannot be empty"),
        ({"status": "finished"}, "status", "unknown value"),
        ({"start_month": 1.5}, "start_month", "whole number"),
    ],
)
def test_bad_initiatives_are_refused_at_the_field(
    ws: Workspace, changes: dict, field: str, message: str
) -> None:
    data = {"title": "CRM", "horizon": 6, "start_month": 1, "end_month": 6, **changes}
    with pytest.raises(ValidationError) as caught:
        ws.plan.initiatives.add(InitiativeData(**data))
    assert caught.value.field == field
    assert message in caught.value.message
    assert ws.plan.initiatives.count() == 0


def test_an_initiative_must_end_within_its_horizon(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        add(ws, "Data warehouse", horizon=6, start=3, end=9)
    assert caught.value.field == "end_month"
    assert caught.value.message == (
        "A 6-month initiative must end by month 6 (this one ends in month 9). "
        "End it earlier or move it to the 12-month horizon."
    )
    assert add(ws, "Data warehouse", horizon=12, start=3, end=9).end_month == 9
    assert add(ws, "Long programme", horizon=24, start=1, end=3).horizon == 24


def test_horizon_for_gives_the_shortest_horizon_that_fits() -> None:
    assert [horizon_for(m) for m in (1, 6, 7, 12, 13, 24)] == [6, 6, 12, 12, 24, 24]


def test_a_failed_update_keeps_what_was_saved(ws: Workspace) -> None:
    saved = add(ws, "CRM", start=2, end=5)
    with pytest.raises(ValidationError):
        ws.plan.initiatives.update(saved.id, end_month=1)
    assert ws.plan.initiatives.get(saved.id) == saved


def test_update_refuses_unknown_fields_and_missing_items(ws: Workspace) -> None:
    saved = add(ws, "CRM")
    with pytest.raises(TypeError):
        ws.plan.initiatives.update(saved.id, colour="red")
    with pytest.raises(NotFoundError, match="no longer exists"):
        ws.plan.initiatives.update(saved.id + 100, title="x")


# ---------------------------------------------------------------- ranks


def test_new_initiatives_go_last_in_their_horizon(ws: Workspace) -> None:
    a = add(ws, "A")
    b = add(ws, "B")
    c = add(ws, "C", horizon=12, end=12)
    assert (a.rank, b.rank, c.rank) == (0, 1, 0)
    assert [i.title for i in ws.plan.initiatives.list()] == ["A", "B", "C"]
    assert [i.title for i in ws.plan.initiatives.list(horizon=12)] == ["C"]


def test_reorder_within_a_horizon_and_undo(ws: Workspace) -> None:
    a, b, c = (add(ws, t) for t in "ABC")
    ws.plan.initiatives.reorder([c.id, a.id, b.id])
    assert [i.title for i in ws.plan.initiatives.list(horizon=6)] == ["C", "A", "B"]
    ws.plan.initiatives.reorder([a.id, b.id, c.id])
    assert [i.title for i in ws.plan.initiatives.list(horizon=6)] == ["A", "B", "C"]


def test_reorder_refuses_mixed_horizons_and_missing_items(ws: Workspace) -> None:
    a = add(ws, "A")
    b = add(ws, "B", horizon=12, end=12)
    with pytest.raises(ValidationError, match="one horizon"):
        ws.plan.initiatives.reorder([a.id, b.id])
    with pytest.raises(NotFoundError):
        ws.plan.initiatives.reorder([a.id, 999])


def test_moving_to_another_horizon_puts_it_last_there_and_undo_puts_it_back(
    ws: Workspace,
) -> None:
    a, b, c = (add(ws, t) for t in "ABC")
    add(ws, "D", horizon=12, end=12)
    before = ws.plan.initiatives.get(b.id)
    moved = ws.plan.initiatives.update(b.id, horizon=12, end_month=10)
    assert moved.rank == 1
    assert [i.title for i in ws.plan.initiatives.list(horizon=12)] == ["D", "B"]
    ws.plan.initiatives.update(
        b.id, horizon=before.horizon, end_month=before.end_month, rank=before.rank
    )
    assert [i.title for i in ws.plan.initiatives.list(horizon=6)] == ["A", "B", "C"]
    assert (a.rank, c.rank) == (0, 2)


def test_list_can_leave_dropped_initiatives_out(ws: Workspace) -> None:
    add(ws, "Kept")
    add(ws, "Dropped", status=InitiativeStatus.DROPPED)
    assert [i.title for i in ws.plan.initiatives.list(include_dropped=False)] == ["Kept"]
    assert len(ws.plan.initiatives.list()) == 2


# ---------------------------------------------------------------- links


@pytest.mark.parametrize("kind", [InsightKind.GOAL, InsightKind.PROPOSAL, InsightKind.CONCERN])
def test_goals_proposals_and_concerns_can_be_addressed(ws: Workspace, kind: InsightKind) -> None:
    linked = insight(ws, kind, "Stock counts are wrong every month")
    assert add(ws, "Warehouse scanning", insight_ids=(linked,)).insight_ids == (linked,)


@pytest.mark.parametrize(
    ("kind", "named"),
    [(InsightKind.HOW_TO_HELP, "how-to-help"), (InsightKind.REFERRAL, "referral")],
)
def test_other_insights_cannot_be_addressed(ws: Workspace, kind: InsightKind, named: str) -> None:
    linked = insight(ws, kind, "Talk to Li Na in logistics")
    with pytest.raises(ValidationError) as caught:
        add(ws, "Warehouse scanning", insight_ids=(linked,))
    assert caught.value.field == "insight_ids"
    assert f"“Talk to Li Na in logistics” is a {named}" in caught.value.message


def test_links_to_missing_items_are_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="chosen goal no longer exists"):
        add(ws, "CRM", goal_ids=(42,))
    with pytest.raises(ValidationError, match="chosen insight no longer exists"):
        add(ws, "CRM", insight_ids=(42,))


# ---------------------------------------------------------------- dependencies


def test_an_initiative_cannot_depend_on_itself(ws: Workspace) -> None:
    a = add(ws, "A")
    with pytest.raises(ValidationError, match="cannot depend on itself"):
        ws.plan.initiatives.update(a.id, depends_on_ids=(a.id,))


def test_a_dependency_loop_is_refused_and_named(ws: Workspace) -> None:
    erp = add(ws, "ERP", horizon=12, end=9)
    bi = add(ws, "Reporting", horizon=12, start=10, end=12, depends_on_ids=(erp.id,))
    data = add(ws, "Data platform", horizon=24, start=13, end=20, depends_on_ids=(bi.id,))
    with pytest.raises(ValidationError) as caught:
        ws.plan.initiatives.update(erp.id, depends_on_ids=(data.id,))
    assert caught.value.field == "depends_on_ids"
    assert "“ERP” → “Data platform” → “Reporting” → “ERP”" in caught.value.message
    assert ws.plan.initiatives.get(erp.id).depends_on_ids == ()


def test_two_initiatives_depending_on_each_other_is_a_loop(ws: Workspace) -> None:
    a = add(ws, "A")
    b = add(ws, "B", depends_on_ids=(a.id,))
    with pytest.raises(ValidationError, match="“A” → “B” → “A”"):
        ws.plan.initiatives.update(a.id, depends_on_ids=(b.id,))


def test_shared_dependencies_are_not_a_loop(ws: Workspace) -> None:
    base = add(ws, "Network")
    left = add(ws, "Wi-Fi", depends_on_ids=(base.id,))
    right = add(ws, "VPN", depends_on_ids=(base.id,))
    top = add(ws, "Remote work", depends_on_ids=(left.id, right.id, base.id))
    assert top.depends_on_ids == tuple(sorted((left.id, right.id, base.id)))
    assert [i.title for i in ws.plan.initiatives.dependents(base.id)] == [
        "Wi-Fi",
        "VPN",
        "Remote work",
    ]


# ---------------------------------------------------------------- delete and restore


def test_delete_and_restore_bring_back_everything_that_hung_on_it(ws: Workspace) -> None:
    plan = ws.plan
    goal = plan.goals.add(GoalData("Faster close"))
    base = add(ws, "Ledger", horizon=12, end=9, goal_ids=(goal.id,))
    later = add(ws, "Reporting", horizon=12, start=10, end=12, depends_on_ids=(base.id,))
    line = plan.cost_lines.add(
        CostLineData(base.id, CostCategory.LICENCE, 50_000_00, CostRecurrence.PER_YEAR, "Kingdee")
    )
    payment = plan.payments.add(PaymentData(base.id, 3, 25_000_00, "Deposit"))
    milestone = plan.milestones.add(MilestoneData(base.id, 6, "Go-live plant 1"))
    measure = plan.measures.add(
        MeasureData("Days to close", baseline=12, target=5, initiative_id=base.id)
    )
    plan_b = plan.contingencies.add(ContingencyData("Go-live slips", initiative_id=base.id))
    risk = ws.risks.add(
        RiskData("Data migration fails", RiskCategory.SCHEDULE, initiative_ids=(base.id,))
    )
    before = plan.initiatives.get(base.id)

    snapshot = plan.initiatives.delete(base.id)

    assert plan.cost_lines.list(initiative_id=base.id) == []
    assert plan.initiatives.get(later.id).depends_on_ids == ()
    assert plan.measures.get(measure.id).initiative_id is None
    assert ws.risks.get(risk.id).initiative_ids == ()
    assert plan.goals.get(goal.id).initiative_ids == ()

    restored = plan.initiatives.restore(snapshot)

    assert restored == before
    assert plan.cost_lines.list(initiative_id=base.id) == [line]
    assert plan.payments.list(initiative_id=base.id) == [payment]
    assert plan.milestones.list(initiative_id=base.id) == [milestone]
    assert plan.initiatives.get(later.id).depends_on_ids == (base.id,)
    assert plan.measures.get(measure.id).initiative_id == base.id
    assert plan.contingencies.get(plan_b.id).initiative_id == base.id
    assert ws.risks.get(risk.id).initiative_ids == (base.id,)
    assert plan.goals.get(goal.id).initiative_ids == (base.id,)


def test_restore_drops_links_to_items_deleted_meanwhile(ws: Workspace) -> None:
    goal = ws.plan.goals.add(GoalData("Faster close"))
    other = ws.plan.goals.add(GoalData("Fewer systems"))
    saved = add(ws, "Ledger", goal_ids=(goal.id, other.id))
    snapshot = ws.plan.initiatives.delete(saved.id)
    ws.plan.goals.delete(other.id)
    assert ws.plan.initiatives.restore(snapshot).goal_ids == (goal.id,)


def test_restoring_twice_is_refused(ws: Workspace) -> None:
    snapshot = ws.plan.initiatives.delete(add(ws, "Ledger").id)
    ws.plan.initiatives.restore(snapshot)
    with pytest.raises(ValidationError, match="already in the plan"):
        ws.plan.initiatives.restore(snapshot)


# ---------------------------------------------------------------- costs, payments, milestones


def test_cost_lines_are_checked_and_undoable(ws: Workspace) -> None:
    owner = add(ws, "Ledger")
    line = ws.plan.cost_lines.add(
        CostLineData(owner.id, CostCategory.IMPLEMENTATION, 120_000_00, vendor=" Yonyou ")
    )
    assert (line.vendor, line.recurrence) == ("Yonyou", CostRecurrence.ONE_OFF)
    changed = ws.plan.cost_lines.update(line.id, amount_minor=130_000_00)
    assert changed.amount_minor == 130_000_00
    with pytest.raises(ValidationError, match="cannot be negative"):
        ws.plan.cost_lines.update(line.id, amount_minor=-1)
    with pytest.raises(ValidationError, match="unknown value"):
        ws.plan.cost_lines.update(line.id, category="hardware")
    snapshot = ws.plan.cost_lines.delete(line.id)
    assert ws.plan.cost_lines.restore(snapshot) == changed


def test_parts_of_a_missing_initiative_are_refused(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="initiative of this cost line"):
        ws.plan.cost_lines.add(CostLineData(99, CostCategory.STAFF, 1))


def test_payments_and_milestones_fall_in_months_1_to_24(ws: Workspace) -> None:
    owner = add(ws, "Ledger")
    with pytest.raises(ValidationError, match="Payment month must be from 1 to 24"):
        ws.plan.payments.add(PaymentData(owner.id, 25, 100))
    with pytest.raises(ValidationError, match="Milestone cannot be empty"):
        ws.plan.milestones.add(MilestoneData(owner.id, 3, "  "))
    first = ws.plan.payments.add(PaymentData(owner.id, 9, 200))
    second = ws.plan.payments.add(PaymentData(owner.id, 2, 100))
    assert ws.plan.payments.list(initiative_id=owner.id) == [second, first]


def test_links_must_be_ids(ws: Workspace) -> None:
    goal = ws.plan.goals.add(GoalData("Faster close"))
    with pytest.raises(ValidationError) as caught:
        add(ws, "Ledger", goal_ids=(goal,))  # a record where its id belongs
    assert (caught.value.field, caught.value.message) == (
        "goal_ids",
        "Choose each goal from the list.",
    )


# ---------------------------------------------------------------- roadmap moves and months


def test_a_move_within_the_horizon_keeps_horizon_and_rank(ws: Workspace) -> None:
    add(ws, "A")
    b = add(ws, "B", start=2, end=4)
    moved = ws.plan.initiatives.move(b.id, 3, 6)
    assert (moved.start_month, moved.end_month, moved.horizon, moved.rank) == (3, 6, 6, 1)


def test_a_move_past_the_horizon_changes_it_in_the_same_update(ws: Workspace) -> None:
    add(ws, "Later", horizon=24, start=13, end=20)
    early = add(ws, "Early", start=2, end=5)
    moved = ws.plan.initiatives.move(early.id, 8, 14)
    assert (moved.horizon, moved.rank) == (24, 1)
    ws.plan.initiatives.update(early.id, start_month=2, end_month=5, horizon=6, rank=early.rank)
    assert ws.plan.initiatives.get(early.id) == early


def test_a_move_ending_early_keeps_a_longer_horizon(ws: Workspace) -> None:
    programme = add(ws, "Programme", horizon=24, start=10, end=20)
    assert ws.plan.initiatives.move(programme.id, 1, 5).horizon == 24


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(0, 4, "start_month"), (20, 25, "end_month"), (5, 3, "end_month"), ("2", 4, "start_month")],
)
def test_impossible_moves_are_refused_and_nothing_changes(
    ws: Workspace, start: object, end: object, field: str
) -> None:
    saved = add(ws, "A", start=2, end=4)
    with pytest.raises(ValidationError) as caught:
        ws.plan.initiatives.move(saved.id, start, end)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert ws.plan.initiatives.get(saved.id) == saved


def test_moving_a_missing_initiative_is_refused(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        ws.plan.initiatives.move(404, 1, 2)


@pytest.mark.parametrize(
    ("today", "position"),
    [
        (dt.date(2026, 3, 2), 0.0),  # Day 1: the start of month 1
        (dt.date(2026, 3, 19), 17 / 31),  # Day 18; month 1 runs 2 March to 1 April
        (dt.date(2026, 4, 2), 1.0),  # month 2 begins
        (dt.date(2027, 3, 2), 12.0),  # month 13 begins a year on
        (dt.date(2028, 3, 2), 24.0),  # the 24 months are over
    ],
)
def test_month_position_counts_calendar_months_from_the_start(
    today: dt.date, position: float
) -> None:
    assert month_position(START, today) == pytest.approx(position)


def test_months_starting_on_the_31st_fall_on_the_last_day_of_short_months() -> None:
    start = dt.date(2026, 1, 31)
    assert month_start(start, 2) == dt.date(2026, 2, 28)
    assert month_start(start, 3) == dt.date(2026, 3, 31)
    assert month_position(start, dt.date(2026, 2, 28)) == pytest.approx(1.0)


def test_current_month_is_none_outside_the_plan() -> None:
    assert current_month(START, START - dt.timedelta(days=3)) is None
    assert month_position(START, START - dt.timedelta(days=3)) < 0
    assert current_month(START, dt.date(2026, 3, 19)) == 1
    assert current_month(START, dt.date(2028, 3, 1)) == 24
    assert current_month(START, dt.date(2028, 3, 2)) is None


def test_an_initiative_may_start_the_month_after_its_dependency_ends() -> None:
    assert starts_before_dependency_ends(6, 6)
    assert starts_before_dependency_ends(3, 6)
    assert not starts_before_dependency_ends(7, 6)
