"""Themes: tags across insights ("ERP", "cost", "talent"), the raw material of the plan.

A theme is created the first time an insight is tagged with it; names match
in any case, so "ERP" and "erp" are one theme. The theme methods are part of
`ws.insights` (see `InsightManager`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, select
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import clean_text
from cio_desk.store.enums import InsightKind
from cio_desk.store.models import Insight, Stakeholder, Theme, insight_theme


@dataclass(frozen=True)
class ThemeRecord:
    """A theme and how many insights it tags."""

    id: int
    name: str
    insight_count: int = 0


@dataclass(frozen=True)
class ThemeSnapshot:
    """A deleted theme and the insights it tagged, for `restore_theme`."""

    id: int
    name: str
    insight_ids: tuple[int, ...]


@dataclass(frozen=True)
class ThemeMerge:
    """What `merge_themes` did, so that `undo_merge` can take it back."""

    source: ThemeSnapshot
    target_id: int
    newly_tagged: tuple[int, ...]  # insights that gained the target theme


@dataclass(frozen=True)
class ThemeCount:
    """One theme across all active stakeholders: the raw material of the plan."""

    theme_id: int
    name: str
    concerns: int
    proposals: int
    goals: int
    stakeholders: int


class ThemeMethods(Manager):
    """The theme half of `ws.insights`: list, rename, merge, delete, count."""

    def themes(self) -> list[ThemeRecord]:
        """Every theme by name, with how many insights it tags."""
        query = (
            select(Theme.id, Theme.name, func.count(insight_theme.c.insight_id))
            .outerjoin(insight_theme, insight_theme.c.theme_id == Theme.id)
            .group_by(Theme.id)
            .order_by(func.lower(Theme.name), Theme.id)
        )
        with self._read() as session:
            return [ThemeRecord(*row) for row in session.execute(query)]

    def add_theme(self, name: str) -> ThemeRecord:
        """The theme called `name`, created unless one exists in any case."""
        with self._write() as session:
            (theme,) = ThemeResolver(session).resolve((name,), strict=True)
            session.flush()
            return ThemeRecord(theme.id, theme.name, _tag_count(session, theme.id))

    def rename_theme(self, theme_id: int, name: str) -> ThemeRecord:
        """Rename a theme; to fold it into another one, use `merge_themes`."""
        with self._write() as session:
            theme = get_or_raise(session, Theme, theme_id, "theme")
            new_name = clean_theme_name(name)
            clash = ThemeResolver(session).find(new_name)
            if clash is not None and clash.id != theme.id:
                raise ValidationError(
                    "name", f"A theme called {clash.name} already exists; merge the two instead."
                )
            theme.name = new_name
            return ThemeRecord(theme.id, theme.name, _tag_count(session, theme.id))

    def merge_themes(self, source_id: int, target_id: int) -> ThemeMerge:
        """Move every insight of `source` to `target`, then remove `source`."""
        if source_id == target_id:
            raise ValidationError("theme_id", "A theme cannot be merged into itself.")
        with self._write() as session:
            source = get_or_raise(session, Theme, source_id, "theme")
            get_or_raise(session, Theme, target_id, "theme")
            snapshot = _theme_snapshot(session, source)
            already = set(_tagged(session, target_id))
            newly = tuple(i for i in snapshot.insight_ids if i not in already)
            _tag(session, target_id, newly)
            session.delete(source)
            return ThemeMerge(source=snapshot, target_id=target_id, newly_tagged=newly)

    def undo_merge(self, merge: ThemeMerge) -> ThemeRecord:
        """Bring the merged theme back and untag what the merge added."""
        with self._write() as session:
            session.execute(
                delete(insight_theme).where(
                    insight_theme.c.theme_id == merge.target_id,
                    insight_theme.c.insight_id.in_(merge.newly_tagged),
                )
            )
            return _restore_theme(session, merge.source)

    def delete_theme(self, theme_id: int) -> ThemeSnapshot:
        """Remove a theme (its insights stay); `restore_theme` puts it back."""
        with self._write() as session:
            theme = get_or_raise(session, Theme, theme_id, "theme")
            snapshot = _theme_snapshot(session, theme)
            session.delete(theme)
            return snapshot

    def restore_theme(self, snapshot: ThemeSnapshot) -> ThemeRecord:
        with self._write() as session:
            return _restore_theme(session, snapshot)

    def theme_counts(self) -> list[ThemeCount]:
        """Per theme: concerns, proposals, goals and distinct people.

        Only active (not archived) stakeholders count. Themes with the most
        concerns and proposals come first.
        """
        active = select(Stakeholder.id).where(Stakeholder.archived.is_(False))
        counted = and_(Insight.id == insight_theme.c.insight_id, Insight.stakeholder_id.in_(active))

        def of_kind(kind: InsightKind) -> Any:
            return func.count(case((Insight.kind == kind, 1)))

        concerns = of_kind(InsightKind.CONCERN)
        proposals = of_kind(InsightKind.PROPOSAL)
        query = (
            select(
                Theme.id,
                Theme.name,
                concerns,
                proposals,
                of_kind(InsightKind.GOAL),
                func.count(Insight.stakeholder_id.distinct()),
            )
            .outerjoin(insight_theme, insight_theme.c.theme_id == Theme.id)
            .outerjoin(Insight, counted)
            .group_by(Theme.id)
            .order_by((concerns + proposals).desc(), func.lower(Theme.name))
        )
        with self._read() as session:
            return [ThemeCount(*row) for row in session.execute(query)]


def clean_theme_name(name: object) -> str:
    return clean_text(
        name, field="themes", label="Theme", required=True, single_line=True, max_length=100
    )


def clean_theme_names(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Blank names dropped; the same theme typed twice (any case) kept once."""
    if isinstance(names, str):
        names = (names,)
    kept: dict[str, str] = {}
    for name in names:
        cleaned = clean_text(name, field="themes", label="Theme", single_line=True, max_length=100)
        if cleaned:
            kept.setdefault(cleaned.casefold(), cleaned)
    return tuple(kept.values())


