"""Vector charts drawn with reportlab.graphics: roadmap, heat map, budget, grid.

Each function takes plain values (already filtered for the audience) and
returns one or more `Drawing`s sized to the frame it will sit in. Labels are
user text, so they go through `text.runs()` like every other piece of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from cio_desk.export.pdf.fonts import SANS, SANS_BOLD
from cio_desk.export.pdf.styles import (
    CHART_SERIES,
    HORIZON_COLOURS,
    INK,
    MUTED,
    NAVY,
    PALE,
    RULE,
    WHITE,
    heat_colour,
)
from cio_desk.export.pdf.text import runs
from cio_desk.services.risks import HeatMap

ELLIPSIS = "…"
PLAN_MONTHS = 24


# ---------------------------------------------------------------- labels


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose default font is embedded (reportlab's is Helvetica)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS
    return drawing


def text_width(text: str, size: float) -> float:
    """The printed width of user text, run by run."""
    return sum(stringWidth(chunk, font, size) for font, chunk in runs(text))


def fit(text: str, size: float, width: float) -> str:
    """`text` cut (with …) so that it prints within `width`."""
    if text_width(text, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + ELLIPSIS, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def label(
    x: float,
    y: float,
    text: str,
    *,
    size: float = 7,
    colour: colors.Color = INK,
    width: float | None = None,
    anchor: str = "start",
    bold: bool = False,
) -> Group:
    """One line of user text at (x, y), fitted to `width`, in mixed fonts."""
    if width is not None:
        text = fit(text, size, width)
    pieces = runs(text)
    total = sum(stringWidth(chunk, font, size) for font, chunk in pieces)
    if anchor == "middle":
        x -= total / 2
    elif anchor == "end":
        x -= total
    group = Group()
    for font, chunk in pieces:
        if bold and font == SANS:
            font = SANS_BOLD
        group.add(String(x, y, chunk, fontName=font, fontSize=size, fillColor=colour))
        x += stringWidth(chunk, font, size)
    return group


# ---------------------------------------------------------------- roadmap


@dataclass(frozen=True)
class RoadmapBar:
    """One initiative on the 24-month timeline."""

    title: str
    horizon: int
    start_month: int
    end_month: int
    milestones: tuple[int, ...] = ()


ROADMAP_ROW = 15.0
_ROADMAP_HEAD = 34.0
_ROADMAP_FOOT = 22.0


def roadmap_rows_per_page(height: float) -> int:
    """How many initiatives fit on one timeline page of `height` points."""
    return max(1, int((height - _ROADMAP_HEAD - _ROADMAP_FOOT) // ROADMAP_ROW))


def roadmap(
    bars: Sequence[RoadmapBar], width: float, labels: RoadmapLabels, *, rows_per_page: int
) -> list[Drawing]:
    """The timeline, split into pages of at most `rows_per_page` initiatives."""
    pages = [bars[i : i + rows_per_page] for i in range(0, len(bars), rows_per_page)]
    return [_roadmap_page(page, width, labels) for page in pages]


@dataclass(frozen=True)
class RoadmapLabels:
    """The fixed words of the timeline, in the document's language."""

    month: str  # "M{n}"
    horizons: dict[int, str]  # {6: "First 6 months", ...}
    milestone: str


