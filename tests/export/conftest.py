"""Hand-made plans for the export tests, and ways to read a PDF back."""

from __future__ import annotations

import datetime as dt

import pytest
from pdf_helpers import OPEN_NOTE, SECRET_INSIGHT, SECRET_MEETING, SECRET_PERSON, Plan

from cio_desk.services.initiatives import InitiativeData, InitiativeManager
from cio_desk.services.insights import InsightData, InsightManager
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import (
    AssessmentKind,
    CostCategory,
    CostRecurrence,
    InsightKind,
    MeetingStatus,
    RiskCategory,
    Stance,
)
from cio_desk.store.models import (
    AssessmentItem,
    Contingency,
    CostLine,
    Goal,
    Measure,
    NextStep,
    Principle,
    Risk,
)
from cio_desk.workspace import Workspace


@pytest.fixture
def plan(ws: Workspace) -> Plan:
    """A small plan with one confidential marker in every confidential field."""
    cfo = ws.stakeholders.add(
        StakeholderData(
            name="Li Wei 李伟",
            title="CFO",
            unit="Finance",
            influence=5,
            interest=4,
            stance=Stance.SCEPTIC,
            notes=f"{SECRET_PERSON} doubts every IT budget",
        )
    )
    coo = ws.stakeholders.add(
        StakeholderData(name="Wang Fang", title="COO", influence=4, interest=5)
    )
    secret_meeting = ws.meetings.add(
        MeetingData(
            starts_at=dt.datetime(2026, 3, 4, 9),
            ends_at=dt.datetime(2026, 3, 4, 10),
            attendee_ids=(cfo.id,),
            title="Coffee with the CFO",
            status=MeetingStatus.HELD,
            notes=f"{SECRET_MEETING} thinks the ERP is doomed",
            notes_confidential=True,
        )
    )
    ws.meetings.add(
        MeetingData(
            starts_at=dt.datetime(2026, 3, 5, 14),
            ends_at=dt.datetime(2026, 3, 5, 15),
            attendee_ids=(coo.id,),
            title="Plant tour",
            status=MeetingStatus.HELD,
            notes=OPEN_NOTE,
            notes_confidential=False,
        )
    )
    insights = InsightManager(ws.sessions)
    concern = insights.add(
        InsightData(
            stakeholder_id=cfo.id,
            kind=InsightKind.CONCERN,
            text="Month-end close takes 12 days in the ERP",
            meeting_id=secret_meeting.id,
            themes=("Finance",),
        )
    )
    insights.add(
        InsightData(
            stakeholder_id=cfo.id,
            kind=InsightKind.CONCERN,
            text=f"{SECRET_INSIGHT} the board may cut IT",
            confidential=True,
            meeting_id=secret_meeting.id,
        )
    )
    with ws.sessions.begin() as session:
        goal = Goal(title="Close the books in 5 days", description="Finance first")
        session.add_all(
            [
                goal,
                Principle(text="Save money before spending it"),
                AssessmentItem(kind=AssessmentKind.PAIN_POINT, text="Capacity planning is manual"),
                Risk(
                    title="Key vendor fails",
                    category=RiskCategory.VENDOR,
                    likelihood=4,
                    impact=5,
                    owner="Procurement",
                    mitigation="Second vendor on contract",
                ),
                Measure(
                    name="Days to close the books", unit="days", baseline=12, target=5, horizon=6
                ),
                NextStep(horizon=6, text="Agree the ERP scope with the CFO", owner="CIO"),
                Contingency(trigger="The budget is refused", response="Phase it", horizon=12),
            ]
        )
        session.flush()
        goal_id = goal.id
    manager = InitiativeManager(ws.sessions)
    first = manager.add(
        InitiativeData(
            title="Faster month-end close",
            horizon=6,
            start_month=1,
            end_month=6,
            goal_ids=(goal_id,),
            insight_ids=(concern.id,),
        )
    )
    second = manager.add(
        InitiativeData(title="Data platform", horizon=24, start_month=7, end_month=20)
    )
    with ws.sessions.begin() as session:
        session.add_all(
            [
                CostLine(
                    initiative_id=first.id, category=CostCategory.LICENCE, amount_minor=12_000_00
                ),
                CostLine(
                    initiative_id=first.id,
                    category=CostCategory.STAFF,
                    recurrence=CostRecurrence.PER_YEAR,
                    amount_minor=3_000_00,
                ),
                CostLine(
                    initiative_id=second.id,
                    category=CostCategory.INFRASTRUCTURE,
                    amount_minor=40_000_00,
                ),
            ]
        )
    return Plan(ws, (first.id, second.id))
