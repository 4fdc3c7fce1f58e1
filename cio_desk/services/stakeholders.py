"""The stakeholder register: add, edit, archive, list."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import check_choice, check_rating, clean_name, clean_text
from cio_desk.store.enums import StakeholderKind, Stance
from cio_desk.store.last_held import recompute_last_held
from cio_desk.store.models import Base, Stakeholder, stakeholder_tag


@dataclass(frozen=True)
class StakeholderData:
    """What the CIO records about a person (input of add and update)."""

    name: str
    title: str = ""
    unit: str = ""
    kind: StakeholderKind = StakeholderKind.BUSINESS_LEADER
    influence: int = 3
    interest: int = 3
    stance: Stance = Stance.NEUTRAL
    target_stance: Stance | None = None
    email: str = ""
    phone: str = ""
    notes: str = ""
    reports_to_id: int | None = None
    is_manager: bool = False
    cadence_days: int | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class StakeholderRecord(StakeholderData):
    """A stored stakeholder."""

    id: int = 0
    archived: bool = False

    @property
    def is_internal(self) -> bool:
        return self.kind.is_internal


@dataclass(frozen=True)
class StakeholderSnapshot:
    """A deleted stakeholder and every row that went with them, for `restore`.

    `rows` holds the person's own row first, then the rows the database
    deleted with them (tags, attendances, insights and what hung on those),
    parents before children; `links` the rows whose pointer to a deleted row
    was cleared (a follow-up for them, a referral naming them, a report).
    """

    record: StakeholderRecord
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    links: tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...]


_COLUMNS = tuple(f.name for f in dataclasses.fields(StakeholderData) if f.name != "tags")


class StakeholderManager(Manager):
    """`ws.stakeholders`: every change to the register goes through here."""

    def add(self, data: StakeholderData) -> StakeholderRecord:
        with self._write() as session:
            return create_stakeholder(session, data)

    def update(self, stakeholder_id: int, **changes: Any) -> StakeholderRecord:
        """Change some fields; the whole record is validated again."""
        with self._write() as session:
            row = get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            current = _to_record(row, _read_tags(session, row.id))
            unknown = set(changes) - {f.name for f in dataclasses.fields(StakeholderData)}
            if unknown:
                raise TypeError(f"Unknown stakeholder fields: {sorted(unknown)}")
            merged = dataclasses.replace(current, **changes)
            base = StakeholderData(
                **{f.name: getattr(merged, f.name) for f in dataclasses.fields(StakeholderData)}
            )
            clean = validate_stakeholder(base)
            _check_reports_to(session, row.id, clean.reports_to_id)
            for column in _COLUMNS:
                setattr(row, column, getattr(clean, column))
            if clean.is_manager:
                _unmark_other_managers(session, row.id)
            if "tags" in changes:
                _write_tags(session, row.id, clean.tags)
            return _to_record(row, clean.tags)

    def get(self, stakeholder_id: int) -> StakeholderRecord:
        with self._read() as session:
            row = get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            return _to_record(row, _read_tags(session, row.id))

    def list(self, *, include_archived: bool = False) -> list[StakeholderRecord]:
        """Stakeholders sorted by name; archived ones only when asked."""
        with self._read() as session:
            query = select(Stakeholder).order_by(Stakeholder.name)
            if not include_archived:
                query = query.where(Stakeholder.archived.is_(False))
            rows = session.scalars(query).all()
            tags = _tags_by_stakeholder(session)
            return [_to_record(row, tags.get(row.id, ())) for row in rows]

    def count(self, *, include_archived: bool = False) -> int:
        with self._read() as session:
            query = select(func.count()).select_from(Stakeholder)
            if not include_archived:
                query = query.where(Stakeholder.archived.is_(False))
            return session.scalar(query) or 0

    def delete(self, stakeholder_id: int) -> StakeholderSnapshot:
        """Remove a stakeholder and everything linked; `restore` puts it all back.

        Used to undo adding someone; archiving is how people leave the register.
        """
        with self._write() as session:
            row = get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            record = _to_record(row, _read_tags(session, row.id))
            rows, links = _linked_rows(session, stakeholder_id)
            session.expunge_all()  # the rows go through SQL below, not the ORM
            table = Stakeholder.__table__
            session.execute(delete(table).where(table.c.id == stakeholder_id))
            return StakeholderSnapshot(record, rows, links)

    def restore(self, snapshot: StakeholderSnapshot) -> StakeholderRecord:
        """Put a deleted stakeholder back with the same id and everything linked.

        Rows that pointed to something deleted since are restored without
        that pointer (or left out, when they cannot exist without it).
        """
        with self._write() as session:
            if session.get(Stakeholder, snapshot.record.id) is not None:
                raise ValidationError("id", "This stakeholder is already in the register.")
            for name, rows in snapshot.rows:
                table = Base.metadata.tables[name]
                kept = [r for r in (_restorable(session, table, row) for row in rows) if r]
                if kept:
                    session.execute(insert(table), kept)
            for name, column, keys in snapshot.links:
                _relink(session, Base.metadata.tables[name], column, keys)
            # The rows went in as SQL, past the flush listener; meetings may have changed since.
            recompute_last_held(session.connection(), [snapshot.record.id])
            if snapshot.record.is_manager:
                _unmark_other_managers(session, snapshot.record.id)
            row = get_or_raise(session, Stakeholder, snapshot.record.id, "stakeholder")
            return _to_record(row, _read_tags(session, row.id))

    def set_archived(self, stakeholder_id: int, archived: bool = True) -> StakeholderRecord:
        """Archive (hide, keep the history) or bring back a stakeholder."""
        with self._write() as session:
            row = get_or_raise(session, Stakeholder, stakeholder_id, "stakeholder")
            row.archived = archived
            return _to_record(row, _read_tags(session, row.id))


def create_stakeholder(session: Session, data: StakeholderData) -> StakeholderRecord:
    """Add a stakeholder inside the caller's transaction (see `add`)."""
    clean = validate_stakeholder(data)
    _check_reports_to(session, None, clean.reports_to_id)
    row = Stakeholder(**{c: getattr(clean, c) for c in _COLUMNS})
    session.add(row)
    session.flush()
    if clean.is_manager:
        _unmark_other_managers(session, row.id)
    _write_tags(session, row.id, clean.tags)
    return _to_record(row, clean.tags)


