"""The risk register: scores, bands, heat maps, reviews and stakeholder triggers.

Rules kept here:
- A score is likelihood x impact (1-25), before mitigation (inherent) and
  after it (residual).
- Bands: low 1-4, medium 5-9, high 10-14, critical 15-25. On the 5x5 grid,
  "likely and major" (4 x 4 = 16) is critical, "possible and moderate"
  (3 x 3 = 9) medium, and an extreme paired with a 1 (5 x 1) stays medium.
- The heat maps and the "overdue review" list leave closed risks out.
- A risk linked to a person fires while that person's stance is sceptic or
  blocker and the risk is not closed ("sponsor turns opponent").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.plan_rows import IN_LIST_LIMIT, Link, RowManager, check_horizon
from cio_desk.services.profile import ProfileManager
from cio_desk.services.risk_starters import STARTERS, Starter
from cio_desk.services.search import escape_like
from cio_desk.services.text import check_choice, check_rating, clean_text
from cio_desk.store.enums import RiskCategory, RiskResponse, RiskStatus, Stance
from cio_desk.store.models import (
    Contingency,
    Initiative,
    Risk,
    Stakeholder,
    risk_initiative,
    risk_stakeholder,
)

CRITICAL_SCORE = 15
FIRING_STANCES = (Stance.SCEPTIC, Stance.BLOCKER)


class RiskBand(StrEnum):
    """Where a score falls: low 1-4, medium 5-9, high 10-14, critical 15-25."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


# (band, lowest score, highest score)
BANDS: tuple[tuple[RiskBand, int, int], ...] = (
    (RiskBand.LOW, 1, 4),
    (RiskBand.MEDIUM, 5, 9),
    (RiskBand.HIGH, 10, 14),
    (RiskBand.CRITICAL, CRITICAL_SCORE, 25),
)


def risk_score(likelihood: int, impact: int) -> int:
    """The score of a likelihood and an impact (each 1-5): their product, 1-25."""
    return likelihood * impact


def band_for(score: int) -> RiskBand:
    """The band of a score from 1 to 25."""
    for band, low, high in BANDS:
        if low <= score <= high:
            return band
    raise ValueError(f"A risk score is from 1 to 25, not {score}.")


@dataclass(frozen=True)
class RiskData:
    """A risk as the CIO records it (input of add and update)."""

    title: str
    category: RiskCategory
    cause: str = ""
    effect: str = ""
    likelihood: int = 3
    impact: int = 3
    residual_likelihood: int = 3
    residual_impact: int = 3
    response: RiskResponse = RiskResponse.MITIGATE
    owner: str = ""
    trigger: str = ""
    mitigation: str = ""
    contingency: str = ""
    horizon: int | None = None
    status: RiskStatus = RiskStatus.OPEN
    next_review: dt.date | None = None
    initiative_ids: tuple[int, ...] = ()
    stakeholder_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class RiskRecord(RiskData):
    """A stored risk; `contingency_ids` are the plan's contingencies linked to it."""

    id: int = 0
    contingency_ids: tuple[int, ...] = ()

    @property
    def inherent_score(self) -> int:
        return risk_score(self.likelihood, self.impact)

    @property
    def residual_score(self) -> int:
        return risk_score(self.residual_likelihood, self.residual_impact)

    @property
    def inherent_band(self) -> RiskBand:
        return band_for(self.inherent_score)

    @property
    def residual_band(self) -> RiskBand:
        return band_for(self.residual_score)

    @property
    def has_contingency(self) -> bool:
        """A contingency written on the risk or a linked contingency plan."""
        return bool(self.contingency.strip()) or bool(self.contingency_ids)

    def is_review_overdue(self, today: dt.date) -> bool:
        return (
            self.status != RiskStatus.CLOSED
            and self.next_review is not None
            and self.next_review < today
        )


class RiskSort(StrEnum):
    """The columns the register can be sorted by."""

    TITLE = "title"
    CATEGORY = "category"
    STATUS = "status"
    OWNER = "owner"
    HORIZON = "horizon"
    NEXT_REVIEW = "next_review"
    INHERENT_SCORE = "inherent_score"
    RESIDUAL_SCORE = "residual_score"


