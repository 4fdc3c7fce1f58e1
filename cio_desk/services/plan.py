"""The strategic plan: assessment, goals, approach, initiatives and the three horizons.

`ws.plan` groups one manager per kind of plan item, all with the same
add / update / get / list / delete / restore API (see `plan_rows.py`):

    ws.plan.assessment     situation assessment items (strength ... threat)
    ws.plan.situations     the situation type of each business unit
    ws.plan.goals          goals
    ws.plan.principles     guiding principles (the strategic approach)
    ws.plan.initiatives    initiatives, ranked within their horizon
    ws.plan.cost_lines     cost lines of initiatives
    ws.plan.payments       payment schedules
    ws.plan.milestones     roadmap milestones
    ws.plan.measures       measures (per horizon and/or initiative)
    ws.plan.contingencies  contingency plans
    ws.plan.next_steps     next steps per horizon

`ws.plan.horizon_view(6)` gathers one horizon's measures, key priorities,
contingencies and next steps: the content of one Plan tab and one PDF section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, case, or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from cio_desk.errors import ValidationError
from cio_desk.services.initiatives import InitiativeManager, InitiativeRecord
from cio_desk.services.plan_costs import CostLineManager, MilestoneManager, PaymentManager
from cio_desk.services.plan_horizons import (
    ContingencyManager,
    ContingencyRecord,
    MeasureManager,
    MeasureRecord,
    NextStepManager,
    NextStepRecord,
)
from cio_desk.services.plan_rows import Link, RowManager, check_horizon
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import (
    INTERNAL_KINDS,
    AssessmentKind,
    InitiativeStatus,
    SituationType,
)
from cio_desk.store.models import (
    AssessmentItem,
    Contingency,
    Goal,
    Initiative,
    Insight,
    Measure,
    NextStep,
    Principle,
    Risk,
    Stakeholder,
    UnitSituation,
    assessment_item_insight,
    initiative_goal,
)

# ---------------------------------------------------------------- assessment


@dataclass(frozen=True)
class AssessmentItemData:
    """One line of the situation assessment, optionally citing what was heard."""

    kind: AssessmentKind
    text: str
    unit: str = ""
    insight_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AssessmentItemRecord(AssessmentItemData):
    """A stored assessment item; `position` orders it within its kind."""

    id: int = 0
    position: int = 0


class AssessmentManager(RowManager[AssessmentItemData, AssessmentItemRecord]):
    """`ws.plan.assessment`: strengths, weaknesses, pain points, opportunities, threats."""

    model = AssessmentItem
    data_type = AssessmentItemData
    record_type = AssessmentItemRecord
    what = "assessment item"
    order = "position"
    links = (
        Link(
            "insight_ids",
            assessment_item_insight,
            "assessment_item_id",
            "insight_id",
            Insight,
            "insight",
        ),
    )

    def _order_by(self) -> tuple:
        kind_order = case(
            {kind: i for i, kind in enumerate(AssessmentKind)}, value=AssessmentItem.kind
        )
        return (
            kind_order,
            AssessmentItem.position,
            AssessmentItem.id,
        )

    def list(self, *, kind: AssessmentKind | None = None) -> list[AssessmentItemRecord]:
        """In the order strength, weakness, pain point, opportunity, threat; then position."""
        where = [] if kind is None else [AssessmentItem.kind == kind]
        with self._read() as session:
            return self._list(session, *where)

    def _validate(
        self, session: Session, data: AssessmentItemData, item_id: int | None, restoring: bool
    ) -> AssessmentItemData:
        return AssessmentItemData(
            kind=check_choice(data.kind, AssessmentKind, field="kind", label="Kind"),
            text=clean_text(data.text, field="text", label="Assessment", required=True),
            unit=clean_text(
                data.unit, field="unit", label="Unit", single_line=True, max_length=200
            ),
            insight_ids=self.links[0].check(session, data.insight_ids, restoring=restoring),
        )


# ---------------------------------------------------------------- unit situations


@dataclass(frozen=True)
class UnitSituationData:
    """The situation a business unit is in; each calls for a different plan."""

    unit: str
    situation: SituationType
    note: str = ""


@dataclass(frozen=True)
class UnitSituationRecord(UnitSituationData):
    """A stored unit situation."""

    id: int = 0


class UnitSituationManager(RowManager[UnitSituationData, UnitSituationRecord]):
    """`ws.plan.situations`: one situation type per business unit."""

    model = UnitSituation
    data_type = UnitSituationData
    record_type = UnitSituationRecord
    what = "unit situation"

    def _order_by(self) -> tuple:
        return (UnitSituation.unit, UnitSituation.id)

    def units_without_situation(self) -> list[str]:
        """Units of active internal stakeholders that have no situation yet, by name.

        External people (vendors, customers, regulators) name their own
        organisation as their unit; it is not a unit of this business.
        """
        query = (
            select(Stakeholder.unit)
            .where(~Stakeholder.archived, Stakeholder.unit != "")
            .where(Stakeholder.kind.in_(sorted(INTERNAL_KINDS)))
            .where(Stakeholder.unit.not_in(select(UnitSituation.unit)))
            .distinct()
            .order_by(Stakeholder.unit)
        )
        with self._read() as session:
            return list(session.scalars(query))

    def _validate(
        self, session: Session, data: UnitSituationData, item_id: int | None, restoring: bool
    ) -> UnitSituationData:
        unit = clean_text(
            data.unit, field="unit", label="Unit", required=True, single_line=True, max_length=200
        )
        others = select(UnitSituation.id, UnitSituation.unit)
        for other_id, other_unit in session.execute(others):
            if other_id != item_id and other_unit.casefold() == unit.casefold():
                raise ValidationError("unit", f"{other_unit} already has a situation.")
        return UnitSituationData(
            unit=unit,
            situation=check_choice(
                data.situation, SituationType, field="situation", label="Situation"
            ),
            note=clean_text(data.note, field="note", label="Note"),
        )


# ---------------------------------------------------------------- goals and principles


@dataclass(frozen=True)
class GoalData:
    """A goal of the plan; `initiative_ids` are the initiatives serving it."""

    title: str
    description: str = ""
    initiative_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class GoalRecord(GoalData):
    """A stored goal; `position` orders the goals."""

    id: int = 0
    position: int = 0


class GoalManager(RowManager[GoalData, GoalRecord]):
    """`ws.plan.goals`."""

    model = Goal
    data_type = GoalData
    record_type = GoalRecord
    what = "goal"
    order = "position"
    links = (
        Link(
            "initiative_ids", initiative_goal, "goal_id", "initiative_id", Initiative, "initiative"
        ),
    )

    def _validate(
        self, session: Session, data: GoalData, item_id: int | None, restoring: bool
    ) -> GoalData:
        return GoalData(
            title=clean_text(
                data.title,
                field="title",
                label="Goal",
                required=True,
                single_line=True,
                max_length=300,
            ),
            description=clean_text(data.description, field="description", label="Description"),
            initiative_ids=self.links[0].check(session, data.initiative_ids, restoring=restoring),
        )


@dataclass(frozen=True)
class PrincipleData:
    """A guiding principle of the strategic approach."""

    text: str


@dataclass(frozen=True)
class PrincipleRecord(PrincipleData):
    """A stored principle; `position` orders the principles."""

    id: int = 0
    position: int = 0


class PrincipleManager(RowManager[PrincipleData, PrincipleRecord]):
    """`ws.plan.principles`."""

    model = Principle
    data_type = PrincipleData
    record_type = PrincipleRecord
    what = "principle"
    order = "position"

    def _validate(
        self, session: Session, data: PrincipleData, item_id: int | None, restoring: bool
    ) -> PrincipleData:
        return PrincipleData(
            text=clean_text(data.text, field="text", label="Principle", required=True)
        )


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class HorizonView:
    """One horizon of the plan: one Plan tab, one PDF section.

    Measures and contingencies without a horizon of their own appear on the
    horizon of their initiative (contingencies: or of their risk).
    """

    horizon: int
    measures: list[MeasureRecord]
    priorities: list[InitiativeRecord]  # ranked; dropped ones left out
    contingencies: list[ContingencyRecord]
    next_steps: list[NextStepRecord]
    # Titles of what the measures and contingencies point to, by id.
    initiative_titles: dict[int, str] = field(default_factory=dict)
    risk_titles: dict[int, str] = field(default_factory=dict)


class PlanService:
    """`ws.plan`: one manager per kind of plan item, plus the horizon view."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self.assessment = AssessmentManager(sessions)
        self.situations = UnitSituationManager(sessions)
        self.goals = GoalManager(sessions)
        self.principles = PrincipleManager(sessions)
        self.initiatives = InitiativeManager(sessions)
        self.cost_lines = CostLineManager(sessions)
        self.payments = PaymentManager(sessions)
        self.milestones = MilestoneManager(sessions)
        self.measures = MeasureManager(sessions)
        self.contingencies = ContingencyManager(sessions)
        self.next_steps = NextStepManager(sessions)

    def initiative_titles(self, *, include_dropped: bool = False) -> dict[int, str]:
        """{id: title} of the initiatives, by horizon and rank; dropped ones only if asked.

        For lists that name initiatives (a goal's "served by"): one query, no links read.
        """
        initiative = Initiative.__table__.c
        query = select(initiative.id, initiative.title).order_by(
            initiative.horizon, initiative.rank, initiative.id
        )
        if not include_dropped:
            query = query.where(initiative.status != InitiativeStatus.DROPPED)
        with self._sessions() as session:
            return {item_id: title for item_id, title in session.execute(query)}

    def horizon_view(self, horizon: int) -> HorizonView:
        """That horizon's measures, ranked priorities, contingencies and next steps."""
        check_horizon(horizon)
        owner = aliased(Initiative)
        risk = aliased(Risk)
        with self._sessions() as session:
            priorities = self.initiatives._list(
                session,
                Initiative.horizon == horizon,
                Initiative.status != InitiativeStatus.DROPPED,
            )
            measure_ids = select(Measure.id).outerjoin(owner, Measure.initiative_id == owner.id)
            measure_ids = measure_ids.where(
                or_(
                    Measure.horizon == horizon,
                    and_(Measure.horizon.is_(None), owner.horizon == horizon),
                )
            )
            measures = self.measures._list(session, Measure.id.in_(measure_ids))
            contingency_ids = (
                select(Contingency.id)
                .outerjoin(owner, Contingency.initiative_id == owner.id)
                .outerjoin(risk, Contingency.risk_id == risk.id)
                .where(
                    or_(
                        Contingency.horizon == horizon,
                        and_(
                            Contingency.horizon.is_(None),
                            or_(owner.horizon == horizon, risk.horizon == horizon),
                        ),
                    )
                )
            )
            contingencies = self.contingencies._list(session, Contingency.id.in_(contingency_ids))
            next_steps = self.next_steps._list(session, NextStep.horizon == horizon)
            initiative_ids = {m.initiative_id for m in measures}
            initiative_ids |= {c.initiative_id for c in contingencies}
            risk_ids = {c.risk_id for c in contingencies}
            initiative_titles = _titles(session, Initiative, initiative_ids)
            risk_titles = _titles(session, Risk, risk_ids)
        return HorizonView(
            horizon,
            measures,
            priorities,
            contingencies,
            next_steps,
            initiative_titles,
            risk_titles,
        )


def _titles(session: Session, model: type, ids: set[int | None]) -> dict[int, str]:
    """{id: title} of the rows of `model` with these ids (None ignored)."""
    wanted = sorted(i for i in ids if i is not None)
    if not wanted:
        return {}
    query = select(model.id, model.title).where(model.id.in_(wanted))  # type: ignore[attr-defined]
    return {item_id: title for item_id, title in session.execute(query)}
