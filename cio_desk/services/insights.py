"""Insights: the five things learnt about each stakeholder, tagged with themes.

A referral names the person someone suggested the CIO should meet: either a
stakeholder already in the register or a name not yet in it (a *pending*
referral), which `promote_referral` turns into a stakeholder in one step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased, selectinload

from cio_desk.errors import ValidationError
from cio_desk.services.base import get_or_raise
from cio_desk.services.stakeholders import StakeholderData, StakeholderRecord, create_stakeholder
from cio_desk.services.text import check_choice, clean_text
from cio_desk.services.themes import ThemeMethods, ThemeResolver, clean_theme_names
from cio_desk.store.enums import InsightKind
from cio_desk.store.models import (
    FollowUp,
    Insight,
    Meeting,
    MeetingAttendee,
    Stakeholder,
    insight_theme,
)

KIND_LABELS = {
    InsightKind.GOAL: "Goal",
    InsightKind.PROPOSAL: "Proposal",
    InsightKind.CONCERN: "Concern",
    InsightKind.HOW_TO_HELP: "How to help",
    InsightKind.REFERRAL: "Referral",
}


@lru_cache(maxsize=16_384)  # the whole register's names are keyed on each read of referrals
def name_key(name: str) -> str:
    """How two spellings of a name are compared: case and spaces ignored."""
    return "".join(name.split()).casefold()


@dataclass(frozen=True)
class InsightData:
    """One thing learnt about a stakeholder (input of add and update)."""

    stakeholder_id: int
    kind: InsightKind
    text: str = ""
    confidential: bool = False
    meeting_id: int | None = None
    referred_stakeholder_id: int | None = None
    referred_name: str = ""
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class InsightRecord(InsightData):
    """A stored insight, with the names it points to for display."""

    id: int = 0
    created_at: dt.datetime | None = None
    stakeholder_name: str = ""
    referred_stakeholder_name: str = ""

    @property
    def is_pending_referral(self) -> bool:
        """A referral to someone not yet in the register."""
        return self.kind is InsightKind.REFERRAL and self.referred_stakeholder_id is None

    @property
    def referred_label(self) -> str:
        """The referred person's name, whether in the register or not."""
        return self.referred_stakeholder_name or self.referred_name


@dataclass(frozen=True)
class Promotion:
    """A referral promoted to the register, and the referrals linked to them."""

    stakeholder: StakeholderRecord
    linked: tuple[tuple[int, str], ...]  # (insight id, the name as it was typed)


@dataclass(frozen=True)
class ReferralLink:
    """Pending referrals pointed at someone already in the register (see `link_referral`)."""

    stakeholder_id: int
    linked: tuple[tuple[int, str], ...]  # (insight id, the name as it was typed)


_COLUMNS = (
    "stakeholder_id",
    "kind",
    "text",
    "confidential",
    "meeting_id",
    "referred_stakeholder_id",
    "referred_name",
)
_FIELDS = frozenset(f.name for f in dataclasses.fields(InsightData))