def _roadmap_page(bars: Sequence[RoadmapBar], width: float, labels: RoadmapLabels) -> Drawing:
    height = _ROADMAP_HEAD + len(bars) * ROADMAP_ROW + _ROADMAP_FOOT
    drawing = _drawing(width, height)
    label_width = min(210.0, width * 0.3)
    left = label_width + 8
    month_width = (width - left) / PLAN_MONTHS
    top = height - _ROADMAP_HEAD
    bottom = _ROADMAP_FOOT

    def month_x(month: int) -> float:
        return left + (month - 1) * month_width

    # Horizon bands and their names.
    for first, last, horizon in ((1, 6, 6), (7, 12, 12), (13, 24, 24)):
        x0, x1 = month_x(first), month_x(last + 1)
        drawing.add(Rect(x0, bottom, x1 - x0, top - bottom, fillColor=PALE, strokeColor=None))
        drawing.add(Line(x0, bottom, x0, top + 20, strokeColor=RULE, strokeWidth=0.6))
        drawing.add(
            label(x0 + 3, top + 14, labels.horizons[horizon], size=7.5, colour=NAVY, bold=True)
        )
    drawing.add(Line(month_x(25), bottom, month_x(25), top + 20, strokeColor=RULE, strokeWidth=0.6))
    for month in range(1, PLAN_MONTHS + 1):
        x = month_x(month) + month_width / 2
        drawing.add(
            label(x, top + 3, labels.month.format(n=month), size=6, colour=MUTED, anchor="middle")
        )
        if month % 6:
            drawing.add(
                Line(
                    month_x(month + 1),
                    bottom,
                    month_x(month + 1),
                    top,
                    strokeColor=WHITE,
                    strokeWidth=0.8,
                )
            )
    for row, bar in enumerate(bars):
        y = top - (row + 1) * ROADMAP_ROW
        drawing.add(label(0, y + 4.5, bar.title, size=7.5, width=label_width))
        drawing.add(Line(0, y, width, y, strokeColor=RULE, strokeWidth=0.25))
        x0, x1 = month_x(bar.start_month), month_x(bar.end_month + 1)
        colour = HORIZON_COLOURS.get(bar.horizon, NAVY)
        drawing.add(
            Rect(
                x0 + 1,
                y + 3,
                x1 - x0 - 2,
                ROADMAP_ROW - 6,
                fillColor=colour,
                strokeColor=None,
                rx=2,
                ry=2,
            )
        )
        for month in bar.milestones:
            mx = month_x(month) + month_width / 2
            drawing.add(_diamond(mx, y + ROADMAP_ROW / 2, 3.2))
    drawing.add(_diamond(6, 6, 3.2))
    drawing.add(label(14, 3.5, labels.milestone, size=7, colour=MUTED))
    return drawing


def _diamond(x: float, y: float, r: float) -> Group:
    from reportlab.graphics.shapes import Polygon

    return Group(
        Polygon(
            [x, y + r, x + r, y, x, y - r, x - r, y],
            fillColor=colors.HexColor("#C7A25A"),
            strokeColor=WHITE,
            strokeWidth=0.6,
        )
    )


# ---------------------------------------------------------------- heat map


def heat_map(heat: HeatMap, size: float, axis: HeatLabels) -> Drawing:
    """The risk service's 5 x 5 likelihood x impact grid: risks per cell, coloured by band."""
    margin = 34.0
    cell = (size - margin - 6) / 5
    drawing = _drawing(size, size)
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x = margin + (impact - 1) * cell
            y = margin + (likelihood - 1) * cell
            drawing.add(
                Rect(
                    x,
                    y,
                    cell,
                    cell,
                    fillColor=heat_colour(heat.band(likelihood, impact)),
                    strokeColor=WHITE,
                    strokeWidth=1.5,
                )
            )
            count = heat.count(likelihood, impact)
            if count:
                drawing.add(
                    label(
                        x + cell / 2,
                        y + cell / 2 - 5,
                        str(count),
                        size=13,
                        colour=INK,
                        anchor="middle",
                        bold=True,
                    )
                )
    _five_by_five_axes(drawing, margin, cell, x_title=axis.impact, y_title=axis.likelihood)
    return drawing


@dataclass(frozen=True)
class HeatLabels:
    likelihood: str
    impact: str


# ---------------------------------------------------------------- budget


@dataclass(frozen=True)
class BudgetSeries:
    """Amounts (in major units) per row, for one cost category."""

    name: str
    values: tuple[float, ...]


