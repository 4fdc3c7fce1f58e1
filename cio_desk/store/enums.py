"""Closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class StakeholderKind(StrEnum):
    EXECUTIVE = "executive"
    BUSINESS_LEADER = "business_leader"
    IT_TEAM = "it_team"
    BOARD = "board"
    VENDOR = "vendor"
    PARTNER = "partner"
    CUSTOMER = "customer"
    REGULATOR = "regulator"
    PEER = "peer"

    @property
    def is_internal(self) -> bool:
        return self in INTERNAL_KINDS


INTERNAL_KINDS = frozenset(
    {
        StakeholderKind.EXECUTIVE,
        StakeholderKind.BUSINESS_LEADER,
        StakeholderKind.IT_TEAM,
        StakeholderKind.BOARD,
    }
)


class Stance(StrEnum):
    """Ordered from most to least favourable."""

    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SCEPTIC = "sceptic"
    BLOCKER = "blocker"

    @property
    def score(self) -> int:
        """+2 for a champion down to -2 for a blocker."""
        return 2 - list(Stance).index(self)


class InsightKind(StrEnum):
    GOAL = "goal"
    PROPOSAL = "proposal"
    CONCERN = "concern"
    HOW_TO_HELP = "how_to_help"
    REFERRAL = "referral"


class MeetingSetting(StrEnum):
    OFFICE = "office"
    COFFEE = "coffee"
    LUNCH = "lunch"
    DINNER = "dinner"
    TRAVEL = "travel"
    VIDEO = "video"
    SITE_VISIT = "site_visit"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class TopicCategory(StrEnum):
    BUSINESS = "business"
    PAIN_POINTS = "pain_points"
    FINANCES = "finances"
    ORGANISATION = "organisation"
    SYSTEMS = "systems"
    MARKET = "market"


class TopicStatus(StrEnum):
    TO_LEARN = "to_learn"
    IN_PROGRESS = "in_progress"
    LEARNT = "learnt"


class BossConversationKind(StrEnum):
    SITUATION = "situation"
    EXPECTATIONS = "expectations"
    RESOURCES = "resources"
    WORKING_STYLE = "working_style"
    PERSONAL_DEVELOPMENT = "personal_development"


class AssessmentKind(StrEnum):
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    THREAT = "threat"


class SituationType(StrEnum):
    START_UP = "start_up"
    TURNAROUND = "turnaround"
    ACCELERATED_GROWTH = "accelerated_growth"
    REALIGNMENT = "realignment"
    SUSTAINING_SUCCESS = "sustaining_success"


# Horizons are month counts from the start date, stored as plain integers.
HORIZONS: tuple[int, ...] = (6, 12, 24)


class InitiativeStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ON_HOLD = "on_hold"
    DROPPED = "dropped"


class CostCategory(StrEnum):
    LICENCE = "licence"
    IMPLEMENTATION = "implementation"
    CUSTOMISATION = "customisation"
    MAINTENANCE = "maintenance"
    INFRASTRUCTURE = "infrastructure"
    STAFF = "staff"
    OTHER = "other"


class CostRecurrence(StrEnum):
    ONE_OFF = "one_off"
    PER_YEAR = "per_year"


class RiskCategory(StrEnum):
    FINANCIAL = "financial"
    LEGAL = "legal"
    INFORMATION_SECURITY = "information_security"
    OPERATIONAL = "operational"
    PEOPLE_CHANGE = "people_change"
    VENDOR = "vendor"
    SCHEDULE = "schedule"


class RiskResponse(StrEnum):
    AVOID = "avoid"
    TRANSFER = "transfer"
    MITIGATE = "mitigate"
    ACCEPT = "accept"


class RiskStatus(StrEnum):
    OPEN = "open"
    MONITORING = "monitoring"
    OCCURRED = "occurred"
    CLOSED = "closed"


class AudienceProfile(StrEnum):
    EXECUTIVE = "executive"
    COACH = "coach"
    PERSONAL = "personal"
