"""The CIO's manager and the five conversations."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import BossConversationKind
from cio_desk.workspace import Workspace

B = BossConversationKind


def person(ws: Workspace, name: str, **fields: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **fields)).id


def test_no_manager_yet(ws: Workspace) -> None:
    assert ws.boss.manager() is None
    assert ws.boss.checklist() is None
    with pytest.raises(ValidationError) as error:
        ws.boss.record(B.SITUATION, held_on=dt.date(2026, 3, 2))
    assert "manager" in error.value.message


def test_marking_a_new_manager_unmarks_the_previous(ws: Workspace) -> None:
    ceo, coo = person(ws, "CEO Zhou"), person(ws, "COO Sun")
    assert ws.boss.set_manager(ceo) is None
    previous = ws.boss.set_manager(coo)
    assert previous == ceo
    assert ws.boss.manager().id == coo
    assert ws.stakeholders.get(ceo).is_manager is False
    ws.boss.set_manager(previous)  # undo
    assert ws.boss.manager().id == ceo


def test_the_register_keeps_at_most_one_manager(ws: Workspace) -> None:
    ceo = person(ws, "CEO Zhou", is_manager=True)
    coo = person(ws, "COO Sun", is_manager=True)
    assert ws.boss.manager().id == coo
    ws.stakeholders.update(ceo, is_manager=True)
    assert ws.boss.manager().id == ceo
    assert ws.stakeholders.get(coo).is_manager is False


def test_checklist_lists_all_five_in_order_even_unrecorded(ws: Workspace) -> None:
    ceo = person(ws, "周总", is_manager=True)
    checklist = ws.boss.checklist()
    assert (checklist.manager_id, checklist.manager_name) == (ceo, "周总")
    assert [item.kind for item in checklist.items] == list(BossConversationKind)
    assert checklist.held_count == 0
    assert checklist.next_item.kind is B.SITUATION


def test_record_a_conversation_and_change_it(ws: Workspace) -> None:
    person(ws, "CEO Zhou", is_manager=True)
    ws.boss.record(B.SITUATION, held_on=dt.date(2026, 3, 3), notes="Turnaround, not growth")
    ws.boss.record(B.EXPECTATIONS, held_on=None, notes="Ask about the 90-day goals")
    checklist = ws.boss.checklist()
    situation, expectations = checklist.items[:2]
    assert (situation.held_on, situation.notes) == (dt.date(2026, 3, 3), "Turnaround, not growth")
    assert not expectations.held and expectations.notes == "Ask about the 90-day goals"
    assert checklist.held_count == 1
    assert checklist.next_item.kind is B.EXPECTATIONS

    ws.boss.record(B.SITUATION, held_on=None, notes="")  # undo to the earlier state
    assert ws.boss.checklist().items[0] == type(situation)(B.SITUATION)


def test_conversations_belong_to_the_manager_they_were_held_with(ws: Workspace) -> None:
    ceo = person(ws, "CEO Zhou", is_manager=True)
    ws.boss.record(B.RESOURCES, held_on=dt.date(2026, 3, 9))
    ws.boss.set_manager(person(ws, "COO Sun"))
    assert ws.boss.checklist().held_count == 0
    assert ws.boss.checklist(ceo).held_count == 1


@pytest.mark.parametrize(
    ("kind", "held_on"),
    [("gossip", None), (B.SITUATION, "yesterday"), (B.SITUATION, dt.datetime(2026, 3, 3, 9))],
)
def test_bad_input_is_refused(ws: Workspace, kind: object, held_on: object) -> None:
    person(ws, "CEO Zhou", is_manager=True)
    with pytest.raises(ValidationError):
        ws.boss.record(kind, held_on=held_on)  # type: ignore[arg-type]
    assert ws.boss.checklist().held_count == 0
