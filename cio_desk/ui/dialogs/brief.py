"""Brief me: before a meeting, who the people are and what they said before.

    brief, shown = BriefDialog.brief_meeting(parent, ws, meeting_id, today)
    brief, shown = BriefDialog.brief_next_meeting(parent, ws, now)

The brief comes whole from `ws.register` (`meeting_brief`, `next_meeting_brief`);
this dialog lays it out as a readable page. Every piece of user text is
escaped, so a name like "<b>R&D</b>" reads as typed.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.followups import FollowUpRecord
from cio_desk.services.insights import InsightRecord
from cio_desk.services.meetings import MeetingRecord
from cio_desk.services.register import MeetingBrief, StakeholderBrief
from cio_desk.services.tour import GoingCold
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import muted_color, tone_color

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefDialog", text)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


class BriefDialog(QDialog):
    """A read-only page: the meeting, then one section per attendee."""

    def __init__(self, title: str, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(page)
        self.browser.setAccessibleName(title)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)
        self.resize(760, 640)
        self.browser.setFocus()

    def text(self) -> str:
        """The brief as plain text (what a screen reader reads)."""
        return self.browser.toPlainText()

    @classmethod
    def brief_meeting(
        cls, parent: QWidget | None, ws: Workspace, meeting_id: int, today: dt.date
    ) -> tuple[MeetingBrief, bool]:
        """Show the brief on one meeting's attendees."""
        brief = ws.register.meeting_brief(meeting_id, today)
        cls._show(parent, brief, today)
        return brief, True

    @classmethod
    def brief_next_meeting(
        cls, parent: QWidget | None, ws: Workspace, now: dt.datetime
    ) -> tuple[MeetingBrief | None, bool]:
        """Show the brief on the next meeting; (None, False) when none is planned."""
        brief = ws.register.next_meeting_brief(now)
        if brief is None:
            return None, False
        cls._show(parent, brief, now.date())
        return brief, True

    @classmethod
    def _show(cls, parent: QWidget | None, brief: MeetingBrief, today: dt.date) -> None:
        palette = parent.palette() if parent is not None else QPalette()
        title = _tr("Brief: {title}").format(title=brief.meeting.display_title)
        dialog = cls(title, meeting_brief_html(brief, today, palette), parent)
        dialog.exec()
        dialog.deleteLater()


# ---------------------------------------------------------------- the page


def meeting_brief_html(brief: MeetingBrief, today: dt.date, palette: QPalette) -> str:
    """The whole brief as HTML, coloured for `palette`."""
    page = _Page(palette, today)
    page.meeting(brief.meeting)
    for attendee in brief.attendees:
        page.person(attendee, brief.meeting.id)
    others = [c for c in brief.going_cold if c.stakeholder_id not in brief.meeting.attendee_ids]
    page.others_going_cold(others)
    return page.html()


