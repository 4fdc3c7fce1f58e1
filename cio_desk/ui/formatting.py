"""How dates, times, sizes and closed vocabularies read on screen.

Formats follow the current QLocale; patterns and labels are translatable.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from cio_desk.store.enums import (
    AssessmentKind,
    BossConversationKind,
    CostCategory,
    CostRecurrence,
    InitiativeStatus,
    InsightKind,
    MeetingSetting,
    MeetingStatus,
    RiskCategory,
    RiskResponse,
    RiskStatus,
    SituationType,
    StakeholderKind,
    Stance,
    TopicCategory,
    TopicStatus,
)

if TYPE_CHECKING:
    from cio_desk.services.register import Quadrant


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def short_date(value: dt.date) -> str:
    """A weekday and a day, e.g. "Tue 17 Mar"."""
    pattern = QCoreApplication.translate("Formatting", "ddd d MMM")
    return QLocale().toString(_qdate(value), pattern)


def medium_date(value: dt.date) -> str:
    """A day with its year, e.g. "17 Mar 2026"."""
    pattern = QCoreApplication.translate("Formatting", "d MMM yyyy")
    return QLocale().toString(_qdate(value), pattern)


def long_date(value: dt.date) -> str:
    """A full date, e.g. "Tuesday 17 March 2026"."""
    pattern = QCoreApplication.translate("Formatting", "dddd d MMMM yyyy")
    return QLocale().toString(_qdate(value), pattern)


def clock_time(value: dt.datetime | dt.time, *, seconds: bool = False) -> str:
    """A time of day in the locale's short format, e.g. "09:30" (or "09:30:05")."""
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(value.hour, value.minute, value.second), pattern)


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    return QCoreApplication.translate("Formatting", "{start}–{end}").format(
        start=clock_time(start), end=clock_time(end)
    )


def date_time(value: dt.datetime, *, seconds: bool = False) -> str:
    """A date and time, e.g. "Tue 17 Mar 2026, 09:30"."""
    pattern = QCoreApplication.translate("Formatting", "ddd d MMM yyyy")
    date = QLocale().toString(_qdate(value.date()), pattern)
    return QCoreApplication.translate("Formatting", "{date}, {time}").format(
        date=date, time=clock_time(value, seconds=seconds)
    )


def file_size(size_bytes: int) -> str:
    return QLocale().formattedDataSize(size_bytes)


def days_ago(days: int) -> str:
    if days <= 0:
        return QCoreApplication.translate("Formatting", "today")
    if days == 1:
        return QCoreApplication.translate("Formatting", "yesterday")
    return QCoreApplication.translate("Formatting", "{n} days ago").format(n=days)


def setting_label(setting: MeetingSetting) -> str:
    """How a meeting's setting reads in lists."""
    labels = {
        MeetingSetting.OFFICE: QCoreApplication.translate("Formatting", "Office"),
        MeetingSetting.COFFEE: QCoreApplication.translate("Formatting", "Coffee"),
        MeetingSetting.LUNCH: QCoreApplication.translate("Formatting", "Lunch"),
        MeetingSetting.DINNER: QCoreApplication.translate("Formatting", "Dinner"),
        MeetingSetting.TRAVEL: QCoreApplication.translate("Formatting", "Travelling together"),
        MeetingSetting.VIDEO: QCoreApplication.translate("Formatting", "Video call"),
        MeetingSetting.SITE_VISIT: QCoreApplication.translate("Formatting", "Site visit"),
    }
    return labels.get(setting, str(setting))


def status_label(status: MeetingStatus) -> str:
    """How a meeting's status reads in lists."""
    labels = {
        MeetingStatus.PLANNED: QCoreApplication.translate("Formatting", "Planned"),
        MeetingStatus.HELD: QCoreApplication.translate("Formatting", "Held"),
        MeetingStatus.CANCELLED: QCoreApplication.translate("Formatting", "Cancelled"),
        MeetingStatus.NO_SHOW: QCoreApplication.translate("Formatting", "No-show"),
    }
    return labels.get(status, str(status))


