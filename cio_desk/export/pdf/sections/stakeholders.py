"""Stakeholder landscape: the influence/interest grid, coverage, and the
concerns and proposals heard, with the initiatives that address them.

The executive copy names nobody: the grid shows counts and concerns are
grouped by theme.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reportlab.platypus import Flowable, Table

from cio_desk.export.content import TracedItem
from cio_desk.export.pdf.charts import GridLabels, GridPoint, influence_grid
from cio_desk.export.pdf.context import Part, Parts, SectionContext
from cio_desk.export.pdf.sections.common import STANCE_NAMES
from cio_desk.export.pdf.styles import CHART_SERIES, HEAT_COLOURS, MUTED, layout_style
from cio_desk.services.register import RegisterRow
from cio_desk.store.enums import InsightKind, Stance

GRID_SIZE = 290.0
STANCE_COLOURS = {
    Stance.CHAMPION: CHART_SERIES[6],
    Stance.SUPPORTER: CHART_SERIES[1],
    Stance.NEUTRAL: MUTED,
    Stance.SCEPTIC: HEAT_COLOURS[3],
    Stance.BLOCKER: HEAT_COLOURS[4],
}


def build(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr("Stakeholder landscape"))]
    if not content.stakeholders:
        return [*story, ctx.empty(ctx.tr("No stakeholders in the register yet."))]
    story += [_grid_and_coverage(ctx), ctx.space(8)]
    if content.audience.names:
        story += _register(ctx)
    story.append(ctx.heading(ctx.tr("Concerns and proposals"), level=1))
    story += _traceability(ctx)
    return story


def _grid_and_coverage(ctx: SectionContext) -> Table:
    content = ctx.content
    named = content.audience.names
    points = [
        GridPoint(p.influence, p.interest, p.name if named else "", STANCE_COLOURS[p.stance])
        for p in content.stakeholders
    ]
    if named:
        for p in content.stakeholders:
            ctx.note(p.name, ctx.tr("Influence and interest"))
    labels = GridLabels(
        influence=ctx.tr("Influence"),
        interest=ctx.tr("Interest"),
        more=ctx.tr("+{n} more"),
    )
    coverage = content.coverage
    side: list[Flowable] = [
        ctx.fixed(ctx.tr("Coverage"), ctx.styles.h3),
        ctx.fixed(
            ctx.tr(
                "{met} of {register} stakeholders met in person ({percent:.0%}).",
                met=coverage.met,
                register=coverage.register,
                percent=coverage.fraction,
            ),
            ctx.styles.body,
        ),
    ]
    tour = content.tour
    if tour.pending_names:
        side.append(
            ctx.fixed(
                ctx.tr(
                    "Listening tour: {met} of {total} people met, counting {pending} names "
                    "heard in meetings and not yet in the register.",
                    met=tour.met,
                    total=tour.total,
                    pending=tour.pending_names,
                ),
                ctx.styles.body,
            )
        )
    counts = content.meeting_counts
    if counts is not None:
        side.append(
            ctx.fixed(
                ctx.tr(
                    "Meetings in the first {days} days: {held} held, {planned} still planned.",
                    days=content.profile.plan_due_day if content.profile else 30,
                    held=counts.held,
                    planned=counts.planned,
                ),
                ctx.styles.body,
            )
        )
    side.append(
        ctx.fixed(
            ctx.tr(
                "Shaded cells: influence and interest of 4 or more, the people to manage closely."
            ),
            ctx.styles.muted,
        )
    )
    stances = Counter(p.stance for p in content.stakeholders)
    side.append(ctx.fixed(ctx.tr("Stance"), ctx.styles.h3))
    for stance in Stance:
        colour = STANCE_COLOURS[stance].hexval()[2:]
        side.append(
            ctx.markup(
                f"<font color='#{colour}'>■</font> "
                f"{ctx.escape(ctx.tr(STANCE_NAMES[stance]))}: {stances.get(stance, 0)}",
                ctx.styles.body,
            )
        )
    layout = Table(
        [[influence_grid(points, GRID_SIZE, labels), side]],
        colWidths=[GRID_SIZE + 16, ctx.width - GRID_SIZE - 16],
    )
    layout.setStyle(layout_style())
    return layout


def _register(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    people = sorted(content.stakeholders, key=lambda p: (-p.influence, -p.interest, p.name))
    show_notes = content.audience.confidential
    register = content.register_rows
    rows = []
    for p in people:
        row = [
            ctx.bold(p.name),
            ", ".join(part for part in (p.title, p.unit) if part),
            f"{p.influence} / {p.interest}",
            ctx.tr(STANCE_NAMES[p.stance]),
            _last_met(ctx, register.get(p.id)),
        ]
        if show_notes:
            row.append(p.notes)
        rows.append(row)
    header = [
        ctx.tr("Stakeholder"),
        ctx.tr("Role"),
        ctx.tr("Influence / interest"),
        ctx.tr("Stance"),
        ctx.tr("Last met"),
    ]
    widths = [2, 2.8, 1.2, 1.3, 1.5]
    if show_notes:
        header.append(ctx.tr("Private notes"))
        widths = [1.9, 2.3, 1.1, 1.3, 1.4, 3.0]
    return [ctx.heading(ctx.tr("Who is who"), level=1), *ctx.table(header, rows, widths)]


def _last_met(ctx: SectionContext, row: RegisterRow | None) -> str:
    """The date of the last held meeting, as the Stakeholders page shows it."""
    if row is None or not row.met or row.last_contact is None:
        return ctx.tr("Not yet")
    return ctx.date(row.last_contact)


def _traceability(ctx: SectionContext) -> list[Flowable]:
    traced = ctx.content.traced
    if not traced:
        return [ctx.empty(ctx.tr("No concerns or proposals recorded yet."))]
    report = ctx.content.traceability
    story: list[Flowable] = [
        ctx.fixed(
            ctx.tr(
                "{n} concerns and proposals heard; {open} not yet addressed by an initiative.",
                n=len(report.insights),
                open=len(report.unaddressed),
            ),
            ctx.styles.body,
        )
    ]
    if ctx.content.audience.names:
        rows = [_row(ctx, t, named=True) for t in traced]
        header = [ctx.tr("Heard"), ctx.tr("From"), ctx.tr("Addressed by")]
        story += ctx.table(header, rows, [4.4, 1.6, 2.6])
        return story
    by_theme: dict[str, list[TracedItem]] = defaultdict(list)
    for item in traced:
        for theme in item.insight.themes or (ctx.tr("Other"),):
            by_theme[theme].append(item)
    for theme in sorted(by_theme):
        story += ctx.user(theme, ctx.styles.h3)
        rows = [_row(ctx, t, named=False) for t in by_theme[theme]]
        story += ctx.table([ctx.tr("Heard"), ctx.tr("Addressed by")], rows, [5, 3])
    return story


def _row(ctx: SectionContext, item: TracedItem, *, named: bool) -> list:
    kind = ctx.tr("Concern") if item.insight.kind is InsightKind.CONCERN else ctx.tr("Proposal")
    heard = Parts((Part(f"{kind}:", own=True), Part(item.insight.text)))
    addressed = "; ".join(item.initiatives) or ctx.tr("Not yet addressed")
    return [heard, item.person, addressed] if named else [heard, addressed]
