"""The Stakeholders page: rows, filters, org tree and "brief me"."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.register import RegisterFilter, filter_rows
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus, StakeholderKind, Stance
from cio_desk.workspace import Workspace

TODAY = dt.date(2026, 3, 20)


def person(ws: Workspace, name: str, **fields: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **fields)).id


def meet(ws: Workspace, day: dt.date, *who: int, status: MeetingStatus = MeetingStatus.HELD) -> int:
    start = dt.datetime.combine(day, dt.time(9, 30))
    data = MeetingData(
        starts_at=start, ends_at=start + dt.timedelta(hours=1), attendee_ids=who, status=status
    )
    return ws.meetings.add(data).id


@pytest.fixture
def team(ws: Workspace) -> dict[str, int]:
    ids = {
        "cfo": person(
            ws,
            "王伟",
            title="CFO",
            unit="Finance",
            kind=StakeholderKind.EXECUTIVE,
            stance=Stance.SCEPTIC,
            tags=("budget",),
        ),
        "ops": person(
            ws,
            "Li Na",
            title="COO",
            unit="Operations",
            kind=StakeholderKind.EXECUTIVE,
            stance=Stance.SUPPORTER,
            email="li.na@example.com",
        ),
        "sap": person(ws, "Ms Vendor", title="Account manager", kind=StakeholderKind.VENDOR),
        "old": person(ws, "Old CIO", title="Former CIO"),
    }
    meet(ws, dt.date(2026, 3, 3), ids["cfo"])
    meet(ws, dt.date(2026, 3, 12), ids["cfo"], ids["ops"])
    meet(ws, dt.date(2026, 3, 25), ids["cfo"], status=MeetingStatus.PLANNED)
    meet(ws, dt.date(2026, 3, 5), ids["sap"], status=MeetingStatus.CANCELLED)
    ws.followups.add(FollowUpData("Send budget", stakeholder_id=ids["cfo"]))
    ws.followups.add(FollowUpData("Send plan", stakeholder_id=ids["cfo"]))
    done = ws.followups.add(FollowUpData("Sent", stakeholder_id=ids["cfo"]))
    ws.followups.set_done(done.id)
    ws.insights.add(
        InsightData(ids["ops"], InsightKind.REFERRAL, referred_stakeholder_id=ids["cfo"])
    )
    ws.insights.add(
        InsightData(ids["sap"], InsightKind.REFERRAL, referred_stakeholder_id=ids["cfo"])
    )
    ws.stakeholders.set_archived(ids["old"])
    return ids


def test_rows_carry_the_computed_columns(ws: Workspace, team: dict[str, int]) -> None:
    rows = {row.id: row for row in ws.register.rows()}
    assert team["old"] not in rows
    cfo, ops, sap = rows[team["cfo"]], rows[team["ops"]], rows[team["sap"]]
    assert (cfo.met, cfo.last_contact, cfo.open_follow_ups, cfo.named_by) == (
        True,
        dt.date(2026, 3, 12),
        2,
        2,
    )
    assert (ops.met, ops.last_contact, ops.open_follow_ups, ops.named_by) == (
        True,
        dt.date(2026, 3, 12),
        0,
        0,
    )
    assert (sap.met, sap.last_contact) == (False, None)  # a cancelled meeting is not contact
    assert cfo.tags == ("budget",)
    assert [r.name for r in ws.register.rows()] == ["Li Na", "Ms Vendor", "王伟"]


def test_archived_people_appear_only_when_asked(ws: Workspace, team: dict[str, int]) -> None:
    rows = ws.register.rows(include_archived=True)
    assert [r.archived for r in rows if r.id == team["old"]] == [True]
    assert len(ws.register.rows(RegisterFilter(include_archived=True))) == 4


@pytest.mark.parametrize(
    ("flt", "names"),
    [
        (RegisterFilter(text="finance"), ["王伟"]),
        (RegisterFilter(text="王"), ["王伟"]),
        (RegisterFilter(text="OPERATIONS li"), ["Li Na"]),  # every word, any field, any case
        (RegisterFilter(text="coo finance"), []),
        (RegisterFilter(text="example.com"), ["Li Na"]),
        (RegisterFilter(text="BUDGET"), ["王伟"]),  # tags
        (RegisterFilter(text="vendor"), ["Ms Vendor"]),
        (RegisterFilter(kind=StakeholderKind.EXECUTIVE), ["Li Na", "王伟"]),
        (RegisterFilter(stance=Stance.SCEPTIC), ["王伟"]),
        (RegisterFilter(met=False), ["Ms Vendor"]),
        (RegisterFilter(text="cio"), []),
        (RegisterFilter(text="cio", include_archived=True), ["Old CIO"]),
    ],
)
def test_filtering(
    ws: Workspace, team: dict[str, int], flt: RegisterFilter, names: list[str]
) -> None:
    assert [r.name for r in ws.register.rows(flt)] == names
    everyone = ws.register.rows(include_archived=True)
    assert [r.name for r in everyone if flt.matches(r)] == names  # one row, as the list


def test_filter_rows_needs_no_database(ws: Workspace, team: dict[str, int]) -> None:
    rows = ws.register.rows(include_archived=True)
    ws.close()
    assert [r.name for r in filter_rows(rows, RegisterFilter(text="cfo"))] == ["王伟"]
    former = RegisterFilter(text="former", include_archived=True)
    assert [r.name for r in filter_rows(rows, former)] == ["Old CIO"]


def test_rows_take_the_same_number_of_queries_at_any_size(ws: Workspace) -> None:
    def queries() -> int:
        seen: list[str] = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(ws.engine, "before_cursor_execute", listener)
        try:
            ws.register.rows()
        finally:
            event.remove(ws.engine, "before_cursor_execute", listener)
        return len(seen)

    first = person(ws, "One")
    meet(ws, dt.date(2026, 3, 3), first)
    few = queries()
    for n in range(30):
        someone = person(ws, f"Person {n}", tags=("x",))
        meet(ws, dt.date(2026, 3, 4), someone)
    assert queries() == few


def test_org_tree_nests_reports_and_skips_archived(ws: Workspace) -> None:
    ceo = person(ws, "CEO Zhou")
    cfo = person(ws, "CFO Wang", reports_to_id=ceo)
    deputy = person(ws, "Deputy", reports_to_id=cfo)
    accountant = person(ws, "Accountant", reports_to_id=deputy)
    person(ws, "Board member")
    ws.stakeholders.set_archived(deputy)
    tree = ws.register.org_tree()
    assert [n.name for n in tree] == ["Board member", "CEO Zhou"]
    (cfo_node,) = tree[1].children
    assert cfo_node.id == cfo
    assert [c.id for c in cfo_node.children] == [accountant]  # moved up past the archived deputy


def test_brief_me_before_a_meeting(ws: Workspace, team: dict[str, int]) -> None:
    cfo = team["cfo"]
    ws.stakeholders.update(cfo, cadence_days=5)
    ws.insights.add(InsightData(cfo, InsightKind.CONCERN, "ERP overrun", confidential=True))
    ws.insights.add(InsightData(cfo, InsightKind.GOAL, "Faster close"))

    brief = ws.register.brief(cfo, TODAY)

    assert brief.stakeholder.title == "CFO"
    assert [i.text for i in brief.insights[InsightKind.CONCERN]] == ["ERP overrun"]
    assert brief.confidential_count == 1
    assert brief.referred_by == ("Li Na", "Ms Vendor")
    assert [m.starts_at.day for m in brief.past_meetings] == [12, 3]
    assert [m.starts_at.day for m in brief.upcoming_meetings] == [25]
    assert sorted(f.text for f in brief.open_follow_ups) == ["Send budget", "Send plan"]
    assert brief.going_cold is not None and brief.going_cold.days_overdue == 3
    assert brief.row.named_by == 2


def test_next_meeting_brief(ws: Workspace, team: dict[str, int]) -> None:
    now = dt.datetime(2026, 3, 20, 8, 0)
    brief = ws.register.next_meeting_brief(now)
    assert brief is not None
    assert brief.meeting.starts_at == dt.datetime(2026, 3, 25, 9, 30)
    assert [b.stakeholder.id for b in brief.attendees] == [team["cfo"]]
    assert ws.register.next_meeting_brief(dt.datetime(2026, 3, 26)) is None
