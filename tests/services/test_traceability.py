"""Traceability: every concern and proposal answered or listed, and who stands where."""

from __future__ import annotations

import pytest

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.insights import InsightData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InitiativeStatus, InsightKind, Stance
from cio_desk.workspace import Workspace


class Heard:
    """A small engagement: five people, what they said, four initiatives."""

    def __init__(self, ws: Workspace) -> None:
        def person(name: str, stance: Stance) -> int:
            return ws.stakeholders.add(StakeholderData(name=name, stance=stance)).id

        def said(who: int, kind: InsightKind, text: str, confidential: bool = False) -> int:
            return ws.insights.add(InsightData(who, kind, text, confidential=confidential)).id

        wang = person("Wang Fang", Stance.SUPPORTER)
        zhao = person("Zhao Lei", Stance.BLOCKER)
        li = person("Li Na", Stance.SCEPTIC)
        chen = person("Chen Bo", Stance.NEUTRAL)
        old = person("Former COO", Stance.CHAMPION)
        self.people = {"wang": wang, "zhao": zhao, "li": li, "chen": chen}
        self.close = said(wang, InsightKind.CONCERN, "Month-end close takes 12 days")
        self.ledger = said(wang, InsightKind.PROPOSAL, "One ledger for all plants")
        self.helped = said(wang, InsightKind.HOW_TO_HELP, "Send figures before Monday")
        self.line = said(zhao, InsightKind.CONCERN, "IT stops my line", confidential=True)
        self.app = said(li, InsightKind.PROPOSAL, "A mobile app for sales")
        self.exports = said(chen, InsightKind.GOAL, "Grow exports by 20 %")
        self.old_worry = said(old, InsightKind.CONCERN, "Too many systems")
        ws.stakeholders.set_archived(old)

        def initiative(title: str, *insights: int, **more) -> int:
            return ws.plan.initiatives.add(InitiativeData(title, insight_ids=insights, **more)).id

        self.erp = initiative("ERP", self.close, self.ledger, self.line, self.exports)
        self.plant = initiative("Plant support desk", self.line)
        self.idle = initiative("Nice to have")
        self.dropped = initiative("Sales app", self.app, status=InitiativeStatus.DROPPED)


@pytest.fixture
def heard(ws: Workspace) -> Heard:
    return Heard(ws)


def test_every_proposal_and_concern_of_active_people_is_listed(ws: Workspace, heard: Heard) -> None:
    report = ws.traceability.report()
    assert [(i.stakeholder_name, i.text) for i in report.insights] == [
        ("Li Na", "A mobile app for sales"),
        ("Wang Fang", "Month-end close takes 12 days"),  # concerns before proposals
        ("Wang Fang", "One ledger for all plants"),
        ("Zhao Lei", "IT stops my line"),
    ]
    by_id = {i.id: i for i in report.insights}
    assert by_id[heard.close].initiative_ids == (heard.erp,)
    assert by_id[heard.line].initiative_ids == (heard.erp, heard.plant)
    assert by_id[heard.line].confidential and by_id[heard.line].stance is Stance.BLOCKER


def test_what_a_dropped_initiative_addressed_counts_as_not_addressed(
    ws: Workspace, heard: Heard
) -> None:
    report = ws.traceability.report()
    assert [i.id for i in report.unaddressed] == [heard.app]
    assert heard.dropped not in {t.id for t in report.initiatives}


def test_unaddressed_concerns_match_the_report_without_proposals(
    ws: Workspace, heard: Heard
) -> None:
    assert ws.traceability.unaddressed_concerns() == []
    ws.plan.initiatives.update(heard.plant, insight_ids=())
    ws.plan.initiatives.update(heard.erp, insight_ids=(heard.ledger,))
    concerns = ws.traceability.unaddressed_concerns()
    assert [i.text for i in concerns] == [
        "Month-end close takes 12 days",
        "IT stops my line",
    ]  # archived people's concerns are left out, proposals too
    report = ws.traceability.report()
    assert concerns == [i for i in report.unaddressed if i.kind is InsightKind.CONCERN]
    assert concerns[1].confidential and concerns[1].stance is Stance.BLOCKER


