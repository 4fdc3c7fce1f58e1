"""The Initiatives tab: every initiative, ranked within its horizon, and why each exists.

The table's figures come from three services read once per refresh: the
initiatives, the budget (cost over the plan, the same figure as the PDF's)
and the traceability report (what each answers, who stands for or against
it). Selecting a row answers "why this initiative?" beside the table: the
goals, proposals and concerns it addresses and who raised them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.budget import Budget, InitiativeBudget
from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.traceability import InitiativeTrace, LinkedStakeholder
from cio_desk.store.enums import HORIZONS, InitiativeStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import TAB_MARGINS, PlanTab, Section, Table


@dataclass(frozen=True)
class InitiativeRow:
    """An initiative with its budget and trace (None when dropped: it counts for nothing)."""

    record: InitiativeRecord
    budget: InitiativeBudget | None
    trace: InitiativeTrace | None

    @property
    def id(self) -> int:
        return self.record.id


class InitiativesModel(RowsModel[InitiativeRow]):
    """Rank, title, horizon, months, owner, status, cost, CFO, answers, for / against."""

    RANK, TITLE, HORIZON, MONTHS, OWNER, STATUS, COST, CFO, ANSWERS, PEOPLE = range(10)
    number_columns = frozenset({RANK, COST, ANSWERS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("#"),
                self.tr("Initiative"),
                self.tr("Horizon"),
                self.tr("Months"),
                self.tr("Owner"),
                self.tr("Status"),
                self.tr("Cost"),
                self.tr("CFO"),
                self.tr("Answers"),
                self.tr("For / against"),
            ],
            parent,
        )
        self.header_tooltips = {
            self.COST: self.tr("Cost over the 24 months of the plan, as in the budget"),
            self.CFO: self.tr("Whether the CFO has confirmed the cost"),
            self.ANSWERS: self.tr(
                "How many goals, proposals and concerns of stakeholders it answers"
            ),
            self.PEOPLE: self.tr("Supporters / blockers among the people it answers"),
        }
        self.budget: Budget | None = None

    def cell(self, item: InitiativeRow, column: int) -> str:
        record = item.record
        match column:
            case self.RANK:
                return str(record.rank + 1)
            case self.TITLE:
                return record.title
            case self.HORIZON:
                return fmt.horizon_short_label(record.horizon)
            case self.MONTHS:
                return fmt.month_span(record.start_month, record.end_month)
            case self.OWNER:
                return record.owner or self.tr("No owner")
            case self.STATUS:
                return fmt.initiative_status_label(record.status)
            case self.COST:
                if item.budget is None or self.budget is None:
                    return "—"
                return self.budget.format(item.budget.cost.total)
            case self.CFO:
                return self.tr("Confirmed") if record.cfo_confirmed else self.tr("Not yet")
            case self.ANSWERS:
                return str(len(item.trace.insight_ids)) if item.trace else "—"
            case _:
                return self._people(item.trace)

    def _people(self, trace: InitiativeTrace | None) -> str:
        if trace is None or not (trace.supporters or trace.blockers):
            return ""
        return self.tr("{for_} / {against}").format(
            for_=len(trace.supporters), against=len(trace.blockers)
        )

    def sort_value(self, item: InitiativeRow, column: int) -> object:
        record = item.record
        match column:
            case self.RANK | self.HORIZON:
                return (record.horizon, record.rank)
            case self.MONTHS:
                return (record.start_month, record.end_month)
            case self.COST:
                return item.budget.cost.total if item.budget else -1
            case self.ANSWERS:
                return len(item.trace.insight_ids) if item.trace else -1
            case self.PEOPLE:
                trace = item.trace
                return (len(trace.supporters) - len(trace.blockers)) if trace else 0
        return super().sort_value(item, column)

    def tone(self, item: InitiativeRow, column: int) -> str | None:
        record = item.record
        if record.status == InitiativeStatus.DROPPED:
            return "muted"
        if column == self.OWNER and not record.owner.strip():
            return "warn"
        if column == self.ANSWERS and item.trace is not None and item.trace.addresses_nothing:
            return "warn"
        if column == self.CFO:
            return "good" if record.cfo_confirmed else "muted"
        if column == self.PEOPLE and item.trace is not None and item.trace.blockers:
            return "warn"
        return None

    def tooltip(self, item: InitiativeRow, column: int) -> str | None:
        trace = item.trace
        if column == self.TITLE:
            return item.record.business_value or item.record.description or None
        if column == self.ANSWERS:
            if trace is None:
                return self.tr("Dropped: it answers nothing in the plan.")
            if trace.addresses_nothing:
                return self.tr("It answers no goal, proposal or concern a stakeholder raised.")
            return self.tr("Goals, proposals and concerns of stakeholders it answers.")
        if column == self.PEOPLE and trace is not None:
            return people_text(trace) or None
        return None


def people_text(trace: InitiativeTrace) -> str:
    """Supporters, blockers and neutral people of an initiative, one group a line."""

    def names(people: tuple[LinkedStakeholder, ...]) -> str:
        return ", ".join(
            f"{p.name} ({fmt.stance_label(p.stance)})" for p in sorted(people, key=lambda p: p.name)
        )

    lines = []
    for label, people in (
        (InitiativesModel.tr("For"), trace.supporters),
        (InitiativesModel.tr("Against"), trace.blockers),
        (InitiativesModel.tr("Neutral"), trace.neutral),
    ):
        if people:
            lines.append(f"{label}: {names(people)}")
    return "\n".join(lines)


@dataclass(frozen=True)
class InitiativeFilter:
    """Words in the title or owner, one horizon, dropped ones shown or not."""

    words: tuple[str, ...] = ()
    horizon: int | None = None
    show_dropped: bool = False

    def __call__(self, row: InitiativeRow) -> bool:
        record = row.record
        if record.status == InitiativeStatus.DROPPED and not self.show_dropped:
            return False
        if self.horizon is not None and record.horizon != self.horizon:
            return False
        haystack = f"{record.title} {record.owner}".casefold()
        return all(word in haystack for word in self.words)


class InitiativesTab(PlanTab):
    """The ranked initiatives and, for the selected one, why it is in the plan."""

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self._rows: dict[int, InitiativeRow] = {}
        self._goal_titles: dict[int, str] = {}
        self._refreshing = False
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Filter by title or owner"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Filter initiatives"))
        self.horizon_combo = QComboBox(self)
        self.horizon_combo.addItem(self.tr("All horizons"), None)
        for horizon in HORIZONS:
            self.horizon_combo.addItem(fmt.horizon_label(horizon), horizon)
        self.dropped_box = QCheckBox(self.tr("Show dropped"), self)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.horizon_combo)
        top.addWidget(self.dropped_box)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.section = Section(self.tr("Ranked within each horizon"), splitter)
        self.model = InitiativesModel(self)
        self.model.set_filter(InitiativeFilter())
        self.table = Table(self.model, self.section)
        self.table.fit_columns(InitiativesModel.TITLE)
        self.section.body.addWidget(self.table)
        self.section.add_button(
            self.tr("New initiative…"), self.tr("New initiative (Ctrl+N)"), self.new_item
        )
        self.section.add_button(
            self.tr("Edit…"), self.tr("Edit the initiative (Enter)"), self._edit
        )
        self.section.add_button(
            self.tr("Delete"), self.tr("Delete the initiative (Del)"), self._delete
        )
        self.section.add_button(
            self.tr("Up"), self.tr("Rank higher in its horizon (Alt+Up)"), lambda: self._move(-1)
        )
        self.section.add_button(
            self.tr("Down"), self.tr("Rank lower in its horizon (Alt+Down)"), lambda: self._move(1)
        )
        self.why_section = Section(self.tr("Why this initiative?"), splitter)
        self.why_view = QTextBrowser(self.why_section)
        self.why_view.setOpenLinks(False)
        self.why_view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.why_section.body.addWidget(self.why_view)
        splitter.addWidget(self.section)
        splitter.addWidget(self.why_section)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._filter_changed)
        self.horizon_combo.currentIndexChanged.connect(self._filter_changed)
        self.dropped_box.toggled.connect(self._filter_changed)
        self.table.open_row.connect(self.edits.edit_initiative)
        self.table.delete_row.connect(self.edits.delete_initiative)
        self.table.move_row.connect(self.edits.move_initiative)
        self.table.selectionModel().selectionChanged.connect(self._show_why)
        self.why_view.anchorClicked.connect(self._link_clicked)

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        ws = self.ws
        records = ws.plan.initiatives.list()
        budget = ws.budget.summary()
        costs = {item.id: item for item in budget.initiatives}
        traces = {trace.id: trace for trace in ws.traceability.initiatives()}
        self._goal_titles = {goal.id: goal.title for goal in ws.plan.goals.list()}
        self._rows = {r.id: InitiativeRow(r, costs.get(r.id), traces.get(r.id)) for r in records}
        self.model.budget = budget
        self._refreshing = True  # one "why" at the end, not one per selection change
        try:
            self.table.set_rows(list(self._rows.values()))
            if self.table.selected_id() is None and self.model.rowCount():
                self.table.selectRow(0)  # the why panel always has something to say
        finally:
            self._refreshing = False
        self._show_count()
        self.why_section.setVisible(bool(records))
        self._show_why()

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0:
            self.section.set_count("")
        elif shown == total:
            self.section.set_count(str(total))
        else:
            self.section.set_count(self.tr("{shown} of {total}").format(shown=shown, total=total))
        empty = None
        if total == 0:
            empty = self.tr(
                "No initiatives yet. Press Ctrl+N to add one: say what changes for the "
                "business, and which concerns and proposals it answers."
            )
        elif shown == 0:
            empty = self.tr("No initiative matches the filter.")
        self.section.show_empty(empty, self.table)

    @Slot()
    def _filter_changed(self) -> None:
        self.table.set_filter(
            InitiativeFilter(
                tuple(self.search_edit.text().casefold().split()),
                self.horizon_combo.currentData(),
                self.dropped_box.isChecked(),
            )
        )
        self._show_count()

    # ------------------------------------------------------------ why

    @Slot()
    def _show_why(self) -> None:
        if self._refreshing:
            return
        item_id = self.table.selected_id()
        row = self._rows.get(item_id) if item_id is not None else None
        if row is None:
            self.why_view.setHtml(
                "<p>{}</p>".format(
                    html.escape(
                        self.tr(
                            "Select an initiative to see the goals, proposals and concerns it "
                            "answers, and who raised them."
                        )
                    )
                )
            )
            return
        self.why_view.setHtml(self._why_html(row))

    def _why_html(self, row: InitiativeRow) -> str:
        record = row.record
        parts = [f"<h3>{html.escape(record.title)}</h3>"]
        summary = record.business_value or record.description
        if summary:
            parts.append(f"<p>{html.escape(summary)}</p>")
        goals = [self._goal_titles[g] for g in record.goal_ids if g in self._goal_titles]
        parts.append(self._list_html(self.tr("Serves the goals"), goals))
        parts.append(self._answers_html(record.id))
        if row.trace is not None:
            parts.append(self._people_html(row.trace))
        depends = [self._rows[d].record.title for d in record.depends_on_ids if d in self._rows]
        parts.append(self._list_html(self.tr("Depends on"), depends, empty=None))
        if row.budget is not None and self.model.budget is not None:
            cost = self.model.budget.format(row.budget.cost.total)
            confirmed = self.tr("confirmed by the CFO") if record.cfo_confirmed else ""
            confirmed = confirmed or self.tr("not yet confirmed by the CFO")
            parts.append(
                "<p>{}</p>".format(
                    html.escape(
                        self.tr("Costs {cost} over the plan, {confirmed}.").format(
                            cost=cost, confirmed=confirmed
                        )
                    )
                )
            )
        return "".join(parts)

    def _answers_html(self, item_id: int) -> str:
        heard = self.ws.traceability.why(item_id)
        title = html.escape(self.tr("Answers"))
        if not heard:
            text = self.tr("No goal, proposal or concern a stakeholder raised: why is it here?")
            return f"<p><b>{title}</b></p><p><i>{html.escape(text)}</i></p>"
        items = []
        for insight in heard:
            kind = fmt.insight_kind_label(insight.kind)
            if insight.confidential:
                kind = self.tr("{kind}, confidential").format(kind=kind)
            who = self.tr("{name} ({stance})").format(
                name=insight.stakeholder_name, stance=fmt.stance_label(insight.stance)
            )
            link = f"<a href='stakeholder:{insight.stakeholder_id}'>{html.escape(who)}</a>"
            items.append(
                f"<li><b>{html.escape(kind)}</b> · {link}<br>“{html.escape(insight.text)}”</li>"
            )
        return f"<p><b>{title}</b></p><ul>{''.join(items)}</ul>"

    def _people_html(self, trace: InitiativeTrace) -> str:
        parts = []
        for label, people in (
            (self.tr("Supporters"), trace.supporters),
            (self.tr("Blockers"), trace.blockers),
            (self.tr("Neutral"), trace.neutral),
        ):
            if people:
                names = ", ".join(
                    f"<a href='stakeholder:{p.id}'>{html.escape(p.name)}</a>"
                    f" ({html.escape(fmt.stance_label(p.stance))})"
                    for p in people
                )
                parts.append(f"<p><b>{html.escape(label)}:</b> {names}</p>")
        return "".join(parts)

    def _list_html(self, title: str, items: list[str], empty: str | None = "") -> str:
        if not items:
            if empty is None:
                return ""
            text = empty or self.tr("None yet.")
            return f"<p><b>{html.escape(title)}:</b> <i>{html.escape(text)}</i></p>"
        lines = "".join(f"<li>{html.escape(item)}</li>" for item in items)
        return f"<p><b>{html.escape(title)}</b></p><ul>{lines}</ul>"

    @Slot(object)
    def _link_clicked(self, url: object) -> None:
        text = url.toString()  # type: ignore[attr-defined]
        kind, _sep, item_id = text.partition(":")
        if item_id.isdigit():
            self.open_requested.emit(kind, int(item_id))

    # ------------------------------------------------------------ actions

    def new_item_text(self) -> str:
        return self.tr("New initiative")

    def new_item(self) -> None:
        horizon = self.horizon_combo.currentData() or 6
        saved = self.edits.new_initiative(horizon)
        if saved is not None:  # the page has read the new one already (history.changed)
            self.table.select_id(saved.id)

    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "initiative":
            return False
        if item_id in self._rows and self._rows[item_id].record.status == InitiativeStatus.DROPPED:
            self.dropped_box.setChecked(True)
        if not self.table.select_id(item_id):
            self.search_edit.clear()
            self.horizon_combo.setCurrentIndex(0)
            return self.table.select_id(item_id)
        return True

    def _edit(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.edit_initiative(item_id)

    def _delete(self) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.delete_initiative(item_id)

    def _move(self, step: int) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.edits.move_initiative(item_id, step)