class InsightManager(ThemeMethods):
    """`ws.insights`: what each stakeholder said, and the themes across them."""

    def add(self, data: InsightData) -> InsightRecord:
        with self._write() as session:
            return create_insight(session, data)

    def update(self, insight_id: int, **changes: Any) -> InsightRecord:
        """Change some fields; the whole insight is validated again.

        Changing the kind away from a referral drops the referred person.
        """
        unknown = set(changes) - _FIELDS
        if unknown:
            raise TypeError(f"Unknown insight fields: {sorted(unknown)}")
        with self._write() as session:
            row = _load(session, insight_id)
            current = _to_data(row)
            if changes.get("kind", current.kind) != InsightKind.REFERRAL:
                changes.setdefault("referred_stakeholder_id", None)
                changes.setdefault("referred_name", "")
            clean = validate_insight(session, dataclasses.replace(current, **changes))
            for column in _COLUMNS:
                setattr(row, column, getattr(clean, column))
            if "themes" in changes:
                row.themes = ThemeResolver(session).resolve(clean.themes)
            session.flush()
            return _fetch_one(session, row.id)

    def get(self, insight_id: int) -> InsightRecord:
        with self._read() as session:
            _load(session, insight_id)
            return _fetch_one(session, insight_id)

    def delete(self, insight_id: int) -> InsightRecord:
        """Remove an insight; `restore` with the returned record puts it back."""
        with self._write() as session:
            row = _load(session, insight_id)
            record = _fetch_one(session, insight_id)
            session.delete(row)
            return record

    def restore(self, record: InsightRecord) -> InsightRecord:
        """Put a deleted insight back with its id, date, links and themes."""
        with self._write() as session:
            if session.get(Insight, record.id) is not None:
                raise ValidationError("id", "This insight is already in the workspace.")
            data = InsightData(**{f: getattr(record, f) for f in _FIELDS})
            return create_insight(session, data, insight_id=record.id, created_at=record.created_at)

    def list(
        self,
        *,
        stakeholder_id: int | None = None,
        kind: InsightKind | None = None,
        meeting_id: int | None = None,
        theme_id: int | None = None,
        active_only: bool = False,
    ) -> list[InsightRecord]:
        """Insights in the order they were recorded, optionally narrowed.

        `active_only` leaves out what archived stakeholders said (as the
        theme counts do).
        """
        query = _record_query()
        if active_only:
            query = query.where(_Owner.archived.is_(False))
        if stakeholder_id is not None:
            query = query.where(Insight.stakeholder_id == stakeholder_id)
        if kind is not None:
            query = query.where(Insight.kind == kind)
        if meeting_id is not None:
            query = query.where(Insight.meeting_id == meeting_id)
        if theme_id is not None:
            tagged = select(insight_theme.c.insight_id).where(insight_theme.c.theme_id == theme_id)
            query = query.where(Insight.id.in_(tagged))
        with self._read() as session:
            return _records(session, query)

    def for_stakeholder(self, stakeholder_id: int) -> dict[InsightKind, list[InsightRecord]]:
        """A stakeholder's insights grouped by the five kinds (all five present)."""
        grouped: dict[InsightKind, list[InsightRecord]] = {kind: [] for kind in InsightKind}
        for record in self.list(stakeholder_id=stakeholder_id):
            grouped[record.kind].append(record)
        return grouped

    # ------------------------------------------------------------ referrals

    def promote_referral(self, insight_id: int, data: StakeholderData | None = None) -> Promotion:
        """Add a referred person to the register and link every referral to them.

        Every pending referral carrying the same name (case and spaces
        ignored) now points to the new stakeholder. `data` defaults to the
        referred name alone.
        """
        with self._write() as session:
            row = _load(session, insight_id)
            if row.kind is not InsightKind.REFERRAL:
                raise ValidationError("kind", "Only a referral can be added to the register.")
            if row.referred_stakeholder_id is not None:
                raise ValidationError(
                    "referred_stakeholder_id", "This person is already in the register."
                )
            person = create_stakeholder(session, data or StakeholderData(name=row.referred_name))
            key = name_key(row.referred_name)
            linked = []
            for other in session.scalars(_pending_referrals()):
                if other.id == row.id or name_key(other.referred_name) == key:
                    linked.append((other.id, other.referred_name))
                    other.referred_stakeholder_id = person.id
                    other.referred_name = ""
            return Promotion(stakeholder=person, linked=tuple(linked))

    def link_referral(self, insight_id: int, stakeholder_id: int) -> ReferralLink:
        """Point a pending referral at someone already in the register.

        Every other pending referral carrying the same name (case and spaces
        ignored) is linked too, except one that would name its own author.
        """
        with self._write() as session:
            row = _load(session, insight_id)
            if row.kind is not InsightKind.REFERRAL or row.referred_stakeholder_id is not None:
                raise ValidationError(
                    "referred_stakeholder_id", "Only a name not yet in the register can be linked."
                )
            person = _existing_stakeholder(session, stakeholder_id, "referred_stakeholder_id")
            if row.stakeholder_id == person.id:
                raise ValidationError(
                    "referred_stakeholder_id", "A person cannot refer you to themselves."
                )
            key = name_key(row.referred_name)
            linked = []
            for other in session.scalars(_pending_referrals()):
                same = other.id == row.id or name_key(other.referred_name) == key
                if same and other.stakeholder_id != person.id:
                    linked.append((other.id, other.referred_name))
                    other.referred_stakeholder_id = person.id
                    other.referred_name = ""
            return ReferralLink(stakeholder_id=person.id, linked=tuple(linked))

    def unlink_referral(self, link: ReferralLink) -> None:
        """Take back `link_referral`: the referrals carry the typed names again."""
        with self._write() as session:
            for insight_id, name in link.linked:
                row = session.get(Insight, insight_id)
                if row is not None and row.referred_stakeholder_id == link.stakeholder_id:
                    row.referred_stakeholder_id = None
                    row.referred_name = name

    def undo_promotion(self, promotion: Promotion) -> None:
        """Take back `promote_referral`: the names return, the person goes."""
        with self._write() as session:
            person_id = promotion.stakeholder.id
            linked_ids = tuple(insight_id for insight_id, _name in promotion.linked)
            if _has_history(session, person_id, linked_ids):
                raise ValidationError(
                    "stakeholder_id",
                    f"{promotion.stakeholder.name} now has meetings or notes of their own; "
                    "archive them instead.",
                )
            for insight_id, name in promotion.linked:
                row = session.get(Insight, insight_id)
                if row is not None and row.referred_stakeholder_id == person_id:
                    row.referred_stakeholder_id = None
                    row.referred_name = name
            session.flush()
            person = session.get(Stakeholder, person_id)
            if person is not None:
                session.delete(person)


# ---------------------------------------------------------------- session-level helpers


def create_insight(
    session: Session,
    data: InsightData,
    *,
    insight_id: int | None = None,
    created_at: dt.datetime | None = None,
    themes: ThemeResolver | None = None,
) -> InsightRecord:
    """Add an insight inside the caller's transaction."""
    clean = validate_insight(session, data)
    row = Insight(**{c: getattr(clean, c) for c in _COLUMNS})
    if insight_id is not None:
        row.id = insight_id
    if created_at is not None:
        row.created_at = created_at
    row.themes = (themes or ThemeResolver(session)).resolve(clean.themes)
    session.add(row)
    session.flush()
    return _fetch_one(session, row.id)


