"""After-meeting capture: one transaction, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.capture import MeetingOutcome
from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.workspace import Workspace

K = InsightKind
WHEN = dt.datetime(2026, 3, 4, 12, 0)


def person(ws: Workspace, name: str) -> int:
    return ws.stakeholders.add(StakeholderData(name=name)).id


def lunch(ws: Workspace, *attendees: int) -> int:
    data = MeetingData(starts_at=WHEN, ends_at=WHEN + dt.timedelta(hours=1), attendee_ids=attendees)
    return ws.meetings.add(data).id


def test_capture_records_everything_from_one_meeting(ws: Workspace) -> None:
    cfo, ops = person(ws, "王伟"), person(ws, "Li Na")
    meeting = lunch(ws, cfo, ops)
    outcome = MeetingOutcome(
        notes="Candid: the ERP rollout <failed> & cost 3M",
        notes_confidential=True,
        sentiment=1,
        thank_you_sent=True,
        insights=(
            InsightData(cfo, K.GOAL, "Close the books in 3 days", themes=("Finance",)),
            InsightData(cfo, K.PROPOSAL, "Retire the old reporting tool"),
            InsightData(cfo, K.CONCERN, "ERP cost overrun", confidential=True, themes=("ERP",)),
            InsightData(cfo, K.HOW_TO_HELP, "Monthly dashboard"),
            InsightData(cfo, K.REFERRAL, referred_name="Zhao Min"),
            InsightData(ops, K.CONCERN, "Production capacity", themes=("erp",)),
            InsightData(ops, K.REFERRAL, "Knows finance", referred_stakeholder_id=cfo),
        ),
        follow_ups=(
            FollowUpData(
                "Send the dashboard draft", due_date=WHEN.date(), quick_win=True, stakeholder_id=cfo
            ),
            FollowUpData("Visit plant 2", due_date=dt.date(2026, 3, 10), stakeholder_id=ops),
        ),
    )

    result = ws.capture.record_meeting_outcome(meeting, outcome)

    saved = ws.meetings.get(meeting)
    assert saved.status is MeetingStatus.HELD
    assert (saved.sentiment, saved.thank_you_sent, saved.notes_confidential) == (1, True, True)
    assert saved.notes == "Candid: the ERP rollout <failed> & cost 3M"
    assert result.previous.status is MeetingStatus.PLANNED
    by_kind = ws.insights.for_stakeholder(cfo)
    assert all(len(by_kind[kind]) == 1 for kind in InsightKind)
    assert by_kind[K.REFERRAL][0].text == "Zhao Min"
    assert by_kind[K.CONCERN][0].confidential is True
    assert {i.meeting_id for i in result.insights} == {meeting}
    assert [t.name for t in ws.insights.themes()] == ["ERP", "Finance"]
    quick, visit = ws.followups.list(meeting_id=meeting)
    assert (quick.text, quick.quick_win, quick.stakeholder_name) == (
        "Send the dashboard draft",
        True,
        "王伟",
    )
    assert (visit.due_date, visit.stakeholder_id) == (dt.date(2026, 3, 10), ops)


def test_follow_up_of_a_one_to_one_is_linked_to_the_attendee(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    meeting = lunch(ws, cfo)
    result = ws.capture.record_meeting_outcome(
        meeting, MeetingOutcome(follow_ups=(FollowUpData("Share the IT budget"),))
    )
    assert result.follow_ups[0].stakeholder_id == cfo


def test_follow_up_due_before_the_meeting_saves_nothing(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    meeting = lunch(ws, cfo)
    outcome = MeetingOutcome(
        notes="Should not be saved",
        sentiment=2,
        insights=(InsightData(cfo, K.GOAL, "Grow", themes=("Growth",)),),
        follow_ups=(
            FollowUpData("Fine", due_date=dt.date(2026, 3, 6)),
            FollowUpData("Too early", due_date=dt.date(2026, 3, 3)),
        ),
    )
    with pytest.raises(ValidationError) as error:
        ws.capture.record_meeting_outcome(meeting, outcome)
    assert error.value.field == "follow_ups.1.due_date"
    assert "before its meeting" in error.value.message
    unchanged = ws.meetings.get(meeting)
    assert (unchanged.status, unchanged.notes, unchanged.sentiment) == (
        MeetingStatus.PLANNED,
        "",
        None,
    )
    assert ws.insights.list() == [] and ws.followups.list() == []
    assert ws.insights.themes() == []


def test_insight_about_someone_not_at_the_meeting_is_refused(ws: Workspace) -> None:
    cfo, absent = person(ws, "Wang Wei"), person(ws, "Li Na")
    meeting = lunch(ws, cfo)
    outcome = MeetingOutcome(
        insights=(InsightData(cfo, K.GOAL, "Grow"), InsightData(absent, K.GOAL, "Hire"))
    )
    with pytest.raises(ValidationError) as error:
        ws.capture.record_meeting_outcome(meeting, outcome)
    assert error.value.field == "insights.1.stakeholder_id"
    assert ws.insights.list() == []


@pytest.mark.parametrize(
    ("outcome", "field"),
    [
        (MeetingOutcome(sentiment=3), "sentiment"),
        (MeetingOutcome(insights=(InsightData(0, K.CONCERN, " "),)), "insights.0.text"),
        (MeetingOutcome(follow_ups=(FollowUpData(""),)), "follow_ups.0.text"),
        (MeetingOutcome(follow_ups=(FollowUpData("x", due_date="soon"),)), "follow_ups.0.due_date"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(
    ws: Workspace, outcome: MeetingOutcome, field: str
) -> None:
    cfo = person(ws, "Wang Wei")
    meeting = lunch(ws, cfo)
    insights = tuple(InsightData(cfo, i.kind, i.text) for i in outcome.insights)
    outcome = MeetingOutcome(
        sentiment=outcome.sentiment, insights=insights, follow_ups=outcome.follow_ups
    )
    with pytest.raises(ValidationError) as error:
        ws.capture.record_meeting_outcome(meeting, outcome)
    assert error.value.field == field
    assert ws.meetings.get(meeting).status is MeetingStatus.PLANNED


def test_long_pasted_notes_are_kept_intact(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    meeting = lunch(ws, cfo)
    notes = ("会议纪要 notes & <tags> 🙂\n" * 5000)[:100_000]
    ws.capture.record_meeting_outcome(meeting, MeetingOutcome(notes=notes))
    assert ws.meetings.get(meeting).notes == notes


def test_undo_takes_the_capture_back(ws: Workspace) -> None:
    cfo = person(ws, "Wang Wei")
    meeting = lunch(ws, cfo)
    result = ws.capture.record_meeting_outcome(
        meeting,
        MeetingOutcome(
            notes="n",
            sentiment=-1,
            insights=(InsightData(cfo, K.CONCERN, "Cost"),),
            follow_ups=(FollowUpData("Call back"),),
        ),
    )
    restored = ws.capture.undo(result)
    assert restored == result.previous
    assert ws.insights.list() == [] and ws.followups.list() == []


def test_capture_of_a_missing_meeting(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        ws.capture.record_meeting_outcome(404, MeetingOutcome())
