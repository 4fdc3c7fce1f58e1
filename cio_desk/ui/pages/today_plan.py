"""Plan cards on Today: fired risk triggers, concerns no initiative answers, late reviews.

A first-week Today stays calm: a card shows only when it has something to
say, or once the plan has started (it has an initiative), when an empty
card is itself good news ("every concern is answered").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from cio_desk.store.enums import Stance
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.risk_texts import fired_text, group_by_risk
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import ListCard, ListRow
from cio_desk.ui.widgets.visibility import set_shown

if TYPE_CHECKING:
    from cio_desk.services.risks import RiskRecord
    from cio_desk.services.traceability import TracedInsight
    from cio_desk.workspace import Workspace

_SIDE_BY_SIDE = 900  # narrower than this, the cards go one under the other
_CONCERN_CHARS = 160


class PlanCards(QWidget):
    """Three list cards about the plan; hidden entirely when none has anything to show.

    The cards are made when first needed: a first-month Today never shows them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(16)
        self._cards: tuple[ListCard, ListCard, ListCard] | None = None

    def cards(self) -> tuple[ListCard, ListCard, ListCard]:
        if self._cards is None:
            self._cards = (
                ListCard(
                    self.tr("Risk triggers fired"), self.tr("No risk trigger has fired."), self
                ),
                ListCard(
                    self.tr("Concerns no initiative answers yet"),
                    self.tr("Every concern you heard is answered by an initiative."),
                    self,
                ),
                ListCard(
                    self.tr("Risk reviews overdue"), self.tr("No risk review is overdue."), self
                ),
            )
            for card in self._cards:
                self._row.addWidget(card, 1)
        return self._cards

    @property
    def triggers_card(self) -> ListCard:
        return self.cards()[0]

    @property
    def concerns_card(self) -> ListCard:
        return self.cards()[1]

    @property
    def reviews_card(self) -> ListCard:
        return self.cards()[2]

    def show_plan(self, workspace: Workspace, today: dt.date) -> None:
        """Read the plan's alerts and show the cards that have something to say."""
        started = workspace.plan.initiatives.count() > 0
        fired = group_by_risk(workspace.risks.fired_triggers())
        overdue = workspace.risks.overdue_reviews(today)
        if not (started or fired or overdue) and self._cards is None:
            set_shown(self, False)
            return
        self.triggers_card.set_rows([ListRow(fired_text(f)) for f in fired])
        set_tone(self.triggers_card.title_label, "warn" if fired else None)
        self.reviews_card.set_rows([self._review_row(r, today) for r in overdue])
        concerns = workspace.traceability.unaddressed_concerns() if started else []
        self.concerns_card.set_rows([self._concern_row(c) for c in concerns])
        set_shown(self.triggers_card, started or bool(fired))
        set_shown(self.reviews_card, started or bool(overdue))
        set_shown(self.concerns_card, started)
        set_shown(self, any(not card.isHidden() for card in self.cards()))

    def _concern_row(self, concern: TracedInsight) -> ListRow:
        opposed = concern.stance in (Stance.SCEPTIC, Stance.BLOCKER)
        return ListRow(
            primary=_one_line(concern.text, _CONCERN_CHARS),
            secondary=concern.stakeholder_name,
            meta=fmt.stance_label(concern.stance),
            meta_tone="warn" if opposed else "muted",
        )

    def _review_row(self, risk: RiskRecord, today: dt.date) -> ListRow:
        details = []
        if risk.owner:
            details.append(self.tr("Owner: {owner}").format(owner=risk.owner))
        if risk.next_review is not None:
            details.append(self.tr("Due {date}").format(date=fmt.short_date(risk.next_review)))
            late = (today - risk.next_review).days
        else:
            late = 0
        meta = self.tr("1 day overdue") if late == 1 else self.tr("{n} days overdue").format(n=late)
        return ListRow(risk.title, self.tr(" · ").join(details), meta, "warn")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        stacked = event.size().width() < _SIDE_BY_SIDE
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )


def _one_line(text: str, limit: int) -> str:
    """Long or multi-line text shortened to one line for a list."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
