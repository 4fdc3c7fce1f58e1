"""Search providers for the plan: initiatives, risks, measures, goals and the assessment.

Registered on the workspace's `SearchService` by `register_plan_search`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from cio_desk.services.search import (
    SearchHit,
    SearchQuery,
    SearchService,
    every_word,
    like,
    snippet,
    title_order,
)
from cio_desk.store.enums import InitiativeStatus
from cio_desk.store.models import AssessmentItem, Goal, Initiative, Measure, Risk


def register_plan_search(search: SearchService) -> None:
    """Add the plan's kinds of item to the search box."""
    search.register("initiative", find_initiatives)
    search.register("risk", find_risks)
    search.register("measure", find_measures)
    search.register("goal", find_goals)
    search.register("assessment", find_assessment)


def find_initiatives(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    """Initiatives by title, description, business value or owner."""
    columns = (
        Initiative.title,
        Initiative.description,
        Initiative.business_value,
        Initiative.owner,
    )
    statement = (
        select(Initiative)
        .where(every_word(query, [like(c) for c in columns]))
        .order_by(title_order(Initiative.title, query), Initiative.horizon, Initiative.rank)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="initiative",
            id=row.id,
            title=row.title,
            snippet=snippet((row.description, row.business_value, row.owner), query),
            open_kind="initiative",
            open_id=row.id,
            detail=row.owner,
            tag=row.status.value,
            flags=frozenset({"done"}) if row.status == InitiativeStatus.DONE else frozenset(),
        )
        for row in session.scalars(statement)
    ]


def find_risks(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    """Risks by title, cause, effect, trigger, mitigation, contingency or owner."""
    texts = (Risk.cause, Risk.effect, Risk.trigger, Risk.mitigation, Risk.contingency, Risk.owner)
    statement = (
        select(Risk)
        .where(every_word(query, [like(c) for c in (Risk.title, *texts)]))
        .order_by(
            title_order(Risk.title, query),
            (Risk.residual_likelihood * Risk.residual_impact).desc(),
            Risk.id,
        )
        .limit(limit)
    )
    return [
        SearchHit(
            kind="risk",
            id=row.id,
            title=row.title,
            snippet=snippet(
                (row.cause, row.effect, row.trigger, row.mitigation, row.contingency, row.owner),
                query,
            ),
            open_kind="risk",
            open_id=row.id,
            detail=row.owner,
            tag=row.category.value,
        )
        for row in session.scalars(statement)
    ]


def find_measures(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    """Measures by name, unit or the title of their initiative."""
    owner = aliased(Initiative)
    statement = (
        select(Measure, owner.title)
        .outerjoin(owner, Measure.initiative_id == owner.id)
        .where(every_word(query, [like(Measure.name), like(Measure.unit), like(owner.title)]))
        .order_by(title_order(Measure.name, query), Measure.id)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="measure",
            id=row.id,
            title=row.name,
            snippet=snippet((row.unit,), query),
            open_kind="measure",
            open_id=row.id,
            detail=initiative or "",
            tag=str(row.horizon) if row.horizon else "",
        )
        for row, initiative in session.execute(statement)
    ]


def find_goals(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    """Goals by title or description."""
    statement = (
        select(Goal)
        .where(every_word(query, [like(Goal.title), like(Goal.description)]))
        .order_by(title_order(Goal.title, query), Goal.position, Goal.id)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="goal",
            id=row.id,
            title=row.title,
            snippet=snippet((row.description,), query),
            open_kind="goal",
            open_id=row.id,
        )
        for row in session.scalars(statement)
    ]


def find_assessment(session: Session, query: SearchQuery, limit: int) -> list[SearchHit]:
    """Assessment items (strengths ... threats) by text or business unit."""
    statement = (
        select(AssessmentItem)
        .where(every_word(query, [like(AssessmentItem.text), like(AssessmentItem.unit)]))
        .order_by(title_order(AssessmentItem.text, query), AssessmentItem.id)
        .limit(limit)
    )
    return [
        SearchHit(
            kind="assessment",
            id=row.id,
            title=" ".join(row.text.split()),
            snippet="",
            open_kind="assessment",
            open_id=row.id,
            detail=row.unit,
            tag=row.kind.value,
        )
        for row in session.scalars(statement)
    ]