def _unmark_other_managers(session: Session, manager_id: int) -> None:
    """The CIO has one manager: marking a new one unmarks the previous."""
    session.execute(
        update(Stakeholder)
        .where(Stakeholder.is_manager.is_(True), Stakeholder.id != manager_id)
        .values(is_manager=False)
    )


def validate_stakeholder(data: StakeholderData) -> StakeholderData:
    """A cleaned copy of `data`, or ValidationError naming the field."""
    cadence = data.cadence_days
    if cadence is not None and (
        isinstance(cadence, bool) or not isinstance(cadence, int) or cadence < 1
    ):
        raise ValidationError("cadence_days", "Stay-in-touch cadence must be at least one day.")
    target = data.target_stance
    return StakeholderData(
        name=clean_name(data.name),
        title=clean_text(
            data.title, field="title", label="Title", single_line=True, max_length=200
        ),
        unit=clean_text(data.unit, field="unit", label="Unit", single_line=True, max_length=200),
        kind=check_choice(data.kind, StakeholderKind, field="kind", label="Kind"),
        influence=check_rating(data.influence, field="influence", label="Influence"),
        interest=check_rating(data.interest, field="interest", label="Interest"),
        stance=check_choice(data.stance, Stance, field="stance", label="Stance"),
        target_stance=(
            None
            if target is None
            else check_choice(target, Stance, field="target_stance", label="Target stance")
        ),
        email=clean_text(
            data.email, field="email", label="E-mail", single_line=True, max_length=320
        ),
        phone=clean_text(data.phone, field="phone", label="Phone", single_line=True, max_length=64),
        notes=clean_text(data.notes, field="notes", label="Notes"),
        reports_to_id=data.reports_to_id,
        is_manager=bool(data.is_manager),
        cadence_days=cadence,
        tags=_clean_tags(data.tags),
    )


def _clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    cleaned = (
        clean_text(t, field="tags", label="Tag", single_line=True, max_length=100) for t in tags
    )
    return tuple(sorted({t for t in cleaned if t}))