@dataclass(frozen=True)
class RiskFilter:
    """What the register shows; every field left empty means "any".

    `band` and `cell` (likelihood, impact) read the residual scores, or the
    inherent ones when `residual` is False: the heat map clicked sets both.
    """

    category: RiskCategory | None = None
    status: RiskStatus | None = None
    band: RiskBand | None = None
    horizon: int | None = None
    cell: tuple[int, int] | None = None
    residual: bool = True
    text: str = ""
    include_closed: bool = True


@dataclass(frozen=True)
class HeatMap:
    """Counts of risks per (likelihood, impact) cell; `counts[l - 1][i - 1]`."""

    residual: bool
    counts: tuple[tuple[int, ...], ...]

    def count(self, likelihood: int, impact: int) -> int:
        return self.counts[likelihood - 1][impact - 1]

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))

    @staticmethod
    def band(likelihood: int, impact: int) -> RiskBand:
        """The colour band of a cell."""
        return band_for(risk_score(likelihood, impact))

    def band_counts(self) -> dict[RiskBand, int]:
        """How many risks fall in each band, low to critical."""
        counts = dict.fromkeys(RiskBand, 0)
        for likelihood in range(1, 6):
            for impact in range(1, 6):
                counts[self.band(likelihood, impact)] += self.count(likelihood, impact)
        return counts

    def cell_filter(self, likelihood: int, impact: int) -> RiskFilter:
        """The register filter listing exactly the risks counted in a cell."""
        return RiskFilter(cell=(likelihood, impact), residual=self.residual, include_closed=False)


@dataclass(frozen=True)
class FiredTrigger:
    """A risk linked to a person whose stance is now sceptic or blocker."""

    risk_id: int
    risk_title: str
    stakeholder_id: int
    stakeholder_name: str
    stance: Stance


@dataclass(frozen=True)
class LinkedNames:
    """Initiative titles and stakeholder names by id, for the risks' links."""

    initiatives: dict[int, str]
    stakeholders: dict[int, str]


@dataclass(frozen=True)
class StarterRisk:
    """A common transition risk; `adopted` once a risk with its title is in the register."""

    key: str
    data: RiskData
    adopted: bool


