"""The Stakeholders page driven as a user: add, filter, archive, re-assess, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QWidget

from cio_desk.services.meetings import MeetingData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.enums import MeetingStatus, StakeholderKind, Stance
from cio_desk.ui.dialogs.stakeholder_editor import StakeholderEditor
from cio_desk.ui.dialogs.stance_reassess import StanceDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.models.stakeholder_table import COLUMN_COUNT, NAME, STANCE, TITLE
from cio_desk.ui.pages.stakeholders import TABLE_VIEW, TREE_VIEW, StakeholdersPage
from cio_desk.ui.widgets.quick_cells import QuickCellDelegate
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def type_text(widget: QWidget, text: str) -> None:
    """Type as a user does: keys for ASCII, an input method's commit for other scripts.

    (QTest can only press keys that exist on a US keyboard.)
    """
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def press_shortcut(window: MainWindow, widget: QWidget, keys: str) -> None:
    """Press a key combination in `widget`, with the window active as on a desktop."""
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    widget.setFocus()
    sequence = QKeySequence(keys)[0]
    QTest.keyClick(widget, sequence.key(), sequence.keyboardModifiers())


def person(ws: Workspace, name: str, **fields: object) -> int:
    return ws.stakeholders.add(StakeholderData(name=name, **fields)).id


@pytest.fixture
def team(ws: Workspace) -> dict[str, int]:
    ids = {
        "cfo": person(ws, "王芳", title="CFO", unit="Finance", kind=StakeholderKind.EXECUTIVE),
        "coo": person(ws, "Li Na", title="COO", unit="Operations", stance=Stance.SUPPORTER),
        "vendor": person(ws, "Markus Weber", title="Account manager", kind=StakeholderKind.VENDOR),
    }
    start = dt.datetime(2026, 3, 5, 9, 30)
    ws.meetings.add(
        MeetingData(
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            attendee_ids=(ids["cfo"],),
            status=MeetingStatus.HELD,
        )
    )
    return ids


def open_page(window: MainWindow) -> StakeholdersPage:
    """Show the page as a click in the sidebar does."""
    sidebar = window.findChild(QListWidget, "sidebar")
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    sidebar.setCurrentRow(titles.index("Stakeholders"))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    QTest.qWait(0)  # the detail panel fills right after the table is painted
    return page


def names(page: StakeholdersPage) -> list[str]:
    return [row.name for row in page.model.rows()]


def detail_texts(page: StakeholdersPage) -> list[str]:
    """What the detail panel shows, one entry per label, as plain text."""
    texts = []
    for label in page.detail.findChildren(QLabel):
        if label.isVisibleTo(page.detail):
            text = label.text()
            if label.textFormat() == Qt.TextFormat.RichText:
                text = QTextDocumentFragment.fromHtml(text).toPlainText()
            texts.append(text)
    return texts


def shows(page: StakeholdersPage, text: str) -> bool:
    return any(text in shown for shown in detail_texts(page))


def test_the_table_lists_the_register_with_its_figures(
    window: MainWindow, team: dict[str, int]
) -> None:
    page = open_page(window)
    assert names(page) == ["Li Na", "Markus Weber", "王芳"]
    model = page.model
    row = names(page).index("王芳")
    texts = [model.index(row, column).data() for column in range(model.columnCount())]
    assert texts[:4] == ["王芳", "CFO", "Finance", "Executive"]
    assert texts[7] == "Met"
    assert page.subtitle_label.text() == "3 people in your register · 1 met"


def test_add_a_stakeholder_with_ctrl_n_and_an_error_at_the_field(
    window: MainWindow, ws: Workspace, qtbot, modals
) -> None:
    page = open_page(window)
    seen: dict[str, object] = {}

    def fill(dialog: StakeholderEditor) -> None:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        seen["error"] = dialog.error_text("name")
        seen["still_open"] = dialog.isVisible()
        type_text(dialog.name_edit, "林晓 Lin Xiao")
        qtbot.keyClicks(dialog.title_edit, "Chief Operating Officer")
        dialog.influence_spin.setValue(5)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(StakeholderEditor, fill)
    assert window.new_item_action.text() == "New stakeholder"
    window.new_item_action.trigger()

    assert seen == {"error": "Name cannot be empty.", "still_open": True}
    (stored,) = ws.stakeholders.list()
    assert (stored.name, stored.title, stored.influence) == (
        "林晓 Lin Xiao",
        "Chief Operating Officer",
        5,
    )
    assert names(page) == ["林晓 Lin Xiao"]
    assert page.selected_id() == stored.id
    assert page.detail.name_label.text() == "林晓 Lin Xiao"


def test_undo_takes_back_the_add_and_redo_brings_the_same_person_back(
    window: MainWindow, ws: Workspace, qtbot, modals
) -> None:
    page = open_page(window)

    def fill(dialog: StakeholderEditor) -> None:
        qtbot.keyClicks(dialog.name_edit, "Zhang Min")
        qtbot.keyClicks(dialog.tags_edit, "ERP, budget")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(StakeholderEditor, fill)
    page.new_button.click()
    added = ws.stakeholders.list()[0]

    press_shortcut(window, page.table, "Ctrl+Z")
    assert ws.stakeholders.count(include_archived=True) == 0
    assert names(page) == []

    window.redo_action.trigger()
    assert ws.stakeholders.get(added.id) == added
    assert names(page) == ["Zhang Min"]


def test_typing_filters_the_table_in_any_script(
    window: MainWindow, team: dict[str, int], qtbot
) -> None:
    page = open_page(window)
    type_text(page.filter_edit, "王")
    assert names(page) == ["王芳"]
    assert page.count_label.text() == "Showing 1 of 3"

    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "FIN")  # unit, any case
    assert names(page) == ["王芳"]

    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "vendor")  # the kind counts too
    assert names(page) == ["Markus Weber"]

    page.clear_button.click()
    assert len(names(page)) == 3
    assert not page.clear_button.isVisible()


def test_kind_stance_and_met_filters(window: MainWindow, team: dict[str, int]) -> None:
    page = open_page(window)
    page.met_combo.setCurrentIndex(page.met_combo.findData(False))
    assert names(page) == ["Li Na", "Markus Weber"]
    page.stance_combo.setCurrentIndex(page.stance_combo.findData(Stance.SUPPORTER))
    assert names(page) == ["Li Na"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(StakeholderKind.VENDOR))
    assert names(page) == []
    assert page.count_label.text() == "Showing 0 of 3"


def test_sorting_by_a_column_header(
    window: MainWindow, team: dict[str, int], ws: Workspace
) -> None:
    ws.stakeholders.update(team["vendor"], influence=5)
    ws.stakeholders.update(team["coo"], influence=1)
    page = open_page(window)
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # influence
    assert names(page) == ["Markus Weber", "王芳", "Li Na"]
    page.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert names(page) == ["Li Na", "Markus Weber", "王芳"]


def test_archive_hides_show_archived_shows_and_undo_brings_back(
    window: MainWindow, ws: Workspace, team: dict[str, int]
) -> None:
    page = open_page(window)
    page.select_person(team["vendor"])
    page.detail.archive_action.trigger()

    assert ws.stakeholders.get(team["vendor"]).archived
    assert "Markus Weber" not in names(page)
    assert page.subtitle_label.text() == "2 people in your register · 1 met · 1 archived"

    page.archived_check.setChecked(True)
    assert "Markus Weber" in names(page)
    row = names(page).index("Markus Weber")
    assert page.model.index(row, NAME).data() == "Markus Weber (archived)"

    page.archived_check.setChecked(False)
    window.undo_action.trigger()
    assert not ws.stakeholders.get(team["vendor"]).archived
    assert "Markus Weber" in names(page)


def test_reassessing_the_stance_shows_in_the_trend(
    window: MainWindow, ws: Workspace, team: dict[str, int], qtbot, modals
) -> None:
    page = open_page(window)
    page.select_person(team["cfo"])

    def reassess(dialog: StanceDialog) -> None:
        dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData(Stance.SUPPORTER))
        qtbot.keyClicks(dialog.note_edit, "Backed the ERP budget")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(StanceDialog, reassess)
    page.detail.reassess_button.click()

    trend = ws.tour.stance_trend(team["cfo"])
    assert [p.stance for p in trend.points] == [Stance.NEUTRAL, Stance.SUPPORTER]
    assert trend.points[-1].assessed_on == window.context.now().date()
    assert shows(page, "Supporter — Backed the ERP budget")
    row = names(page).index("王芳")
    assert page.model.index(row, 6).data() == "Supporter"

    window.undo_action.trigger()
    assert ws.stakeholders.get(team["cfo"]).stance is Stance.NEUTRAL
    assert ws.tour.stance_trend(team["cfo"]).points == ()


def test_the_gap_to_the_target_stance_is_shown(
    window: MainWindow, ws: Workspace, team: dict[str, int]
) -> None:
    ws.stakeholders.update(team["cfo"], stance=Stance.SCEPTIC, target_stance=Stance.SUPPORTER)
    page = open_page(window)
    page.select_person(team["cfo"])
    assert shows(page, "Sceptic → target Supporter: 2 steps to go")


def test_edit_keeps_the_stance_for_reassessment_and_is_undoable(
    window: MainWindow, ws: Workspace, team: dict[str, int], qtbot, modals
) -> None:
    page = open_page(window)
    page.select_person(team["coo"])
    seen: dict[str, bool] = {}

    def edit(dialog: StakeholderEditor) -> None:
        seen["stance_locked"] = not dialog.stance_combo.isEnabled()
        dialog.title_edit.clear()
        qtbot.keyClicks(dialog.title_edit, "Chief Operating Officer")
        dialog.reports_combo.setCurrentIndex(dialog.reports_combo.findData(team["cfo"]))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(StakeholderEditor, edit)
    press_shortcut(window, page.table, "F2")

    coo = ws.stakeholders.get(team["coo"])
    assert seen == {"stance_locked": True}
    assert (coo.title, coo.reports_to_id) == ("Chief Operating Officer", team["cfo"])
    window.undo_action.trigger()
    coo = ws.stakeholders.get(team["coo"])
    assert (coo.title, coo.reports_to_id) == ("COO", None)


def test_the_org_tree_shows_reporting_lines_and_opens_people(
    window: MainWindow, ws: Workspace, team: dict[str, int]
) -> None:
    ws.stakeholders.update(team["coo"], reports_to_id=team["cfo"])
    page = open_page(window)
    page.show_view(TREE_VIEW)
    model = page.tree.model()
    roots = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert roots == ["Markus Weber", "王芳"]
    cfo = model.index(1, 0)
    assert model.index(0, 0, cfo).data() == "Li Na"
    assert not page.filter_edit.isEnabled()

    page.tree.setCurrentIndex(model.index(0, 0, cfo))
    assert page.selected_id() == team["coo"]
    assert page.detail.name_label.text() == "Li Na"
    page.show_view(TABLE_VIEW)
    assert page.table.currentIndex().row() == names(page).index("Li Na")

    page.show_view(TREE_VIEW)
    ws.stakeholders.update(team["coo"], reports_to_id=None)
    page.refresh()  # as after any edit made on the page
    roots = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert roots == ["Li Na", "Markus Weber", "王芳"]


def test_open_item_clears_a_filter_hiding_the_person(
    window: MainWindow, team: dict[str, int], qtbot
) -> None:
    page = open_page(window)
    qtbot.keyClicks(page.filter_edit, "Li Na")
    window.open_item("stakeholder", team["vendor"])
    assert page.filter_edit.text() == ""
    assert page.selected_id() == team["vendor"]
    assert page.detail.name_label.text() == "Markus Weber"


def test_marking_the_manager_shows_the_five_conversations(
    window: MainWindow, ws: Workspace, team: dict[str, int], qtbot, modals
) -> None:
    from cio_desk.ui.dialogs.boss_conversation import BossConversationDialog

    page = open_page(window)
    page.select_person(team["coo"])
    page.detail.manager_action.trigger()
    assert ws.boss.manager().id == team["coo"]
    assert shows(page, "Conversations with your manager · 0 of 5 held")

    def record(dialog: BossConversationDialog) -> None:
        dialog.held_check.setChecked(True)
        qtbot.keyClicks(dialog.notes_edit, "A plan by Day 30, in business terms.")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(BossConversationDialog, record)
    button = next(
        b
        for b in page.detail.findChildren(QWidget)
        if b.accessibleName() == "Record the conversation: Expectations"
    )
    button.click()  # type: ignore[attr-defined]

    checklist = ws.boss.checklist()
    expectations = checklist.items[1]
    assert expectations.held_on == window.context.now().date()
    assert expectations.notes == "A plan by Day 30, in business terms."
    assert shows(page, "Conversations with your manager · 1 of 5 held")

    window.undo_action.trigger()
    assert ws.boss.checklist().held_count == 0
    window.undo_action.trigger()
    assert ws.boss.manager() is None


def test_empty_register_invites_to_add_someone(window: MainWindow) -> None:
    page = open_page(window)
    assert page.subtitle_label.text() == "Nobody in your register yet."
    assert page.detail.name_label.text() == "No stakeholders yet"
    assert page.detail.empty_add_button.isVisible()


def test_insights_are_grouped_by_kind_and_confidential_ones_marked(
    window: MainWindow, ws: Workspace, team: dict[str, int]
) -> None:
    from cio_desk.services.insights import InsightData
    from cio_desk.store.enums import InsightKind

    cfo = team["cfo"]
    ws.insights.add(InsightData(cfo, InsightKind.GOAL, text="Close the books in 3 days"))
    ws.insights.add(
        InsightData(cfo, InsightKind.CONCERN, text="ERP <vendor> & costs", confidential=True)
    )
    ws.insights.add(
        InsightData(cfo, InsightKind.REFERRAL, text="Knows the plant", referred_name="Zhou Gang")
    )
    page = open_page(window)
    page.select_person(cfo)
    (insights,) = [t for t in detail_texts(page) if t.startswith("Goals (1)")]
    assert "Close the books in 3 days" in insights
    assert "ERP <vendor> & costs Confidential" in insights  # text intact, marked
    assert "Zhou Gang (not in the register yet): Knows the plant" in insights
    assert "How to help them (0)\nNothing yet." in insights
    assert shows(page, "1 confidential")


def test_the_detail_panel_shows_only_the_person_picked(
    window: MainWindow, ws: Workspace, team: dict[str, int]
) -> None:
    """The panel is refilled, not rebuilt: nothing of the last person may stay on show."""
    from cio_desk.services.insights import InsightData
    from cio_desk.store.enums import InsightKind

    ws.insights.add(InsightData(team["cfo"], InsightKind.GOAL, text="Close the books in 3 days"))
    ws.boss.set_manager(team["coo"])
    page = open_page(window)

    page.select_person(team["cfo"])
    assert shows(page, "Close the books in 3 days")
    assert not shows(page, "Conversations with your manager")
    assert shows(page, "Met · last on")  # the CFO's meeting, held on Day 4

    page.select_person(team["coo"])
    assert page.detail.name_label.text() == "Li Na"
    assert not shows(page, "Close the books in 3 days")
    assert shows(page, "Nothing recorded yet")
    assert shows(page, "Conversations with your manager · 0 of 5 held")
    assert shows(page, "No meetings with them yet.")

    page.select_person(team["cfo"])
    assert not shows(page, "Conversations with your manager")
    assert not shows(page, "Nothing recorded yet")
    assert shows(page, "Goals (1)")


def test_schedule_a_meeting_from_the_detail_panel(
    window: MainWindow, ws: Workspace, team: dict[str, int], modals
) -> None:
    from cio_desk.ui.dialogs.meeting_editor import MeetingEditor

    page = open_page(window)
    page.select_person(team["coo"])
    seen: dict[str, object] = {}

    def schedule(dialog: MeetingEditor) -> None:
        seen["attendees"] = dialog.meeting_data().attendee_ids
        dialog.save_button.click()

    modals.when_shown(MeetingEditor, schedule)
    page.detail.schedule_button.click()

    assert seen == {"attendees": (team["coo"],)}
    planned = [m for m in ws.meetings.list() if team["coo"] in m.attendee_ids]
    assert len(planned) == 1 and planned[0].status is MeetingStatus.PLANNED
    assert shows(page, "Planned")


def test_opening_shows_the_first_name_at_once_and_the_cards_right_after(
    window: MainWindow, team: dict[str, int]
) -> None:
    """The table is painted first; the panel never says "No one selected" meanwhile."""
    sidebar = window.findChild(QListWidget, "sidebar")
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    sidebar.setCurrentRow(titles.index("Stakeholders"))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    detail = page.detail
    assert detail.name_label.text() == "Li Na"  # first by name, before any event
    assert detail.role_label.text() == "COO · Operations · Business leader"
    assert not detail.cards.isVisibleTo(detail)
    assert not detail.empty_label.isVisibleTo(detail)

    QTest.qWait(0)
    assert detail.cards.isVisibleTo(detail)
    assert detail.stakeholder_id() == team["coo"]
    assert shows(page, "Supporter · no target set")


def test_the_detail_panel_is_laid_out_before_it_is_painted(
    window: MainWindow, ws: Workspace, team: dict[str, int]
) -> None:
    """The cards have their heights at once: no frame shows them half laid out."""
    notes = "Wants the month-end close cut from ten days to three. " * 12
    ws.stakeholders.update(team["vendor"], notes=notes)
    page = open_page(window)
    page.select_person(team["cfo"])
    QTest.qWait(0)

    page.select_person(team["vendor"])  # a long profile after a short one
    profile = page.detail.profile_card.text_label
    heights = [card.height() for card in page.detail.cards.findChildren(QWidget)]
    assert profile.height() >= profile.heightForWidth(profile.width()) > 100
    QTest.qWait(20)
    assert [card.height() for card in page.detail.cards.findChildren(QWidget)] == heights


# ---------------------------------------------------------------- painted cells


@pytest.fixture
def mixed_register(ws: Workspace) -> None:
    person(ws, "王芳", title="Chief Financial Officer", influence=5)
    person(ws, "Li Na <b>", stance=Stance.SUPPORTER)
    ws.stakeholders.set_archived(person(ws, "Old Friend", unit="R&D"))


def test_every_cell_is_painted_as_the_model_data_says(
    window: MainWindow, mixed_register: None
) -> None:
    page = open_page(window)
    page.archived_check.setChecked(True)
    model = page.model
    assert isinstance(page.table.itemDelegate(), QuickCellDelegate)

    for row in range(model.rowCount()):
        archived = model.row_at(row).archived
        for column in range(COLUMN_COUNT):
            index = model.index(row, column)
            look = model.cell_look(row, column)
            assert look.text == index.data(Qt.ItemDataRole.DisplayRole)
            right = index.data(Qt.ItemDataRole.TextAlignmentRole) is not None
            assert (look.alignment == Qt.AlignmentFlag.AlignRight) == right
            assert (look.icon is not None) == (column == STANCE)
            assert look.muted == archived == (index.data(Qt.ItemDataRole.FontRole) is not None)


def test_a_narrow_column_shows_the_start_of_its_text_and_an_ellipsis(
    window: MainWindow, mixed_register: None
) -> None:
    page = open_page(window)
    delegate = page.table.itemDelegate()
    assert isinstance(delegate, QuickCellDelegate)
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).name == "王芳")
    look = page.model.cell_look(row, TITLE)

    wide = delegate.shown_text(look, 400)
    narrow = delegate.shown_text(look, 60)

    assert wide == "Chief Financial Officer"
    assert narrow.endswith("…") and wide.startswith(narrow[:-1])
    assert page.table.fontMetrics().horizontalAdvance(narrow) <= 60
