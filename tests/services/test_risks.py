"""The risk register: scoring, bands, heat maps, filters, reviews, triggers, starters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.plan_horizons import ContingencyData
from cio_desk.services.risks import (
    RiskBand,
    RiskData,
    RiskFilter,
    RiskSort,
    band_for,
    risk_score,
)
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import RiskCategory, RiskResponse, RiskStatus, Stance
from cio_desk.workspace import Workspace

TODAY = dt.date(2026, 4, 15)


def risk(ws: Workspace, title: str, scores: tuple[int, int, int, int] = (3, 3, 2, 2), **more):
    likelihood, impact, residual_l, residual_i = scores
    return ws.risks.add(
        RiskData(
            title,
            more.pop("category", RiskCategory.OPERATIONAL),
            likelihood=likelihood,
            impact=impact,
            residual_likelihood=residual_l,
            residual_impact=residual_i,
            **more,
        )
    )


# ---------------------------------------------------------------- scores and bands


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1, RiskBand.LOW),
        (4, RiskBand.LOW),
        (5, RiskBand.MEDIUM),
        (9, RiskBand.MEDIUM),
        (10, RiskBand.HIGH),
        (14, RiskBand.HIGH),
        (15, RiskBand.CRITICAL),
        (25, RiskBand.CRITICAL),
    ],
)
def test_bands_cover_every_score(score: int, band: RiskBand) -> None:
    assert band_for(score) is band


@pytest.mark.parametrize("score", [0, 26])
def test_scores_outside_the_grid_have_no_band(score: int) -> None:
    with pytest.raises(ValueError):
        band_for(score)


def test_a_risk_keeps_every_field_and_scores_itself(ws: Workspace) -> None:
    owner = ws.plan.initiatives.add(InitiativeData("ERP"))
    cfo = ws.stakeholders.add(StakeholderData(name="Wang Fang", stance=Stance.SUPPORTER))
    saved = ws.risks.add(
        RiskData(
            "Cash flow cannot carry the instalments",
            RiskCategory.FINANCIAL,
            cause="Customers pay late in Q3",
            effect="Vendor stops work",
            likelihood=4,
            impact=4,
            residual_likelihood=2,
            residual_impact=3,
            response=RiskResponse.TRANSFER,
            owner="Wang Fang",
            trigger="A payment is late",
            mitigation="Tie instalments to milestones",
            contingency="Defer module 3",
            horizon=12,
            status=RiskStatus.MONITORING,
            next_review=dt.date(2026, 5, 1),
            initiative_ids=(owner.id,),
            stakeholder_ids=(cfo.id,),
        )
    )
    assert ws.risks.get(saved.id) == saved
    assert (saved.inherent_score, saved.inherent_band) == (16, RiskBand.CRITICAL)
    assert (saved.residual_score, saved.residual_band) == (6, RiskBand.MEDIUM)
    assert saved.has_contingency


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"likelihood": 6}, "likelihood"),
        ({"residual_impact": 0}, "residual_impact"),
        ({"title": " "}, "title"),
        ({"category": "weather"}, "category"),
        ({"response": "ignore"}, "response"),
        ({"horizon": 36}, "horizon"),
        ({"next_review": "next week"}, "next_review"),
        ({"stakeholder_ids": (404,)}, "stakeholder_ids"),
    ],
)
def test_bad_risks_are_refused_at_the_field(ws: Workspace, changes: dict, field: str) -> None:
    data = dataclasses.replace(RiskData("Vendor lock-in", RiskCategory.VENDOR), **changes)
    with pytest.raises(ValidationError) as caught:
        ws.risks.add(data)
    assert caught.value.field == field
    assert ws.risks.count() == 0


def test_delete_and_restore_keep_links_and_contingency_plans(ws: Workspace) -> None:
    owner = ws.plan.initiatives.add(InitiativeData("ERP"))
    person = ws.stakeholders.add(StakeholderData(name="Zhou Min"))
    saved = risk(ws, "ERP slips", initiative_ids=(owner.id,), stakeholder_ids=(person.id,))
    plan_b = ws.plan.contingencies.add(ContingencyData("Go-live moves", risk_id=saved.id))
    with_plan = ws.risks.get(saved.id)
    snapshot = ws.risks.delete(saved.id)
    assert ws.plan.contingencies.get(plan_b.id).risk_id is None
    assert ws.risks.restore(snapshot) == with_plan
    assert ws.plan.contingencies.get(plan_b.id).risk_id == saved.id


# ---------------------------------------------------------------- heat map


def test_heat_map_counts_open_risks_per_cell(ws: Workspace) -> None:
    risk(ws, "A", (5, 5, 2, 3))
    risk(ws, "B", (5, 5, 2, 3))
    risk(ws, "C", (1, 2, 1, 1))
    risk(ws, "D", (4, 4, 4, 4), status=RiskStatus.CLOSED)
    residual = ws.risks.heat_map(residual=True)
    inherent = ws.risks.heat_map(residual=False)
    assert residual.count(2, 3) == 2 and residual.count(1, 1) == 1
    assert inherent.count(5, 5) == 2 and inherent.count(1, 2) == 1
    assert inherent.count(4, 4) == 0  # closed risks are left out
    assert residual.total == inherent.total == 3
    assert sum(1 for row in residual.counts for n in row if n) == 2
    assert residual.band(5, 3) is RiskBand.CRITICAL and residual.band(2, 2) is RiskBand.LOW


def test_clicking_a_cell_lists_exactly_the_risks_it_counts(ws: Workspace) -> None:
    risk(ws, "Open", (4, 4, 2, 2))
    risk(ws, "Closed", (4, 4, 2, 2), status=RiskStatus.CLOSED)
    inherent = ws.risks.heat_map(residual=False)
    listed = ws.risks.list(inherent.cell_filter(4, 4))
    assert [r.title for r in listed] == ["Open"]
    assert len(listed) == inherent.count(4, 4)


# ---------------------------------------------------------------- listing


@pytest.fixture
def register(ws: Workspace) -> Workspace:
    risk(ws, "Cash flow", (4, 4, 3, 3), category=RiskCategory.FINANCIAL, horizon=12)
    risk(ws, "Exchange rate", (3, 3, 2, 2), category=RiskCategory.FINANCIAL, horizon=24)
    risk(ws, "Web shop outage", (3, 5, 2, 4), category=RiskCategory.INFORMATION_SECURITY)
    risk(ws, "数据泄露", (2, 5, 1, 5), category=RiskCategory.INFORMATION_SECURITY, horizon=6)
    risk(
        ws,
        "Finance team quits over 100% data entry",
        (3, 4, 2, 2),
        category=RiskCategory.PEOPLE_CHANGE,
        status=RiskStatus.CLOSED,
    )
    return ws


def titles(ws: Workspace, filters: RiskFilter | None = None, **sort) -> list[str]:
    return [r.title for r in ws.risks.list(filters, **sort)]


def test_register_sorts_by_residual_score_by_default(register: Workspace) -> None:
    assert titles(register) == [
        "Cash flow",  # 9
        "Web shop outage",  # 8
        "数据泄露",  # 5
        "Exchange rate",  # 4
        "Finance team quits over 100% data entry",  # 4, then by title
    ]
    assert titles(register, sort=RiskSort.INHERENT_SCORE)[0] == "Cash flow"
    assert titles(register, sort=RiskSort.TITLE)[:2] == ["Cash flow", "Exchange rate"]
    assert titles(register, sort=RiskSort.TITLE, descending=True)[0] == "数据泄露"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (RiskFilter(category=RiskCategory.FINANCIAL), ["Cash flow", "Exchange rate"]),
        (RiskFilter(status=RiskStatus.CLOSED), ["Finance team quits over 100% data entry"]),
        (RiskFilter(include_closed=False, band=RiskBand.LOW), ["Exchange rate"]),
        (RiskFilter(band=RiskBand.CRITICAL, residual=False), ["Cash flow", "Web shop outage"]),
        (RiskFilter(horizon=6), ["数据泄露"]),
        (RiskFilter(cell=(2, 4)), ["Web shop outage"]),
        (RiskFilter(cell=(3, 5), residual=False), ["Web shop outage"]),
        (RiskFilter(text="SHOP"), ["Web shop outage"]),
        (RiskFilter(text="泄露"), ["数据泄露"]),
        (RiskFilter(text="100%"), ["Finance team quits over 100% data entry"]),
        (RiskFilter(text="flow cash"), ["Cash flow"]),
        (RiskFilter(category=RiskCategory.FINANCIAL, horizon=24), ["Exchange rate"]),
    ],
)
def test_register_filters(register: Workspace, filters: RiskFilter, expected: list[str]) -> None:
    assert titles(register, filters) == expected


def test_overdue_reviews_leave_closed_and_undated_risks_out(ws: Workspace) -> None:
    risk(ws, "Due today", next_review=TODAY)
    late = risk(ws, "Late", next_review=TODAY - dt.timedelta(days=3))
    later = risk(ws, "Later", next_review=TODAY - dt.timedelta(days=1))
    risk(ws, "Closed", next_review=dt.date(2026, 1, 1), status=RiskStatus.CLOSED)
    risk(ws, "Never reviewed")
    assert [r.id for r in ws.risks.overdue_reviews(TODAY)] == [late.id, later.id]
    assert late.is_review_overdue(TODAY) and not later.is_review_overdue(TODAY - dt.timedelta(1))


# ---------------------------------------------------------------- stakeholder triggers


def test_a_linked_person_turning_sceptic_fires_the_trigger(ws: Workspace) -> None:
    sponsor = ws.stakeholders.add(StakeholderData(name="Liu Yang", stance=Stance.CHAMPION))
    watched = risk(ws, "Sponsor turns opponent", stakeholder_ids=(sponsor.id,))
    assert ws.risks.fired_triggers() == []

    ws.stakeholders.update(sponsor.id, stance=Stance.SCEPTIC)
    (fired,) = ws.risks.fired_triggers()
    assert (fired.risk_id, fired.stakeholder_name, fired.stance) == (
        watched.id,
        "Liu Yang",
        Stance.SCEPTIC,
    )

    ws.stakeholders.update(sponsor.id, stance=Stance.BLOCKER)
    assert ws.risks.fired_triggers()[0].stance is Stance.BLOCKER
    ws.stakeholders.update(sponsor.id, stance=Stance.NEUTRAL)
    assert ws.risks.fired_triggers() == []


def test_closed_risks_and_archived_people_do_not_fire(ws: Workspace) -> None:
    gone = ws.stakeholders.add(StakeholderData(name="Former COO", stance=Stance.BLOCKER))
    doubter = ws.stakeholders.add(StakeholderData(name="Sun Hao", stance=Stance.SCEPTIC))
    risk(ws, "COO blocks", stakeholder_ids=(gone.id,))
    risk(ws, "Old worry", stakeholder_ids=(doubter.id,), status=RiskStatus.CLOSED)
    ws.stakeholders.set_archived(gone.id)
    assert ws.risks.fired_triggers() == []


# ---------------------------------------------------------------- starter risks


def test_starter_risks_cover_the_common_transition_risks(ws: Workspace) -> None:
    starters = ws.risks.starter_risks()
    assert len(starters) >= 10
    assert {s.data.category for s in starters} == set(RiskCategory)
    keys = {s.key for s in starters}
    for key in ("cash_flow", "exchange_rate", "contract_dispute", "trade_secrets"):
        assert key in keys
    for key in ("security_incident", "disaster_recovery", "vendor_lock_in"):
        assert key in keys
    assert {"change_resistance", "sponsor_turns", "erp_slip"} <= keys
    for starter in starters:
        data = starter.data
        assert data.cause and data.effect and data.trigger and data.mitigation
        assert data.contingency and not starter.adopted


def test_adopting_a_starter_adds_it_once(ws: Workspace) -> None:
    adopted = ws.risks.adopt("sponsor_turns")
    assert adopted.title == "A sponsor turns opponent"
    assert adopted.category is RiskCategory.PEOPLE_CHANGE
    marked = {s.key: s.adopted for s in ws.risks.starter_risks()}
    assert marked["sponsor_turns"] and not marked["cash_flow"]
    with pytest.raises(ValidationError, match="already in the register"):
        ws.risks.adopt("sponsor_turns")
    with pytest.raises(ValidationError, match="no starter risk"):
        ws.risks.adopt("meteor")
    ws.risks.delete(adopted.id)  # adopting is undone by deleting
    assert ws.risks.count() == 0


def test_starters_follow_the_workspace_language(ws: Workspace) -> None:
    profile = ws.profile.get()
    assert profile is not None
    ws.profile.save(dataclasses.replace(profile, language="zh_CN"))
    titles_zh = {s.key: s.data.title for s in ws.risks.starter_risks()}
    assert titles_zh["cash_flow"] == "现金流无法支撑项目付款"
    assert ws.risks.adopt("erp_slip").title == "ERP 项目延期"
    assert ws.risks.starter_risks(language="en")[0].data.title.startswith("Cash flow")


def test_starters_work_before_the_profile_exists(blank_ws: Workspace) -> None:
    assert blank_ws.profile.get() is None
    assert blank_ws.risks.starter_risks()[0].data.title.startswith("Cash flow")


def test_a_score_is_likelihood_times_impact() -> None:
    assert risk_score(4, 3) == 12
    assert band_for(risk_score(4, 4)) is RiskBand.CRITICAL


def test_band_counts_add_up_the_heat_map_cells(ws: Workspace) -> None:
    risk(ws, "Critical", (5, 5, 4, 4))
    risk(ws, "High", (5, 5, 2, 5))
    risk(ws, "Medium", (3, 3, 3, 3))
    risk(ws, "Low", (2, 2, 1, 1))
    risk(ws, "Closed", (5, 5, 5, 5), status=RiskStatus.CLOSED)
    residual = ws.risks.heat_map(residual=True).band_counts()
    inherent = ws.risks.heat_map(residual=False).band_counts()
    assert residual == {
        RiskBand.LOW: 1,
        RiskBand.MEDIUM: 1,
        RiskBand.HIGH: 1,
        RiskBand.CRITICAL: 1,
    }
    assert inherent[RiskBand.CRITICAL] == 2 and sum(inherent.values()) == 4


def test_overdue_reviews_can_be_counted_without_reading_them(ws: Workspace) -> None:
    risk(ws, "Late", next_review=TODAY - dt.timedelta(days=1))
    risk(ws, "Due today", next_review=TODAY)
    risk(ws, "Closed and late", next_review=TODAY - dt.timedelta(days=9), status=RiskStatus.CLOSED)
    risk(ws, "Never reviewed")
    assert ws.risks.count_overdue_reviews(TODAY) == len(ws.risks.overdue_reviews(TODAY)) == 1


def test_linked_names_cover_only_what_risks_link_to(ws: Workspace) -> None:
    erp = ws.plan.initiatives.add(InitiativeData("ERP"))
    ws.plan.initiatives.add(InitiativeData("Not at risk"))
    zhao = ws.stakeholders.add(StakeholderData(name="赵敏"))
    ws.stakeholders.add(StakeholderData(name="Not linked"))
    risk(ws, "ERP slips", initiative_ids=(erp.id,), stakeholder_ids=(zhao.id,))
    names = ws.risks.linked_names()
    assert names.initiatives == {erp.id: "ERP"}
    assert names.stakeholders == {zhao.id: "赵敏"}