class RiskManager(RowManager[RiskData, RiskRecord]):
    """`ws.risks`: the register and every figure drawn from it."""

    model = Risk
    data_type = RiskData
    record_type = RiskRecord
    what = "risk"
    links = (
        Link(
            "initiative_ids", risk_initiative, "risk_id", "initiative_id", Initiative, "initiative"
        ),
        Link(
            "stakeholder_ids", risk_stakeholder, "risk_id", "stakeholder_id", Stakeholder, "person"
        ),
    )

    def list(  # type: ignore[override]
        self,
        filters: RiskFilter | None = None,
        *,
        sort: RiskSort = RiskSort.RESIDUAL_SCORE,
        descending: bool | None = None,
    ) -> list[RiskRecord]:
        """The register, filtered and sorted (scores: highest first by default)."""
        if descending is None:
            descending = sort in (RiskSort.INHERENT_SCORE, RiskSort.RESIDUAL_SCORE)
        key = _sort_column(sort)
        order = key.desc() if descending else key.asc()
        where = _conditions(filters or RiskFilter())
        with self._read() as session:
            return self._list(session, *where, order_by=(order.nulls_last(), Risk.title, Risk.id))

    def heat_map(self, residual: bool = True) -> HeatMap:
        """5x5 counts of the risks not closed, by residual or inherent scores."""
        likelihood, impact = _scores(residual)
        query = (
            select(likelihood, impact, func.count())
            .where(Risk.status != RiskStatus.CLOSED)
            .group_by(likelihood, impact)
        )
        grid = [[0] * 5 for _ in range(5)]
        with self._read() as session:
            for row_l, row_i, count in session.execute(query):
                grid[row_l - 1][row_i - 1] = count
        return HeatMap(residual, tuple(tuple(row) for row in grid))

    def overdue_reviews(self, today: dt.date) -> list[RiskRecord]:
        """Risks not closed whose next review date has passed, oldest first."""
        with self._read() as session:
            return self._list(
                session,
                Risk.status != RiskStatus.CLOSED,
                Risk.next_review < today,
                order_by=(Risk.next_review, Risk.id),
            )

    def count_overdue_reviews(self, today: dt.date) -> int:
        """How many risks `overdue_reviews(today)` lists, without reading them."""
        query = select(func.count()).where(
            Risk.status != RiskStatus.CLOSED, Risk.next_review < today
        )
        with self._read() as session:
            return session.scalar(query) or 0

    def linked_names(self) -> LinkedNames:
        """The titles and names of what risks are linked to, by id (for the register's columns)."""
        initiatives = select(Initiative.id, Initiative.title).where(
            Initiative.id.in_(select(risk_initiative.c.initiative_id))
        )
        people = select(Stakeholder.id, Stakeholder.name).where(
            Stakeholder.id.in_(select(risk_stakeholder.c.stakeholder_id))
        )
        with self._read() as session:
            return LinkedNames(
                initiatives={i: title for i, title in session.execute(initiatives)},
                stakeholders={i: name for i, name in session.execute(people)},
            )

    def fired_triggers(self) -> list[FiredTrigger]:
        """Risks (not closed) linked to an active person now sceptic or blocker."""
        query = (
            select(Risk.id, Risk.title, Stakeholder.id, Stakeholder.name, Stakeholder.stance)
            .join(risk_stakeholder, risk_stakeholder.c.risk_id == Risk.id)
            .join(Stakeholder, Stakeholder.id == risk_stakeholder.c.stakeholder_id)
            .where(
                Risk.status != RiskStatus.CLOSED,
                ~Stakeholder.archived,
                Stakeholder.stance.in_(FIRING_STANCES),
            )
            .order_by((Risk.residual_likelihood * Risk.residual_impact).desc(), Risk.title)
        )
        with self._read() as session:
            return [FiredTrigger(*row) for row in session.execute(query)]

    def starter_risks(self, language: str | None = None) -> list[StarterRisk]:
        """The common transition risks, in the workspace language, marked if adopted."""
        language = language or self._language()
        with self._read() as session:
            titles = {t.casefold() for t in session.scalars(select(Risk.title))}
        starters = []
        for starter in STARTERS:
            data = _starter_data(starter, language)
            starters.append(StarterRisk(starter.key, data, data.title.casefold() in titles))
        return starters

    def adopt(self, key: str, language: str | None = None) -> RiskRecord:
        """Add a starter risk to the register; undone by `delete`."""
        starter = next((s for s in STARTERS if s.key == key), None)
        if starter is None:
            raise ValidationError("key", f"There is no starter risk called {key!r}.")
        data = _starter_data(starter, language or self._language())
        with self._read() as session:
            taken = session.scalar(
                select(func.count()).where(func.lower(Risk.title) == data.title.lower())
            )
        if taken:
            raise ValidationError("key", f"“{data.title}” is already in the register.")
        return self.add(data)

    # ------------------------------------------------------------ hooks

    def _validate(
        self, session: Session, data: RiskData, item_id: int | None, restoring: bool
    ) -> RiskData:
        if data.next_review is not None and not isinstance(data.next_review, dt.date):
            raise ValidationError("next_review", "The next review must be a date.")
        links = {link.field: link for link in self.links}

        def text(value: str, field: str, label: str) -> str:
            return clean_text(value, field=field, label=label)

        def single(value: str, field: str, label: str, required: bool = False) -> str:
            return clean_text(
                value, field=field, label=label, required=required, single_line=True, max_length=300
            )

        def rating(field: str, label: str) -> int:
            return check_rating(getattr(data, field), field=field, label=label)

        return RiskData(
            title=single(data.title, "title", "Risk", required=True),
            category=check_choice(data.category, RiskCategory, field="category", label="Category"),
            cause=text(data.cause, "cause", "Cause"),
            effect=text(data.effect, "effect", "Effect"),
            likelihood=rating("likelihood", "Likelihood"),
            impact=rating("impact", "Impact"),
            residual_likelihood=rating("residual_likelihood", "Residual likelihood"),
            residual_impact=rating("residual_impact", "Residual impact"),
            response=check_choice(data.response, RiskResponse, field="response", label="Response"),
            owner=clean_text(
                data.owner, field="owner", label="Owner", single_line=True, max_length=200
            ),
            trigger=text(data.trigger, "trigger", "Trigger"),
            mitigation=text(data.mitigation, "mitigation", "Mitigation"),
            contingency=text(data.contingency, "contingency", "Contingency"),
            horizon=check_horizon(data.horizon, optional=True),
            status=check_choice(data.status, RiskStatus, field="status", label="Status"),
            next_review=data.next_review,
            initiative_ids=links["initiative_ids"].check(
                session, data.initiative_ids, restoring=restoring
            ),
            stakeholder_ids=links["stakeholder_ids"].check(
                session, data.stakeholder_ids, restoring=restoring
            ),
        )

    def _extras(self, session: Session, ids: Any) -> dict[int, dict[str, Any]]:
        query = select(Contingency.risk_id, Contingency.id).where(Contingency.risk_id.is_not(None))
        if ids is not None and len(ids) <= IN_LIST_LIMIT:
            query = query.where(Contingency.risk_id.in_(ids))
        found: dict[int, list[int]] = {}
        for risk_id, contingency_id in session.execute(query.order_by(Contingency.id)):
            found.setdefault(risk_id, []).append(contingency_id)
        return {risk_id: {"contingency_ids": tuple(c)} for risk_id, c in found.items()}

    def _after_restore(self, session: Session, snapshot: RiskRecord) -> None:
        ids = snapshot.contingency_ids
        if ids:
            session.execute(
                update(Contingency)
                .where(Contingency.id.in_(ids), Contingency.risk_id.is_(None))
                .values(risk_id=snapshot.id)
            )

    def _language(self) -> str:
        profile = ProfileManager(self._sessions).get()
        return profile.language if profile else "en"


