"""The detail panel of the Stakeholders page: one person, as "brief me" tells it.

Profile, stance trend and the gap to the target, the insights grouped by
the five kinds (confidential ones marked), meetings, open follow-ups, how
often others named them, and for the CIO's manager the five conversations.
Everything comes from `ws.register.brief` and `ws.boss.checklist`; the
buttons only ask the page to act.

The cards are built once and refilled for each person: setting a few texts
is several times quicker than building, laying out and deleting a panel of
widgets every time someone else is picked.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.boss import BossChecklist, BossConversationItem
from cio_desk.services.followups import FollowUpRecord
from cio_desk.services.insights import InsightRecord
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.register import RegisterRow, StakeholderBrief, quadrant
from cio_desk.services.tour import StanceTrend
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.stakeholder_trend import StanceTrendChart
from cio_desk.ui.theme import muted_color, scaled_font, set_tone, tone_color
from cio_desk.ui.widgets.cards import Card, ListRow, plain_label
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.ui.widgets.text_card import TextCard

_LIST_ROWS_SHOWN = 6
_LAYOUT_LEVELS = 6  # nested layouts between a card's text and the scroll area, and spare


class StakeholderDetail(QWidget):
    """Shows one stakeholder's brief; its buttons emit requests the page carries out."""

    edit_requested = Signal(int)
    reassess_requested = Signal(int)
    schedule_requested = Signal(int)
    archive_requested = Signal(int, bool)  # id, archive (True) or bring back (False)
    manager_requested = Signal(object)  # the id to mark as manager, or None to unmark
    conversation_requested = Signal(int, str)  # manager id, BossConversationKind value
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._brief: StakeholderBrief | None = None
        self._build()
        self.edits = EditControls(
            self,
            (
                self.edit_button,
                self.reassess_button,
                self.schedule_button,
                self.more_button,
                self.manager_action,
                self.archive_action,
                self.empty_add_button,
            ),
        )
        self._connect_signals()
        self.show_nobody(register_empty=False)

    def stakeholder_id(self) -> int | None:
        return self._brief.stakeholder.id if self._brief else None

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 12)
        layout.setSpacing(12)
        self.name_label = plain_label("", self)
        self.name_label.setFont(scaled_font(self.font(), 1.4, bold=True))
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role_label = plain_label("", self)
        set_tone(self.role_label, "muted")
        self.badges_label = plain_label("", self)
        set_tone(self.badges_label, "accent")
        layout.addWidget(self.name_label)
        layout.addWidget(self.role_label)
        layout.addWidget(self.badges_label)
        layout.addLayout(self._build_actions())
        self.empty_label = plain_label("", self)
        set_tone(self.empty_label, "muted")
        self.empty_add_button = QPushButton(self.tr("Add a stakeholder…"), self)
        self.empty_add_button.setToolTip(self.tr("Add a stakeholder (Ctrl+N)"))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.cards = QWidget(self)
        self.cards_layout = QVBoxLayout(self.cards)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(12)
        self._build_cards()
        layout.addWidget(self.cards)
        layout.addStretch(1)

    def _build_cards(self) -> None:
        self.profile_card = TextCard(self.tr("Profile"), self.cards)
        self.boss_card: Card | None = None  # built for the CIO's manager only
        self.stance_card = Card(self.tr("Stance over time"), self.cards)
        self.stance_chart = StanceTrendChart(self.stance_card)
        self.stance_note = plain_label(
            self.tr("Not re-assessed yet. Use “Re-assess stance” after you meet them."),
            self.stance_card,
        )
        set_tone(self.stance_note, "muted")
        self.stance_history = plain_label("", self.stance_card)
        for widget in (self.stance_chart, self.stance_note, self.stance_history):
            self.stance_card.body.addWidget(widget)
        self.insights_card = TextCard(self.tr("What they told you"), self.cards)
        self.meetings_card = TextCard(self.tr("Meetings"), self.cards)
        self.follow_ups_card = TextCard(self.tr("Open follow-ups"), self.cards)
        for card in (
            self.profile_card,
            self.stance_card,
            self.insights_card,
            self.meetings_card,
            self.follow_ups_card,
        ):
            self.cards_layout.addWidget(card)

    def _build_actions(self) -> QGridLayout:
        row = QGridLayout()
        row.setHorizontalSpacing(6)
        row.setVerticalSpacing(6)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the profile (F2)"))
        self.reassess_button = QPushButton(self.tr("Re-assess stance…"), self)
        self.reassess_button.setToolTip(
            self.tr("Record their stance as of a date; history is kept")
        )
        self.schedule_button = QPushButton(self.tr("Schedule meeting…"), self)
        self.schedule_button.setToolTip(self.tr("Plan a meeting with this person"))
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.more_button)
        self.manager_action = QAction(self.tr("Mark as my manager"), menu)
        self.archive_action = QAction(self.tr("Archive"), menu)
        menu.addAction(self.manager_action)
        menu.addAction(self.archive_action)
        self.more_button.setMenu(menu)
        # Two by two, so the panel stays narrow enough to sit beside the table.
        row.addWidget(self.edit_button, 0, 0)
        row.addWidget(self.reassess_button, 0, 1)
        row.addWidget(self.schedule_button, 1, 0)
        row.addWidget(self.more_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        row.setColumnStretch(2, 1)
        return row

    def _connect_signals(self) -> None:
        self.edit_button.clicked.connect(lambda: self._emit_for(self.edit_requested))
        self.reassess_button.clicked.connect(lambda: self._emit_for(self.reassess_requested))
        self.schedule_button.clicked.connect(lambda: self._emit_for(self.schedule_requested))
        self.archive_action.triggered.connect(self._archive_clicked)
        self.manager_action.triggered.connect(self._manager_clicked)
        self.empty_add_button.clicked.connect(self.add_requested)

    def _emit_for(self, signal: Signal) -> None:
        if self._brief is not None:
            signal.emit(self._brief.stakeholder.id)  # type: ignore[attr-defined]

    @Slot()
    def _archive_clicked(self) -> None:
        if self._brief is not None:
            person = self._brief.stakeholder
            self.archive_requested.emit(person.id, not person.archived)

    @Slot()
    def _manager_clicked(self) -> None:
        if self._brief is not None:
            person = self._brief.stakeholder
            self.manager_requested.emit(None if person.is_manager else person.id)

    # ------------------------------------------------------------ content

    def show_nobody(self, *, register_empty: bool) -> None:
        """No one picked: say what to do."""
        self._brief = None
        self.cards.hide()
        self._keep_scroll_bar(False)
        self._set_boss_card(None)
        self.name_label.setText(
            self.tr("No stakeholders yet") if register_empty else self.tr("No one selected")
        )
        self.role_label.hide()
        self.badges_label.hide()
        if register_empty:
            text = self.tr(
                "Your register is empty. Add the people whose support matters to you: "
                "executives, business leaders, your IT team, key vendors."
            )
        else:
            text = self.tr(
                "Pick someone in the table, the org tree or the grid to see their profile, "
                "what they told you and your meetings with them."
            )
        self.empty_label.setText(text)
        self.empty_label.show()
        self.empty_add_button.setVisible(register_empty)
        for button in (self.edit_button, self.reassess_button, self.schedule_button):
            button.hide()
        self.more_button.hide()

    def show_pending(self, row: RegisterRow) -> None:
        """The person's name and role at once, from their table row; the cards and
        buttons come with `show_brief`."""
        self._brief = None
        self.cards.hide()
        self.empty_label.hide()
        self.empty_add_button.hide()
        for button in (self.edit_button, self.reassess_button, self.schedule_button):
            button.hide()
        self.more_button.hide()
        self._show_header(row)

    def show_brief(
        self, brief: StakeholderBrief, today: dt.date, checklist: BossChecklist | None
    ) -> None:
        """Show one person; `checklist` is given when they are the CIO's manager."""
        self._brief = brief
        person = brief.stakeholder
        self.empty_label.hide()
        self.empty_add_button.hide()
        for button in (self.edit_button, self.reassess_button, self.schedule_button):
            button.show()
        self.more_button.show()
        self.edits.set_enabled(self.schedule_button, not person.archived)
        self.edits.set_enabled(self.reassess_button, not person.archived)
        self.archive_action.setText(
            self.tr("Bring back") if person.archived else self.tr("Archive")
        )
        self.manager_action.setText(
            self.tr("Not my manager") if person.is_manager else self.tr("Mark as my manager")
        )
        self._show_header(brief.row)
        # Filled while hidden: on a visible panel each label shown or hidden
        # would lay the whole panel out again at once.
        self.cards.hide()
        self._keep_scroll_bar(True)
        self._expect_card_width()
        self._show_profile(brief)
        self._set_boss_card(checklist)
        self._show_stance(brief.stance_trend)
        self._show_insights(brief)
        self._show_meetings(brief)
        self._show_follow_ups(brief.open_follow_ups, today)
        self.cards.show()
        self._settle_layout()

    def _keep_scroll_bar(self, keep: bool) -> None:
        """Keep the panel's scroll bar while it shows a person's cards.

        The cards are nearly always taller than the panel. Left to appear after
        the first layout, the scroll bar narrowed every card and their texts
        were laid out again at the new width.
        """
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea):
            policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if keep:
                policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOn
            area.setVerticalScrollBarPolicy(policy)

    def _expect_card_width(self) -> None:
        """Tell the text cards the width they are about to get (the panel's, less
        its margins) so their first measure is at that width."""
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()
        cards = (self.profile_card, self.insights_card, self.meetings_card, self.follow_ups_card)
        for card in cards:
            card.expect_width(width)

    def _settle_layout(self) -> None:
        """Lay the panel out now, before it is painted.

        Each layout pass moves a size change up one level (text, card, cards,
        panel, scroll area), so left to the event loop the cards reach their
        heights over several frames: the panel would be painted half laid out
        and jump. Passes with nothing left to do cost nothing.
        """
        for _ in range(_LAYOUT_LEVELS):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _show_header(self, row: RegisterRow) -> None:
        self.name_label.setText(row.name)
        kind = fmt.stakeholder_kind_label(row.kind)
        self.role_label.setText(self.tr(" · ").join(p for p in (row.title, row.unit, kind) if p))
        self.badges_label.setText(self._badges(row))
        self.role_label.show()
        self.badges_label.show()

    def _badges(self, row: RegisterRow) -> str:
        parts = []
        if row.is_manager:
            parts.append(self.tr("Your manager"))
        if row.archived:
            parts.append(self.tr("Archived"))
        if row.met and row.last_contact:
            parts.append(
                self.tr("Met · last on {date}").format(date=fmt.medium_date(row.last_contact))
            )
        else:
            parts.append(self.tr("Not met yet"))
        return self.tr(" · ").join(parts)

    def _set_boss_card(self, checklist: BossChecklist | None) -> None:
        """The conversations card, rebuilt (it has a button per conversation) or removed."""
        if self.boss_card is not None:
            self.cards_layout.removeWidget(self.boss_card)
            self.boss_card.hide()
            self.boss_card.deleteLater()
            self.boss_card = None
        if checklist is not None:
            self.boss_card = self._boss_card(checklist)
            self.cards_layout.insertWidget(1, self.boss_card)  # right under the profile

    # ------------------------------------------------------------ cards

    def _show_profile(self, brief: StakeholderBrief) -> None:
        person, row = brief.stakeholder, brief.row
        lines: list[tuple[str, str]] = [
            (
                self.tr("Influence / interest"),
                self.tr("{influence} / {interest} · {area}").format(
                    influence=person.influence,
                    interest=person.interest,
                    area=fmt.quadrant_label(quadrant(person.influence, person.interest)),
                ),
            ),
            (self.tr("Stance"), self._stance_text(brief)),
        ]
        if row.named_by:
            names = ", ".join(brief.referred_by)
            lines.append(
                (
                    self.tr("Named by"),
                    self.tr("{n} people: {names}").format(n=row.named_by, names=names)
                    if row.named_by > 1
                    else self.tr("1 person: {names}").format(names=names),
                )
            )
        else:
            lines.append((self.tr("Named by"), self.tr("Nobody has suggested them yet")))
        if person.cadence_days:
            lines.append((self.tr("Stay in touch"), self._cadence_text(brief)))
        for label, value in (
            (self.tr("E-mail"), person.email),
            (self.tr("Phone"), person.phone),
            (self.tr("Tags"), ", ".join(person.tags)),
            (self.tr("Notes"), person.notes),
        ):
            if value:
                lines.append((label, value))
        self.profile_card.show_text(_table_html(lines, muted_color(self.palette())))

    def _stance_text(self, brief: StakeholderBrief) -> str:
        trend = brief.stance_trend
        current = fmt.stance_label(trend.current)
        if trend.target is None:
            return self.tr("{stance} · no target set").format(stance=current)
        gap = trend.target.score - trend.current.score
        target = fmt.stance_label(trend.target)
        if gap <= 0:
            return self.tr("{stance} · at or beyond the target ({target})").format(
                stance=current, target=target
            )
        steps = self.tr("1 step") if gap == 1 else self.tr("{n} steps").format(n=gap)
        return self.tr("{stance} → target {target}: {steps} to go").format(
            stance=current, target=target, steps=steps
        )

    def _cadence_text(self, brief: StakeholderBrief) -> str:
        days = brief.stakeholder.cadence_days
        text = self.tr("Every {n} days").format(n=days)
        cold = brief.going_cold
        if cold is None:
            return text
        if cold.never_met:
            return self.tr("{cadence} · going cold: never met").format(cadence=text)
        return self.tr("{cadence} · going cold: {n} days overdue").format(
            cadence=text, n=cold.days_overdue
        )

    def _show_stance(self, trend: StanceTrend) -> None:
        self.stance_chart.set_trend(trend)
        self.stance_note.setVisible(not trend.points)
        lines = []
        for point in reversed(trend.points):
            text = self.tr("{date} · {stance}").format(
                date=fmt.medium_date(point.assessed_on), stance=fmt.stance_label(point.stance)
            )
            if point.note:
                text = self.tr("{line} — {note}").format(line=text, note=point.note)
            lines.append(text)
        self.stance_history.setText("\n".join(lines))
        self.stance_history.setVisible(bool(lines))

    def _show_insights(self, brief: StakeholderBrief) -> None:
        card = self.insights_card
        confidential = brief.confidential_count
        card.set_count(self.tr("{n} confidential").format(n=confidential) if confidential else "")
        if not any(brief.insights.values()):
            card.show_empty(
                self.tr(
                    "Nothing recorded yet: capture their goals, proposals, concerns, how "
                    "to help them and whom else to meet after your meeting."
                )
            )
        else:
            card.show_text(self._insights_html(brief))

    def _insights_html(self, brief: StakeholderBrief) -> str:
        """The five kinds with their insights; confidential ones marked."""
        palette = self.palette()
        muted = muted_color(palette).name()
        warn = tone_color(palette, "warn").name()
        parts = []
        for kind in InsightKind:
            items = brief.insights.get(kind, [])
            title = self.tr("{kind} ({n})").format(kind=self._insight_title(kind), n=len(items))
            parts.append(f"<p style='margin-top:6px; margin-bottom:2px'><b>{_esc(title)}</b></p>")
            if not items:
                parts.append(f"<p style='margin:0 0 0 10px; color:{muted}'>")
                parts.append(f"{_esc(self.tr('Nothing yet.'))}</p>")
                continue
            parts.append("<ul style='margin:0; -qt-list-indent:1'>")
            for insight in items:
                mark = ""
                if insight.confidential:
                    mark = f" <span style='color:{warn}'>{_esc(self.tr('Confidential'))}</span>"
                parts.append(f"<li>{_esc(self._insight_text(insight))}{mark}</li>")
            parts.append("</ul>")
        return "".join(parts)

    def _insight_title(self, kind: InsightKind) -> str:
        titles = {
            InsightKind.GOAL: self.tr("Goals"),
            InsightKind.PROPOSAL: self.tr("Proposals"),
            InsightKind.CONCERN: self.tr("Concerns"),
            InsightKind.HOW_TO_HELP: self.tr("How to help them"),
            InsightKind.REFERRAL: self.tr("Who else to meet"),
        }
        return titles[kind]

    def _insight_text(self, insight: InsightRecord) -> str:
        if insight.kind is not InsightKind.REFERRAL or not insight.referred_label:
            return insight.text
        who = insight.referred_label
        if insight.is_pending_referral:
            who = self.tr("{name} (not in the register yet)").format(name=who)
        return self.tr("{name}: {text}").format(name=who, text=insight.text)

    def _show_meetings(self, brief: StakeholderBrief) -> None:
        meetings = [*brief.upcoming_meetings, *brief.past_meetings]
        self._show_list(
            self.meetings_card,
            self.tr("No meetings with them yet."),
            [self._meeting_row(m) for m in meetings[:_LIST_ROWS_SHOWN]],
            len(meetings),
        )

    def _meeting_row(self, meeting: MeetingRecord) -> ListRow:
        tone = {
            MeetingStatus.HELD: "good",
            MeetingStatus.PLANNED: "accent",
            MeetingStatus.NO_SHOW: "warn",
        }.get(meeting.status, "muted")
        when = fmt.date_time(meeting.starts_at)
        return ListRow(
            primary=meeting.display_title,
            secondary=self.tr("{when} · {setting}").format(
                when=when, setting=fmt.setting_label(meeting.setting)
            ),
            meta=fmt.status_label(meeting.status),
            meta_tone=tone,
        )

    def _show_follow_ups(self, follow_ups: list[FollowUpRecord], today: dt.date) -> None:
        rows = []
        for item in follow_ups[:_LIST_ROWS_SHOWN]:
            meta, tone = "", "muted"
            if item.due_date is not None:
                meta = self.tr("Due {date}").format(date=fmt.short_date(item.due_date))
                tone = "warn" if item.is_overdue(today) else "muted"
            secondary = self.tr("Quick win") if item.quick_win else ""
            rows.append(ListRow(item.text, secondary, meta, tone))
        self._show_list(self.follow_ups_card, self.tr("No open follow-ups."), rows, len(follow_ups))

    def _show_list(self, card: TextCard, empty_text: str, rows: list[ListRow], total: int) -> None:
        """The first rows of a list in one label (a widget per line is slow to show)."""
        card.set_count(str(total) if total else "", "muted")
        if not rows:
            card.show_empty(empty_text)
            return
        hidden = total - len(rows)
        more = self.tr("And {n} more.").format(n=hidden) if hidden > 0 else ""
        card.show_text(self._rows_html(rows), more)

    def _rows_html(self, rows: list[ListRow]) -> str:
        palette = self.palette()
        muted = muted_color(palette).name()
        cells = []
        for row in rows:
            text = _esc(row.primary)
            if row.secondary:
                text += f"<br><span style='color:{muted}'>{_esc(row.secondary)}</span>"
            colour = (
                tone_color(palette, row.meta_tone).name()
                if row.meta_tone
                else palette.color(QPalette.ColorRole.WindowText).name()
            )
            cells.append(
                f"<tr><td style='padding:0 10px 6px 0'>{text}</td>"
                f"<td align='right' style='padding:0 0 6px 0; color:{colour}'>"
                f"{_esc(row.meta)}</td></tr>"
            )
        return f"<table width='100%' cellspacing='0' cellpadding='0'>{''.join(cells)}</table>"

    def _boss_card(self, checklist: BossChecklist) -> Card:
        card = Card(
            self.tr("Conversations with your manager · {held} of {n} held").format(
                held=checklist.held_count, n=len(checklist.items)
            ),
            self.cards,
        )
        for item in checklist.items:
            card.body.addWidget(self._conversation_row(checklist.manager_id, item, card))
        return card

    def _conversation_row(
        self, manager_id: int, item: BossConversationItem, parent: QWidget
    ) -> QWidget:
        row = QWidget(parent)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 2, 0, 2)
        text = QVBoxLayout()
        text.setSpacing(1)
        mark = "✓" if item.held else "○"
        title = plain_label(
            self.tr("{mark} {topic}").format(
                mark=mark, topic=fmt.boss_conversation_label(item.kind)
            ),
            row,
        )
        title.setFont(scaled_font(self.font(), 1.0, bold=True))
        if item.held_on is not None:
            status = self.tr("Held on {date}").format(date=fmt.medium_date(item.held_on))
        else:
            status = fmt.boss_conversation_hint(item.kind)
        detail = plain_label(status, row)
        set_tone(detail, "good" if item.held else "muted")
        text.addWidget(title)
        text.addWidget(detail)
        if item.notes:
            notes = plain_label(item.notes, row)
            notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.addWidget(notes)
        line.addLayout(text, 1)
        button = QPushButton(
            self.tr("Edit…") if item.held or item.notes else self.tr("Record…"), row
        )
        button.setAccessibleName(
            self.tr("Record the conversation: {topic}").format(
                topic=fmt.boss_conversation_label(item.kind)
            )
        )
        button.clicked.connect(
            lambda _checked=False, kind=item.kind: self.conversation_requested.emit(
                manager_id, kind.value
            )
        )
        line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.edits.add(button)
        return row


def _esc(text: str) -> str:
    """User text inside rich text: shown exactly as typed, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _table_html(lines: list[tuple[str, str]], muted: QColor) -> str:
    rows = "".join(
        f"<tr><td style='color:{muted.name()}; padding:0 12px 3px 0'>{_esc(label)}</td>"
        f"<td style='padding:0 0 3px 0'>{_esc(value)}</td></tr>"
        for label, value in lines
    )
    return f"<table cellspacing='0' cellpadding='0'>{rows}</table>"
