"""The demo workspace: a consistent, lively engagement whatever day it is built for."""

from __future__ import annotations

import dataclasses
import datetime as dt
import graphlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError, WorkspaceError, WorkspaceExistsError
from cio_desk.services import demo_content, demo_plan
from cio_desk.services.demo import build_demo, write_demo_workspace
from cio_desk.services.initiatives import ADDRESSABLE_KINDS
from cio_desk.services.plan_health import HealthRule
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.db import connect_raw, raw_connection
from cio_desk.store.enums import (
    HORIZONS,
    AssessmentKind,
    BossConversationKind,
    CostRecurrence,
    InitiativeStatus,
    InsightKind,
    MeetingSetting,
    MeetingStatus,
    RiskCategory,
    StakeholderKind,
    Stance,
    TopicCategory,
)
from cio_desk.store.models import (
    AssessmentItem,
    BossConversation,
    Contingency,
    FollowUp,
    Initiative,
    Insight,
    LearningTopic,
    Measure,
    Meeting,
    NextStep,
    Risk,
    Stakeholder,
    StanceAssessment,
    UnitSituation,
)
from cio_desk.store.paths import DATA_DIR_ENV
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

# An ordinary day, a leap day, the first and the last day of a year.
TODAYS = (dt.date(2026, 3, 19), dt.date(2028, 2, 29), dt.date(2027, 1, 1), dt.date(2026, 12, 31))


@dataclass
class Demo:
    ws: Workspace
    today: dt.date

    @property
    def now(self) -> dt.datetime:
        return dt.datetime.combine(self.today, dt.time(12, 0))

    @property
    def midnight(self) -> dt.datetime:
        return dt.datetime.combine(self.today, dt.time.min)


