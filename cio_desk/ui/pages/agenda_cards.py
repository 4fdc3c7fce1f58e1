"""The cards of the Learning agenda page: the starter-agenda offer and the progress.

Both only lay out what `ws.topics` gives them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cio_desk.services.topics import AgendaProgress, TopicData
from cio_desk.store.enums import TopicCategory
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import Card, plain_label
from cio_desk.ui.widgets.meter import Meter


class StarterOfferCard(Card):
    """Offers a new workspace the starter agenda, showing what it holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Start with a learning agenda"), parent)
        intro = plain_label(
            self.tr(
                "CIO Desk can start you with a week-1 agenda: a few topics in each of the "
                "six areas a new CIO learns first, with documents worth reading. Edit or "
                "remove any of them afterwards, or start empty and write your own."
            ),
            self,
        )
        self.body.addWidget(intro)
        buttons = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use the starter agenda"), self)
        self.use_button.setDefault(True)
        self.empty_button = QPushButton(self.tr("Start empty"), self)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addSpacing(8)
        preview = QGridLayout()
        preview.setHorizontalSpacing(24)
        preview.setVerticalSpacing(12)
        self._titles: dict[TopicCategory, QLabel] = {}
        for index, category in enumerate(TopicCategory):
            cell = QVBoxLayout()
            cell.setSpacing(2)
            name = plain_label(fmt.topic_category_label(category), self)
            name.setFont(scaled_font(self.font(), 1.0, bold=True))
            titles = plain_label("", self)
            set_tone(titles, "muted")
            cell.addWidget(name)
            cell.addWidget(titles)
            cell.addStretch(1)
            preview.addLayout(cell, index // 3, index % 3)
            preview.setColumnStretch(index % 3, 1)
            self._titles[category] = titles
        self.body.addLayout(preview)

    def show_preview(self, topics: Sequence[TopicData]) -> None:
        """List the offered topics under their areas."""
        for category, label in self._titles.items():
            label.setText("\n".join(f"• {t.title}" for t in topics if t.category is category))


class AgendaProgressCard(Card):
    """The whole agenda's progress, and each area's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Progress"), parent)
        row = QHBoxLayout()
        row.setSpacing(28)
        overall = QVBoxLayout()
        overall.setSpacing(4)
        self.headline = plain_label("", self, wrap=False)
        self.headline.setFont(scaled_font(self.font(), 1.5, bold=True))
        self.meter = Meter(self)
        self.caption = plain_label("", self)
        set_tone(self.caption, "muted")
        for widget in (self.headline, self.meter, self.caption):
            overall.addWidget(widget)
        overall.addStretch(1)
        row.addLayout(overall, 2)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(4)
        self.category_meters: dict[TopicCategory, tuple[QWidget, QWidget, Meter]] = {}
        for index, category in enumerate(TopicCategory):
            name = plain_label(fmt.topic_category_label(category), self, wrap=False)
            count = plain_label("", self, wrap=False)
            set_tone(count, "muted")
            meter = Meter(self)
            cell = QGridLayout()
            cell.setSpacing(2)
            cell.addWidget(name, 0, 0)
            cell.addWidget(count, 0, 1, Qt.AlignmentFlag.AlignRight)
            cell.addWidget(meter, 1, 0, 1, 2)
            grid.addLayout(cell, index // 3, index % 3)
            self.category_meters[category] = (name, count, meter)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        row.addLayout(grid, 5)
        self.body.addLayout(row)

    def show_progress(
        self, overall: AgendaProgress, by_category: dict[TopicCategory, AgendaProgress]
    ) -> None:
        self.headline.setText(
            self.tr("{learnt} of {total} learnt").format(learnt=overall.learnt, total=overall.total)
        )
        self.meter.set_fraction(overall.fraction, tone="good" if overall.fraction == 1 else None)
        self.meter.setAccessibleName(self.headline.text())
        self.caption.setText(
            self.tr("{busy} in progress · {left} to learn").format(
                busy=overall.in_progress, left=overall.to_learn
            )
        )
        for category, (_name, count, meter) in self.category_meters.items():
            progress = by_category[category]
            count.setText(
                self.tr("{learnt}/{total}").format(learnt=progress.learnt, total=progress.total)
                if progress.total
                else self.tr("none yet")
            )
            full = progress.total > 0 and progress.fraction == 1
            meter.set_fraction(progress.fraction, tone="good" if full else None)
            meter.setAccessibleName(
                self.tr("{area}: {learnt} of {total} learnt").format(
                    area=fmt.topic_category_label(category),
                    learnt=progress.learnt,
                    total=progress.total,
                )
            )
