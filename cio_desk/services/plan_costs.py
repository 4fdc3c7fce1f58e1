"""What hangs on an initiative: cost lines, the payment schedule, milestones.

Amounts are integer minor units of the workspace currency (see `money.py`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.money import check_minor
from cio_desk.services.plan_rows import RowManager, check_month
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import CostCategory, CostRecurrence
from cio_desk.store.models import CostLine, Initiative, Milestone, Payment


@dataclass(frozen=True)
class CostLineData:
    """One line of an initiative's cost, in integer minor units."""

    initiative_id: int
    category: CostCategory
    amount_minor: int
    recurrence: CostRecurrence = CostRecurrence.ONE_OFF
    vendor: str = ""
    note: str = ""


@dataclass(frozen=True)
class CostLineRecord(CostLineData):
    """A stored cost line."""

    id: int = 0


@dataclass(frozen=True)
class PaymentData:
    """One instalment of an initiative's payment schedule."""

    initiative_id: int
    month: int
    amount_minor: int
    note: str = ""


@dataclass(frozen=True)
class PaymentRecord(PaymentData):
    """A stored instalment."""

    id: int = 0


@dataclass(frozen=True)
class MilestoneData:
    """A dated checkpoint of an initiative, shown on the roadmap."""

    initiative_id: int
    month: int
    title: str


@dataclass(frozen=True)
class MilestoneRecord(MilestoneData):
    """A stored milestone."""

    id: int = 0


class _InitiativePartManager(RowManager):
    """Rows that belong to one initiative; listed per initiative."""

    field: ClassVar[str]  # the draft's field, named in errors: "cost_lines"
    label: ClassVar[str]  # "Cost line", for "Cost line 2: ..."

    def list(self, *, initiative_id: int | None = None) -> list:  # type: ignore[override]
        where = [] if initiative_id is None else [self.model.initiative_id == initiative_id]
        with self._read() as session:
            return self._list(session, *where)

    def _validate(self, session: Session, data: Any, item_id: int | None, restoring: bool) -> Any:
        """The initiative is checked first (it must still exist), then the part's own fields."""
        initiative_id = data.initiative_id
        if isinstance(initiative_id, bool) or not isinstance(initiative_id, int):
            message = f"Choose the initiative this {self.what} belongs to."
            raise ValidationError("initiative_id", message)
        if session.get(Initiative, initiative_id) is None:
            raise NotFoundError(f"The initiative of this {self.what} no longer exists.")
        return dataclasses.replace(self._clean(data), initiative_id=initiative_id)

    def _clean(self, data: Any) -> Any:
        """A copy of `data` with the part's own fields cleaned, or ValidationError."""
        raise NotImplementedError

    def _replace(self, session: Session, initiative_id: int, parts: Sequence[Any]) -> None:
        """Make `parts` (records; id 0 for new) the initiative's rows, in the caller's session."""
        model = self.model
        existing = {
            row.id: row
            for row in session.scalars(select(model).where(model.initiative_id == initiative_id))
        }
        kept: set[int] = set()
        for number, part in enumerate(parts, start=1):
            data = dataclasses.replace(self._as_data(part), initiative_id=initiative_id)
            try:
                clean = self._validate(session, data, part.id or None, False)
            except ValidationError as error:
                message = f"{self.label} {number}: {error.message}"
                raise ValidationError(self.field, message) from None
            values = self._column_values(clean)
            row = existing.get(part.id)
            if row is not None:
                kept.add(part.id)
                for column, value in values.items():
                    setattr(row, column, value)
                continue
            row = model(**values)
            if part.id and session.get(model, part.id) is None:
                row.id = part.id  # removed by an edit, put back by its undo
            session.add(row)
        for item_id, row in existing.items():
            if item_id not in kept:
                session.delete(row)
        session.flush()


class CostLineManager(_InitiativePartManager):
    """`ws.plan.cost_lines`: what an initiative costs, line by line."""

    model = CostLine
    data_type = CostLineData
    record_type = CostLineRecord
    what = "cost line"
    field = "cost_lines"
    label = "Cost line"

    def _order_by(self) -> tuple:
        return (CostLine.initiative_id, CostLine.id)

    def _clean(self, data: CostLineData) -> CostLineData:
        return dataclasses.replace(
            data,
            category=check_choice(data.category, CostCategory, field="category", label="Category"),
            amount_minor=check_minor(data.amount_minor, field="amount_minor", label="Amount"),
            recurrence=check_choice(
                data.recurrence, CostRecurrence, field="recurrence", label="One-off or per year"
            ),
            vendor=clean_text(
                data.vendor, field="vendor", label="Vendor", single_line=True, max_length=200
            ),
            note=clean_text(data.note, field="note", label="Note"),
        )


class PaymentManager(_InitiativePartManager):
    """`ws.plan.payments`: the payment schedule, instalment by month."""

    model = Payment
    data_type = PaymentData
    record_type = PaymentRecord
    what = "payment"
    field = "payments"
    label = "Payment"

    def _order_by(self) -> tuple:
        return (Payment.initiative_id, Payment.month, Payment.id)

    def _clean(self, data: PaymentData) -> PaymentData:
        return dataclasses.replace(
            data,
            month=check_month(data.month, field="month", label="Payment month"),
            amount_minor=check_minor(data.amount_minor, field="amount_minor", label="Payment"),
            note=clean_text(data.note, field="note", label="Note"),
        )


class MilestoneManager(_InitiativePartManager):
    """`ws.plan.milestones`: the dated checkpoints shown on the roadmap."""

    model = Milestone
    data_type = MilestoneData
    record_type = MilestoneRecord
    what = "milestone"
    field = "milestones"
    label = "Milestone"

    def _order_by(self) -> tuple:
        return (Milestone.initiative_id, Milestone.month, Milestone.id)

    def _clean(self, data: MilestoneData) -> MilestoneData:
        return dataclasses.replace(
            data,
            month=check_month(data.month, field="month", label="Milestone month"),
            title=clean_text(
                data.title,
                field="title",
                label="Milestone",
                required=True,
                single_line=True,
                max_length=300,
            ),
        )
