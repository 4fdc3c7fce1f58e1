"""The learning-topic editor: what to learn, in which area, and from whom.

Sources are people from the register and named documents. The dialog saves
through the `save` callback it is given (the page records the edit for
undo); a refused value is explained under its field and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.services.topics import TopicData, TopicRecord, TopicSource
from cio_desk.store.enums import TopicCategory, TopicStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.field_errors import FormErrors
from cio_desk.ui.widgets.person_picker import Person, PersonPicker

SaveTopic = Callable[[TopicData], TopicRecord]
_SOURCE_ROLE = Qt.ItemDataRole.UserRole
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TopicEditor(QDialog):
    """Add or edit one learning topic."""

    def __init__(
        self,
        people: Sequence[Person],
        save: SaveTopic,
        *,
        topic: TopicRecord | None = None,
        category: TopicCategory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._people = list(people)
        self._save_topic = save
        self._saved: TopicRecord | None = None
        self.setWindowTitle(self.tr("Edit topic") if topic else self.tr("New topic"))
        self.setMinimumWidth(520)
        self._build()
        self._fill(topic, category)
        self._connect_signals()

    @classmethod
    def edit_topic(
        cls,
        parent: QWidget | None,
        people: Sequence[Person],
        save: SaveTopic,
        *,
        topic: TopicRecord | None = None,
        category: TopicCategory | None = None,
    ) -> tuple[TopicRecord | None, bool]:
        """Show the dialog; returns the saved topic and whether it was saved."""
        dialog = cls(people, save, topic=topic, category=category, parent=parent)
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        saved = dialog.saved_topic()
        dialog.deleteLater()
        return saved, accepted

    def saved_topic(self) -> TopicRecord | None:
        return self._saved

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FormErrors(form, self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. How the budget cycle works"))
        self.category_combo = QComboBox(self)
        for category in TopicCategory:
            self.category_combo.addItem(fmt.topic_category_label(category), category)
        self.status_combo = QComboBox(self)
        for status in TopicStatus:
            self.status_combo.addItem(fmt.topic_status_label(status), status)
        self.errors.add_row("title", self.tr("&Topic"), self.title_edit)
        self.errors.add_row("category", self.tr("&Area"), self.category_combo)
        self.errors.add_row("status", self.tr("&Status"), self.status_combo)
        self.errors.add_row("sources", self.tr("Learn &from"), self._build_sources())
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("What you learnt, questions to ask…"))
        self.errors.add_row("notes", self.tr("&Notes"), self.notes_edit)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)

    def _build_sources(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.sources_list = QListWidget(box)
        self.sources_list.setAccessibleName(self.tr("Sources"))
        self.sources_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.remove_source_button = QPushButton(self.tr("Remove"), box)
        self.remove_source_button.setToolTip(self.tr("Remove the selected source (Delete)"))
        self.person_combo = PersonPicker(box)
        self.person_combo.set_people(self._people)
        self.person_combo.lineEdit().setPlaceholderText(self.tr("A person from the register"))
        self.add_person_button = QPushButton(self.tr("Add person"), box)
        self.document_edit = QLineEdit(box)
        self.document_edit.setMaxLength(500)
        self.document_edit.setPlaceholderText(self.tr("A document, e.g. Annual report 2025"))
        self.add_document_button = QPushButton(self.tr("Add document"), box)
        for button in (self.remove_source_button, self.add_person_button, self.add_document_button):
            button.setAutoDefault(False)
        grid.addWidget(self.sources_list, 0, 0)
        grid.addWidget(self.remove_source_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.person_combo, 1, 0)
        grid.addWidget(self.add_person_button, 1, 1)
        grid.addWidget(self.document_edit, 2, 0)
        grid.addWidget(self.add_document_button, 2, 1)
        return box

    def _fill(self, topic: TopicRecord | None, category: TopicCategory | None) -> None:
        if topic is None:
            chosen = category or TopicCategory.BUSINESS
            self.category_combo.setCurrentIndex(self.category_combo.findData(chosen))
            self._update_remove_button()
            return
        self.title_edit.setText(topic.title)
        self.category_combo.setCurrentIndex(self.category_combo.findData(topic.category))
        self.status_combo.setCurrentIndex(self.status_combo.findData(topic.status))
        self.notes_edit.setPlainText(topic.notes)
        for source in topic.sources:
            self._append_source(source)
        self._update_remove_button()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.add_person_button.clicked.connect(self.add_person)
        self.add_document_button.clicked.connect(self.add_document)
        self.remove_source_button.clicked.connect(self.remove_source)
        self.sources_list.currentRowChanged.connect(self._update_remove_button)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.sources_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_source)
        # Enter in a source field adds the source instead of saving the dialog.
        self.document_edit.installEventFilter(self)
        self.person_combo.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_enter = isinstance(event, QKeyEvent) and event.key() in _ENTER_KEYS
        if is_enter and event.type() == QEvent.Type.KeyPress:
            if watched is self.document_edit:
                self.add_document()
                return True
            if watched is self.person_combo.lineEdit():
                self.add_person()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ sources

    def sources(self) -> tuple[TopicSource, ...]:
        """The sources listed now, in order."""
        items = (self.sources_list.item(i) for i in range(self.sources_list.count()))
        return tuple(item.data(_SOURCE_ROLE) for item in items)

    @Slot()
    def add_person(self) -> bool:
        """Add the person typed or picked; False (with a message) if not in the register."""
        person, problem = self.person_combo.resolve()
        if problem:
            self.errors.show(ValidationError("sources", problem))
            return False
        if person is not None:
            person_id, name, _detail = person
            self._add_source(TopicSource(stakeholder_id=person_id, stakeholder_name=name))
        self.person_combo.clear_choice()
        return True

    @Slot()
    def add_document(self) -> None:
        name = self.document_edit.text().strip()
        if name:
            self._add_source(TopicSource(document=name))
        self.document_edit.clear()

    @Slot()
    def remove_source(self) -> None:
        row = self.sources_list.currentRow()
        if row >= 0:
            self.sources_list.takeItem(row)
        self._update_remove_button()

    def _add_source(self, source: TopicSource) -> None:
        if _source_key(source) not in {_source_key(s) for s in self.sources()}:
            self._append_source(source)
        self.errors.clear()
        self._update_remove_button()

    def _append_source(self, source: TopicSource) -> None:
        if source.stakeholder_id is not None:
            text = self.tr("{name} (person)").format(name=source.label)
        else:
            text = self.tr("{name} (document)").format(name=source.label)
        item = QListWidgetItem(text, self.sources_list)
        item.setData(_SOURCE_ROLE, source)
        item.setToolTip(source.label)

    @Slot()
    def _update_remove_button(self) -> None:
        self.remove_source_button.setEnabled(self.sources_list.currentRow() >= 0)

    # ------------------------------------------------------------ saving

    def topic_data(self) -> TopicData:
        """What the form holds now, not yet validated."""
        return TopicData(
            title=self.title_edit.text(),
            category=self.category_combo.currentData(),
            status=self.status_combo.currentData(),
            notes=self.notes_edit.toPlainText(),
            sources=self.sources(),
        )

    @Slot()
    def _save(self) -> None:
        self.errors.clear()
        # A source typed but not yet added is part of what the CIO meant to save.
        if not self.add_person():
            return
        self.add_document()
        try:
            self._saved = self._save_topic(self.topic_data())
        except ValidationError as error:
            self.errors.show(error)
            return
        self.accept()


def _source_key(source: TopicSource) -> tuple[int | None, str]:
    return (source.stakeholder_id, source.document.casefold())
