"""The "Stay in touch" tab of the Listening tour: who is going cold, where to invest time.

Going cold: key people whose stay-in-touch cadence has lapsed (`ws.tour.going_cold`).
Where to invest time: people short of their target stance (`ws.tour.stance_gaps`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.tour import GoingCold, StanceGap
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import scaled_font, set_tone, tone_color
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.columns import set_column_widths

_ID_ROLE = Qt.ItemDataRole.UserRole
# Typical values that size the columns (see `set_column_widths`).
_NAME_SAMPLE = "Zhou Jianguo 周建国"
_TITLE_SAMPLE = "Head of Supplier Quality, Asia"


class StayInTouchView(QWidget):
    """Two lists of people to act on; activating a row asks to open the person."""

    person_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.cold_title, self.cold_empty, self.cold_list = self._section(
            layout,
            self.tr("Going cold"),
            [
                self.tr("Person"),
                self.tr("Title"),
                self.tr("Stay in touch"),
                self.tr("Last met"),
                self.tr("Overdue"),
            ],
            [_NAME_SAMPLE, _TITLE_SAMPLE, fmt.every_n_days(14), "Wed 30 Sep"],
        )
        layout.addSpacing(10)
        self.gap_title, self.gap_empty, self.gap_list = self._section(
            layout,
            self.tr("Where to invest time"),
            [
                self.tr("Person"),
                self.tr("Title"),
                self.tr("Stance now"),
                self.tr("Target"),
                self.tr("Gap"),
                self.tr("Influence"),
            ],
            [_NAME_SAMPLE, _TITLE_SAMPLE, "Supporter", "Supporter", self.tr("2 steps")],
        )
        layout.addStretch(0)  # takes the room when both lists are empty
        for tree in (self.cold_list, self.gap_list):
            tree.itemActivated.connect(self._activated)

    def _section(
        self, layout: QVBoxLayout, title: str, headers: list[str], samples: list[str]
    ) -> tuple[QLabel, QLabel, QTreeWidget]:
        label = plain_label(title, self)
        label.setFont(scaled_font(self.font(), 1.05, bold=True))
        empty = plain_label("", self)
        set_tone(empty, "muted")
        empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        tree = QTreeWidget(self)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        tree.setAccessibleName(title)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSortingEnabled(False)
        tree.header().setStretchLastSection(True)
        set_column_widths(tree, dict(enumerate(samples)))
        layout.addWidget(label)
        layout.addWidget(empty)
        layout.addWidget(tree, 1)
        return label, empty, tree

    def show_people(self, cold: Sequence[GoingCold], gaps: Sequence[StanceGap]) -> None:
        self._fill_cold(cold)
        self._fill_gaps(gaps)

    def _fill_cold(self, cold: Sequence[GoingCold]) -> None:
        self.cold_list.clear()
        palette = self.palette()
        for person in cold:
            item = QTreeWidgetItem(self.cold_list)
            item.setData(0, _ID_ROLE, person.stakeholder_id)
            last = fmt.short_date(person.last_met) if person.last_met else self.tr("Never")
            if person.days_overdue is None:
                overdue = self.tr("Not met yet")
            else:
                overdue = fmt.days_overdue(person.days_overdue)
            texts = (
                person.name,
                person.title,
                fmt.every_n_days(person.cadence_days),
                last,
                overdue,
            )
            for column, text in enumerate(texts):
                item.setText(column, text)
            item.setForeground(4, tone_color(palette, "warn"))
        self.cold_title.setText(self._titled(self.tr("Going cold"), len(cold)))
        self.cold_empty.setText(
            self.tr(
                "No one is overdue for a catch-up. Set a stay-in-touch cadence (e.g. every "
                "14 days) on key people in the Stakeholders page; they appear here when it lapses."
            )
        )
        self.cold_empty.setVisible(not cold)
        self.cold_list.setVisible(bool(cold))

    def _fill_gaps(self, gaps: Sequence[StanceGap]) -> None:
        self.gap_list.clear()
        palette = self.palette()
        for gap in gaps:
            item = QTreeWidgetItem(self.gap_list)
            item.setData(0, _ID_ROLE, gap.stakeholder_id)
            texts = (
                gap.name,
                gap.title,
                fmt.stance_label(gap.stance),
                fmt.stance_label(gap.target),
                self.tr("{n} steps").format(n=gap.gap) if gap.gap > 1 else self.tr("1 step"),
                str(gap.influence),
            )
            for column, text in enumerate(texts):
                item.setText(column, text)
            item.setForeground(4, tone_color(palette, "accent"))
        self.gap_title.setText(self._titled(self.tr("Where to invest time"), len(gaps)))
        self.gap_empty.setText(
            self.tr(
                "Everyone is at or above the stance you aim for. Give key people a target "
                "stance in the Stakeholders page to see where to invest time."
            )
        )
        self.gap_empty.setVisible(not gaps)
        self.gap_list.setVisible(bool(gaps))

    def _titled(self, title: str, count: int) -> str:
        return self.tr("{title} ({n})").format(title=title, n=count) if count else title

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.person_activated.emit(item.data(0, _ID_ROLE))
