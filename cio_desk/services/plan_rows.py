"""What every plan and risk manager shares: add, update, get, list, delete, restore.

Each manager handles one kind of row and speaks in two frozen dataclasses: a
`...Data` (what the CIO edits, links as tuples of ids) and a `...Record`
(the Data plus `id`, and `position` or `rank` where the row is ordered).

The API is built for the UI's Undo/Redo:
- `add(data)` is undone by `delete(record.id)`;
- `update(id, **changes)` is undone by `update(id, **old_values)`, the old
  values taken from `get(id)` before the change;
- `delete(id)` returns a snapshot that `restore(snapshot)` puts back with the
  same id, order and links (links to items deleted since are dropped);
- `reorder(ids)` is undone by `reorder(old_ids)`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import check_range
from cio_desk.store.enums import HORIZONS

D = TypeVar("D")
R = TypeVar("R")

FIRST_MONTH, LAST_MONTH = 1, 24  # the plan's months, counted from the start date

# Past this many ids, reading a whole association table beats a long IN list.
IN_LIST_LIMIT = 100


def horizon_for(end_month: int) -> int:
    """The shortest horizon an initiative ending in `end_month` fits in."""
    return next(h for h in HORIZONS if end_month <= h)


def check_horizon(value: object, *, field: str = "horizon", optional: bool = False) -> int | None:
    """6, 12 or 24 (or None when `optional`), else ValidationError."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or value not in HORIZONS:
        raise ValidationError(field, "The horizon must be 6, 12 or 24 months.")
    return int(value)  # type: ignore[arg-type]


def check_month(value: object, *, field: str, label: str) -> int:
    """A plan month from 1 to 24, else ValidationError."""
    return check_range(value, field=field, label=label, low=FIRST_MONTH, high=LAST_MONTH)


@dataclass(frozen=True)
class Link:
    """A many-to-many field of a record (a tuple of ids) kept in an association table."""

    field: str
    table: Table
    own: str
    other: str
    target: type
    label: str  # "goal", for "A chosen goal no longer exists."

    def read(self, session: Session, ids: Collection[int] | None) -> dict[int, tuple[int, ...]]:
        """Linked ids per owning id, for `ids` (None: every row of the table)."""
        own, other = self.table.c[self.own], self.table.c[self.other]
        query = select(own, other).order_by(own, other)
        if ids is not None and len(ids) <= IN_LIST_LIMIT:
            query = query.where(own.in_(ids))
        found: dict[int, list[int]] = {}
        for owner, linked in session.execute(query):
            found.setdefault(owner, []).append(linked)
        return {owner: tuple(linked) for owner, linked in found.items()}

    def write(self, session: Session, item_id: int, linked: Iterable[int]) -> None:
        """Replace the links of `item_id` with `linked`."""
        own = self.table.c[self.own]
        session.execute(delete(self.table).where(own == item_id))
        rows = [{self.own: item_id, self.other: other} for other in linked]
        if rows:
            session.execute(insert(self.table), rows)

    def check(self, session: Session, ids: Sequence[int], *, restoring: bool) -> tuple[int, ...]:
        """The distinct ids, in order; a missing one is refused (or dropped on restore)."""
        if isinstance(ids, str | bytes) or any(
            isinstance(i, bool) or not isinstance(i, int) for i in ids
        ):
            raise ValidationError(self.field, f"Choose each {self.label} from the list.")
        wanted = tuple(dict.fromkeys(ids))
        existing = existing_ids(session, self.target, wanted)
        if len(existing) != len(wanted) and not restoring:
            raise ValidationError(self.field, f"A chosen {self.label} no longer exists.")
        return tuple(i for i in wanted if i in existing)


def existing_ids(session: Session, model: type, ids: Collection[int]) -> set[int]:
    """Which of `ids` are rows of `model`."""
    if not ids:
        return set()
    column = model.id  # type: ignore[attr-defined]
    return set(session.scalars(select(column).where(column.in_(list(ids)))))


def check_reference(
    session: Session,
    model: type,
    item_id: int | None,
    *,
    field: str,
    label: str,
    restoring: bool = False,
) -> int | None:
    """An optional reference to another row: it must exist (on restore it is dropped)."""
    if item_id is None:
        return None
    if isinstance(item_id, bool) or not isinstance(item_id, int):
        raise ValidationError(field, f"The chosen {label} is not valid.")
    if session.get(model, item_id) is None:
        if restoring:
            return None
        raise ValidationError(field, f"The chosen {label} no longer exists.")
    return item_id


