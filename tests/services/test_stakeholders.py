"""The stakeholder register: validation, tags, reporting lines, archiving."""

from __future__ import annotations

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import StakeholderKind, Stance
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core


def add(ws: Workspace, name: str, **values: object):
    return ws.stakeholders.add(StakeholderData(name=name, **values))


def test_a_stakeholder_is_stored_cleaned_and_read_back(ws: Workspace) -> None:
    person = add(
        ws,
        "  王芳\n",
        title="财务总监 CFO",
        unit="Finance",
        kind="executive",
        influence=5,
        interest=4,
        stance="sceptic",
        target_stance=Stance.SUPPORTER,
        email=" wang.fang@huaxin.cn ",
        notes="Worried about\nmonth-end close.",
    )
    stored = ws.stakeholders.get(person.id)
    assert stored == person
    assert stored.name == "王芳"
    assert stored.email == "wang.fang@huaxin.cn"
    assert stored.kind is StakeholderKind.EXECUTIVE and stored.is_internal
    assert stored.stance is Stance.SCEPTIC and stored.target_stance is Stance.SUPPORTER
    assert stored.notes == "Worried about\nmonth-end close."
    assert not stored.archived


def test_chinese_and_english_names_round_trip_and_sort(ws: Workspace) -> None:
    for name in ("Zhang Min", "王芳", "Li Wei", "欧阳 娜娜"):
        add(ws, name)
    names = [s.name for s in ws.stakeholders.list()]
    assert sorted(names) == ["Li Wei", "Zhang Min", "欧阳 娜娜", "王芳"]
    assert names == sorted(names)


@pytest.mark.parametrize("name", ["", "   ", "\n\t", None])
def test_a_name_is_required(ws: Workspace, name: object) -> None:
    with pytest.raises(ValidationError, match="Name cannot be empty") as caught:
        add(ws, name)  # type: ignore[arg-type]
    assert caught.value.field == "name"
    assert ws.stakeholders.count() == 0


@pytest.mark.parametrize("field", ["influence", "interest"])
@pytest.mark.parametrize("value", [0, 6, -1, "3", True, 2.0, None])
def test_ratings_outside_1_to_5_are_refused_with_the_field_named(
    ws: Workspace, field: str, value: object
) -> None:
    with pytest.raises(ValidationError) as caught:
        add(ws, "Li Wei", **{field: value})
    assert caught.value.field == field
    assert caught.value.message.startswith(field.capitalize())
    assert ws.stakeholders.count() == 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "alien"}, "kind"),
        ({"stance": "hostile"}, "stance"),
        ({"target_stance": "friendly"}, "target_stance"),
        ({"cadence_days": 0}, "cadence_days"),
        ({"cadence_days": True}, "cadence_days"),
        ({"email": "x" * 321}, "email"),
        ({"tags": ("ok", "x" * 101)}, "tags"),
    ],
)
def test_other_bad_values_are_refused_with_the_field_named(
    ws: Workspace, values: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        add(ws, "Li Wei", **values)
    assert caught.value.field == field


def test_tags_are_trimmed_deduplicated_and_sorted(ws: Workspace) -> None:
    person = add(ws, "Li Wei", tags=(" finance ", "board", "finance", "", "  ", "董事会"))
    assert person.tags == ("board", "finance", "董事会")
    assert ws.stakeholders.get(person.id).tags == ("board", "finance", "董事会")
    assert ws.stakeholders.list()[0].tags == ("board", "finance", "董事会")


def test_update_replaces_tags_only_when_given(ws: Workspace) -> None:
    person = add(ws, "Li Wei", tags=("finance",))
    assert ws.stakeholders.update(person.id, title="CFO").tags == ("finance",)
    assert ws.stakeholders.update(person.id, tags=["erp", "board"]).tags == ("board", "erp")
    assert ws.stakeholders.update(person.id, tags=()).tags == ()
    assert ws.stakeholders.get(person.id).tags == ()


def test_update_validates_the_whole_record_again(ws: Workspace) -> None:
    person = add(ws, "Li Wei", influence=4)
    updated = ws.stakeholders.update(person.id, name=" Li  Wei ", influence=5)
    assert (updated.name, updated.influence) == ("Li  Wei", 5)
    for change, field in [({"influence": 9}, "influence"), ({"name": " "}, "name")]:
        with pytest.raises(ValidationError) as caught:
            ws.stakeholders.update(person.id, **change)
        assert caught.value.field == field
    assert ws.stakeholders.get(person.id) == updated


def test_update_of_a_missing_stakeholder_is_not_found(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no longer exists"):
        ws.stakeholders.update(999, title="CFO")
    with pytest.raises(NotFoundError):
        ws.stakeholders.get(999)


def test_reporting_lines_must_exist_and_must_not_loop(ws: Workspace) -> None:
    ceo = add(ws, "Zhao Gang")
    cfo = add(ws, "王芳", reports_to_id=ceo.id)
    controller = add(ws, "Li Wei", reports_to_id=cfo.id)
    assert controller.reports_to_id == cfo.id

    with pytest.raises(ValidationError, match="loop") as caught:
        ws.stakeholders.update(ceo.id, reports_to_id=controller.id)
    assert caught.value.field == "reports_to_id"
    with pytest.raises(ValidationError, match="loop"):
        ws.stakeholders.update(cfo.id, reports_to_id=cfo.id)
    with pytest.raises(ValidationError, match="not in the register"):
        add(ws, "Zhang Min", reports_to_id=999)
    assert ws.stakeholders.get(ceo.id).reports_to_id is None


def test_marking_a_new_manager_unmarks_the_previous_one(ws: Workspace) -> None:
    first = add(ws, "Zhao Gang", is_manager=True)
    second = add(ws, "王芳")
    ws.stakeholders.update(second.id, is_manager=True)
    assert [s.name for s in ws.stakeholders.list() if s.is_manager] == ["王芳"]
    assert not ws.stakeholders.get(first.id).is_manager


def test_archive_hides_from_list_and_count_but_keeps_the_record(ws: Workspace) -> None:
    kept = add(ws, "Li Wei")
    gone = add(ws, "Zhang Min", tags=("vendor",))
    archived = ws.stakeholders.set_archived(gone.id)
    assert archived.archived and archived.tags == ("vendor",)

    assert [s.name for s in ws.stakeholders.list()] == ["Li Wei"]
    assert ws.stakeholders.count() == 1
    assert ws.stakeholders.count(include_archived=True) == 2
    assert [s.id for s in ws.stakeholders.list(include_archived=True)] == [kept.id, gone.id]
    assert ws.stakeholders.get(gone.id).name == "Zhang Min"

    ws.stakeholders.set_archived(gone.id, archived=False)
    assert ws.stakeholders.count() == 2
