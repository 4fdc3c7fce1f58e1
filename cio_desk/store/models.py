"""The workspace schema: one class per entity of the CIO transition method.

Money is stored in integer minor units (cents, fen) and never as floats.
Closed vocabularies are strings checked by the database (see `enums.py`).
Every change to this module ships with an Alembic migration.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from cio_desk.store.enums import (
    AssessmentKind,
    AudienceProfile,
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

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def vocabulary(enum_class: type[StrEnum], name: str | None = None) -> Enum:
    """A string column restricted by a CHECK constraint to the enum's values.

    `name` names the constraint; give one when a table has two columns of the
    same vocabulary (SQLite batch migrations keep one constraint per name).
    """
    return Enum(
        enum_class,
        name=name or enum_class.__name__.lower(),
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def rating(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 1 AND 5", name=f"{column}_1_5")


def month(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 1 AND 24", name=f"{column}_1_24")


def horizon(column: str = "horizon") -> CheckConstraint:
    return CheckConstraint(f"{column} IN (6, 12, 24)", name=f"{column}_6_12_24")


def created_at() -> Mapped[dt.datetime]:
    return mapped_column(DateTime, server_default=func.current_timestamp())


# ---------------------------------------------------------------- profile


class Profile(Base):
    """Who the CIO is and when Day 1 was; one row per workspace."""

    __tablename__ = "profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("plan_due_day BETWEEN 1 AND 365", name="plan_due_day_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    cio_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role_title: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    plan_due_day: Mapped[int] = mapped_column(default=30)
    language: Mapped[str] = mapped_column(String(16), default="en")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")


class Setting(Base):
    """Small per-workspace preferences (idle lock minutes, export defaults)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# ---------------------------------------------------------------- people


stakeholder_tag = Table(
    "stakeholder_tag",
    Base.metadata,
    Column("stakeholder_id", ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(100), primary_key=True),
)


