"""What every page in the sidebar shares: a title, a workspace, a refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace


class Page(QWidget):
    """A screen listed in the sidebar.

    The main window hands each page the open workspace with `set_workspace`;
    the page reads what it shows in `refresh`, which runs whenever the page
    is shown and whenever the workspace changes while it is visible.
    A page may also open items (`open_item`, used by search and links from
    other pages) and create one (`new_item`, Ctrl+N).
    """

    # The label of the "new" action changed (a page with tabs switched tab).
    new_item_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = None

    def page_title(self) -> str:
        """The name in the sidebar and the window title."""
        raise NotImplementedError

    @property
    def workspace(self) -> Workspace | None:
        return self._workspace

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._workspace = workspace
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the workspace again and update every figure on the page."""
        raise NotImplementedError

    def open_item(self, kind: str, item_id: int) -> None:
        """Select and show the item `item_id` of `kind` (one of the entry's kinds)."""

    def set_read_only(self, read_only: bool) -> None:
        """Disable (or enable again) every control on the page that changes the workspace.

        Called by the main window when a page is built and whenever its workspace
        is opened read-only or for changes; pages without edit controls keep this.
        """

    def new_item_text(self) -> str | None:
        """The label of this page's "new" action (e.g. "New stakeholder"), if any."""
        return None

    def new_item(self) -> None:
        """Start creating a new item (Ctrl+N while the page is shown)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
