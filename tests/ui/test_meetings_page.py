"""The Meetings page: schedule, find and open meetings in the calendar and the list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cio_desk.services.insights import InsightData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import InsightKind, MeetingStatus
from cio_desk.ui.dialogs.meeting_editor import MeetingEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.meetings import MeetingsPage
from cio_desk.ui.pages.meetings_list import MeetingTableModel
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


@pytest.fixture
def people(ws: Workspace) -> dict[str, int]:
    names = ("Li Na", "王伟", "Zhang Min")
    return {n: ws.stakeholders.add(StakeholderData(name=n, title="Director")).id for n in names}


def add_meeting(
    ws: Workspace,
    who: tuple[int, ...],
    starts: dt.datetime,
    status: MeetingStatus = MeetingStatus.PLANNED,
    **values: object,
) -> int:
    data = MeetingData(
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        attendee_ids=who,
        status=status,
        **values,  # type: ignore[arg-type]
    )
    return ws.meetings.add(data).id


def open_page(window: MainWindow) -> MeetingsPage:
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Meetings"))
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    return page


def click_centre(widget: QWidget, point: QPoint, *, double: bool = False) -> None:
    if double:
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=point)
    else:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


# ---------------------------------------------------------------- scheduling


def test_schedule_a_meeting_errors_shown_at_the_field(
    window: MainWindow, ws: Workspace, people: dict[str, int], now: dt.datetime, modals
) -> None:
    page = open_page(window)
    seen: dict[str, str] = {}

    def fill(editor: QWidget) -> None:
        assert isinstance(editor, MeetingEditor)
        editor.title_edit.setText("Coffee with <Li Na> & team")
        editor.save_button.click()  # nobody invited yet
        seen["attendees"] = editor.error_text("attendee_ids")
        seen["still open"] = str(editor.isVisible())
        QTest.keyClicks(editor.attendees.search_edit, "li na")
        QTest.keyClick(editor.attendees.search_edit, Qt.Key.Key_Return)  # ticks Li Na
        editor.duration_spin.setValue(45)
        QTest.keyClick(editor.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modals.when_shown(MeetingEditor, fill)
    window.new_item_action.trigger()  # Ctrl+N on the Meetings page

    assert seen == {"attendees": "A meeting needs at least one attendee.", "still open": "True"}
    (meeting,) = ws.meetings.list()
    assert meeting.title == "Coffee with <Li Na> & team"
    assert meeting.attendee_ids == (people["Li Na"],)
    assert meeting.starts_at == dt.datetime.combine(
        now.date(), dt.time(10, 0)
    )  # on the day selected
    assert meeting.duration_minutes == 45
    assert page.calendar.current_meeting_id() == meeting.id  # shown where it was put
    assert not page.calendar.chip_rect(meeting.id).isEmpty()

    window.undo_action.trigger()

    assert ws.meetings.list() == []
    assert page.calendar.chip_rect(meeting.id).isEmpty()


def test_the_new_meeting_action_is_named_for_the_page(window: MainWindow) -> None:
    open_page(window)
    assert window.new_item_action.text() == "New meeting"
    assert window.new_item_action.isEnabled()


# ---------------------------------------------------------------- the calendar


def test_open_a_meeting_from_the_calendar_and_change_it(
    window: MainWindow, ws: Workspace, people: dict[str, int], start_date: dt.date, modals
) -> None:
    starts = dt.datetime.combine(start_date + dt.timedelta(days=4), dt.time(14, 0))
    meeting_id = add_meeting(ws, (people["王伟"],), starts, title="预算评审")
    page = open_page(window)
    shown: dict[str, object] = {}

    def change(editor: QWidget) -> None:
        assert isinstance(editor, MeetingEditor)
        shown["title"] = editor.title_edit.text()
        shown["day"] = editor.day_label.text()
        editor.duration_spin.setValue(90)
        editor.status_combo.setCurrentIndex(editor.status_combo.findData(MeetingStatus.CANCELLED))
        editor.save_button.click()

    modals.when_shown(MeetingEditor, change)
    chip = page.calendar.chip_rect(meeting_id)
    click_centre(page.calendar, chip.center(), double=True)

    assert shown == {"title": "预算评审", "day": "Day 5"}
    stored = ws.meetings.get(meeting_id)
    assert (stored.duration_minutes, stored.status) == (90, MeetingStatus.CANCELLED)
    window.undo_action.trigger()
    stored = ws.meetings.get(meeting_id)
    assert (stored.duration_minutes, stored.status) == (60, MeetingStatus.PLANNED)


def test_the_calendar_counts_thirty_days_and_pages_through_periods(
    window: MainWindow, ws: Workspace, people: dict[str, int], start_date: dt.date
) -> None:
    wednesday = dt.date(2026, 3, 4)
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=wednesday))
    later = dt.datetime(2026, 4, 20, 9)  # Day 48
    add_meeting(ws, (people["Li Na"],), later)
    page = open_page(window)
    days = page.calendar.days()

    in_period = [d for d in days if d.in_period]
    assert (in_period[0].date, in_period[0].number) == (wednesday, 1)
    assert (in_period[-1].date, in_period[-1].number) == (wednesday + dt.timedelta(days=29), 30)
    before = [d for d in days if d.date < wednesday]
    assert before and all(d.number is None and not d.in_period for d in before)
    after = [d for d in days if d.date > in_period[-1].date]
    assert all(not d.in_period and d.number and d.number > 30 for d in after)
    assert len(days) % 7 == 0
    assert [
        d for d in days if d.is_today
    ] and page.calendar.current_date() == window.context.now().date()
    assert page.period_label.text().startswith("Days 1–30")

    page.calendar.setFocus()
    QTest.keyClick(page.calendar, Qt.Key.Key_PageDown)

    assert page.period_label.text().startswith("Days 31–60")
    day_48 = next(d for d in page.calendar.days() if d.date == later.date())
    assert day_48.number == 48 and len(day_48.meetings) == 1
    QTest.keyClick(page.calendar, Qt.Key.Key_PageUp)
    QTest.keyClick(page.calendar, Qt.Key.Key_PageUp)
    assert page.period_label.text().startswith("Before Day 1")
    page.today_button.click()
    assert page.period_label.text().startswith("Days 1–30")


def test_keyboard_walks_days_and_meetings_and_enter_opens(
    window: MainWindow, ws: Workspace, people: dict[str, int], now: dt.datetime, modals
) -> None:
    today = now.date()
    first = add_meeting(ws, (people["Li Na"],), dt.datetime.combine(today, dt.time(9)))
    second = add_meeting(ws, (people["王伟"],), dt.datetime.combine(today, dt.time(15)))
    tomorrow = add_meeting(
        ws, (people["Zhang Min"],), dt.datetime.combine(today + dt.timedelta(days=1), dt.time(8))
    )
    page = open_page(window)
    calendar = page.calendar
    calendar.setFocus()

    assert calendar.current_meeting_id() == first
    QTest.keyClick(calendar, Qt.Key.Key_Down)  # the day's next meeting before the next week
    assert calendar.current_meeting_id() == second
    assert page.day_panel.meeting_ids() == [first, second]
    QTest.keyClick(calendar, Qt.Key.Key_Right)
    assert (calendar.current_date(), calendar.current_meeting_id()) == (
        today + dt.timedelta(days=1),
        tomorrow,
    )
    opened: list[int] = []

    def note(editor: QWidget) -> None:
        assert isinstance(editor, MeetingEditor)
        opened.append(editor.attendees.ticked_ids()[0])
        editor.reject()

    modals.when_shown(MeetingEditor, note)
    QTest.keyClick(calendar, Qt.Key.Key_Return)
    assert opened == [people["Zhang Min"]]


def test_delete_from_the_calendar_keeps_what_was_learnt_and_undo_restores(
    window: MainWindow, ws: Workspace, people: dict[str, int], now: dt.datetime, message_boxes
) -> None:
    li = people["Li Na"]
    meeting_id = add_meeting(
        ws, (li,), dt.datetime.combine(now.date(), dt.time(9)), MeetingStatus.HELD
    )
    insight = ws.insights.add(
        InsightData(li, InsightKind.GOAL, "Close faster", meeting_id=meeting_id)
    )
    page = open_page(window)
    page.calendar.setFocus()

    QTest.keyClick(page.calendar, Qt.Key.Key_Delete)

    assert message_boxes.shown[-1].title == "Delete meeting"
    assert ws.meetings.list() == []
    assert ws.insights.get(insight.id).meeting_id is None
    window.undo_action.trigger()
    assert ws.meetings.get(meeting_id).status is MeetingStatus.HELD
    assert ws.insights.get(insight.id).meeting_id == meeting_id
    assert page.calendar.current_day() is not None


def test_meetings_are_coloured_by_status(
    window: MainWindow, ws: Workspace, people: dict[str, int], now: dt.datetime
) -> None:
    li = people["Li Na"]
    held = add_meeting(ws, (li,), dt.datetime.combine(now.date(), dt.time(8)), MeetingStatus.HELD)
    cancelled = add_meeting(
        ws, (li,), dt.datetime.combine(now.date(), dt.time(11)), MeetingStatus.CANCELLED
    )
    page = open_page(window)
    image = page.calendar.grab().toImage()
    ratio = page.calendar.devicePixelRatioF()

    def bar_colour(meeting_id: int) -> str:
        rect = page.calendar.chip_rect(meeting_id)
        point = QPoint(rect.left() + 1, rect.center().y())
        return image.pixelColor(round(point.x() * ratio), round(point.y() * ratio)).name()

    assert bar_colour(held) != bar_colour(cancelled)
    legend_texts = [
        label.text() for label in page.legend.findChildren(type(page.header.title_label))
    ]
    assert {"Planned", "Held", "Cancelled", "No-show"} <= set(legend_texts)


# ---------------------------------------------------------------- the list


def test_list_filters_by_status_and_text_and_sorts(
    window: MainWindow, ws: Workspace, people: dict[str, int], start_date: dt.date, now: dt.datetime
) -> None:
    day = lambda n, h=9: dt.datetime.combine(start_date + dt.timedelta(days=n - 1), dt.time(h))  # noqa: E731
    budget = add_meeting(ws, (people["王伟"],), day(3), MeetingStatus.HELD, title="Budget review")
    late = add_meeting(ws, (people["Li Na"],), day(10), title="Plant walk")  # to write up
    coffee = add_meeting(ws, (people["Zhang Min"],), day(25), title="Coffee")
    page = open_page(window)
    page.list_button.click()
    view = page.list_view

    assert view.visible_ids() == [budget, late, coffee]
    assert view.current_meeting_id() == coffee  # the first meeting from today on
    model = view.model
    row = model.row_of(late)
    assert model.index(row, MeetingTableModel.STATUS).data() == "To write up"
    assert model.index(row, MeetingTableModel.DAY).data() == "Day 10"

    chinese = QInputMethodEvent("", [])
    chinese.setCommitString("王")  # typed through the input method
    QApplication.sendEvent(view.search_edit, chinese)
    assert view.visible_ids() == [budget]
    view.search_edit.clear()
    view.status_combo.setCurrentIndex(view.status_combo.findData("awaiting"))
    assert view.visible_ids() == [late]
    view.status_combo.setCurrentIndex(0)
    assert view.current_meeting_id() == late  # still the one picked through the filter
    view.select(coffee)

    view.table.horizontalHeader().setSortIndicator(
        MeetingTableModel.TITLE, Qt.SortOrder.AscendingOrder
    )
    assert view.visible_ids() == [budget, coffee, late]
    assert view.current_meeting_id() == coffee  # the selection follows its meeting


def test_a_long_list_shows_the_right_meeting_on_every_row(
    window: MainWindow, ws: Workspace, people: dict[str, int], start_date: dt.date
) -> None:
    """Rows are read as they are shown: far down, after sorts and filters, they still match."""
    first = dt.datetime.combine(start_date - dt.timedelta(days=300), dt.time(9))
    ids = [
        add_meeting(ws, (people["Li Na"],), first + dt.timedelta(days=i), title=f"Review {i:03}")
        for i in range(450)
    ]
    wang = add_meeting(ws, (people["王伟"],), first + dt.timedelta(days=5, hours=2))
    page = open_page(window)
    page.show_list()
    view, model = page.list_view, page.list_view.model
    title = MeetingTableModel.TITLE

    def shown(row: int) -> str:
        return str(model.index(row, title).data())

    assert model.rowCount() == 451
    assert shown(450) == "Review 449"  # the end of the list, read on demand
    assert shown(6) == "王伟"  # untitled: named by who attends
    view.table.horizontalHeader().setSortIndicator(
        MeetingTableModel.DATE, Qt.SortOrder.DescendingOrder
    )
    assert view.visible_ids()[:2] == [ids[449], ids[448]]
    assert shown(0) == "Review 449"

    chinese = QInputMethodEvent("", [])
    chinese.setCommitString("王")  # typed through the input method
    QApplication.sendEvent(view.search_edit, chinese)
    assert view.visible_ids() == [wang]
    view.search_edit.clear()
    QTest.keyClicks(view.search_edit, "REVIEW 04")  # every word, any case; latest first
    assert view.visible_ids() == [ids[i] for i in reversed(range(450)) if "04" in f"{i:03}"]
    view.search_edit.clear()

    view.table.horizontalHeader().setSortIndicator(title, Qt.SortOrder.AscendingOrder)
    assert shown(0) == "Review 000" and shown(450) == "王伟"
    view.status_combo.setCurrentIndex(view.status_combo.findText("Held"))
    assert view.visible_ids() == []
    assert view.empty_label.text() == "No meeting matches the filter."


def test_list_enter_opens_the_selected_meeting(
    window: MainWindow, ws: Workspace, people: dict[str, int], now: dt.datetime, modals
) -> None:
    meeting_id = add_meeting(ws, (people["Li Na"],), now + dt.timedelta(days=1), title="Lunch")
    page = open_page(window)
    page.show_list()
    opened: list[str] = []

    def note(editor: QWidget) -> None:
        assert isinstance(editor, MeetingEditor)
        opened.append(editor.title_edit.text())
        editor.reject()

    modals.when_shown(MeetingEditor, note)
    assert page.list_view.current_meeting_id() == meeting_id
    QTest.keyClick(page.list_view.table, Qt.Key.Key_Return)
    assert opened == ["Lunch"]


def test_search_hit_opens_on_its_day(
    window: MainWindow, ws: Workspace, people: dict[str, int], start_date: dt.date
) -> None:
    far = dt.datetime.combine(start_date + dt.timedelta(days=70), dt.time(9))
    meeting_id = add_meeting(ws, (people["Li Na"],), far)

    window.open_item("meeting", meeting_id)

    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    assert page.calendar.current_meeting_id() == meeting_id
    assert page.period_label.text().startswith("Days 61–90")


def test_without_a_profile_the_page_says_what_to_do(window: MainWindow, tmp_path) -> None:
    window.controller.switch_to(Workspace.create(tmp_path / "new.ciodesk"))
    page = open_page(window)
    QApplication.processEvents()

    assert page.no_profile_card.isVisible()
    assert not page.stack.isVisible()
    assert not page.new_button.isVisible()