class RowManager(Manager, Generic[D, R]):
    """Add, update, get, list, delete, restore and reorder one kind of row."""

    model: ClassVar[type]
    data_type: ClassVar[type]
    record_type: ClassVar[type]
    what: ClassVar[str]  # "goal": used in "The goal no longer exists."
    links: ClassVar[tuple[Link, ...]] = ()
    order: ClassVar[str | None] = None  # "position" / "rank": new rows go last
    order_group: ClassVar[str | None] = None  # ranks are counted within this column

    # ------------------------------------------------------------ hooks

    def _validate(self, session: Session, data: D, item_id: int | None, restoring: bool) -> D:
        """A cleaned copy of `data`, or ValidationError naming the field."""
        raise NotImplementedError

    def _order_by(self) -> tuple[Any, ...]:
        model = self.model
        if self.order is None:
            return (model.id,)
        group = () if self.order_group is None else (getattr(model, self.order_group),)
        return (*group, getattr(model, self.order), model.id)

    # ------------------------------------------------------------ API

    def add(self, data: D) -> R:
        """Save a new row, placed last in its order; undone by `delete`."""
        with self._write() as session:
            return self._add(session, data)

    def update(self, item_id: int, **changes: Any) -> R:
        """Change some fields; the whole row is validated again."""
        allowed = set(self._data_fields()) | ({self.order} if self.order else set())
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"Unknown {self.what} fields: {sorted(unknown)}")
        with self._write() as session:
            return self._update(session, item_id, changes)

    def get(self, item_id: int) -> R:
        """The record with this id, or NotFoundError."""
        with self._read() as session:
            return self._record(session, get_or_raise(session, self.model, item_id, self.what))

    def list(self) -> list[R]:
        """Every row, in display order."""
        with self._read() as session:
            return self._list(session)

    def count(self) -> int:
        """How many rows there are."""
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(self.model)) or 0

    def delete(self, item_id: int) -> R:
        """Remove a row; returns the snapshot `restore` takes to put it back."""
        with self._write() as session:
            row = get_or_raise(session, self.model, item_id, self.what)
            snapshot = self._record(session, row)
            session.delete(row)
            return snapshot

    def restore(self, snapshot: R) -> R:
        """Put back a deleted row with its id, order and surviving links."""
        with self._write() as session:
            return self._restore(session, snapshot)

    def reorder(self, ids: Sequence[int]) -> None:
        """Put the given rows in this order (pass the whole list); undone with the old order."""
        if self.order is None:
            raise TypeError(f"{self.what} rows have no order")
        ordered = list(dict.fromkeys(ids))
        with self._write() as session:
            rows = {
                r.id: r
                for r in session.scalars(select(self.model).where(self.model.id.in_(ordered)))
            }
            if len(rows) != len(ordered):
                raise NotFoundError(f"One of these {self.what}s no longer exists.")
            if self.order_group is not None:
                groups = {getattr(r, self.order_group) for r in rows.values()}
                if len(groups) > 1:
                    raise ValidationError(
                        self.order,
                        f"Only {self.what}s of one {self.order_group} can be reordered together.",
                    )
            for index, item_id in enumerate(ordered):
                setattr(rows[item_id], self.order, index)

    # ------------------------------------------------------------ helpers

    def _add(self, session: Session, data: D) -> R:
        """`add` inside the caller's transaction."""
        clean = self._validate(session, data, None, False)
        row = self.model(**self._column_values(clean))
        if self.order is not None:
            setattr(row, self.order, self._next_order(session, clean))
        session.add(row)
        session.flush()
        self._write_links(session, row.id, clean, self._link_fields())
        return self._record(session, row)

    def _update(self, session: Session, item_id: int, changes: dict[str, Any]) -> R:
        """`update` inside the caller's transaction (field names already checked)."""
        row = get_or_raise(session, self.model, item_id, self.what)
        current = self._record(session, row)
        merged = dataclasses.replace(current, **changes)  # type: ignore[type-var]
        clean = self._validate(session, self._as_data(merged), item_id, False)
        group_moved = self.order_group is not None and getattr(row, self.order_group) != getattr(
            clean, self.order_group
        )
        order = None
        if self.order is not None and self.order in changes:
            order = _whole(changes[self.order], self.order)
        elif group_moved:  # counted before the row itself moves into the group
            order = self._next_order(session, clean)
        for column, value in self._column_values(clean).items():
            setattr(row, column, value)
        if order is not None:
            setattr(row, self.order, order)  # type: ignore[arg-type]
        self._write_links(session, item_id, clean, set(changes) & self._link_fields())
        session.flush()
        return self._record(session, row)

    def _restore(self, session: Session, snapshot: R) -> R:
        item_id = snapshot.id  # type: ignore[attr-defined]
        if session.get(self.model, item_id) is not None:
            raise ValidationError("id", f"This {self.what} is already in the plan.")
        clean = self._validate(session, self._as_data(snapshot), item_id, True)
        row = self.model(id=item_id, **self._column_values(clean))
        if self.order is not None:
            setattr(row, self.order, getattr(snapshot, self.order))
        session.add(row)
        session.flush()
        self._write_links(session, item_id, clean, self._link_fields())
        self._after_restore(session, snapshot)
        return self._record(session, row)

    def _after_restore(self, session: Session, snapshot: R) -> None:
        """Re-attach what pointed at the row before it was deleted (none by default)."""

    def _extras(self, session: Session, ids: Sequence[int] | None) -> dict[int, dict[str, Any]]:
        """Read-only record fields computed per id (none by default)."""
        return {}

    def _list(
        self, session: Session, *where: Any, order_by: Sequence[Any] | None = None
    ) -> list[R]:
        """Records of the rows matching `where`, in display order (or `order_by`)."""
        # Plain table columns in a known order, not ORM objects: lists of a thousand
        # rows build several times faster.
        table = self.model.__table__.c
        order = self._order_by() if order_by is None else order_by
        query = select(*(table[name] for name in self._row_names())).where(*where)
        rows = session.execute(query.order_by(*order)).all()
        ids = [row[0] for row in rows]
        linked = [(link.field, link.read(session, ids)) for link in self.links]
        extras = self._extras(session, ids)
        names = self._row_names()
        records = []
        for row in rows:
            values = dict(zip(names, row, strict=True))
            for field, by_id in linked:
                values[field] = by_id.get(row[0], ())
            records.append(self.record_type(**values, **extras.get(row[0], {})))
        return records

    def _record(self, session: Session, row: Any) -> R:
        """The record of one ORM row, as saved so far in this session."""
        session.flush()
        return self._list(session, self.model.__table__.c.id == row.id)[0]

    @classmethod
    def _row_names(cls) -> tuple[str, ...]:
        """The columns `_list` selects: id, the Data's columns, then the order column."""
        return ("id", *cls._columns(), *((cls.order,) if cls.order else ()))

    def _write_links(
        self, session: Session, item_id: int, clean: D, fields: Collection[str]
    ) -> None:
        for link in self.links:
            if link.field in fields:
                link.write(session, item_id, getattr(clean, link.field))

    def _next_order(self, session: Session, clean: D) -> int:
        column = getattr(self.model, self.order)  # type: ignore[arg-type]
        query = select(func.max(column))
        if self.order_group is not None:
            group = self.order_group
            query = query.where(getattr(self.model, group) == getattr(clean, group))
        highest = session.scalar(query)
        return 0 if highest is None else highest + 1

    def _as_data(self, record: Any) -> D:
        return self.data_type(**{f: getattr(record, f) for f in self._data_fields()})

    def _column_values(self, clean: D) -> dict[str, Any]:
        return {c: getattr(clean, c) for c in self._columns()}

    @classmethod
    def _data_fields(cls) -> tuple[str, ...]:
        return _data_fields(cls.data_type)

    @classmethod
    def _link_fields(cls) -> frozenset[str]:
        return frozenset(link.field for link in cls.links)

    @classmethod
    def _columns(cls) -> tuple[str, ...]:
        return _columns(cls.data_type, cls._link_fields())


@cache
def _data_fields(data_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(data_type))


@cache
def _columns(data_type: type, links: frozenset[str]) -> tuple[str, ...]:
    return tuple(f for f in _data_fields(data_type) if f not in links)


def _whole(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "The order must be a whole number.")
    return value
