"""Initiatives: the plan's key priorities (their costs are in `plan_costs.py`).

Rules kept here:
- Months run 1-24 from the start date; an initiative ends on or after the
  month it starts.
- The horizon is when the initiative delivers: it must end by its horizon's
  last month (a 6-month initiative ends by month 6, a 12-month one by month
  12). `horizon_for(end_month)` gives the horizon a moved bar belongs to.
  Starting early is fine: a 24-month programme may start in month 1.
- Ranks order the initiatives within their horizon; one moved to another
  horizon goes last there unless a rank is given.
- Only stakeholders' goals, proposals and concerns can be addressed.
- Dependencies may not loop; the refusal names the loop.
- Month 1 begins on the start date and each month on the same day of the
  next calendar month (or its last day), so "today" falls in one month.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.base import get_or_raise
from cio_desk.services.plan_costs import (
    CostLineManager,
    CostLineRecord,
    MilestoneManager,
    MilestoneRecord,
    PaymentManager,
    PaymentRecord,
)
from cio_desk.services.plan_rows import (
    LAST_MONTH,
    Link,
    RowManager,
    check_horizon,
    check_month,
    existing_ids,
    horizon_for,
)
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import InitiativeStatus, InsightKind
from cio_desk.store.models import (
    Contingency,
    CostLine,
    Goal,
    Initiative,
    Insight,
    Measure,
    Milestone,
    Payment,
    Risk,
    initiative_dependency,
    initiative_goal,
    initiative_insight,
    risk_initiative,
)

ADDRESSABLE_KINDS = (InsightKind.GOAL, InsightKind.PROPOSAL, InsightKind.CONCERN)


@dataclass(frozen=True)
class InitiativeData:
    """An initiative as the CIO edits it (input of add and update)."""

    title: str
    description: str = ""
    business_value: str = ""
    horizon: int = 6
    start_month: int = 1
    end_month: int = 6
    owner: str = ""
    status: InitiativeStatus = InitiativeStatus.PROPOSED
    cfo_confirmed: bool = False
    goal_ids: tuple[int, ...] = ()
    insight_ids: tuple[int, ...] = ()
    depends_on_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class InitiativeRecord(InitiativeData):
    """A stored initiative; `rank` orders it within its horizon (0 first)."""

    id: int = 0
    rank: int = 0

    @property
    def months(self) -> int:
        return self.end_month - self.start_month + 1


@dataclass(frozen=True)
class InitiativeSnapshot:
    """A deleted initiative with everything that hung on it, for `restore`."""

    record: InitiativeRecord
    cost_lines: tuple[CostLineRecord, ...]
    payments: tuple[PaymentRecord, ...]
    milestones: tuple[MilestoneRecord, ...]
    dependent_ids: tuple[int, ...]  # initiatives that depended on this one
    measure_ids: tuple[int, ...]
    contingency_ids: tuple[int, ...]
    risk_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        return self.record.id


@dataclass(frozen=True)
class InitiativeDraft:
    """An initiative with its cost lines, payment schedule and milestones, saved in one step.

    A part with id 0 is new; a part with the id of one of the initiative's
    rows updates it; the initiative's rows left out are removed. A part whose
    row no longer exists is put back with its id (what undo does). `rank`
    None keeps the rank (or puts a moved initiative last in its new horizon).
    """

    data: InitiativeData
    cost_lines: tuple[CostLineRecord, ...] = ()
    payments: tuple[PaymentRecord, ...] = ()
    milestones: tuple[MilestoneRecord, ...] = ()
    rank: int | None = None


class InitiativeManager(RowManager[InitiativeData, InitiativeRecord]):
    """`ws.plan.initiatives`: the key priorities, ranked within each horizon."""

    model = Initiative
    data_type = InitiativeData
    record_type = InitiativeRecord
    what = "initiative"
    order = "rank"
    order_group = "horizon"
    links = (
        Link("goal_ids", initiative_goal, "initiative_id", "goal_id", Goal, "goal"),
        Link("insight_ids", initiative_insight, "initiative_id", "insight_id", Insight, "insight"),
        Link(
            "depends_on_ids",
            initiative_dependency,
            "initiative_id",
            "depends_on_id",
            Initiative,
            "initiative to depend on",
        ),
    )

    def list(
        self, *, horizon: int | None = None, include_dropped: bool = True
    ) -> list[InitiativeRecord]:
        """By horizon, then rank; optionally one horizon, optionally without dropped ones."""
        where = []
        if horizon is not None:
            where.append(Initiative.horizon == horizon)
        if not include_dropped:
            where.append(Initiative.status != InitiativeStatus.DROPPED)
        with self._read() as session:
            return self._list(session, *where)

    def delete(self, item_id: int) -> InitiativeSnapshot:  # type: ignore[override]
        """Remove an initiative with its costs, payments and milestones; see `restore`."""
        with self._write() as session:
            row = get_or_raise(session, Initiative, item_id, "initiative")
            snapshot = self._snapshot(session, row)
            session.delete(row)
            return snapshot

    def restore(self, snapshot: InitiativeSnapshot) -> InitiativeRecord:  # type: ignore[override]
        """Put back a deleted initiative and re-attach what pointed at it."""
        with self._write() as session:
            record = self._restore(session, snapshot.record)
            for manager, items in (
                (CostLineManager(self._sessions), snapshot.cost_lines),
                (PaymentManager(self._sessions), snapshot.payments),
                (MilestoneManager(self._sessions), snapshot.milestones),
            ):
                for item in items:
                    manager._restore(session, item)
            _relink_dependents(session, record.id, snapshot.dependent_ids)
            for model, ids in (
                (Measure, snapshot.measure_ids),
                (Contingency, snapshot.contingency_ids),
            ):
                session.execute(
                    update(model)
                    .where(model.id.in_(ids), model.initiative_id.is_(None))
                    .values(initiative_id=record.id)
                )
            risks = existing_ids(session, Risk, snapshot.risk_ids)
            if risks:
                session.execute(
                    insert(risk_initiative),
                    [{"risk_id": r, "initiative_id": record.id} for r in sorted(risks)],
                )
            return record

    def move(self, item_id: int, start_month: int, end_month: int) -> InitiativeRecord:
        """Give an initiative new months, as dragging its bar on the roadmap does.

        An end past its horizon moves it to the horizon it now ends in (last
        there), in the same update; otherwise the horizon stays. Undone by
        `update(id, start_month=..., end_month=..., horizon=..., rank=...)`
        with the values from before.
        """
        start = check_month(start_month, field="start_month", label="Start month")
        end = check_month(end_month, field="end_month", label="End month")
        horizon = self.get(item_id).horizon
        if end > horizon:
            horizon = horizon_for(end)
        return self.update(item_id, start_month=start, end_month=end, horizon=horizon)

    def draft(self, item_id: int) -> InitiativeDraft:
        """The initiative as stored, with its parts and rank: what an editor starts from."""
        with self._read() as session:
            record = self._record(session, get_or_raise(session, Initiative, item_id, "initiative"))
            parts = [
                tuple(manager(self._sessions)._list(session, model.initiative_id == item_id))
                for manager, model in (
                    (CostLineManager, CostLine),
                    (PaymentManager, Payment),
                    (MilestoneManager, Milestone),
                )
            ]
        return InitiativeDraft(self._as_data(record), *parts, rank=record.rank)

    def save_draft(self, draft: InitiativeDraft, item_id: int | None = None) -> InitiativeRecord:
        """Add (`item_id` None) or update an initiative and its parts, all or nothing.

        A refused part names its line: field "cost_lines", "payments" or
        "milestones", message "Cost line 2: Amount cannot be negative."
        An edit is undone by saving the `draft(item_id)` taken before it.
        """
        with self._write() as session:
            if item_id is None:
                record = self._add(session, draft.data)
            else:
                changes = {f: getattr(draft.data, f) for f in self._data_fields()}
                if draft.rank is not None:
                    changes["rank"] = draft.rank
                record = self._update(session, item_id, changes)
            for manager, parts in (
                (CostLineManager, draft.cost_lines),
                (PaymentManager, draft.payments),
                (MilestoneManager, draft.milestones),
            ):
                manager(self._sessions)._replace(session, record.id, parts)
            return record

    def dependents(self, item_id: int) -> list[InitiativeRecord]:
        """The initiatives that depend on this one."""
        with self._read() as session:
            ids = select(initiative_dependency.c.initiative_id).where(
                initiative_dependency.c.depends_on_id == item_id
            )
            return self._list(session, Initiative.id.in_(ids))

    # ------------------------------------------------------------ rules

    def _validate(
        self, session: Session, data: InitiativeData, item_id: int | None, restoring: bool
    ) -> InitiativeData:
        horizon, start, end = check_schedule(data.horizon, data.start_month, data.end_month)
        links = {link.field: link for link in self.links}
        insight_ids = links["insight_ids"].check(session, data.insight_ids, restoring=restoring)
        insight_ids = _addressable(session, insight_ids, restoring)
        depends = links["depends_on_ids"].check(session, data.depends_on_ids, restoring=restoring)
        if item_id is not None and item_id in depends:
            raise ValidationError("depends_on_ids", "An initiative cannot depend on itself.")
        if item_id is not None:
            _refuse_cycles(session, item_id, depends)
        return InitiativeData(
            title=clean_text(
                data.title,
                field="title",
                label="Title",
                required=True,
                single_line=True,
                max_length=300,
            ),
            description=clean_text(data.description, field="description", label="Description"),
            business_value=clean_text(
                data.business_value, field="business_value", label="Business value"
            ),
            horizon=horizon,  # type: ignore[arg-type]
            start_month=start,
            end_month=end,
            owner=clean_text(
                data.owner, field="owner", label="Owner", single_line=True, max_length=200
            ),
            status=check_choice(data.status, InitiativeStatus, field="status", label="Status"),
            cfo_confirmed=bool(data.cfo_confirmed),
            goal_ids=links["goal_ids"].check(session, data.goal_ids, restoring=restoring),
            insight_ids=insight_ids,
            depends_on_ids=depends,
        )

    def _snapshot(self, session: Session, row: Initiative) -> InitiativeSnapshot:
        item_id = row.id

        def ids(column, *where) -> tuple[int, ...]:
            return tuple(session.scalars(select(column).where(*where).order_by(column)))

        return InitiativeSnapshot(
            record=self._record(session, row),
            cost_lines=tuple(
                CostLineManager(self._sessions)._list(session, CostLine.initiative_id == item_id)
            ),
            payments=tuple(
                PaymentManager(self._sessions)._list(session, Payment.initiative_id == item_id)
            ),
            milestones=tuple(
                MilestoneManager(self._sessions)._list(session, Milestone.initiative_id == item_id)
            ),
            dependent_ids=ids(
                initiative_dependency.c.initiative_id,
                initiative_dependency.c.depends_on_id == item_id,
            ),
            measure_ids=ids(Measure.id, Measure.initiative_id == item_id),
            contingency_ids=ids(Contingency.id, Contingency.initiative_id == item_id),
            risk_ids=ids(risk_initiative.c.risk_id, risk_initiative.c.initiative_id == item_id),
        )


def starts_before_dependency_ends(start_month: int, dependency_end_month: int) -> bool:
    """Whether an initiative starting in `start_month` starts too early for a dependency
    ending in `dependency_end_month` (months are whole: after month 6 ends comes month 7)."""
    return start_month <= dependency_end_month


def month_start(start_date: dt.date, month: int) -> dt.date:
    """The first day of plan month `month` (month 1 begins on the start date)."""
    index = start_date.month - 1 + month - 1
    year, month_of_year = start_date.year + index // 12, index % 12 + 1
    day = min(start_date.day, calendar.monthrange(year, month_of_year)[1])
    return dt.date(year, month_of_year, day)


def month_position(start_date: dt.date, today: dt.date) -> float:
    """Where `today` falls on the plan's month axis: 0.0 is the start date, 1.0 the
    first day of month 2; 0.5 is half-way through month 1.

    Negative before the start date; 24.0 or more once the 24 months are over.
    """
    if today < start_date:
        return -(start_date - today).days / 30.0
    month = 1
    while month <= LAST_MONTH and month_start(start_date, month + 1) <= today:
        month += 1
    begins, ends = month_start(start_date, month), month_start(start_date, month + 1)
    return month - 1 + (today - begins).days / (ends - begins).days


def current_month(start_date: dt.date, today: dt.date) -> int | None:
    """The plan month (1-24) `today` falls in; None before the start or after month 24."""
    position = month_position(start_date, today)
    return int(position) + 1 if 0 <= position < LAST_MONTH else None


def check_schedule(horizon: object, start_month: object, end_month: object) -> tuple[int, int, int]:
    """The horizon, start and end month if they fit together, else ValidationError.

    Forms call it as the months are typed, so the message appears at once.
    """
    checked = check_horizon(horizon)
    assert checked is not None  # not optional here
    start = check_month(start_month, field="start_month", label="Start month")
    end = check_month(end_month, field="end_month", label="End month")
    if end < start:
        raise ValidationError(
            "end_month",
            f"The initiative cannot end (month {end}) before it starts (month {start}).",
        )
    if end > checked:
        raise ValidationError(
            "end_month",
            f"A {checked}-month initiative must end by month {checked} (this one ends in "
            f"month {end}). End it earlier or move it to the {horizon_for(end)}-month horizon.",
        )
    return checked, start, end


def _addressable(
    session: Session, insight_ids: tuple[int, ...], restoring: bool
) -> tuple[int, ...]:
    """Refuse (or, on restore, drop) insights that are not goals, proposals or concerns."""
    if not insight_ids:
        return ()
    query = select(Insight.id, Insight.kind).where(Insight.id.in_(insight_ids))
    kinds = {insight_id: kind for insight_id, kind in session.execute(query)}
    wrong = [i for i in insight_ids if kinds[i] not in ADDRESSABLE_KINDS]
    if wrong and not restoring:
        text = session.scalar(select(Insight.text).where(Insight.id == wrong[0])) or ""
        kind = InsightKind(kinds[wrong[0]]).value.replace("_", "-")
        raise ValidationError(
            "insight_ids",
            "An initiative can address only goals, proposals and concerns; "
            f"“{_short(text)}” is a {kind}.",
        )
    return tuple(i for i in insight_ids if i not in wrong)


def _dependency_graph(session: Session) -> dict[int, set[int]]:
    graph: dict[int, set[int]] = {}
    for source, target in session.execute(select(initiative_dependency)):
        graph.setdefault(source, set()).add(target)
    return graph


def _path(graph: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """A dependency path from `start` to `goal` (both included), if one exists."""
    stack: list[tuple[int, list[int]]] = [(start, [start])]
    seen = {start}
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        for nxt in sorted(graph.get(node, ()), reverse=True):
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def _refuse_cycles(session: Session, item_id: int, depends: Sequence[int]) -> None:
    """ValidationError naming the loop if `item_id` depending on `depends` would close one."""
    graph = _dependency_graph(session)
    graph[item_id] = set(depends)
    for dependency in depends:
        path = _path(graph, dependency, item_id)
        if path is not None:
            loop = [item_id, *path]
            query = select(Initiative.id, Initiative.title).where(Initiative.id.in_(loop))
            titles = {initiative_id: title for initiative_id, title in session.execute(query)}
            names = " → ".join(f"“{_short(titles.get(i, '?'))}”" for i in loop)
            raise ValidationError(
                "depends_on_ids",
                f"This dependency would form a loop (each depends on the next): {names}. "
                "Remove one of these links first.",
            )


def _relink_dependents(session: Session, item_id: int, dependent_ids: Sequence[int]) -> None:
    """Restore "X depends on this" links, skipping any that would now close a loop."""
    graph = _dependency_graph(session)
    for dependent in sorted(existing_ids(session, Initiative, dependent_ids)):
        if _path(graph, item_id, dependent) is None:
            session.execute(
                insert(initiative_dependency).values(initiative_id=dependent, depends_on_id=item_id)
            )
            graph.setdefault(dependent, set()).add(item_id)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