@pytest.fixture(scope="module", params=TODAYS, ids=str)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Demo]:
    """One demo per `today`, built once and shared by the read-only checks."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(folder / "data"))
        path = write_demo_workspace(folder / "demo.ciodesk", request.param)
        ws = Workspace.open(path, backup=False)
        yield Demo(ws, request.param)
        ws.close()


@pytest.fixture
def session(demo: Demo) -> Iterator[Session]:
    with demo.ws.sessions() as session:
        yield session


def all_rows(session: Session, model: type) -> list:
    return list(session.scalars(select(model)))


# ---------------------------------------------------------------- the Today page


def test_today_is_day_18_of_30_and_the_half_way_point_is_crossed(demo: Demo) -> None:
    snapshot = demo.ws.onboarding.snapshot(demo.now)
    assert snapshot.day.number == 18
    assert snapshot.day.due_day == 30
    assert snapshot.meetings.ready_to_draft
    assert snapshot.meetings.planned > 0  # the month is not over: more meetings to come


def test_every_list_of_the_today_page_has_something_in_it(demo: Demo) -> None:
    snapshot = demo.ws.onboarding.snapshot(demo.now)
    assert snapshot.todays_meetings.items
    assert all(m.starts_at.date() == demo.today for m in snapshot.todays_meetings.items)
    assert snapshot.upcoming_meetings.items
    assert snapshot.awaiting_capture.total == 1
    assert snapshot.overdue_followups.items
    assert snapshot.key_unmet.items
    assert all(person.influence >= 4 for person in snapshot.key_unmet.items)
    assert 0 < snapshot.coverage.met < snapshot.coverage.register


def test_profile_starts_seventeen_days_before_today(demo: Demo) -> None:
    profile = demo.ws.profile.get()
    assert profile is not None
    assert profile.start_date == demo.today - dt.timedelta(days=17)
    assert (profile.cio_name, profile.language, profile.currency) == ("Lin Yue", "en", "CNY")
    assert profile.plan_due_day == 30


# ---------------------------------------------------------------- meetings


def test_held_meetings_are_past_and_planned_ones_are_not_but_one(demo: Demo) -> None:
    meetings = demo.ws.meetings.list()
    held = [m for m in meetings if m.status == MeetingStatus.HELD]
    planned = [m for m in meetings if m.status == MeetingStatus.PLANNED]
    assert held and all(m.ends_at < demo.midnight for m in held)
    awaiting_capture = [m for m in planned if m.starts_at < demo.midnight]
    assert len(awaiting_capture) == 1
    assert sum(m.status == MeetingStatus.CANCELLED for m in meetings) in (1, 2)
    assert sum(m.status == MeetingStatus.NO_SHOW for m in meetings) == 1


def test_meetings_fill_the_first_thirty_days_in_every_setting(demo: Demo) -> None:
    start = demo.today - dt.timedelta(days=17)
    meetings = demo.ws.meetings.list()
    assert 20 <= len(meetings) <= 30
    assert all(start <= m.starts_at.date() < start + dt.timedelta(days=30) for m in meetings)
    assert {m.setting for m in meetings} == set(MeetingSetting)
    assert sum(len(m.attendee_ids) > 1 for m in meetings) >= 2
    upcoming_week = [
        m for m in meetings if demo.today < m.starts_at.date() <= demo.today + dt.timedelta(7)
    ]
    assert upcoming_week


def test_only_held_meetings_have_an_outcome(demo: Demo) -> None:
    for meeting in demo.ws.meetings.list():
        if meeting.status == MeetingStatus.HELD:
            assert meeting.sentiment is not None
        else:
            assert meeting.sentiment is None
            assert not meeting.thank_you_sent
    held = demo.ws.meetings.list(status=MeetingStatus.HELD)
    assert any(m.thank_you_sent for m in held) and not all(m.thank_you_sent for m in held)


def test_every_attendee_is_in_the_register(demo: Demo) -> None:
    register = {s.id for s in demo.ws.stakeholders.list(include_archived=True)}
    for meeting in demo.ws.meetings.list():
        assert meeting.attendee_ids
        assert set(meeting.attendee_ids) <= register


# ---------------------------------------------------------------- the register


def test_register_spans_every_kind_stance_and_rating(demo: Demo) -> None:
    people = demo.ws.stakeholders.list(include_archived=True)
    assert 18 <= len(people) <= 24
    assert {p.kind for p in people} == set(StakeholderKind)
    assert {p.stance for p in people} == set(Stance)
    assert {p.influence for p in people} == {1, 2, 3, 4, 5}
    assert {p.interest for p in people} == {1, 2, 3, 4, 5}
    assert sum(p.archived for p in people) == 1
    assert any(p.target_stance for p in people)
    assert any(p.cadence_days for p in people)
    assert any(p.tags for p in people)
    assert any(p.name.isascii() for p in people)
    assert any(not p.name.isascii() for p in people)


def test_reporting_lines_form_a_tree_under_the_ceo(demo: Demo) -> None:
    people = {p.id: p for p in demo.ws.stakeholders.list(include_archived=True)}
    (manager,) = (p for p in people.values() if p.is_manager)
    assert manager.kind == StakeholderKind.EXECUTIVE and manager.reports_to_id is None

    def root_of(person_id: int) -> int:
        seen = set()
        while people[person_id].reports_to_id is not None:
            assert person_id not in seen, "reporting lines loop"
            seen.add(person_id)
            person_id = people[person_id].reports_to_id
        return person_id

    line_managers = [
        p
        for p in people.values()
        if p.kind in (StakeholderKind.EXECUTIVE, StakeholderKind.BUSINESS_LEADER)
    ]
    assert all(root_of(p.id) == manager.id for p in line_managers)
    bosses = {p.reports_to_id for p in people.values()} - {None}
    assert all(people[b].is_internal and not people[b].archived for b in bosses)


def test_stance_history_leads_to_the_current_stance(demo: Demo, session: Session) -> None:
    history: dict[int, list[StanceAssessment]] = defaultdict(list)
    for row in all_rows(session, StanceAssessment):
        history[row.stakeholder_id].append(row)
    assert len(history) >= 3
    for stakeholder_id, rows in history.items():
        rows.sort(key=lambda r: r.assessed_on)
        assert rows[-1].assessed_on <= demo.today
        assert session.get_one(Stakeholder, stakeholder_id).stance == rows[-1].stance
    assert any(len({r.stance for r in rows}) > 1 for rows in history.values())


# ---------------------------------------------------------------- what was learnt


def test_insights_come_from_held_meetings_their_author_attended(session: Session) -> None:
    insights = all_rows(session, Insight)
    for insight in insights:
        meeting = session.get_one(Meeting, insight.meeting_id)
        assert meeting.status == MeetingStatus.HELD
        assert insight.stakeholder_id in {a.id for a in meeting.attendees}
    assert {i.kind for i in insights} == set(InsightKind)
    assert any(i.confidential for i in insights) and not all(i.confidential for i in insights)


def test_referrals_point_into_and_beyond_the_register(session: Session) -> None:
    referrals = [i for i in all_rows(session, Insight) if i.kind == InsightKind.REFERRAL]
    assert any(r.referred_stakeholder_id for r in referrals)
    outside = [r for r in referrals if r.referred_stakeholder_id is None]
    assert outside and all(r.referred_name for r in outside)
    names = {s.name for s in all_rows(session, Stakeholder)}
    assert not names & {r.referred_name for r in outside}


def test_insights_are_grouped_by_the_usual_themes(session: Session) -> None:
    themes = {t.name for i in all_rows(session, Insight) for t in i.themes}
    assert {"ERP", "cost", "security", "talent", "production capacity"} <= themes


def test_follow_ups_fall_on_or_after_their_meeting(demo: Demo, session: Session) -> None:
    follow_ups = all_rows(session, FollowUp)
    for follow_up in follow_ups:
        met_on = session.get_one(Meeting, follow_up.meeting_id).starts_at.date()
        assert follow_up.due_date >= met_on
        if follow_up.done:
            assert met_on <= follow_up.done_on <= demo.today
    assert any(f.done for f in follow_ups) and not all(f.done for f in follow_ups)
    quick_wins = [f for f in follow_ups if f.quick_win]
    assert any(f.done for f in quick_wins) and not all(f.done for f in quick_wins)
    assert any(not f.done and f.due_date < demo.today for f in follow_ups)


def test_learning_agenda_covers_every_category_from_people_and_documents(
    session: Session,
) -> None:
    topics = all_rows(session, LearningTopic)
    assert {t.category for t in topics} == set(TopicCategory)
    assert all(t.sources for t in topics)
    sources = [s for t in topics for s in t.sources]
    assert any(s.stakeholder_id for s in sources) and any(s.document for s in sources)
    assert len({t.status for t in topics}) == 3


def test_the_five_boss_conversations_are_with_the_manager(demo: Demo, session: Session) -> None:
    talks = all_rows(session, BossConversation)
    assert {t.kind for t in talks} == set(BossConversationKind)
    assert all(session.get_one(Stakeholder, t.stakeholder_id).is_manager for t in talks)
    held = [t for t in talks if t.held_on is not None]
    assert held and len(held) < len(talks)
    assert all(t.held_on <= demo.today for t in held)


# ---------------------------------------------------------------- the plan


def test_assessment_covers_every_kind_and_cites_what_was_heard(session: Session) -> None:
    items = all_rows(session, AssessmentItem)
    assert {i.kind for i in items} == set(AssessmentKind)
    assert all(i.insights for i in items)
    situations = all_rows(session, UnitSituation)
    assert len({s.situation for s in situations}) >= 4


def test_initiatives_fit_their_horizon_and_are_ranked_within_it(demo: Demo) -> None:
    initiatives = demo.ws.plan.initiatives.list()
    assert 8 <= len(initiatives) <= 14
    previous = dict(zip(HORIZONS, (0, *HORIZONS), strict=False))
    for initiative in initiatives:
        assert 1 <= initiative.start_month <= initiative.end_month <= initiative.horizon
        assert initiative.end_month > previous[initiative.horizon], initiative.title
        assert initiative.goal_ids, initiative.title
    for horizon in HORIZONS:
        ranks = [i.rank for i in initiatives if i.horizon == horizon]
        assert ranks == list(range(len(ranks))), horizon
    assert len({i.status for i in initiatives}) >= 4


def test_dependencies_are_acyclic_and_finish_before_the_dependent_starts(
    session: Session,
) -> None:
    initiatives = all_rows(session, Initiative)
    graph = {i.id: {d.id for d in i.depends_on} for i in initiatives}
    tuple(graphlib.TopologicalSorter(graph).static_order())  # raises CycleError on a loop
    assert any(graph.values())
    for initiative in initiatives:
        for dependency in initiative.depends_on:
            assert dependency.end_month <= initiative.start_month, initiative.title


def test_every_payment_schedule_pays_exactly_the_cost_over_the_plan(demo: Demo) -> None:
    budget = demo.ws.budget.summary()
    for item in budget.initiatives:
        assert item.cost_lines and item.cost.total > 0, item.title
        assert item.scheduled == item.cost.total, item.title
    assert budget.scheduled_total == budget.total.total
    # Per-year lines are paid again a year on, after the initiative itself has ended.
    payments = demo.ws.plan.payments.list()
    ends = {i.id: i.end_month for i in demo.ws.plan.initiatives.list()}
    assert any(p.month > ends[p.initiative_id] for p in payments)
    starts = {i.id: i.start_month for i in demo.ws.plan.initiatives.list()}
    assert all(p.month >= starts[p.initiative_id] for p in payments), "paid before work starts"


def test_cost_lines_are_broken_down_the_way_vendors_price(demo: Demo) -> None:
    lines = demo.ws.plan.cost_lines.list()
    assert len({line.category for line in lines}) >= 6
    assert {line.recurrence for line in lines} == set(CostRecurrence)
    assert all(isinstance(line.amount_minor, int) and line.amount_minor > 0 for line in lines)
    confirmed = [i.cfo_confirmed for i in demo.ws.budget.summary().initiatives]
    assert any(confirmed) and not all(confirmed)


def test_budget_is_what_a_mid_sized_manufacturer_would_spend(demo: Demo) -> None:
    budget = demo.ws.budget.summary()
    yuan = 100
    assert budget.currency == "CNY"
    assert all(totals.total > 0 for totals in budget.by_horizon.values())
    # The 24-month programmes (ERP, shop floor at every plant) carry most of the money.
    assert budget.by_horizon[24].total > budget.by_horizon[12].total > budget.by_horizon[6].total
    assert 10_000_000 * yuan <= budget.total.total <= 25_000_000 * yuan
    assert budget.total.year1 < budget.total.year2


def test_plan_health_finds_only_the_two_gaps_left_on_purpose(demo: Demo) -> None:
    findings = {(issue.rule, issue.subject) for issue in demo.ws.plan_health.check()}
    assert findings == {
        (HealthRule.INITIATIVE_WITHOUT_OWNER, "Supplier portal for forecasts and call-offs"),
        (
            HealthRule.CRITICAL_RISK_WITHOUT_CONTINGENCY,
            "Data-security filing found out of date at the regulator's review",
        ),
    }
    (portal,) = (i for i in demo.ws.plan.initiatives.list() if not i.owner)
    assert portal.status == InitiativeStatus.ON_HOLD


def test_a_couple_of_concerns_are_left_for_the_plan_to_address(demo: Demo) -> None:
    trace = demo.ws.traceability.report()
    assert {(i.stakeholder_name, i.kind) for i in trace.unaddressed} == {
        ("Huang Lei 黄磊", InsightKind.CONCERN),
        ("Xu Gang 徐刚", InsightKind.CONCERN),
    }
    concerns = trace.coverage(InsightKind.CONCERN)
    assert concerns.total >= 3 * (concerns.total - concerns.addressed)
    assert trace.coverage(InsightKind.PROPOSAL).fraction == 1.0


def test_every_initiative_answers_goals_proposals_or_concerns(demo: Demo, session: Session) -> None:
    trace = demo.ws.traceability.report()
    assert not trace.addressing_nothing
    assert any(t.supporters for t in trace.initiatives)
    assert any(t.blockers for t in trace.initiatives)  # someone to win over
    kinds = {insight.kind for i in all_rows(session, Initiative) for insight in i.insights}
    assert kinds <= set(ADDRESSABLE_KINDS)


def test_every_horizon_has_measures_next_steps_and_contingencies(
    demo: Demo, session: Session
) -> None:
    measures = all_rows(session, Measure)
    steps = all_rows(session, NextStep)
    contingencies = all_rows(session, Contingency)
    assert {m.horizon for m in measures} == set(HORIZONS)
    assert all(m.target is not None for m in measures)
    assert any(m.current is not None and m.current_on <= demo.today for m in measures)
    assert {s.horizon for s in steps} == set(HORIZONS)
    assert all(s.due_date for s in steps)
    assert {c.horizon for c in contingencies} == set(HORIZONS)
    assert all(c.risk_id or c.initiative_id for c in contingencies)


def test_risks_cover_every_category_and_mitigation_lowers_them(
    demo: Demo, session: Session
) -> None:
    risks = all_rows(session, Risk)
    assert {r.category for r in risks} == set(RiskCategory)
    for risk in risks:
        inherent = risk.likelihood * risk.impact
        assert risk.residual_likelihood * risk.residual_impact <= inherent, risk.title
        assert risk.owner and risk.trigger and risk.mitigation and risk.initiatives
    overdue = [r for r in risks if r.next_review < demo.today]
    assert len(overdue) == 1


def test_the_sponsor_turning_opponent_is_a_named_risk(session: Session) -> None:
    sponsor_risks = [
        r
        for r in all_rows(session, Risk)
        if r.category == RiskCategory.PEOPLE_CHANGE
        and any(s.stance == Stance.CHAMPION for s in r.stakeholders)
    ]
    assert sponsor_risks


# ---------------------------------------------------------------- writing the file


def test_build_demo_refuses_a_workspace_that_has_stakeholders(ws: Workspace) -> None:
    ws.stakeholders.add(StakeholderData(name="Someone real"))
    with pytest.raises(WorkspaceError, match="already has stakeholders"):
        build_demo(ws, dt.date(2026, 3, 19))
    assert ws.stakeholders.count() == 1
    assert ws.meetings.count() == 0


def test_build_demo_fills_an_empty_workspace(blank_ws: Workspace) -> None:
    build_demo(blank_ws, dt.date(2026, 3, 19))
    assert blank_ws.stakeholders.count(include_archived=True) == len(demo_content.PEOPLE)
    assert blank_ws.meetings.count() == len(demo_content.MEETINGS)
    assert blank_ws.plan.initiatives.count() == len(demo_plan.INITIATIVES)
    assert blank_ws.risks.count() == len(demo_plan.RISKS)


def test_writing_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "notes.ciodesk"
    path.write_text("my own notes")
    with pytest.raises(WorkspaceExistsError):
        write_demo_workspace(path, dt.date(2026, 3, 19))
    assert path.read_text() == "my own notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.ciodesk"]


def test_writing_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="folder"):
        write_demo_workspace(tmp_path, dt.date(2026, 3, 19), force=True)


def test_force_replaces_the_file_and_drops_its_old_journal(tmp_path: Path) -> None:
    path = write_demo_workspace(tmp_path / "new" / "demo.ciodesk", dt.date(2026, 3, 19))
    _leave_a_stale_journal(path)
    write_demo_workspace(path, dt.date(2026, 6, 1), force=True)
    assert sorted(p.name for p in path.parent.iterdir()) == ["demo.ciodesk"]
    with raw_connection(path) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    with Workspace.open(path, backup=False) as ws:
        profile = ws.profile.get()
        assert profile is not None
        assert profile.cio_name == "Lin Yue"
        assert profile.start_date == dt.date(2026, 5, 15)


def test_a_failed_build_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_demo_workspace(tmp_path / "demo.ciodesk", dt.date(2026, 3, 19))
    before = path.read_bytes()
    too_early = dataclasses.replace(demo_content.FOLLOW_UPS[-1], due_day=1)
    monkeypatch.setattr(demo_content, "FOLLOW_UPS", (*demo_content.FOLLOW_UPS, too_early))
    with pytest.raises(ValidationError):
        write_demo_workspace(path, dt.date(2026, 6, 1), force=True)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.ciodesk"]


def test_the_plan_is_held_to_the_rules_of_a_plan_typed_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, *others = demo_plan.INITIATIVES
    how_to_help = dataclasses.replace(first, insights=(*first.insights, "hr_help"))
    monkeypatch.setattr(demo_plan, "INITIATIVES", (how_to_help, *others))
    with pytest.raises(ValidationError, match="only goals, proposals and concerns"):
        write_demo_workspace(tmp_path / "demo.ciodesk", dt.date(2026, 3, 19))
    assert not list(tmp_path.iterdir())


def test_the_same_day_gives_the_same_demo(tmp_path: Path) -> None:
    def outline(path: Path) -> tuple:
        with Workspace.open(path, backup=False) as ws:
            return (
                [(s.name, s.stance, s.reports_to_id) for s in ws.stakeholders.list()],
                [(m.title, m.starts_at, m.status, m.attendee_ids) for m in ws.meetings.list()],
                [(f.text, f.due_date, f.done) for f in ws.followups.list()],
                [(i.title, i.horizon, i.rank) for i in ws.plan.initiatives.list()],
                ws.budget.summary().monthly,
            )

    today = dt.date(2026, 3, 19)
    first = write_demo_workspace(tmp_path / "a.ciodesk", today)
    second = write_demo_workspace(tmp_path / "b.ciodesk", today)
    assert outline(first) == outline(second)


def _leave_a_stale_journal(path: Path) -> None:
    """Leave a -wal file holding changes to `path`, as after a crash."""
    conn = connect_raw(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE profile SET cio_name = 'Stale journal'")
    conn.commit()
    journal = Path(f"{path}-wal").read_bytes()
    conn.close()
    Path(f"{path}-wal").write_bytes(journal)
