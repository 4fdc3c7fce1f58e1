"""The cover: what the document is, whose it is, for whom, which version."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.paragraphs import Para
from cio_desk.export.pdf.styles import ACCENT, PRIVATE
from cio_desk.export.pdf.text import rich


def build(ctx: SectionContext, audience_label: str, version_label: str) -> list[Flowable]:
    """The cover page (the page break after it is the caller's)."""
    profile = ctx.content.profile
    styles = ctx.styles
    story: list[Flowable] = [Spacer(1, 55 * mm)]
    story.append(HRFlowable(width="18%", thickness=3, color=ACCENT, hAlign="LEFT", spaceAfter=14))
    story.append(ctx.fixed(ctx.tr("Transition plan"), styles.title))
    if profile and profile.organisation:
        story += ctx.user(profile.organisation, styles.subtitle, where="Organisation")
    story.append(Spacer(1, 30 * mm))
    if profile:
        who = ", ".join(part for part in (profile.cio_name, profile.role_title) if part)
        story.append(ctx.fixed(ctx.tr("Prepared by"), styles.muted))
        story += ctx.user(who, styles.lead)
        start = ctx.tr("Day 1: {date}", date=ctx.date(profile.start_date))
        story.append(ctx.fixed(start, styles.muted))
        story.append(Spacer(1, 8 * mm))
    for line in (audience_label, version_label, ctx.date(ctx.content.today)):
        story.append(ctx.fixed(line, styles.body))
    if ctx.content.audience.confidential:
        story.append(Spacer(1, 12 * mm))
        warning = styles.lead.clone("private", textColor=PRIVATE)
        banner = ctx.tr("PRIVATE: personal copy, do not forward")
        story.append(Para(rich(banner), warning))
    return story
