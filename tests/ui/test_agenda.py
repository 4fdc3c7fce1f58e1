"""The Learning agenda page, driven as the CIO would in week 1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.services.topics import TopicData, TopicSource
from cio_desk.store.enums import TopicCategory, TopicStatus
from cio_desk.ui.dialogs.topic_editor import TopicEditor
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.pages.agenda import COL_SOURCES, COL_STATUS, COL_TOPIC, AgendaPage
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui


def open_agenda(window: MainWindow) -> AgendaPage:
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    window.show_page(titles.index("Learning agenda"))
    page = window.current_page()
    assert isinstance(page, AgendaPage)
    return page


def topic_rows(page: AgendaPage) -> list[tuple[str, str, str]]:
    """(area, topic, status) for every topic row, top to bottom."""
    rows = []
    for i in range(page.tree.topLevelItemCount()):
        area = page.tree.topLevelItem(i)
        for j in range(area.childCount()):
            item = area.child(j)
            rows.append((area.text(COL_TOPIC), item.text(COL_TOPIC), item.text(COL_STATUS)))
    return rows


def select_topic(page: AgendaPage, title: str) -> None:
    for i in range(page.tree.topLevelItemCount()):
        area = page.tree.topLevelItem(i)
        for j in range(area.childCount()):
            if area.child(j).text(COL_TOPIC) == title:
                page.tree.setCurrentItem(area.child(j))
                return
    raise AssertionError(f"no topic {title!r}")


# ---------------------------------------------------------------- the starter agenda


def test_a_new_workspace_offers_the_starter_agenda(window: MainWindow, ws: Workspace) -> None:
    page = open_agenda(window)
    assert page.offer_card.isVisible()
    assert not page.agenda.isVisible()

    page.offer_card.use_button.click()

    offered = ws.topics.starter_agenda()
    assert not page.offer_card.isVisible()
    assert [title for _area, title, _status in topic_rows(page)] == [
        t.title for t in sorted(offered, key=lambda t: list(TopicCategory).index(t.category))
    ]
    assert page.progress_card.headline.text() == f"0 of {len(offered)} learnt"
    assert len(ws.topics.list()) == len(offered)


def test_adopting_the_starter_agenda_can_be_undone(window: MainWindow, ws: Workspace) -> None:
    page = open_agenda(window)
    page.offer_card.use_button.click()

    window.undo_action.trigger()

    assert ws.topics.list() == []
    assert page.offer_card.isVisible()
    window.redo_action.trigger()
    assert len(topic_rows(page)) == len(ws.topics.starter_agenda())


def test_start_empty_is_remembered(window: MainWindow, ws: Workspace) -> None:
    page = open_agenda(window)
    page.offer_card.empty_button.click()

    assert not page.offer_card.isVisible()
    assert page.empty_hint.isVisible()
    assert topic_rows(page) == []
    page.refresh()
    assert not page.offer_card.isVisible()  # not asked again
    window.undo_action.trigger()
    assert page.offer_card.isVisible()


def test_discarding_the_agenda_asks_and_can_be_undone(
    window: MainWindow, ws: Workspace, message_boxes
) -> None:
    page = open_agenda(window)
    page.offer_card.use_button.click()
    count = len(ws.topics.list())

    message_boxes.answer = QMessageBox.StandardButton.No
    page.discard_button.click()
    assert len(ws.topics.list()) == count

    message_boxes.answer = QMessageBox.StandardButton.Yes
    page.discard_button.click()
    assert f"Remove all {count} topics" in message_boxes.texts()[-1]
    assert ws.topics.list() == []
    assert page.empty_hint.isVisible() and not page.offer_card.isVisible()

    window.undo_action.trigger()
    assert len(topic_rows(page)) == count


# ---------------------------------------------------------------- adding and editing


def test_add_a_topic_with_a_person_and_a_document(
    window: MainWindow, ws: Workspace, qtbot, modals
) -> None:
    cfo = ws.stakeholders.add(StakeholderData(name="刘芳", title="CFO")).id
    ws.stakeholders.add(StakeholderData(name="Wang Wei"))
    page = open_agenda(window)
    page.offer_card.empty_button.click()

    def fill(dialog: TopicEditor) -> None:
        qtbot.keyClicks(dialog.title_edit, "IT budget & cost lines <2025>")
        dialog.category_combo.setCurrentIndex(
            dialog.category_combo.findText("Finances", Qt.MatchFlag.MatchExactly)
        )
        dialog.person_combo.lineEdit().insert("刘芳")  # typed through an input method
        qtbot.mouseClick(dialog.add_person_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.document_edit, "IT budget 2025")
        QTest.keyClick(dialog.document_edit, Qt.Key.Key_Return)  # adds, does not save
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.notes_edit, "Ask for three years of actuals.")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(TopicEditor, fill)
    window.new_item_action.trigger()  # Ctrl+N

    (stored,) = ws.topics.list()
    assert stored.title == "IT budget & cost lines <2025>"
    assert stored.category is TopicCategory.FINANCES
    assert stored.sources == (
        TopicSource(stakeholder_id=cfo, stakeholder_name="刘芳"),
        TopicSource(document="IT budget 2025"),
    )
    assert stored.notes == "Ask for three years of actuals."
    assert topic_rows(page) == [("Finances", "IT budget & cost lines <2025>", "To learn")]
    assert page.tree.currentItem().text(COL_SOURCES) == "刘芳, IT budget 2025"
    assert page.selected_topic_id() == stored.id

    window.undo_action.trigger()
    assert ws.topics.list() == []


def test_a_refused_topic_keeps_the_dialog_open_with_the_reason(
    window: MainWindow, ws: Workspace, qtbot, modals
) -> None:
    page = open_agenda(window)
    page.offer_card.empty_button.click()
    seen: dict[str, str] = {}

    def fill(dialog: TopicEditor) -> None:
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        save.click()
        seen["title"] = dialog.errors.text("title")
        qtbot.keyClicks(dialog.title_edit, "Plants")
        qtbot.keyClicks(dialog.person_combo.lineEdit(), "Nobody Known")
        save.click()
        seen["sources"] = dialog.errors.text("sources")
        seen["open"] = str(dialog.isVisible())
        dialog.reject()

    modals.when_shown(TopicEditor, fill)
    page.new_button.click()

    assert seen["title"] == "Topic cannot be empty."
    assert "Nobody Known is not in your register" in seen["sources"]
    assert seen["open"] == "True"
    assert ws.topics.list() == []
    assert window.undo_action.text() == "&Undo Start with an empty agenda"  # nothing recorded


def test_edit_a_topic_and_undo(window: MainWindow, ws: Workspace, qtbot, modals) -> None:
    ws.topics.add(TopicData("Plants", TopicCategory.BUSINESS, notes="Two plants"))
    page = open_agenda(window)
    select_topic(page, "Plants")

    def edit(dialog: TopicEditor) -> None:
        dialog.title_edit.clear()
        dialog.title_edit.insert("工厂与产能")
        dialog.status_combo.setCurrentIndex(2)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    modals.when_shown(TopicEditor, edit)
    page.edit_button.click()

    assert topic_rows(page) == [("Business", "工厂与产能", "Learnt")]
    window.undo_action.trigger()
    (restored,) = ws.topics.list()
    assert (restored.title, restored.status, restored.notes) == (
        "Plants",
        TopicStatus.TO_LEARN,
        "Two plants",
    )


# ---------------------------------------------------------------- quick changes


def test_change_status_with_a_click_and_with_space(window: MainWindow, ws: Workspace) -> None:
    ws.topics.add(TopicData("Budget cycle", TopicCategory.FINANCES))
    ws.topics.add(TopicData("IT budget", TopicCategory.FINANCES))
    page = open_agenda(window)
    select_topic(page, "Budget cycle")

    page.status_buttons.button(2).click()  # "Learnt"

    assert ws.topics.list()[0].status is TopicStatus.LEARNT
    assert page.progress_card.headline.text() == "1 of 2 learnt"
    finances = page.progress_card.category_meters[TopicCategory.FINANCES]
    assert finances[1].text() == "1/2"
    assert page.tree.currentItem().text(COL_TOPIC) == "Budget cycle"  # still selected

    page.tree.setFocus()
    QTest.keyClick(page.tree, Qt.Key.Key_Space)  # learnt -> to learn
    assert ws.topics.list()[0].status is TopicStatus.TO_LEARN
    window.undo_action.trigger()
    assert ws.topics.list()[0].status is TopicStatus.LEARNT
    window.undo_action.trigger()
    assert ws.topics.list()[0].status is TopicStatus.TO_LEARN


def test_move_and_delete_with_the_keyboard(window: MainWindow, ws: Workspace) -> None:
    for title in ("A", "B"):
        ws.topics.add(TopicData(title, TopicCategory.SYSTEMS))
    ws.topics.add(TopicData("Money", TopicCategory.FINANCES))
    page = open_agenda(window)
    select_topic(page, "B")
    assert not page.down_button.isEnabled()
    page.tree.setFocus()

    QTest.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [t.title for t in ws.topics.list(category=TopicCategory.SYSTEMS)] == ["B", "A"]
    assert not page.up_button.isEnabled()

    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    assert [t.title for t in ws.topics.list()] == ["A", "Money"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [t.title for t in ws.topics.list()] == ["A", "B", "Money"]


def test_new_topic_goes_to_the_selected_area(window: MainWindow, ws: Workspace, modals) -> None:
    ws.topics.add(TopicData("Competitors", TopicCategory.MARKET))
    page = open_agenda(window)
    select_topic(page, "Competitors")
    seen: list[str] = []

    def check(dialog: TopicEditor) -> None:
        seen.append(dialog.category_combo.currentText())
        dialog.reject()

    modals.when_shown(TopicEditor, check)
    page.new_item()
    assert seen == ["Market and customers"]


def test_open_item_selects_the_topic(window: MainWindow, ws: Workspace) -> None:
    ws.topics.add(TopicData("Plants", TopicCategory.BUSINESS))
    wanted = ws.topics.add(TopicData("Security", TopicCategory.SYSTEMS)).id
    window.open_item("topic", wanted)
    page = window.current_page()
    assert isinstance(page, AgendaPage)
    assert page.selected_topic_id() == wanted
