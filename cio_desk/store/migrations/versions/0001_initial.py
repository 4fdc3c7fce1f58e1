"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "assessment_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "strength",
                "weakness",
                "pain_point",
                "opportunity",
                "threat",
                name="assessmentkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "length(trim(text)) > 0", name=op.f("ck_assessment_item_text_not_blank")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_item")),
    )
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_goal_title_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("business_value", sa.Text(), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("start_month", sa.Integer(), nullable=False),
        sa.Column("end_month", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "approved",
                "in_progress",
                "done",
                "on_hold",
                "dropped",
                name="initiativestatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("cfo_confirmed", sa.Boolean(), nullable=False),
        sa.CheckConstraint("end_month >= start_month", name=op.f("ck_initiative_ends_after_start")),
        sa.CheckConstraint("end_month BETWEEN 1 AND 24", name=op.f("ck_initiative_end_month_1_24")),
        sa.CheckConstraint("horizon IN (6, 12, 24)", name=op.f("ck_initiative_horizon_6_12_24")),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_initiative_title_not_blank")),
        sa.CheckConstraint(
            "start_month BETWEEN 1 AND 24", name=op.f("ck_initiative_start_month_1_24")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index("ix_initiative_horizon_rank", ["horizon", "rank"], unique=False)

    op.create_table(
        "jargon_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("plain_en", sa.Text(), nullable=False),
        sa.Column("plain_zh", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jargon_term")),
        sa.UniqueConstraint("term", name=op.f("uq_jargon_term_term")),
    )
    op.create_table(
        "learning_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "business",
                "pain_points",
                "finances",
                "organisation",
                "systems",
                "market",
                name="topiccategory",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "to_learn",
                "in_progress",
                "learnt",
                name="topicstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "length(trim(title)) > 0", name=op.f("ck_learning_topic_title_not_blank")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_topic")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column(
            "setting",
            sa.Enum(
                "office",
                "coffee",
                "lunch",
                "dinner",
                "travel",
                "video",
                "site_visit",
                name="meetingsetting",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "held",
                "cancelled",
                "no_show",
                name="meetingstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("notes_confidential", sa.Boolean(), nullable=False),
        sa.Column("purpose_relationship", sa.Boolean(), nullable=False),
        sa.Column("purpose_learn", sa.Boolean(), nullable=False),
        sa.Column("purpose_values", sa.Boolean(), nullable=False),
        sa.Column("sentiment", sa.Integer(), nullable=True),
        sa.Column("thank_you_sent", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("ends_at >= starts_at", name=op.f("ck_meeting_ends_after_start")),
        sa.CheckConstraint(
            "sentiment IS NULL OR sentiment BETWEEN -2 AND 2",
            name=op.f("ck_meeting_sentiment_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index("ix_meeting_status_starts_at", ["status", "starts_at"], unique=False)

    op.create_table(
        "next_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.CheckConstraint("horizon IN (6, 12, 24)", name=op.f("ck_next_step_horizon_6_12_24")),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_next_step_text_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_step")),
    )
    with op.batch_alter_table("next_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_next_step_horizon"), ["horizon"], unique=False)

    op.create_table(
        "plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column(
            "profile",
            sa.Enum(
                "executive",
                "coach",
                "personal",
                name="audienceprofile",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_version")),
        sa.UniqueConstraint("number", name=op.f("uq_plan_version_number")),
    )
    op.create_table(
        "principle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_principle_text_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_principle")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cio_name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("role_title", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("plan_due_day", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_single_row")),
        sa.CheckConstraint(
            "plan_due_day BETWEEN 1 AND 365", name=op.f("ck_profile_plan_due_day_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "risk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "financial",
                "legal",
                "information_security",
                "operational",
                "people_change",
                "vendor",
                "schedule",
                name="riskcategory",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("effect", sa.Text(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("residual_likelihood", sa.Integer(), nullable=False),
        sa.Column("residual_impact", sa.Integer(), nullable=False),
        sa.Column(
            "response",
            sa.Enum(
                "avoid",
                "transfer",
                "mitigate",
                "accept",
                name="riskresponse",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("mitigation", sa.Text(), nullable=False),
        sa.Column("contingency", sa.Text(), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "monitoring",
                "occurred",
                "closed",
                name="riskstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "horizon IS NULL OR horizon IN (6, 12, 24)", name=op.f("ck_risk_horizon_6_12_24")
        ),
        sa.CheckConstraint("impact BETWEEN 1 AND 5", name=op.f("ck_risk_impact_1_5")),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_risk_title_not_blank")),
        sa.CheckConstraint("likelihood BETWEEN 1 AND 5", name=op.f("ck_risk_likelihood_1_5")),
        sa.CheckConstraint(
            "residual_impact BETWEEN 1 AND 5", name=op.f("ck_risk_residual_impact_1_5")
        ),
        sa.CheckConstraint(
            "residual_likelihood BETWEEN 1 AND 5", name=op.f("ck_risk_residual_likelihood_1_5")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk")),
    )
    with op.batch_alter_table("risk", schema=None) as batch_op:
        batch_op.create_index("ix_risk_status_review", ["status", "next_review"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "stakeholder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "executive",
                "business_leader",
                "it_team",
                "board",
                "vendor",
                "partner",
                "customer",
                "regulator",
                "peer",
                name="stakeholderkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reports_to_id", sa.Integer(), nullable=True),
        sa.Column("influence", sa.Integer(), nullable=False),
        sa.Column("interest", sa.Integer(), nullable=False),
        sa.Column(
            "stance",
            sa.Enum(
                "champion",
                "supporter",
                "neutral",
                "sceptic",
                "blocker",
                name="stance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "target_stance",
            sa.Enum(
                "champion",
                "supporter",
                "neutral",
                "sceptic",
                "blocker",
                name="target_stance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("is_manager", sa.Boolean(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "cadence_days IS NULL OR cadence_days > 0",
            name=op.f("ck_stakeholder_cadence_days_positive"),
        ),
        sa.CheckConstraint("influence BETWEEN 1 AND 5", name=op.f("ck_stakeholder_influence_1_5")),
        sa.CheckConstraint("interest BETWEEN 1 AND 5", name=op.f("ck_stakeholder_interest_1_5")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_stakeholder_name_not_blank")),
        sa.CheckConstraint(
            "reports_to_id IS NULL OR reports_to_id <> id",
            name=op.f("ck_stakeholder_not_own_manager"),
        ),
        sa.ForeignKeyConstraint(
            ["reports_to_id"],
            ["stakeholder.id"],
            name=op.f("fk_stakeholder_reports_to_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholder")),
    )
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.create_index("ix_stakeholder_active_name", ["archived", "name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stakeholder_reports_to_id"), ["reports_to_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stakeholder_unit"), ["unit"], unique=False)

    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("name", name=op.f("uq_theme_name")),
    )
    op.create_table(
        "unit_situation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column(
            "situation",
            sa.Enum(
                "start_up",
                "turnaround",
                "accelerated_growth",
                "realignment",
                "sustaining_success",
                name="situationtype",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_situation")),
        sa.UniqueConstraint("unit", name=op.f("uq_unit_situation_unit")),
    )
    op.create_table(
        "boss_conversation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "situation",
                "expectations",
                "resources",
                "working_style",
                "personal_development",
                name="bossconversationkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_boss_conversation_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boss_conversation")),
        sa.UniqueConstraint(
            "stakeholder_id", "kind", name=op.f("uq_boss_conversation_stakeholder_id_kind")
        ),
    )
    op.create_table(
        "contingency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=True),
        sa.Column("risk_id", sa.Integer(), nullable=True),
        sa.Column("initiative_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "horizon IS NULL OR horizon IN (6, 12, 24)", name=op.f("ck_contingency_horizon_6_12_24")
        ),
        sa.CheckConstraint(
            "length(trim(trigger)) > 0", name=op.f("ck_contingency_trigger_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_contingency_initiative_id_initiative"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["risk_id"], ["risk.id"], name=op.f("fk_contingency_risk_id_risk"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contingency")),
    )
    with op.batch_alter_table("contingency", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contingency_horizon"), ["horizon"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contingency_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contingency_risk_id"), ["risk_id"], unique=False)

    op.create_table(
        "cost_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "licence",
                "implementation",
                "customisation",
                "maintenance",
                "infrastructure",
                "staff",
                "other",
                name="costcategory",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "recurrence",
            sa.Enum(
                "one_off",
                "per_year",
                name="costrecurrence",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("vendor", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_cost_line_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_cost_line_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_line")),
    )
    with op.batch_alter_table("cost_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cost_line_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("quick_win", sa.Boolean(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("stakeholder_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_follow_up_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_follow_up_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_follow_up_stakeholder_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_done_due", ["done", "due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_up_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_follow_up_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "initiative_dependency",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("depends_on_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "initiative_id <> depends_on_id", name=op.f("ck_initiative_dependency_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["depends_on_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_dependency_depends_on_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_dependency_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "initiative_id", "depends_on_id", name=op.f("pk_initiative_dependency")
        ),
    )
    with op.batch_alter_table("initiative_dependency", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_dependency_depends_on_id"), ["depends_on_id"], unique=False
        )

    op.create_table(
        "initiative_goal",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
            name=op.f("fk_initiative_goal_goal_id_goal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_goal_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("initiative_id", "goal_id", name=op.f("pk_initiative_goal")),
    )
    with op.batch_alter_table("initiative_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_initiative_goal_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "insight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "goal",
                "proposal",
                "concern",
                "how_to_help",
                "referral",
                name="insightkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("referred_stakeholder_id", sa.Integer(), nullable=True),
        sa.Column("referred_name", sa.String(length=200), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind = 'referral' OR (referred_stakeholder_id IS NULL AND referred_name = '')",
            name=op.f("ck_insight_referral_fields_only_on_referrals"),
        ),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_insight_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_insight_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["referred_stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_insight_referred_stakeholder_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_insight_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insight")),
    )
    with op.batch_alter_table("insight", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insight_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_insight_referred_stakeholder_id"),
            ["referred_stakeholder_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_insight_stakeholder_kind", ["stakeholder_id", "kind"], unique=False
        )

    op.create_table(
        "learning_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=True),
        sa.Column("document", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "(stakeholder_id IS NOT NULL) <> (length(document) > 0)",
            name=op.f("ck_learning_source_person_xor_document"),
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_learning_source_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["learning_topic.id"],
            name=op.f("fk_learning_source_topic_id_learning_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_source")),
    )
    with op.batch_alter_table("learning_source", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_learning_source_stakeholder_id"), ["stakeholder_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_learning_source_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("current", sa.Float(), nullable=True),
        sa.Column("current_on", sa.Date(), nullable=True),
        sa.Column("horizon", sa.Integer(), nullable=True),
        sa.Column("initiative_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "horizon IS NULL OR horizon IN (6, 12, 24)", name=op.f("ck_measure_horizon_6_12_24")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_measure_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_measure_initiative_id_initiative"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measure_horizon"), ["horizon"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_measure_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_meeting_attendee_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "stakeholder_id", name=op.f("pk_meeting_attendee")),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 24", name=op.f("ck_milestone_month_1_24")),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_milestone_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
    )
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_milestone_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_payment_amount_not_negative")),
        sa.CheckConstraint("month BETWEEN 1 AND 24", name=op.f("ck_payment_month_1_24")),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_payment_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "review_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("section", sa.String(length=100), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("addressed", sa.Boolean(), nullable=False),
        sa.Column("addressed_on", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_review_comment_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_version.id"],
            name=op.f("fk_review_comment_version_id_plan_version"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comment")),
    )
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_comment_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "risk_initiative",
        sa.Column("risk_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_risk_initiative_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["risk_id"],
            ["risk.id"],
            name=op.f("fk_risk_initiative_risk_id_risk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("risk_id", "initiative_id", name=op.f("pk_risk_initiative")),
    )
    with op.batch_alter_table("risk_initiative", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_risk_initiative_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "risk_stakeholder",
        sa.Column("risk_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["risk_id"],
            ["risk.id"],
            name=op.f("fk_risk_stakeholder_risk_id_risk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_risk_stakeholder_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("risk_id", "stakeholder_id", name=op.f("pk_risk_stakeholder")),
    )
    with op.batch_alter_table("risk_stakeholder", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_risk_stakeholder_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "stakeholder_tag",
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_stakeholder_tag_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stakeholder_id", "tag", name=op.f("pk_stakeholder_tag")),
    )
    op.create_table(
        "stance_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column(
            "stance",
            sa.Enum(
                "champion",
                "supporter",
                "neutral",
                "sceptic",
                "blocker",
                name="stance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_stance_assessment_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stance_assessment")),
    )
    with op.batch_alter_table("stance_assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stance_assessment_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "assessment_item_insight",
        sa.Column("assessment_item_id", sa.Integer(), nullable=False),
        sa.Column("insight_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_item_id"],
            ["assessment_item.id"],
            name=op.f("fk_assessment_item_insight_assessment_item_id_assessment_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["insight_id"],
            ["insight.id"],
            name=op.f("fk_assessment_item_insight_insight_id_insight"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "assessment_item_id", "insight_id", name=op.f("pk_assessment_item_insight")
        ),
    )
    with op.batch_alter_table("assessment_item_insight", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_item_insight_insight_id"), ["insight_id"], unique=False
        )

    op.create_table(
        "initiative_insight",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("insight_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_insight_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["insight_id"],
            ["insight.id"],
            name=op.f("fk_initiative_insight_insight_id_insight"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("initiative_id", "insight_id", name=op.f("pk_initiative_insight")),
    )
    with op.batch_alter_table("initiative_insight", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_insight_insight_id"), ["insight_id"], unique=False
        )

    op.create_table(
        "insight_theme",
        sa.Column("insight_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["insight_id"],
            ["insight.id"],
            name=op.f("fk_insight_theme_insight_id_insight"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_insight_theme_theme_id_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("insight_id", "theme_id", name=op.f("pk_insight_theme")),
    )
    with op.batch_alter_table("insight_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insight_theme_theme_id"), ["theme_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("insight_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insight_theme_theme_id"))

    op.drop_table("insight_theme")
    with op.batch_alter_table("initiative_insight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_insight_insight_id"))

    op.drop_table("initiative_insight")
    with op.batch_alter_table("assessment_item_insight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_item_insight_insight_id"))

    op.drop_table("assessment_item_insight")
    with op.batch_alter_table("stance_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stance_assessment_stakeholder_id"))

    op.drop_table("stance_assessment")
    op.drop_table("stakeholder_tag")
    with op.batch_alter_table("risk_stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_stakeholder_stakeholder_id"))

    op.drop_table("risk_stakeholder")
    with op.batch_alter_table("risk_initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_initiative_initiative_id"))

    op.drop_table("risk_initiative")
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_comment_version_id"))

    op.drop_table("review_comment")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_initiative_id"))

    op.drop_table("payment")
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_initiative_id"))

    op.drop_table("milestone")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_stakeholder_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_measure_horizon"))

    op.drop_table("measure")
    with op.batch_alter_table("learning_source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_source_topic_id"))
        batch_op.drop_index(batch_op.f("ix_learning_source_stakeholder_id"))

    op.drop_table("learning_source")
    with op.batch_alter_table("insight", schema=None) as batch_op:
        batch_op.drop_index("ix_insight_stakeholder_kind")
        batch_op.drop_index(batch_op.f("ix_insight_referred_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_insight_meeting_id"))

    op.drop_table("insight")
    with op.batch_alter_table("initiative_goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_goal_goal_id"))

    op.drop_table("initiative_goal")
    with op.batch_alter_table("initiative_dependency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_dependency_depends_on_id"))

    op.drop_table("initiative_dependency")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_meeting_id"))
        batch_op.drop_index("ix_follow_up_done_due")

    op.drop_table("follow_up")
    with op.batch_alter_table("cost_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cost_line_initiative_id"))

    op.drop_table("cost_line")
    with op.batch_alter_table("contingency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contingency_risk_id"))
        batch_op.drop_index(batch_op.f("ix_contingency_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_contingency_horizon"))

    op.drop_table("contingency")
    op.drop_table("boss_conversation")
    op.drop_table("unit_situation")
    op.drop_table("theme")
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_unit"))
        batch_op.drop_index(batch_op.f("ix_stakeholder_reports_to_id"))
        batch_op.drop_index("ix_stakeholder_active_name")

    op.drop_table("stakeholder")
    op.drop_table("setting")
    with op.batch_alter_table("risk", schema=None) as batch_op:
        batch_op.drop_index("ix_risk_status_review")

    op.drop_table("risk")
    op.drop_table("profile")
    op.drop_table("principle")
    op.drop_table("plan_version")
    with op.batch_alter_table("next_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_next_step_horizon"))

    op.drop_table("next_step")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_status_starts_at")
        batch_op.drop_index(batch_op.f("ix_meeting_starts_at"))

    op.drop_table("meeting")
    op.drop_table("learning_topic")
    op.drop_table("jargon_term")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index("ix_initiative_horizon_rank")

    op.drop_table("initiative")
    op.drop_table("goal")
    op.drop_table("assessment_item")
