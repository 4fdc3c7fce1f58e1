"""The Traceability & health tab: what the plan answers, who stands where, what needs a look.

From `ws.traceability.report()`: the stakeholders' concerns and proposals no
initiative addresses yet, the initiatives that address nothing, and each
initiative's supporters and blockers. From `ws.plan_health.check()`: every
finding, in words; a click on one jumps to the item it is about.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Slot
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.plan_health import HealthIssue
from cio_desk.services.traceability import InitiativeTrace, LinkedStakeholder, TracedInsight
from cio_desk.store.enums import InsightKind
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import one_line
from cio_desk.ui.pages.plan_edits import PlanEdits
from cio_desk.ui.pages.plan_models import RowsModel
from cio_desk.ui.pages.plan_tab import TAB_MARGINS, PlanTab, Section, Table, muted

_HEALTH_BATCH = 40  # findings laid out at a time
_TEXT_MARGIN = 4  # pixels around a finding's text
AnyIndex = QModelIndex | QPersistentModelIndex


class UnaddressedModel(RowsModel[TracedInsight]):
    """Kind, what was said, who said it, their stance."""

    KIND, TEXT, WHO, STANCE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [self.tr("Kind"), self.tr("What was said"), self.tr("Who"), self.tr("Stance")], parent
        )

    def cell(self, item: TracedInsight, column: int) -> str:
        match column:
            case self.KIND:
                kind = fmt.insight_kind_label(item.kind)
                if item.confidential:
                    return self.tr("{kind}, confidential").format(kind=kind)
                return kind
            case self.TEXT:
                return one_line(item.text)
            case self.WHO:
                return item.stakeholder_name
        return fmt.stance_label(item.stance)

    def tone(self, item: TracedInsight, column: int) -> str | None:
        if column == self.KIND and item.kind == InsightKind.CONCERN:
            return "warn"
        return None

    def tooltip(self, item: TracedInsight, column: int) -> str | None:
        return item.text if column == self.TEXT else None


class HealthModel(RowsModel[HealthIssue]):
    """One finding a line, in the service's words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Finding")], parent)

    def cell(self, item: HealthIssue, column: int) -> str:
        return item.message

    def tooltip(self, item: HealthIssue, column: int) -> str | None:
        return item.message


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the list's width.

    The default size hint misjudges text mixing Latin and Chinese (the
    fallback font), cutting the second line; this measures with the font in use.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = max(self._view.viewport().width() - 2 * _TEXT_MARGIN, 50)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, bounds.height() + 2 * _TEXT_MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        text, option.text = option.text, ""
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, self._view)
        group = (
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        role = (
            QPalette.ColorRole.HighlightedText
            if option.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        painter.save()
        painter.setPen(option.palette.color(group, role))
        area = option.rect.adjusted(_TEXT_MARGIN, _TEXT_MARGIN, -_TEXT_MARGIN, -_TEXT_MARGIN)
        painter.drawText(area, int(Qt.TextFlag.TextWordWrap), text)
        painter.restore()


class HealthList(QListView):
    """The findings, wrapped to the width; laid out in batches, so hundreds cost little."""

    def __init__(self, model: HealthModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(_WrapDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(_HEALTH_BATCH)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setToolTip(self.tr("Click a finding (or press Enter) to go to what it is about."))


class PeopleModel(RowsModel[InitiativeTrace]):
    """Initiative, horizon, supporters, blockers, neutral people."""

    TITLE, HORIZON, FOR, AGAINST, NEUTRAL = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Initiative"),
                self.tr("Horizon"),
                self.tr("Supporters"),
                self.tr("Blockers"),
                self.tr("Neutral"),
            ],
            parent,
        )

    def _names(self, people: tuple[LinkedStakeholder, ...]) -> str:
        return ", ".join(
            self.tr("{name} ({stance})").format(name=p.name, stance=fmt.stance_label(p.stance))
            for p in people
        )

    def cell(self, item: InitiativeTrace, column: int) -> str:
        match column:
            case self.TITLE:
                return item.title
            case self.HORIZON:
                return fmt.horizon_short_label(item.horizon)
            case self.FOR:
                return self._names(item.supporters)
            case self.AGAINST:
                return self._names(item.blockers)
        return self._names(item.neutral)

    def sort_value(self, item: InitiativeTrace, column: int) -> object:
        counts = {
            self.HORIZON: item.horizon,
            self.FOR: len(item.supporters),
            self.AGAINST: len(item.blockers),
            self.NEUTRAL: len(item.neutral),
        }
        return counts.get(column, super().sort_value(item, column))

    def tone(self, item: InitiativeTrace, column: int) -> str | None:
        if column == self.AGAINST and item.blockers:
            return "warn"
        if column == self.FOR and item.supporters:
            return "good"
        return None

    def tooltip(self, item: InitiativeTrace, column: int) -> str | None:
        text = self.cell(item, column)
        return text if column in (self.FOR, self.AGAINST, self.NEUTRAL) and text else None


class OrphansModel(RowsModel[InitiativeTrace]):
    """Initiatives answering no goal, proposal or concern."""

    TITLE, HORIZON = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Initiative"), self.tr("Horizon")], parent)

    def cell(self, item: InitiativeTrace, column: int) -> str:
        return item.title if column == self.TITLE else fmt.horizon_short_label(item.horizon)


class TraceTab(PlanTab):
    """What is answered and what is not; supporters and blockers; the plan's health."""

    def __init__(self, edits: PlanEdits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self._unaddressed: list[TracedInsight] = []
        self._heard = False  # any concern or proposal recorded at all
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.setSpacing(8)
        self.coverage_label = muted("", self)
        layout.addWidget(self.coverage_label)
        rows = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, rows)
        bottom = QSplitter(Qt.Orientation.Horizontal, rows)
        self.open_section = Section(self.tr("Not yet addressed"), top, buttons_below=True)
        self.kind_combo = QComboBox(self.open_section)
        self.kind_combo.addItem(self.tr("Concerns and proposals"), None)
        self.kind_combo.addItem(self.tr("Concerns only"), InsightKind.CONCERN)
        self.kind_combo.addItem(self.tr("Proposals only"), InsightKind.PROPOSAL)
        self.kind_combo.setAccessibleName(self.tr("Show"))
        self.open_section.add_header_widget(self.kind_combo)
        self.open_model = UnaddressedModel(self)
        self.open_table = Table(self.open_model, self.open_section)
        self.open_table.fit_columns(UnaddressedModel.TEXT)
        self.open_section.body.addWidget(self.open_table, 1)
        self.answer_button = self.open_section.add_button(
            self.tr("Answer with a new initiative…"),
            self.tr("A new initiative that addresses the selected concern or proposal (Enter)"),
            self._answer,
        )
        self.person_button = self.open_section.add_button(
            self.tr("Open stakeholder"),
            self.tr("Show who said it on the Stakeholders page"),
            self._open_person,
            changes=False,
        )
        self.health_section = Section(self.tr("Plan health"), top)
        self.health_model = HealthModel(self)
        self.health_list = HealthList(self.health_model, self.health_section)
        self.health_section.body.addWidget(self.health_list, 1)
        self.people_section = Section(self.tr("Supporters and blockers"), bottom)
        self.people_model = PeopleModel(self)
        self.people_table = Table(self.people_model, self.people_section)
        self.people_table.opens_when_read_only = True  # it shows the initiative, no editor
        self.people_table.fit_columns(
            PeopleModel.TITLE, PeopleModel.FOR, PeopleModel.AGAINST, PeopleModel.NEUTRAL
        )
        self.people_section.body.addWidget(self.people_table, 1)
        self.orphans_section = Section(self.tr("Initiatives answering nothing"), bottom)
        self.orphans_model = OrphansModel(self)
        self.orphans_table = Table(self.orphans_model, self.orphans_section)
        self.orphans_table.fit_columns(OrphansModel.TITLE)
        self.orphans_section.body.addWidget(self.orphans_table, 1)
        for splitter, first, second, share in (
            (top, self.open_section, self.health_section, 60),
            (bottom, self.people_section, self.orphans_section, 70),
        ):
            splitter.addWidget(first)
            splitter.addWidget(second)
            splitter.setStretchFactor(0, share)
            splitter.setStretchFactor(1, 100 - share)
            splitter.setSizes([share * 10, (100 - share) * 10])
        layout.addWidget(rows, 1)

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._show_unaddressed)
        self.open_table.open_row.connect(lambda _id: self._answer())
        self.health_list.clicked.connect(self._health_clicked)
        self.health_list.activated.connect(self._health_clicked)
        self.people_table.open_row.connect(lambda i: self.open_requested.emit("initiative", i))
        self.orphans_table.open_row.connect(self.edits.edit_initiative)

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        report = self.ws.traceability.report()
        self._unaddressed = report.unaddressed
        concerns = report.coverage(InsightKind.CONCERN)
        proposals = report.coverage(InsightKind.PROPOSAL)
        self._heard = bool(report.insights)
        if self._heard:
            coverage = self.tr(
                "Concerns addressed: {c_done} of {c_all} · proposals addressed: {p_done} of "
                "{p_all}. Dropped initiatives address nothing."
            ).format(
                c_done=concerns.addressed,
                c_all=concerns.total,
                p_done=proposals.addressed,
                p_all=proposals.total,
            )
        else:
            coverage = self.tr(
                "No concerns or proposals recorded yet: record what you hear in your meetings."
            )
        orphans = report.addressing_nothing
        if report.initiatives and not orphans:
            coverage += " " + self.tr("Every initiative answers something a stakeholder said.")
        self.coverage_label.setText(coverage)
        self._show_unaddressed()
        issues = self.ws.plan_health.check()
        self.health_model.set_rows(issues)
        self.health_section.set_count(str(len(issues)) if issues else "")
        self.health_section.show_empty(
            None if issues else self.tr("No findings: the plan passes every check."),
            self.health_list,
        )
        self.people_table.set_rows(report.initiatives)
        self.people_section.show_empty(
            None if report.initiatives else self.tr("No initiatives yet."), self.people_table
        )
        # Nothing to list: the coverage line says so, and the people get the room.
        self.orphans_table.set_rows(orphans)
        self.orphans_section.set_count(str(len(orphans)) if orphans else "")
        self.orphans_section.setVisible(bool(orphans))

    @Slot()
    def _show_unaddressed(self) -> None:
        kind = self.kind_combo.currentData()
        rows = [i for i in self._unaddressed if kind is None or i.kind == kind]
        self.open_table.set_rows(rows)
        self.open_section.set_count(str(len(rows)) if rows else "")
        if rows:
            empty = None
        elif self._unaddressed:
            empty = self.tr("None of this kind is waiting; choose “Concerns and proposals”.")
        elif not self._heard:
            empty = self.tr(
                "Concerns and proposals stakeholders raise are listed here until an initiative "
                "answers them."
            )
        else:
            empty = self.tr("Every concern and proposal you heard is addressed.")
        self.open_section.show_empty(empty, self.open_table)
        for button in (self.answer_button, self.person_button):
            self.open_section.edits.set_enabled(button, bool(rows))

    # ------------------------------------------------------------ actions

    def _selected_insight(self) -> TracedInsight | None:
        item_id = self.open_table.selected_id()
        return next((i for i in self._unaddressed if i.id == item_id), None)

    def _answer(self) -> None:
        insight = self._selected_insight()
        if insight is None:
            return
        self.edits.new_initiative(insight_ids=(insight.id,))

    def _open_person(self) -> None:
        insight = self._selected_insight()
        if insight is not None:
            self.open_requested.emit("stakeholder", insight.stakeholder_id)

    @Slot(QModelIndex)
    def _health_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        issue = self.health_model.row_at(index.row())
        self.open_requested.emit(issue.item_kind, issue.item_id)

    def new_item_text(self) -> str:
        return self.tr("New initiative")

    def new_item(self) -> None:
        insight = self._selected_insight()
        preset = {"insight_ids": (insight.id,)} if insight is not None else {}
        self.edits.new_initiative(**preset)
