"""First 30 days: each held meeting, what was learnt and what was promised.

Absent from the executive copy; the coach copy leaves out confidential notes
and insights (the content is already filtered by `Audience`).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.content import LogEntry
from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.styles import RULE
from cio_desk.services.insights import KIND_LABELS
from cio_desk.store.enums import MeetingSetting

SETTING_NAMES = {
    MeetingSetting.OFFICE: "Office",
    MeetingSetting.COFFEE: "Coffee",
    MeetingSetting.LUNCH: "Lunch",
    MeetingSetting.DINNER: "Dinner",
    MeetingSetting.TRAVEL: "Travelling together",
    MeetingSetting.VIDEO: "Video call",
    MeetingSetting.SITE_VISIT: "Site visit",
}


def build(ctx: SectionContext) -> list[Flowable]:
    story: list[Flowable] = [ctx.heading(ctx.tr("First 30 days"))]
    entries = ctx.content.log
    if not entries:
        return [*story, ctx.empty(ctx.tr("No meetings held in the first 30 days yet."))]
    story.append(
        ctx.fixed(ctx.tr("{n} meetings held, oldest first.", n=len(entries)), ctx.styles.muted)
    )
    for entry in entries:
        story.append(ctx.keep(_entry(ctx, entry)))
    return story


def _entry(ctx: SectionContext, entry: LogEntry) -> list[Flowable]:
    from reportlab.platypus import HRFlowable

    meeting = entry.meeting
    when = f"{ctx.date(meeting.starts_at.date())} · {ctx.tr(SETTING_NAMES[meeting.setting])}"
    title = meeting.title or ", ".join(entry.people)
    parts: list[Flowable] = [
        HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=6, spaceAfter=4),
        *ctx.user(title, ctx.styles.h3, where=title),
        ctx.fixed(when, ctx.styles.muted),
    ]
    if meeting.title and entry.people:
        parts += ctx.user(", ".join(entry.people), ctx.styles.small)
    if entry.notes:
        parts += ctx.user(entry.notes, ctx.styles.body, where=title)
    for insight in entry.insights:
        kind = ctx.tr(KIND_LABELS[insight.kind])
        text = (
            insight.referred_label
            if insight.kind.value == "referral" and not insight.text
            else insight.text
        )
        parts += ctx.user(text, ctx.styles.body, where=title, lead=f"<b>{ctx.escape(kind)}:</b> ")
    for item in entry.follow_ups:
        mark = "☑" if item.done else "☐"
        due = f" ({ctx.tr('due {date}', date=ctx.date(item.due_date))})" if item.due_date else ""
        parts += ctx.user(
            item.text, ctx.styles.body, where=title, lead=f"{mark} ", tail=ctx.escape(due)
        )
    return parts