def validate_insight(session: Session, data: InsightData) -> InsightData:
    """A cleaned copy of `data`, or ValidationError naming the field."""
    kind = check_choice(data.kind, InsightKind, field="kind", label="Kind")
    owner = _existing_stakeholder(session, data.stakeholder_id, "stakeholder_id")
    if data.meeting_id is not None and session.get(Meeting, _as_id(data.meeting_id)) is None:
        raise ValidationError("meeting_id", "The meeting no longer exists.")
    referred_name = clean_text(
        data.referred_name,
        field="referred_name",
        label="The referred name",
        single_line=True,
        max_length=200,
    )
    is_referral = kind is InsightKind.REFERRAL
    text = clean_text(data.text, field="text", label=KIND_LABELS[kind], required=not is_referral)
    if is_referral:
        referred = _check_referral(session, owner, data.referred_stakeholder_id, referred_name)
        text = text if text.strip() else referred
    elif data.referred_stakeholder_id is not None or referred_name:
        raise ValidationError("referred_name", "Only a referral names another person.")
    return dataclasses.replace(
        data,
        kind=kind,
        text=text,
        confidential=bool(data.confidential),
        referred_name=referred_name,
        themes=clean_theme_names(data.themes),
    )


def _check_referral(
    session: Session, owner: Stakeholder, referred_id: int | None, referred_name: str
) -> str:
    """The referred person's name; exactly one of the two ways must be used."""
    if referred_id is not None and referred_name:
        raise ValidationError(
            "referred_name", "Pick someone from the register or type a new name, not both."
        )
    if referred_id is None:
        if not referred_name:
            raise ValidationError(
                "referred_name",
                "Say whom they suggested you meet: pick someone from the register or type a name.",
            )
        return referred_name
    referred = _existing_stakeholder(session, referred_id, "referred_stakeholder_id")
    if referred.id == owner.id:
        raise ValidationError("referred_stakeholder_id", "A person cannot refer you to themselves.")
    return referred.name


def _existing_stakeholder(session: Session, stakeholder_id: object, field: str) -> Stakeholder:
    row = session.get(Stakeholder, _as_id(stakeholder_id, field))
    if row is None:
        raise ValidationError(field, "That person is no longer in the register.")
    return row


def _as_id(value: object, field: str = "id") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "Pick an item from the list.")
    return value


def _pending_referrals() -> Select[tuple[Insight]]:
    return select(Insight).where(
        Insight.kind == InsightKind.REFERRAL, Insight.referred_stakeholder_id.is_(None)
    )


def _has_history(session: Session, stakeholder_id: int, linked: tuple[int, ...]) -> bool:
    """Whether anything but the promoted referrals now involves this person."""
    checks = (
        select(Insight.id).where(Insight.stakeholder_id == stakeholder_id),
        select(Insight.id).where(
            Insight.referred_stakeholder_id == stakeholder_id, Insight.id.not_in(linked)
        ),
        select(MeetingAttendee.meeting_id).where(MeetingAttendee.stakeholder_id == stakeholder_id),
        select(FollowUp.id).where(FollowUp.stakeholder_id == stakeholder_id),
    )
    return any(session.scalar(check.limit(1)) is not None for check in checks)


def _load(session: Session, insight_id: int) -> Insight:
    return get_or_raise(session, Insight, insight_id, "insight")


def _to_data(row: Insight) -> InsightData:
    return InsightData(
        **{c: getattr(row, c) for c in _COLUMNS}, themes=tuple(t.name for t in row.themes)
    )


_Owner = aliased(Stakeholder)
_Referred = aliased(Stakeholder)


def _record_query() -> Select[Any]:
    """Insights with both names and their themes: one query plus one for themes."""
    return (
        select(Insight, _Owner.name, _Referred.name)
        .join(_Owner, Insight.stakeholder_id == _Owner.id)
        .outerjoin(_Referred, Insight.referred_stakeholder_id == _Referred.id)
        .options(selectinload(Insight.themes))
        .order_by(Insight.created_at, Insight.id)
    )


def _records(session: Session, query: Select[Any]) -> list[InsightRecord]:
    return [_to_record(row, owner, referred) for row, owner, referred in session.execute(query)]


def _fetch_one(session: Session, insight_id: int) -> InsightRecord:
    query = _record_query().where(Insight.id == insight_id)
    # Refresh what this transaction may have changed (themes, links).
    (record,) = _records(session, query.execution_options(populate_existing=True))
    return record


def _to_record(row: Insight, owner_name: str, referred_name: str | None) -> InsightRecord:
    return InsightRecord(
        **{c: getattr(row, c) for c in _COLUMNS},
        themes=tuple(t.name for t in row.themes),
        id=row.id,
        created_at=row.created_at,
        stakeholder_name=owner_name,
        referred_stakeholder_name=referred_name or "",
    )
