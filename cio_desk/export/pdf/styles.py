"""The document's look: one restrained palette, one type scale, shared table styles.

Every section builder takes its paragraph and table styles from here, so the
document reads as one piece of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle
from reportlab.platypus.tables import CellStyle

from cio_desk.export.pdf.fonts import SANS, SANS_BOLD
from cio_desk.services.risks import RiskBand

# Palette: a dark navy for structure, one teal accent, greys for the rest.
INK = colors.HexColor("#1B2430")
NAVY = colors.HexColor("#14325C")
ACCENT = colors.HexColor("#2F7D95")
MUTED = colors.HexColor("#66717F")
RULE = colors.HexColor("#C9D1DA")
PALE = colors.HexColor("#EEF2F6")
WHITE = colors.white
PRIVATE = colors.HexColor("#A23B2A")
ZEBRA = colors.HexColor("#F7F9FB")

HORIZON_COLOURS = {
    6: colors.HexColor("#14325C"),
    12: colors.HexColor("#2F7D95"),
    24: colors.HexColor("#8DB3C7"),
}
# Heat map, from low (score 1) to severe (score 25): pale green to brick red.
HEAT_COLOURS = (
    colors.HexColor("#DDEBDD"),
    colors.HexColor("#F2E6B8"),
    colors.HexColor("#EDC39A"),
    colors.HexColor("#D9826A"),
    colors.HexColor("#B4473A"),
)
CHART_SERIES = (
    colors.HexColor("#14325C"),
    colors.HexColor("#2F7D95"),
    colors.HexColor("#8DB3C7"),
    colors.HexColor("#C7A25A"),
    colors.HexColor("#7F8C99"),
    colors.HexColor("#B4473A"),
    colors.HexColor("#5E8C61"),
)

MARGIN = 20 * mm
FOOTER_GAP = 10 * mm
CELL_PADDING = 4  # left and right, in every table
CELL_SIZE = 8  # font size of table cells
CELL_LEADING = 10.5


def heat_colour(band: RiskBand) -> colors.Color:
    """The heat map colour of a risk band (the risk service decides the bands)."""
    return {
        RiskBand.LOW: HEAT_COLOURS[0],
        RiskBand.MEDIUM: HEAT_COLOURS[1],
        RiskBand.HIGH: HEAT_COLOURS[3],
        RiskBand.CRITICAL: HEAT_COLOURS[4],
    }[band]


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the document."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    empty: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    note_title: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle


def make_styles() -> Styles:
    """The shared styles (fonts must be registered first)."""

    def style(name: str, **values: object) -> ParagraphStyle:
        base = {
            "fontName": SANS,
            "fontSize": 9.5,
            "leading": 13.5,
            "textColor": INK,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
        }
        base.update(values)
        return ParagraphStyle(name, **base)

    return Styles(
        title=style("title", fontName=SANS_BOLD, fontSize=28, leading=34, textColor=NAVY),
        subtitle=style("subtitle", fontSize=13, leading=18, textColor=MUTED),
        h1=style("h1", fontName=SANS_BOLD, fontSize=17, leading=22, textColor=NAVY, spaceAfter=8),
        h2=style(
            "h2",
            fontName=SANS_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h3=style(
            "h3",
            fontName=SANS_BOLD,
            fontSize=9.5,
            leading=13,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=style("body", spaceAfter=4),
        lead=style("lead", fontSize=10.5, leading=15, spaceAfter=6),
        small=style("small", fontSize=8, leading=10.5),
        muted=style("muted", fontSize=8, leading=10.5, textColor=MUTED),
        empty=style("empty", textColor=MUTED, spaceAfter=4),
        cell=style("cell", fontSize=CELL_SIZE, leading=CELL_LEADING),
        cell_bold=style("cell_bold", fontName=SANS_BOLD, fontSize=CELL_SIZE, leading=CELL_LEADING),
        cell_right=style(
            "cell_right", fontSize=CELL_SIZE, leading=CELL_LEADING, alignment=TA_RIGHT
        ),
        head=style("head", fontName=SANS_BOLD, fontSize=7.5, leading=10, textColor=NAVY),
        head_right=style(
            "head_right",
            fontName=SANS_BOLD,
            fontSize=7.5,
            leading=10,
            textColor=NAVY,
            alignment=TA_RIGHT,
        ),
        note_title=style(
            "note_title",
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=12,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=2,
        ),
        figure=style("figure", fontName=SANS_BOLD, fontSize=15, leading=19, textColor=NAVY),
        figure_label=style("figure_label", fontSize=8, leading=10.5, textColor=MUTED),
        toc1=style("toc1", fontName=SANS_BOLD, fontSize=10.5, leading=16, textColor=INK),
        toc2=style("toc2", fontSize=9, leading=13, leftIndent=14, textColor=MUTED),
    )


_CELL_COMMANDS: tuple[tuple, ...] = (
    ("FONTNAME", (0, 0), (-1, -1), SANS),
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
    ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
)


def table_style(
    *, header_rows: int = 1, zebra: bool = True, shaded_first: bool = False, closed: bool = True
) -> TableStyle:
    """Hairline tables: a tinted header band, light rules, optional zebra rows.

    Plain string cells take the font, size, leading and colour of the `cell`
    paragraph style, so they read exactly like paragraph cells.
    """
    return TableStyle([*_CELL_COMMANDS, *_rules(header_rows, zebra, shaded_first, closed)])


def rules_style(
    *, header_rows: int = 1, zebra: bool = True, shaded_first: bool = False, closed: bool = True
) -> TableStyle:
    """`table_style` without the cell settings, for tables given `cell_style()` cells.

    A table cut into blocks (see `tables.py`) keeps its zebra rhythm with
    `shaded_first` and draws its closing rule only under the last block
    (`closed`).
    """
    return TableStyle(_rules(header_rows, zebra, shaded_first, closed))


def cell_style(*, right: bool = False) -> CellStyle:
    """One cell as `table_style` sets it up, made once and shared by a column.

    Setting cells up command by command costs a call per cell and command;
    a register of thousands of rows spent more time there than drawing.
    """
    style = CellStyle("cio-cell-right" if right else "cio-cell")
    style.fontname, style.fontsize, style.leading = SANS, CELL_SIZE, CELL_LEADING
    style.color, style.valign = INK, "TOP"
    style.alignment = "RIGHT" if right else "LEFT"
    style.leftPadding = style.rightPadding = CELL_PADDING
    style.topPadding = style.bottomPadding = 3
    return style


def _rules(header_rows: int, zebra: bool, shaded_first: bool, closed: bool) -> list[tuple]:
    commands: list[tuple] = []
    if closed:
        commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE))
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), PALE),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, NAVY),
        ]
    if zebra:
        shades = [ZEBRA, WHITE] if shaded_first else [WHITE, ZEBRA]
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), shades))
    return commands


def layout_style(*commands: tuple) -> TableStyle:
    """An invisible table used for layout (chart beside text, figures in a row).

    Every table names its font: reportlab's default cell font is the
    unembedded Helvetica.
    """
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            *commands,
        ]
    )
