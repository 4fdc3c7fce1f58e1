"""The editable tables of the initiative editor: cell editors and the table with its buttons.

The rows live in the models of `cost_lines.py`; a refused amount is shown
under the table, line by line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.plan_rows import FIRST_MONTH, LAST_MONTH
from cio_desk.ui.dialogs.cost_lines import PartsModel
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("CostLines", text)


# ---------------------------------------------------------------- delegates


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of (label, value) pairs."""

    def __init__(
        self, choices: Sequence[tuple[str, object]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self._choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(editor.findData(value), 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MonthDelegate(QStyledItemDelegate):
    """Edits a plan month (1-24) with a spin box; other months cannot be typed."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(FIRST_MONTH, LAST_MONTH)
        spin.setPrefix(_tr("Month "))
        return spin

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


# ---------------------------------------------------------------- the table widget


class PartsTable(QWidget):
    """An editable table with Add and Remove buttons and a line for refused cells."""

    def __init__(
        self,
        model: PartsModel,
        *,
        add_text: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.setToolTip(self.tr("Type to change a cell, or press F2."))
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if model.month_column is not None:
            self.view.setItemDelegateForColumn(model.month_column, MonthDelegate(self.view))
        layout.addWidget(self.view, 1)
        self.message_label = plain_label("", self)
        set_tone(self.message_label, "warn")
        self.message_label.hide()
        layout.addWidget(self.message_label)
        self.empty_label = plain_label(empty_text, self)
        set_tone(self.empty_label, "muted")
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected line (Delete)"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._connect_signals()
        self._update()

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.model.changed.connect(self._update)

    def set_column_widths(self, widths: Sequence[int]) -> None:
        """Widths of the first columns, in average character widths."""
        char = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate(widths):
            self.view.setColumnWidth(column, chars * char)

    @Slot()
    def add_line(self) -> None:
        """Add a line and start typing in its first useful cell."""
        row = self.model.add_row()
        column = self.model.amount_column
        if column is None:
            column = self.model.columnCount() - 1
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    @Slot()
    def remove_line(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete and self.view.hasFocus():
            self.remove_line()
            return
        super().keyPressEvent(event)

    @Slot()
    def _update(self) -> None:
        error = self.model.first_error()
        self.message_label.setText(error)
        self.message_label.setVisible(bool(error))
        rows = self.model.rowCount()
        self.empty_label.setVisible(rows == 0)
        self.remove_button.setEnabled(rows > 0)
