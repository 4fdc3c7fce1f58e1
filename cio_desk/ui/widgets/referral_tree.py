"""The referral snowball as a tree: who suggested the CIO talk to whom.

People nobody referred sit at the top, the people they named below them.
Names not yet in the register are shown in italics and say so; a person
named by several people is listed in full once and marked "see above"
elsewhere. The tree comes from `ws.tour.referral_tree()`; a thin item model
over it keeps a snowball of hundreds of names quick to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from cio_desk.services.tour import ReferralNode
from cio_desk.ui.theme import tone_color
from cio_desk.ui.widgets.columns import set_column_widths

COL_PERSON, COL_NAMED_BY, COL_MET = range(3)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NO_PARENT = -1


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferralTree", text)


@dataclass(frozen=True)
class _Entry:
    """A node with its place: its parent's entry number and its row under it."""

    node: ReferralNode
    parent: int
    row: int
    children: tuple[int, ...]


class ReferralTreeModel(QAbstractItemModel):
    """The forest of referrals, read-only; an index's internal id is its entry number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[_Entry] = []
        self._roots: tuple[int, ...] = ()
        self._tones: dict[str, QColor] = {}
        self._italic = QFont()

    def set_forest(
        self, roots: Sequence[ReferralNode], font: QFont, tones: dict[str, QColor]
    ) -> None:
        self.beginResetModel()
        self._tones = tones
        self._italic = QFont(font)
        self._italic.setItalic(True)
        self._entries = []
        self._roots = self._place(roots)
        self.endResetModel()

    def _place(self, roots: Sequence[ReferralNode]) -> tuple[int, ...]:
        """Number every node, parents before children, without recursion."""
        entries: list[list[Any]] = []
        top = []
        stack: list[tuple[ReferralNode, int, int]] = [
            (node, _NO_PARENT, row) for row, node in reversed(list(enumerate(roots)))
        ]
        while stack:
            node, parent, row = stack.pop()
            number = len(entries)
            entries.append([node, parent, row, []])
            if parent == _NO_PARENT:
                top.append(number)
            else:
                entries[parent][3].append(number)
            stack.extend(
                (child, number, i) for i, child in reversed(list(enumerate(node.children)))
            )
        # Children were appended in display order (the stack pops them first to last).
        self._entries = [_Entry(n, p, r, tuple(c)) for n, p, r, c in entries]
        return tuple(top)

    def node(self, index: _Index) -> ReferralNode | None:
        return self._entries[index.internalId()].node if index.isValid() else None

    def walk(self) -> list[QModelIndex]:
        """Every index of the first column, in display order (for tests and searches)."""
        return [self.createIndex(e.row, 0, i) for i, e in enumerate(self._entries)]

    # ------------------------------------------------------------ Qt model

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        children = self._entries[parent.internalId()].children if parent.isValid() else self._roots
        if not 0 <= row < len(children) or not 0 <= column < 3:
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._entries[index.internalId()].parent
        if parent == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(self._entries[parent].row, 0, parent)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        return len(self._entries[parent.internalId()].children)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Who referred whom"), _tr("Named by"), _tr("Met"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_NAMED_BY:
            return _tr("How many people suggested you talk to them")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._entries[index.internalId()].node
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(node, column)
        if role == Qt.ItemDataRole.FontRole and column == COL_PERSON and node.pending:
            return self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NAMED_BY:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PERSON:
            return self._tooltip(node)
        return None

    def _text(self, node: ReferralNode, column: int) -> str:
        if column == COL_PERSON:
            return _tr("{name} (see above)").format(name=node.name) if node.repeated else node.name
        if column == COL_NAMED_BY:
            return str(node.named_by) if node.named_by else ""
        if node.pending:
            return _tr("Not in register")
        return _tr("Met") if node.met else _tr("Not yet")

    def _colour(self, node: ReferralNode, column: int) -> QColor | None:
        if node.repeated:
            return self._tones.get("muted")
        if column != COL_MET:
            return None
        if node.pending:
            return self._tones.get("accent")
        return self._tones.get("good" if node.met else "warn")

    def _tooltip(self, node: ReferralNode) -> str | None:
        if node.repeated:
            return _tr("Named by several people; listed in full above.")
        if node.pending:
            return _tr("Not in your register yet: add them from the list on the right.")
        return _tr("Double-click to open this person.")


class ReferralTree(QTreeView):
    """A read-only tree of referrals; activating a person asks to open them."""

    person_activated = Signal(int)  # stakeholder id
    pending_selected = Signal(object)  # tuple of insight ids naming the selected pending name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree_model = ReferralTreeModel(self)
        self.setModel(self.tree_model)
        self.setAccessibleName(self.tr("Referrals"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setExpandsOnDoubleClick(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_PERSON, QHeaderView.ResizeMode.Stretch)
        set_column_widths(self, {COL_NAMED_BY: "000", COL_MET: _tr("Not in register")})
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.activated.connect(self._activated)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def set_forest(self, roots: Sequence[ReferralNode]) -> None:
        """Show these trees, fully expanded, keeping the selected person if still there."""
        kept = _key(self.current_node())
        palette = self.palette()
        tones = {tone: tone_color(palette, tone) for tone in ("muted", "accent", "good", "warn")}
        self.tree_model.set_forest(roots, self.font(), tones)
        self.expandAll()
        if kept is not None:
            for index in self.tree_model.walk():
                node = self.tree_model.node(index)
                if node is not None and not node.repeated and _key(node) == kept:
                    self.setCurrentIndex(index)
                    break

    def current_node(self) -> ReferralNode | None:
        return self.tree_model.node(self.currentIndex())

    def select_node(self, predicate: Any) -> bool:
        """Make the first node for which `predicate(node)` holds the current one."""
        for index in self.tree_model.walk():
            node = self.tree_model.node(index)
            if node is not None and predicate(node):
                self.setCurrentIndex(index)
                return True
        return False

    def selected_pending(self) -> tuple[int, ...]:
        """The referrals naming the selected pending name (empty if none is selected)."""
        node = self.current_node()
        return node.insight_ids if node is not None and node.pending else ()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        node = self.tree_model.node(index)
        if node is not None and node.stakeholder_id is not None:
            self.person_activated.emit(node.stakeholder_id)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.pending_selected.emit(self.selected_pending())


def _key(node: ReferralNode | None) -> object:
    if node is None:
        return None
    return ("id", node.stakeholder_id) if not node.pending else ("name", node.name)
