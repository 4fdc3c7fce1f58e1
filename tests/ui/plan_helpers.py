"""Driving the Plan page and its editors as the CIO would, for the Plan tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.plan import PlanPage
from cio_desk.ui.pages.plan_tab import PlanTab
from cio_desk.ui.widgets.pick_list import PickList

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)


def open_plan(window: MainWindow, tab: str | None = None) -> PlanPage:
    """Show the Plan page (and one of its tabs, by its title)."""
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Plan"))
    page = window.current_page()
    assert isinstance(page, PlanPage)
    if tab is not None:
        show_tab(page, tab)
    return page


def show_tab(page: PlanPage, title: str) -> PlanTab:
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(tabs.index(title))
    return page.current_tab()


def in_dialog(
    modals: Any, kind: type[D], act: Callable[[D], None], open_it: Callable[[], object]
) -> None:
    """Open a modal editor with `open_it`, let `act` work in it, and make sure it closes.

    An assertion failing inside `act` would leave the dialog open for good, so
    `act` records what it sees and the test asserts afterwards.
    """

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, kind)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    modals.when_shown(kind, run)
    open_it()


def save(dialog: QDialog) -> None:
    """Press Save (the dialog stays open when a field is refused)."""
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def type_into(widget: QWidget, text: str) -> None:
    """Replace the text of a field by typing, as a person would."""
    if isinstance(widget, QLineEdit):
        widget.clear()
    elif hasattr(widget, "selectAll"):
        widget.selectAll()  # type: ignore[attr-defined]
        QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)


def tick(picks: PickList, words: str) -> None:
    """Find rows by typing words in the search box; tick the first with the Space key."""
    type_into(picks.search_edit, words)
    view = picks.view
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Space)
    picks.search_edit.clear()


def edit_cell(view: QAbstractItemView, index: QModelIndex, text: str) -> None:
    """Type `text` into a table cell and press Enter."""
    view.setCurrentIndex(index)
    view.edit(index)
    QCoreApplication.processEvents()
    editor = _open_editor(view, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QCoreApplication.processEvents()


def choose_in_cell(view: QAbstractItemView, index: QModelIndex, value: object) -> None:
    """Pick `value` in a cell's drop-down list and press Enter."""
    view.setCurrentIndex(index)
    view.edit(index)
    QCoreApplication.processEvents()
    combo = _open_editor(view, QComboBox)
    combo.setCurrentIndex(combo.findData(value))
    QTest.keyClick(combo, Qt.Key.Key_Return)
    QCoreApplication.processEvents()


def _open_editor(view: QAbstractItemView, kind: type[W]) -> W:
    """The cell editor of `kind` open now (closed ones linger until deleted)."""
    editors = [e for e in view.viewport().findChildren(kind) if e.isVisible()]
    assert len(editors) == 1, f"expected one open {kind.__name__}, found {len(editors)}"
    return editors[0]


def cell_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]
