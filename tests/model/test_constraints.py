"""The database itself refuses bad rows, even when a caller bypasses the services.

Every row here is written with plain SQL through the workspace engine, so the
only thing that can refuse it is the schema: CHECK constraints, NOT NULL and
foreign keys. Each refusal must come from the constraint named in the case,
and the same row without the fault must be accepted.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

T0 = "2026-03-03 09:00:00.000000"
T1 = "2026-03-03 10:00:00.000000"

# A valid row for each table, with every NOT NULL column that has no
# database default. Ids 1 of stakeholder, meeting and initiative exist.
VALID: dict[str, dict[str, Any]] = {
    "stakeholder": {
        "name": "Li Wei",
        "title": "",
        "unit": "",
        "kind": "executive",
        "influence": 3,
        "interest": 3,
        "stance": "neutral",
        "email": "",
        "phone": "",
        "notes": "",
        "is_manager": 0,
        "archived": 0,
    },
    "meeting": {
        "title": "",
        "starts_at": T0,
        "ends_at": T1,
        "setting": "coffee",
        "status": "planned",
        "location": "",
        "agenda": "",
        "notes": "",
        "notes_confidential": 1,
        "purpose_relationship": 1,
        "purpose_learn": 1,
        "purpose_values": 1,
        "thank_you_sent": 0,
    },
    "initiative": {
        "title": "Stabilise the ERP",
        "description": "",
        "business_value": "",
        "horizon": 6,
        "start_month": 1,
        "end_month": 6,
        "owner": "",
        "status": "proposed",
        "rank": 0,
        "cfo_confirmed": 0,
    },
    "cost_line": {
        "initiative_id": 1,
        "category": "licence",
        "recurrence": "one_off",
        "amount_minor": 0,
        "vendor": "",
        "note": "",
    },
    "payment": {"initiative_id": 1, "month": 3, "amount_minor": 100, "note": ""},
    "milestone": {"initiative_id": 1, "month": 24, "title": "Go live"},
    "measure": {"name": "Order lead time", "unit": "days", "horizon": 12},
    "next_step": {"horizon": 24, "text": "Brief the board", "owner": "", "done": 0},
    "risk": {
        "title": "Key vendor exits the market",
        "category": "vendor",
        "cause": "",
        "effect": "",
        "likelihood": 1,
        "impact": 5,
        "residual_likelihood": 1,
        "residual_impact": 1,
        "response": "mitigate",
        "owner": "",
        "trigger": "",
        "mitigation": "",
        "contingency": "",
        "status": "open",
    },
    "follow_up": {"text": "Send the cost report", "owner": "", "done": 0, "quick_win": 1},
    "insight": {
        "stakeholder_id": 1,
        "kind": "concern",
        "text": "Month-end close takes nine days.",
        "confidential": 0,
        "referred_name": "",
    },
    "initiative_dependency": {"initiative_id": 1, "depends_on_id": 2},
    "profile": {
        "id": 1,
        "cio_name": "Chen Jing",
        "organisation": "",
        "role_title": "",
        "start_date": "2026-03-02",
        "plan_due_day": 30,
        "language": "en",
        "currency": "CNY",
    },
}


def insert(ws: Workspace, table: str, **values: Any) -> int:
    """Insert one row with plain SQL; returns its rowid."""
    columns = ", ".join(f'"{c}"' for c in values)
    params = ", ".join(f":{c}" for c in values)
    with ws.engine.begin() as conn:
        result = conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({params})"), values)
        return result.lastrowid


def execute(ws: Workspace, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with ws.engine.begin() as conn:
        result = conn.execute(text(sql), params)
        return [tuple(r) for r in result] if result.returns_rows else []


@pytest.fixture
def db(blank_ws: Workspace) -> Workspace:
    """A workspace with stakeholder 1, meeting 1 and initiatives 1 and 2."""
    insert(blank_ws, "stakeholder", **VALID["stakeholder"])
    insert(blank_ws, "meeting", **VALID["meeting"])
    insert(blank_ws, "initiative", **VALID["initiative"])
    insert(blank_ws, "initiative", **{**VALID["initiative"], "title": "Close faster"})
    return blank_ws


@pytest.mark.parametrize("table", sorted(VALID))
def test_the_valid_row_of_each_table_is_accepted(db: Workspace, table: str) -> None:
    # The control for every refusal below: the same row without its fault.
    rowid = insert(db, table, **VALID[table])
    assert execute(db, f"SELECT count(*) FROM {table} WHERE rowid = :r", r=rowid) == [(1,)]


BAD_ROWS = [
    ("stakeholder", {"influence": 0}, "ck_stakeholder_influence_1_5"),
    ("stakeholder", {"influence": 6}, "ck_stakeholder_influence_1_5"),
    ("stakeholder", {"interest": 0}, "ck_stakeholder_interest_1_5"),
    ("stakeholder", {"interest": 6}, "ck_stakeholder_interest_1_5"),
    ("stakeholder", {"name": ""}, "ck_stakeholder_name_not_blank"),
    ("stakeholder", {"name": "   "}, "ck_stakeholder_name_not_blank"),
    ("stakeholder", {"name": None}, "NOT NULL constraint failed: stakeholder.name"),
    ("stakeholder", {"kind": "alien"}, "ck_stakeholder_stakeholderkind"),
    ("stakeholder", {"stance": "hostile"}, "ck_stakeholder_stance"),
    ("stakeholder", {"target_stance": "hostile"}, "ck_stakeholder_target_stance"),
    ("stakeholder", {"cadence_days": 0}, "ck_stakeholder_cadence_days_positive"),
    ("stakeholder", {"id": 7, "reports_to_id": 7}, "ck_stakeholder_not_own_manager"),
    ("meeting", {"ends_at": "2026-03-03 08:59:59.000000"}, "ck_meeting_ends_after_start"),
    ("meeting", {"sentiment": 3}, "ck_meeting_sentiment_range"),
    ("meeting", {"sentiment": -3}, "ck_meeting_sentiment_range"),
    ("meeting", {"status": "postponed"}, "ck_meeting_meetingstatus"),
    ("meeting", {"setting": "beach"}, "ck_meeting_meetingsetting"),
    ("initiative", {"title": " "}, "ck_initiative_title_not_blank"),
    ("initiative", {"start_month": 0}, "ck_initiative_start_month_1_24"),
    ("initiative", {"end_month": 25}, "ck_initiative_end_month_1_24"),
    ("initiative", {"start_month": 7, "end_month": 6}, "ck_initiative_ends_after_start"),
    ("initiative", {"horizon": 18}, "ck_initiative_horizon_6_12_24"),
    ("initiative", {"horizon": 0}, "ck_initiative_horizon_6_12_24"),
    ("initiative", {"status": "maybe"}, "ck_initiative_initiativestatus"),
    ("cost_line", {"amount_minor": -1}, "ck_cost_line_amount_not_negative"),
    ("cost_line", {"category": "gifts"}, "ck_cost_line_costcategory"),
    ("cost_line", {"recurrence": "monthly"}, "ck_cost_line_costrecurrence"),
    ("payment", {"amount_minor": -100}, "ck_payment_amount_not_negative"),
    ("payment", {"month": 0}, "ck_payment_month_1_24"),
    ("payment", {"month": 25}, "ck_payment_month_1_24"),
    ("milestone", {"month": 25}, "ck_milestone_month_1_24"),
    ("measure", {"horizon": 3}, "ck_measure_horizon_6_12_24"),
    ("measure", {"name": ""}, "ck_measure_name_not_blank"),
    ("next_step", {"horizon": 36}, "ck_next_step_horizon_6_12_24"),
    ("next_step", {"horizon": None}, "NOT NULL constraint failed: next_step.horizon"),
    ("risk", {"likelihood": 0}, "ck_risk_likelihood_1_5"),
    ("risk", {"impact": 6}, "ck_risk_impact_1_5"),
    ("risk", {"residual_likelihood": 6}, "ck_risk_residual_likelihood_1_5"),
    ("risk", {"residual_impact": 0}, "ck_risk_residual_impact_1_5"),
    ("risk", {"horizon": 9}, "ck_risk_horizon_6_12_24"),
    ("risk", {"category": "weather"}, "ck_risk_riskcategory"),
    ("risk", {"status": "forgotten"}, "ck_risk_riskstatus"),
    ("follow_up", {"text": "  "}, "ck_follow_up_text_not_blank"),
    ("insight", {"kind": "rumour"}, "ck_insight_insightkind"),
    ("insight", {"referred_name": "Zhang Min"}, "ck_insight_referral_fields_only_on_referrals"),
    ("insight", {"text": ""}, "ck_insight_text_not_blank"),
    ("initiative_dependency", {"depends_on_id": 1}, "ck_initiative_dependency_not_self"),
    ("profile", {"id": 2}, "ck_profile_single_row"),
    ("profile", {"plan_due_day": 0}, "ck_profile_plan_due_day_range"),
]


@pytest.mark.parametrize(
    ("table", "fault", "constraint"),
    BAD_ROWS,
    ids=[f"{t}-{'-'.join(f'{k}={v}' for k, v in f.items())}" for t, f, _ in BAD_ROWS],
)
def test_the_database_refuses_a_bad_row(
    db: Workspace, table: str, fault: dict[str, Any], constraint: str
) -> None:
    before = execute(db, f"SELECT count(*) FROM {table}")
    with pytest.raises(IntegrityError) as caught:
        insert(db, table, **{**VALID[table], **fault})
    assert constraint in str(caught.value.orig)
    assert execute(db, f"SELECT count(*) FROM {table}") == before


def test_an_update_is_checked_like_an_insert(db: Workspace) -> None:
    with pytest.raises(IntegrityError, match="ck_stakeholder_influence_1_5"):
        execute(db, "UPDATE stakeholder SET influence = 9 WHERE id = 1")
    with pytest.raises(IntegrityError, match="ck_meeting_ends_after_start"):
        execute(db, "UPDATE meeting SET ends_at = '2026-03-02 00:00:00.000000' WHERE id = 1")
    assert execute(db, "SELECT influence FROM stakeholder WHERE id = 1") == [(3,)]


def test_the_profile_has_a_single_row(db: Workspace) -> None:
    insert(db, "profile", **VALID["profile"])
    with pytest.raises(IntegrityError):
        insert(db, "profile", **VALID["profile"])
    with pytest.raises(IntegrityError, match="ck_profile_single_row"):
        insert(db, "profile", **{**VALID["profile"], "id": 2})
    assert execute(db, "SELECT count(*) FROM profile") == [(1,)]


def test_a_meeting_may_start_and_end_at_the_same_moment(db: Workspace) -> None:
    insert(db, "meeting", **{**VALID["meeting"], "ends_at": T0})


# ---------------------------------------------------------------- foreign keys


def test_foreign_keys_are_enforced_on_every_connection(db: Workspace) -> None:
    for _ in range(3):  # pooled connections each get the pragma
        assert execute(db, "PRAGMA foreign_keys") == [(1,)]
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
        insert(db, "follow_up", **{**VALID["follow_up"], "stakeholder_id": 999})
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
        insert(db, "insight", **{**VALID["insight"], "stakeholder_id": 999})
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
        insert(db, "meeting_attendee", meeting_id=1, stakeholder_id=999)
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
        insert(db, "cost_line", **{**VALID["cost_line"], "initiative_id": 999})


def test_deleting_a_meeting_keeps_its_insights_and_follow_ups(db: Workspace) -> None:
    insert(db, "meeting_attendee", meeting_id=1, stakeholder_id=1)
    insight = insert(db, "insight", **{**VALID["insight"], "meeting_id": 1})
    follow_up = insert(db, "follow_up", **{**VALID["follow_up"], "meeting_id": 1})

    execute(db, "DELETE FROM meeting WHERE id = 1")

    assert execute(db, "SELECT meeting_id FROM insight WHERE id = :i", i=insight) == [(None,)]
    assert execute(db, "SELECT meeting_id FROM follow_up WHERE id = :i", i=follow_up) == [(None,)]
    assert execute(db, "SELECT count(*) FROM meeting_attendee") == [(0,)]
    assert execute(db, "SELECT count(*) FROM stakeholder") == [(1,)]


def test_deleting_a_stakeholder_removes_what_is_theirs_and_unlinks_the_rest(
    db: Workspace,
) -> None:
    report = insert(db, "stakeholder", **{**VALID["stakeholder"], "name": "Wang Fang"})
    execute(db, "UPDATE stakeholder SET reports_to_id = 1 WHERE id = :r", r=report)
    insert(db, "stakeholder_tag", stakeholder_id=1, tag="finance")
    insert(db, "meeting_attendee", meeting_id=1, stakeholder_id=1)
    insert(db, "meeting_attendee", meeting_id=1, stakeholder_id=report)
    own = insert(db, "insight", **VALID["insight"])
    referral = insert(
        db,
        "insight",
        **{**VALID["insight"], "stakeholder_id": report, "kind": "referral"},
        referred_stakeholder_id=1,
    )
    follow_up = insert(db, "follow_up", **{**VALID["follow_up"], "stakeholder_id": 1})

    execute(db, "DELETE FROM stakeholder WHERE id = 1")

    assert execute(db, "SELECT count(*) FROM insight WHERE id = :i", i=own) == [(0,)]
    assert execute(db, "SELECT referred_stakeholder_id FROM insight WHERE id = :i", i=referral) == [
        (None,)
    ]
    assert execute(db, "SELECT stakeholder_id FROM follow_up WHERE id = :i", i=follow_up) == [
        (None,)
    ]
    assert execute(db, "SELECT reports_to_id FROM stakeholder WHERE id = :r", r=report) == [(None,)]
    assert execute(db, "SELECT stakeholder_id FROM meeting_attendee") == [(report,)]
    assert execute(db, "SELECT count(*) FROM stakeholder_tag") == [(0,)]


def test_deleting_an_initiative_removes_its_costs_and_unlinks_its_measures(
    db: Workspace,
) -> None:
    insert(db, "cost_line", **VALID["cost_line"])
    insert(db, "payment", **VALID["payment"])
    insert(db, "milestone", **VALID["milestone"])
    insert(db, "initiative_dependency", initiative_id=2, depends_on_id=1)
    measure = insert(db, "measure", **VALID["measure"], initiative_id=1)

    execute(db, "DELETE FROM initiative WHERE id = 1")

    for table in ("cost_line", "payment", "milestone", "initiative_dependency"):
        assert execute(db, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert execute(db, "SELECT initiative_id FROM measure WHERE id = :m", m=measure) == [(None,)]
    assert execute(db, "SELECT id FROM initiative") == [(2,)]
