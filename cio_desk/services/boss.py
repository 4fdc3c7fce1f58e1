"""The CIO's manager and the five conversations to hold with them early on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.stakeholders import StakeholderManager, StakeholderRecord
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import BossConversationKind
from cio_desk.store.models import BossConversation, Stakeholder


@dataclass(frozen=True)
class BossConversationItem:
    """One line of the checklist, recorded or not yet."""

    kind: BossConversationKind
    held_on: dt.date | None = None
    notes: str = ""

    @property
    def held(self) -> bool:
        return self.held_on is not None


@dataclass(frozen=True)
class BossChecklist:
    """The five conversations with the manager, in the order to hold them."""

    manager_id: int
    manager_name: str
    items: tuple[BossConversationItem, ...]

    @property
    def held_count(self) -> int:
        return sum(item.held for item in self.items)

    @property
    def next_item(self) -> BossConversationItem | None:
        """The first conversation not yet held."""
        return next((item for item in self.items if not item.held), None)


class BossManager(Manager):
    """`ws.boss`: who the CIO's manager is, and the conversations held with them."""

    def manager(self) -> StakeholderRecord | None:
        """The stakeholder marked as the CIO's manager, if any."""
        with self._read() as session:
            manager_id = session.scalar(select(Stakeholder.id).where(Stakeholder.is_manager))
        return None if manager_id is None else StakeholderManager(self._sessions).get(manager_id)

    def set_manager(self, stakeholder_id: int | None) -> int | None:
        """Mark one stakeholder as the manager (None: nobody).

        Returns the previous manager's id, so `set_manager(previous)` undoes it.
        """
        with self._write() as session:
            previous = session.scalar(select(Stakeholder.id).where(Stakeholder.is_manager))
            if stakeholder_id is not None:
                get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            session.execute(
                update(Stakeholder).where(Stakeholder.is_manager.is_(True)).values(is_manager=False)
            )
            if stakeholder_id is not None:
                session.execute(
                    update(Stakeholder)
                    .where(Stakeholder.id == stakeholder_id)
                    .values(is_manager=True)
                )
            return previous

    def checklist(self, stakeholder_id: int | None = None) -> BossChecklist | None:
        """All five conversations in order, recorded or not.

        For the current manager unless a stakeholder is given; None when
        no manager is marked.
        """
        with self._read() as session:
            person = _person(session, stakeholder_id)
            if person is None:
                return None
            query = select(BossConversation).where(BossConversation.stakeholder_id == person.id)
            recorded = {row.kind: row for row in session.scalars(query)}
            items = tuple(_item(kind, recorded.get(kind)) for kind in BossConversationKind)
            return BossChecklist(person.id, person.name, items)

    def record(
        self,
        kind: BossConversationKind,
        *,
        held_on: dt.date | None,
        notes: str = "",
        stakeholder_id: int | None = None,
    ) -> BossConversationItem:
        """Set the date held and the notes of one conversation.

        The caller keeps the previous item (from `checklist`) to undo.
        """
        kind = check_choice(kind, BossConversationKind, field="kind", label="Conversation")
        if held_on is not None and (
            not isinstance(held_on, dt.date) or isinstance(held_on, dt.datetime)
        ):
            raise ValidationError("held_on", "The date held must be a date.")
        notes = clean_text(notes, field="notes", label="Notes")
        with self._write() as session:
            person = _person(session, stakeholder_id)
            if person is None:
                raise ValidationError(
                    "stakeholder_id", "Mark one stakeholder as your manager first."
                )
            row = session.scalar(
                select(BossConversation).where(
                    BossConversation.stakeholder_id == person.id, BossConversation.kind == kind
                )
            )
            if row is None:
                row = BossConversation(stakeholder_id=person.id, kind=kind)
                session.add(row)
            row.held_on = held_on
            row.notes = notes
            session.flush()
            return _item(kind, row)


def _person(session: Session, stakeholder_id: int | None) -> Stakeholder | None:
    if stakeholder_id is not None:
        return get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
    return session.scalar(select(Stakeholder).where(Stakeholder.is_manager))


def _item(kind: BossConversationKind, row: BossConversation | None) -> BossConversationItem:
    if row is None:
        return BossConversationItem(kind)
    return BossConversationItem(kind, row.held_on, row.notes)
