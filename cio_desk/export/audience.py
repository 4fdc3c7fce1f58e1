"""Who a document is for, and so what it may show: the one confidentiality filter.

- executive: business language; concerns and proposals by theme with no
  names attached; no notes of any kind; no first-30-days log;
- coach: names and the log, but nothing confidential;
- personal: everything, marked private on every page.

Confidential items are confidential insights, meeting notes marked
confidential, every stakeholder note (candid by nature), and a person's tie
to an initiative known only from confidential insights. Every export reads
people, insights, meetings and traceability through `Audience`, and nothing
else decides what leaves the laptop.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from cio_desk.services.insights import InsightRecord
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.stakeholders import StakeholderRecord
from cio_desk.services.traceability import Traceability
from cio_desk.store.enums import AudienceProfile

T = TypeVar("T")

# The sections each profile leaves out whatever the user picks.
_EXCLUDED_SECTIONS = {
    AudienceProfile.EXECUTIVE: frozenset({"log"}),
    AudienceProfile.COACH: frozenset(),
    AudienceProfile.PERSONAL: frozenset(),
}


@dataclass(frozen=True)
class Audience:
    """The profile of one export and the rules that follow from it."""

    profile: AudienceProfile

    @property
    def confidential(self) -> bool:
        """Confidential insights, notes and stakeholder notes may appear."""
        return self.profile is AudienceProfile.PERSONAL

    @property
    def names(self) -> bool:
        """People are named (on the grid, beside concerns, in the log)."""
        return self.profile is not AudienceProfile.EXECUTIVE

    @property
    def notes(self) -> bool:
        """Meeting notes not marked confidential may appear."""
        return self.profile is not AudienceProfile.EXECUTIVE

    @property
    def reviewer_feedback(self) -> bool:
        """Reviewer feedback and open plan questions may appear (not for executives)."""
        return self.profile is not AudienceProfile.EXECUTIVE

    def allows_section(self, key: str) -> bool:
        return key not in _EXCLUDED_SECTIONS[self.profile]

    def insights(self, records: Iterable[InsightRecord]) -> list[InsightRecord]:
        """The insights this audience may read."""
        return [r for r in records if self.confidential or not r.confidential]

    def insight_ids(self, records: Iterable[InsightRecord]) -> set[int]:
        return {r.id for r in self.insights(records)}

    def traceability(self, report: Traceability) -> Traceability:
        """The traceability report without what this audience may not read."""
        return report if self.confidential else report.without_confidential()

    def meeting_notes(self, meeting: MeetingRecord) -> str:
        """The meeting's notes, or "" where this audience may not read them."""
        if meeting.notes_confidential:
            return meeting.notes if self.confidential else ""
        return meeting.notes if self.notes else ""

    def stakeholder_notes(self, person: StakeholderRecord) -> str:
        return person.notes if self.confidential else ""

    def name(self, name: str) -> str:
        """A person's name, or "" where names are not attached."""
        return name if self.names else ""
