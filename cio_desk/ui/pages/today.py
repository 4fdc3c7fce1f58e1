"""The Today page: where the CIO stands in the first month, at a glance.

Every figure comes from `ws.onboarding.snapshot(now)`; this page only lays
them out. The clock is injected so the page can be shown for any date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.followups import FollowUpRecord
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.onboarding import (
    Coverage,
    DayInfo,
    MeetingCounts,
    TodaySnapshot,
    UnmetStakeholder,
)
from cio_desk.services.profile import ProfileData
from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.today_first_month import FirstMonthCards
from cio_desk.ui.pages.today_plan import PlanCards
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.action_list import ActionListCard, ActionRow
from cio_desk.ui.widgets.cards import LIST_ROWS, Card, ListCard, ListRow, StatCard, plain_label
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.ui.widgets.visibility import set_shown

# Below this width (in pixels of the page) the lists stack instead of sitting side by side.
_STACK_LISTS_BELOW = 800
_PAGE_MARGINS = 2 * 28 + 20  # left and right margins, and room for a scroll bar
_CLOCK_CHECK_MS = 60_000
_FOLLOW_UP_CHARS = 160


class TodayPage(Page):
    """Day N, meetings held against the half-way line, and what needs attention."""

    edit_profile_requested = Signal()

    def __init__(
        self,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
        context: PageContext | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._context = context
        self._shown_date: dt.date | None = None
        self._build()
        self.edits = EditControls(self, (self.setup_button,))
        self._clock = QTimer(self)
        self._clock.setInterval(_CLOCK_CHECK_MS)
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Today")

    def set_read_only(self, read_only: bool) -> None:
        self.edits.set_read_only(read_only)
        for card in (self.todays_card, self.capture_card):
            card.set_read_only(read_only)
        self.first_month.set_read_only(read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("pageBody")
        # Given to the scroll area empty: it measures what it is given, and the
        # full page is measured once, when shown.
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 20, 28, 16)  # see _PAGE_MARGINS
        layout.setSpacing(14)
        layout.addLayout(self._build_header())
        self.setup_card = self._build_setup_card(body)
        layout.addWidget(self.setup_card)
        self.dashboard = QWidget(body)
        layout.addWidget(self.dashboard)
        layout.addStretch(1)
        self._build_dashboard(self.dashboard)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_header(self) -> QVBoxLayout:
        header = QVBoxLayout()
        header.setSpacing(2)
        self.title_label = plain_label(self.tr("Today"), self)
        self.title_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.subtitle_label = plain_label("", self)
        set_tone(self.subtitle_label, "muted")
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        return header

    def _build_setup_card(self, parent: QWidget) -> Card:
        card = Card(self.tr("Welcome to CIO Desk"), parent)
        card.body.addWidget(
            plain_label(
                self.tr(
                    "Tell CIO Desk who you are and when you start. Your start date is "
                    "Day 1: every figure on this page counts from it."
                ),
                card,
            )
        )
        self.setup_button = QPushButton(self.tr("Set up your profile…"), card)
        card.body.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _build_dashboard(self, dashboard: QWidget) -> None:
        layout = QVBoxLayout(dashboard)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.day_card = StatCard(self.tr("First month"), dashboard)
        self.meetings_card = StatCard(self.tr("First-month meetings"), dashboard)
        self.coverage_card = StatCard(self.tr("Stakeholders met"), dashboard)
        self._stats_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._stats_row.setSpacing(16)
        for card in (self.day_card, self.meetings_card, self.coverage_card):
            self._stats_row.addWidget(card, 1)
        layout.addLayout(self._stats_row)

        self.todays_card = ActionListCard(
            self.tr("Today's meetings"), self.tr("No meetings today.")
        )
        self.upcoming_card = ListCard(
            self.tr("Next 7 days"),
            self.tr("Nothing planned for the next 7 days."),
        )
        self.capture_card = ActionListCard(
            self.tr("Meetings to write up"),
            self.tr("Every past meeting has its outcome recorded."),
        )
        self.followups_card = ListCard(
            self.tr("Overdue follow-ups"), self.tr("No overdue follow-ups.")
        )
        self.key_unmet_card = ListCard(
            self.tr("Key stakeholders not met yet"),
            self.tr("You have met every key stakeholder."),
        )
        self._lists_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._lists_row.setSpacing(16)
        self.first_month = FirstMonthCards(self, self._now, self._context)
        first_month = self.first_month
        for cards in (
            (first_month.next_card, self.todays_card, self.upcoming_card, first_month.cold_card),
            (
                self.followups_card,
                self.capture_card,
                self.key_unmet_card,
                first_month.referrals_card,
            ),
        ):
            column = QVBoxLayout()
            column.setSpacing(14)
            for card in cards:
                column.addWidget(card)
            column.addStretch(1)
            self._lists_row.addLayout(column, 1)
        layout.addLayout(self._lists_row)
        self.plan_cards = PlanCards(dashboard)  # hidden until the plan has news
        layout.addWidget(self.plan_cards)

    def _connect_signals(self) -> None:
        self.setup_button.clicked.connect(self.edit_profile_requested)
        self._clock.timeout.connect(self._check_date)

    # ------------------------------------------------------------ refresh

    @Slot()
    def refresh(self) -> None:
        if self._workspace is None:
            return
        now = self._now()
        self._shown_date = now.date()
        snapshot = self._workspace.onboarding.snapshot(now, limit=LIST_ROWS)  # what the cards show
        profile = self._workspace.profile.get()
        set_shown(self.setup_card, snapshot is None)
        self.dashboard.setVisible(False)  # laid out once, when shown again below
        self.subtitle_label.setText(self._subtitle(now.date(), profile))
        if snapshot is not None:
            self._show_snapshot(snapshot, now)
            self.plan_cards.show_plan(self._workspace, now.date())
            self.first_month.show(self._workspace, now)
            self._arrange(self.width())
            self.dashboard.setVisible(True)
        if not self._clock.isActive():
            self._clock.start()

    @Slot()
    def _check_date(self) -> None:
        """Past midnight (or after a laptop wakes up), Day N must move on."""
        if self.isVisible() and self._now().date() != self._shown_date:
            self.refresh()

    def _subtitle(self, today: dt.date, profile: ProfileData | None) -> str:
        date = fmt.long_date(today)
        if profile is None:
            return date
        if profile.organisation:
            who = self.tr("{name}, {role} at {organisation}").format(
                name=profile.cio_name, role=profile.role_title, organisation=profile.organisation
            )
        else:
            who = self.tr("{name}, {role}").format(name=profile.cio_name, role=profile.role_title)
        return self.tr("{date} · {who}").format(date=date, who=who)

    def _show_snapshot(self, snapshot: TodaySnapshot, now: dt.datetime) -> None:
        self._show_day(snapshot.day)
        self._show_meetings(snapshot.meetings, snapshot.day)
        self._show_coverage(snapshot.coverage)
        today = now.date()
        cards_and_rows = (
            (self.todays_card, snapshot.todays_meetings, self._todays_row),
            (self.upcoming_card, snapshot.upcoming_meetings, self._upcoming_row),
            (self.capture_card, snapshot.awaiting_capture, lambda m: self._capture_row(m, today)),
            (
                self.followups_card,
                snapshot.overdue_followups,
                lambda f: self._followup_row(f, today),
            ),
            (self.key_unmet_card, snapshot.key_unmet, self._unmet_row),
        )
        self.key_unmet_card.set_empty_text(
            self.tr("You have met every key stakeholder.")
            if snapshot.coverage.register
            else self.tr("No key stakeholders in your register yet.")
        )
        for card, shortlist, row in cards_and_rows:
            card.set_rows([row(item) for item in shortlist.items], shortlist.total)

    def _show_day(self, day: DayInfo) -> None:
        card = self.day_card
        card.meter.set_fraction(day.fraction, tone="warn" if day.past_due else None)
        if not day.started:
            if day.days_to_start == 1:
                card.headline.setText(self.tr("Starts tomorrow"))
            else:
                card.headline.setText(self.tr("Starts in {n} days").format(n=day.days_to_start))
            card.caption.setText(
                self.tr("Day 1 is {date}.").format(date=fmt.long_date(day.start_date))
            )
        elif day.past_due:
            card.headline.setText(self.tr("Day {n}").format(n=day.number))
            card.caption.setText(self.tr("Your plan was due on Day {due}.").format(due=day.due_day))
        else:
            card.headline.setText(self.tr("Day {n} of {due}").format(n=day.number, due=day.due_day))
            card.caption.setText(self._days_left_text(day.days_left))
        card.meter.setAccessibleName(card.headline.text())

    def _days_left_text(self, days_left: int) -> str:
        if days_left == 0:
            return self.tr("Your plan is due today.")
        if days_left == 1:
            return self.tr("1 day until your plan is due.")
        return self.tr("{n} days until your plan is due.").format(n=days_left)

    def _show_meetings(self, counts: MeetingCounts, day: DayInfo) -> None:
        card = self.meetings_card
        card.meter.set_marker(0.5, self.tr("half-way"))
        if counts.total == 0:
            card.headline.setText(self.tr("None planned yet"))
            card.meter.set_fraction(0.0)
            card.caption.setText(
                self.tr(
                    "Plan one-to-one meetings with the people who matter in your first {n} days."
                ).format(n=day.due_day)
            )
            card.show_message(None)
            return
        card.headline.setText(
            self.tr("{held} of {total} held").format(held=counts.held, total=counts.total)
        )
        card.meter.set_fraction(
            counts.held / counts.total, tone="good" if counts.ready_to_draft else None
        )
        card.meter.setAccessibleName(card.headline.text())
        card.caption.setText(self._meeting_breakdown(counts))
        if counts.ready_to_draft:
            card.show_message(
                self.tr("Time to draft your plan: more than half of your meetings are held.")
            )
        else:
            card.show_message(None)

    def _meeting_breakdown(self, counts: MeetingCounts) -> str:
        parts = [self.tr("{n} still planned").format(n=counts.planned)]
        if counts.no_show:
            parts.append(self.tr("{n} no-show").format(n=counts.no_show))
        if counts.cancelled:
            parts.append(self.tr("{n} cancelled (not counted)").format(n=counts.cancelled))
        breakdown = self.tr(" · ").join(parts)
        if counts.ready_to_draft:
            return self.tr("{breakdown}.").format(breakdown=breakdown)
        return self.tr("{breakdown}. Draft your plan once more than half are held.").format(
            breakdown=breakdown
        )

    def _show_coverage(self, coverage: Coverage) -> None:
        card = self.coverage_card
        card.meter.set_fraction(coverage.fraction)
        if coverage.register == 0:
            card.headline.setText(self.tr("No one yet"))
            card.caption.setText(self.tr("Your stakeholder register is empty."))
            return
        card.headline.setText(
            self.tr("{met} of {register} met").format(met=coverage.met, register=coverage.register)
        )
        card.meter.setAccessibleName(card.headline.text())
        card.caption.setText(
            self.tr("You have met {percent}% of the people in your register.").format(
                percent=round(coverage.fraction * 100)
            )
        )

    # ------------------------------------------------------------ list rows

    def _meeting_detail(self, meeting: MeetingRecord, *parts: str) -> str:
        details = [*parts, fmt.setting_label(meeting.setting)]
        if meeting.location:
            details.append(meeting.location)
        return self.tr(" · ").join(details)

    def _todays_row(self, meeting: MeetingRecord) -> ListRow:
        tone = "good" if meeting.status is MeetingStatus.HELD else "muted"
        return ActionRow(
            primary=meeting.display_title,
            secondary=self._meeting_detail(
                meeting, fmt.time_range(meeting.starts_at, meeting.ends_at)
            ),
            meta=fmt.status_label(meeting.status),
            meta_tone=tone,
            actions=self.first_month.write_up_actions(meeting),
        )

    def _upcoming_row(self, meeting: MeetingRecord) -> ListRow:
        return ListRow(
            primary=meeting.display_title,
            secondary=self._meeting_detail(
                meeting, fmt.time_range(meeting.starts_at, meeting.ends_at)
            ),
            meta=fmt.short_date(meeting.starts_at.date()),
        )

    def _capture_row(self, meeting: MeetingRecord, today: dt.date) -> ListRow:
        return ActionRow(
            primary=meeting.display_title,
            secondary=self._meeting_detail(meeting, fmt.short_date(meeting.starts_at.date())),
            meta=fmt.days_ago((today - meeting.starts_at.date()).days),
            actions=self.first_month.write_up_actions(meeting),
        )

    def _followup_row(self, follow_up: FollowUpRecord, today: dt.date) -> ListRow:
        details = []
        if follow_up.stakeholder_name:
            details.append(self.tr("For {name}").format(name=follow_up.stakeholder_name))
        if follow_up.owner:
            details.append(self.tr("Owner: {owner}").format(owner=follow_up.owner))
        if follow_up.due_date is not None:
            details.append(self.tr("Due {date}").format(date=fmt.short_date(follow_up.due_date)))
        overdue = (today - follow_up.due_date).days if follow_up.due_date else 0
        if overdue == 1:
            meta = self.tr("1 day overdue")
        else:
            meta = self.tr("{n} days overdue").format(n=overdue)
        return ListRow(
            primary=_one_line(follow_up.text, _FOLLOW_UP_CHARS),
            secondary=self.tr(" · ").join(details),
            meta=meta,
            meta_tone="warn",
        )

    def _unmet_row(self, person: UnmetStakeholder) -> ListRow:
        return ListRow(
            primary=person.name,
            secondary=self.tr(" · ").join(p for p in (person.title, person.unit) if p),
            meta=self.tr("Influence {influence} · Interest {interest}").format(
                influence=person.influence, interest=person.interest
            ),
        )

    # ------------------------------------------------------------ layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        """Side by side when the cards fit the width, one under the other when not."""
        stats = (self.day_card, self.meetings_card, self.coverage_card)
        stats_needed = (
            sum(card.needed_width() for card in stats)
            + self._stats_row.spacing() * (len(stats) - 1)
            + _PAGE_MARGINS
        )
        self._stats_row.setDirection(_direction(stacked=width < stats_needed))
        self._lists_row.setDirection(_direction(stacked=width < _STACK_LISTS_BELOW))


def _direction(*, stacked: bool) -> QBoxLayout.Direction:
    return QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight


def _one_line(text: str, limit: int) -> str:
    """Long or multi-line text shortened to one line for a list."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
