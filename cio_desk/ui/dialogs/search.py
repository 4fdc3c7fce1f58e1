"""Search everywhere (Ctrl+K): one box, results as you type, Enter jumps to the item.

    hit, accepted = SearchDialog.find_item(parent, ws, opens)

`opens(kind)` tells whether a page can show items of a kind (the main
window's page entries); hits no page opens yet are listed but say so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.search import SearchHit
from cio_desk.ui.models.search_results import (
    SearchHitDelegate,
    SearchResultsModel,
    not_openable_text,
)
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.workspace import Workspace

TYPING_PAUSE_MS = 120  # search once typing pauses, not on every key of a fast typist
_MAX_HITS = 60
_MOVE_KEYS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 8,
    Qt.Key.Key_PageUp: -8,
}


class SearchDialog(QDialog):
    """A search box over a list of hits."""

    def __init__(
        self, ws: Workspace, opens: Callable[[str], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._opens = opens
        self._searched = ""
        self.chosen: SearchHit | None = None
        self.setWindowTitle(self.tr("Search everywhere"))
        layout = QVBoxLayout(self)
        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(
            self.tr("People, meetings, insights, follow-ups, topics… any word, any language")
        )
        self.box.setAccessibleName(self.tr("Search"))
        self.status = plain_label(self.tr("Type a word or a name."), self)
        set_tone(self.status, "muted")
        self.results = QListView(self)
        self.model = SearchResultsModel(opens, self.results)
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName(self.tr("Results"))
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        line = self.fontMetrics().height()
        self.resize(line * 44, line * 30)
        self._connect_signals()
        self.box.setFocus()

    @classmethod
    def find_item(
        cls, parent: QWidget | None, ws: Workspace, opens: Callable[[str], bool]
    ) -> tuple[SearchHit | None, bool]:
        """Let the user search and pick; returns (hit, accepted)."""
        dialog = cls(ws, opens, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen, accepted

    def _connect_signals(self) -> None:
        self.box.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.search_now)
        self.box.installEventFilter(self)
        self.box.returnPressed.connect(self._choose_current)
        self.results.activated.connect(self._choose)

    # ------------------------------------------------------------ searching

    @Slot()
    def search_now(self) -> None:
        """Search for what the box says (the pause timer calls it)."""
        self._timer.stop()
        text = self.box.text().strip()
        if text == self._searched:
            return
        self._searched = text
        hits = self._ws.search.find(text, limit=_MAX_HITS) if text else []
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self._say(self._count_text(text, len(hits)))

    def _count_text(self, text: str, count: int) -> str:
        if not text:
            return self.tr("Type a word or a name.")
        if count == 0:
            return self.tr("Nothing matches “{text}”.").format(text=text)
        if count >= _MAX_HITS:
            return self.tr("The first {n} results; type more words to narrow them.").format(n=count)
        if count == 1:
            return self.tr("1 result. Enter opens it.")
        return self.tr("{n} results. Arrow keys pick one, Enter opens it.").format(n=count)

    def _say(self, text: str, tone: str = "muted") -> None:
        self.status.setText(text)
        set_tone(self.status, tone)

    def hits(self) -> list[SearchHit]:
        return [self.model.hit_at(i) for i in range(self.model.rowCount())]

    # ------------------------------------------------------------ choosing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = _MOVE_KEYS.get(Qt.Key(event.key()))
            if step is not None:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        self.search_now()
        count = self.model.rowCount()
        if not count:
            return
        current = self.results.currentIndex().row()
        row = min(count - 1, max(0, current + step)) if current >= 0 else 0
        self.results.setCurrentIndex(self.model.index(row))

    @Slot()
    def _choose_current(self) -> None:
        self.search_now()
        index = self.results.currentIndex()
        if index.isValid():
            self._choose(index)

    @Slot(QModelIndex)
    def _choose(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index.row())
        if not self._opens(hit.open_kind):
            self._say(not_openable_text(hit), "warn")
            return
        self.chosen = hit
        self.accept()