class ThemeResolver:
    """Finds themes by name in any case and creates missing ones.

    One per transaction: the (small) theme table is read once.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._by_key = {t.name.casefold(): t for t in session.scalars(select(Theme))}

    def find(self, name: str) -> Theme | None:
        return self._by_key.get(name.casefold())

    def resolve(self, names: tuple[str, ...], *, strict: bool = False) -> list[Theme]:
        """The themes for `names`, created on the fly where none matches."""
        if strict:
            names = tuple(clean_theme_name(n) for n in names)
        found = []
        for name in clean_theme_names(names):
            theme = self.find(name)
            if theme is None:
                theme = Theme(name=name)
                self._session.add(theme)
                self._by_key[name.casefold()] = theme
            found.append(theme)
        return found


def _theme_snapshot(session: Session, theme: Theme) -> ThemeSnapshot:
    return ThemeSnapshot(theme.id, theme.name, tuple(_tagged(session, theme.id)))


def _restore_theme(session: Session, snapshot: ThemeSnapshot) -> ThemeRecord:
    if session.get(Theme, snapshot.id) is not None:
        raise ValidationError("theme_id", "This theme is already in the workspace.")
    clash = ThemeResolver(session).find(snapshot.name)
    if clash is not None:
        raise ValidationError("name", f"A theme called {clash.name} exists again.")
    session.add(Theme(id=snapshot.id, name=snapshot.name))
    session.flush()
    still_there = session.scalars(select(Insight.id).where(Insight.id.in_(snapshot.insight_ids)))
    _tag(session, snapshot.id, tuple(still_there))
    return ThemeRecord(snapshot.id, snapshot.name, _tag_count(session, snapshot.id))


def _tagged(session: Session, theme_id: int) -> list[int]:
    query = (
        select(insight_theme.c.insight_id)
        .where(insight_theme.c.theme_id == theme_id)
        .order_by(insight_theme.c.insight_id)
    )
    return list(session.scalars(query))


def _tag(session: Session, theme_id: int, insight_ids: tuple[int, ...]) -> None:
    if insight_ids:
        session.execute(
            insert(insight_theme), [{"insight_id": i, "theme_id": theme_id} for i in insight_ids]
        )


def _tag_count(session: Session, theme_id: int) -> int:
    query = select(func.count()).where(insight_theme.c.theme_id == theme_id)
    return session.scalar(query) or 0
