"""Scale: the first-30-days services on a large workspace.

    python benchmarks/scale.py [--stakeholders 2000] [--meetings 20000] [--runs 5]
                               [--workspace PATH] [--keep]

Builds a workspace with thousands of stakeholders and meetings (realistic,
mixed English and Chinese data), then times every service call a page makes
when it opens, and the register filter per keystroke. Goals: under 100 ms per
page open, under 16 ms per keystroke. Exit code 1 if a goal is missed.

`make_large_workspace` is reusable (tests, profiling). Timings come from the
suites in `TIMING_SUITES`; the UI benchmark adds its own suite there (a
function taking the open workspace and `now`, returning `Timing`s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from cio_desk.services.profile import ProfileData
from cio_desk.services.register import RegisterFilter, filter_rows
from cio_desk.store.enums import (
    InsightKind,
    MeetingSetting,
    MeetingStatus,
    StakeholderKind,
    Stance,
    TopicCategory,
    TopicStatus,
)
from cio_desk.store.last_held import recompute_last_held
from cio_desk.store.models import (
    FollowUp,
    Insight,
    LearningSource,
    LearningTopic,
    Meeting,
    MeetingAttendee,
    Stakeholder,
    StanceAssessment,
    Theme,
    insight_theme,
    stakeholder_tag,
)
from cio_desk.workspace import Workspace

PAGE_GOAL_MS = 100.0
KEYSTROKE_GOAL_MS = 16.0

# ---------------------------------------------------------------- realistic data

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉建国志红"
FIRST = [
    "Wei",
    "Fang",
    "Li",
    "Min",
    "Jing",
    "Lei",
    "Jun",
    "Yang",
    "Anna",
    "David",
    "Maria",
    "Peter",
    "Sarah",
    "Thomas",
    "Emma",
    "James",
    "Laura",
    "Michael",
    "Sophie",
    "Daniel",
]
LAST = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Smith",
    "Müller",
    "Schmidt",
    "Martin",
    "Brown",
    "Garcia",
    "Rossi",
    "Dubois",
    "Tanaka",
    "Kim",
    "Nguyen",
    "O'Brien",
    "Silva",
]
UNITS = [
    "Finance",
    "财务部",
    "Operations",
    "生产部",
    "Sales",
    "销售部",
    "HR",
    "人力资源部",
    "IT",
    "信息部",
    "Procurement",
    "采购部",
    "Quality",
    "质量部",
    "R&D",
    "研发中心",
    "Legal",
]
TITLES = [
    "Director",
    "总监",
    "Manager",
    "经理",
    "Head of Plant",
    "厂长",
    "Vice President",
    "副总裁",
    "Controller",
    "Team lead",
    "主管",
    "Account manager",
    "Partner",
    "Auditor",
]
THEMES = [
    "ERP",
    "Cost",
    "成本",
    "Security",
    "安全",
    "Talent",
    "人才",
    "Data",
    "数据",
    "MES",
    "Cloud",
    "Supply chain",
    "供应链",
    "Capacity",
    "产能",
    "CRM",
    "Compliance",
    "Budget",
    "预算",
    "Vendor",
    "Reporting",
    "报表",
    "Automation",
    "Training",
    "Culture",
]
SENTENCES = [
    "The ERP rollout is late and over budget; finance closes the books by hand.",
    "产能严重不足,订单积压,生产计划全靠 Excel。",
    "Wants a single customer view before the next sales season.",
    "担心数据安全:一个字符就能让网店宕机。",
    "Proposes moving the data centre to a hosted provider to save on power.",
    "希望信息部先解决报表问题,再谈数字化转型。",
    "Vendor contracts renew in June; lock-in risk with the current supplier.",
    "The finance team resigned over double data entry in 2019.",
    "建议成立由 CEO 牵头的信息化领导小组。",
    "Needs plant-floor data in real time to plan shifts & overtime.",
]
TOPICS = [
    (TopicCategory.BUSINESS, "Product lines and margins", "产品线与利润"),
    (TopicCategory.PAIN_POINTS, "Order backlog at plant 2", "二厂订单积压"),
    (TopicCategory.FINANCES, "Capex approval thresholds", "资本支出审批权限"),
    (TopicCategory.ORGANISATION, "Steering group membership", "领导小组成员"),
    (TopicCategory.SYSTEMS, "Integrations between ERP and MES", "ERP 与 MES 接口"),
    (TopicCategory.MARKET, "Top 20 customers and their demands", "前二十大客户的需求"),
]


def _chinese_name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return rng.choice(SURNAMES) + given


def _english_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _name(rng: random.Random) -> str:
    return _chinese_name(rng) if rng.random() < 0.6 else _english_name(rng)


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


@dataclass
class _Counts:
    stakeholders: int
    meetings: int
    insights: int
    follow_ups: int
    topics: int


def make_large_workspace(
    path: Path,
    stakeholders: int = 2000,
    meetings: int = 20000,
    *,
    insights: int = 5000,
    follow_ups: int = 3000,
    topics: int = 40,
    today: dt.date | None = None,
    seed: int = 7,
) -> Path:
    """Write a new workspace at `path` filled with realistic data, fast.

    Everything goes in through bulk inserts in one transaction. Day 1 is 20
    days before `today`; meetings spread over the previous ~20 months and
    the next two, most of the past ones held.
    """
    rng = random.Random(seed)
    today = today or dt.date.today()
    start = today - dt.timedelta(days=19)
    counts = _Counts(stakeholders, meetings, insights, follow_ups, topics)
    with Workspace.create(path) as ws:
        ws.profile.save(
            ProfileData(cio_name="陈静", start_date=start, organisation="Huaxin Manufacturing")
        )
        with ws.sessions.begin() as session:
            people = _stakeholder_rows(rng, counts.stakeholders)
            session.execute(insert(Stakeholder), people)
            session.execute(insert(stakeholder_tag), _tag_rows(rng, people))
            session.execute(insert(StanceAssessment), _stance_rows(rng, people, start))
            meeting_rows, attendees = _meeting_rows(rng, counts.meetings, people, today)
            session.execute(insert(Meeting), meeting_rows)
            session.execute(
                insert(MeetingAttendee),
                [
                    {"meeting_id": m, "stakeholder_id": s}
                    for m, who in attendees.items()
                    for s in who
                ],
            )
            session.execute(insert(Theme), [{"id": i, "name": n} for i, n in enumerate(THEMES, 1)])
            insight_rows, tags = _insight_rows(rng, counts.insights, people, attendees)
            session.execute(insert(Insight), insight_rows)
            session.execute(insert(insight_theme), tags)
            session.execute(insert(FollowUp), _follow_up_rows(rng, counts, meeting_rows, attendees))
            topic_rows, sources = _topic_rows(rng, counts.topics, people)
            session.execute(insert(LearningTopic), topic_rows)
            session.execute(insert(LearningSource), sources)
            recompute_last_held(session.connection())  # bulk inserts pass by the flush listener
    return path


def _stakeholder_rows(rng: random.Random, count: int) -> list[dict]:
    kinds = list(StakeholderKind)
    stances = list(Stance)
    rows = []
    leaders = max(1, count // 40)
    for i in range(1, count + 1):
        # A shallow tree: leaders report to the CEO (1), everyone else to an early person.
        manager = None if i == 1 else rng.randint(1, min(i - 1, leaders * 6))
        rows.append(
            {
                "id": i,
                "name": _name(rng),
                "title": rng.choice(TITLES),
                "unit": rng.choice(UNITS),
                "kind": StakeholderKind.EXECUTIVE if i <= leaders else rng.choice(kinds),
                "reports_to_id": manager,
                "influence": rng.randint(1, 5),
                "interest": rng.randint(1, 5),
                "stance": rng.choice(stances),
                "target_stance": rng.choice(stances[:3]) if rng.random() < 0.3 else None,
                "email": f"person{i}@example.com",
                "phone": f"+86 138 {i:04d} {rng.randint(1000, 9999)}",
                "notes": _text(rng, rng.randint(0, 2)),
                "is_manager": i == 1,
                "cadence_days": rng.choice((7, 14, 30)) if rng.random() < 0.1 else None,
                "archived": rng.random() < 0.05,
            }
        )
    return rows


def _tag_rows(rng: random.Random, people: list[dict]) -> list[dict]:
    rows = []
    for person in people:
        if rng.random() < 0.3:
            for tag in rng.sample(("key", "board", "关键", "ERP", "budget", "plant"), 2):
                rows.append({"stakeholder_id": person["id"], "tag": tag})
    return rows


def _stance_rows(rng: random.Random, people: list[dict], start: dt.date) -> list[dict]:
    chosen = rng.sample(people, min(len(people), 250))
    return [
        {
            "stakeholder_id": p["id"],
            "stance": rng.choice(list(Stance)),
            "assessed_on": start + dt.timedelta(days=rng.randint(0, 18)),
            "note": "",
        }
        for p in chosen
        for _ in range(2)
    ]


def _meeting_rows(
    rng: random.Random, count: int, people: list[dict], today: dt.date
) -> tuple[list[dict], dict[int, tuple[int, ...]]]:
    settings = list(MeetingSetting)
    ids = [p["id"] for p in people]
    rows, attendees = [], {}
    for i in range(1, count + 1):
        day = today + dt.timedelta(days=rng.randint(-600, 60))
        starts = dt.datetime.combine(day, dt.time(rng.randint(8, 19), rng.choice((0, 30))))
        status = _meeting_status(rng, day, today)
        held = status is MeetingStatus.HELD
        rows.append(
            {
                "id": i,
                "title": ""
                if rng.random() < 0.6
                else rng.choice(("Budget review", "预算评审", "Plant visit", "Coffee")),
                "starts_at": starts,
                "ends_at": starts + dt.timedelta(minutes=rng.choice((30, 45, 60, 90))),
                "setting": rng.choice(settings),
                "status": status,
                "location": rng.choice(("", "Shanghai HQ", "二厂", "Café")),
                "agenda": _text(rng, 1),
                "notes": _text(rng, rng.randint(1, 4)) if held else "",
                "notes_confidential": True,
                "purpose_relationship": True,
                "purpose_learn": True,
                "purpose_values": rng.random() < 0.5,
                "sentiment": rng.randint(-2, 2) if held else None,
                "thank_you_sent": held and rng.random() < 0.7,
            }
        )
        attendees[i] = tuple(rng.sample(ids, rng.choice((1, 1, 1, 2, 3))))
    return rows, attendees


def _meeting_status(rng: random.Random, day: dt.date, today: dt.date) -> MeetingStatus:
    if day >= today:
        return MeetingStatus.PLANNED
    roll = rng.random()
    if roll < 0.85:
        return MeetingStatus.HELD
    if roll < 0.95:
        return MeetingStatus.CANCELLED
    if roll < 0.99:
        return MeetingStatus.NO_SHOW
    return MeetingStatus.PLANNED  # not yet written up


def _insight_rows(
    rng: random.Random, count: int, people: list[dict], attendees: dict[int, tuple[int, ...]]
) -> tuple[list[dict], list[dict]]:
    kinds = [InsightKind.GOAL, InsightKind.PROPOSAL, InsightKind.CONCERN, InsightKind.HOW_TO_HELP]
    pending_names = [_name(rng) for _ in range(max(1, count // 15))]
    meeting_ids = list(attendees)
    rows, tags = [], []
    for i in range(1, count + 1):
        meeting = rng.choice(meeting_ids)
        owner = attendees[meeting][0]
        row = {
            "id": i,
            "stakeholder_id": owner,
            "meeting_id": meeting,
            "kind": rng.choice(kinds),
            "text": _text(rng, rng.randint(1, 2)),
            "confidential": rng.random() < 0.2,
            "referred_stakeholder_id": None,
            "referred_name": "",
        }
        if rng.random() < 0.15:
            row["kind"] = InsightKind.REFERRAL
            if rng.random() < 0.6:
                row["referred_stakeholder_id"] = rng.choice([p["id"] for p in people[:300]])
                if row["referred_stakeholder_id"] == owner:
                    row["referred_stakeholder_id"] = None
            if row["referred_stakeholder_id"] is None:
                row["referred_name"] = rng.choice(pending_names)
            row["text"] = "Worth meeting: knows the history"
        rows.append(row)
        for theme in rng.sample(range(1, len(THEMES) + 1), rng.choice((0, 1, 1, 2))):
            tags.append({"insight_id": i, "theme_id": theme})
    return rows, tags


def _follow_up_rows(
    rng: random.Random,
    counts: _Counts,
    meetings: list[dict],
    attendees: dict[int, tuple[int, ...]],
) -> list[dict]:
    rows = []
    for i in range(1, counts.follow_ups + 1):
        meeting = rng.choice(meetings)
        done = rng.random() < 0.6
        due = meeting["starts_at"].date() + dt.timedelta(days=rng.randint(0, 21))
        rows.append(
            {
                "id": i,
                "text": rng.choice(("Send the ", "发送", "Share the ", "Follow up on "))
                + rng.choice(THEMES),
                "owner": "",
                "due_date": due if rng.random() < 0.9 else None,
                "done": done,
                "done_on": due if done else None,
                "quick_win": rng.random() < 0.2,
                "meeting_id": meeting["id"],
                "stakeholder_id": attendees[meeting["id"]][0],
            }
        )
    return rows


def _topic_rows(
    rng: random.Random, count: int, people: list[dict]
) -> tuple[list[dict], list[dict]]:
    rows, sources = [], []
    for i in range(1, count + 1):
        category, english, chinese = TOPICS[i % len(TOPICS)]
        rows.append(
            {
                "id": i,
                "title": f"{english if i % 2 else chinese} ({i})",
                "category": category,
                "status": rng.choice(list(TopicStatus)),
                "notes": _text(rng, 1),
                "position": i,
            }
        )
        sources.append({"topic_id": i, "stakeholder_id": rng.choice(people)["id"], "document": ""})
        sources.append({"topic_id": i, "stakeholder_id": None, "document": "Annual report"})
    return rows, sources


# ---------------------------------------------------------------- timing


@dataclass(frozen=True)
class Timing:
    """One measured operation: its samples in milliseconds and its goal."""

    page: str
    what: str
    samples: tuple[float, ...]
    goal_ms: float | None  # None: a part of a page open, shown for the breakdown

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def worst(self) -> float:
        return max(self.samples)

    @property
    def ok(self) -> bool:
        return self.goal_ms is None or self.median <= self.goal_ms


def measure(call: Callable[[], object], runs: int) -> tuple[float, ...]:
    """Milliseconds per call, after one warm-up call."""
    call()
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        call()
        samples.append((time.perf_counter() - begin) * 1000)
    return tuple(samples)


def service_timings(ws: Workspace, now: dt.datetime, runs: int) -> list[Timing]:
    """Each page's service calls on opening (the total, then each call), and typing."""
    from cio_desk.ui.widgets.cards import LIST_ROWS  # the rows a Today card shows

    today = now.date()
    rows = ws.register.rows()
    someone = rows[len(rows) // 2].id
    month = (
        dt.datetime.combine(today - dt.timedelta(days=19), dt.time.min),
        dt.datetime.combine(today + dt.timedelta(days=11), dt.time.min),
    )
    open_meetings = [f.meeting_id for f in ws.followups.list(open_only=True)]
    pages: dict[str, dict[str, Callable[[], object]]] = {
        # What the Today page reads: its cards show at most LIST_ROWS rows each.
        "Today": {
            "onboarding.snapshot": lambda: ws.onboarding.snapshot(now, limit=LIST_ROWS),
            "tour.pending_referrals": ws.tour.pending_referrals,
            "tour.going_cold": lambda: ws.tour.going_cold(today),
            "meetings.next_planned": lambda: ws.meetings.next_planned(now),
        },
        "Brief me (Today)": {
            "register.next_meeting_brief": lambda: ws.register.next_meeting_brief(now),
        },
        "Learning agenda": {"topics.list": ws.topics.list, "topics.progress": ws.topics.progress},
        "Stakeholders": {"register.rows": ws.register.rows},
        "Org tree": {"register.org_tree": ws.register.org_tree},
        "Stakeholder detail": {"register.brief": lambda: ws.register.brief(someone, today)},
        # The tour page reads everything but the stance gaps in one call; the
        # gaps and the themes are read when their tabs are chosen.
        "Listening tour": {"tour.overview": lambda: ws.tour.overview(today)},
        "Tour: stay in touch": {"tour.stance_gaps": ws.tour.stance_gaps},
        "Themes": {
            "insights.theme_counts": ws.insights.theme_counts,
            "insights.list(theme)": lambda: ws.insights.list(theme_id=1, active_only=True),
        },
        "Follow-ups": {
            "followups.list(open)": lambda: ws.followups.list(open_only=True),
            "followups.counts": lambda: ws.followups.counts(today),
            "followups.linked_meetings": lambda: ws.followups.linked_meetings(open_meetings),
        },
        "Meetings (30 days)": {
            "meetings.list": lambda: ws.meetings.list(start=month[0], end=month[1])
        },
        "Search": {
            f"search.find({text!r})": (lambda t=text: ws.search.find(t))
            for text in ("王", "wang", "erp budget", "zzzz")
        },
    }
    timings = []
    for page, calls in pages.items():
        if page != "Search":  # each search is its own "page open"

            def open_page(calls: dict[str, Callable[[], object]] = calls) -> None:
                for call in calls.values():
                    call()

            timings.append(Timing(page, "open (services)", measure(open_page, runs), PAGE_GOAL_MS))
        for name, call in calls.items():
            goal = PAGE_GOAL_MS if page == "Search" else None
            timings.append(Timing(page, name, measure(call, runs), goal))
    timings.append(_keystrokes(ws, runs))
    return timings


def _keystrokes(ws: Workspace, runs: int) -> Timing:
    """Typing "王伟 finance" into the Stakeholders filter, one character at a time."""
    rows = ws.register.rows()
    typed = "王伟 finance"
    samples: list[float] = []
    for _ in range(runs):
        for end in range(1, len(typed) + 1):
            begin = time.perf_counter()
            filter_rows(rows, RegisterFilter(text=typed[:end]))
            samples.append((time.perf_counter() - begin) * 1000)
    return Timing("Stakeholders", "filter per keystroke", tuple(samples), KEYSTROKE_GOAL_MS)


def ui_timings(ws: Workspace, now: dt.datetime, runs: int) -> list[Timing]:
    """The pages through their real widgets, painted (see `ui_pages.py`)."""
    from ui_pages import stakeholders_page_rows  # beside this script

    rows = stakeholders_page_rows(ws, now, runs, PAGE_GOAL_MS, KEYSTROKE_GOAL_MS)
    return [Timing(*row) for row in rows]


def first_month_ui_timings(ws: Workspace, now: dt.datetime, runs: int) -> list[Timing]:
    """The Learning agenda, Follow-ups and Listening tour pages (see `ui_first_month.py`)."""
    from ui_first_month import first_month_page_rows  # beside this script

    return [Timing(*row) for row in first_month_page_rows(ws, now, runs, PAGE_GOAL_MS)]


def meetings_ui_timings(ws: Workspace, now: dt.datetime, runs: int) -> list[Timing]:
    """The Meetings page (calendar and list) and Today (see `ui_meetings.py`)."""
    from ui_meetings import meetings_page_rows  # beside this script

    return [Timing(*row) for row in meetings_page_rows(ws, now, runs, PAGE_GOAL_MS)]


# Each suite takes the open workspace, `now` and the run count; the UI
# benchmark appends its own suite here.
TIMING_SUITES: list[Callable[[Workspace, dt.datetime, int], list[Timing]]] = [
    service_timings,
    ui_timings,
    first_month_ui_timings,
    meetings_ui_timings,
]


@contextmanager
def _workspace_file(given: Path | None, keep: bool) -> Iterator[Path]:
    if given is not None:
        yield given
        return
    folder = tempfile.mkdtemp(prefix="cio-desk-scale-") if keep else None
    if folder:
        yield Path(folder) / "scale.ciodesk"
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp) / "scale.ciodesk"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stakeholders", type=int, default=2000)
    parser.add_argument("--meetings", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workspace", type=Path, help="reuse (or create) this workspace file")
    parser.add_argument("--keep", action="store_true", help="keep the generated workspace")
    args = parser.parse_args()
    now = dt.datetime.combine(dt.date.today(), dt.time(8, 0))
    with _workspace_file(args.workspace, args.keep) as path:
        if not path.exists():
            begin = time.perf_counter()
            make_large_workspace(path, args.stakeholders, args.meetings, today=now.date())
            print(f"built {path} in {time.perf_counter() - begin:.1f} s")
        with Workspace.open(path, backup=False) as ws:
            timings = [t for suite in TIMING_SUITES for t in suite(ws, now, args.runs)]
    print(f"{'page':<20} {'what':<30} {'median ms':>10} {'worst ms':>9} {'goal':>6}")
    for t in timings:
        what = t.what if t.goal_ms is not None else f"  {t.what}"
        goal = f"{t.goal_ms:>6.0f}" if t.goal_ms is not None else " " * 6
        mark = "" if t.ok else "  MISSED"
        print(f"{t.page:<20} {what:<30} {t.median:>10.1f} {t.worst:>9.1f} {goal}{mark}")
    return 0 if all(t.ok for t in timings) else 1


if __name__ == "__main__":
    sys.exit(main())
