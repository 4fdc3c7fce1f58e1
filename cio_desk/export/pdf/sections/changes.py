"""Changes since the previous version, the feedback addressed since then, and the
points a reviewer may question (the plan checks of `ws.plan_health`)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import Part, Parts, SectionContext
from cio_desk.export.pdf.sections.common import HORIZON_TITLES, INITIATIVE_STATUS_NAMES, months
from cio_desk.services.plan_health import HealthIssue, HealthRule
from cio_desk.services.review import ReviewRecord
from cio_desk.services.versions import Area, Change, ChangeKind
from cio_desk.store.enums import InitiativeStatus, RiskStatus

# The plan checks in a few words each, for documents not in English (in English
# the service's own sentence is printed, the one the Plan page shows).
HEALTH_SHORT = {
    HealthRule.HORIZON_WITHOUT_MEASURES: "The {subject} horizon has no measures.",
    HealthRule.INITIATIVE_WITHOUT_OWNER: "“{subject}” has no owner.",
    HealthRule.CRITICAL_RISK_WITHOUT_CONTINGENCY: "“{subject}” is a critical risk with no "
    "contingency.",
    HealthRule.STARTS_BEFORE_DEPENDENCY_ENDS: "“{subject}” starts before an initiative it "
    "depends on ends.",
    HealthRule.TARGET_EQUALS_BASELINE: "The target of “{subject}” equals its baseline.",
    HealthRule.INITIATIVE_WITHOUT_COSTS: "“{subject}” has no cost lines.",
    HealthRule.PAYMENTS_DO_NOT_MATCH: "The payments scheduled for “{subject}” do not add up "
    "to its cost.",
    HealthRule.MILESTONE_OUTSIDE_INITIATIVE: "The milestone “{subject}” falls outside its "
    "initiative's months.",
    HealthRule.RESIDUAL_ABOVE_INHERENT: "“{subject}” scores higher after mitigation than before.",
    HealthRule.MEASURE_WITHOUT_HORIZON: "“{subject}” has neither a horizon nor an initiative.",
}

AREA_TITLES = {
    Area.GOAL: "Goals",
    Area.INITIATIVE: "Initiatives",
    Area.MEASURE: "Measures",
    Area.RISK: "Risks",
    Area.NEXT_STEP: "Next steps",
}


def build(ctx: SectionContext) -> list[Flowable]:
    content = ctx.content
    story: list[Flowable] = [ctx.heading(ctx.tr("Changes since the previous version"))]
    previous = content.previous_version
    diff = content.changes
    if previous is None or diff is None:
        story.append(
            ctx.empty(ctx.tr("This is the first version; there is nothing to compare yet."))
        )
    else:
        intro = ctx.tr(
            "Compared with {version} of {date}.",
            version=ctx.tr("Version {number}", number=previous.number),
            date=ctx.date(previous.created_at.date()),
        )
        story.append(ctx.fixed(intro, ctx.styles.body))
        if previous.label:
            story += ctx.user(previous.label, ctx.styles.muted)
        if diff.is_empty:
            story.append(ctx.empty(ctx.tr("The plan has not changed since then.")))
        for area, title in AREA_TITLES.items():
            changes = diff.of(area)
            if changes:
                rows = [[c.title, _describe(ctx, c)] for c in changes]
                story += [
                    ctx.subheading(ctx.tr(title)),
                    *ctx.table([ctx.tr("Item"), ctx.tr("Change")], rows, [3.5, 5]),
                ]
    if content.audience.reviewer_feedback:
        story += _feedback(ctx)
        story += _open_points(ctx)
    return story


def _describe(ctx: SectionContext, change: Change) -> str:
    kind, before, after = change.kind, change.before, change.after
    if kind is ChangeKind.ADDED:
        return ctx.tr("Added")
    if kind is ChangeKind.REMOVED:
        return ctx.tr("Removed")
    if kind is ChangeKind.RENAMED:
        return ctx.tr("Renamed from “{old}”", old=before)
    if kind is ChangeKind.MOVED:
        return ctx.tr(
            "Moved from {old} to {new}", old=_horizon(ctx, before), new=_horizon(ctx, after)
        )
    if kind is ChangeKind.RESCHEDULED:
        return ctx.tr(
            "Rescheduled from {old} to {new}", old=months(ctx, *before), new=months(ctx, *after)
        )
    if kind is ChangeKind.BUDGET:
        return ctx.tr(
            "Budget from {old_once} one-off and {old_year} a year to {new_once} and {new_year}",
            old_once=ctx.money(before["one_off"]),
            old_year=ctx.money(before["per_year"]),
            new_once=ctx.money(after["one_off"]),
            new_year=ctx.money(after["per_year"]),
        )
    if kind is ChangeKind.STATUS:
        return ctx.tr(
            "Status from {old} to {new}", old=_status(ctx, before), new=_status(ctx, after)
        )
    if kind is ChangeKind.OWNER:
        return ctx.tr("Owner from “{old}” to “{new}”", old=before or "–", new=after or "–")
    if kind is ChangeKind.RESCORED:
        return _rescored(ctx, before, after)
    if kind is ChangeKind.MEASURE:
        return ctx.tr(
            "Baseline {old_base} → {new_base}; target {old_target} → {new_target}",
            old_base=ctx.number(before["baseline"], before["unit"]),
            new_base=ctx.number(after["baseline"], after["unit"]),
            old_target=ctx.number(before["target"], before["unit"]),
            new_target=ctx.number(after["target"], after["unit"]),
        )
    return str(kind)


def _rescored(ctx: SectionContext, before: dict, after: dict) -> str:
    """What changed of the scores only: before mitigation, after it, or both."""
    parts = []
    for label, keys in (
        ("before mitigation", ("likelihood", "impact")),
        ("after mitigation", ("residual_likelihood", "residual_impact")),
    ):
        old, new = (f"{scores[keys[0]]}×{scores[keys[1]]}" for scores in (before, after))
        if old != new:
            parts.append(ctx.tr("{which} {old} → {new}", which=ctx.tr(label), old=old, new=new))
    return ctx.tr("Re-scored (likelihood × impact): {changes}", changes="; ".join(parts))


def _horizon(ctx: SectionContext, horizon: object) -> str:
    return ctx.tr(HORIZON_TITLES[horizon]) if horizon in HORIZON_TITLES else ctx.tr("no horizon")


def _status(ctx: SectionContext, value: object) -> str:
    for enum in (InitiativeStatus, RiskStatus):
        try:
            member = enum(value)
        except ValueError:
            continue
        if isinstance(member, InitiativeStatus):
            return ctx.tr(INITIATIVE_STATUS_NAMES[member])
        return ctx.tr(member.value.capitalize())
    return str(value)


def _feedback(ctx: SectionContext) -> list[Flowable]:
    items = ctx.content.feedback_addressed
    story: list[Flowable] = [
        ctx.heading(ctx.tr("Feedback addressed since the previous version"), level=1)
    ]
    if not items:
        return [*story, ctx.empty(ctx.tr("No feedback addressed since the previous version."))]
    rows = [
        [ctx.fixed(item.section_title, ctx.styles.cell_bold), _feedback_text(ctx, item), item.reply]
        for item in items
    ]
    header = [ctx.tr("Section"), ctx.tr("Feedback"), ctx.tr("What was done")]
    story += ctx.table(header, rows, [1.8, 3.6, 3.6])
    return story


def _feedback_text(ctx: SectionContext, item: ReviewRecord) -> Parts:
    """The feedback, and under it, muted, who gave it and when."""
    received = ctx.date(item.received_on)
    if not item.reviewer:
        return Parts((Part(item.text), Part(received, own=True, new_line=True)))
    return Parts(
        (
            Part(item.text),
            Part(item.reviewer, muted=True, new_line=True),
            Part(f"· {received}", own=True),
        )
    )


def _open_points(ctx: SectionContext) -> list[Flowable]:
    """The plan checks' findings: what a reviewer would question (not for executives)."""
    issues = ctx.content.health
    story: list[Flowable] = [ctx.heading(ctx.tr("Points a reviewer may question"), level=1)]
    if not issues:
        return [*story, ctx.empty(ctx.tr("The plan checks find nothing to question."))]
    rows = [[_health_text(ctx, issue)] for issue in issues]
    story += ctx.table([ctx.tr("Point")], rows, [1])
    return story


def _health_text(ctx: SectionContext, issue: HealthIssue) -> str:
    if not ctx.tr.language.startswith("zh"):
        return issue.message
    subject = issue.subject
    if issue.rule is HealthRule.HORIZON_WITHOUT_MEASURES:
        subject = ctx.tr("{n} months", n=issue.item_id)
    return ctx.tr(HEALTH_SHORT[issue.rule], subject=subject)
