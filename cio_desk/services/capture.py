"""After-meeting capture: the meeting's outcome recorded in one transaction.

Right after a meeting the CIO marks it held and writes down, per attendee,
the five things (goals, proposals, concerns, how to help, referrals), the
notes, the mood and the follow-ups promised. Either all of it is saved or,
on any bad input, none of it. New names given as referrals can be added to
the register in the same step (`MeetingOutcome.promote`).
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
from cio_desk.services.insights import (
    InsightData,
    InsightManager,
    InsightRecord,
    Promotion,
    create_insight,
)
from cio_desk.services.meetings import MeetingRecord, change_meeting, meeting_record
from cio_desk.services.themes import ThemeResolver
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.store.models import FollowUp, Insight, Meeting, Stakeholder


@dataclass(frozen=True)
class MeetingOutcome:
    """What the capture dialog collects; `meeting_id` of the items is ignored."""

    notes: str = ""
    notes_confidential: bool = True
    sentiment: int | None = None
    thank_you_sent: bool = False
    insights: tuple[InsightData, ...] = ()
    follow_ups: tuple[FollowUpData, ...] = ()
    # Positions in `insights` of referrals by a typed name to add to the register.
    promote: tuple[int, ...] = ()


@dataclass(frozen=True)
class CaptureResult:
    """What was saved, and the meeting as it was before, for undo."""

    meeting: MeetingRecord
    previous: MeetingRecord
    insights: tuple[InsightRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]
    promotions: tuple[Promotion, ...] = ()
    promote: tuple[int, ...] = ()  # as given, so that `redo` can promote again


_OUTCOME_FIELDS = ("notes", "notes_confidential", "sentiment", "thank_you_sent")
_FOLLOW_UP_FIELDS = tuple(f.name for f in dataclasses.fields(FollowUpData))


class CaptureService(Manager):
    """`ws.capture`: record (and take back) what a meeting brought."""

    def record_meeting_outcome(self, meeting_id: int, outcome: MeetingOutcome) -> CaptureResult:
        """Mark the meeting held and save its outcome, all or nothing.

        Insights must be about attendees. A follow-up without a stakeholder
        from a one-to-one meeting is linked to that attendee. Bad input
        raises ValidationError whose field names the item, such as
        `insights.2.text` or `follow_ups.0.due_date`.

        The referrals listed in `outcome.promote` are then added to the
        register (`ws.insights.promote_referral`); should that fail, the
        whole capture is taken back.
        """
        _check_promote(outcome)
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
        result = CaptureResult(meeting, previous, insights, follow_ups, promote=outcome.promote)
        return self._promote(result)

    def redo(self, result: CaptureResult) -> CaptureResult:
        """Record an undone capture again, with the same ids (later edits may use them)."""
        with self._write() as session:
            meeting = change_meeting(
                session,
                result.meeting.id,
                status=MeetingStatus.HELD,
                **{f: getattr(result.meeting, f) for f in _OUTCOME_FIELDS},
            )
            themes = ThemeResolver(session)
            for item in result.insights:
                data = InsightData(**{f.name: getattr(item, f.name) for f in _INSIGHT_FIELDS})
                create_insight(
                    session, data, insight_id=item.id, created_at=item.created_at, themes=themes
                )
            for follow_up in result.follow_ups:
                _restore_follow_up(session, follow_up)
        again = dataclasses.replace(result, meeting=meeting, promotions=())
        return self._promote(again)

    def undo(self, result: CaptureResult) -> MeetingRecord:
        """Take back a capture: its insights, follow-ups and new people go; the meeting reverts."""
        insights = InsightManager(self._sessions)
        for promotion in reversed(result.promotions):
            insights.undo_promotion(promotion)
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

    def _promote(self, result: CaptureResult) -> CaptureResult:
        """Add the chosen referred names to the register; all of them or, on error, nothing."""
        insights = InsightManager(self._sessions)
        promotions: list[Promotion] = []
        linked: set[int] = set()
        try:
            for index in result.promote:
                insight_id = result.insights[index].id
                if insight_id in linked:  # the same name, promoted a moment ago
                    continue
                promotion = insights.promote_referral(insight_id)
                promotions.append(promotion)
                linked.update(linked_id for linked_id, _name in promotion.linked)
        except Exception:
            self.undo(dataclasses.replace(result, promotions=tuple(promotions)))
            raise
        return dataclasses.replace(result, promotions=tuple(promotions))


_INSIGHT_FIELDS = dataclasses.fields(InsightData)


def _check_promote(outcome: MeetingOutcome) -> None:
    """Only referrals by a typed name can be added to the register."""
    for index in outcome.promote:
        if not 0 <= index < len(outcome.insights):
            raise ValidationError("promote", "Only a referral from this write-up can be added.")
        item = outcome.insights[index]
        if item.kind != InsightKind.REFERRAL or item.referred_stakeholder_id is not None:
            raise ValidationError(
                f"insights.{index}.referred_name",
                "Only a new name, not someone already in the register, can be added to it.",
            )


def _restore_follow_up(session: Session, record: FollowUpRecord) -> None:
    """Put back a follow-up removed by `undo`, as it was saved (not done)."""
    if (
        record.stakeholder_id is not None
        and session.get(Stakeholder, record.stakeholder_id) is None
    ):
        raise ValidationError("stakeholder_id", "The stakeholder is no longer in the register.")
    values = {f: getattr(record, f) for f in _FOLLOW_UP_FIELDS}
    session.add(FollowUp(id=record.id, done=False, done_on=None, **values))
    session.flush()


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
