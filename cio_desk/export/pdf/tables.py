"""Long tables cut into blocks of rows that read as one table.

reportlab measures a table as a whole: each time a page break splits it, the
rest is built again as a new table (styles applied to every remaining cell),
and a heading kept with its table measures all of it to learn that it does
not fit. For a register of 2,000 people that is most of the export's time,
and it pushes every long table's heading to a fresh page.

So a long table is a short first table (its heading stays with it) followed
by blocks of `BLOCK_ROWS` rows. A block continues the table above it without
a header; one that starts a page (or the part of it carried over to the next
page) shows the header again, so every page of a table has its header. The
zebra rhythm runs on across blocks and only the last block draws the
closing rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table

from cio_desk.export.pdf.styles import cell_style, rules_style

FIRST_ROWS = 3  # the rows kept with the table's heading
BLOCK_ROWS = 40


class _Layout:
    """What every block of one table shares."""

    def __init__(
        self, head: list[Any], widths: list[float], right: frozenset[int], zebra: bool
    ) -> None:
        self.head = head
        self.widths = widths
        self.zebra = zebra
        columns = range(len(widths))
        # Shared by every row: each cell is set up once, not once per table built.
        self.cells = [cell_style(right=column in right) for column in columns]
        self.head_cells = [cell_style() for _column in columns]

    def table(self, rows: Sequence[Sequence[Any]], *, start: int, header: bool, closed: bool):
        """A Table of body rows `start`.. (their index in the whole table)."""
        data = [self.head, *rows] if header else list(rows)
        cells = [list(self.cells) for _row in rows]
        table = Table(
            data,
            colWidths=self.widths,
            repeatRows=1 if header else 0,
            hAlign="LEFT",
            cellStyles=[list(self.head_cells), *cells] if header else cells,
        )
        style = rules_style(
            header_rows=1 if header else 0,
            zebra=self.zebra,
            shaded_first=start % 2 == 1,
            closed=closed,
        )
        table.setStyle(style)
        return table


class ContinuedRows(Flowable):
    """A block of rows continuing the table above; with the header at a page top."""

    def __init__(
        self, layout: _Layout, rows: Sequence[Sequence[Any]], start: int, closed: bool
    ) -> None:
        super().__init__()
        self._layout = layout
        self._rows = rows
        self._start = start
        self._closed = closed
        self._tables: dict[bool, Table] = {}  # with and without the header
        self._table: Table | None = None

    def _at_page_top(self) -> bool:
        frame = getattr(self, "_frame", None)  # set by the frame while it places us
        return bool(frame is not None and frame._atTop)

    def _build(self) -> Table:
        header = self._at_page_top()
        if header not in self._tables:
            self._tables[header] = self._layout.table(
                self._rows, start=self._start, header=header, closed=self._closed
            )
        self._table = self._tables[header]
        return self._table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._build().wrapOn(getattr(self, "canv", None), availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        table = self._build()
        parts = table.splitOn(getattr(self, "canv", None), availWidth, availHeight)
        if len(parts) != 2:
            return parts  # [] (nothing fits: the block moves to the next page) or whole
        shown = len(parts[0]._cellvalues) - table.repeatRows
        rest = ContinuedRows(self._layout, self._rows[shown:], self._start + shown, self._closed)
        return [parts[0], rest]

    def draw(self) -> None:
        assert self._table is not None, "drawn before it was measured"
        self._table.drawOn(self.canv, 0, 0)


def long_table(
    head: list[Any],
    body: Sequence[Sequence[Any]],
    widths: list[float],
    *,
    right: frozenset[int] = frozenset(),
    zebra: bool = True,
) -> list[Flowable]:
    """The table as a first table and blocks of rows (one flowable for a short table)."""
    layout = _Layout(head, widths, right, zebra)
    blocks = [body[i : i + BLOCK_ROWS] for i in range(FIRST_ROWS, len(body), BLOCK_ROWS)]
    first = layout.table(body[:FIRST_ROWS], start=0, header=True, closed=not blocks)
    story: list[Flowable] = [first]
    for index, rows in enumerate(blocks):
        start = FIRST_ROWS + index * BLOCK_ROWS
        story.append(ContinuedRows(layout, rows, start, closed=index == len(blocks) - 1))
    return story
