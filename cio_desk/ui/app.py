"""Starting the app: the QApplication, the workspace, the first-run dialog, the main window.

    run_app(path)          what `python main.py` calls; returns the exit code
    create_application()   the configured QApplication, for tests and benchmarks

Start-up imports only what the window needs to appear; the store, the
pages and the dialogs are imported once it is on screen.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMainWindow

from cio_desk import APP_NAME, __version__
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.theme import apply_style
from cio_desk.ui.translations import install_translators, remember_language, remembered_language

if TYPE_CHECKING:
    from cio_desk.store.crypto import Passphrase

EXIT_NO_WORKSPACE = 1
_OPEN_AT_THE_LATEST_MS = 500
_CONFIGURED = "cio-desk-configured"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, named and styled, with translations for the system language.

    Reuses an existing instance (tests), configuring it once.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv)
    if not app.property(_CONFIGURED):
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setApplicationVersion(__version__)
        install_translators(app, remembered_language())
        apply_style(app)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_style(app))
        app.setProperty(_CONFIGURED, True)
    return app


def run_app(
    workspace_path: Path,
    *,
    create: bool = True,
    on_ready: Callable[[QMainWindow], None] | None = None,
    now: Callable[[], dt.datetime] | None = None,
    passphrase: Passphrase | None = None,
) -> int:
    """Show the main window, then open `workspace_path` in it (created if missing when `create`).

    The window is on screen before the workspace is opened, so the user sees
    it at once; the file (and the store behind it) is loaded right after its
    first paint. A workspace that cannot be opened is explained in a dialog
    offering a backup, another file or a new one; an encrypted one is opened
    with `passphrase`, or asks for it. `on_ready(window)` runs once the
    workspace is shown; `now` replaces the clock. Returns the exit code: the
    event loop's, or EXIT_NO_WORKSPACE if the user gave up opening one.
    """
    app = create_application(sys.argv)
    clock = now or dt.datetime.now
    previous_hook = sys.excepthook
    controller = WorkspaceController()
    startup = _Startup(controller, Path(workspace_path), create, passphrase, clock, on_ready)
    try:
        code = app.exec()
        startup.close_window()  # still open when the app gave up opening a workspace
        # Closing the last window may have queued a second quit request; drop it so
        # a later event loop in this process (tests, benchmarks) is not ended by it.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        startup.raise_failure()
        return code
    finally:
        controller.close()
        sys.excepthook = previous_hook
        gc.unfreeze()


class _Startup(QObject):
    """Shows the window, then opens the workspace once the window has painted."""

    def __init__(
        self,
        controller: WorkspaceController,
        path: Path,
        create: bool,
        passphrase: Passphrase | None,
        now: Callable[[], dt.datetime],
        on_ready: Callable[[QMainWindow], None] | None,
    ) -> None:
        super().__init__(controller)
        self._controller, self._path, self._create = controller, path, create
        self._passphrase, self._now, self._on_ready = passphrase, now, on_ready
        # The language the window is built in: the last workspace's, else the system's.
        self._language = remembered_language() or QLocale.system().name()
        self._failure: BaseException | None = None
        self._started = False
        self.window = self._new_window()
        self.window.show_opening(path)
        self.window.installEventFilter(self)
        self.window.show()
        # Should no paint arrive (a hidden or minimised start), open anyway.
        QTimer.singleShot(_OPEN_AT_THE_LATEST_MS, self._start)

    def _new_window(self) -> MainWindow:
        return MainWindow(self._controller, now=self._now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._start)  # after this paint has reached the screen
        return False

    @Slot()
    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        self.window.removeEventFilter(self)
        try:
            # From here on, an unexpected error is logged and explained in a dialog.
            from cio_desk.ui.excepthook import install_excepthook

            install_excepthook()
            self._open()
        except BaseException as error:  # re-raised by run_app once the loop has ended
            self._failure = error
            QApplication.exit(EXIT_NO_WORKSPACE)

    def _open(self) -> None:
        from cio_desk.ui.dialogs.first_run import ProfileDialog
        from cio_desk.ui.opener import WorkspaceOpener

        quit_text = QCoreApplication.translate("App", "Quit")
        opener = WorkspaceOpener(self.window, give_up_text=quit_text, passphrase=self._passphrase)
        workspace = opener.open(self._path, create=self._create)
        if workspace is None:
            QApplication.exit(EXIT_NO_WORKSPACE)
            return
        if workspace.profile.get() is None and not workspace.read_only:
            ProfileDialog.edit_profile(
                self.window, workspace, today=self._now().date(), first_run=True
            )
        profile = workspace.profile.get()
        if profile is not None and not self._language.startswith(profile.language):
            self._switch_language(profile.language)
        self._controller.switch_to(workspace)
        # What start-up built (modules, mappers, the window) lives as long as the app:
        # keep it out of the garbage collector's full passes, which otherwise stall pages.
        gc.freeze()
        if self._on_ready is not None:
            QTimer.singleShot(0, lambda: self._on_ready(self.window))

    def _switch_language(self, language: str) -> None:
        """Rebuild the window in the workspace's language, and remember it for next time."""
        install_translators(QApplication.instance(), language)
        remember_language(language)
        self._language = language
        old, self.window = self.window, self._new_window()
        self.window.show()
        old.close()
        old.deleteLater()

    def close_window(self) -> None:
        """Close the window (it saves its size and page) and let Qt delete it."""
        self.window.close()
        self.window.deleteLater()

    def raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure
