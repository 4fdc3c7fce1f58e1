"""The org tree: who reports to whom, from `ws.register.org_tree()`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from cio_desk.services.register import OrgNode

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_EXPANDED_LEVELS = 3  # deeper levels open on demand
_COLUMNS = 3  # name, title, unit
_Index = QModelIndex | QPersistentModelIndex


class OrgTreeModel(QAbstractItemModel):
    """The reports-to forest; Qt asks only for the rows it shows, so 2,000 people cost little."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[int, OrgNode] = {}
        self._parent: dict[int, int | None] = {}
        self._row: dict[int, int] = {}  # position among the siblings
        self._roots: tuple[OrgNode, ...] = ()
        self._headers = (self.tr("Name"), self.tr("Title"), self.tr("Unit"))

    def set_nodes(self, roots: Sequence[OrgNode]) -> None:
        self.beginResetModel()
        self._roots = tuple(roots)
        self._nodes, self._parent, self._row = {}, {}, {}
        stack: list[tuple[int | None, int, OrgNode]] = [
            (None, i, node) for i, node in enumerate(self._roots)
        ]
        while stack:  # no recursion: reporting lines can be deep
            parent, row, node = stack.pop()
            self._nodes[node.id] = node
            self._parent[node.id] = parent
            self._row[node.id] = row
            stack.extend((node.id, i, child) for i, child in enumerate(node.children))
        self.endResetModel()

    def index_of(self, stakeholder_id: int) -> QModelIndex:
        if stakeholder_id not in self._nodes:
            return QModelIndex()
        return self.createIndex(self._row[stakeholder_id], 0, stakeholder_id)

    def person_count(self) -> int:
        return len(self._nodes)

    def _children(self, parent: _Index) -> tuple[OrgNode, ...]:
        if not parent.isValid():
            return self._roots
        return self._nodes[parent.internalId()].children

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < _COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, children[row].id)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._parent.get(index.internalId())
        return QModelIndex() if parent is None else self.createIndex(self._row[parent], 0, parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, _parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (node.name, node.title, node.unit)[index.column()]
        if role == ID_ROLE:
            return node.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and node.children:
            return self.tr("{name}: {n} direct reports").format(
                name=node.name, n=len(node.children)
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class OrgTreeView(QTreeView):
    """People under their managers; picking one emits `person_chosen`."""

    person_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = OrgTreeModel(self)
        self.setModel(self._model)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Org tree"))
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.fontMetrics().averageCharWidth()
        self.setColumnWidth(0, width * 32)
        self.setColumnWidth(1, width * 24)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_nodes(self, roots: Sequence[OrgNode]) -> None:
        """Show the forest; the person picked before stays picked if still there."""
        picked = self.current_id()
        self._model.set_nodes(roots)
        self.expandToDepth(_EXPANDED_LEVELS - 1)
        if picked is not None:
            self.select_person(picked)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_person(self, stakeholder_id: int) -> bool:
        """Pick and show a person; False if they are not in the tree (archived)."""
        index = self._model.index_of(stakeholder_id)
        if not index.isValid():
            return False
        if self.currentIndex() != index:
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)
        self.scrollTo(index)
        return True

    def person_count(self) -> int:
        return self._model.person_count()

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.signalsBlocked():
            self.person_chosen.emit(current.data(ID_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
            self.person_chosen.emit(self.current_id())
            return
        super().keyPressEvent(event)
