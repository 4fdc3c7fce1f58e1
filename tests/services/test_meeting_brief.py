"""Brief me on any meeting: its attendees' briefs and who else is going cold."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError
from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core


def test_meeting_brief_covers_every_attendee(ws: Workspace) -> None:
    cfo = ws.stakeholders.add(StakeholderData(name="王伟", cadence_days=7)).id
    ops = ws.stakeholders.add(StakeholderData(name="Li Na")).id
    start = dt.datetime(2026, 3, 3, 9)
    held = ws.meetings.add(
        MeetingData(start, start + dt.timedelta(hours=1), (cfo,), status=MeetingStatus.HELD)
    ).id
    ws.insights.add(InsightData(cfo, InsightKind.CONCERN, "ERP cost", meeting_id=held))
    later = dt.datetime(2026, 3, 20, 9)
    upcoming = ws.meetings.add(MeetingData(later, later + dt.timedelta(hours=1), (cfo, ops))).id

    brief = ws.register.meeting_brief(upcoming, dt.date(2026, 3, 19))

    assert brief.meeting.id == upcoming
    assert [a.stakeholder.name for a in brief.attendees] == ["Li Na", "王伟"]
    wang = brief.attendees[1]
    assert [i.text for i in wang.insights[InsightKind.CONCERN]] == ["ERP cost"]
    assert [m.id for m in wang.past_meetings] == [held]
    assert wang.going_cold is not None and wang.going_cold.days_overdue == 9
    assert [c.name for c in brief.going_cold] == ["王伟"]
    with pytest.raises(NotFoundError):
        ws.register.meeting_brief(upcoming + 100, dt.date(2026, 3, 19))
