"""The Risks page: fired triggers, the two heat maps, and the register.

The register is filtered by the risk service (`ws.risks.list(RiskFilter)`):
by text, category, status and band from the filter bar, or by one heat-map
cell (`HeatMap.cell_filter`), which lists exactly the risks the cell counts.
Clicking the same cell again, or the chip that names it, shows all risks.
Adding, editing, deleting and adopting starter risks are each one step in
the edit history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError
from cio_desk.services.risks import LinkedNames, RiskBand, RiskFilter
from cio_desk.store.enums import RiskCategory, RiskResponse, RiskStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.risk_edits import RiskEdits
from cio_desk.ui.pages.risk_models import ID_ROLE, RiskRow, RiskTableModel
from cio_desk.ui.pages.risk_panels import HeatMapsPanel, TriggersCard
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.message_bar import MessageBar
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from cio_desk.ui.widgets.read_only import EditControls

TEXT_FILTER_DELAY_MS = 200


class RisksPage(Page):
    """The risk register with its inherent and residual heat maps."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._cell_filter: RiskFilter | None = None
        self._names = LinkedNames({}, {})
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_FILTER_DELAY_MS)
        self._edits = RiskEdits(context, lambda: self._workspace, self)
        self._build()
        self.edit_controls = EditControls(
            self, (self.starters_button, self.new_button, self.edit_button, self.delete_button)
        )
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Risks")

    def set_read_only(self, read_only: bool) -> None:
        self.edit_controls.set_read_only(read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        self.header = PageHeader(self.tr("Risks"), "", self)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addLayout(self._build_actions(), 0)
        layout.addLayout(top)
        self.triggers_card = TriggersCard(self)
        self.triggers_card.hide()
        layout.addWidget(self.triggers_card)
        self.message_bar = MessageBar(self)
        self.message_bar.follow(self._context.history.stack)
        layout.addWidget(self.message_bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.heat_maps = HeatMapsPanel(self.splitter)
        self.splitter.addWidget(self.heat_maps)
        self.splitter.addWidget(self._build_register(self.splitter))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)

    def _build_register(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_filters(panel))
        self.model = RiskTableModel(self.palette(), self)
        self.table = QTableView(panel)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RiskTableModel.RESIDUAL, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Risk register"))
        self.table.setToolTip(
            self.tr("Enter or double-click edits; Delete removes (Ctrl+Z undoes).")
        )
        self._set_column_widths()
        layout.addWidget(self.table, 1)
        self.empty_label = plain_label("", panel)
        set_tone(self.empty_label, "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.empty_label, 1)
        return panel

    def _build_filters(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search_edit = QLineEdit(parent)
        self.search_edit.setPlaceholderText(self.tr("Filter risks"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Filter risks by text"))
        self.search_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.category_combo = self._combo(
            parent,
            self.tr("All categories"),
            [(fmt.risk_category_label(c), c) for c in RiskCategory],
        )
        self.status_combo = self._combo(
            parent, self.tr("All statuses"), [(fmt.risk_status_label(s), s) for s in RiskStatus]
        )
        self.band_combo = self._combo(
            parent,
            self.tr("All bands"),
            [(fmt.risk_band_label(b), b) for b in reversed(RiskBand)],
        )
        self.band_combo.setToolTip(self.tr("Band of the residual score"))
        self.cell_chip = QToolButton(parent)
        self.cell_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.cell_chip.setToolTip(self.tr("Show all risks again"))
        self.cell_chip.hide()
        row.addWidget(self.search_edit, 1)
        for widget in (self.category_combo, self.status_combo, self.band_combo, self.cell_chip):
            row.addWidget(widget)
        row.addStretch(0)
        return row

    def _build_actions(self) -> QHBoxLayout:
        """The page's buttons, beside its title."""
        row = QHBoxLayout()
        row.setSpacing(6)
        self.starters_button = QPushButton(self.tr("Starter risks…"), self)
        self.starters_button.setToolTip(self.tr("Adopt common risks of a CIO's transition"))
        self.new_button = QPushButton(self.tr("New risk"), self)
        self.new_button.setToolTip(self.tr("Add a risk to the register (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected risk (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected risk (Delete; Ctrl+Z undoes)"))
        for button in (self.starters_button, self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _combo(
        self, parent: QWidget, everything: str, items: list[tuple[str, object]]
    ) -> QComboBox:
        combo = QComboBox(parent)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(min(14, len(everything) + 2))
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setAccessibleName(everything)
        return combo

    def _set_column_widths(self) -> None:
        """Widths that fit the longest label of each closed vocabulary; free text gets room."""
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        bold = self.font()
        bold.setBold(True)

        def fit(texts: list[str], font_metrics: QFontMetrics = metrics) -> int:
            return max(font_metrics.horizontalAdvance(t) for t in texts) + 3 * char

        overdue = self.model.tr("{date} · overdue").format(
            date=fmt.short_date(dt.date(2026, 9, 30))
        )
        widths = {
            RiskTableModel.TITLE: 38 * char,
            RiskTableModel.CATEGORY: fit([fmt.risk_category_label(c) for c in RiskCategory]),
            RiskTableModel.INHERENT: fit([fmt.risk_scores(5, 5, 25), self.tr("Inherent")]),
            RiskTableModel.RESIDUAL: fit([fmt.risk_scores(5, 5, 25), self.tr("Residual")]),
            RiskTableModel.BAND: fit([fmt.risk_band_label(b) for b in RiskBand]),
            RiskTableModel.RESPONSE: fit([fmt.risk_response_label(r) for r in RiskResponse]),
            RiskTableModel.OWNER: 16 * char,
            RiskTableModel.STATUS: fit([fmt.risk_status_label(st) for st in RiskStatus]),
            RiskTableModel.NEXT_REVIEW: fit([overdue], QFontMetrics(bold)),
            RiskTableModel.HORIZON: fit([fmt.horizon_short_label(24), self.tr("Horizon")]),
            RiskTableModel.INITIATIVES: 30 * char,
            RiskTableModel.STAKEHOLDERS: 24 * char,
        }
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._text_timer.start)
        self._text_timer.timeout.connect(self._load_register)
        for combo in (self.category_combo, self.status_combo, self.band_combo):
            combo.currentIndexChanged.connect(self._load_register)
        self.cell_chip.clicked.connect(self.clear_cell_filter)
        self.heat_maps.cell_clicked.connect(self._cell_clicked)
        self.triggers_card.show_risk.connect(lambda rid: self.open_item("risk", rid))
        self.table.doubleClicked.connect(self._edit_index)
        self.table.activated.connect(self._edit_index)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.starters_button.clicked.connect(self._adopt_starters)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete = QAction(self.tr("Delete risk"), self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_selected)
        self.table.addAction(delete)
        self.edit_controls.add(delete)
        clear = QAction(self.tr("Show all risks"), self)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear.triggered.connect(self.clear_cell_filter)
        self.addAction(clear)

    # ------------------------------------------------------------ refresh

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        today = self._context.now().date()
        self.triggers_card.set_triggers(ws.risks.fired_triggers())
        inherent, residual = ws.risks.heat_map(residual=False), ws.risks.heat_map(residual=True)
        self.heat_maps.set_heat_maps(inherent, residual)
        overdue = ws.risks.count_overdue_reviews(today)
        self.header.set_subtitle(self._subtitle(ws.risks.count(), residual.total, overdue))
        self._names = ws.risks.linked_names()
        self._load_register()

    def _subtitle(self, count: int, open_count: int, overdue: int) -> str:
        if count == 0:
            return self.tr("No risks recorded yet.")
        text = self.tr("{n} risks in the register, {open} not closed.").format(
            n=count, open=open_count
        )
        if overdue == 1:
            text += " " + self.tr("1 review is overdue.")
        elif overdue:
            text += " " + self.tr("{n} reviews are overdue.").format(n=overdue)
        return text

    def current_filter(self) -> RiskFilter:
        """What the register shows: the cell clicked (if any) narrowed by the filter bar."""
        base = self._cell_filter or RiskFilter()
        return dataclasses.replace(
            base,
            text=self.search_edit.text(),
            category=self.category_combo.currentData(),
            status=self.status_combo.currentData(),
            band=None if self._cell_filter else self.band_combo.currentData(),
        )

    @Slot()
    def _load_register(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        self._text_timer.stop()
        selected = self.selected_id()
        today = self._context.now().date()
        initiatives, people = self._names.initiatives, self._names.stakeholders
        rows = [
            RiskRow(
                record,
                tuple(initiatives[i] for i in record.initiative_ids if i in initiatives),
                tuple(people[p] for p in record.stakeholder_ids if p in people),
                record.is_review_overdue(today),
            )
            for record in ws.risks.list(self.current_filter())
        ]
        self.model.set_rows(rows)
        self._show_filter_state(len(rows))
        if selected is not None:
            self._select(selected)
        self._update_buttons()

    def _show_filter_state(self, shown: int) -> None:
        spec = self._cell_filter
        self.heat_maps.set_selected(spec.residual if spec else None, spec.cell if spec else None)
        self.band_combo.setEnabled(spec is None)
        if spec is not None and spec.cell is not None:
            likelihood, impact = spec.cell
            which = self.tr("Residual") if spec.residual else self.tr("Inherent")
            self.cell_chip.setText(
                self.tr("{which} {likelihood} × {impact}: {n} shown  ✕").format(
                    which=which, likelihood=likelihood, impact=impact, n=shown
                )
            )
        self.cell_chip.setVisible(spec is not None)
        filtered = self.current_filter() != RiskFilter()
        self.table.setVisible(bool(shown))
        if shown:
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                self.tr("No risk matches these filters.")
                if filtered
                else self.tr(
                    "The register is empty. Add a risk with New risk (Ctrl+N), or adopt some of "
                    "the common risks of a CIO's transition with Starter risks…"
                )
            )
            self.empty_label.show()

    # ------------------------------------------------------------ heat-map filter

    @Slot(bool, int, int)
    def _cell_clicked(self, residual: bool, likelihood: int, impact: int) -> None:
        spec = self._cell_filter
        if spec is not None and spec.residual == residual and spec.cell == (likelihood, impact):
            self.clear_cell_filter()
            return
        view = self.heat_maps.view(residual)
        heat = view.heat_map()
        if heat is None:
            return
        self._cell_filter = heat.cell_filter(likelihood, impact)
        self._clear_filter_bar()  # the cell lists exactly its risks
        self._load_register()

    @Slot()
    def clear_cell_filter(self) -> None:
        """Show every risk again (the heat-map cell filter is dropped)."""
        if self._cell_filter is None:
            return
        self._cell_filter = None
        self._load_register()

    def cell_filter(self) -> RiskFilter | None:
        return self._cell_filter

    # ------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def shown_titles(self) -> list[str]:
        """The titles in the register, top to bottom."""
        return [
            self.model.index(row, RiskTableModel.TITLE).data()
            for row in range(self.model.rowCount())
        ]

    def _select(self, risk_id: int) -> bool:
        row = self.model.row_of(risk_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_controls.set_enabled(self.edit_button, chosen)
        self.edit_controls.set_enabled(self.delete_button, chosen)

    def open_item(self, kind: str, item_id: int) -> None:
        if kind != "risk":
            return
        if not self._select(item_id):
            self._reset_filters()
            self._select(item_id)
        self.table.setFocus()

    def _reset_filters(self) -> None:
        self._cell_filter = None
        self._clear_filter_bar()
        self._load_register()

    def _clear_filter_bar(self) -> None:
        """Empty the text filter and set the combos to "all", without reloading."""
        widgets = (self.search_edit, self.category_combo, self.status_combo, self.band_combo)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)

    # ------------------------------------------------------------ edits

    def new_item_text(self) -> str | None:
        return self.tr("New risk")

    def new_item(self) -> None:
        if self._workspace is None:
            return
        saved = self._edits.new_risk()
        if saved is not None:
            self._select(saved.id)

    @Slot(QModelIndex)
    def _edit_index(self, index: QModelIndex) -> None:
        risk_id = index.data(ID_ROLE)
        if risk_id is not None and not self.edit_controls.read_only:
            self.edit_risk(risk_id)

    @Slot()
    def _edit_selected(self) -> None:
        risk_id = self.selected_id()
        if risk_id is not None:
            self.edit_risk(risk_id)

    def edit_risk(self, risk_id: int) -> None:
        """Open the editor on a stored risk; Save is one undoable edit."""
        if self._workspace is None:
            return
        try:
            self._edits.edit_risk(risk_id)
        except CioDeskError as error:  # deleted meanwhile
            self.message_bar.show_message(str(error))
            self.refresh()

    @Slot()
    def _delete_selected(self) -> None:
        risk_id = self.selected_id()
        if self._workspace is None or risk_id is None:
            return
        try:
            gone = self._edits.delete_risk(risk_id)
        except CioDeskError as error:
            self.message_bar.show_message(str(error))
            self.refresh()
            return
        self.message_bar.show_message(
            self.tr("Deleted “{title}”. Ctrl+Z puts it back.").format(title=gone.title), "accent"
        )

    @Slot()
    def _adopt_starters(self) -> None:
        if self._workspace is None:
            return
        try:
            adopted = self._edits.adopt_starters()
        except CioDeskError as error:
            self.message_bar.show_message(str(error))
            return
        if not adopted:
            return
        count = len(adopted)
        self.message_bar.show_message(
            self.tr("Added 1 starter risk.")
            if count == 1
            else self.tr("Added {n} starter risks.").format(n=count),
            "good",
        )
