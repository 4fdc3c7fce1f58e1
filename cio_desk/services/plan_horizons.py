"""What each horizon holds besides its initiatives: measures, contingencies, next steps.

Rules kept here:
- A measure belongs to a horizon, to an initiative, or to both; one with
  neither would appear nowhere, so it is refused.
- A target equal to the baseline is saved but flagged (`measure_warnings`,
  and the plan health list): "hold uptime at 99.9 %" is a fair aim in a
  sustaining-success unit, yet most often it is a slip that leaves the measure
  unable to show progress.
- Measure values are numbers of any sign; text such as "1,250" or "95%" is
  read with `money.parse_number`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from cio_desk.errors import ValidationError
from cio_desk.services.money import parse_number
from cio_desk.services.plan_rows import RowManager, check_horizon, check_reference
from cio_desk.services.text import clean_text
from cio_desk.store.models import Contingency, Initiative, Measure, NextStep, Risk


@dataclass(frozen=True)
class FieldWarning:
    """Saved, but worth a second look: shown at `field` in the form."""

    field: str
    message: str


# ---------------------------------------------------------------- measures


@dataclass(frozen=True)
class MeasureData:
    """How success is assessed: a metric with a baseline, a target and its latest value."""

    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    current_on: dt.date | None = None
    horizon: int | None = None
    initiative_id: int | None = None


@dataclass(frozen=True)
class MeasureRecord(MeasureData):
    """A stored measure."""

    id: int = 0

    @property
    def target_equals_baseline(self) -> bool:
        return self.baseline is not None and self.baseline == self.target

    @property
    def progress(self) -> float | None:
        """Share of the way from baseline to target (may be <0 or >1), if known."""
        if self.baseline is None or self.target is None or self.current is None:
            return None
        if self.target == self.baseline:
            return None
        return (self.current - self.baseline) / (self.target - self.baseline)


def measure_warnings(data: MeasureData) -> list[FieldWarning]:
    """What to point out about a measure that is saved anyway."""
    if data.baseline is not None and data.baseline == data.target:
        return [
            FieldWarning(
                "target",
                f"The target equals the baseline ({data.baseline:g}), so this measure "
                "cannot show progress. Set a different target, unless the aim is to hold "
                "the level.",
            )
        ]
    return []


class MeasureManager(RowManager[MeasureData, MeasureRecord]):
    """`ws.plan.measures`: how each horizon and initiative is judged."""

    model = Measure
    data_type = MeasureData
    record_type = MeasureRecord
    what = "measure"

    def list(
        self, *, horizon: int | None = None, initiative_id: int | None = None
    ) -> list[MeasureRecord]:
        """Measures set on a horizon and/or an initiative (both None: all)."""
        where = []
        if horizon is not None:
            where.append(Measure.horizon == horizon)
        if initiative_id is not None:
            where.append(Measure.initiative_id == initiative_id)
        with self._read() as session:
            return self._list(session, *where)

    def record_current(
        self, measure_id: int, value: float | str | None, on: dt.date
    ) -> MeasureRecord:
        """Update the current value, dated `on`; undone by `update` with the old pair."""
        return self.update(measure_id, current=value, current_on=on)

    def _validate(
        self, session: Session, data: MeasureData, item_id: int | None, restoring: bool
    ) -> MeasureData:
        horizon = check_horizon(data.horizon, optional=True)
        initiative_id = check_reference(
            session,
            Initiative,
            data.initiative_id,
            field="initiative_id",
            label="initiative",
            restoring=restoring,
        )
        if horizon is None and initiative_id is None and not restoring:
            raise ValidationError(
                "horizon", "Give the measure a horizon or an initiative, or both."
            )
        current_on = data.current_on
        if current_on is not None and not isinstance(current_on, dt.date):
            raise ValidationError("current_on", "The date of the current value must be a date.")
        return MeasureData(
            name=clean_text(
                data.name,
                field="name",
                label="Measure name",
                required=True,
                single_line=True,
                max_length=300,
            ),
            unit=clean_text(data.unit, field="unit", label="Unit", single_line=True, max_length=50),
            baseline=parse_number(data.baseline, field="baseline", label="Baseline"),
            target=parse_number(data.target, field="target", label="Target"),
            current=parse_number(data.current, field="current", label="Current value"),
            current_on=current_on,
            horizon=horizon,
            initiative_id=initiative_id,
        )


# ---------------------------------------------------------------- contingencies


@dataclass(frozen=True)
class ContingencyData:
    """What we do if a named trigger happens."""

    trigger: str
    response: str = ""
    owner: str = ""
    horizon: int | None = None
    risk_id: int | None = None
    initiative_id: int | None = None


@dataclass(frozen=True)
class ContingencyRecord(ContingencyData):
    """A stored contingency."""

    id: int = 0


class ContingencyManager(RowManager[ContingencyData, ContingencyRecord]):
    """`ws.plan.contingencies`: the responses planned in advance."""

    model = Contingency
    data_type = ContingencyData
    record_type = ContingencyRecord
    what = "contingency"

    def list(
        self,
        *,
        horizon: int | None = None,
        risk_id: int | None = None,
        initiative_id: int | None = None,
    ) -> list[ContingencyRecord]:
        where = []
        for column, value in (
            (Contingency.horizon, horizon),
            (Contingency.risk_id, risk_id),
            (Contingency.initiative_id, initiative_id),
        ):
            if value is not None:
                where.append(column == value)
        with self._read() as session:
            return self._list(session, *where)

    def _validate(
        self, session: Session, data: ContingencyData, item_id: int | None, restoring: bool
    ) -> ContingencyData:
        def reference(model: type, value: int | None, field: str, label: str) -> int | None:
            return check_reference(
                session, model, value, field=field, label=label, restoring=restoring
            )

        return ContingencyData(
            trigger=clean_text(data.trigger, field="trigger", label="Trigger", required=True),
            response=clean_text(data.response, field="response", label="Response"),
            owner=clean_text(
                data.owner, field="owner", label="Owner", single_line=True, max_length=200
            ),
            horizon=check_horizon(data.horizon, optional=True),
            risk_id=reference(Risk, data.risk_id, "risk_id", "risk"),
            initiative_id=reference(Initiative, data.initiative_id, "initiative_id", "initiative"),
        )


# ---------------------------------------------------------------- next steps


@dataclass(frozen=True)
class NextStepData:
    """A concrete next step on one horizon."""

    horizon: int
    text: str
    owner: str = ""
    due_date: dt.date | None = None
    done: bool = False


@dataclass(frozen=True)
class NextStepRecord(NextStepData):
    """A stored next step."""

    id: int = 0

    def is_overdue(self, today: dt.date) -> bool:
        return not self.done and self.due_date is not None and self.due_date < today


class NextStepManager(RowManager[NextStepData, NextStepRecord]):
    """`ws.plan.next_steps`: open steps first, by due date (undated last)."""

    model = NextStep
    data_type = NextStepData
    record_type = NextStepRecord
    what = "next step"

    def _order_by(self) -> tuple:
        return (
            NextStep.horizon,
            NextStep.done,
            NextStep.due_date.is_(None),
            NextStep.due_date,
            NextStep.id,
        )

    def list(self, *, horizon: int | None = None) -> list[NextStepRecord]:
        where = [] if horizon is None else [NextStep.horizon == horizon]
        with self._read() as session:
            return self._list(session, *where)

    def set_done(self, step_id: int, done: bool = True) -> NextStepRecord:
        return self.update(step_id, done=done)

    def _validate(
        self, session: Session, data: NextStepData, item_id: int | None, restoring: bool
    ) -> NextStepData:
        if data.due_date is not None and not isinstance(data.due_date, dt.date):
            raise ValidationError("due_date", "The due date must be a date.")
        return dataclasses.replace(
            data,
            horizon=check_horizon(data.horizon),
            text=clean_text(data.text, field="text", label="Next step", required=True),
            owner=clean_text(
                data.owner, field="owner", label="Owner", single_line=True, max_length=200
            ),
            done=bool(data.done),
        )
