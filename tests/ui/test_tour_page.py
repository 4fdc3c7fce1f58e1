"""The Listening tour page: the referral snowball, completion, going cold, stance gaps."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidget

from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus, Stance
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.tour import CONTACT_TAB, TourPage
from cio_desk.ui.undo import EditHistory
from cio_desk.ui.widgets.referral_tree import COL_MET, COL_NAMED_BY, COL_PERSON, ReferralTree
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def open_tour(window: MainWindow) -> TourPage:
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Listening tour"))
    page = window.current_page()
    assert isinstance(page, TourPage)
    return page


def outline(tree: ReferralTree) -> list[str]:
    """Each row as "indent name | named by | met", as the tree shows them."""
    lines: list[str] = []
    model = tree.model()

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            cells = [
                model.index(row, c, parent).data() for c in (COL_PERSON, COL_NAMED_BY, COL_MET)
            ]
            lines.append("  " * depth + " | ".join(cells))
            walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return lines


def tree_index(tree: ReferralTree, *rows: int) -> QModelIndex:
    """The index reached by going down `rows` (top-level row first)."""
    index = QModelIndex()
    for row in rows:
        index = tree.model().index(row, 0, index)
    return index


def rows(tree: QTreeWidget) -> list[list[str]]:
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


@pytest.fixture
def snowball(ws: Workspace, now: dt.datetime) -> dict[str, int]:
    """The CEO (met) names the CFO (met) and "Zhao Min"; the CFO names the COO (not met)
    and "zhao min" again."""
    ceo = ws.stakeholders.add(StakeholderData(name="周建国", title="CEO")).id
    cfo = ws.stakeholders.add(StakeholderData(name="Liu Fang", title="CFO")).id
    coo = ws.stakeholders.add(StakeholderData(name="Zhang Wei", title="COO", influence=5)).id
    start = now - dt.timedelta(days=5)
    ws.meetings.add(
        MeetingData(
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            attendee_ids=(ceo, cfo),
            status=MeetingStatus.HELD,
        )
    )
    refer = ws.insights.add
    refer(InsightData(ceo, InsightKind.REFERRAL, referred_stakeholder_id=cfo))
    first = refer(InsightData(ceo, InsightKind.REFERRAL, referred_name="Zhao Min")).id
    refer(InsightData(cfo, InsightKind.REFERRAL, referred_stakeholder_id=coo))
    refer(InsightData(cfo, InsightKind.REFERRAL, referred_name="zhao min"))
    return {"ceo": ceo, "cfo": cfo, "coo": coo, "zhao": first}


def test_who_referred_whom(window: MainWindow, snowball: dict[str, int]) -> None:
    page = open_tour(window)

    assert outline(page.tree) == [
        "周建国 |  | Met",
        "  Liu Fang | 1 | Met",
        "    Zhang Wei | 1 | Not yet",
        "    Zhao Min | 2 | Not in register",
        "  Zhao Min (see above) | 2 | Not in register",
    ]
    pending = tree_index(page.tree, 0, 0, 1)
    assert pending.data(
        Qt.ItemDataRole.FontRole
    ).italic()  # a name not in the register reads differently


def test_completion_and_what_is_left(window: MainWindow, snowball: dict[str, int]) -> None:
    page = open_tour(window)

    assert page.completion_card.headline.text() == "2 of 4 met"
    assert page.completion_card.meter.fraction() == pytest.approx(0.5)
    assert "1 named but not added" in page.completion_card.caption.text()
    assert rows(page.names_list) == [["Zhao Min", "周建国, Liu Fang"]]
    assert rows(page.unmet_list) == [["Zhang Wei", "Liu Fang"]]
    assert page.to_meet_card.headline.text() == "2"


def test_promote_a_pending_referral_and_undo(
    window: MainWindow, ws: Workspace, snowball: dict[str, int]
) -> None:
    page = open_tour(window)
    page.names_list.setCurrentItem(page.names_list.topLevelItem(0))

    page.add_button.click()

    added = next(p for p in ws.stakeholders.list() if p.name == "Zhao Min")
    assert ws.insights.get(snowball["zhao"]).referred_stakeholder_id == added.id
    assert "Zhao Min is now in your register" in page.promoted_label.text()
    assert rows(page.names_list) == [["Every name you were given is in your register.", ""]]
    assert ["Zhao Min", "Liu Fang, 周建国"] in rows(page.unmet_list)  # now someone to meet
    assert page.completion_card.headline.text() == "2 of 4 met"

    window.undo_action.trigger()
    assert all(p.name != "Zhao Min" for p in ws.stakeholders.list())
    assert ws.insights.get(snowball["zhao"]).is_pending_referral
    assert rows(page.names_list) == [["Zhao Min", "周建国, Liu Fang"]]


def test_enter_on_a_name_adds_it_and_a_tree_click_selects_it(
    window: MainWindow, ws: Workspace, snowball: dict[str, int]
) -> None:
    page = open_tour(window)
    page.tree.setCurrentIndex(tree_index(page.tree, 0, 0, 1))
    assert page.names_list.currentItem() is page.names_list.topLevelItem(0)

    page.names_list.setFocus()
    QTest.keyClick(page.names_list, Qt.Key.Key_Return)

    assert any(p.name == "Zhao Min" for p in ws.stakeholders.list())


def test_a_name_already_in_the_register_can_be_linked(
    window: MainWindow, ws: Workspace, snowball: dict[str, int]
) -> None:
    same = ws.stakeholders.add(StakeholderData(name="Zhao Min", title="Sales controller")).id
    page = open_tour(window)
    page.names_list.setCurrentItem(page.names_list.topLevelItem(0))
    assert page.link_button.isVisibleTo(page)

    page.link_button.click()

    assert ws.insights.get(snowball["zhao"]).referred_stakeholder_id == same
    assert ws.stakeholders.count() == 4  # nobody new
    window.undo_action.trigger()
    assert ws.insights.get(snowball["zhao"]).is_pending_referral


def test_double_click_opens_the_person(
    qtbot, ws: Workspace, clock, snowball: dict[str, int]
) -> None:
    opened: list[tuple[str, int]] = []
    context = PageContext(now=clock, history=EditHistory(), open_item=lambda *a: opened.append(a))
    page = TourPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.set_workspace(ws)
    page.show()
    rect = page.tree.visualRect(tree_index(page.tree, 0, 0, 0))  # Zhang Wei

    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.unmet_list.setCurrentItem(page.unmet_list.topLevelItem(0))
    page.unmet_list.setFocus()
    QTest.keyClick(page.unmet_list, Qt.Key.Key_Return)

    assert opened == [("stakeholder", snowball["coo"])] * 2


def test_going_cold_and_where_to_invest_time(
    window: MainWindow, ws: Workspace, snowball: dict[str, int]
) -> None:
    ws.stakeholders.update(snowball["cfo"], cadence_days=3)  # met 5 days ago
    ws.stakeholders.update(snowball["coo"], cadence_days=14)  # never met
    ws.stakeholders.update(snowball["ceo"], stance=Stance.SCEPTIC, target_stance=Stance.SUPPORTER)
    page = open_tour(window)
    assert page.cold_card.headline.text() == "2"

    page.tabs.setCurrentIndex(CONTACT_TAB)

    cold = rows(page.contact_view.cold_list)
    assert [row[0] for row in cold] == ["Zhang Wei", "Liu Fang"]  # never met first
    assert cold[0][4] == "Not met yet"
    assert cold[1][2:] == ["Every 3 days", cold[1][3], "2 days overdue"]
    assert rows(page.contact_view.gap_list) == [
        ["周建国", "CEO", "Sceptic", "Supporter", "2 steps", "3"]
    ]


def test_an_empty_workspace_explains_the_snowball(window: MainWindow) -> None:
    page = open_tour(window)
    assert page.no_referrals_label.isVisible()
    assert not page.referral_splitter.isVisible()
    assert page.completion_card.headline.text() == "Not started"
    page.tabs.setCurrentIndex(CONTACT_TAB)
    assert page.contact_view.cold_empty.isVisible()
    assert page.contact_view.gap_empty.isVisible()
