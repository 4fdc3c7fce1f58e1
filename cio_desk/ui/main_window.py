"""The main window: a sidebar of pages, the File menu, and the status bar.

It stays thin: the open workspace lives in a `WorkspaceController`, the
File menu's workspace handling (new, open, save as, backups, open for
changes) in `WorkspaceActions`, each screen is a `Page`, and each dialog is
its own module.

The window can be shown before its workspace is open: start-up shows it
at once and opens the file afterwards, so this module and what it imports
at load time stay clear of the store (SQLAlchemy) and of the pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cio_desk import APP_NAME, __version__
from cio_desk.store import paths
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.lock import LockGuard
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.catalog import PageEntry, page_entries
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.translations import remember_language
from cio_desk.ui.undo import EditHistory
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.read_only_banner import ReadOnlyBanner
from cio_desk.ui.workspace_actions import WorkspaceActions

if TYPE_CHECKING:
    from cio_desk.ui.pages.today import TodayPage
    from cio_desk.workspace import Workspace

DEFAULT_SIZE = QSize(1280, 800)
SIDEBAR_WIDTH = 200


class MainWindow(QMainWindow):
    """Pages listed in a sidebar, with File, Edit, View and Help menus and a status bar."""

    def __init__(
        self,
        controller: WorkspaceController,
        *,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._now = now
        self._settings = QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
        self.history = EditHistory(self)
        self.context = PageContext(now=now, history=self.history, open_item=self.open_item)
        self._entries: list[PageEntry] = []
        self._built: dict[int, Page] = {}
        self._pages_ready = False  # pages are built once a workspace is open
        self._build()
        self._build_menus()
        self.add_entry(PageEntry(self.tr("Today"), self._build_today_page))
        for entry in page_entries():
            self.add_entry(entry)
        self._connect_signals()
        self._restore_state()
        if controller.has_workspace:
            self._show_workspace(controller.workspace)
        else:
            self._enable_workspace_actions(False)

    @property
    def controller(self) -> WorkspaceController:
        return self._controller

    @property
    def today_page(self) -> TodayPage:
        return self.page_at(0)  # type: ignore[return-value]

    def _build_today_page(self, context: PageContext, parent: QWidget) -> Page:
        from cio_desk.ui.pages.today import TodayPage

        page = TodayPage(self._now, parent, context=context)
        page.edit_profile_requested.connect(self._edit_profile)
        return page

    def show_opening(self, path: Path) -> None:
        """Say which file is being opened while the window waits for it."""
        self.setWindowTitle(self.tr("{name} — {app}").format(name=path.name, app=APP_NAME))
        self._workspace_label.setText(self.tr("Opening {name}…").format(name=path.name))
        self._workspace_label.setToolTip(str(path))

    # ------------------------------------------------------------ pages

    def add_page(self, page: Page, kinds: frozenset[str] = frozenset()) -> None:
        """List an already built `page` in the sidebar."""
        self.add_entry(PageEntry(page.page_title(), lambda _c, _p: page, kinds), page)

    def add_entry(self, entry: PageEntry, page: Page | None = None) -> None:
        """List a page in the sidebar, with Ctrl+1..9 and a View menu entry.

        Unless given, the page is built the first time it is shown.
        """
        index = len(self._entries)
        self._entries.append(entry)
        if page is None:
            self._stack.addWidget(self._placeholder())  # replaced when first shown
        else:
            self._adopt_page(index, page)
        self._sidebar.addItem(QListWidgetItem(entry.title))
        action = QAction(entry.title.replace("&", "&&"), self)  # "Review & export"
        if index < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setToolTip(f"{entry.title} ({action.shortcut().toString()})")
        action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
        self._view_menu.insertAction(self._pages_end, action)
        if index == 0:
            self._sidebar.setCurrentRow(0)

    def _placeholder(self) -> QWidget:
        """What stands for a page until it is built: seen only while a file opens."""
        label = plain_label(self.tr("Opening the workspace…"), self._stack)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        return label

    def _adopt_page(self, index: int, page: Page) -> None:
        self._built[index] = page
        placeholder = self._stack.widget(index)
        was_current = self._stack.currentIndex() == index
        self._stack.insertWidget(index, page)
        if placeholder is not None:
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if was_current:
            self._stack.setCurrentIndex(index)
        page.new_item_changed.connect(self._show_new_item)
        page.set_read_only(self._read_only())
        page.set_workspace(self._controller.workspace)

    def page_at(self, index: int) -> Page:
        """The page at `index`, built now if it was not yet."""
        if index not in self._built:
            self._adopt_page(index, self._entries[index].factory(self.context, self._stack))
        return self._built[index]

    def pages(self) -> list[Page]:
        """Every page, building the ones not shown yet."""
        return [self.page_at(i) for i in range(len(self._entries))]

    def current_page(self) -> Page:
        return self.page_at(self._stack.currentIndex())

    @Slot(int)
    def show_page(self, index: int) -> None:
        if 0 <= index < len(self._entries):
            self._sidebar.setCurrentRow(index)

    def open_item(self, kind: str, item_id: int) -> None:
        """Show the page that owns `kind` with the item `item_id` selected."""
        for index, entry in enumerate(self._entries):
            if kind in entry.kinds:
                self.show_page(index)
                self.page_at(index).open_item(kind, item_id)
                return

    def opens_kind(self, kind: str) -> bool:
        """Whether some page shows items of `kind` (search hits, links)."""
        return any(kind in entry.kinds for entry in self._entries)

    @Slot()
    def _search(self) -> None:
        from cio_desk.ui.dialogs.search import SearchDialog

        hit, accepted = SearchDialog.find_item(self, self._controller.workspace, self.opens_kind)
        if accepted and hit is not None:
            self.open_item(hit.open_kind, hit.open_id)

    @Slot(int)
    def _page_selected(self, index: int) -> None:
        if index < 0 or not self._pages_ready:
            return
        self.page_at(index)
        self._stack.setCurrentIndex(index)
        self._show_new_item()

    @Slot()
    def _show_new_item(self) -> None:
        """Edit > New names what Ctrl+N creates on the page (or tab) in view."""
        if self._stack.currentIndex() not in self._built:
            self.new_item_action.setEnabled(False)
            return
        label = self.current_page().new_item_text()
        self.new_item_action.setEnabled(label is not None and not self._read_only())
        self.new_item_action.setText(label or self.tr("New item"))

    @Slot()
    def _new_item(self) -> None:
        self.current_page().new_item()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner(central)
        column.addWidget(self.read_only_banner)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        column.addLayout(layout, 1)
        self._sidebar = QListWidget(central)
        self._sidebar.setObjectName("sidebar")
        self._sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self._sidebar.setAccessibleName(self.tr("Pages"))
        self._stack = QStackedWidget(central)
        layout.addWidget(self._sidebar)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._workspace_label = QLabel(self)
        self._workspace_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self._workspace_label)

    def _action(
        self, text: str, slot: Callable[[], None], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        self.workspace_actions = WorkspaceActions(self, self._controller, now=self._now)
        files = self.workspace_actions
        self.new_action, self.open_action = files.new_action, files.open_action
        self.save_as_action = files.save_as_action
        self.backup_action, self.restore_action = files.backup_action, files.restore_action
        self.export_action = self._action(
            self.tr("&Export PDF…"), self._export_pdf, QKeySequence("Ctrl+E")
        )
        self.export_action.setToolTip(self.tr("Export the plan as a PDF (Ctrl+E)"))
        self.profile_action = self._action(
            self.tr("Edit &profile…"), self._edit_profile, QKeySequence(keys.Preferences)
        )
        quit_keys = QKeySequence(keys.Quit)
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, quit_keys if not quit_keys.isEmpty() else "Ctrl+Q"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions(files.file_actions())
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.profile_action)
        self.lock_guard = LockGuard(self, self._controller, self._settings)
        file_menu.addActions(self.lock_guard.menu_actions())
        file_menu.addSeparator()
        file_menu.addActions(files.backup_actions())
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.history.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.history.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
        self.new_item_action = self._action(
            self.tr("New item"), self._new_item, QKeySequence(keys.New)
        )
        self.new_item_action.setEnabled(False)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_item_action)
        self.search_action = self._action(
            self.tr("&Search everywhere…"), self._search, QKeySequence("Ctrl+K")
        )
        self.search_action.setToolTip(self.tr("Search everywhere (Ctrl+K)"))
        edit_menu.addAction(self.search_action)
        self._edit_menu = edit_menu

        self._view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._refresh_action = self._action(
            self.tr("&Refresh"), self._refresh, QKeySequence(keys.Refresh)
        )
        self._pages_end = self._view_menu.addSeparator()  # page entries go above it
        self._view_menu.addAction(self._refresh_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About CIO Desk"), self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self._sidebar.currentRowChanged.connect(self._page_selected)
        self._controller.workspace_changed.connect(self._show_workspace)
        self.history.changed.connect(self._refresh)
        self.history.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.read_only_banner.reopen_requested.connect(self.workspace_actions.reopen_for_changes)
        self.workspace_actions.content_changed.connect(self._refresh)

    # ------------------------------------------------------------ window state

    def _restore_state(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = self._settings.value("main_window/state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self.resize(self._default_size())
        self.show_page(int(self._settings.value("main_window/page", 0) or 0))

    def _default_size(self) -> QSize:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry().size() * 0.9
        return DEFAULT_SIZE.boundedTo(available)

    def save_state(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/page", self._stack.currentIndex())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    # ------------------------------------------------------------ workspace

    def _enable_workspace_actions(self, enabled: bool) -> None:
        """Actions on the open workspace wait until there is one (WorkspaceActions does its own)."""
        self._sidebar.setEnabled(enabled)
        for action in (
            self.export_action,
            self.profile_action,
            self.search_action,
            self._refresh_action,
            self.lock_guard.settings_action,  # Lock now follows the workspace's encryption
        ):
            action.setEnabled(enabled)

    @Slot(object)
    def _show_workspace(self, workspace: Workspace) -> None:
        self._enable_workspace_actions(True)
        name = workspace.path.name
        titled = self.tr("{name} (read-only)").format(name=name) if workspace.read_only else name
        self.setWindowTitle(self.tr("{name} — {app}").format(name=titled, app=APP_NAME))
        self.setWindowFilePath(str(workspace.path))
        self._workspace_label.setText(name)
        self._workspace_label.setToolTip(str(workspace.path))
        self.history.clear()  # edits of another file cannot be undone here
        self._show_read_only(workspace)
        for page in self._built.values():
            page.set_read_only(workspace.read_only)
            page.set_workspace(workspace)
        if not self._pages_ready:
            self._pages_ready = True
            self._page_selected(self._sidebar.currentRow())

    def _read_only(self) -> bool:
        return self._controller.has_workspace and self._controller.workspace.read_only

    def _show_read_only(self, workspace: Workspace) -> None:
        """Say so at the top when nothing can be changed, and disable what would change it."""
        if workspace.read_only:
            self.read_only_banner.show_for(workspace.path)
        else:
            self.read_only_banner.hide()
        writable = not workspace.read_only
        self.profile_action.setEnabled(writable)
        self.undo_action.setEnabled(writable and self.history.stack.canUndo())
        self.redo_action.setEnabled(writable and self.history.stack.canRedo())
        self._show_new_item()

    @Slot()
    def _edit_profile(self) -> None:
        from cio_desk.ui.dialogs.first_run import ProfileDialog

        workspace = self._controller.workspace
        before = workspace.profile.get()
        saved, accepted = ProfileDialog.edit_profile(
            self, workspace, today=self._now().date(), first_run=before is None
        )
        if not accepted or saved is None:
            return
        self._refresh()
        if before is not None and before.language != saved.language:
            remember_language(saved.language)
            self.statusBar().showMessage(
                self.tr("The new language applies the next time you start CIO Desk."), 8000
            )

    @Slot()
    def _export_pdf(self) -> None:
        from cio_desk.ui.dialogs.export_dialog import ExportDialog

        workspace = self._controller.workspace
        _result, exported = ExportDialog.export_plan(self, workspace, now=self._now)
        if exported:
            self._refresh()

    @Slot()
    def _refresh(self) -> None:
        if self._entries and self._controller.has_workspace:
            self.current_page().refresh()

    @Slot()
    def _about(self) -> None:
        import html

        workspace = self._controller.workspace
        text = self.tr(
            "<h3>{app} {version}</h3>"
            "<p>An offline desk for a newly appointed CIO: stakeholders, the first 30 days "
            "and the 6/12/24-month transition plan.</p>"
            "<p><b>Workspace:</b> {workspace}<br><b>Data folder:</b> {data}<br>"
            "<b>Log folder:</b> {logs}</p>"
        ).format(
            app=APP_NAME,
            version=__version__,
            workspace=html.escape(str(workspace.path)),
            data=html.escape(str(paths.data_dir())),
            logs=html.escape(str(paths.log_dir())),
        )
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME), text)
