"""Saving an initiative with its cost lines, payments and milestones in one undoable step."""

from __future__ import annotations

import dataclasses

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.initiatives import InitiativeData, InitiativeDraft, check_schedule
from cio_desk.services.plan_costs import CostLineRecord, MilestoneRecord, PaymentRecord
from cio_desk.store.enums import CostCategory, CostRecurrence
from cio_desk.workspace import Workspace


def line(amount: int, category=CostCategory.LICENCE, recurrence=CostRecurrence.ONE_OFF, id=0):
    return CostLineRecord(0, category, amount, recurrence, vendor="Kingdee", id=id)


def erp_draft(**changes) -> InitiativeDraft:
    draft = InitiativeDraft(
        InitiativeData("ERP for the plants", horizon=12, start_month=3, end_month=10),
        cost_lines=(line(50_000_000), line(8_000_000, CostCategory.MAINTENANCE)),
        payments=(PaymentRecord(0, 3, 30_000_000), PaymentRecord(0, 9, 28_000_000)),
        milestones=(MilestoneRecord(0, 6, "Pilot live"),),
    )
    return dataclasses.replace(draft, **changes)


def test_a_new_initiative_is_saved_with_its_parts(ws: Workspace) -> None:
    saved = ws.plan.initiatives.save_draft(erp_draft())
    stored = ws.plan.initiatives.draft(saved.id)
    assert stored.data.title == "ERP for the plants"
    assert [c.amount_minor for c in stored.cost_lines] == [50_000_000, 8_000_000]
    assert all(c.initiative_id == saved.id and c.id for c in stored.cost_lines)
    assert [(p.month, p.amount_minor) for p in stored.payments] == [
        (3, 30_000_000),
        (9, 28_000_000),
    ]
    assert [m.title for m in stored.milestones] == ["Pilot live"]
    assert stored.rank == 0


def test_an_edit_keeps_updates_adds_and_removes_parts(ws: Workspace) -> None:
    saved = ws.plan.initiatives.save_draft(erp_draft())
    before = ws.plan.initiatives.draft(saved.id)
    kept = dataclasses.replace(before.cost_lines[0], amount_minor=55_000_000)
    edited = dataclasses.replace(
        before,
        data=dataclasses.replace(before.data, owner="Wang Fang"),
        cost_lines=(kept, line(1_000_000, CostCategory.STAFF)),
        payments=(),
    )
    ws.plan.initiatives.save_draft(edited, saved.id)
    after = ws.plan.initiatives.draft(saved.id)
    assert after.data.owner == "Wang Fang"
    assert after.cost_lines[0].id == kept.id  # updated in place
    assert [c.amount_minor for c in after.cost_lines] == [55_000_000, 1_000_000]
    assert after.payments == ()

    ws.plan.initiatives.save_draft(before, saved.id)  # what undo does
    assert ws.plan.initiatives.draft(saved.id) == before  # same ids, amounts, rank


def test_a_refused_part_names_its_line_and_saves_nothing(ws: Workspace) -> None:
    saved = ws.plan.initiatives.save_draft(erp_draft())
    before = ws.plan.initiatives.draft(saved.id)
    bad = dataclasses.replace(
        before,
        data=dataclasses.replace(before.data, title="Renamed"),
        cost_lines=(*before.cost_lines, line(-5)),
    )
    with pytest.raises(ValidationError) as caught:
        ws.plan.initiatives.save_draft(bad, saved.id)
    assert caught.value.field == "cost_lines"
    assert caught.value.message == "Cost line 3: Amount cannot be negative."
    assert ws.plan.initiatives.draft(saved.id) == before

    late = dataclasses.replace(before, payments=(PaymentRecord(0, 25, 1),))
    with pytest.raises(ValidationError) as caught:
        ws.plan.initiatives.save_draft(late, saved.id)
    assert caught.value.field == "payments"
    assert caught.value.message.startswith("Payment 1: Payment month must be")


def test_a_new_initiative_with_a_refused_part_is_not_added(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.plan.initiatives.save_draft(erp_draft(milestones=(MilestoneRecord(0, 4, "  "),)))
    assert ws.plan.initiatives.list() == []


def test_undoing_a_move_to_another_horizon_puts_back_the_rank(ws: Workspace) -> None:
    first = ws.plan.initiatives.save_draft(erp_draft())
    second = ws.plan.initiatives.save_draft(erp_draft(data=InitiativeData("MES", horizon=12)))
    before = ws.plan.initiatives.draft(first.id)
    moved = dataclasses.replace(
        before, data=dataclasses.replace(before.data, horizon=24), rank=None
    )
    ws.plan.initiatives.save_draft(moved, first.id)
    assert ws.plan.initiatives.get(first.id).horizon == 24
    ws.plan.initiatives.save_draft(before, first.id)
    assert [i.id for i in ws.plan.initiatives.list(horizon=12)] == [first.id, second.id]


@pytest.mark.parametrize(
    ("months", "field", "message"),
    [
        ((6, 0, 3), "start_month", "Start month"),
        ((6, 2, 25), "end_month", "End month"),
        ((6, 5, 4), "end_month", "cannot end (month 4) before it starts (month 5)"),
        ((6, 2, 9), "end_month", "move it to the 12-month horizon"),
    ],
)
def test_check_schedule_refuses_months_that_do_not_fit(
    months: tuple[int, int, int], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_schedule(*months)
    assert caught.value.field == field
    assert message in caught.value.message


def test_check_schedule_accepts_an_early_start() -> None:
    assert check_schedule(24, 1, 20) == (24, 1, 20)
