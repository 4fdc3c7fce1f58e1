"""First-month cards on Today: the next meeting with "Brief me", referrals, people going cold.

They also give the Today page its "Write up" buttons (meetings awaiting
their write-up, and today's). Every figure comes from the services
(`ws.meetings.next_planned`, `ws.register.row`, `ws.tour.pending_referrals`,
`ws.tour.going_cold`; the brief itself from `ws.register.meeting_brief` when
asked for); every change goes through the edit history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from cio_desk.errors import CioDeskError
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.register import RegisterRow
from cio_desk.services.tour import GoingCold, PendingName, ReferredUnmet
from cio_desk.store.enums import MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.undo import EditHistory
from cio_desk.ui.widgets.action_list import ActionListCard, ActionRow, RowAction
from cio_desk.ui.widgets.cards import LIST_ROWS, Card, plain_label
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.ui.widgets.visibility import set_shown

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace


class NextMeetingCard(Card):
    """The next meeting, who will be there, and a one-click brief."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Next meeting"), parent)
        self.title_label = plain_label("", self)
        self.title_label.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.when_label = plain_label("", self)
        self.people_label = plain_label("", self)
        self.alert_label = plain_label("", self)
        set_tone(self.when_label, "muted")
        set_tone(self.alert_label, "warn")
        self.empty_label = plain_label(self.tr("No meeting planned from now on."), self)
        set_tone(self.empty_label, "muted")
        buttons = QHBoxLayout()
        self.brief_button = QPushButton(self.tr("Brief me"), self)
        self.brief_button.setToolTip(
            self.tr("Who they are, what they said before, what you promised them")
        )
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setToolTip(self.tr("Show the meeting on the Meetings page"))
        self.schedule_button = QPushButton(self.tr("Schedule a meeting…"), self)
        for button in (self.brief_button, self.open_button, self.schedule_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for label in (
            self.title_label,
            self.when_label,
            self.people_label,
            self.alert_label,
            self.empty_label,
        ):
            self.body.addWidget(label)
        self.body.addLayout(buttons)

    def show_meeting(
        self,
        meeting: MeetingRecord | None,
        attendees: list[RegisterRow],
        cold_ids: set[int],
        now: dt.datetime,
    ) -> None:
        """Show `meeting` (None: nothing planned) and what to know about its attendees."""
        has_meeting = meeting is not None
        for widget in (
            self.title_label,
            self.when_label,
            self.people_label,
            self.brief_button,
            self.open_button,
        ):
            set_shown(widget, has_meeting)
        set_shown(self.empty_label, not has_meeting)
        set_shown(self.schedule_button, not has_meeting)
        if meeting is None:
            self.alert_label.hide()
            return
        self.title_label.setText(meeting.display_title)
        self.when_label.setText(self._when(meeting, now))
        people = [
            self.tr("{name} ({title})").format(name=a.name, title=a.title) if a.title else a.name
            for a in attendees
        ]
        self.people_label.setText(self.tr("With {people}").format(people=", ".join(people)))
        alerts = self._alerts(attendees, cold_ids)
        self.alert_label.setText(alerts)
        set_shown(self.alert_label, bool(alerts))

    def _when(self, meeting: MeetingRecord, now: dt.datetime) -> str:
        day = meeting.starts_at.date()
        if day == now.date():
            date = self.tr("Today")
        elif day == now.date() + dt.timedelta(days=1):
            date = self.tr("Tomorrow")
        else:
            date = fmt.short_date(day)
        parts = [
            self.tr("{date}, {times}").format(
                date=date, times=fmt.time_range(meeting.starts_at, meeting.ends_at)
            ),
            fmt.setting_label(meeting.setting),
        ]
        if meeting.location:
            parts.append(meeting.location)
        return self.tr(" · ").join(parts)

    def _alerts(self, attendees: list[RegisterRow], cold_ids: set[int]) -> str:
        notes = []
        for person in attendees:
            if not person.met:
                notes.append(self.tr("first meeting with {name}").format(name=person.name))
            elif person.id in cold_ids:
                notes.append(self.tr("{name} is going cold").format(name=person.name))
            if person.open_follow_ups == 1:
                notes.append(self.tr("1 open follow-up with {name}").format(name=person.name))
            elif person.open_follow_ups:
                notes.append(
                    self.tr("{n} open follow-ups with {name}").format(
                        n=person.open_follow_ups, name=person.name
                    )
                )
        return self.tr(" · ").join(notes)


class FirstMonthCards(QObject):
    """The Today page's first-month cards and the actions behind their buttons."""

    def __init__(
        self,
        page: QWidget,
        now: Callable[[], dt.datetime],
        context: PageContext | None,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._now = now
        self._workspace: Workspace | None = None
        self._brief_meeting: int | None = None
        if context is None:  # shown on its own (no main window): a history of its own
            context = PageContext(now=now, history=EditHistory(self), open_item=lambda _k, _i: None)
            context.history.changed.connect(self._refresh_page)
        self._context = context
        self.next_card = NextMeetingCard(page)
        self.referrals_card = ActionListCard(
            self.tr("Referrals to follow up"),
            self.tr("Everyone you were told to meet is in your register and met."),
            page,
        )
        self.cold_card = ActionListCard(
            self.tr("Going cold"), self.tr("No one is past their stay-in-touch cadence."), page
        )
        self.edits = EditControls(self, (self.next_card.schedule_button,))
        self.next_card.brief_button.clicked.connect(self._brief_next)
        self.next_card.open_button.clicked.connect(self._open_next)
        self.next_card.schedule_button.clicked.connect(lambda: self.schedule(()))

    @property
    def history(self) -> EditHistory:
        return self._context.history

    def set_read_only(self, read_only: bool) -> None:
        """Disable the buttons that change the workspace (a read-only window), or enable them."""
        self.edits.set_read_only(read_only)
        for card in (self.referrals_card, self.cold_card):
            card.set_read_only(read_only)

    # ------------------------------------------------------------ showing

    def show(self, workspace: Workspace, now: dt.datetime) -> None:
        """Read what the cards show, at `now`."""
        self._workspace = workspace
        cold = workspace.tour.going_cold(now.date())
        meeting = workspace.meetings.next_planned(now)
        self._brief_meeting = meeting.id if meeting else None
        attendees = [workspace.register.row(i) for i in meeting.attendee_ids] if meeting else []
        cold_ids = {person.stakeholder_id for person in cold}
        self.next_card.show_meeting(meeting, attendees, cold_ids, now)
        pending = workspace.tour.pending_referrals()
        # Rows are made for what the cards show; the rest is counted.
        rows = [self._name_row(name) for name in pending.names[:LIST_ROWS]]
        rows += [self._unmet_row(person) for person in pending.unmet[: LIST_ROWS - len(rows)]]
        self.referrals_card.set_rows(rows, len(pending.names) + len(pending.unmet))
        set_shown(self.referrals_card, bool(rows))
        today = now.date()
        cold_rows = [self._cold_row(person, today) for person in cold[:LIST_ROWS]]
        self.cold_card.set_rows(cold_rows, len(cold))
        set_shown(self.cold_card, bool(cold))

    def write_up_actions(self, meeting: MeetingRecord) -> tuple[RowAction, ...]:
        """The "Write up" button of a meeting row: planned, and begun by now."""
        if meeting.status is not MeetingStatus.PLANNED or meeting.starts_at > self._now():
            return ()
        return (
            RowAction(
                self.tr("Write up…"),
                lambda: self.write_up(meeting.id),
                self.tr("Record what you learnt and mark the meeting held"),
            ),
        )

    def _name_row(self, name: PendingName) -> ActionRow:
        named_by = self.tr("Named by {names}").format(names=", ".join(name.referrer_names))
        if name.register_match_id is not None:
            return ActionRow(
                primary=name.name,
                secondary=self.tr("{named_by} · someone in your register has this name").format(
                    named_by=named_by
                ),
                meta="",
                actions=(
                    RowAction(
                        self.tr("Same person"),
                        lambda: self.link_referral(name),
                        self.tr("Link these referrals to the person in your register"),
                    ),
                ),
            )
        return ActionRow(
            primary=name.name,
            secondary=self.tr("{named_by} · not in your register").format(named_by=named_by),
            actions=(
                RowAction(
                    self.tr("Add to register"),
                    lambda: self.promote(name),
                    self.tr("Add {name} to your stakeholders (Ctrl+Z undoes it)").format(
                        name=name.name
                    ),
                ),
            ),
        )

    def _unmet_row(self, person: ReferredUnmet) -> ActionRow:
        details = [p for p in (person.title,) if p]
        details.append(self.tr("named by {names}").format(names=", ".join(person.referrer_names)))
        return ActionRow(
            primary=person.name,
            secondary=self.tr(" · ").join(details),
            actions=(self._schedule_action(person.stakeholder_id),),
        )

    def _cold_row(self, person: GoingCold, today: dt.date) -> ActionRow:
        details = [p for p in (person.title, fmt.every_n_days(person.cadence_days)) if p]
        if person.last_met is not None:
            details.append(
                self.tr("last met {ago}").format(ago=fmt.days_ago((today - person.last_met).days))
            )
        if person.days_overdue is None:
            meta = self.tr("Never met")
        else:
            meta = fmt.days_overdue(person.days_overdue)
        return ActionRow(
            primary=person.name,
            secondary=self.tr(" · ").join(details),
            meta=meta,
            meta_tone="warn",
            actions=(self._schedule_action(person.stakeholder_id),),
        )

    def _schedule_action(self, stakeholder_id: int) -> RowAction:
        return RowAction(
            self.tr("Schedule…"),
            lambda: self.schedule((stakeholder_id,)),
            self.tr("Schedule a meeting with them"),
        )

    # ------------------------------------------------------------ acting

    @Slot()
    def _refresh_page(self) -> None:
        refresh = getattr(self._page, "refresh", None)
        if callable(refresh):
            refresh()

    def write_up(self, meeting_id: int) -> None:
        """Open the after-meeting capture for a meeting."""
        from cio_desk.ui.dialogs.capture import CaptureDialog

        if self._workspace is not None:
            self._guard(
                lambda: CaptureDialog.capture_meeting(
                    self._page, self._workspace, self.history, meeting_id
                )
            )

    @Slot()
    def _brief_next(self) -> None:
        from cio_desk.ui.dialogs.brief import BriefDialog

        if self._workspace is not None and self._brief_meeting is not None:
            meeting_id, today = self._brief_meeting, self._now().date()
            self._guard(
                lambda: BriefDialog.brief_meeting(self._page, self._workspace, meeting_id, today)
            )

    @Slot()
    def _open_next(self) -> None:
        if self._brief_meeting is not None:
            self._context.open_item("meeting", self._brief_meeting)

    def schedule(self, attendee_ids: tuple[int, ...]) -> None:
        """Open the meeting editor for a new meeting with these people."""
        from cio_desk.ui.dialogs.meeting_editor import MeetingEditor

        if self._workspace is not None:
            workspace, now = self._workspace, self._now()
            self._guard(
                lambda: MeetingEditor.create_meeting(
                    self._page, workspace, self.history, attendee_ids, now=now
                )
            )

    def promote(self, name: PendingName) -> None:
        """Add a referred name to the register (every referral naming them follows)."""
        workspace = self._workspace
        if workspace is None:
            return
        insights = workspace.insights
        self._guard(
            lambda: self.history.perform(
                self.tr("Add {name} to the register").format(name=name.name),
                do=lambda: insights.promote_referral(name.insight_ids[0]),
                undo=insights.undo_promotion,
            )
        )

    def link_referral(self, name: PendingName) -> None:
        """Point referrals by a typed name at the register entry of that name."""
        workspace, target = self._workspace, name.register_match_id
        if workspace is None or target is None:
            return
        insights = workspace.insights
        typed = {i: insights.get(i).referred_name for i in name.insight_ids}

        def link() -> None:
            for insight_id in typed:
                insights.update(insight_id, referred_stakeholder_id=target, referred_name="")

        def unlink(_result: object) -> None:
            for insight_id, text in typed.items():
                insights.update(insight_id, referred_stakeholder_id=None, referred_name=text)

        self._guard(
            lambda: self.history.perform(
                self.tr("Link referrals to {name}").format(name=name.name),
                do=link,
                undo=unlink,
                redo=lambda _r: link(),
            )
        )

    def _guard(self, act: Callable[[], object]) -> None:
        """Run `act`; a refused change is explained, never a traceback."""
        try:
            act()
        except CioDeskError as error:
            QMessageBox.warning(self._page, self.tr("Today"), str(error))