class Stakeholder(Base):
    """A person whose support matters, inside or outside the organisation."""

    __tablename__ = "stakeholder"
    __table_args__ = (
        rating("influence"),
        rating("interest"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("cadence_days IS NULL OR cadence_days > 0", name="cadence_days_positive"),
        CheckConstraint("reports_to_id IS NULL OR reports_to_id <> id", name="not_own_manager"),
        Index("ix_stakeholder_active_name", "archived", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(200), default="", index=True)
    kind: Mapped[StakeholderKind] = mapped_column(
        vocabulary(StakeholderKind), default=StakeholderKind.BUSINESS_LEADER
    )
    reports_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    influence: Mapped[int] = mapped_column(default=3)
    interest: Mapped[int] = mapped_column(default=3)
    stance: Mapped[Stance] = mapped_column(vocabulary(Stance), default=Stance.NEUTRAL)
    target_stance: Mapped[Stance | None] = mapped_column(vocabulary(Stance, "target_stance"))
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_manager: Mapped[bool] = mapped_column(Boolean, default=False)
    cadence_days: Mapped[int | None] = mapped_column()
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = created_at()
    # The start of the latest held meeting they attend (any date); NULL until
    # met. Derived, kept by `store/last_held.py` on every flush, so that "met"
    # and "last contact" need not group every held meeting.
    last_held_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    stance_history: Mapped[list[StanceAssessment]] = relationship(
        back_populates="stakeholder",
        cascade="all, delete-orphan",
        order_by="StanceAssessment.assessed_on",
    )


class StanceAssessment(Base):
    """A dated re-assessment of a stakeholder's stance (the trend)."""

    __tablename__ = "stance_assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="CASCADE"), index=True
    )
    stance: Mapped[Stance] = mapped_column(vocabulary(Stance))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    stakeholder: Mapped[Stakeholder] = relationship(back_populates="stance_history")


# ---------------------------------------------------------------- meetings


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Meeting(Base):
    """A conversation with one or more stakeholders, planned or held."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("sentiment IS NULL OR sentiment BETWEEN -2 AND 2", name="sentiment_range"),
        Index("ix_meeting_status_starts_at", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    setting: Mapped[MeetingSetting] = mapped_column(
        vocabulary(MeetingSetting), default=MeetingSetting.OFFICE
    )
    status: Mapped[MeetingStatus] = mapped_column(
        vocabulary(MeetingStatus), default=MeetingStatus.PLANNED
    )
    location: Mapped[str] = mapped_column(String(300), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    notes_confidential: Mapped[bool] = mapped_column(Boolean, default=True)
    purpose_relationship: Mapped[bool] = mapped_column(Boolean, default=False)
    purpose_learn: Mapped[bool] = mapped_column(Boolean, default=False)
    purpose_values: Mapped[bool] = mapped_column(Boolean, default=False)
    sentiment: Mapped[int | None] = mapped_column()
    thank_you_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = created_at()

    attendees: Mapped[list[Stakeholder]] = relationship(
        secondary="meeting_attendee", order_by="Stakeholder.name"
    )


# ---------------------------------------------------------------- insights


insight_theme = Table(
    "insight_theme",
    Base.metadata,
    Column("insight_id", ForeignKey("insight.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Theme(Base):
    """A tag grouping insights across stakeholders ("ERP", "cost", "talent")."""

    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Insight(Base):
    """One thing learnt about a stakeholder: one of the five kinds."""

    __tablename__ = "insight"
    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        CheckConstraint(
            "kind = 'referral' OR (referred_stakeholder_id IS NULL AND referred_name = '')",
            name="referral_fields_only_on_referrals",
        ),
        Index("ix_insight_stakeholder_kind", "stakeholder_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stakeholder_id: Mapped[int] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[InsightKind] = mapped_column(vocabulary(InsightKind))
    text: Mapped[str] = mapped_column(Text)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    referred_stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    referred_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = created_at()

    themes: Mapped[list[Theme]] = relationship(secondary=insight_theme, order_by=Theme.name)


# ---------------------------------------------------------------- follow-ups


class FollowUp(Base):
    """A promised action after a meeting; a quick win shows good faith."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        Index("ix_follow_up_done_due", "done", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    quick_win: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = created_at()


# ---------------------------------------------------------------- learning agenda


class LearningTopic(Base):
    """Something the CIO must learn in week 1, and from whom."""

    __tablename__ = "learning_topic"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[TopicCategory] = mapped_column(vocabulary(TopicCategory))
    status: Mapped[TopicStatus] = mapped_column(
        vocabulary(TopicStatus), default=TopicStatus.TO_LEARN
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    sources: Mapped[list[LearningSource]] = relationship(
        cascade="all, delete-orphan", order_by="LearningSource.id"
    )


class LearningSource(Base):
    """Where a topic is learnt from: a stakeholder or a named document."""

    __tablename__ = "learning_source"
    __table_args__ = (
        CheckConstraint(
            "(stakeholder_id IS NOT NULL) <> (length(document) > 0)", name="person_xor_document"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("learning_topic.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="CASCADE"), index=True
    )
    document: Mapped[str] = mapped_column(String(500), default="")


class BossConversation(Base):
    """One of the five conversations with the CIO's manager."""

    __tablename__ = "boss_conversation"
    __table_args__ = (UniqueConstraint("stakeholder_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stakeholder_id: Mapped[int] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"))
    kind: Mapped[BossConversationKind] = mapped_column(vocabulary(BossConversationKind))
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


# ---------------------------------------------------------------- the plan


assessment_item_insight = Table(
    "assessment_item_insight",
    Base.metadata,
    Column(
        "assessment_item_id", ForeignKey("assessment_item.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "insight_id", ForeignKey("insight.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class AssessmentItem(Base):
    """A line of the situation assessment (strength, weakness, pain point...)."""

    __tablename__ = "assessment_item"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AssessmentKind] = mapped_column(vocabulary(AssessmentKind))
    text: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)

    insights: Mapped[list[Insight]] = relationship(secondary=assessment_item_insight)


class UnitSituation(Base):
    """The situation a business unit is in; each calls for a different plan."""

    __tablename__ = "unit_situation"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(200), unique=True)
    situation: Mapped[SituationType] = mapped_column(vocabulary(SituationType))
    note: Mapped[str] = mapped_column(Text, default="")


class Goal(Base):
    __tablename__ = "goal"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Principle(Base):
    """A guiding principle of the strategic approach."""

    __tablename__ = "principle"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)


initiative_goal = Table(
    "initiative_goal",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True, index=True),
)

initiative_insight = Table(
    "initiative_insight",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "insight_id", ForeignKey("insight.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

initiative_dependency = Table(
    "initiative_dependency",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "depends_on_id",
        ForeignKey("initiative.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    CheckConstraint("initiative_id <> depends_on_id", name="not_self"),
)


class Initiative(Base):
    """A proposal placed on a horizon: a key priority of the plan."""

    __tablename__ = "initiative"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        horizon(),
        month("start_month"),
        month("end_month"),
        CheckConstraint("end_month >= start_month", name="ends_after_start"),
        Index("ix_initiative_horizon_rank", "horizon", "rank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    business_value: Mapped[str] = mapped_column(Text, default="")
    horizon: Mapped[int] = mapped_column(default=6)
    start_month: Mapped[int] = mapped_column(default=1)
    end_month: Mapped[int] = mapped_column(default=6)
    owner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[InitiativeStatus] = mapped_column(
        vocabulary(InitiativeStatus), default=InitiativeStatus.PROPOSED
    )
    rank: Mapped[int] = mapped_column(default=0)
    cfo_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    goals: Mapped[list[Goal]] = relationship(secondary=initiative_goal)
    insights: Mapped[list[Insight]] = relationship(secondary=initiative_insight)
    depends_on: Mapped[list[Initiative]] = relationship(
        secondary=initiative_dependency,
        primaryjoin=lambda: Initiative.id == initiative_dependency.c.initiative_id,
        secondaryjoin=lambda: Initiative.id == initiative_dependency.c.depends_on_id,
    )
    cost_lines: Mapped[list[CostLine]] = relationship(cascade="all, delete-orphan")
    payments: Mapped[list[Payment]] = relationship(
        cascade="all, delete-orphan", order_by="Payment.month"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", order_by="Milestone.month"
    )


class CostLine(Base):
    """One line of an initiative's cost, broken down the way vendors price."""

    __tablename__ = "cost_line"
    __table_args__ = (CheckConstraint("amount_minor >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[CostCategory] = mapped_column(vocabulary(CostCategory))
    recurrence: Mapped[CostRecurrence] = mapped_column(
        vocabulary(CostRecurrence), default=CostRecurrence.ONE_OFF
    )
    amount_minor: Mapped[int] = mapped_column(default=0)
    vendor: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Payment(Base):
    """An instalment of an initiative's payment schedule."""

    __tablename__ = "payment"
    __table_args__ = (
        month("month"),
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[int] = mapped_column()
    amount_minor: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class Milestone(Base):
    __tablename__ = "milestone"
    __table_args__ = (month("month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(String(300))


class Measure(Base):
    """How success is assessed: a metric with a baseline and a target."""

    __tablename__ = "measure"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("horizon IS NULL OR horizon IN (6, 12, 24)", name="horizon_6_12_24"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(50), default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    current: Mapped[float | None] = mapped_column(Float)
    current_on: Mapped[dt.date | None] = mapped_column(Date)
    horizon: Mapped[int | None] = mapped_column(index=True)
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="SET NULL"), index=True
    )


class Contingency(Base):
    """What we do if a named trigger happens."""

    __tablename__ = "contingency"
    __table_args__ = (
        CheckConstraint("length(trim(trigger)) > 0", name="trigger_not_blank"),
        CheckConstraint("horizon IS NULL OR horizon IN (6, 12, 24)", name="horizon_6_12_24"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trigger: Mapped[str] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    horizon: Mapped[int | None] = mapped_column(index=True)
    risk_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk.id", ondelete="SET NULL"), index=True
    )
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="SET NULL"), index=True
    )


class NextStep(Base):
    __tablename__ = "next_step"
    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        horizon(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    horizon: Mapped[int] = mapped_column(index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


# ---------------------------------------------------------------- risks


risk_initiative = Table(
    "risk_initiative",
    Base.metadata,
    Column("risk_id", ForeignKey("risk.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "initiative_id",
        ForeignKey("initiative.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

risk_stakeholder = Table(
    "risk_stakeholder",
    Base.metadata,
    Column("risk_id", ForeignKey("risk.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "stakeholder_id",
        ForeignKey("stakeholder.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Risk(Base):
    """A risk to the transition, scored before and after mitigation."""

    __tablename__ = "risk"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        rating("likelihood"),
        rating("impact"),
        rating("residual_likelihood"),
        rating("residual_impact"),
        CheckConstraint("horizon IS NULL OR horizon IN (6, 12, 24)", name="horizon_6_12_24"),
        Index("ix_risk_status_review", "status", "next_review"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[RiskCategory] = mapped_column(vocabulary(RiskCategory))
    cause: Mapped[str] = mapped_column(Text, default="")
    effect: Mapped[str] = mapped_column(Text, default="")
    likelihood: Mapped[int] = mapped_column(default=3)
    impact: Mapped[int] = mapped_column(default=3)
    residual_likelihood: Mapped[int] = mapped_column(default=3)
    residual_impact: Mapped[int] = mapped_column(default=3)
    response: Mapped[RiskResponse] = mapped_column(
        vocabulary(RiskResponse), default=RiskResponse.MITIGATE
    )
    owner: Mapped[str] = mapped_column(String(200), default="")
    trigger: Mapped[str] = mapped_column(Text, default="")
    mitigation: Mapped[str] = mapped_column(Text, default="")
    contingency: Mapped[str] = mapped_column(Text, default="")
    horizon: Mapped[int | None] = mapped_column()
    status: Mapped[RiskStatus] = mapped_column(vocabulary(RiskStatus), default=RiskStatus.OPEN)
    next_review: Mapped[dt.date | None] = mapped_column(Date)

    initiatives: Mapped[list[Initiative]] = relationship(secondary=risk_initiative)
    stakeholders: Mapped[list[Stakeholder]] = relationship(secondary=risk_stakeholder)


# ---------------------------------------------------------------- review


class PlanVersion(Base):
    """A frozen copy of the plan taken at an export, for "what changed"."""

    __tablename__ = "plan_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    profile: Mapped[AudienceProfile] = mapped_column(vocabulary(AudienceProfile))
    created_at: Mapped[dt.datetime] = created_at()
    # The snapshot is a document (the plan as it was), not queried by column.
    snapshot_json: Mapped[str] = mapped_column(Text, default="{}")


class ReviewComment(Base):
    """Reviewer feedback on a section of the plan, and the CIO's reply."""

    __tablename__ = "review_comment"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_version.id", ondelete="SET NULL"), index=True
    )
    section: Mapped[str] = mapped_column(String(100))
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    addressed: Mapped[bool] = mapped_column(Boolean, default=False)
    addressed_on: Mapped[dt.date | None] = mapped_column(Date)
    reply: Mapped[str] = mapped_column(Text, default="")


class JargonTerm(Base):
    """An IT term with plain alternatives, for the business-language check."""

    __tablename__ = "jargon_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(100), unique=True)
    plain_en: Mapped[str] = mapped_column(Text, default="")
    plain_zh: Mapped[str] = mapped_column(Text, default="")
