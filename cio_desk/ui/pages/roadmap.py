"""The Roadmap page: the 24-month timeline of initiatives, moved by dragging.

Every move is saved at once through `ws.plan.initiatives.move` and recorded
in the edit history as one step. A refused move (months outside 1-24) is
explained in the page and the bar stays where it was; a move that starts an
initiative before one it depends on ends is saved and flagged, in the words
of the plan health check. Double-click (or Enter) opens the initiative
editor over the timeline; Ctrl+N adds an initiative.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from cio_desk.errors import CioDeskError
from cio_desk.services.initiatives import InitiativeRecord, current_month, month_position
from cio_desk.services.plan_health import HealthRule
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.message_bar import MessageBar
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from cio_desk.ui.widgets.timeline import TimelineView
from cio_desk.ui.widgets.timeline_legend import TimelineLegend
from cio_desk.ui.widgets.timeline_rows import TimelineBar, TimelineMilestone

if TYPE_CHECKING:
    from cio_desk.services.profile import ProfileData
    from cio_desk.ui.pages.plan_edits import PlanEdits
    from cio_desk.workspace import Workspace


class RoadmapPage(Page):
    """Initiatives as bars on 24 months, in their horizon bands; drag to re-plan."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._costs: dict[int, str] | None = None
        self._read_only = False
        self._build()
        self._connect_signals()
        self.timeline.set_cost_lookup(self.cost_text)

    def page_title(self) -> str:
        return self.tr("Roadmap")

    def set_read_only(self, read_only: bool) -> None:
        # Bars stay put; Enter or a double click opens nothing (the editor would save).
        self._read_only = read_only
        self.timeline.set_movable(not read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        self.header = PageHeader(self.tr("Roadmap"), "", self)
        layout.addWidget(self.header)
        layout.addLayout(self._build_toolbar())
        self.message_bar = MessageBar(self)
        self.message_bar.follow(self._context.history.stack)
        layout.addWidget(self.message_bar)
        self.empty_label = plain_label(
            self.tr(
                "No initiatives yet. Add them on the Plan page: each appears here as a bar "
                "you can drag to new months."
            ),
            self,
        )
        set_tone(self.empty_label, "muted")
        layout.addWidget(self.empty_label)
        self.timeline = TimelineView(self)
        self.timeline.setToolTip("")
        layout.addWidget(self.timeline, 1)
        self.details_label = plain_label("", self)
        set_tone(self.details_label, "muted")
        layout.addWidget(self.details_label)

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.legend = TimelineLegend(self)
        row.addWidget(self.legend, 1)
        self.dropped_box = QCheckBox(self.tr("Show dropped"), self)
        self.dropped_box.setToolTip(self.tr("Also show initiatives you dropped, faded."))
        row.addWidget(self.dropped_box)
        row.addSpacing(10)
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), "−", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in_action = self._action(self.tr("Zoom in"), "+", QKeySequence.StandardKey.ZoomIn)
        self.fit_action = self._action(self.tr("Fit 24 months"), self.tr("Fit"), "Ctrl+0")
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setText(action.iconText())
            row.addWidget(button)
        return row

    def _action(self, name: str, short: str, keys: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(name, self)
        action.setIconText(short)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(
            self.tr("{name} ({keys})").format(
                name=name, keys=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.timeline.bar_moved.connect(self._move)
        self.timeline.bar_activated.connect(self._open_initiative)
        self.timeline.selection_changed.connect(self._show_selection)
        self.dropped_box.toggled.connect(self.refresh)
        self.zoom_in_action.triggered.connect(self.timeline.zoom_in)
        self.zoom_out_action.triggered.connect(self.timeline.zoom_out)
        self.fit_action.triggered.connect(self.timeline.fit_width)

    # ------------------------------------------------------------ refresh

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        profile = ws.profile.get()
        today = self._context.now().date()
        initiatives = ws.plan.initiatives.list(include_dropped=self.dropped_box.isChecked())
        self._costs = None  # the budget is read again when a cost is next shown
        bars = self._bars(ws, initiatives)
        position = month_position(profile.start_date, today) if profile else None
        self.timeline.set_content(bars, today=position)
        self.header.set_subtitle(self._subtitle(profile, today))
        self.empty_label.setVisible(not bars)
        self._show_selection(self.timeline.selected_id() or 0)

    def cost_text(self, initiative_id: int) -> str:
        """An initiative's cost over the plan, from the budget (read when first asked for)."""
        ws = self._workspace
        if ws is None:
            return ""
        if self._costs is None:
            budget = ws.budget.summary()
            self._costs = {
                item.id: budget.format(item.cost.total)
                if item.cost_lines
                else self.tr("no cost lines yet")
                for item in budget.initiatives
            }
        return self._costs.get(initiative_id, "")

    def _bars(self, ws: Workspace, initiatives: list[InitiativeRecord]) -> list[TimelineBar]:
        milestones: dict[int, list[TimelineMilestone]] = {}
        for milestone in ws.plan.milestones.list():
            milestones.setdefault(milestone.initiative_id, []).append(
                TimelineMilestone(milestone.month, milestone.title)
            )
        return [
            TimelineBar(
                id=item.id,
                title=item.title,
                horizon=item.horizon,
                start_month=item.start_month,
                end_month=item.end_month,
                status=item.status,
                owner=item.owner,
                status_text=fmt.initiative_status_label(item.status),
                milestones=tuple(sorted(milestones.get(item.id, ()), key=lambda m: m.month)),
                depends_on=item.depends_on_ids,
            )
            for item in initiatives
        ]

    def _subtitle(self, profile: ProfileData | None, today: dt.date) -> str:
        if profile is None:
            return self.tr("Set your start date in File > Edit profile to place today on the plan.")
        start = fmt.long_date(profile.start_date)
        month = current_month(profile.start_date, today)
        if month is not None:
            return self.tr("24 months from {date}. Today falls in month {n}.").format(
                date=start, n=month
            )
        if today < profile.start_date:
            return self.tr("24 months from {date}, when you start.").format(date=start)
        return self.tr("24 months from {date}; the 24 months are over.").format(date=start)

    @Slot(int)
    def _show_selection(self, initiative_id: int) -> None:
        bar = self.timeline.content().bar(initiative_id) if initiative_id else None
        if bar is None:
            self.details_label.setText(
                self.tr(
                    "Drag a bar to move it, or an end to stretch it. With the keyboard: Up and "
                    "Down choose, Left and Right move, Shift+Left/Right change the end, "
                    "Ctrl+Left/Right the start, Enter opens."
                )
            )
            return
        parts = [
            bar.title,
            fmt.month_span(bar.start_month, bar.end_month),
            fmt.horizon_label(bar.horizon),
            self.tr("Owner: {owner}").format(owner=bar.owner) if bar.owner else self.tr("No owner"),
        ]
        cost = self.cost_text(bar.id)
        if cost:
            parts.append(cost)
        names = [d.title for d in map(self.timeline.content().bar, bar.depends_on) if d]
        if names:
            parts.append(self.tr("Depends on: {names}").format(names=", ".join(names)))
        self.details_label.setText(self.tr(" · ").join(parts))

    # ------------------------------------------------------------ moving

    @Slot(int, int, int)
    def _move(self, initiative_id: int, start: int, end: int) -> None:
        ws = self._workspace
        if ws is None or self._read_only:
            return
        try:
            before = ws.plan.initiatives.get(initiative_id)
            moved = self._context.history.perform(
                self.tr("Move “{title}”").format(title=before.title),
                do=lambda: ws.plan.initiatives.move(initiative_id, start, end),
                undo=lambda _moved: ws.plan.initiatives.update(
                    initiative_id,
                    start_month=before.start_month,
                    end_month=before.end_month,
                    horizon=before.horizon,
                    rank=before.rank,
                ),
            )
        except CioDeskError as error:
            self.message_bar.show_message(
                self.tr("The initiative was not moved: {reason}").format(reason=error)
            )
            self.refresh()  # the bar goes back where it was
            return
        self._explain_move(ws, before, moved)

    def _explain_move(
        self, ws: Workspace, before: InitiativeRecord, moved: InitiativeRecord
    ) -> None:
        """Say what a move led to: a new horizon, or a start before a dependency ends."""
        dependents = {
            bar.id
            for bar in map(self.timeline.content().bar, self.timeline.content().bar_ids())
            if bar is not None and moved.id in bar.depends_on
        }
        flags = [
            issue.message
            for issue in ws.plan_health.check({HealthRule.STARTS_BEFORE_DEPENDENCY_ENDS})
            if issue.item_id == moved.id or issue.item_id in dependents
        ]
        if flags:
            self.message_bar.show_message(" ".join(flags), "warn")
        elif moved.horizon != before.horizon:
            self.message_bar.show_message(
                self.tr("“{title}” now ends in month {n}, so it moved to {horizon}.").format(
                    title=moved.title, n=moved.end_month, horizon=fmt.horizon_label(moved.horizon)
                ),
                "accent",
            )
        else:
            self.message_bar.dismiss()

    @Slot(int)
    def _open_initiative(self, initiative_id: int) -> None:
        """The initiative editor, over the roadmap; its Save is one undoable edit."""
        if self._workspace is not None and not self._read_only:
            self._plan_edits().edit_initiative(initiative_id)

    def _plan_edits(self) -> PlanEdits:
        from cio_desk.ui.pages.plan_edits import PlanEdits

        return PlanEdits(self._context, lambda: self._workspace, self)

    # ------------------------------------------------------------ page API

    def new_item_text(self) -> str | None:
        return self.tr("New initiative")

    def new_item(self) -> None:
        if self._workspace is None:
            return
        saved = self._plan_edits().new_initiative()
        if saved is not None:
            self.timeline.select(saved.id)
