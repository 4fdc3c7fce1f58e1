"""Search everywhere: every kind of item, any word, any script."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.search import SearchHit, SearchQuery
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.services.topics import TopicData, TopicSource
from cio_desk.store.enums import InsightKind, TopicCategory
from cio_desk.workspace import Workspace

WHEN = dt.datetime(2026, 3, 4, 12, 0)


@pytest.fixture
def filled(ws: Workspace) -> dict[str, int]:
    cfo = ws.stakeholders.add(
        StakeholderData(name="王伟", title="Chief Financial Officer", unit="财务部", tags=("ERP",))
    ).id
    ops = ws.stakeholders.add(StakeholderData(name="Wang Fang", title="Plant manager")).id
    meeting = ws.meetings.add(
        MeetingData(
            starts_at=WHEN,
            ends_at=WHEN + dt.timedelta(hours=1),
            attendee_ids=(cfo,),
            title="Budget lunch",
            agenda="IT 预算 and the 50% discount_offer",
            notes="He distrusts the SAP vendor",
        )
    ).id
    insight = ws.insights.add(
        InsightData(
            cfo,
            InsightKind.CONCERN,
            "产能不足 blocks growth",
            confidential=True,
            themes=("Capacity",),
        )
    ).id
    follow_up = ws.followups.add(
        FollowUpData("Send the capacity report", due_date=dt.date(2026, 3, 6), stakeholder_id=ops)
    ).id
    topic = ws.topics.add(
        TopicData(
            "Budget cycle",
            TopicCategory.FINANCES,
            sources=(TopicSource(document="财务预算手册"), TopicSource(stakeholder_id=cfo)),
        )
    ).id
    return {
        "cfo": cfo,
        "ops": ops,
        "meeting": meeting,
        "insight": insight,
        "follow_up": follow_up,
        "topic": topic,
    }


def kinds(hits: list[SearchHit]) -> list[tuple[str, int]]:
    return [(h.kind, h.id) for h in hits]


def test_finds_every_kind_of_item(ws: Workspace, filled: dict[str, int]) -> None:
    assert kinds(ws.search.find("budget")) == [  # both titles start with the word
        ("meeting", filled["meeting"]),
        ("topic", filled["topic"]),
    ]
    assert kinds(ws.search.find("capacity")) == [
        ("follow_up", filled["follow_up"]),  # the word is in its title
        ("insight", filled["insight"]),  # only its theme matches
    ]


def test_chinese_substrings_match_without_word_breaks(
    ws: Workspace, filled: dict[str, int]
) -> None:
    assert ("stakeholder", filled["cfo"]) in kinds(ws.search.find("财务"))
    assert ("topic", filled["topic"]) in kinds(ws.search.find("预算手册"))  # a source document
    assert ("meeting", filled["meeting"]) in kinds(ws.search.find("预算"))
    assert kinds(ws.search.find("产能")) == [("insight", filled["insight"])]


def test_every_word_must_match_in_any_field(ws: Workspace, filled: dict[str, int]) -> None:
    assert kinds(ws.search.find("wang plant")) == [("stakeholder", filled["ops"])]
    assert kinds(ws.search.find("lunch SAP")) == [("meeting", filled["meeting"])]  # title + notes
    assert ws.search.find("lunch plant") == []


def test_matching_ignores_case(ws: Workspace, filled: dict[str, int]) -> None:
    assert kinds(ws.search.find("CHIEF financial")) == [("stakeholder", filled["cfo"])]
    assert ("stakeholder", filled["cfo"]) in kinds(ws.search.find("erp"))  # a tag


def test_like_wildcards_are_taken_literally(ws: Workspace, filled: dict[str, int]) -> None:
    assert kinds(ws.search.find("50%")) == [("meeting", filled["meeting"])]
    assert kinds(ws.search.find("discount_offer")) == [("meeting", filled["meeting"])]
    # Only the one item with a literal "%" or "_" matches, not everything.
    assert kinds(ws.search.find("%")) == [("meeting", filled["meeting"])]
    assert kinds(ws.search.find("_")) == [("meeting", filled["meeting"])]


def test_exact_name_comes_first(ws: Workspace, filled: dict[str, int]) -> None:
    ws.stakeholders.add(StakeholderData(name="Wang Fang Jr"))
    ws.stakeholders.add(StakeholderData(name="Li Wang Fang"))
    hits = ws.search.find("wang fang")
    assert [h.title for h in hits[:3]] == ["Wang Fang", "Wang Fang Jr", "Li Wang Fang"]
    assert [h.rank for h in hits[:3]] == [0, 1, 2]


def test_hits_say_what_to_open(ws: Workspace, filled: dict[str, int]) -> None:
    (insight,) = ws.search.find("产能")
    assert (insight.open_kind, insight.open_id) == ("stakeholder", filled["cfo"])
    assert insight.detail == "王伟" and insight.tag == "concern"
    assert "confidential" in insight.flags  # found on the CIO's own device, and marked
    (meeting,) = ws.search.find("distrusts")
    assert (meeting.open_kind, meeting.open_id) == ("meeting", filled["meeting"])
    assert "distrusts" in meeting.snippet and "confidential" in meeting.flags


def test_snippet_is_short_around_the_match(ws: Workspace, filled: dict[str, int]) -> None:
    cfo = filled["cfo"]
    ws.insights.add(InsightData(cfo, InsightKind.GOAL, "x" * 5000 + " needle " + "y" * 5000))
    (hit,) = ws.search.find("needle")
    assert "needle" in hit.snippet and len(hit.snippet) < 150
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


def test_archived_people_are_found_but_flagged(ws: Workspace, filled: dict[str, int]) -> None:
    ws.stakeholders.set_archived(filled["ops"])
    (hit,) = ws.search.find("plant manager")
    assert "archived" in hit.flags


def test_empty_query_and_limit(ws: Workspace, filled: dict[str, int]) -> None:
    assert ws.search.find("   ") == []
    assert len(ws.search.find("a", limit=2)) == 2


def test_a_new_kind_joins_with_one_provider(ws: Workspace, filled: dict[str, int]) -> None:
    def find_risks(_session: object, query: SearchQuery, _limit: int) -> list[SearchHit]:
        if "vendor" in (w.lower() for w in query.words):
            return [SearchHit("risk", 7, "Vendor lock-in", "", "risk", 7)]
        return []

    ws.search.register("risk", find_risks)
    assert "risk" in ws.search.kinds
    assert ("risk", 7) in kinds(ws.search.find("vendor"))