def _starter_data(starter: Starter, language: str) -> RiskData:
    text = starter.text(language)
    likelihood, impact, residual_likelihood, residual_impact = starter.scores
    return RiskData(
        title=text.title,
        category=starter.category,
        cause=text.cause,
        effect=text.effect,
        likelihood=likelihood,
        impact=impact,
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
        response=starter.response,
        trigger=text.trigger,
        mitigation=text.mitigation,
        contingency=text.contingency,
        horizon=starter.horizon,
    )


def _scores(residual: bool) -> tuple[Any, Any]:
    if residual:
        return Risk.residual_likelihood, Risk.residual_impact
    return Risk.likelihood, Risk.impact


def _sort_column(sort: RiskSort) -> Any:
    if sort == RiskSort.INHERENT_SCORE:
        return Risk.likelihood * Risk.impact
    if sort == RiskSort.RESIDUAL_SCORE:
        return Risk.residual_likelihood * Risk.residual_impact
    return getattr(Risk, RiskSort(sort).value)


def _conditions(spec: RiskFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    likelihood, impact = _scores(spec.residual)
    if spec.category is not None:
        where.append(Risk.category == spec.category)
    if spec.status is not None:
        where.append(Risk.status == spec.status)
    if not spec.include_closed:
        where.append(Risk.status != RiskStatus.CLOSED)
    if spec.horizon is not None:
        where.append(Risk.horizon == spec.horizon)
    if spec.band is not None:
        low, high = next((lo, hi) for band, lo, hi in BANDS if band == spec.band)
        where.append((likelihood * impact).between(low, high))
    if spec.cell is not None:
        where.append(and_(likelihood == spec.cell[0], impact == spec.cell[1]))
    for word in spec.text.split():
        pattern = f"%{escape_like(word)}%"
        columns = (
            Risk.title,
            Risk.cause,
            Risk.effect,
            Risk.owner,
            Risk.trigger,
            Risk.mitigation,
            Risk.contingency,
        )
        where.append(or_(*(c.like(pattern, escape="\\") for c in columns)))
    return where