def _check_reports_to(session: Session, own_id: int | None, manager_id: int | None) -> None:
    """The manager must exist and the reporting line must not loop back."""
    seen = {own_id}
    current = manager_id
    while current is not None:
        if current in seen:
            raise ValidationError("reports_to_id", "This reporting line would form a loop.")
        seen.add(current)
        row = session.get(Stakeholder, current)
        if row is None:
            raise ValidationError("reports_to_id", "The chosen manager is not in the register.")
        current = row.reports_to_id


def _write_tags(session: Session, stakeholder_id: int, tags: tuple[str, ...]) -> None:
    session.execute(
        delete(stakeholder_tag).where(stakeholder_tag.c.stakeholder_id == stakeholder_id)
    )
    if tags:
        session.execute(
            insert(stakeholder_tag), [{"stakeholder_id": stakeholder_id, "tag": t} for t in tags]
        )


def _read_tags(session: Session, stakeholder_id: int) -> tuple[str, ...]:
    query = (
        select(stakeholder_tag.c.tag)
        .where(stakeholder_tag.c.stakeholder_id == stakeholder_id)
        .order_by(stakeholder_tag.c.tag)
    )
    return tuple(session.scalars(query))


def _tags_by_stakeholder(session: Session) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    for sid, tag in session.execute(select(stakeholder_tag).order_by(stakeholder_tag.c.tag)):
        found.setdefault(sid, []).append(tag)
    return {sid: tuple(tags) for sid, tags in found.items()}


def _to_record(row: Stakeholder, tags: tuple[str, ...]) -> StakeholderRecord:
    values = {c: getattr(row, c) for c in _COLUMNS}
    return StakeholderRecord(**values, tags=tags, id=row.id, archived=row.archived)


# ---------------------------------------------------------------- delete and restore


def _linked_rows(
    session: Session, stakeholder_id: int
) -> tuple[
    tuple[tuple[str, tuple[dict[str, Any], ...]], ...],
    tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...],
]:
    """Every row deleting this person removes or changes, read from the schema.

    Walking the foreign keys (rather than listing tables here) keeps the
    snapshot complete when a later migration links a new table to people.
    """
    person = Stakeholder.__table__
    rows: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    links: list[tuple[str, str, tuple[dict[str, Any], ...]]] = []
    pending: list[tuple[Table, list[dict[str, Any]]]] = []
    own = [
        dict(r._mapping)
        for r in session.execute(select(person).where(person.c.id == stakeholder_id))
    ]
    rows.append((person.name, tuple(own)))
    pending.append((person, own))
    while pending:
        parent, parent_rows = pending.pop(0)
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table is not parent or not parent_rows:
                    continue
                values = [r[fk.column.name] for r in parent_rows]
                found = [
                    dict(r._mapping)
                    for r in session.execute(select(table).where(fk.parent.in_(values)))
                ]
                if not found:
                    continue
                if fk.ondelete == "CASCADE":
                    rows.append((table.name, tuple(found)))
                    pending.append((table, found))
                elif fk.ondelete == "SET NULL":
                    keys = tuple(
                        {c.name: r[c.name] for c in table.primary_key} | {"_to": r[fk.parent.name]}
                        for r in found
                    )
                    links.append((table.name, fk.parent.name, keys))
    return tuple(rows), tuple(links)


def _restorable(session: Session, table: Table, row: dict[str, Any]) -> dict[str, Any] | None:
    """`row` with pointers to rows deleted meanwhile cleared; None if it needs them."""
    row = dict(row)
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        if value is None or _exists(session, fk.column, value):
            continue
        if fk.parent.nullable and not fk.parent.primary_key:
            row[fk.parent.name] = None
        elif fk.column.table is not table:
            return None
    return row


def _relink(session: Session, table: Table, column: str, keys: tuple[dict[str, Any], ...]) -> None:
    """Point rows (still there) back at what they pointed to before the delete."""
    target = next(fk.column for fk in table.foreign_keys if fk.parent.name == column)
    for key in keys:
        if not _exists(session, target, key["_to"]):
            continue
        where = [table.c[name] == value for name, value in key.items() if name != "_to"]
        session.execute(
            update(table).where(*where, table.c[column].is_(None)).values({column: key["_to"]})
        )


def _exists(session: Session, column: Any, value: Any) -> bool:
    return session.scalar(select(column).where(column == value).limit(1)) is not None
