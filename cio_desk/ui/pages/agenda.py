"""The Learning agenda page: what the CIO must learn in week 1, and from whom.

Topics are grouped by the six areas of the method; each has a status, its
sources and notes. A new workspace is offered the starter agenda. Every
figure comes from `ws.topics`; every edit goes through the edit history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.topics import TopicData, TopicRecord
from cio_desk.store.enums import TopicCategory, TopicStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.topic_editor import TopicEditor
from cio_desk.ui.pages.agenda_cards import AgendaProgressCard, StarterOfferCard
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.theme import set_tone, tone_color
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.columns import set_column_widths
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from cio_desk.ui.widgets.person_picker import Person
from cio_desk.ui.widgets.read_only import EditControls

COL_TOPIC, COL_STATUS, COL_SOURCES, COL_NOTES = range(4)
_ID_ROLE = Qt.ItemDataRole.UserRole  # topic id on topic rows, None on category rows
_CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_TONES = {TopicStatus.LEARNT: "good", TopicStatus.IN_PROGRESS: "accent"}
_NEXT_STATUS = {
    TopicStatus.TO_LEARN: TopicStatus.IN_PROGRESS,
    TopicStatus.IN_PROGRESS: TopicStatus.LEARNT,
    TopicStatus.LEARNT: TopicStatus.TO_LEARN,
}


class AgendaPage(Page):
    """Topics by area with status, sources and notes; add, edit, reorder, tick off."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._topics: dict[int, TopicRecord] = {}
        self._build()
        self.edits = EditControls(
            self,
            (
                self.offer_card.use_button,
                self.offer_card.empty_button,
                self.starter_again_button,
                self.new_button,
                self.edit_button,
                self.delete_button,
                self.up_button,
                self.down_button,
                *self.status_buttons.buttons(),
                self.discard_button,
                self.edit_action,
                self.next_status_action,
                self.move_up_action,
                self.move_down_action,
                self.delete_action,
            ),
        )
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Learning agenda")

    def new_item_text(self) -> str | None:
        return self.tr("New topic…")

    def set_read_only(self, read_only: bool) -> None:
        self.edits.set_read_only(read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(14)
        self.header = PageHeader(
            self.tr("Learning agenda"),
            self.tr(
                "Week 1: decide what you need to learn about the business, and from whom. "
                "Name people and documents as sources, and tick topics off as you learn."
            ),
            self,
        )
        layout.addWidget(self.header)
        self.offer_card = StarterOfferCard(self)
        layout.addWidget(self.offer_card)
        self.agenda = QWidget(self)
        agenda_layout = QVBoxLayout(self.agenda)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.setSpacing(10)
        self.progress_card = AgendaProgressCard(self.agenda)
        agenda_layout.addWidget(self.progress_card)
        agenda_layout.addLayout(self._build_toolbar())
        self.empty_hint = self._build_empty_hint()
        agenda_layout.addWidget(self.empty_hint)
        self.tree = self._build_tree()
        agenda_layout.addWidget(self.tree, 1)
        layout.addWidget(self.agenda, 1)
        self.offer_spacer = QWidget(self)
        layout.addWidget(self.offer_spacer, 1)

    def _build_empty_hint(self) -> QWidget:
        hint = QWidget(self)
        row = QHBoxLayout(hint)
        row.setContentsMargins(0, 0, 0, 0)
        text = plain_label(
            self.tr(
                "Your agenda is empty. Add what you need to learn with New topic (Ctrl+N), "
                "or start from the suggested agenda."
            ),
            hint,
        )
        set_tone(text, "muted")
        self.starter_again_button = QPushButton(self.tr("Use the starter agenda"), hint)
        row.addWidget(text, 1)
        row.addWidget(self.starter_again_button)
        return hint

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.new_button = QPushButton(self.tr("New topic…"), self)
        self.new_button.setToolTip(self.tr("Add a topic to the selected area (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected topic (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected topic (Delete)"))
        self.up_button = self._arrow_button(Qt.ArrowType.UpArrow, self.tr("Move up (Alt+Up)"))
        self.down_button = self._arrow_button(
            Qt.ArrowType.DownArrow, self.tr("Move down (Alt+Down)")
        )
        for widget in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(plain_label(self.tr("Status:"), self, wrap=False))
        self.status_buttons = QButtonGroup(self)
        self.status_buttons.setExclusive(True)
        for status in TopicStatus:
            button = QToolButton(self)
            button.setText(fmt.topic_status_label(status))
            button.setCheckable(True)
            button.setToolTip(
                self.tr(
                    "Mark the selected topic “{status}” (Space moves to the next status)"
                ).format(status=fmt.topic_status_label(status))
            )
            self.status_buttons.addButton(button, list(TopicStatus).index(status))
            bar.addWidget(button)
        bar.addStretch(1)
        self.discard_button = QPushButton(self.tr("Discard agenda…"), self)
        self.discard_button.setToolTip(self.tr("Remove every topic (can be undone)"))
        bar.addWidget(self.discard_button)
        return bar

    def _arrow_button(self, arrow: Qt.ArrowType, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setArrowType(arrow)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(4)
        tree.setHeaderLabels(
            [self.tr("Topic"), self.tr("Status"), self.tr("Learn from"), self.tr("Notes")]
        )
        tree.setAccessibleName(self.tr("Learning topics"))
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setExpandsOnDoubleClick(False)
        set_column_widths(tree, {COL_STATUS: self.tr("No topics yet")})
        width = self.fontMetrics().averageCharWidth()
        tree.setColumnWidth(COL_TOPIC, 56 * width)
        tree.setColumnWidth(COL_SOURCES, 32 * width)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.edit_action = self._tree_action(tree, self.tr("Edit…"), "Return")
        self.next_status_action = self._tree_action(tree, self.tr("Next status"), "Space")
        self.move_up_action = self._tree_action(tree, self.tr("Move up"), "Alt+Up")
        self.move_down_action = self._tree_action(tree, self.tr("Move down"), "Alt+Down")
        self.delete_action = self._tree_action(
            tree, self.tr("Delete"), QKeySequence(QKeySequence.StandardKey.Delete)
        )
        return tree

    def _tree_action(self, tree: QTreeWidget, text: str, keys: str | QKeySequence) -> QAction:
        action = QAction(text, tree)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tree.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.offer_card.use_button.clicked.connect(self.use_starter_agenda)
        self.starter_again_button.clicked.connect(self.use_starter_agenda)
        self.offer_card.empty_button.clicked.connect(self.start_empty)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(self.move_selected_up)
        self.down_button.clicked.connect(self.move_selected_down)
        self.discard_button.clicked.connect(self.discard_agenda)
        self.status_buttons.idClicked.connect(self._status_clicked)
        self.tree.currentItemChanged.connect(self._update_actions)
        self.tree.itemDoubleClicked.connect(self._item_double_clicked)
        self.edit_action.triggered.connect(self.edit_selected)
        self.next_status_action.triggered.connect(self.next_status)
        self.move_up_action.triggered.connect(self.move_selected_up)
        self.move_down_action.triggered.connect(self.move_selected_down)
        self.delete_action.triggered.connect(self.delete_selected)

    # ------------------------------------------------------------ refresh

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        offer = ws.topics.starter_offer_pending()
        self.offer_card.setVisible(offer)
        self.offer_spacer.setVisible(offer)
        self.agenda.setVisible(not offer)
        if offer:
            self.offer_card.show_preview(ws.topics.starter_agenda())
            return
        topics = ws.topics.list()
        self._topics = {t.id: t for t in topics}
        self.progress_card.show_progress(ws.topics.progress(), ws.topics.progress_by_category())
        self.empty_hint.setVisible(not topics)
        self.edits.set_enabled(self.discard_button, bool(topics))
        self._fill_tree(topics)
        self._update_actions()

    def _fill_tree(self, topics: list[TopicRecord]) -> None:
        selected = self.selected_topic_id()
        selected_category = self.selected_category()
        collapsed = {
            item.data(0, _CATEGORY_ROLE) for item in self._category_items() if not item.isExpanded()
        }
        self.tree.clear()
        by_category: dict[TopicCategory, list[TopicRecord]] = {c: [] for c in TopicCategory}
        for topic in topics:
            by_category[topic.category].append(topic)
        current: QTreeWidgetItem | None = None
        for category, members in by_category.items():
            parent = self._category_item(category, len(members))
            for topic in members:
                item = self._topic_item(parent, topic)
                if topic.id == selected:
                    current = item
            parent.setExpanded(category not in collapsed)
            if current is None and selected is None and category == selected_category:
                current = parent
        if current is not None:
            self.tree.setCurrentItem(current)

    def _category_item(self, category: TopicCategory, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree)
        item.setText(COL_TOPIC, fmt.topic_category_label(category))
        font = QFont(self.tree.font())
        font.setBold(True)
        item.setFont(COL_TOPIC, font)
        item.setData(0, _ID_ROLE, None)
        item.setData(0, _CATEGORY_ROLE, category)
        if count == 0:
            item.setText(COL_STATUS, self.tr("No topics yet"))
        elif count == 1:
            item.setText(COL_STATUS, self.tr("1 topic"))
        else:
            item.setText(COL_STATUS, self.tr("{n} topics").format(n=count))
        item.setForeground(COL_STATUS, tone_color(self.palette(), "muted"))
        item.setFirstColumnSpanned(False)
        return item

    def _topic_item(self, parent: QTreeWidgetItem, topic: TopicRecord) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setData(0, _ID_ROLE, topic.id)
        item.setData(0, _CATEGORY_ROLE, topic.category)
        item.setText(COL_TOPIC, topic.title)
        item.setToolTip(COL_TOPIC, topic.title)
        item.setText(COL_STATUS, fmt.topic_status_label(topic.status))
        tone = _STATUS_TONES.get(topic.status, "muted")
        item.setForeground(COL_STATUS, tone_color(self.palette(), tone))
        sources = self.tr(", ").join(s.label for s in topic.sources)
        item.setText(COL_SOURCES, sources)
        item.setToolTip(COL_SOURCES, "\n".join(s.label for s in topic.sources))
        first_line = topic.notes.strip().split("\n", 1)[0] if topic.notes.strip() else ""
        item.setText(COL_NOTES, first_line)
        item.setToolTip(COL_NOTES, topic.notes[:2000])
        return item

    def _category_items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    # ------------------------------------------------------------ selection

    def selected_topic_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, _ID_ROLE) if item is not None else None

    def selected_category(self) -> TopicCategory | None:
        item = self.tree.currentItem()
        return item.data(0, _CATEGORY_ROLE) if item is not None else None

    def _selected_topic(self) -> TopicRecord | None:
        topic_id = self.selected_topic_id()
        return self._topics.get(topic_id) if topic_id is not None else None

    @Slot()
    def _update_actions(self) -> None:
        topic = self._selected_topic()
        has_topic = topic is not None
        up, down = self._can_move(topic)
        for control, enabled in (
            (self.edit_button, has_topic),
            (self.delete_button, has_topic),
            (self.edit_action, has_topic),
            (self.delete_action, has_topic),
            (self.next_status_action, has_topic),
            (self.up_button, up),
            (self.move_up_action, up),
            (self.down_button, down),
            (self.move_down_action, down),
            *((button, has_topic) for button in self.status_buttons.buttons()),
        ):
            self.edits.set_enabled(control, enabled)
        self.status_buttons.setExclusive(False)
        for index, status in enumerate(TopicStatus):
            self.status_buttons.button(index).setChecked(has_topic and topic.status is status)
        self.status_buttons.setExclusive(True)

    def _can_move(self, topic: TopicRecord | None) -> tuple[bool, bool]:
        if topic is None:
            return False, False
        same = [t.id for t in self._topics.values() if t.category is topic.category]
        here = same.index(topic.id)
        return here > 0, here < len(same) - 1

    def open_item(self, kind: str, item_id: int) -> None:
        if kind != "topic":
            return
        self.refresh()
        for category in self._category_items():
            for row in range(category.childCount()):
                child = category.child(row)
                if child.data(0, _ID_ROLE) == item_id:
                    category.setExpanded(True)
                    self.tree.setCurrentItem(child)
                    self.tree.scrollToItem(child)
                    self.tree.setFocus()
                    return

    # ------------------------------------------------------------ edits

    def _people(self) -> list[Person]:
        assert self._workspace is not None
        people = self._workspace.stakeholders.list()
        return [
            (p.id, p.name, self.tr(" · ").join(x for x in (p.title, p.unit) if x)) for p in people
        ]

    @Slot()
    def new_item(self) -> None:
        ws = self._workspace
        if ws is None:
            return

        def save(data: TopicData) -> TopicRecord:
            return self._context.history.perform(
                self.tr("Add topic"),
                do=lambda: ws.topics.add(data),
                undo=lambda added: ws.topics.delete(added.id),
                redo=lambda added: ws.topics.restore(added),
            )

        saved, accepted = TopicEditor.edit_topic(
            self, self._people(), save, category=self.selected_category()
        )
        if accepted and saved is not None:
            self.open_item("topic", saved.id)

    @Slot()
    def edit_selected(self) -> None:
        ws, topic = self._workspace, self._selected_topic()
        if ws is None or topic is None:
            return

        def save(data: TopicData) -> TopicRecord:
            return self._context.history.perform(
                self.tr("Edit topic"),
                do=lambda: ws.topics.update(topic.id, **_fields(data)),
                undo=lambda _r: ws.topics.update(topic.id, **_fields(topic)),
            )

        saved, accepted = TopicEditor.edit_topic(self, self._people(), save, topic=topic)
        if accepted and saved is not None:
            self.open_item("topic", saved.id)

    @Slot()
    def delete_selected(self) -> None:
        ws, topic = self._workspace, self._selected_topic()
        if ws is None or topic is None:
            return
        self._context.history.perform(
            self.tr("Delete topic"),
            do=lambda: ws.topics.delete(topic.id),
            undo=lambda deleted: ws.topics.restore(deleted),
            redo=lambda deleted: ws.topics.delete(deleted.id),
        )

    def set_selected_status(self, status: TopicStatus) -> None:
        ws, topic = self._workspace, self._selected_topic()
        if ws is None or topic is None or topic.status is status:
            return
        before = topic.status
        self._context.history.perform(
            self.tr("Mark topic “{status}”").format(status=fmt.topic_status_label(status)),
            do=lambda: ws.topics.set_status(topic.id, status),
            undo=lambda _r: ws.topics.set_status(topic.id, before),
        )

    @Slot(int)
    def _status_clicked(self, index: int) -> None:
        self.set_selected_status(list(TopicStatus)[index])

    @Slot()
    def next_status(self) -> None:
        topic = self._selected_topic()
        if topic is not None:
            self.set_selected_status(_NEXT_STATUS[topic.status])

    @Slot()
    def move_selected_up(self) -> None:
        self._move_selected(-1)

    @Slot()
    def move_selected_down(self) -> None:
        self._move_selected(1)

    def _move_selected(self, step: int) -> None:
        ws, topic = self._workspace, self._selected_topic()
        if ws is None or topic is None:
            return
        self._context.history.perform(
            self.tr("Move topic"),
            do=lambda: ws.topics.move(topic.id, step),
            undo=lambda previous: ws.topics.reorder(previous),
        )

    @Slot()
    def use_starter_agenda(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        self._context.history.perform(
            self.tr("Use the starter agenda"),
            do=ws.topics.adopt_starter_agenda,
            undo=lambda added: ws.topics.reopen_starter_offer(added),
        )

    @Slot()
    def start_empty(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        self._context.history.perform(
            self.tr("Start with an empty agenda"),
            do=ws.topics.decline_starter_agenda,
            undo=lambda _r: ws.topics.reopen_starter_offer(),
        )
        self.new_button.setFocus()

    @Slot()
    def discard_agenda(self) -> None:
        ws = self._workspace
        if ws is None or not self._topics:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard agenda"),
            self.tr(
                "Remove all {n} topics from your learning agenda? You can undo this with Ctrl+Z."
            ).format(n=len(self._topics)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._context.history.perform(
            self.tr("Discard the learning agenda"),
            do=ws.topics.discard_all,
            undo=lambda removed: ws.topics.restore_all(removed),
            redo=lambda _removed: ws.topics.discard_all(),
        )

    @Slot(QTreeWidgetItem, int)
    def _item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, _ID_ROLE) is None:
            item.setExpanded(not item.isExpanded())
        elif not self.edits.read_only:
            self.edit_selected()


def _fields(topic: TopicData) -> dict[str, object]:
    return {
        "title": topic.title,
        "category": topic.category,
        "status": topic.status,
        "notes": topic.notes,
        "sources": topic.sources,
    }
