"""Plan cards on Today: quiet in the first weeks, and what to act on once the plan exists."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.insights import InsightData
from cio_desk.services.risks import RiskData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, RiskCategory, Stance
from cio_desk.ui.pages.today import TodayPage
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def make_page(qtbot, workspace: Workspace, when: dt.datetime) -> TodayPage:
    page = TodayPage(lambda: when)
    qtbot.addWidget(page)
    page.resize(1080, 900)
    page.set_workspace(workspace)
    page.show()
    return page


def concern(ws: Workspace, who: str, text: str, stance: Stance = Stance.NEUTRAL) -> int:
    person = ws.stakeholders.add(StakeholderData(name=who, stance=stance))
    return ws.insights.add(InsightData(person.id, InsightKind.CONCERN, text)).id


def test_a_first_week_today_shows_no_plan_cards(qtbot, ws: Workspace, now: dt.datetime) -> None:
    concern(ws, "Wang Fang", "Month-end close takes 12 days")
    page = make_page(qtbot, ws, now)
    assert not page.plan_cards.isVisible()


def test_once_the_plan_has_started_unanswered_concerns_are_listed(
    qtbot, ws: Workspace, now: dt.datetime
) -> None:
    answered = concern(ws, "Wang Fang", "Month-end close takes 12 days")
    concern(ws, "Zhao Lei", "IT stops my line every Monday", Stance.BLOCKER)
    ws.plan.initiatives.add(InitiativeData("Five-day close", insight_ids=(answered,)))
    page = make_page(qtbot, ws, now)

    cards = page.plan_cards
    assert cards.isVisible()
    rows = cards.concerns_card.rows()
    assert [(r.primary, r.secondary, r.meta, r.meta_tone) for r in rows] == [
        ("IT stops my line every Monday", "Zhao Lei", "Blocker", "warn")
    ]
    # With the plan started, the other cards say all is well rather than hiding.
    assert cards.triggers_card.isVisible() and cards.triggers_card.rows() == []
    assert cards.reviews_card.note_label.text() == "No risk review is overdue."


def test_overdue_risk_reviews_show_before_the_plan_starts(
    qtbot, ws: Workspace, now: dt.datetime
) -> None:
    ws.risks.add(
        RiskData(
            "Key person leaves",
            RiskCategory.PEOPLE_CHANGE,
            owner="Sun Li",
            next_review=now.date() - dt.timedelta(days=4),
        )
    )
    page = make_page(qtbot, ws, now)

    cards = page.plan_cards
    assert cards.reviews_card.isVisible()
    assert not cards.concerns_card.isVisible() and not cards.triggers_card.isVisible()
    [row] = cards.reviews_card.rows()
    assert (row.primary, row.meta) == ("Key person leaves", "4 days overdue")
    assert "Owner: Sun Li" in row.secondary


def test_a_fired_trigger_appears_when_the_stance_drops(
    qtbot, ws: Workspace, now: dt.datetime
) -> None:
    sponsor = ws.stakeholders.add(StakeholderData(name="Zhang Wei", stance=Stance.CHAMPION))
    ws.risks.add(
        RiskData(
            "Sponsor turns opponent",
            RiskCategory.PEOPLE_CHANGE,
            stakeholder_ids=(sponsor.id,),
        )
    )
    page = make_page(qtbot, ws, now)
    assert not page.plan_cards.isVisible()

    ws.stakeholders.update(sponsor.id, stance=Stance.BLOCKER)
    page.refresh()

    assert page.plan_cards.triggers_card.isVisible()
    assert [r.primary for r in page.plan_cards.triggers_card.rows()] == [
        "Sponsor turns opponent — Zhang Wei is now a blocker."
    ]
