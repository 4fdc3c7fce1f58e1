"""What the roadmap timeline shows, and where: rows, bars, arrows, and the geometry
that turns months and rows into pixels and back.

Kept apart from the painting so the drag arithmetic (snap to whole months)
and the hit testing can be read, and tested, on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from cio_desk.services.initiatives import starts_before_dependency_ends
from cio_desk.store.enums import HORIZONS, InitiativeStatus

PLAN_MONTHS = 24
# Where each horizon's band lies on the month axis: (first month, last month).
HORIZON_BANDS = {6: (1, 6), 12: (7, 12), 24: (13, 24)}


@dataclass(frozen=True)
class TimelineMilestone:
    """A dated checkpoint drawn on its initiative's row."""

    month: int
    title: str


@dataclass(frozen=True)
class TimelineBar:
    """One initiative as the timeline draws it; texts are ready to show."""

    id: int
    title: str
    horizon: int
    start_month: int
    end_month: int
    status: InitiativeStatus
    owner: str = ""
    status_text: str = ""
    milestones: tuple[TimelineMilestone, ...] = ()
    depends_on: tuple[int, ...] = ()

    @property
    def months(self) -> int:
        return self.end_month - self.start_month + 1


@dataclass(frozen=True)
class TimelineRow:
    """A horizon heading (`bar` None) or an initiative's row."""

    horizon: int
    bar: TimelineBar | None = None
    count: int = 0  # on a heading: how many initiatives follow


@dataclass(frozen=True)
class Arrow:
    """A dependency: from the end of `from_row`'s bar to the start of `to_row`'s."""

    from_row: int
    to_row: int
    from_month: int  # the dependency's end month
    to_month: int  # the dependent's start month
    conflict: bool  # the dependent starts before the dependency ends


@dataclass(frozen=True)
class TimelineContent:
    """Rows grouped by horizon (in the order given), and the dependency arrows."""

    rows: tuple[TimelineRow, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    row_of: dict[int, int] = field(default_factory=dict)  # initiative id -> row index

    @classmethod
    def build(cls, bars: list[TimelineBar]) -> TimelineContent:
        """A heading per horizon, then its bars in the order given (their rank)."""
        rows: list[TimelineRow] = []
        for horizon in HORIZONS:
            of_horizon = [bar for bar in bars if bar.horizon == horizon]
            rows.append(TimelineRow(horizon, None, len(of_horizon)))
            rows.extend(TimelineRow(horizon, bar) for bar in of_horizon)
        row_of = {row.bar.id: index for index, row in enumerate(rows) if row.bar is not None}
        by_id = {bar.id: bar for bar in bars}
        arrows = []
        for bar in bars:
            for dependency_id in bar.depends_on:
                dependency = by_id.get(dependency_id)
                if dependency is None:  # not shown (dropped)
                    continue
                arrows.append(
                    Arrow(
                        row_of[dependency_id],
                        row_of[bar.id],
                        dependency.end_month,
                        bar.start_month,
                        starts_before_dependency_ends(bar.start_month, dependency.end_month),
                    )
                )
        return cls(tuple(rows), tuple(arrows), row_of)

    def bar(self, initiative_id: int) -> TimelineBar | None:
        row = self.row_of.get(initiative_id)
        return None if row is None else self.rows[row].bar

    def bar_ids(self) -> list[int]:
        """Initiative ids from top to bottom."""
        return [row.bar.id for row in self.rows if row.bar is not None]


class DragMode(Enum):
    """What a press on a bar does when the mouse moves."""

    MOVE = "move"
    START = "start"  # the left end: change the start month
    END = "end"  # the right end: change the end month


@dataclass(frozen=True)
class Drag:
    """A drag in progress; `months` is how far the mouse has gone, in whole months."""

    bar: TimelineBar
    mode: DragMode
    press_x: float
    months: int = 0

    def span(self) -> tuple[int, int]:
        """(start, end) the bar would get if dropped now.

        Dragging an end never crosses the other end (the bar keeps at least one
        month); months outside 1-24 are left for the service to refuse.
        """
        start, end = self.bar.start_month, self.bar.end_month
        if self.mode is DragMode.MOVE:
            return start + self.months, end + self.months
        if self.mode is DragMode.START:
            return min(start + self.months, end), end
        return start, max(end + self.months, start)

    def moved(self) -> bool:
        return self.span() != (self.bar.start_month, self.bar.end_month)


@dataclass(frozen=True)
class Geometry:
    """Sizes of the timeline in device-independent pixels.

    Content coordinates: x = 0 is the left edge of month 1, y = 0 the top of
    the first row. The view adds the label column, the ruler and the scroll
    offsets.
    """

    label_width: float
    ruler_height: float
    row_height: float
    month_width: float

    @property
    def chart_width(self) -> float:
        return PLAN_MONTHS * self.month_width

    def month_left(self, month: float) -> float:
        """The content x of the left edge of `month` (fractions allowed)."""
        return (month - 1) * self.month_width

    def bar_span(self, start_month: int, end_month: int) -> tuple[float, float]:
        """Left and right content x of a bar covering whole months."""
        return self.month_left(start_month), self.month_left(end_month + 1)

    def row_top(self, row: int) -> float:
        return row * self.row_height

    def row_at(self, y: float, rows: int) -> int | None:
        """The row under content y, or None outside the rows."""
        if y < 0:
            return None
        row = int(y // self.row_height)
        return row if row < rows else None

    def months_moved(self, press_x: float, x: float) -> int:
        """Whole months between two content x, rounded to the nearest month."""
        return round((x - press_x) / self.month_width)

    def handle_width(self, bar_width: float) -> float:
        """How wide the grab zone at each end of a bar is."""
        return min(max(6.0, self.month_width * 0.25), bar_width / 3)

    def drag_mode(self, bar: TimelineBar, x: float) -> DragMode | None:
        """What pressing at content x on `bar`'s row grabs, if anything."""
        left, right = self.bar_span(bar.start_month, bar.end_month)
        if not left <= x <= right:
            return None
        handle = self.handle_width(right - left)
        if x <= left + handle:
            return DragMode.START
        if x >= right - handle:
            return DragMode.END
        return DragMode.MOVE

    def milestone_at(self, bar: TimelineBar, x: float) -> TimelineMilestone | None:
        """A milestone drawn under content x on `bar`'s row."""
        reach = max(5.0, self.month_width * 0.2)
        for milestone in bar.milestones:
            if abs(x - self.month_left(milestone.month + 0.5)) <= reach:
                return milestone
        return None
