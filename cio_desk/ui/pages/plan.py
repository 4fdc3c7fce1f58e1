"""The Plan page: the strategic plan, one tab per part.

Situation assessment, goals, guiding principles, initiatives, one tab per
horizon (6, 12, 24 months), the budget, and traceability with the plan's
health checks. A tab is built when it is first shown, and only the tab in
view reads the workspace; the others read it when they are next shown, so
opening the page or a tab costs one tab on a plan of hundreds of
initiatives. Every figure comes from the services, the same ones the PDF
uses, so the screen and the document agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from cio_desk.errors import NotFoundError
from cio_desk.services.onboarding import DayInfo
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
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader


@dataclass(frozen=True)
class _TabSpec:
    """A tab of the page: its title, its tooltip, and how to build it."""

    title: str
    tooltip: str
    build: Callable[[PlanEdits, QWidget], PlanTab]


class PlanPage(Page):
    """The plan's tabs under the page's title; Ctrl+N adds the main item of the tab in view."""

    ASSESSMENT, GOALS, APPROACH, INITIATIVES = range(4)
    FIRST_HORIZON = 4  # then one tab per horizon, in HORIZONS order
    BUDGET, TRACEABILITY = FIRST_HORIZON + len(HORIZONS), FIRST_HORIZON + len(HORIZONS) + 1

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.edits = PlanEdits(context, lambda: self._workspace, self)
        self._stale: set[int] = set()
        self._built: dict[int, PlanTab] = {}
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        self.header = PageHeader(self.tr("Plan"), "", self)
        layout.addWidget(self.header)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._specs = self._tab_specs()
        for spec in self._specs:
            holder = QWidget(self.tabs)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            index = self.tabs.addTab(holder, spec.title)
            self.tabs.setTabToolTip(index, spec.tooltip)
        self._connect_signals()

    def _tab_specs(self) -> list[_TabSpec]:
        horizons = [
            _TabSpec(
                fmt.horizon_short_label(h),
                fmt.horizon_label(h),
                lambda edits, parent, h=h: HorizonTab(edits, h, parent),
            )
            for h in HORIZONS
        ]
        return [
            _TabSpec(self.tr("Assessment"), self.tr("Situation assessment"), AssessmentTab),
            _TabSpec(self.tr("Goals"), self.tr("Goals of the plan"), GoalsTab),
            _TabSpec(
                self.tr("Approach"), self.tr("Guiding principles (the approach)"), PrinciplesTab
            ),
            _TabSpec(self.tr("Initiatives"), self.tr("Every initiative, ranked"), InitiativesTab),
            *horizons,
            _TabSpec(self.tr("Budget"), self.tr("What the plan costs, and when"), BudgetTab),
            _TabSpec(
                self.tr("Traceability"),
                self.tr("Traceability and plan health: what is answered, what needs a second look"),
                TraceTab,
            ),
        ]

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._tab_changed)

    # ------------------------------------------------------------ tabs

    def tab_at(self, index: int) -> PlanTab:
        """The tab at `index`, built now if it was not yet."""
        tab = self._built.get(index)
        if tab is None:
            holder = self.tabs.widget(index)
            tab = self._specs[index].build(self.edits, holder)
            holder.layout().addWidget(tab)
            tab.open_requested.connect(self.open_item)
            tab.set_read_only(self._read_only)
            if isinstance(tab, HorizonTab):
                tab.new_item_changed.connect(self.new_item_changed)
            self._built[index] = tab
        return tab

    def horizon_tab(self, horizon: int) -> HorizonTab:
        """The tab of one horizon (6, 12 or 24), built now if it was not yet."""
        return self.tab_at(self.FIRST_HORIZON + HORIZONS.index(horizon))  # type: ignore[return-value]

    def page_title(self) -> str:
        return self.tr("Plan")

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for tab in self._built.values():
            tab.set_read_only(read_only)

    def current_tab(self) -> PlanTab:
        return self.tab_at(self.tabs.currentIndex())

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        """Read the tab in view again; the others when they are next shown."""
        if self._workspace is None:
            return
        day = self._workspace.onboarding.day(self._context.now().date())
        self.header.set_subtitle(self._subtitle(day))
        self._stale = set(range(self.tabs.count()))
        self._refresh_current()

    def _subtitle(self, day: DayInfo | None) -> str:
        what = self.tr("Assessment, goals, approach and initiatives over 6, 12 and 24 months.")
        return what if day is None else f"{what} {self._when_due(day)}"

    def _when_due(self, day: DayInfo) -> str:
        if not day.started:
            if day.days_to_start == 1:
                return self.tr("You start tomorrow; the plan is due on Day {due}.").format(
                    due=day.due_day
                )
            return self.tr("You start in {n} days; the plan is due on Day {due}.").format(
                n=day.days_to_start, due=day.due_day
            )
        if day.past_due:
            text = self.tr("Day {n}: the plan was due on Day {due}; keep it current.")
        elif day.days_left == 0:
            text = self.tr("Day {n}: the plan is due today.")
        elif day.days_left == 1:
            text = self.tr("Day {n}: the plan is due tomorrow.")
        else:
            text = self.tr("Day {n}: the plan is due on Day {due}, in {left} days.")
        return text.format(n=day.number, due=day.due_day, left=day.days_left)

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
        self.tabs.setCurrentWidget(tab.parentWidget())
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
            return self.tab_at(self.INITIATIVES)
        if kind == "goal":
            return self.tab_at(self.GOALS)
        if kind == "assessment":
            return self.tab_at(self.ASSESSMENT)
        if kind == "horizon":
            return self.horizon_tab(item_id) if item_id in HORIZONS else None
        if kind in ("measure", "contingency", "next_step"):
            horizon = self._horizon_of(kind, item_id)
            return self.horizon_tab(horizon if horizon in HORIZONS else HORIZONS[0])
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
