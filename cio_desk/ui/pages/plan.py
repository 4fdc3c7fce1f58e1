"""The Plan page: the strategic plan, one tab per part.

Situation assessment, goals, guiding principles, initiatives, one tab per
horizon (6, 12, 24 months), the budget, and traceability with the plan's
health checks. Only the tab in view reads the workspace; the others read
it when they are next shown. Every figure comes from the services, the same
ones the PDF uses, so the screen and the document agree.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from cio_desk.errors import NotFoundError
from cio_desk.store.enums import HORIZONS
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.plan_assessment import AssessmentTab
from cio_desk.ui.pages.plan_budget import BudgetTab
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_goals import GoalsTab, PrinciplesTab
from cio_desk.ui.pages.plan_horizon import HorizonTab
from cio_desk.ui.pages.plan_initiatives import InitiativesTab
from cio_desk.ui.pages.plan_tab import PlanTab
from cio_desk.ui.pages.plan_trace import TraceTab


class PlanPage(Page):
    """The plan's tabs; Ctrl+N adds the main item of the tab in view."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.edits = PlanEdits(context, lambda: self._workspace, self)
        self._stale: set[int] = set()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.assessment_tab = AssessmentTab(self.edits, self)
        self.goals_tab = GoalsTab(self.edits, self)
        self.principles_tab = PrinciplesTab(self.edits, self)
        self.initiatives_tab = InitiativesTab(self.edits, self)
        self.horizon_tabs = {h: HorizonTab(self.edits, h, self) for h in HORIZONS}
        self.budget_tab = BudgetTab(self.edits, self)
        self.trace_tab = TraceTab(self.edits, self)
        self._add(self.assessment_tab, self.tr("Assessment"), self.tr("Situation assessment"))
        self._add(self.goals_tab, self.tr("Goals"), self.tr("Goals of the plan"))
        self._add(
            self.principles_tab, self.tr("Approach"), self.tr("Guiding principles (the approach)")
        )
        self._add(self.initiatives_tab, self.tr("Initiatives"), self.tr("Every initiative, ranked"))
        for horizon, tab in self.horizon_tabs.items():
            self._add(tab, fmt.horizon_short_label(horizon), fmt.horizon_label(horizon))
        self._add(self.budget_tab, self.tr("Budget"), self.tr("What the plan costs, and when"))
        self._add(
            self.trace_tab,
            self.tr("Traceability"),
            self.tr("Traceability and plan health: what is answered, what needs a second look"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._connect_signals()

    def _add(self, tab: PlanTab, title: str, tooltip: str) -> None:
        index = self.tabs.addTab(tab, title)
        self.tabs.setTabToolTip(index, tooltip)

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._tab_changed)
        for tab in self._all_tabs():
            tab.open_requested.connect(self.open_item)
        for tab in self.horizon_tabs.values():
            tab.new_item_changed.connect(self.new_item_changed)

    def _all_tabs(self) -> list[PlanTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]

    def page_title(self) -> str:
        return self.tr("Plan")

    def current_tab(self) -> PlanTab:
        return self.tabs.currentWidget()  # type: ignore[return-value]

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        """Read the tab in view again; the others when they are next shown."""
        if self._workspace is None:
            return
        self._stale = set(range(self.tabs.count()))
        self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._stale and self._workspace is not None:
            self._stale.discard(index)
            self.current_tab().refresh()

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        if self.isVisible():
            self._refresh_current()
        self.new_item_changed.emit()

    # ------------------------------------------------------------ items

    def new_item_text(self) -> str | None:
        return self.current_tab().new_item_text()

    def new_item(self) -> None:
        if self._workspace is not None:
            self.current_tab().new_item()

    def show_tab(self, tab: PlanTab) -> None:
        self.tabs.setCurrentWidget(tab)
        self._refresh_current()

    @Slot(str, int)
    def open_item(self, kind: str, item_id: int) -> None:
        """Show the tab holding the item and select it; other kinds go to their page."""
        if self._workspace is None:
            return
        try:
            tab = self._tab_for(kind, item_id)
        except NotFoundError:
            return  # deleted meanwhile: nothing to show
        if tab is None:
            self._context.open_item(kind, item_id)
            return
        self.show_tab(tab)
        if kind == "milestone":
            kind, item_id = "initiative", self._workspace.plan.milestones.get(item_id).initiative_id
        tab.open_item(kind, item_id)

    def _tab_for(self, kind: str, item_id: int) -> PlanTab | None:
        ws = self._workspace
        assert ws is not None
        if kind in ("initiative", "milestone"):
            return self.initiatives_tab
        if kind == "goal":
            return self.goals_tab
        if kind == "assessment":
            return self.assessment_tab
        if kind == "horizon":
            return self.horizon_tabs.get(item_id)
        if kind in ("measure", "contingency", "next_step"):
            return self.horizon_tabs.get(
                self._horizon_of(kind, item_id), self.horizon_tabs[HORIZONS[0]]
            )
        return None

    def _horizon_of(self, kind: str, item_id: int) -> int:
        """The horizon tab that lists a measure, contingency or next step."""
        plan = self._workspace.plan  # type: ignore[union-attr]
        if kind == "next_step":
            return plan.next_steps.get(item_id).horizon
        record = (
            plan.measures.get(item_id) if kind == "measure" else plan.contingencies.get(item_id)
        )
        if record.horizon is not None:
            return record.horizon
        if record.initiative_id is not None:
            return plan.initiatives.get(record.initiative_id).horizon
        risk_id = getattr(record, "risk_id", None)
        if risk_id is not None:
            return self._workspace.risks.get(risk_id).horizon or HORIZONS[0]  # type: ignore[union-attr]
        return HORIZONS[0]
