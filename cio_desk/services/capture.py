"""After-meeting capture: the meeting's outcome recorded in one transaction.

Right after a meeting the CIO marks it held and writes down, per attendee,
the five things (goals, proposals, concerns, how to help, referrals), the
notes, the mood and the follow-ups promised. Either all of it is saved or,
on any bad input, none of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.followups import FollowUpData, FollowUpRecord, create_follow_up
from cio_desk.services.insights import InsightData, InsightRecord, create_insight
from cio_desk.services.meetings import MeetingRecord, change_meeting, meeting_record
from cio_desk.services.themes import ThemeResolver
from cio_desk.store.enums import MeetingStatus
from cio_desk.store.models import FollowUp, Insight, Meeting


@dataclass(frozen=True)
class MeetingOutcome:
    """What the capture dialog collects; `meeting_id` of the items is ignored."""

    notes: str = ""
    notes_confidential: bool = True
    sentiment: int | None = None
    thank_you_sent: bool = False
    insights: tuple[InsightData, ...] = ()
    follow_ups: tuple[FollowUpData, ...] = ()


@dataclass(frozen=True)
class CaptureResult:
    """What was saved, and the meeting as it was before, for undo."""

    meeting: MeetingRecord
    previous: MeetingRecord
    insights: tuple[InsightRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]


_OUTCOME_FIELDS = ("notes", "notes_confidential", "sentiment", "thank_you_sent")


class CaptureService(Manager):
    """`ws.capture`: record (and take back) what a meeting brought."""

    def record_meeting_outcome(self, meeting_id: int, outcome: MeetingOutcome) -> CaptureResult:
        """Mark the meeting held and save its outcome, all or nothing.

        Insights must be about attendees. A follow-up without a stakeholder
        from a one-to-one meeting is linked to that attendee. Bad input
        raises ValidationError whose field names the item, such as
        `insights.2.text` or `follow_ups.0.due_date`.
        """
        with self._write() as session:
            row = get_or_raise(session, Meeting, meeting_id, "meeting")
            previous = meeting_record(row)
            meeting = change_meeting(
                session,
                meeting_id,
                status=MeetingStatus.HELD,
                **{f: getattr(outcome, f) for f in _OUTCOME_FIELDS},
            )
            attendees = meeting.attendee_ids
            insights = _add_insights(session, meeting_id, attendees, outcome.insights)
            follow_ups = _add_follow_ups(session, meeting_id, attendees, outcome.follow_ups)
            return CaptureResult(meeting, previous, insights, follow_ups)

    def undo(self, result: CaptureResult) -> MeetingRecord:
        """Take back a capture: its insights and follow-ups go, the meeting reverts."""
        with self._write() as session:
            for model, items in ((Insight, result.insights), (FollowUp, result.follow_ups)):
                for item in items:
                    row = session.get(model, item.id)
                    if row is not None:
                        session.delete(row)
            before = result.previous
            return change_meeting(
                session,
                before.id,
                status=before.status,
                **{f: getattr(before, f) for f in _OUTCOME_FIELDS},
            )


def _add_insights(
    session: Session, meeting_id: int, attendees: tuple[int, ...], items: tuple[InsightData, ...]
) -> tuple[InsightRecord, ...]:
    themes = ThemeResolver(session)
    saved = []
    for index, item in enumerate(items):
        with _item_errors("insights", index):
            if item.stakeholder_id not in attendees:
                raise ValidationError(
                    "stakeholder_id", "An insight from this meeting must be about an attendee."
                )
            data = dataclasses.replace(item, meeting_id=meeting_id)
            saved.append(create_insight(session, data, themes=themes))
    return tuple(saved)


def _add_follow_ups(
    session: Session, meeting_id: int, attendees: tuple[int, ...], items: tuple[FollowUpData, ...]
) -> tuple[FollowUpRecord, ...]:
    only_attendee = attendees[0] if len(attendees) == 1 else None
    saved = []
    for index, item in enumerate(items):
        with _item_errors("follow_ups", index):
            stakeholder_id = only_attendee if item.stakeholder_id is None else item.stakeholder_id
            data = dataclasses.replace(
                item,
                meeting_id=meeting_id,
                stakeholder_id=stakeholder_id,
                quick_win=bool(item.quick_win),
            )
            saved.append(create_follow_up(session, data))
    return tuple(saved)


@contextmanager
def _item_errors(collection: str, index: int) -> Iterator[None]:
    """Prefix a ValidationError's field with the list item it came from."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError(f"{collection}.{index}.{exc.field}", exc.message) from exc
