"""What the Meetings page lists: light rows, their filter, and the reads behind them.

A workspace may hold tens of thousands of meetings. The list reads, for the
meetings its filter keeps, only their ids and starts from the time indexes
(`read_times`), then the rows it shows (`read_rows_by_id`); every row at
once (`read_rows`) when it must sort them by another column. Rows are read
as plain text and numbers, without ORM objects.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import Connection, Select, String, select, type_coerce

from cio_desk.store.enums import MeetingSetting, MeetingStatus
from cio_desk.store.models import Meeting, MeetingAttendee, Stakeholder


class MeetingRow(NamedTuple):
    """One meeting as the Meetings page lists it (no agenda or notes).

    It keeps the stored values as read (times as ISO text, which sorts as
    the times do; vocabularies as their values) so that reading tens of
    thousands of rows stays fast; the properties decode them on use.
    """

    id: int
    starts: str
    ends: str
    title: str
    setting_value: str
    status_value: str
    location: str
    attendee_names: tuple[str, ...]

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.starts)

    @property
    def ends_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.ends)

    @property
    def setting(self) -> MeetingSetting:
        return MeetingSetting(self.setting_value)

    @property
    def status(self) -> MeetingStatus:
        return MeetingStatus(self.status_value)

    @property
    def display_title(self) -> str:
        return self.title or ", ".join(self.attendee_names)

    @property
    def search_text(self) -> str:
        """What the text filter looks in: title, place and attendees, case-folded."""
        return "\n".join((self.title, self.location, *self.attendee_names)).casefold()

    def awaiting_capture(self, today: dt.date) -> bool:
        """Still planned although its day is over: its outcome is not written up."""
        return self.status_value == MeetingStatus.PLANNED.value and self.starts[:10] < str(today)


@dataclass(frozen=True)
class MeetingTimes:
    """Meetings' ids and starts (ISO text, which sorts as the times do), in time order.

    Two columns rather than a tuple per meeting: tens of thousands of
    meetings then cost two tuples.
    """

    ids: tuple[int, ...] = ()
    starts: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class MeetingTexts:
    """What the Meetings list's words are looked for in, case-folded: each
    meeting's title and place, and each person's name (a word matches a
    meeting through any of its attendees). Read once, kept between keystrokes.
    """

    places: Mapping[int, str]  # meeting id -> title and place
    names: Mapping[int, str]  # stakeholder id -> name


@dataclass(frozen=True)
class MeetingFilter:
    """What the Meetings list filters by; empty means everything.

    `awaiting_capture_on` keeps only the meetings still to write up on that day.
    """

    text: str = ""
    status: MeetingStatus | None = None
    awaiting_capture_on: dt.date | None = None

    def matches(self, row: MeetingRow) -> bool:
        """Every typed word must appear in the title, an attendee or the place."""
        if self.status is not None and row.status_value != self.status.value:
            return False
        if self.awaiting_capture_on is not None and not row.awaiting_capture(
            self.awaiting_capture_on
        ):
            return False
        words = self.text.casefold().split()
        return not words or all(word in row.search_text for word in words)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while tens of thousands of rows are built.

    Each row is a few small tuples that can never form a cycle, yet creating
    them sets off full collections over the whole (large, in the app) heap:
    that doubled the time of reading 20,000 meetings.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_ROW_COLUMNS = select(
    Meeting.id,
    type_coerce(Meeting.starts_at, String),
    type_coerce(Meeting.ends_at, String),
    Meeting.title,
    type_coerce(Meeting.setting, String),
    type_coerce(Meeting.status, String),
    Meeting.location,
)
_IN_BATCH = 500  # ids per IN (...) list, well under SQLite's variable limit


def _read_rows(
    connection: Connection, query: Select, meeting_ids: Select | Sequence[int] | None
) -> list[MeetingRow]:
    """`MeetingRow`s for a statement on `_ROW_COLUMNS`, in its order.

    `meeting_ids` (the same meetings' ids) narrows the attendances read;
    None reads them all, which is quicker when every meeting is wanted.
    """
    attendances = select(MeetingAttendee.meeting_id, MeetingAttendee.stakeholder_id)
    people = select(Stakeholder.id, Stakeholder.name)
    if meeting_ids is not None:
        attendances = attendances.where(MeetingAttendee.meeting_id.in_(meeting_ids))
        people = people.where(
            Stakeholder.id.in_(attendances.with_only_columns(MeetingAttendee.stakeholder_id))
        )
    with collector_paused():
        found = connection.execute(query).all()
        names = dict(connection.execute(people).all())
        attendees: dict[int, list[str]] = {}
        for meeting_id, stakeholder_id in connection.execute(attendances).all():
            attendees.setdefault(meeting_id, []).append(names[stakeholder_id])
        # Attendees by name, as `Meeting.attendees` orders them.
        by_name = {key: tuple(sorted(value)) for key, value in attendees.items()}
        return [MeetingRow(*values, by_name.get(values[0], ())) for values in found]


def _with_words(connection: Connection, texts: MeetingTexts, words: list[str]) -> set[int]:
    """Ids of the meetings whose title, place or attendees hold every word.

    As `MeetingFilter` matches a `MeetingRow`: each word within one of the
    meeting's texts. The meetings of the people whose name holds a word come
    from their attendances, through the index.
    """
    kept: set[int] | None = None
    for word in words:
        found = {i for i, place in texts.places.items() if word in place}
        people = [i for i, name in texts.names.items() if word in name]
        for first in range(0, len(people), _IN_BATCH):
            attended = select(MeetingAttendee.meeting_id).where(
                MeetingAttendee.stakeholder_id.in_(people[first : first + _IN_BATCH])
            )
            found.update(connection.scalars(attended).all())
        kept = found if kept is None else kept & found
    return kept or set()


def _kept_by(flt: MeetingFilter, query: Select) -> Select:
    """`query` on meetings narrowed to the status (or "to write up") that `flt` asks for."""
    if flt.status is not None:
        query = query.where(Meeting.status == flt.status)
    if flt.awaiting_capture_on is not None:
        midnight = dt.datetime.combine(flt.awaiting_capture_on, dt.time.min)
        query = query.where(Meeting.status == MeetingStatus.PLANNED, Meeting.starts_at < midnight)
    return query


def read_rows(
    connection: Connection, start: dt.datetime | None = None, end: dt.datetime | None = None
) -> list[MeetingRow]:
    """The rows of the meetings starting in [start, end), in time order.

    Every meeting is read in storage order and sorted once built: walking
    the time index instead reads the table's pages out of order, which made
    reading 20,000 meetings slower.
    """
    query = _ROW_COLUMNS
    if start is not None:
        query = query.where(Meeting.starts_at >= start)
    if end is not None:
        query = query.where(Meeting.starts_at < end)
    ranged = start is not None or end is not None
    order = (Meeting.starts_at, Meeting.id) if ranged else (Meeting.id,)
    rows = _read_rows(
        connection, query.order_by(*order), query.with_only_columns(Meeting.id) if ranged else None
    )
    rows.sort(key=itemgetter(1))  # by start time; stable, so equal times stay by id
    return rows


def read_rows_by_id(connection: Connection, meeting_ids: Collection[int]) -> dict[int, MeetingRow]:
    """The rows of these meetings (of those that still exist), by id."""
    ids = sorted(set(meeting_ids))
    found: dict[int, MeetingRow] = {}
    for first in range(0, len(ids), _IN_BATCH):
        batch = ids[first : first + _IN_BATCH]
        query = _ROW_COLUMNS.where(Meeting.id.in_(batch)).order_by(Meeting.id)
        found.update((row.id, row) for row in _read_rows(connection, query, batch))
    return found


def read_times(
    connection: Connection, flt: MeetingFilter, texts: MeetingTexts | None = None
) -> MeetingTimes:
    """Ids and starts of the meetings `flt` keeps, in time order (see `MeetingTimes`).

    The filter's words are looked for in `texts`, read here when not given.
    """
    query = select(Meeting.id, type_coerce(Meeting.starts_at, String))
    query = _kept_by(flt, query).order_by(Meeting.starts_at, Meeting.id)
    words = flt.text.casefold().split()
    if words and texts is None:
        texts = read_search_texts(connection)
    with collector_paused():
        found = connection.execute(query).all()
        if texts is not None and words:
            kept = _with_words(connection, texts, words)
            found = [row for row in found if row[0] in kept]
        return MeetingTimes(tuple(map(itemgetter(0), found)), tuple(map(itemgetter(1), found)))


def read_search_texts(connection: Connection) -> MeetingTexts:
    """What the list's words are looked for in (see `MeetingTexts`)."""
    places = select(Meeting.id, Meeting.title, Meeting.location)
    people = select(Stakeholder.id, Stakeholder.name)
    with collector_paused():
        return MeetingTexts(
            places={
                meeting_id: f"{title}\n{location}".casefold()
                for meeting_id, title, location in connection.execute(places).all()
            },
            names={
                stakeholder_id: name.casefold()
                for stakeholder_id, name in connection.execute(people).all()
            },
        )


def filter_meeting_rows(rows: Iterable[MeetingRow], flt: MeetingFilter) -> list[MeetingRow]:
    """The rows `flt` keeps, in the same order (pure: no database)."""
    if flt == MeetingFilter():
        return list(rows)
    return [row for row in rows if flt.matches(row)]
