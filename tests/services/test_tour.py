"""The listening tour: referrals, completion, going cold, stance over time."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.services.tour import ReferralEdge, referral_forest
from cio_desk.store.enums import InsightKind, MeetingStatus, Stance
from cio_desk.workspace import Workspace

REFERRAL = InsightKind.REFERRAL
TODAY = dt.date(2026, 3, 30)


def person(ws: Workspace, name: str, **fields: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **fields)).id


def meet(ws: Workspace, day: dt.date, *who: int, status: MeetingStatus = MeetingStatus.HELD) -> int:
    start = dt.datetime.combine(day, dt.time(10))
    data = MeetingData(
        starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=who, status=status
    )
    return ws.meetings.add(data).id


def refer(ws: Workspace, by: int, to: int | str) -> int:
    if isinstance(to, int):
        data = InsightData(by, REFERRAL, referred_stakeholder_id=to)
    else:
        data = InsightData(by, REFERRAL, referred_name=to)
    return ws.insights.add(data).id


# ---------------------------------------------------------------- referrals


def test_named_by_counts_distinct_active_referrers(ws: Workspace) -> None:
    ceo, cfo, cto, gone = (person(ws, n) for n in ("Zhou", "Wang", "Li", "Old"))
    refer(ws, ceo, cfo)
    refer(ws, ceo, cfo)  # the same person naming twice counts once
    refer(ws, cto, cfo)
    refer(ws, gone, cfo)
    refer(ws, cfo, cto)
    ws.stakeholders.set_archived(gone)
    assert ws.tour.named_by_counts() == {cfo: 2, cto: 1}


def test_edges_show_who_referred_whom(ws: Workspace) -> None:
    ceo, cfo = person(ws, "Zhou"), person(ws, "Wang")
    meet(ws, dt.date(2026, 3, 3), cfo)
    refer(ws, ceo, cfo)
    refer(ws, ceo, "赵敏")
    edges = ws.tour.edges()
    assert [(e.from_name, e.to_name, e.to_id is not None, e.to_met) for e in edges] == [
        ("Zhou", "Wang", True, True),
        ("Zhou", "赵敏", False, False),
    ]


def test_pending_referrals_group_names_and_list_unmet_people(ws: Workspace) -> None:
    ceo, cfo, cto = person(ws, "Zhou"), person(ws, "Wang"), person(ws, "Li Na")
    plant = person(ws, "Liu Yang", influence=5)
    refer(ws, ceo, "Zhao Min")
    refer(ws, cfo, "zhao  min")
    refer(ws, cfo, "Zhao Min")
    refer(ws, ceo, "Sun Jie")
    refer(ws, ceo, "li na")  # typed although Li Na is in the register
    refer(ws, ceo, plant)
    refer(ws, cfo, plant)
    refer(ws, ceo, cto)
    meet(ws, dt.date(2026, 3, 4), cto)

    pending = ws.tour.pending_referrals()

    zhao, *others = pending.names
    assert (zhao.name, zhao.times, zhao.named_by) == ("Zhao Min", 3, 2)
    assert set(zhao.referrer_names) == {"Zhou", "Wang"}
    assert sorted(n.name for n in others) == ["Sun Jie", "li na"]
    assert next(n for n in others if n.name == "li na").register_match_id == cto
    assert [(u.name, u.named_by) for u in pending.unmet] == [("Liu Yang", 2)]


def test_completion_counts_pending_names_as_people_to_meet(ws: Workspace) -> None:
    ceo, cfo, _cto = person(ws, "Zhou"), person(ws, "Wang"), person(ws, "Li")
    gone = person(ws, "Old")
    meet(ws, dt.date(2026, 3, 3), ceo, gone)
    meet(ws, dt.date(2026, 3, 4), cfo, status=MeetingStatus.CANCELLED)
    ws.stakeholders.set_archived(gone)
    refer(ws, ceo, "Zhao Min")
    refer(ws, cfo, "ZHAO MIN")
    completion = ws.tour.completion()
    assert (completion.met, completion.register, completion.pending_names) == (1, 3, 1)
    assert completion.fraction == pytest.approx(1 / 4)


def test_completion_of_an_empty_tour(ws: Workspace) -> None:
    assert ws.tour.completion().fraction == 0.0


# ---------------------------------------------------------------- cadence


def test_going_cold_lists_lapsed_and_never_met_people(ws: Workspace) -> None:
    fresh = person(ws, "Fresh", cadence_days=14)
    lapsed = person(ws, "Lapsed", cadence_days=7)
    very = person(ws, "Very lapsed", cadence_days=7)
    never = person(ws, "Never met", cadence_days=30, influence=5)
    never_minor = person(ws, "Never met, minor", cadence_days=30, influence=2)
    on_the_day = person(ws, "Exactly due", cadence_days=10)
    person(ws, "No cadence")
    gone = person(ws, "Archived", cadence_days=7)
    meet(ws, dt.date(2026, 3, 20), fresh)
    meet(ws, dt.date(2026, 3, 20), lapsed)
    meet(ws, dt.date(2026, 3, 10), very)
    meet(ws, dt.date(2026, 3, 20), on_the_day)
    meet(ws, dt.date(2026, 3, 2), gone)
    ws.stakeholders.set_archived(gone)

    cold = ws.tour.going_cold(TODAY)

    assert [(c.stakeholder_id, c.days_overdue) for c in cold] == [
        (never, None),
        (never_minor, None),
        (very, 13),  # 20 days since 10 March, cadence 7
        (lapsed, 3),
    ]
    assert cold[0].never_met and cold[2].last_met == dt.date(2026, 3, 10)


def test_a_held_meeting_resets_the_cadence_but_a_planned_one_does_not(ws: Workspace) -> None:
    cfo = person(ws, "Wang", cadence_days=7)
    meet(ws, dt.date(2026, 3, 2), cfo)
    meet(ws, dt.date(2026, 3, 28), cfo, status=MeetingStatus.PLANNED)
    assert [c.days_overdue for c in ws.tour.going_cold(TODAY)] == [21]
    meet(ws, dt.date(2026, 3, 27), cfo)
    assert ws.tour.going_cold(TODAY) == []
    assert [c.stakeholder_id for c in ws.tour.going_cold(dt.date(2026, 4, 5))] == [cfo]


def test_a_meeting_after_today_does_not_count_yet(ws: Workspace) -> None:
    cfo = person(ws, "Wang", cadence_days=7)
    meet(ws, dt.date(2026, 3, 2), cfo)
    meet(ws, dt.date(2026, 4, 2), cfo)
    assert [c.last_met for c in ws.tour.going_cold(TODAY)] == [dt.date(2026, 3, 2)]


# ---------------------------------------------------------------- stance


def test_reassessment_keeps_history_and_sets_the_current_stance(ws: Workspace) -> None:
    cfo = person(ws, "Wang", stance=Stance.SCEPTIC)
    first = ws.tour.reassess_stance(cfo, Stance.NEUTRAL, dt.date(2026, 3, 10), "After lunch")
    ws.tour.reassess_stance(cfo, Stance.SUPPORTER, dt.date(2026, 3, 20))
    assert first.previous_stance is Stance.SCEPTIC
    assert ws.stakeholders.get(cfo).stance is Stance.SUPPORTER

    trend = ws.tour.stance_trend(cfo)
    assert [p.stance for p in trend.points] == [Stance.SCEPTIC, Stance.NEUTRAL, Stance.SUPPORTER]
    assert trend.points[1].note == "After lunch"
    assert trend.change == 2


def test_a_back_dated_assessment_does_not_override_a_later_one(ws: Workspace) -> None:
    cfo = person(ws, "Wang")
    ws.tour.reassess_stance(cfo, Stance.CHAMPION, dt.date(2026, 3, 20))
    ws.tour.reassess_stance(cfo, Stance.BLOCKER, dt.date(2026, 3, 5))
    assert ws.stakeholders.get(cfo).stance is Stance.CHAMPION
    assert ws.tour.stance_trend(cfo).points[-1].stance is Stance.CHAMPION


def test_undo_reassessment(ws: Workspace) -> None:
    cfo = person(ws, "Wang", stance=Stance.SCEPTIC)
    change = ws.tour.reassess_stance(cfo, Stance.SUPPORTER, dt.date(2026, 3, 10))
    ws.tour.undo_reassessment(change)
    assert ws.stakeholders.get(cfo).stance is Stance.SCEPTIC
    assert ws.tour.stance_trend(cfo).points == ()


@pytest.mark.parametrize(
    ("stance", "on"),
    [("grumpy", dt.date(2026, 3, 10)), (Stance.NEUTRAL, "10 March"), (Stance.NEUTRAL, None)],
)
def test_bad_reassessment_is_refused(ws: Workspace, stance: object, on: object) -> None:
    cfo = person(ws, "Wang")
    with pytest.raises(ValidationError):
        ws.tour.reassess_stance(cfo, stance, on)  # type: ignore[arg-type]
    assert ws.tour.stance_trend(cfo).points == ()


def test_stance_gaps_rank_by_gap_then_influence(ws: Workspace) -> None:
    person(ws, "On target", stance=Stance.SUPPORTER, target_stance=Stance.SUPPORTER)
    person(ws, "Above target", stance=Stance.CHAMPION, target_stance=Stance.SUPPORTER)
    person(ws, "No target", stance=Stance.BLOCKER)
    small = person(ws, "Small gap", stance=Stance.NEUTRAL, target_stance=Stance.SUPPORTER)
    big_low = person(
        ws, "Big, low", stance=Stance.SCEPTIC, target_stance=Stance.SUPPORTER, influence=2
    )
    big_high = person(
        ws, "Big, high", stance=Stance.BLOCKER, target_stance=Stance.NEUTRAL, influence=5
    )
    gone = person(ws, "Gone", stance=Stance.BLOCKER, target_stance=Stance.CHAMPION)
    ws.stakeholders.set_archived(gone)
    gaps = ws.tour.stance_gaps()
    assert [(g.stakeholder_id, g.gap) for g in gaps] == [(big_high, 2), (big_low, 2), (small, 1)]


# ---------------------------------------------------------------- referral tree


def _outline(nodes: list, depth: int = 0) -> list[str]:
    """The tree as indented lines: name, then * when met, ? when pending, ^ when repeated."""
    lines = []
    for node in nodes:
        marks = ("*" if node.met else "") + ("?" if node.pending else "")
        marks += "^" if node.repeated else ""
        lines.append("  " * depth + node.name + marks + f" ({node.named_by})")
        lines.extend(_outline(node.children, depth + 1))
    return lines


def test_referral_tree_from_the_people_nobody_named(ws: Workspace) -> None:
    ceo, cfo, coo = person(ws, "Zhou"), person(ws, "Wang"), person(ws, "Zhang")
    peer = person(ws, "Catherine")
    meet(ws, dt.date(2026, 3, 3), ceo, cfo)
    refer(ws, ceo, cfo)
    refer(ws, ceo, "Grace Lin")
    refer(ws, cfo, coo)
    refer(ws, cfo, "grace  lin")
    refer(ws, coo, cfo)  # a circle back to the CFO
    refer(ws, peer, cfo)

    tree = ws.tour.referral_tree()

    assert _outline(tree) == [
        "Catherine (0)",
        "  Wang* (3)",
        "    Zhang (1)",
        "      Wang*^ (3)",
        "    Grace Lin? (2)",
        "Zhou* (0)",
        "  Wang*^ (3)",
        "  Grace Lin?^ (2)",
    ]
    grace = tree[0].children[0].children[1]
    assert grace.stakeholder_id is None and len(grace.insight_ids) == 2


def test_referral_tree_of_a_circle_starts_from_the_first_name(ws: Workspace) -> None:
    wang, li = person(ws, "Wang"), person(ws, "Li")
    refer(ws, wang, li)
    refer(ws, li, wang)
    assert _outline(ws.tour.referral_tree()) == ["Li (1)", "  Wang (1)", "    Li^ (1)"]


def test_referral_tree_leaves_out_archived_people(ws: Workspace) -> None:
    ceo, gone = person(ws, "Zhou"), person(ws, "Old")
    refer(ws, ceo, gone)
    refer(ws, gone, "Sun Jie")
    ws.stakeholders.set_archived(gone)
    assert ws.tour.referral_tree() == []


def test_a_long_referral_chain_needs_no_recursion() -> None:
    edges = [ReferralEdge(i, i, f"P{i}", i + 1, f"P{i + 1}", False) for i in range(3000)]
    (root,) = referral_forest(edges, {}, set())
    depth = 0
    while root.children:
        (root,) = root.children
        depth += 1
    assert depth == 3000


def test_overview_agrees_with_the_separate_figures(ws: Workspace) -> None:
    ceo, cfo, coo = person(ws, "Zhou"), person(ws, "Wang", cadence_days=7), person(ws, "Zhang")
    gone = person(ws, "Old")
    meet(ws, dt.date(2026, 3, 3), ceo, cfo, gone)
    refer(ws, ceo, cfo)
    refer(ws, cfo, coo)
    refer(ws, cfo, "Zhao Min")
    refer(ws, ceo, "zhao min")
    ws.stakeholders.set_archived(gone)

    overview = ws.tour.overview(TODAY)

    assert overview.completion == ws.tour.completion()
    assert (overview.completion.met, overview.completion.register) == (2, 3)
    assert overview.pending == ws.tour.pending_referrals()
    assert overview.going_cold == ws.tour.going_cold(TODAY)
    assert overview.tree == ws.tour.referral_tree()
    assert ws.tour.overview(TODAY, with_tree=False).tree is None