def test_coverage_figures(ws: Workspace, heard: Heard) -> None:
    report = ws.traceability.report()
    concerns = report.coverage(InsightKind.CONCERN)
    proposals = report.coverage(InsightKind.PROPOSAL)
    assert (concerns.addressed, concerns.total, concerns.fraction) == (2, 2, 1.0)
    assert (proposals.addressed, proposals.total, proposals.fraction) == (1, 2, 0.5)
    assert report.addressed_fraction == 0.75


def test_initiatives_addressing_nothing_are_flagged(ws: Workspace, heard: Heard) -> None:
    report = ws.traceability.report()
    assert [t.title for t in report.addressing_nothing] == ["Nice to have"]


def test_supporters_and_blockers_of_an_initiative(ws: Workspace, heard: Heard) -> None:
    traces = {t.id: t for t in ws.traceability.report().initiatives}
    erp = traces[heard.erp]
    assert [(p.name, p.stance) for p in erp.supporters] == [("Wang Fang", Stance.SUPPORTER)]
    assert [(p.name, p.stance) for p in erp.blockers] == [("Zhao Lei", Stance.BLOCKER)]
    assert [p.name for p in erp.neutral] == ["Chen Bo"]  # his goal is served
    assert erp.blockers[0].confidential_only and not erp.supporters[0].confidential_only
    assert erp.confidential_insight_ids == (heard.line,)
    assert [p.name for p in traces[heard.plant].blockers] == ["Zhao Lei"]


def test_a_stance_change_moves_a_person_between_columns(ws: Workspace, heard: Heard) -> None:
    ws.stakeholders.update(heard.people["zhao"], stance=Stance.CHAMPION)
    erp = {t.id: t for t in ws.traceability.report().initiatives}[heard.erp]
    assert [p.name for p in erp.supporters] == ["Wang Fang", "Zhao Lei"]
    assert erp.blockers == ()


def test_the_view_for_others_leaves_confidential_material_out(ws: Workspace, heard: Heard) -> None:
    public = ws.traceability.report().without_confidential()
    assert heard.line not in {i.id for i in public.insights}
    erp = {t.id: t for t in public.initiatives}[heard.erp]
    assert heard.line not in erp.insight_ids
    assert erp.blockers == ()
    assert [p.name for p in erp.supporters] == ["Wang Fang"]


def test_why_lists_what_an_initiative_answers(ws: Workspace, heard: Heard) -> None:
    why = ws.traceability.why(heard.erp)
    assert [(i.stakeholder_name, i.kind) for i in why] == [
        ("Chen Bo", InsightKind.GOAL),
        ("Wang Fang", InsightKind.CONCERN),
        ("Wang Fang", InsightKind.PROPOSAL),
        ("Zhao Lei", InsightKind.CONCERN),
    ]
    assert [i.confidential for i in why] == [False, False, False, True]


def test_an_empty_workspace_has_nothing_to_trace(ws: Workspace) -> None:
    report = ws.traceability.report()
    assert report.insights == [] and report.initiatives == []
    assert report.addressed_fraction == 0.0
    assert report.coverage(InsightKind.CONCERN).fraction == 0.0


def test_choices_show_who_said_what_and_what_addresses_it(ws: Workspace, heard: Heard) -> None:
    addressable = (InsightKind.GOAL, InsightKind.PROPOSAL, InsightKind.CONCERN)
    choices = ws.traceability.choices(addressable)
    assert [(c.stakeholder_name, c.text) for c in choices] == [
        ("Chen Bo", "Grow exports by 20 %"),
        ("Former COO", "Too many systems"),  # archived, but still pickable
        ("Li Na", "A mobile app for sales"),
        ("Wang Fang", "Month-end close takes 12 days"),
        ("Wang Fang", "One ledger for all plants"),
        ("Zhao Lei", "IT stops my line"),
    ]
    by_text = {c.text: c for c in choices}
    assert by_text["IT stops my line"].initiative_ids == (heard.erp, heard.plant)
    assert by_text["IT stops my line"].confidential
    assert by_text["A mobile app for sales"].initiative_ids == ()  # only a dropped one
    assert by_text["Grow exports by 20 %"].stance == Stance.NEUTRAL
    every_kind = ws.traceability.choices()
    assert "Send figures before Monday" in {c.text for c in every_kind}


def test_the_initiatives_alone_match_the_full_report(ws: Workspace, heard: Heard) -> None:
    assert ws.traceability.initiatives() == ws.traceability.report().initiatives
