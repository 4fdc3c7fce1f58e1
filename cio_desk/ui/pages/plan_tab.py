"""What the Plan page's tabs share: the tab base class, titled sections, tables, buttons.

A tab reads the workspace in `refresh` (the page calls it when the tab is
shown and after every edit), offers its own "new" action for Ctrl+N, and
asks the page to show items elsewhere with `open_requested(kind, id)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import ID_ROLE, RowsModel
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.workspace import Workspace

# Around a tab's content: the page's margins are around the tabs already.
TAB_MARGINS = (0, 12, 0, 0)
# Columns fitted to their contents look at this many rows (all of them cost time on big plans).
_FIT_ROWS = 100
_MAX_FIT_CHARS = 40  # a fitted column is never wider than this many average characters
_MIN_STRETCH_CHARS = 18  # a stretch column (an initiative's title) is never narrower
_CELL_ROOM = 14  # pixels around a cell's text
_HEADER_ROOM = 24  # pixels around a header's text, with room for the sort arrow
_CHECK_ROOM = 24  # pixels for a tick box


class PlanTab(QWidget):
    """One tab of the Plan page."""

    open_requested = Signal(str, int)  # kind, id

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits

    @property
    def ws(self) -> Workspace:
        return self.edits.ws

    def refresh(self) -> None:
        """Read the workspace again."""
        raise NotImplementedError

    def new_item_text(self) -> str | None:
        """The label of Ctrl+N on this tab ("New goal"), if it has one."""
        return None

    def new_item(self) -> None:
        """Ctrl+N on this tab."""

    def open_item(self, kind: str, item_id: int) -> bool:
        """Select the item if this tab shows it; True if it did."""
        return False

    def set_read_only(self, read_only: bool) -> None:
        """Disable the edit buttons of every section and the edit keys of every table."""
        for section in self.findChildren(Section):
            section.edits.set_read_only(read_only)
        for table in self.findChildren(Table):
            table.set_read_only(read_only)


class Section(QFrame):
    """A framed block: a bold title, a count, buttons on the right, then its content."""

    def __init__(
        self, title: str, parent: QWidget | None = None, *, buttons_below: bool = False
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.edits = EditControls(self)  # the buttons that change the plan
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        self.header = header = QHBoxLayout()
        header.setSpacing(8)
        self.title_label = plain_label(title, self, wrap=False)
        self.title_label.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.count_label = plain_label("", self, wrap=False)
        set_tone(self.count_label, "muted")
        header.addWidget(self.title_label)
        header.addWidget(self.count_label)
        header.addStretch(1)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        layout.addLayout(header)
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        # When the content is hidden, the message takes its room, its text at the top.
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.empty_label.hide()
        layout.addWidget(self.empty_label, 1)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body, 1)
        if buttons_below:
            self.buttons.addStretch(1)
            layout.addLayout(self.buttons)
        else:
            header.addLayout(self.buttons)

    def add_header_widget(self, widget: QWidget) -> None:
        """A control beside the title (a filter, say)."""
        self.header.insertWidget(2, widget)

    def add_button(
        self, text: str, tooltip: str, slot: Callable[[], object], *, changes: bool = True
    ) -> QPushButton:
        """A button on the section; one that `changes` the plan is disabled when read-only."""
        button = QPushButton(text, self)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addWidget(button)
        if changes:
            self.edits.add(button)
        return button

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)

    def show_empty(self, text: str | None, content: QWidget | None = None) -> None:
        """Say `text` instead of `content` when there is nothing to show (None: show it)."""
        self.empty_label.setText(text or "")
        self.empty_label.setVisible(bool(text))
        if content is not None:
            content.setVisible(not text)


class Table(QTableView):
    """A read-only table over a `RowsModel`, sortable by clicking a column's header.

    Enter or a double click emits `open_row(id)`; Delete emits `delete_row(id)`;
    Alt+Up and Alt+Down emit `move_row(id, step)`. While read-only (`set_read_only`)
    none of these is emitted, nor a tick, unless `opens_when_read_only` (the row
    opens elsewhere rather than in an editor).
    """

    open_row = Signal(int)
    delete_row = Signal(int)
    move_row = Signal(int, int)
    toggle_row = Signal(int)

    def __init__(
        self,
        model: RowsModel,
        parent: QWidget | None = None,
        *,
        sortable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.rows_model = model
        self._stretch: frozenset[int] = frozenset()  # set by fit_columns
        self._squeezed: bool | None = None  # stretch columns narrowed to a readable width
        self._fitted = False
        self._fixed: set[int] = set()
        self._read_only = False
        self.opens_when_read_only = False
        self.setModel(model)
        self.setSortingEnabled(sortable)
        if sortable:
            self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.activated.connect(self._activated)
        model.check_requested.connect(self.toggle_row)

    def set_read_only(self, read_only: bool) -> None:
        """Refuse the keys and ticks that change rows (a read-only window), or allow them."""
        self._read_only = read_only
        self.rows_model.set_tickable(not read_only)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete, Alt+Up / Alt+Down and Space act on the selected row."""
        key, alt = event.key(), event.modifiers() == Qt.KeyboardModifier.AltModifier
        if self._read_only:
            super().keyPressEvent(event)
        elif event.matches(QKeySequence.StandardKey.Delete):
            self._delete()
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._toggle()
        else:
            super().keyPressEvent(event)

    def fit_columns(self, *stretch: int) -> None:
        """`stretch` columns share the spare width; the others fit their contents.

        Widths are measured on the text of the first rows each time rows are
        set: Qt's own fitting asks the model for every role of every cell,
        which costs too much on a plan of hundreds of initiatives. When the
        table is too narrow, the stretch columns keep a readable width and
        the table scrolls sideways rather than squeezing them to nothing.
        """
        self._stretch = frozenset(stretch)
        self._fitted = True
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.rows_model.columnCount()):
            if column not in stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_widths()

    def _fit_widths(self) -> None:
        if not self._fitted:
            return
        model = self.rows_model
        sample = model.rows()[:_FIT_ROWS]
        metrics = self.fontMetrics()
        bold_metrics = QFontMetrics(scaled_font(self.font(), 1.0, bold=True))
        header_metrics = self.horizontalHeader().fontMetrics()
        char = metrics.averageCharWidth()
        for column in range(model.columnCount()):
            if column in self._stretch or column in self._fixed:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            # Measured once per distinct text: many cells repeat ("6 months", "Approved").
            texts = {(model.cell(item, column), model.bold(item, column)) for item in sample}
            cells = max(
                (
                    (bold_metrics if bold else metrics).horizontalAdvance(line) + _CELL_ROOM
                    for text, bold in texts
                    for line in text.split("\n")
                ),
                default=0,
            )
            if column in model.checkable_columns:
                cells += _CHECK_ROOM
            widest = max(header_metrics.horizontalAdvance(title) + _HEADER_ROOM, cells)
            self.setColumnWidth(column, min(widest, _MAX_FIT_CHARS * char))
        self._share_width()

    def _share_width(self) -> None:
        """Stretch columns share what the others leave, but never less than a readable width."""
        if not self._stretch:
            return
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column not in self._stretch and not header.isSectionHidden(column)
        )
        readable = _MIN_STRETCH_CHARS * self.fontMetrics().averageCharWidth()
        squeezed = self.viewport().width() - others < readable * len(self._stretch)
        if squeezed == self._squeezed:
            return
        self._squeezed = squeezed
        mode = QHeaderView.ResizeMode.Interactive if squeezed else QHeaderView.ResizeMode.Stretch
        for column in self._stretch:
            header.setSectionResizeMode(column, mode)
            if squeezed:
                self.setColumnWidth(column, readable)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def wrap_rows(self) -> None:
        """Let long text wrap onto more lines; rows grow to fit as the width changes."""
        self.setWordWrap(True)
        self.horizontalHeader().sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def set_width(self, column: int, chars: int) -> None:
        """A column the user sizes, `chars` average characters wide to begin with."""
        self._fixed.add(column)
        self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(column, chars * self.fontMetrics().averageCharWidth())

    def selected_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return index.siblingAtColumn(0).data(ID_ROLE)

    def select_id(self, item_id: int) -> bool:
        """Select and show the row of `item_id`; False if it is not in the table."""
        row = self.rows_model.row_of(item_id)
        if row is None:
            return False
        index = self.rows_model.index(row, 0)
        self.setCurrentIndex(index)
        self.selectRow(index.row())
        self.scrollTo(index)
        return True

    def set_rows(self, rows: list) -> None:
        """New rows, keeping the selection on the same item when it is still there."""
        selected = self.selected_id()
        self.rows_model.set_rows(rows)
        self._fit_widths()
        if self.wordWrap():
            self.resizeRowsToContents()
        if selected is not None:
            self.select_id(selected)

    def set_filter(self, accepts: Callable[[Any], bool] | None) -> None:
        """Show only the rows `accepts` takes, keeping the selection if it is still shown."""
        selected = self.selected_id()
        self.rows_model.set_filter(accepts)
        if selected is not None:
            self.select_id(selected)

    def _activated(self, index: object) -> None:
        item_id = self.selected_id()
        if item_id is not None and (self.opens_when_read_only or not self._read_only):
            self.open_row.emit(item_id)

    def _delete(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.delete_row.emit(item_id)

    def _move(self, step: int) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.move_row.emit(item_id, step)

    def _toggle(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.toggle_row.emit(item_id)


def muted(text: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    """A quieter line of explanation."""
    label = plain_label(text, parent, wrap=wrap)
    set_tone(label, "muted")
    return label
