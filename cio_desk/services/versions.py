"""Plan versions: a frozen copy of the plan at each export, and what changed.

A snapshot is a JSON document of the plan content a reviewer cares about
(initiatives with their horizon, months, owner, status and cost lines;
measures; risks with their scores; goals; next steps), plus the ids of the
review comments addressed when it was taken. Items are matched by id, so a
renamed initiative is "renamed", not "removed and added".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.base import Manager
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import AudienceProfile, CostRecurrence
from cio_desk.store.models import (
    Goal,
    Initiative,
    Measure,
    NextStep,
    PlanVersion,
    ReviewComment,
    Risk,
)

SNAPSHOT_FORMAT = 1


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"  # to another horizon
    RESCHEDULED = "rescheduled"  # start or end month
    BUDGET = "budget"  # one-off or yearly cost
    STATUS = "status"
    OWNER = "owner"
    MEASURE = "measure"  # baseline, target or unit of a measure
    RESCORED = "rescored"  # likelihood or impact of a risk


class Area(StrEnum):
    INITIATIVE = "initiative"
    MEASURE = "measure"
    RISK = "risk"
    GOAL = "goal"
    NEXT_STEP = "next_step"


@dataclass(frozen=True)
class Change:
    """One difference between two snapshots; `before`/`after` are raw values.

    MOVED: horizons (6, 12); RESCHEDULED: (start, end) months; BUDGET:
    {"one_off": minor, "per_year": minor}; RESCORED: {"likelihood", "impact",
    "residual_likelihood", "residual_impact"}; MEASURE: {"baseline",
    "target", "unit"}; RENAMED, STATUS, OWNER: text.
    """

    area: Area
    kind: ChangeKind
    item_id: int
    title: str
    before: Any = None
    after: Any = None


@dataclass(frozen=True)
class PlanDiff:
    """What changed between an older and a newer snapshot."""

    older_number: int | None
    newer_number: int | None  # None: the plan as it is now
    changes: tuple[Change, ...]

    @property
    def is_empty(self) -> bool:
        return not self.changes

    def of(self, area: Area, kind: ChangeKind | None = None) -> list[Change]:
        """The changes of one area (and kind), in plan order."""
        return [c for c in self.changes if c.area is area and (kind is None or c.kind is kind)]


@dataclass(frozen=True)
class VersionRecord:
    """A frozen plan version (without its snapshot, which `snapshot()` reads)."""

    id: int
    number: int
    label: str
    profile: AudienceProfile
    created_at: dt.datetime

    @property
    def title(self) -> str:
        """ "Version 3 (Coach draft)" or "Version 3"."""
        return f"Version {self.number}" + (f" ({self.label})" if self.label else "")


@dataclass(frozen=True)
class FrozenVersion:
    """A deleted version with its snapshot, for `restore` (undo)."""

    record: VersionRecord
    snapshot_json: str


class VersionManager(Manager):
    """`ws.versions`: freeze, list and compare plan versions."""

    def freeze(
        self, profile: AudienceProfile | str, now: dt.datetime, label: str = ""
    ) -> VersionRecord:
        """Take a snapshot of the plan as version N+1 (label, date, profile)."""
        profile = check_choice(profile, AudienceProfile, field="profile", label="Audience")
        label = clean_text(label, field="label", label="Label", single_line=True, max_length=200)
        if not isinstance(now, dt.datetime):
            raise ValidationError("created_at", "A version needs the date and time it was taken.")
        with self._write() as session:
            number = (session.scalar(select(func.max(PlanVersion.number))) or 0) + 1
            snapshot = build_snapshot(session)
            row = PlanVersion(
                number=number,
                label=label,
                profile=profile,
                created_at=now,
                snapshot_json=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
            )
            session.add(row)
            session.flush()
            return _record(row)

    def list(self) -> list[VersionRecord]:
        """Every version, oldest first."""
        query = select(
            PlanVersion.id,
            PlanVersion.number,
            PlanVersion.label,
            PlanVersion.profile,
            PlanVersion.created_at,
        ).order_by(PlanVersion.number)
        with self._read() as session:
            return [VersionRecord(*row) for row in session.execute(query)]

    def latest(self) -> VersionRecord | None:
        versions = self.list()
        return versions[-1] if versions else None

    def get(self, number: int) -> VersionRecord:
        with self._read() as session:
            return _record(_load(session, number))

    def snapshot(self, number: int) -> dict[str, Any]:
        """The plan as it was at version `number`."""
        with self._read() as session:
            return _parse(_load(session, number).snapshot_json)

    def current_snapshot(self) -> dict[str, Any]:
        """The plan as it is now, in snapshot form."""
        with self._read() as session:
            return build_snapshot(session)

    def compare(self, older: int, newer: int | None = None) -> PlanDiff:
        """What changed from version `older` to `newer` (None: the plan now)."""
        before = self.snapshot(older)
        after = self.current_snapshot() if newer is None else self.snapshot(newer)
        return PlanDiff(older, newer, tuple(diff_snapshots(before, after)))

    def relabel(self, number: int, label: str) -> VersionRecord:
        label = clean_text(label, field="label", label="Label", single_line=True, max_length=200)
        with self._write() as session:
            row = _load(session, number)
            row.label = label
            return _record(row)

    def delete(self, number: int) -> FrozenVersion:
        """Remove a version; `restore` with the returned value puts it back."""
        with self._write() as session:
            row = _load(session, number)
            frozen = FrozenVersion(_record(row), row.snapshot_json)
            session.delete(row)
            return frozen

    def restore(self, frozen: FrozenVersion) -> VersionRecord:
        record = frozen.record
        with self._write() as session:
            if session.scalar(select(PlanVersion.id).where(PlanVersion.number == record.number)):
                raise ValidationError("number", f"{record.title} already exists.")
            row = PlanVersion(
                id=record.id,
                number=record.number,
                label=record.label,
                profile=record.profile,
                created_at=record.created_at,
                snapshot_json=frozen.snapshot_json,
            )
            session.add(row)
            session.flush()
            return _record(row)


# ---------------------------------------------------------------- snapshots


def build_snapshot(session: Session) -> dict[str, Any]:
    """The plan content that versions compare, as plain JSON-ready values."""
    initiatives = session.scalars(
        select(Initiative)
        .options(selectinload(Initiative.cost_lines))
        .order_by(Initiative.horizon, Initiative.rank, Initiative.id)
    )
    addressed = session.scalars(
        select(ReviewComment.id).where(ReviewComment.addressed.is_(True)).order_by(ReviewComment.id)
    )
    return {
        "format": SNAPSHOT_FORMAT,
        "initiatives": [_initiative(row) for row in initiatives],
        "measures": [
            _measure(row) for row in session.scalars(select(Measure).order_by(Measure.id))
        ],
        "risks": [_risk(row) for row in session.scalars(select(Risk).order_by(Risk.id))],
        "goals": [
            {"id": g.id, "title": g.title}
            for g in session.scalars(select(Goal).order_by(Goal.position, Goal.id))
        ],
        "next_steps": [
            {"id": s.id, "title": s.text, "horizon": s.horizon, "owner": s.owner}
            for s in session.scalars(select(NextStep).order_by(NextStep.horizon, NextStep.id))
        ],
        "addressed_comment_ids": list(addressed),
    }


def _initiative(row: Initiative) -> dict[str, Any]:
    one_off = sum(c.amount_minor for c in row.cost_lines if c.recurrence == CostRecurrence.ONE_OFF)
    per_year = sum(
        c.amount_minor for c in row.cost_lines if c.recurrence == CostRecurrence.PER_YEAR
    )
    return {
        "id": row.id,
        "title": row.title,
        "horizon": row.horizon,
        "start_month": row.start_month,
        "end_month": row.end_month,
        "owner": row.owner,
        "status": str(row.status),
        "budget": {"one_off": one_off, "per_year": per_year},
    }


def _measure(row: Measure) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.name,
        "unit": row.unit,
        "baseline": row.baseline,
        "target": row.target,
        "horizon": row.horizon,
    }


def _risk(row: Risk) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "likelihood": row.likelihood,
        "impact": row.impact,
        "residual_likelihood": row.residual_likelihood,
        "residual_impact": row.residual_impact,
        "status": str(row.status),
        "owner": row.owner,
    }


# ---------------------------------------------------------------- diffs


def diff_snapshots(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """The changes from `before` to `after`, area by area, in plan order."""
    changes: list[Change] = []
    for area, key, compare in (
        (Area.GOAL, "goals", _no_field_changes),
        (Area.INITIATIVE, "initiatives", _initiative_changes),
        (Area.MEASURE, "measures", _measure_changes),
        (Area.RISK, "risks", _risk_changes),
        (Area.NEXT_STEP, "next_steps", _no_field_changes),
    ):
        changes.extend(_area_changes(area, before.get(key, []), after.get(key, []), compare))
    return changes


FieldCompare = Callable[[Area, dict[str, Any], dict[str, Any]], Iterable[Change]]


def _area_changes(
    area: Area, old: list[dict[str, Any]], new: list[dict[str, Any]], compare: FieldCompare
) -> list[Change]:
    old_by_id = {item["id"]: item for item in old}
    matched: set[int] = set()
    changes = []
    for item in new:
        previous = old_by_id.get(item["id"])
        if previous is None or not _same_item(previous, item):
            changes.append(Change(area, ChangeKind.ADDED, item["id"], item["title"]))
            continue
        matched.add(item["id"])
        if previous["title"] != item["title"]:
            changes.append(
                Change(
                    area,
                    ChangeKind.RENAMED,
                    item["id"],
                    item["title"],
                    previous["title"],
                    item["title"],
                )
            )
        changes.extend(compare(area, previous, item))
    changes.extend(
        Change(area, ChangeKind.REMOVED, item["id"], item["title"])
        for item in old
        if item["id"] not in matched
    )
    return changes


def _same_item(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether two entries with the same id are one item.

    SQLite gives a new row the id of a deleted newest row, so an id alone
    does not prove identity: a changed title counts as a rename only when the
    horizon stayed; otherwise the old item was removed and a new one added.
    """
    return old["title"] == new["title"] or old.get("horizon") == new.get("horizon")


