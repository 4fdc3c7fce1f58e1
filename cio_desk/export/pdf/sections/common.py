"""Small pieces several sections share."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, ListFlowable, ListItem

from cio_desk.export.pdf.context import SectionContext
from cio_desk.services.risks import RiskBand, band_for
from cio_desk.store.enums import (
    AssessmentKind,
    CostCategory,
    InitiativeStatus,
    RiskCategory,
    RiskStatus,
    Stance,
)

BULLET_INDENT = 12  # points from a list's bullet to its text
HORIZON_TITLES = {6: "First 6 months", 12: "Months 7 to 12", 24: "Months 13 to 24"}

ASSESSMENT_TITLES = {
    AssessmentKind.STRENGTH: "Strengths",
    AssessmentKind.WEAKNESS: "Weaknesses",
    AssessmentKind.PAIN_POINT: "Pain points",
    AssessmentKind.OPPORTUNITY: "Opportunities",
    AssessmentKind.THREAT: "Threats",
}
COST_CATEGORY_NAMES = {
    CostCategory.LICENCE: "Licences",
    CostCategory.IMPLEMENTATION: "Implementation",
    CostCategory.CUSTOMISATION: "Customisation",
    CostCategory.MAINTENANCE: "Maintenance",
    CostCategory.INFRASTRUCTURE: "Infrastructure",
    CostCategory.STAFF: "Staff",
    CostCategory.OTHER: "Other",
}
RISK_CATEGORY_NAMES = {
    RiskCategory.FINANCIAL: "Financial",
    RiskCategory.LEGAL: "Legal",
    RiskCategory.INFORMATION_SECURITY: "Information security",
    RiskCategory.OPERATIONAL: "Operations and continuity",
    RiskCategory.PEOPLE_CHANGE: "People and change",
    RiskCategory.VENDOR: "Vendor",
    RiskCategory.SCHEDULE: "Schedule",
}
RISK_STATUS_NAMES = {
    RiskStatus.OPEN: "Open",
    RiskStatus.MONITORING: "Monitoring",
    RiskStatus.OCCURRED: "Occurred",
    RiskStatus.CLOSED: "Closed",
}
INITIATIVE_STATUS_NAMES = {
    InitiativeStatus.PROPOSED: "Proposed",
    InitiativeStatus.APPROVED: "Approved",
    InitiativeStatus.IN_PROGRESS: "In progress",
    InitiativeStatus.DONE: "Done",
    InitiativeStatus.ON_HOLD: "On hold",
    InitiativeStatus.DROPPED: "Dropped",
}
RISK_BAND_NAMES = {
    RiskBand.LOW: "low",
    RiskBand.MEDIUM: "medium",
    RiskBand.HIGH: "high",
    RiskBand.CRITICAL: "critical",
}
STANCE_NAMES = {
    Stance.CHAMPION: "Champion",
    Stance.SUPPORTER: "Supporter",
    Stance.NEUTRAL: "Neutral",
    Stance.SCEPTIC: "Sceptic",
    Stance.BLOCKER: "Blocker",
}


def score_label(ctx: SectionContext, score: int, likelihood: int = 0, impact: int = 0) -> str:
    """ "16 critical" or, given the factors, "16 critical (4×4)": the band is the risk service's."""
    text = f"{score} {ctx.tr(RISK_BAND_NAMES[band_for(score)])}"
    return f"{text} ({likelihood}×{impact})" if likelihood and impact else text


def months(ctx: SectionContext, start: int, end: int) -> str:
    """ "M3–M8" or "M3"."""
    return ctx.tr("M{n}", n=start) + ("" if start == end else "–" + ctx.tr("M{n}", n=end))


def bullet_list(
    ctx: SectionContext,
    items: Sequence[str | list[Flowable]],
    *,
    numbered: bool = False,
    where: str = "",
) -> ListFlowable:
    """A list of user texts (or items already made, such as `ctx.bounded`'s), bulleted
    or numbered."""
    style = ctx.styles.body
    flowables = [
        ListItem(
            ctx.user(item, style, where=where) if isinstance(item, str) else item,
            leftIndent=BULLET_INDENT,
        )
        for item in items
    ]
    return ListFlowable(
        flowables,
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "•",
        bulletFontName=style.fontName,
        bulletFontSize=style.fontSize if numbered else 7,
        bulletColor=style.textColor,
        leftIndent=BULLET_INDENT,
    )
