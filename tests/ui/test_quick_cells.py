"""The Stakeholders table's cells: painted from one call, saying what `data()` says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import Stance
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.models.stakeholder_table import (
    COLUMN_COUNT,
    STANCE,
    TITLE,
    StakeholderTableModel,
)
from cio_desk.ui.pages.stakeholders import StakeholdersPage
from cio_desk.ui.widgets.quick_cells import QuickCellDelegate
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def stakeholders_page(window: MainWindow) -> StakeholdersPage:
    sidebar = window.findChild(QListWidget, "sidebar")
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    window.show_page(titles.index("Stakeholders"))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    QTest.qWait(0)
    return page


@pytest.fixture
def register(ws: Workspace) -> None:
    ws.stakeholders.add(StakeholderData(name="王芳", title="Chief Financial Officer", influence=5))
    ws.stakeholders.add(StakeholderData(name="Li Na <b>", stance=Stance.SUPPORTER))
    gone = ws.stakeholders.add(StakeholderData(name="Old Friend", unit="R&D")).id
    ws.stakeholders.set_archived(gone)


def test_every_cell_looks_as_the_model_data_says(window: MainWindow, register: None) -> None:
    page = stakeholders_page(window)
    page.archived_check.setChecked(True)
    model = page.model
    assert isinstance(page.table.itemDelegate(), QuickCellDelegate)

    for row in range(model.rowCount()):
        archived = model.row_at(row).archived
        for column in range(COLUMN_COUNT):
            index = model.index(row, column)
            look = model.cell_look(row, column)
            assert look.text == index.data(Qt.ItemDataRole.DisplayRole)
            right = index.data(Qt.ItemDataRole.TextAlignmentRole) is not None
            assert (look.alignment == Qt.AlignmentFlag.AlignRight) == right
            assert (look.icon is not None) == (column == STANCE)
            assert look.muted == archived == (index.data(Qt.ItemDataRole.FontRole) is not None)


def test_a_narrow_column_shows_the_start_of_the_text_and_an_ellipsis(
    window: MainWindow, register: None
) -> None:
    page = stakeholders_page(window)
    delegate = page.table.itemDelegate()
    assert isinstance(delegate, QuickCellDelegate)
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).name == "王芳")
    look = page.model.cell_look(row, TITLE)

    wide = delegate.shown_text(look, 400)
    narrow = delegate.shown_text(look, 60)

    assert wide == "Chief Financial Officer"
    assert narrow.endswith("…") and wide.startswith(narrow[:-1])
    assert page.table.fontMetrics().horizontalAdvance(narrow) <= 60


def test_the_table_model_alone_still_answers_for_views_without_the_delegate(
    qtbot, ws: Workspace, register: None
) -> None:
    model = StakeholderTableModel()
    model.set_rows(ws.register.rows())

    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Li Na <b>", "王芳"]