class _Page:
    """Builds the brief's HTML, one block at a time."""

    def __init__(self, palette: QPalette, today: dt.date) -> None:
        self._today = today
        self._muted = muted_color(palette).name()
        self._warn = tone_color(palette, "warn").name()
        self._parts: list[str] = []
        self._said_on: dict[int, dt.date] = {}  # meeting id -> its date

    def html(self) -> str:
        return "<html><body>" + "".join(self._parts) + "</body></html>"

    def _add(self, text: str) -> None:
        self._parts.append(text)

    def _quiet(self, text: str) -> str:
        return f'<span style="color:{self._muted}">{text}</span>'

    def _warning(self, text: str) -> str:
        return f'<span style="color:{self._warn}">{text}</span>'

    def meeting(self, meeting: MeetingRecord) -> None:
        when = _tr("{date}, {times}").format(
            date=fmt.long_date(meeting.starts_at.date()),
            times=fmt.time_range(meeting.starts_at, meeting.ends_at),
        )
        place = [fmt.setting_label(meeting.setting)]
        if meeting.location:
            place.append(meeting.location)
        self._add(f"<h2>{_e(meeting.display_title)}</h2>")
        self._add(f"<p>{_e(when)}<br>{self._quiet(_e(' · '.join(place)))}</p>")
        if meeting.agenda.strip():
            agenda = _e(meeting.agenda).replace("\n", "<br>")
            self._add(f"<p><b>{_e(_tr('Agenda'))}</b><br>{agenda}</p>")

    def person(self, brief: StakeholderBrief, meeting_id: int) -> None:
        person = brief.stakeholder
        self._add("<hr>")
        self._add(f"<h2>{_e(person.name)}</h2>")
        who = [p for p in (person.title, person.unit, fmt.stakeholder_kind_label(person.kind)) if p]
        self._add(f"<p>{self._quiet(_e(' · '.join(who)))}</p>")
        self._add(f"<p>{self._standing(brief)}</p>")
        if brief.going_cold is not None:
            self._add(f"<p>{self._warning(_e(self._cold_text(brief.going_cold)))}</p>")
        self._said_on = {m.id: m.starts_at.date() for m in brief.past_meetings}
        self._said_before(brief.insights)
        self._past_meetings([m for m in brief.past_meetings if m.id != meeting_id])
        self._follow_ups(brief.open_follow_ups)

    def _standing(self, brief: StakeholderBrief) -> str:
        person, row = brief.stakeholder, brief.row
        stance = fmt.stance_label(person.stance)
        if person.target_stance is not None and person.target_stance != person.stance:
            stance = _tr("{stance}, aiming for {target}").format(
                stance=stance, target=fmt.stance_label(person.target_stance)
            )
        lines = [
            _tr("Influence {influence} · Interest {interest} · Stance: {stance}").format(
                influence=person.influence, interest=person.interest, stance=stance
            )
        ]
        if row.last_contact is not None:
            lines.append(_tr("Last met on {date}.").format(date=fmt.short_date(row.last_contact)))
        else:
            lines.append(_tr("Not met yet."))
        if brief.referred_by:
            lines.append(_tr("Named by {names}.").format(names=", ".join(brief.referred_by)))
        return "<br>".join(_e(line) for line in lines)

    def _cold_text(self, cold: GoingCold) -> str:
        cadence = fmt.every_n_days(cold.cadence_days)
        if cold.days_overdue is None:
            return _tr("Going cold: {cadence}, and never met yet.").format(cadence=cadence)
        return _tr("Going cold: {cadence}, last met {ago} ({overdue}).").format(
            cadence=cadence,
            ago=fmt.days_ago((self._today - cold.last_met).days) if cold.last_met else "",
            overdue=fmt.days_overdue(cold.days_overdue),
        )

    def _said_before(self, insights: dict[InsightKind, list[InsightRecord]]) -> None:
        self._add(f"<h3>{_e(_tr('What they said before'))}</h3>")
        if not any(insights.values()):
            self._add(f"<p>{self._quiet(_e(_tr('Nothing recorded yet.')))}</p>")
            return
        for kind in InsightKind:
            items = insights.get(kind, [])
            if not items:
                continue
            self._add(f"<p><b>{_e(fmt.insight_kind_heading(kind))}</b></p><ul>")
            for item in items:
                self._add(f"<li>{self._insight(item)}</li>")
            self._add("</ul>")

    def _insight(self, item: InsightRecord) -> str:
        if item.kind is InsightKind.REFERRAL:
            text = _e(item.referred_label)
            if item.text.strip() and item.text != item.referred_label:
                text += _e(_tr(": {why}").format(why=item.text))
            if item.is_pending_referral:
                text += " " + self._quiet(_e(_tr("(not in your register yet)")))
        else:
            text = _e(item.text).replace("\n", "<br>")
        notes = []
        said_on = self._said_on.get(item.meeting_id) if item.meeting_id is not None else None
        if said_on is None and item.created_at is not None:
            said_on = item.created_at.date()
        if said_on is not None:
            notes.append(fmt.short_date(said_on))
        if item.themes:
            notes.append(", ".join(item.themes))
        if item.confidential:
            notes.append(_tr("confidential"))
        return text + (" " + self._quiet(_e("· " + " · ".join(notes))) if notes else "")

    def _past_meetings(self, meetings: list[MeetingRecord]) -> None:
        self._add(f"<h3>{_e(_tr('Past meetings'))}</h3>")
        if not meetings:
            self._add(f"<p>{self._quiet(_e(_tr('None yet.')))}</p>")
            return
        self._add("<ul>")
        for meeting in meetings:
            parts = [
                fmt.medium_date(meeting.starts_at.date()),
                meeting.display_title,
                fmt.status_label(meeting.status),
            ]
            if meeting.status is MeetingStatus.HELD and meeting.sentiment is not None:
                parts.append(fmt.sentiment_label(meeting.sentiment))
            self._add(f"<li>{_e(' · '.join(parts))}</li>")
        self._add("</ul>")

    def _follow_ups(self, follow_ups: list[FollowUpRecord]) -> None:
        self._add(f"<h3>{_e(_tr('Open follow-ups with them'))}</h3>")
        if not follow_ups:
            self._add(f"<p>{self._quiet(_e(_tr('Nothing promised is open.')))}</p>")
            return
        self._add("<ul>")
        for item in follow_ups:
            text = _e(item.text)
            if item.quick_win:
                text += " " + self._quiet(_e(_tr("· quick win")))
            if item.due_date is not None:
                due = _e(_tr("due {date}").format(date=fmt.short_date(item.due_date)))
                overdue = item.is_overdue(self._today)
                text += " " + (self._warning(due) if overdue else self._quiet(due))
            self._add(f"<li>{text}</li>")
        self._add("</ul>")

    def others_going_cold(self, others: list[GoingCold]) -> None:
        if not others:
            return
        self._add("<hr>")
        self._add(f"<h3>{_e(_tr('Others going cold'))}</h3><ul>")
        for cold in others:
            if cold.days_overdue is None:
                note = _tr("never met")
            else:
                note = fmt.days_overdue(cold.days_overdue)
            self._add(f"<li>{_e(cold.name)} {self._quiet(_e('· ' + note))}</li>")
        self._add("</ul>")
