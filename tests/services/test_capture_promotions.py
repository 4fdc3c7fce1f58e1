"""Capture with referrals added to the register at once, and undo/redo of a capture."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.capture import MeetingOutcome
from cio_desk.services.followups import FollowUpData
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

K = InsightKind
WHEN = dt.datetime(2026, 3, 4, 12, 0)


def person(ws: Workspace, name: str) -> int:
    return ws.stakeholders.add(StakeholderData(name=name)).id


def lunch(ws: Workspace, *attendees: int) -> int:
    data = MeetingData(starts_at=WHEN, ends_at=WHEN + dt.timedelta(hours=1), attendee_ids=attendees)
    return ws.meetings.add(data).id


def names(ws: Workspace) -> list[str]:
    return [s.name for s in ws.stakeholders.list()]


def test_a_typed_referral_can_join_the_register_in_the_same_step(ws: Workspace) -> None:
    cfo, ops = person(ws, "王伟"), person(ws, "Li Na")
    meeting = lunch(ws, cfo, ops)
    outcome = MeetingOutcome(
        insights=(
            InsightData(cfo, K.REFERRAL, referred_name="Zhao Min"),
            InsightData(ops, K.REFERRAL, "Runs plant 2", referred_name="zhao  min"),
            InsightData(ops, K.REFERRAL, referred_name="Old CIO"),
        ),
        promote=(0, 1),
    )

    result = ws.capture.record_meeting_outcome(meeting, outcome)

    assert names(ws) == ["Li Na", "Zhao Min", "王伟"]
    (promotion,) = result.promotions  # the second spelling was linked by the first
    zhao = promotion.stakeholder.id
    linked = [ws.insights.get(i.id).referred_stakeholder_id for i in result.insights]
    assert linked == [zhao, zhao, None]  # "Old CIO" stays a name, as asked


def test_only_a_typed_name_can_be_promoted(ws: Workspace) -> None:
    cfo, ops = person(ws, "王伟"), person(ws, "Li Na")
    meeting = lunch(ws, cfo, ops)
    outcome = MeetingOutcome(
        insights=(
            InsightData(cfo, K.GOAL, "Close in 3 days"),
            InsightData(cfo, K.REFERRAL, referred_stakeholder_id=ops),
        ),
        promote=(1,),
    )

    with pytest.raises(ValidationError) as caught:
        ws.capture.record_meeting_outcome(meeting, outcome)

    assert caught.value.field == "insights.1.referred_name"
    assert ws.meetings.get(meeting).status is MeetingStatus.PLANNED  # nothing saved
    assert ws.insights.list() == []


def test_undo_takes_back_people_added_and_redo_keeps_the_ids(ws: Workspace) -> None:
    cfo = person(ws, "王伟")
    meeting = lunch(ws, cfo)
    outcome = MeetingOutcome(
        notes="Frank talk",
        sentiment=2,
        insights=(
            InsightData(cfo, K.CONCERN, "ERP cost", themes=("ERP",)),
            InsightData(cfo, K.REFERRAL, referred_name="Zhao Min"),
        ),
        follow_ups=(FollowUpData("Send the ERP audit", due_date=dt.date(2026, 3, 9)),),
        promote=(1,),
    )
    result = ws.capture.record_meeting_outcome(meeting, outcome)

    ws.capture.undo(result)

    assert names(ws) == ["王伟"]
    assert ws.insights.list() == [] and ws.followups.list() == []
    assert ws.meetings.get(meeting).status is MeetingStatus.PLANNED
    assert ws.meetings.get(meeting).notes == ""

    again = ws.capture.redo(result)

    stored = ws.meetings.get(meeting)
    assert (stored.status, stored.notes, stored.sentiment) == (MeetingStatus.HELD, "Frank talk", 2)
    assert [i.id for i in ws.insights.list()] == [i.id for i in result.insights]
    assert ws.insights.get(result.insights[0].id).themes == ("ERP",)
    assert [f.id for f in ws.followups.list()] == [f.id for f in result.follow_ups]
    assert names(ws) == ["Zhao Min", "王伟"]
    assert again.promotions and again.promotions[0].stakeholder.name == "Zhao Min"

    ws.capture.undo(again)  # undo after redo works the same way
    assert names(ws) == ["王伟"] and ws.insights.list() == []