def backup_reason_label(reason: str) -> str:
    """Why a backup was taken, in words; unknown reasons are shown as stored."""
    labels = {
        "open": QCoreApplication.translate("Formatting", "On opening"),
        "close": QCoreApplication.translate("Formatting", "On closing"),
        "manual": QCoreApplication.translate("Formatting", "Backed up by you"),
        "pre-upgrade": QCoreApplication.translate("Formatting", "Before an upgrade"),
        "pre-restore": QCoreApplication.translate("Formatting", "Before a restore"),
    }
    return labels.get(reason, reason)


def _label(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def stance_label(stance: Stance) -> str:
    """A stakeholder's stance, e.g. "Sceptic"."""
    labels = {
        Stance.CHAMPION: _label("Formatting", "Champion"),
        Stance.SUPPORTER: _label("Formatting", "Supporter"),
        Stance.NEUTRAL: _label("Formatting", "Neutral"),
        Stance.SCEPTIC: _label("Formatting", "Sceptic"),
        Stance.BLOCKER: _label("Formatting", "Blocker"),
    }
    return labels.get(stance, str(stance))


def initiative_status_label(status: InitiativeStatus) -> str:
    """How an initiative's status reads."""
    labels = {
        InitiativeStatus.PROPOSED: _label("Formatting", "Proposed"),
        InitiativeStatus.APPROVED: _label("Formatting", "Approved"),
        InitiativeStatus.IN_PROGRESS: _label("Formatting", "In progress"),
        InitiativeStatus.DONE: _label("Formatting", "Done"),
        InitiativeStatus.ON_HOLD: _label("Formatting", "On hold"),
        InitiativeStatus.DROPPED: _label("Formatting", "Dropped"),
    }
    return labels.get(status, str(status))


def horizon_label(horizon: int) -> str:
    """A horizon as a band of months, e.g. "Months 7 to 12"."""
    labels = {
        6: _label("Formatting", "First 6 months"),
        12: _label("Formatting", "Months 7 to 12"),
        24: _label("Formatting", "Months 13 to 24"),
    }
    return labels.get(horizon, _label("Formatting", "{n} months").format(n=horizon))


def horizon_short_label(horizon: int | None) -> str:
    """A horizon in a table cell, e.g. "12 months"; "" for none."""
    if horizon is None:
        return ""
    return _label("Formatting", "{n} months").format(n=horizon)


def month_span(start: int, end: int) -> str:
    """Plan months, e.g. "M3–M8", or "M3" for one month."""
    first = _label("Formatting", "M{n}").format(n=start)
    if start == end:
        return first
    return _label("Formatting", "{first}–{last}").format(
        first=first, last=_label("Formatting", "M{n}").format(n=end)
    )


def risk_category_label(category: RiskCategory) -> str:
    """A risk category, e.g. "Information security"."""
    labels = {
        RiskCategory.FINANCIAL: _label("Formatting", "Financial"),
        RiskCategory.LEGAL: _label("Formatting", "Legal"),
        RiskCategory.INFORMATION_SECURITY: _label("Formatting", "Information security"),
        RiskCategory.OPERATIONAL: _label("Formatting", "Operational and continuity"),
        RiskCategory.PEOPLE_CHANGE: _label("Formatting", "People and change"),
        RiskCategory.VENDOR: _label("Formatting", "Vendor"),
        RiskCategory.SCHEDULE: _label("Formatting", "Schedule"),
    }
    return labels.get(category, str(category))


def risk_response_label(response: RiskResponse) -> str:
    """A planned response to a risk, e.g. "Mitigate"."""
    labels = {
        RiskResponse.AVOID: _label("Formatting", "Avoid"),
        RiskResponse.TRANSFER: _label("Formatting", "Transfer"),
        RiskResponse.MITIGATE: _label("Formatting", "Mitigate"),
        RiskResponse.ACCEPT: _label("Formatting", "Accept"),
    }
    return labels.get(response, str(response))


def risk_status_label(status: RiskStatus) -> str:
    """A risk's status, e.g. "Monitoring"."""
    labels = {
        RiskStatus.OPEN: _label("Formatting", "Open"),
        RiskStatus.MONITORING: _label("Formatting", "Monitoring"),
        RiskStatus.OCCURRED: _label("Formatting", "Occurred"),
        RiskStatus.CLOSED: _label("Formatting", "Closed"),
    }
    return labels.get(status, str(status))


def risk_band_label(band: str) -> str:
    """A risk band (low, medium, high, critical) in words."""
    labels = {
        "low": _label("Formatting", "Low"),
        "medium": _label("Formatting", "Medium"),
        "high": _label("Formatting", "High"),
        "critical": _label("Formatting", "Critical"),
    }
    return labels.get(str(band), str(band))


def risk_scores(likelihood: int, impact: int, score: int) -> str:
    """Likelihood, impact and score in a table cell, e.g. "4 × 3 = 12"."""
    return _label("Formatting", "{likelihood} × {impact} = {score}").format(
        likelihood=likelihood, impact=impact, score=score
    )


def assessment_kind_label(kind: AssessmentKind) -> str:
    """One assessment item's kind, e.g. "Pain point"."""
    labels = {
        AssessmentKind.STRENGTH: _label("Formatting", "Strength"),
        AssessmentKind.WEAKNESS: _label("Formatting", "Weakness"),
        AssessmentKind.PAIN_POINT: _label("Formatting", "Pain point"),
        AssessmentKind.OPPORTUNITY: _label("Formatting", "Opportunity"),
        AssessmentKind.THREAT: _label("Formatting", "Threat"),
    }
    return labels.get(kind, str(kind))


def assessment_kind_title(kind: AssessmentKind) -> str:
    """A heading for the items of one kind, e.g. "Pain points"."""
    labels = {
        AssessmentKind.STRENGTH: _label("Formatting", "Strengths"),
        AssessmentKind.WEAKNESS: _label("Formatting", "Weaknesses"),
        AssessmentKind.PAIN_POINT: _label("Formatting", "Pain points"),
        AssessmentKind.OPPORTUNITY: _label("Formatting", "Opportunities"),
        AssessmentKind.THREAT: _label("Formatting", "Threats"),
    }
    return labels.get(kind, str(kind))


def situation_label(situation: SituationType) -> str:
    """A business unit's situation, e.g. "Turnaround"."""
    labels = {
        SituationType.START_UP: _label("Formatting", "Start-up"),
        SituationType.TURNAROUND: _label("Formatting", "Turnaround"),
        SituationType.ACCELERATED_GROWTH: _label("Formatting", "Accelerated growth"),
        SituationType.REALIGNMENT: _label("Formatting", "Realignment"),
        SituationType.SUSTAINING_SUCCESS: _label("Formatting", "Sustaining success"),
    }
    return labels.get(situation, str(situation))


def situation_guidance(situation: SituationType) -> str:
    """One line on what a unit in this situation calls for."""
    labels = {
        SituationType.START_UP: _label(
            "Formatting", "Build from little: assemble people, systems and funding quickly."
        ),
        SituationType.TURNAROUND: _label(
            "Formatting", "Act fast and decisively: cut what fails and secure early wins."
        ),
        SituationType.ACCELERATED_GROWTH: _label(
            "Formatting", "Scale what works: add capacity and discipline without slowing down."
        ),
        SituationType.REALIGNMENT: _label(
            "Formatting", "Convince people change is needed before trouble comes; reset priorities."
        ),
        SituationType.SUSTAINING_SUCCESS: _label(
            "Formatting", "Protect what works: avoid costly mistakes, then find the next growth."
        ),
    }
    return labels.get(situation, "")


def cost_category_label(category: CostCategory) -> str:
    """A cost category, e.g. "Customisation"."""
    labels = {
        CostCategory.LICENCE: _label("Formatting", "Licences"),
        CostCategory.IMPLEMENTATION: _label("Formatting", "Implementation"),
        CostCategory.CUSTOMISATION: _label("Formatting", "Customisation"),
        CostCategory.MAINTENANCE: _label("Formatting", "Maintenance"),
        CostCategory.INFRASTRUCTURE: _label("Formatting", "Infrastructure"),
        CostCategory.STAFF: _label("Formatting", "Staff"),
        CostCategory.OTHER: _label("Formatting", "Other"),
    }
    return labels.get(category, str(category))


def recurrence_label(recurrence: CostRecurrence) -> str:
    """How often a cost line is charged: "One-off" or "Per year"."""
    labels = {
        CostRecurrence.ONE_OFF: _label("Formatting", "One-off"),
        CostRecurrence.PER_YEAR: _label("Formatting", "Per year"),
    }
    return labels.get(recurrence, str(recurrence))


def insight_kind_label(kind: InsightKind) -> str:
    """What kind of thing a stakeholder said, e.g. "Concern"."""
    labels = {
        InsightKind.GOAL: _label("Formatting", "Goal"),
        InsightKind.PROPOSAL: _label("Formatting", "Proposal"),
        InsightKind.CONCERN: _label("Formatting", "Concern"),
        InsightKind.HOW_TO_HELP: _label("Formatting", "How to help"),
        InsightKind.REFERRAL: _label("Formatting", "Referral"),
    }
    return labels.get(kind, str(kind))


def stakeholder_kind_label(kind: StakeholderKind) -> str:
    """Who a stakeholder is to the CIO, e.g. "Business leader"."""
    labels = {
        StakeholderKind.EXECUTIVE: _label("Formatting", "Executive"),
        StakeholderKind.BUSINESS_LEADER: _label("Formatting", "Business leader"),
        StakeholderKind.IT_TEAM: _label("Formatting", "IT team"),
        StakeholderKind.BOARD: _label("Formatting", "Board"),
        StakeholderKind.VENDOR: _label("Formatting", "Vendor"),
        StakeholderKind.PARTNER: _label("Formatting", "Partner"),
        StakeholderKind.CUSTOMER: _label("Formatting", "Customer"),
        StakeholderKind.REGULATOR: _label("Formatting", "Regulator"),
        StakeholderKind.PEER: _label("Formatting", "Peer"),
    }
    return labels.get(kind, str(kind))


def boss_conversation_label(kind: BossConversationKind) -> str:
    """One of the five conversations with the CIO's manager, e.g. "Expectations"."""
    labels = {
        BossConversationKind.SITUATION: _label("Formatting", "Situation"),
        BossConversationKind.EXPECTATIONS: _label("Formatting", "Expectations"),
        BossConversationKind.RESOURCES: _label("Formatting", "Resources"),
        BossConversationKind.WORKING_STYLE: _label("Formatting", "Working style"),
        BossConversationKind.PERSONAL_DEVELOPMENT: _label("Formatting", "Personal development"),
    }
    return labels.get(kind, str(kind))


def boss_conversation_hint(kind: BossConversationKind) -> str:
    """What a conversation with the manager is for, in one line."""
    hints = {
        BossConversationKind.SITUATION: _label(
            "Formatting", "How they see the situation: start-up, turnaround, growth, realignment?"
        ),
        BossConversationKind.EXPECTATIONS: _label(
            "Formatting", "What they expect of you, by when, and what counts as success."
        ),
        BossConversationKind.RESOURCES: _label(
            "Formatting", "What you need (people, budget, time) and what they can give."
        ),
        BossConversationKind.WORKING_STYLE: _label(
            "Formatting", "How and how often they want to hear from you and decide."
        ),
        BossConversationKind.PERSONAL_DEVELOPMENT: _label(
            "Formatting", "What you will learn in this role and how they can help."
        ),
    }
    return hints.get(kind, "")


def quadrant_label(area: Quadrant) -> str:
    """An area of the influence/interest grid, e.g. "Manage closely"."""
    # Keyed by value (Quadrant is a StrEnum): formatting stays free of service imports.
    labels = {
        "manage_closely": _label("Formatting", "Manage closely"),
        "keep_satisfied": _label("Formatting", "Keep satisfied"),
        "keep_informed": _label("Formatting", "Keep informed"),
        "monitor": _label("Formatting", "Monitor"),
    }
    return labels.get(area, str(area))


def search_kind_label(kind: str) -> str:
    """What kind of item a search hit is, e.g. "Stakeholder"; unknown kinds as stored."""
    labels = {
        "stakeholder": _label("Formatting", "Stakeholder"),
        "meeting": _label("Formatting", "Meeting"),
        "insight": _label("Formatting", "Insight"),
        "follow_up": _label("Formatting", "Follow-up"),
        "topic": _label("Formatting", "Learning topic"),
        "initiative": _label("Formatting", "Initiative"),
        "risk": _label("Formatting", "Risk"),
        "measure": _label("Formatting", "Measure"),
        "goal": _label("Formatting", "Goal of the plan"),
        "assessment": _label("Formatting", "Assessment item"),
    }
    return labels.get(kind, kind.replace("_", " ").capitalize())


def topic_category_label(category: TopicCategory) -> str:
    """A learning-agenda category, e.g. "Organisation and culture"."""
    labels = {
        TopicCategory.BUSINESS: _label("Formatting", "Business"),
        TopicCategory.PAIN_POINTS: _label("Formatting", "Pain points"),
        TopicCategory.FINANCES: _label("Formatting", "Finances"),
        TopicCategory.ORGANISATION: _label("Formatting", "Organisation and culture"),
        TopicCategory.SYSTEMS: _label("Formatting", "Systems"),
        TopicCategory.MARKET: _label("Formatting", "Market and customers"),
    }
    return labels.get(category, str(category))


def topic_status_label(status: TopicStatus) -> str:
    """Where the CIO is with a learning topic, e.g. "In progress"."""
    labels = {
        TopicStatus.TO_LEARN: _label("Formatting", "To learn"),
        TopicStatus.IN_PROGRESS: _label("Formatting", "In progress"),
        TopicStatus.LEARNT: _label("Formatting", "Learnt"),
    }
    return labels.get(status, str(status))


def days_overdue(days: int) -> str:
    """How late something is, e.g. "3 days overdue"."""
    if days == 1:
        return _label("Formatting", "1 day overdue")
    return _label("Formatting", "{n} days overdue").format(n=days)


def every_n_days(days: int) -> str:
    """A stay-in-touch cadence, e.g. "Every 14 days"."""
    if days == 1:
        return _label("Formatting", "Every day")
    return _label("Formatting", "Every {n} days").format(n=days)


def insight_kind_heading(kind: InsightKind) -> str:
    """The heading over a stakeholder's insights of one kind, e.g. "Concerns"."""
    labels = {
        InsightKind.GOAL: _label("Formatting", "Goals"),
        InsightKind.PROPOSAL: _label("Formatting", "Proposals"),
        InsightKind.CONCERN: _label("Formatting", "Concerns"),
        InsightKind.HOW_TO_HELP: _label("Formatting", "How to help"),
        InsightKind.REFERRAL: _label("Formatting", "Whom else to meet"),
    }
    return labels.get(kind, str(kind))


def sentiment_label(sentiment: int | None) -> str:
    """The mood after a meeting, -2 to +2, e.g. "+1 · Warm"; None when not noted."""
    labels = {
        -2: _label("Formatting", "−2 · Went badly"),
        -1: _label("Formatting", "−1 · Cool"),
        0: _label("Formatting", "0 · Neutral"),
        1: _label("Formatting", "+1 · Warm"),
        2: _label("Formatting", "+2 · Went very well"),
    }
    if sentiment is None:
        return _label("Formatting", "Not noted")
    return labels.get(sentiment, str(sentiment))


def day_label(number: int | None) -> str:
    """Day N of the first month, e.g. "Day 16"; "" before Day 1."""
    if number is None or number < 1:
        return ""
    return _label("Formatting", "Day {n}").format(n=number)


def day_month(value: dt.date) -> str:
    """A day and a month, e.g. "1 Apr" (where a calendar crosses into a month)."""
    pattern = QCoreApplication.translate("Formatting", "d MMM")
    return QLocale().toString(_qdate(value), pattern)


def audience_label(profile: str) -> str:
    """Who an export or a plan version is for, e.g. "Coach review"."""
    labels = {
        "executive": _label("Formatting", "Executive"),
        "coach": _label("Formatting", "Coach review"),
        "personal": _label("Formatting", "Personal copy"),
    }
    return labels.get(str(profile), str(profile))


def review_section_label(key: str) -> str:
    """A section of the plan document (reviewer feedback is filed under one)."""
    labels = {
        "general": _label("Formatting", "The plan as a whole"),
        "summary": _label("Formatting", "Executive summary"),
        "assessment": _label("Formatting", "Situation assessment"),
        "approach": _label("Formatting", "Goals and approach"),
        "roadmap": _label("Formatting", "24-month roadmap"),
        "horizons": _label("Formatting", "Horizons"),
        "risks": _label("Formatting", "Risks"),
        "budget": _label("Formatting", "Budget"),
        "stakeholders": _label("Formatting", "Stakeholder landscape"),
        "log": _label("Formatting", "First 30 days"),
        "changes": _label("Formatting", "Changes since the previous version"),
        "glossary": _label("Formatting", "Glossary"),
    }
    return labels.get(key, key)