def budget_bars(
    rows: Sequence[str], series: Sequence[BudgetSeries], width: float, unit_label: str
) -> Drawing:
    """Stacked horizontal bars: one bar per row (horizon), one colour per category."""
    bar_height = 22.0
    chart_height = max(1, len(rows)) * (bar_height + 12)
    legend_rows = (len(series) + 2) // 3
    height = chart_height + 40 + legend_rows * 12
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 80, 28 + legend_rows * 12
    chart.width, chart.height = width - 100, chart_height
    chart.data = [list(reversed(s.values)) for s in series] or [[0] * len(rows)]
    chart.categoryAxis.categoryNames = [fit(r, 7.5, 74) for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.labelTextFormat = _short_number
    chart.barWidth = bar_height
    chart.groupSpacing = 12
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = CHART_SERIES[index % len(CHART_SERIES)]
        chart.bars[index].strokeColor = WHITE
        chart.bars[index].strokeWidth = 0.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 80, 8 + legend_rows * 12
    legend.fontName, legend.fontSize = SANS, 7
    legend.columnMaximum = legend_rows
    legend.deltax = (width - 100) / 3
    legend.dx = legend.dy = 6
    legend.alignment = "right"
    legend.strokeColor = None
    legend.colorNamePairs = [
        (CHART_SERIES[i % len(CHART_SERIES)], fit(s.name, 7, (width - 100) / 3 - 20))
        for i, s in enumerate(series)
    ]
    drawing.add(legend)
    drawing.add(label(width - 20, 2, unit_label, size=7, colour=MUTED, anchor="end"))
    return drawing


def _short_number(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 1_000:
        return f"{value / 1_000:g}k"
    return f"{value:g}"


# ---------------------------------------------------------------- grid


@dataclass(frozen=True)
class GridPoint:
    """A stakeholder on the influence/interest grid; `name` empty to hide it."""

    influence: int
    interest: int
    name: str = ""
    colour: colors.Color = NAVY


@dataclass(frozen=True)
class GridLabels:
    influence: str
    interest: str
    quadrants: dict[str, str] = field(default_factory=dict)  # tl, tr, bl, br
    more: str = "+{n} more"


_NAMES_PER_CELL = 3


def influence_grid(points: Sequence[GridPoint], size: float, axis: GridLabels) -> Drawing:
    """A 5 x 5 influence (up) x interest (right) grid.

    Each cell shows up to three names, then "+N more"; with names hidden (the
    executive copy) it shows how many people sit there.
    """
    margin = 34.0
    cell = (size - margin - 6) / 5
    drawing = _drawing(size, size)
    cells: dict[tuple[int, int], list[GridPoint]] = {}
    for point in points:
        cells.setdefault((point.influence, point.interest), []).append(point)
    for influence in range(1, 6):
        for interest in range(1, 6):
            x = margin + (interest - 1) * cell
            y = margin + (influence - 1) * cell
            key_area = influence >= 4 and interest >= 4
            drawing.add(
                Rect(
                    x,
                    y,
                    cell,
                    cell,
                    fillColor=colors.HexColor("#DCE6EF") if key_area else PALE,
                    strokeColor=WHITE,
                    strokeWidth=1.5,
                )
            )
            _grid_cell(drawing, cells.get((influence, interest), []), x, y, cell, axis)
    for corner, (qx, qy, anchor) in {
        "tl": (margin + 3, size - 12, "start"),
        "tr": (size - 9, size - 12, "end"),
    }.items():
        if axis.quadrants.get(corner):
            drawing.add(
                label(qx, qy, axis.quadrants[corner], size=6.5, colour=MUTED, anchor=anchor)
            )
    _five_by_five_axes(drawing, margin, cell, x_title=axis.interest, y_title=axis.influence)
    return drawing


def _five_by_five_axes(
    drawing: Drawing, margin: float, cell: float, *, x_title: str, y_title: str
) -> None:
    """Ratings 1-5 along both axes of a 5x5 chart, and the two axis titles."""
    for n in range(1, 6):
        middle = margin + (n - 0.5) * cell
        drawing.add(label(middle, margin - 11, str(n), size=7, colour=MUTED, anchor="middle"))
        drawing.add(label(margin - 6, middle - 2.5, str(n), size=7, colour=MUTED, anchor="end"))
    drawing.add(
        label(margin + 2.5 * cell, 4, x_title, size=7.5, colour=NAVY, anchor="middle", bold=True)
    )
    vertical = label(0, 0, y_title, size=7.5, colour=NAVY, anchor="middle", bold=True)
    vertical.transform = (0, 1, -1, 0, 8, margin + 2.5 * cell)
    drawing.add(vertical)


def _grid_cell(
    drawing: Drawing, points: list[GridPoint], x: float, y: float, cell: float, axis: GridLabels
) -> None:
    if not points:
        return
    named = [p for p in points if p.name]
    if not named:
        drawing.add(
            label(
                x + cell / 2,
                y + cell / 2 - 5,
                str(len(points)),
                size=12,
                colour=NAVY,
                anchor="middle",
                bold=True,
            )
        )
        return
    shown = named[:_NAMES_PER_CELL]
    line_y = y + cell - 11
    for point in shown:
        drawing.add(Rect(x + 4, line_y + 1, 4, 4, fillColor=point.colour, strokeColor=None))
        drawing.add(label(x + 11, line_y, point.name, size=6.5, width=cell - 14))
        line_y -= 9.5
    if len(points) > len(shown):
        drawing.add(
            label(
                x + 11, line_y, axis.more.format(n=len(points) - len(shown)), size=6.5, colour=MUTED
            )
        )