def _no_field_changes(area: Area, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return []


def _initiative_changes(area: Area, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    found = []

    def change(kind: ChangeKind, before: Any, after: Any) -> None:
        if before != after:
            found.append(Change(area, kind, new["id"], new["title"], before, after))

    change(ChangeKind.MOVED, old["horizon"], new["horizon"])
    change(
        ChangeKind.RESCHEDULED,
        (old["start_month"], old["end_month"]),
        (new["start_month"], new["end_month"]),
    )
    change(ChangeKind.BUDGET, old["budget"], new["budget"])
    change(ChangeKind.STATUS, old["status"], new["status"])
    change(ChangeKind.OWNER, old["owner"], new["owner"])
    return found


def _measure_changes(area: Area, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    keys = ("baseline", "target", "unit")
    before, after = {k: old[k] for k in keys}, {k: new[k] for k in keys}
    changes = []
    if before != after:
        changes.append(Change(area, ChangeKind.MEASURE, new["id"], new["title"], before, after))
    if old["horizon"] != new["horizon"]:
        changes.append(
            Change(area, ChangeKind.MOVED, new["id"], new["title"], old["horizon"], new["horizon"])
        )
    return changes


def _risk_changes(area: Area, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    keys = ("likelihood", "impact", "residual_likelihood", "residual_impact")
    before, after = {k: old[k] for k in keys}, {k: new[k] for k in keys}
    changes = []
    if before != after:
        changes.append(Change(area, ChangeKind.RESCORED, new["id"], new["title"], before, after))
    if old["status"] != new["status"]:
        changes.append(
            Change(area, ChangeKind.STATUS, new["id"], new["title"], old["status"], new["status"])
        )
    return changes


# ---------------------------------------------------------------- helpers


def _load(session: Session, number: int) -> PlanVersion:
    row = session.scalar(select(PlanVersion).where(PlanVersion.number == number))
    if row is None:
        raise NotFoundError(f"Version {number} no longer exists.")
    return row


def _parse(snapshot_json: str) -> dict[str, Any]:
    try:
        snapshot = json.loads(snapshot_json or "{}")
    except json.JSONDecodeError:
        snapshot = {}
    return snapshot if isinstance(snapshot, dict) else {}


def _record(row: PlanVersion) -> VersionRecord:
    return VersionRecord(
        id=row.id,
        number=row.number,
        label=row.label,
        profile=AudienceProfile(row.profile),
        created_at=row.created_at,
    )
