"""`PlanContent`: everything a document shows, read once through the services
and filtered by the audience.

Section builders read only from here, never from the workspace, so two
things hold by construction: the figures are the services' figures, the very
ones the screens show (`ws.plan.horizon_view`, `ws.risks.heat_map`,
`ws.budget.summary`, `ws.traceability.report`, `ws.onboarding.coverage` ...),
and whatever the audience may not see is already gone (see `audience.py`).
Each reader is cached: one export reads each area once, whatever the number
of sections that use it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass

from cio_desk.export.audience import Audience
from cio_desk.services.budget import Budget, InitiativeBudget
from cio_desk.services.followups import FollowUpRecord
from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.insights import InsightRecord
from cio_desk.services.jargon import JargonRecord
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.onboarding import Coverage, MeetingCounts
from cio_desk.services.plan import (
    AssessmentItemRecord,
    GoalRecord,
    HorizonView,
    UnitSituationRecord,
)
from cio_desk.services.plan_health import HealthIssue
from cio_desk.services.profile import ProfileData
from cio_desk.services.register import RegisterRow
from cio_desk.services.review import ReviewRecord
from cio_desk.services.risks import HeatMap, RiskRecord
from cio_desk.services.stakeholders import StakeholderRecord
from cio_desk.services.tour import TourCompletion
from cio_desk.services.traceability import Traceability
from cio_desk.services.versions import PlanDiff, VersionRecord
from cio_desk.store.enums import HORIZONS, MeetingStatus, RiskStatus
from cio_desk.workspace import Workspace

# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class TracedItem:
    """A concern or proposal as a document shows it: the initiatives that address it."""

    insight: InsightRecord
    person: str  # "" where names are not attached
    initiatives: tuple[str, ...]  # titles of the initiatives addressing it


@dataclass(frozen=True)
class LogEntry:
    """A held meeting of the first 30 days, with what was learnt and promised."""

    meeting: MeetingRecord
    people: tuple[str, ...]
    notes: str
    insights: tuple[InsightRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]


# ---------------------------------------------------------------- content


class PlanContent:
    """The content of one export, for one audience, as of `now`."""

    def __init__(self, ws: Workspace, audience: Audience, now: dt.datetime) -> None:
        self._ws = ws
        self.audience = audience
        self.now = now

    @property
    def today(self) -> dt.date:
        return self.now.date()

    # ------------------------------------------------------------ who and when

    @functools.cached_property
    def profile(self) -> ProfileData | None:
        return self._ws.profile.get()

    @property
    def currency(self) -> str:
        return self.profile.currency if self.profile else "CNY"

    @functools.cached_property
    def versions(self) -> list[VersionRecord]:
        return self._ws.versions.list()

    @property
    def previous_version(self) -> VersionRecord | None:
        return self.versions[-1] if self.versions else None

    # ------------------------------------------------------------ the plan

    @functools.cached_property
    def goals(self) -> list[GoalRecord]:
        return self._ws.plan.goals.list()

    @functools.cached_property
    def principles(self) -> list[str]:
        return [p.text for p in self._ws.plan.principles.list()]

    @functools.cached_property
    def assessment(self) -> list[AssessmentItemRecord]:
        return self._ws.plan.assessment.list()

    @functools.cached_property
    def situations(self) -> list[UnitSituationRecord]:
        return self._ws.plan.situations.list()

    @functools.cached_property
    def initiatives(self) -> list[InitiativeRecord]:
        """Every initiative but the dropped ones, by horizon then rank."""
        return self._ws.plan.initiatives.list(include_dropped=False)

    @functools.cached_property
    def initiative_titles(self) -> dict[int, str]:
        return {i.id: i.title for i in self.initiatives}

    @functools.cached_property
    def milestones(self) -> dict[int, tuple[int, ...]]:
        """Initiative id -> the months of its milestones."""
        found: dict[int, list[int]] = defaultdict(list)
        for milestone in self._ws.plan.milestones.list():
            found[milestone.initiative_id].append(milestone.month)
        return {key: tuple(sorted(months)) for key, months in found.items()}

    @functools.cached_property
    def horizons(self) -> dict[int, HorizonView]:
        """Each horizon's measures, ranked priorities, contingencies and next steps,
        exactly as the Plan page's horizon tabs show them."""
        return {horizon: self._ws.plan.horizon_view(horizon) for horizon in HORIZONS}

    @functools.cached_property
    def risks(self) -> list[RiskRecord]:
        """The register in the service's order (residual score, highest first),
        closed risks last."""
        ordered = self._ws.risks.list()
        return sorted(ordered, key=lambda r: r.status == RiskStatus.CLOSED)

    @property
    def open_risks(self) -> list[RiskRecord]:
        """Risks not closed, highest residual score first."""
        return [r for r in self.risks if r.status != RiskStatus.CLOSED]

    @functools.cached_property
    def heat_map(self) -> HeatMap:
        """Risks not closed per cell, by residual score (after mitigation)."""
        return self._ws.risks.heat_map(residual=True)

    @functools.cached_property
    def inherent_heat_map(self) -> HeatMap:
        """Risks not closed per cell, by inherent score (before mitigation)."""
        return self._ws.risks.heat_map(residual=False)

    @functools.cached_property
    def budget(self) -> Budget:
        """The budget service's figures, exactly as the Budget page shows them."""
        return self._ws.budget.summary()

    @functools.cached_property
    def initiative_costs(self) -> dict[int, InitiativeBudget]:
        return {item.id: item for item in self.budget.initiatives}

    def initiative_cost(self, initiative_id: int) -> int:
        item = self.initiative_costs.get(initiative_id)
        return item.cost.total if item else 0

    def horizon_cost(self, horizon: int) -> int:
        totals = self.budget.by_horizon.get(horizon)
        return totals.total if totals else 0

    @functools.cached_property
    def health(self) -> list[HealthIssue]:
        """What a reviewer would question (plan health), for the reviewers' copies."""
        return self._ws.plan_health.check() if self.audience.reviewer_feedback else []

    # ------------------------------------------------------------ people

    @functools.cached_property
    def stakeholders(self) -> list[StakeholderRecord]:
        """Active stakeholders, notes removed unless the audience may read them."""
        return [
            _with_notes(person, self.audience.stakeholder_notes(person))
            for person in self._ws.stakeholders.list()
        ]

    @functools.cached_property
    def register_rows(self) -> dict[int, RegisterRow]:
        """The Stakeholders page's rows (met, last contact ...), by stakeholder id."""
        return {row.id: row for row in self._ws.register.rows()}

    @functools.cached_property
    def coverage(self) -> Coverage:
        return self._ws.onboarding.coverage()

    @functools.cached_property
    def tour(self) -> TourCompletion:
        return self._ws.tour.completion()

    @functools.cached_property
    def meeting_counts(self) -> MeetingCounts | None:
        day = self._ws.onboarding.day(self.today)
        return self._ws.onboarding.meeting_counts(day) if day else None

    @functools.cached_property
    def insights(self) -> list[InsightRecord]:
        """The insights this audience may read."""
        return self.audience.insights(self._ws.insights.list())

    @functools.cached_property
    def traceability(self) -> Traceability:
        """Concern -> initiative traceability, without what this audience may not read."""
        return self.audience.traceability(self._ws.traceability.report())

    @functools.cached_property
    def traced(self) -> list[TracedItem]:
        """Concerns and proposals with the initiatives that address them."""
        by_id = {insight.id: insight for insight in self.insights}
        titles = self.initiative_titles
        return [
            TracedItem(
                insight=by_id[item.id],
                person=self.audience.name(item.stakeholder_name),
                initiatives=tuple(titles[i] for i in item.initiative_ids if i in titles),
            )
            for item in self.traceability.insights
            if item.id in by_id
        ]

    @functools.cached_property
    def log(self) -> list[LogEntry]:
        """Held meetings of the first month (to the plan due day), oldest first."""
        if not self.audience.names or self.profile is None:
            return []
        start = dt.datetime.combine(self.profile.start_date, dt.time.min)
        end = start + dt.timedelta(days=self.profile.plan_due_day)
        meetings = self._ws.meetings.list(start=start, end=end, status=MeetingStatus.HELD)
        by_meeting: dict[int, list[InsightRecord]] = defaultdict(list)
        for insight in self.insights:
            if insight.meeting_id is not None:
                by_meeting[insight.meeting_id].append(insight)
        follow_ups: dict[int, list[FollowUpRecord]] = defaultdict(list)
        for item in self._ws.followups.list():
            if item.meeting_id is not None:
                follow_ups[item.meeting_id].append(item)
        return [
            LogEntry(
                meeting=meeting,
                people=meeting.attendee_names,
                notes=self.audience.meeting_notes(meeting),
                insights=tuple(by_meeting.get(meeting.id, ())),
                follow_ups=tuple(follow_ups.get(meeting.id, ())),
            )
            for meeting in meetings
        ]

    # ------------------------------------------------------------ review

    @functools.cached_property
    def changes(self) -> PlanDiff | None:
        """What changed since the previous version (None: this is the first)."""
        previous = self.previous_version
        return self._ws.versions.compare(previous.number) if previous else None

    @functools.cached_property
    def feedback_addressed(self) -> list[ReviewRecord]:
        """Reviewer feedback addressed since the previous version."""
        if not self.audience.reviewer_feedback:
            return []
        previous = self.previous_version
        return self._ws.review.addressed_since(previous.number if previous else None)

    @functools.cached_property
    def jargon_terms(self) -> list[JargonRecord]:
        return self._ws.jargon.list()


def _with_notes(person: StakeholderRecord, notes: str) -> StakeholderRecord:
    return person if person.notes == notes else dataclasses.replace(person, notes=notes)
