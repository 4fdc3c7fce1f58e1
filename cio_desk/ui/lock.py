"""The lock: every window's content hidden until the passphrase is typed again.

Rule: the lock applies to encrypted workspaces and asks for the workspace's
own passphrase (a plain workspace has nothing to check a passcode against,
and its file is readable anyway). It locks:

- after the chosen idle time (File > Security; default 10 minutes, or Off):
  no key press, click, wheel or mouse move in any CIO Desk window;
- when the computer wakes from sleep: seen as a jump of the wall clock
  against the monotonic clock, which stops during sleep on Linux and macOS
  (checked every few seconds), since Qt reports no sleep signal on desktops;
- when Qt reports the application Suspended or Hidden
  (`QGuiApplication.applicationStateChanged`; mobile-style platforms and
  some desktops when the session locks). Inactive is not used: Qt reports it
  whenever another program has the focus, and the idle time covers that;
- on File > Lock now (Ctrl+L).

While locked, each window (the main window and any open dialog) is covered
by a lock screen, window titles name no file, and no key, click or shortcut
reaches the hidden widgets. Dialogs that were open stay open underneath, so
nothing being typed is lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk import APP_NAME
from cio_desk.ui.controller import WorkspaceController
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace

LOCK_MINUTES_KEY = "security/lock_after_minutes"
DEFAULT_LOCK_MINUTES = 10
LOCK_CHOICES = (0, 1, 5, 10, 15, 30, 60)  # 0: never on idle
CHECK_INTERVAL_MS = 5000
SLEEP_GAP_S = 60.0  # a wall-clock jump this large means the computer slept

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
_BLOCKED_WHEN_LOCKED = _ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.ContextMenu,
}


def lock_minutes(settings: QSettings) -> int:
    """The idle time before the lock, in minutes (0: never on idle)."""
    try:
        value = int(settings.value(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_LOCK_MINUTES
    return value if value in LOCK_CHOICES else DEFAULT_LOCK_MINUTES


def set_lock_minutes(settings: QSettings, minutes: int) -> None:
    settings.setValue(LOCK_MINUTES_KEY, minutes)
    settings.sync()


class LockScreen(QFrame):
    """What a locked window shows: no content, a passphrase field and Unlock."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._build()
        self._connect_signals()
        parent.installEventFilter(self)
        self.cover()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title_label = QLabel(self.tr("CIO Desk is locked"), self)
        self.title_label.setFont(scaled_font(self.font(), 1.4, bold=True))
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title_label)
        hint = plain_label(self.tr("Type the workspace passphrase to continue."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        row.addWidget(self.passphrase_edit)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.error_label = plain_label("", self)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_tone(self.error_label, "warn")
        outer.addWidget(self.error_label)
        outer.addStretch(2)

    def _connect_signals(self) -> None:
        self.unlock_button.clicked.connect(self._request)
        self.passphrase_edit.returnPressed.connect(self._request)

    @Slot()
    def _request(self) -> None:
        text = self.passphrase_edit.text()
        self.passphrase_edit.clear()
        self.unlock_requested.emit(text)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def cover(self) -> None:
        """Fill the whole parent window, on top of everything in it."""
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def focus_field(self) -> None:
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.ChildAdded,
        ):
            QTimer.singleShot(0, self._recover_if_alive)
        return False

    @Slot()
    def _recover_if_alive(self) -> None:
        if self.parentWidget() is not None and self.isVisible():
            self.cover()


class LockGuard(QObject):
    """Locks the windows of one main window after idle time, sleep or on request.

    `monotonic` and `wall` are the clocks (replaced in tests).
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        controller: WorkspaceController,
        settings: QSettings,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._monotonic = monotonic
        self._wall = wall
        self._last_activity = monotonic()
        self._clock_offset = wall() - monotonic()
        self._screens: list[LockScreen] = []
        self._titles: dict[QWidget, tuple[str, str]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._build_actions()
        self._connect_signals()
        self._timer.start()
        self._update_actions()

    def use_clocks(self, monotonic: Callable[[], float], wall: Callable[[], float]) -> None:
        """Replace the clocks (tests); activity and the sleep check start afresh."""
        self._monotonic, self._wall = monotonic, wall
        self._last_activity = monotonic()
        self._clock_offset = wall() - monotonic()

    # ------------------------------------------------------------ actions

    def _build_actions(self) -> None:
        self.lock_action = QAction(self.tr("&Lock now"), self._window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.settings_action = QAction(self.tr("&Security…"), self._window)
        self.settings_action.setToolTip(self.tr("Passphrase and lock settings"))
        self.settings_action.triggered.connect(self._edit_settings)
        self.badge = QLabel(self._window)
        self.badge.setObjectName("workspaceBadge")
        self._window.statusBar().addPermanentWidget(self.badge)

    def menu_actions(self) -> list[QAction]:
        """The File menu entries: Security… and Lock now."""
        return [self.settings_action, self.lock_action]

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.check_now)
        self._window.destroyed.connect(self._stop)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._controller.workspace_changed.connect(self._workspace_changed)
        self._controller.passphrase_changed.connect(self._workspace_changed)

    @Slot()
    def _stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @Slot(object)
    def _workspace_changed(self, _workspace: Workspace) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        self._update_badge()
        encrypted = self._workspace_encrypted()
        # Only an encrypted workspace locks, so only then is every event watched.
        app = QApplication.instance()
        app.removeEventFilter(self)
        if encrypted:
            app.installEventFilter(self)
            self.note_activity()
        self.lock_action.setEnabled(encrypted)
        self.lock_action.setToolTip(
            self.tr("Hide everything until the passphrase is typed (Ctrl+L)")
            if encrypted
            else self.tr("Encrypt the workspace (File > Security) to be able to lock it")
        )

    def _update_badge(self) -> None:
        """The status bar says when the workspace is read-only or encrypted."""
        if not self._controller.has_workspace:  # still opening, or closing
            return
        workspace = self._controller.workspace
        if workspace.read_only:
            text = self.tr("Read-only")
            tip = self.tr(
                "Open in another window or program, or in a read-only folder: changes are "
                "not saved."
            )
            tone = "warn"
        elif workspace.encrypted:
            text, tip, tone = self.tr("Encrypted"), self.tr("Locks with Ctrl+L"), "good"
        else:
            text, tip, tone = "", "", None
        self.badge.setText(text)
        self.badge.setToolTip(tip)
        set_tone(self.badge, tone)
        self.badge.setVisible(bool(text))

    def _workspace_encrypted(self) -> bool:
        return self._controller.has_workspace and self._controller.workspace.encrypted

    @Slot()
    def _edit_settings(self) -> None:
        from cio_desk.ui.dialogs.settings import SettingsDialog

        SettingsDialog.edit(self._window, self._controller, self._settings)
        self.note_activity()

    # ------------------------------------------------------------ when to lock

    @property
    def locked(self) -> bool:
        return bool(self._screens)

    def note_activity(self) -> None:
        self._last_activity = self._monotonic()

    @Slot()
    def check_now(self) -> None:
        """Lock if the computer slept or the idle time has passed."""
        offset = self._wall() - self._monotonic()
        slept = offset - self._clock_offset > SLEEP_GAP_S
        self._clock_offset = offset
        if self.locked:
            return
        minutes = lock_minutes(self._settings)
        idle = self._monotonic() - self._last_activity
        if slept or (minutes and idle >= minutes * 60):
            self.lock()

    @Slot(Qt.ApplicationState)
    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (
            Qt.ApplicationState.ApplicationSuspended,
            Qt.ApplicationState.ApplicationHidden,
        ):
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._screens:
            if kind in _ACTIVITY:
                self._last_activity = self._monotonic()
            return False
        try:
            shown = self._window.isVisible()
        except RuntimeError:  # the window is being destroyed
            return False
        if not shown:
            return False  # a closed window's lock must not hold the rest of the app
        return kind in _BLOCKED_WHEN_LOCKED and not self._inside_lock_screen(watched)

    def _inside_lock_screen(self, watched: QObject) -> bool:
        node: QObject | None = watched
        while node is not None:
            if isinstance(node, LockScreen):
                return True
            node = node.parent()
        return False

    # ------------------------------------------------------------ locking

    @Slot()
    def lock(self) -> bool:
        """Hide every window's content; False when there is nothing to lock with."""
        if self.locked or not self._workspace_encrypted():
            return False
        app = QApplication.instance()
        app.removeEventFilter(self)  # filtered again, first in line
        app.installEventFilter(self)
        for window in self._windows_to_cover():
            self._titles[window] = (window.windowTitle(), window.windowFilePath())
            window.setWindowFilePath("")
            window.setWindowTitle(
                QCoreApplication.translate("LockGuard", "{app} — locked").format(app=APP_NAME)
            )
            screen = LockScreen(window)
            screen.unlock_requested.connect(self.unlock)
            self._screens.append(screen)
        self._window.menuBar().setEnabled(False)  # a native menu bar is not covered
        self._focus_active_screen()
        self.lock_action.setEnabled(False)
        self.locked_changed.emit(True)
        return True

    def _windows_to_cover(self) -> list[QWidget]:
        others = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self._window and w.isVisible() and w.isWindow()
        ]
        return [self._window, *others]

    def _focus_active_screen(self) -> None:
        modal = QApplication.activeModalWidget()
        target = next((s for s in self._screens if s.parentWidget() is modal), self._screens[0])
        target.focus_field()

    @Slot(str)
    def unlock(self, text: str) -> bool:
        """Show the windows again when `text` is the workspace passphrase."""
        if not self.locked:
            return True
        if not self._controller.workspace.passphrase_matches(text):
            for screen in self._screens:
                screen.show_error(self.tr("That is not the passphrase of this workspace."))
            self._focus_active_screen()
            return False
        for screen in self._screens:
            screen.hide()
            screen.deleteLater()
        self._screens.clear()
        for window, (title, file_path) in self._titles.items():
            window.setWindowTitle(title)
            window.setWindowFilePath(file_path)
        self._titles.clear()
        self._window.menuBar().setEnabled(True)
        self.note_activity()
        self._update_actions()
        self.locked_changed.emit(False)
        return True
