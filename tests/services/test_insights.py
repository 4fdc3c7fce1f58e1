"""Insights: the five kinds, referrals and their promotion, themes."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.workspace import Workspace

K = InsightKind


def person(ws: Workspace, name: str, **fields: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **fields)).id


def note(ws: Workspace, who: int, kind: InsightKind, text: str = "", **fields: object) -> int:
    return ws.insights.add(InsightData(who, kind, text, **fields)).id


# ---------------------------------------------------------------- the five kinds


def test_insight_text_is_kept_exactly_as_typed(ws: Workspace) -> None:
    cfo = person(ws, "王伟")
    text = '担心 ERP 上线 <b>R&D</b> "quotes" 🙂 שלום\nsecond line'
    record = ws.insights.add(InsightData(cfo, K.CONCERN, text, confidential=True))
    assert ws.insights.get(record.id).text == text
    assert record.confidential is True
    assert record.stakeholder_name == "王伟"


def test_blank_insight_is_refused_naming_its_kind(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    with pytest.raises(ValidationError) as error:
        ws.insights.add(InsightData(cfo, K.PROPOSAL, "   "))
    assert error.value.field == "text"
    assert "Proposal" in error.value.message
    assert ws.insights.list() == []


def test_insight_needs_a_person_and_a_meeting_that_exist(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    with pytest.raises(ValidationError) as error:
        ws.insights.add(InsightData(999, K.GOAL, "Grow"))
    assert error.value.field == "stakeholder_id"
    with pytest.raises(ValidationError) as error:
        ws.insights.add(InsightData(cfo, K.GOAL, "Grow", meeting_id=42))
    assert error.value.field == "meeting_id"


def test_for_stakeholder_groups_by_the_five_kinds(ws: Workspace) -> None:
    cfo, cto = person(ws, "Wang Wei"), person(ws, "Li Na")
    note(ws, cfo, K.GOAL, "Close books in 3 days")
    note(ws, cfo, K.CONCERN, "ERP cost")
    note(ws, cfo, K.CONCERN, "Audit findings")
    note(ws, cto, K.GOAL, "Not for the CFO")
    grouped = ws.insights.for_stakeholder(cfo)
    assert list(grouped) == list(InsightKind)
    assert [i.text for i in grouped[K.CONCERN]] == ["ERP cost", "Audit findings"]
    assert [i.text for i in grouped[K.GOAL]] == ["Close books in 3 days"]
    assert grouped[K.PROPOSAL] == grouped[K.HOW_TO_HELP] == grouped[K.REFERRAL] == []


def test_update_and_unknown_field(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = note(ws, cfo, K.GOAL, "Grow")
    updated = ws.insights.update(insight, text="Grow 20%", confidential=True)
    assert (updated.text, updated.confidential) == ("Grow 20%", True)
    with pytest.raises(TypeError):
        ws.insights.update(insight, colour="red")
    with pytest.raises(NotFoundError):
        ws.insights.update(999, text="x")


def test_delete_and_restore_bring_back_the_same_insight(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = ws.insights.add(InsightData(cfo, K.CONCERN, "ERP cost", themes=("ERP", "Cost")))
    removed = ws.insights.delete(insight.id)
    assert ws.insights.list() == []
    restored = ws.insights.restore(removed)
    assert restored == insight
    with pytest.raises(ValidationError):
        ws.insights.restore(removed)


# ---------------------------------------------------------------- referrals


def test_referral_to_a_new_name_defaults_its_text_to_the_name(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    record = ws.insights.add(InsightData(cfo, K.REFERRAL, referred_name="  Zhao Min "))
    assert (record.text, record.referred_name) == ("Zhao Min", "Zhao Min")
    assert record.is_pending_referral
    assert record.referred_label == "Zhao Min"


def test_referral_to_a_stakeholder_shows_their_name(ws: Workspace) -> None:
    cfo, plant = person(ws, "Wang Wei"), person(ws, "刘洋")
    record = ws.insights.add(
        InsightData(cfo, K.REFERRAL, "Knows the shop floor", referred_stakeholder_id=plant)
    )
    assert record.text == "Knows the shop floor"
    assert record.referred_label == "刘洋"
    assert not record.is_pending_referral


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "referred_name"),  # neither a person nor a name
        ({"referred_name": "Zhao", "referred_stakeholder_id": "PLANT"}, "referred_name"),
        ({"referred_stakeholder_id": "SELF"}, "referred_stakeholder_id"),
        ({"referred_stakeholder_id": 999}, "referred_stakeholder_id"),
    ],
)
def test_referral_names_exactly_one_other_person(
    ws: Workspace, fields: dict[str, object], field: str
) -> None:
    cfo, plant = person(ws, "Wang Wei"), person(ws, "Liu Yang")
    ids = {"PLANT": plant, "SELF": cfo}
    resolved = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in fields.items()}
    resolved["referred_name"] = fields.get("referred_name", "")
    with pytest.raises(ValidationError) as error:
        ws.insights.add(InsightData(cfo, K.REFERRAL, **resolved))
    assert error.value.field == field


def test_only_a_referral_names_another_person(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    with pytest.raises(ValidationError) as error:
        ws.insights.add(InsightData(cfo, K.GOAL, "Grow", referred_name="Zhao Min"))
    assert error.value.field == "referred_name"


def test_changing_a_referral_into_another_kind_drops_the_referred_person(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = note(ws, cfo, K.REFERRAL, "Talk to Zhao about budgets", referred_name="Zhao Min")
    updated = ws.insights.update(insight, kind=K.HOW_TO_HELP)
    assert (updated.kind, updated.referred_name) == (K.HOW_TO_HELP, "")
    assert updated.text == "Talk to Zhao about budgets"


def test_promote_referral_links_every_spelling_of_the_name(ws: Workspace) -> None:
    cfo, cto, hr = person(ws, "Wang Wei"), person(ws, "Li Na"), person(ws, "Chen Li")
    first = note(ws, cfo, K.REFERRAL, referred_name="Zhao Min")
    second = note(ws, cto, K.REFERRAL, "Ask about plant 2", referred_name="zhao  min")
    third = note(ws, hr, K.REFERRAL, referred_name="ZhaoMin")
    other = note(ws, hr, K.REFERRAL, referred_name="Sun Jie")

    promotion = ws.insights.promote_referral(
        second, StakeholderData(name="Zhao Min", title="Plant manager")
    )

    new_id = promotion.stakeholder.id
    assert ws.stakeholders.get(new_id).title == "Plant manager"
    assert sorted(i for i, _ in promotion.linked) == sorted([first, second, third])
    for insight in (first, second, third):
        record = ws.insights.get(insight)
        assert (record.referred_stakeholder_id, record.referred_name) == (new_id, "")
        assert record.referred_label == "Zhao Min"
    assert ws.insights.get(second).text == "Ask about plant 2"
    assert ws.insights.get(other).is_pending_referral


def test_promote_referral_with_the_typed_name_only(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = note(ws, cfo, K.REFERRAL, referred_name="赵敏")
    promotion = ws.insights.promote_referral(insight)
    assert promotion.stakeholder.name == "赵敏"


def test_undo_promotion_puts_the_names_back_and_removes_the_person(ws: Workspace) -> None:
    cfo, cto = person(ws, "Wang Wei"), person(ws, "Li Na")
    first = note(ws, cfo, K.REFERRAL, referred_name="Zhao Min")
    second = note(ws, cto, K.REFERRAL, referred_name="zhao min")
    promotion = ws.insights.promote_referral(first)
    ws.insights.undo_promotion(promotion)
    assert ws.insights.get(first).referred_name == "Zhao Min"
    assert ws.insights.get(second).referred_name == "zhao min"
    assert ws.stakeholders.count() == 2


def test_undo_promotion_refuses_to_erase_a_person_with_history(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    promotion = ws.insights.promote_referral(note(ws, cfo, K.REFERRAL, referred_name="Zhao Min"))
    when = dt.datetime(2026, 3, 5, 9)
    ws.meetings.add(
        MeetingData(
            starts_at=when,
            ends_at=when + dt.timedelta(hours=1),
            attendee_ids=(promotion.stakeholder.id,),
            status=MeetingStatus.HELD,
        )
    )
    with pytest.raises(ValidationError):
        ws.insights.undo_promotion(promotion)
    assert ws.stakeholders.get(promotion.stakeholder.id).name == "Zhao Min"


def test_only_a_pending_referral_can_be_promoted(ws: Workspace) -> None:
    cfo, cto = person(ws, "Wang Wei"), person(ws, "Li Na")
    goal = note(ws, cfo, K.GOAL, "Grow")
    linked = note(ws, cfo, K.REFERRAL, referred_stakeholder_id=cto)
    for insight in (goal, linked):
        with pytest.raises(ValidationError):
            ws.insights.promote_referral(insight)
    assert ws.stakeholders.count() == 2


def test_promotion_with_bad_data_changes_nothing(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = note(ws, cfo, K.REFERRAL, referred_name="Zhao Min")
    with pytest.raises(ValidationError):
        ws.insights.promote_referral(insight, StakeholderData(name="Zhao Min", influence=9))
    assert ws.insights.get(insight).is_pending_referral
    assert ws.stakeholders.count() == 1


# ---------------------------------------------------------------- themes


def test_themes_are_created_on_the_fly_and_match_in_any_case(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    first = ws.insights.add(InsightData(cfo, K.CONCERN, "ERP slow", themes=("ERP", "erp ", "")))
    second = ws.insights.add(InsightData(cfo, K.PROPOSAL, "New MES", themes=("Erp", "制造")))
    assert first.themes == ("ERP",)
    assert second.themes == ("ERP", "制造")
    assert [(t.name, t.insight_count) for t in ws.insights.themes()] == [("ERP", 2), ("制造", 1)]


def test_add_theme_refuses_a_blank_name_and_reuses_existing(ws: Workspace) -> None:
    created = ws.insights.add_theme("Security")
    assert ws.insights.add_theme("security").id == created.id
    with pytest.raises(ValidationError):
        ws.insights.add_theme("  ")


def test_rename_theme(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = note(ws, cfo, K.CONCERN, "Cost", themes=("erp",))
    theme = ws.insights.themes()[0]
    ws.insights.rename_theme(theme.id, "ERP")  # a change of case is a rename
    assert ws.insights.get(insight).themes == ("ERP",)
    other = ws.insights.add_theme("Cost")
    with pytest.raises(ValidationError) as error:
        ws.insights.rename_theme(other.id, "erp")
    assert "merge" in error.value.message


def test_merge_themes_and_undo(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    both = note(ws, cfo, K.CONCERN, "ERP cost", themes=("ERP", "SAP"))
    only_sap = note(ws, cfo, K.PROPOSAL, "Upgrade SAP", themes=("SAP",))
    erp, sap = ws.insights.themes()
    merge = ws.insights.merge_themes(sap.id, erp.id)
    assert [t.name for t in ws.insights.themes()] == ["ERP"]
    assert ws.insights.get(only_sap).themes == ("ERP",)
    assert merge.newly_tagged == (only_sap,)

    ws.insights.undo_merge(merge)
    assert ws.insights.get(both).themes == ("ERP", "SAP")
    assert ws.insights.get(only_sap).themes == ("SAP",)
    with pytest.raises(ValidationError):
        ws.insights.merge_themes(erp.id, erp.id)


def test_delete_and_restore_a_theme(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    insight = note(ws, cfo, K.CONCERN, "ERP cost", themes=("ERP",))
    theme = ws.insights.themes()[0]
    snapshot = ws.insights.delete_theme(theme.id)
    assert ws.insights.get(insight).themes == ()
    assert ws.insights.restore_theme(snapshot) == theme
    assert ws.insights.get(insight).themes == ("ERP",)


def test_theme_counts_across_active_stakeholders(ws: Workspace) -> None:
    cfo, cto, gone = person(ws, "Wang Wei"), person(ws, "Li Na"), person(ws, "Old Boss")
    note(ws, cfo, K.CONCERN, "ERP slow", themes=("ERP",))
    note(ws, cfo, K.CONCERN, "ERP costly", themes=("ERP", "Cost"))
    note(ws, cto, K.PROPOSAL, "Replace ERP", themes=("ERP",))
    note(ws, cto, K.GOAL, "Stable ERP", themes=("erp",))
    note(ws, cto, K.HOW_TO_HELP, "Share the roadmap", themes=("ERP",))
    note(ws, gone, K.CONCERN, "ERP is a disaster", themes=("ERP", "Talent"))
    ws.stakeholders.set_archived(gone)

    counts = {c.name: c for c in ws.insights.theme_counts()}
    erp = counts["ERP"]
    assert (erp.concerns, erp.proposals, erp.goals, erp.stakeholders) == (2, 1, 1, 2)
    cost = counts["Cost"]
    assert (cost.concerns, cost.proposals, cost.goals, cost.stakeholders) == (1, 0, 0, 1)
    talent = counts["Talent"]
    assert (talent.concerns, talent.stakeholders) == (0, 0)
    assert [c.name for c in ws.insights.theme_counts()] == ["ERP", "Cost", "Talent"]


# ---------------------------------------------------------------- linking a typed name


def test_link_referral_to_someone_already_in_the_register(ws: Workspace) -> None:
    cfo, cto, zhao = person(ws, "Wang Wei"), person(ws, "Li Na"), person(ws, "Zhao Min")
    first = note(ws, cfo, K.REFERRAL, referred_name="Zhao Min")
    second = note(ws, cto, K.REFERRAL, referred_name="zhao  min")
    own = note(ws, zhao, K.REFERRAL, referred_name="ZHAO MIN")  # would name its own author
    other = note(ws, cto, K.REFERRAL, referred_name="Sun Jie")

    link = ws.insights.link_referral(second, zhao)

    assert sorted(i for i, _ in link.linked) == sorted([first, second])
    assert ws.insights.get(first).referred_stakeholder_id == zhao
    assert ws.insights.get(own).is_pending_referral
    assert ws.insights.get(other).is_pending_referral
    assert ws.stakeholders.count() == 3  # nobody added

    ws.insights.unlink_referral(link)
    assert ws.insights.get(first).referred_name == "Zhao Min"
    assert ws.insights.get(second).referred_name == "zhao  min"


def test_link_referral_refuses_what_cannot_be_linked(ws: Workspace) -> None:
    cfo, cto = person(ws, "Wang Wei"), person(ws, "Li Na")
    goal = note(ws, cfo, K.GOAL, "Grow")
    pending = note(ws, cfo, K.REFERRAL, referred_name="Wang Wei")
    for insight, target in ((goal, cto), (pending, cfo), (pending, 404)):
        with pytest.raises(ValidationError):
            ws.insights.link_referral(insight, target)
    assert ws.insights.get(pending).is_pending_referral


def test_list_active_only_leaves_out_archived_people(ws: Workspace) -> None:
    cfo, gone = person(ws, "Wang Wei"), person(ws, "Old")
    note(ws, cfo, K.CONCERN, "Slow ERP", themes=("ERP",))
    note(ws, gone, K.CONCERN, "Old ERP", themes=("ERP",))
    ws.stakeholders.set_archived(gone)
    (erp,) = ws.insights.themes()
    assert len(ws.insights.list(theme_id=erp.id)) == 2
    assert [i.text for i in ws.insights.list(theme_id=erp.id, active_only=True)] == ["Slow ERP"]
