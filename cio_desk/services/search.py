"""Search everywhere: one box that finds people, meetings, insights, follow-ups, topics.

Every typed word must appear in some field of an item (each word may be in
a different field); matching ignores ASCII case and finds any substring, so
Chinese works without word splitting. Each kind of item has a provider (a
function that runs one query); the plan's kinds join later by registering
one more provider with `SearchService.register`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from cio_desk.services.base import Manager
from cio_desk.services.meetings import meeting_record
from cio_desk.services.text import sanitize
from cio_desk.store.models import (
    FollowUp,
    Insight,
    LearningSource,
    LearningTopic,
    Meeting,
    MeetingAttendee,
    Stakeholder,
    Theme,
    insight_theme,
    stakeholder_tag,
)

SNIPPET_CONTEXT = 40  # characters kept on each side of the first match
TITLE_LENGTH = 120
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchQuery:
    """What was typed, split into words, with the LIKE patterns ready."""

    text: str
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> SearchQuery:
        # The text boundary's rule: what is stored was cleaned the same way.
        words = tuple(dict.fromkeys(sanitize(text).split()))
        return cls(" ".join(words), words)

    @property
    def patterns(self) -> tuple[str, ...]:
        return tuple(f"%{escape_like(w)}%" for w in self.words)


@dataclass(frozen=True)
class SearchHit:
    """One item found; `open_kind` / `open_id` say what to show when it is chosen."""

    kind: str  # "stakeholder", "meeting", "insight", "follow_up", "topic", ...
    id: int
    title: str
    snippet: str
    open_kind: str
    open_id: int
    detail: str = ""  # a second line: title and unit, date, whose insight...
    tag: str = ""  # the item's own category: insight kind, meeting status, topic category
    flags: frozenset[str] = frozenset()  # "archived", "confidential", "done", "quick_win"
    rank: int = field(default=3, compare=False)  # 0 is best; set by `find`


SearchProvider = Callable[[Session, SearchQuery, int], list[SearchHit]]


class SearchService(Manager):
    """`ws.search`: the Ctrl+K box."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(sessions)
        self._providers: dict[str, SearchProvider] = dict(DEFAULT_PROVIDERS)

    def register(self, kind: str, provider: SearchProvider) -> None:
        """Add (or replace) the provider for one kind of item."""
        self._providers[kind] = provider

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self._providers)

    def find(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Items where every word of `text` appears, best matches first.

        Exact title (name) matches first, then titles starting with the text,
        then titles holding every word, then matches elsewhere; ties keep the
        order of kinds (people first) and of each provider.
        """
        query = SearchQuery.parse(text)
        if not query.words or limit <= 0:
            return []
        hits: list[tuple[int, int, int, SearchHit]] = []
        with self._read() as session:
            for kind_order, provider in enumerate(self._providers.values()):
                for index, hit in enumerate(provider(session, query, limit)):
                    rank = title_rank(hit.title, query)
                    hits.append((rank, kind_order, index, _with_rank(hit, rank)))
        hits.sort(key=lambda item: item[:3])
        return [hit for *_, hit in hits[:limit]]


# ---------------------------------------------------------------- building blocks


def escape_like(word: str) -> str:
    """`word` as a literal inside a LIKE pattern (escape character: backslash)."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


Field = Callable[[str], ColumnElement[bool]]  # a LIKE pattern -> a condition


def every_word(query: SearchQuery, fields: Sequence[Field]) -> ColumnElement[bool]:
    """True when each word matches at least one field (fields may differ per word).

    A field is a function from a LIKE pattern to a condition, so that
    related rows (tags, attendees) can be searched with EXISTS.
    """
    return and_(*(or_(*(f(pattern) for f in fields)) for pattern in query.patterns))


def like(column: object) -> Field:
    """A field matching one column."""
    return lambda pattern: column.like(pattern, escape="\\")  # type: ignore[attr-defined]


def title_order(column: object, query: SearchQuery) -> ColumnElement[int]:
    """An ORDER BY term putting exact, then prefix, title matches first."""
    lowered = func.lower(column)
    text = query.text.lower()
    return case(
        (lowered == text, 0),
        (lowered.like(f"{escape_like(text)}%", escape="\\"), 1),
        else_=2,
    )


def title_rank(title: str, query: SearchQuery) -> int:
    """0 exact, 1 starts with the text, 2 holds every word, 3 matched elsewhere."""
    folded = _SPACES.sub(" ", title).strip().casefold()
    text = query.text.casefold()
    if folded == text:
        return 0
    if folded.startswith(text):
        return 1
    if all(word.casefold() in folded for word in query.words):
        return 2
    return 3


def snippet(texts: Sequence[str], query: SearchQuery) -> str:
    """A short excerpt around the first match in the first text that has one."""
    return located_snippet(texts, query)[1]


def located_snippet(texts: Sequence[str], query: SearchQuery) -> tuple[int | None, str]:
    """The index of the first text with a match, and the excerpt around it."""
    for index, text in enumerate(texts):
        lowered = text.lower()
        positions = [p for p in (lowered.find(w.lower()) for w in query.words) if p >= 0]
        if positions:
            first = min(positions)
            start = max(0, first - SNIPPET_CONTEXT)
            end = min(len(text), first + SNIPPET_CONTEXT * 2)
            excerpt = _SPACES.sub(" ", text[start:end]).strip()
            prefix = "…" if start > 0 else ""
            suffix = "…" if end < len(text) else ""
            return index, f"{prefix}{excerpt}{suffix}"
    return None, ""


def shorten(text: str, length: int = TITLE_LENGTH) -> str:
    """One line of at most `length` characters."""
    line = _SPACES.sub(" ", text).strip()
    return line if len(line) <= length else line[: length - 1].rstrip() + "…"


def _with_rank(hit: SearchHit, rank: int) -> SearchHit:
    return dataclasses.replace(hit, rank=rank)


# ---------------------------------------------------------------- providers


def _stakeholder_tag(pattern: str) -> ColumnElement[bool]:
    return exists().where(
        stakeholder_tag.c.stakeholder_id == Stakeholder.id,
        stakeholder_tag.c.tag.like(pattern, escape="\\"),
    )


def _attendee_name(pattern: str) -> ColumnElement[bool]:
    return exists().where(
        MeetingAttendee.meeting_id == Meeting.id,
        MeetingAttendee.stakeholder_id == Stakeholder.id,
        Stakeholder.name.like(pattern, escape="\\"),
    )


def _insight_theme(pattern: str) -> ColumnElement[bool]:
    return exists().where(
        insight_theme.c.insight_id == Insight.id,
        insight_theme.c.theme_id == Theme.id,
        Theme.name.like(pattern, escape="\\"),
    )


def _topic_source(pattern: str) -> ColumnElement[bool]:
    person = exists().where(
        Stakeholder.id == LearningSource.stakeholder_id,
        Stakeholder.name.like(pattern, escape="\\"),
    )
    return exists().where(
        LearningSource.topic_id == LearningTopic.id,
        or_(LearningSource.document.like(pattern, escape="\\"), person),
    )


def find_stakeholders(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    columns = (
        Stakeholder.name,
        Stakeholder.title,
        Stakeholder.unit,
        Stakeholder.email,
        Stakeholder.phone,
        Stakeholder.notes,
    )
    statement = (
        select(Stakeholder)
        .where(every_word(query, [*map(like, columns), _stakeholder_tag]))
        .order_by(title_order(Stakeholder.name, query), Stakeholder.archived, Stakeholder.name)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="stakeholder",
            id=p.id,
            title=p.name,
            snippet=snippet((p.title, p.unit, p.email, p.phone, p.notes), query),
            open_kind="stakeholder",
            open_id=p.id,
            detail=" · ".join(part for part in (p.title, p.unit) if part),
            tag=p.kind.value,
            flags=frozenset({"archived"}) if p.archived else frozenset(),
        )
        for p in session.scalars(statement)
    ]


def find_meetings(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    columns = (Meeting.title, Meeting.location, Meeting.agenda, Meeting.notes)
    statement = (
        select(Meeting)
        .options(selectinload(Meeting.attendees))
        .where(every_word(query, [*map(like, columns), _attendee_name]))
        .order_by(title_order(Meeting.title, query), Meeting.starts_at.desc(), Meeting.id)
        .limit(limit)
    )
    hits = []
    for row in session.scalars(statement):
        meeting = meeting_record(row)
        where, excerpt = located_snippet((meeting.location, meeting.agenda, meeting.notes), query)
        hits.append(
            SearchHit(
                kind="meeting",
                id=meeting.id,
                title=meeting.display_title,
                snippet=excerpt,
                open_kind="meeting",
                open_id=meeting.id,
                detail=_when(meeting.starts_at),
                tag=meeting.status.value,
                flags=_flags(confidential=where == 2 and meeting.notes_confidential),
            )
        )
    return hits


def find_insights(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    columns = (Insight.text, Insight.referred_name, Stakeholder.name)
    statement = (
        select(Insight, Stakeholder.name)
        .join(Stakeholder, Insight.stakeholder_id == Stakeholder.id)
        .where(every_word(query, [*map(like, columns), _insight_theme]))
        .order_by(Insight.created_at.desc(), Insight.id.desc())
        .limit(limit)
    )
    return [
        SearchHit(
            kind="insight",
            id=row.id,
            title=shorten(row.text),
            snippet=snippet((row.text, row.referred_name), query),
            open_kind="stakeholder",
            open_id=row.stakeholder_id,
            detail=owner,
            tag=row.kind.value,
            flags=_flags(confidential=row.confidential),
        )
        for row, owner in session.execute(statement)
    ]


def find_follow_ups(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    columns = (FollowUp.text, FollowUp.owner, Stakeholder.name)
    statement = (
        select(FollowUp, Stakeholder.name)
        .outerjoin(Stakeholder, FollowUp.stakeholder_id == Stakeholder.id)
        .where(every_word(query, [like(c) for c in columns]))
        .order_by(FollowUp.done, FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.id)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="follow_up",
            id=row.id,
            title=shorten(row.text),
            snippet=snippet((row.text, row.owner), query),
            open_kind="follow_up",
            open_id=row.id,
            detail=" · ".join(p for p in (person or "", _day(row.due_date)) if p),
            tag="done" if row.done else "open",
            flags=_flags(done=row.done, quick_win=row.quick_win),
        )
        for row, person in session.execute(statement)
    ]


def find_topics(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    columns = (LearningTopic.title, LearningTopic.notes)
    statement = (
        select(LearningTopic)
        .options(selectinload(LearningTopic.sources))
        .where(every_word(query, [*map(like, columns), _topic_source]))
        .order_by(title_order(LearningTopic.title, query), LearningTopic.position)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="topic",
            id=row.id,
            title=row.title,
            snippet=snippet((row.notes, *(s.document for s in row.sources)), query),
            open_kind="topic",
            open_id=row.id,
            tag=row.category.value,
            flags=_flags(done=row.status.value == "learnt"),
        )
        for row in session.scalars(statement)
    ]


DEFAULT_PROVIDERS: tuple[tuple[str, SearchProvider], ...] = (
    ("stakeholder", find_stakeholders),
    ("meeting", find_meetings),
    ("topic", find_topics),
    ("insight", find_insights),
    ("follow_up", find_follow_ups),
)


def _flags(**flags: bool) -> frozenset[str]:
    return frozenset(name for name, on in flags.items() if on)


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
