"""List rows (Today's cards): texts as typed, wrapped, cut after a few lines, buttons beside."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from cio_desk.ui.widgets.list_row import MAX_LINES, ListRow, ListRowView

LONG_ENGLISH = "Quarterly review of the supplier portfolio with procurement " * 4
LONG_CHINESE = "供应链数字化转型项目的预算审批流程需要财务部门和采购部门共同确认" * 600
LONG_URL = "https://intranet.example.com/" + "a" * 3000


def make_row(qtbot, row: ListRow, width: int = 420, *, first: bool = True) -> ListRowView:
    view = ListRowView(row, first=first)
    qtbot.addWidget(view)
    view.resize(width, view.heightForWidth(width))
    view.show()
    return view


def line_height(view: ListRowView) -> int:
    return view.fontMetrics().height()


def test_short_texts_show_whole_on_one_line_each(qtbot) -> None:
    view = make_row(qtbot, ListRow("Wang Jianguo", "CEO · Executive office", "Influence 5"))

    assert view.shown_texts() == ("Wang Jianguo", "CEO · Executive office")
    assert view.heightForWidth(420) <= 2 * line_height(view) + 3
    assert view.toolTip() == ""


def test_markup_and_symbols_are_drawn_as_typed(qtbot) -> None:
    typed = "<b>R&D</b> lead 'quotes' \"double\" & مرحبا 😀"
    view = make_row(qtbot, ListRow(typed, "<i>not italic</i>"), width=800)

    assert view.shown_texts() == (typed, "<i>not italic</i>")
    assert view.accessibleName() == typed


def test_a_long_text_wraps_and_the_row_grows_as_it_narrows(qtbot) -> None:
    view = make_row(qtbot, ListRow(LONG_ENGLISH.strip()), width=1600)

    heights = [view.heightForWidth(width) for width in (1600, 800, 500)]

    assert heights == sorted(heights)
    assert heights[0] < heights[-1]
    view.resize(800, heights[1])
    assert view.shown_texts()[0] == LONG_ENGLISH.strip()  # wrapped, not cut


@pytest.mark.parametrize("text", [LONG_CHINESE, LONG_URL], ids=["chinese", "url"])
def test_a_huge_text_stops_after_a_few_lines_with_an_ellipsis(qtbot, text: str) -> None:
    view = make_row(qtbot, ListRow("Board dinner", text), width=420)

    shown = view.shown_texts()[1]

    assert shown.endswith("…")
    assert text.startswith(shown[:-1].replace("\n", ""))
    # A few lines high (fallback fonts for Chinese are taller), not hundreds.
    assert view.heightForWidth(420) <= 2 * (1 + MAX_LINES) * line_height(view)
    assert view.toolTip().startswith("Board dinner\n" + text[:100])


def test_the_height_asked_at_any_width_matches_a_fresh_layout(qtbot) -> None:
    row = ListRow(LONG_ENGLISH.strip(), LONG_CHINESE[:300], "Overdue 3 days")
    reused = make_row(qtbot, row)
    widths = [900, 700, 640, 520, 515, 380, 300, 640, 901, 260, 700]

    answers = [reused.heightForWidth(width) for width in widths]

    fresh = [make_row(qtbot, row).heightForWidth(width) for width in widths]
    assert answers == fresh


def test_buttons_sit_on_the_right_after_the_note(qtbot) -> None:
    row = ListRow("Li Na", "named by Zhang Wei", "Never met", "warn")
    view = ListRowView(row, first=False)
    qtbot.addWidget(view)
    button = QPushButton("Schedule…")
    view.add_button(button)
    view.resize(480, view.heightForWidth(480))
    view.show()

    assert button.parent() is view
    assert button.geometry().right() == view.width() - 1
    assert button.geometry().top() > 0  # below the separator line
    assert view.height() >= button.height() + button.geometry().top()
    note_width = view.fontMetrics().horizontalAdvance("Never met")
    assert view.heightForWidth(480) == view.heightForWidth(480)
    assert button.geometry().left() > note_width
