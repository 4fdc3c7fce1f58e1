"""Starting the app: the QApplication, the workspace, the first-run dialog, the main window.

    run_app(path)          what `python main.py` calls; returns the exit code
    create_application()   the configured QApplication, for tests and benchmarks

Start-up imports only what the first screen needs; other screens and
dialogs are imported when they are first opened.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from cio_desk import APP_NAME, __version__
from cio_desk.store.crypto import Passphrase
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.dialogs.first_run import ProfileDialog
from cio_desk.ui.excepthook import install_excepthook
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.opener import WorkspaceOpener
from cio_desk.ui.theme import apply_style
from cio_desk.ui.translations import install_translators

EXIT_NO_WORKSPACE = 1
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
        install_translators(app)
        apply_style(app)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_style(app))
        app.setProperty(_CONFIGURED, True)
    return app


def run_app(
    workspace_path: Path,
    *,
    create: bool = True,
    on_shown: Callable[[QMainWindow], None] | None = None,
    now: Callable[[], dt.datetime] | None = None,
    passphrase: Passphrase | None = None,
) -> int:
    """Open `workspace_path` (created if missing when `create`) in the main window.

    A workspace that cannot be opened is explained in a dialog offering a
    backup, another file or a new one; an encrypted one is opened with
    `passphrase`, or asks for it. `on_shown(window)` runs once the
    window is on screen; `now` replaces the clock. Returns the exit code:
    the event loop's, or EXIT_NO_WORKSPACE if the user gave up opening one.
    """
    app = create_application(sys.argv)
    clock = now or dt.datetime.now
    previous_hook = sys.excepthook
    install_excepthook()
    controller: WorkspaceController | None = None
    try:
        quit_text = QCoreApplication.translate("App", "Quit")
        workspace = WorkspaceOpener(None, give_up_text=quit_text, passphrase=passphrase).open(
            Path(workspace_path), create=create
        )
        if workspace is None:
            return EXIT_NO_WORKSPACE
        controller = WorkspaceController(workspace)
        if workspace.profile.get() is None:
            ProfileDialog.edit_profile(None, workspace, today=clock().date(), first_run=True)
        profile = workspace.profile.get()
        if profile is not None:
            install_translators(app, profile.language)
        window = MainWindow(controller, now=clock)
        window.show()
        if on_shown is not None:
            QTimer.singleShot(0, lambda: on_shown(window))
        code = app.exec()
        window.save_state()
        # Closing the last window may have queued a second quit request; drop it so
        # a later event loop in this process (tests, benchmarks) is not ended by it.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        return code
    finally:
        if controller is not None:
            controller.close()
        sys.excepthook = previous_hook
