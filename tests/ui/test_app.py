"""Starting the app: first run, a damaged workspace, and the shared set-up."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMainWindow

from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.ui.app import EXIT_NO_WORKSPACE, create_application, run_app
from cio_desk.ui.dialogs.first_run import ProfileDialog
from cio_desk.ui.main_window import MainWindow
from cio_desk.ui.translations import install_translators, remembered_language
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

NOW = dt.datetime(2026, 3, 19, 10, 0)


class Shown:
    """Records the window run_app shows, then ends the event loop."""

    def __init__(self) -> None:
        self.window: MainWindow | None = None
        self.day_headline = ""
        self.register_headline = ""

    def __call__(self, window: QMainWindow) -> None:
        assert isinstance(window, MainWindow)
        self.window = window
        self.day_headline = window.today_page.day_card.headline.text()
        self.register_headline = window.today_page.coverage_card.headline.text()
        QTimer.singleShot(0, QCoreApplication.quit)


def corrupt(path: Path) -> bytes:
    """Overwrite the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_create_application_names_the_app() -> None:
    app = create_application([])

    assert app.applicationName() == "CIO Desk"
    assert app.organizationName() == "CIO Desk"


def test_a_missing_translation_is_not_an_error() -> None:
    assert install_translators(create_application([]), "zh_CN") is False


def test_first_run_asks_for_the_profile_then_shows_today(
    tmp_path: Path, modals, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "new.ciodesk"

    def fill(dialog: ProfileDialog) -> None:
        dialog.name_edit.setText("Chen Jing")
        dialog.start_date_edit.setDate(NOW.date() - dt.timedelta(days=4))
        dialog.buttons.accepted.emit()

    modals.when_shown(ProfileDialog, fill)
    shown = Shown()
    code = run_app(path, on_ready=shown, now=lambda: NOW)

    assert code == 0
    assert shown.day_headline == "Day 5 of 30"
    with Workspace.open(path, backup=False) as ws:
        assert ws.profile.get().cio_name == "Chen Jing"


def test_a_damaged_workspace_is_explained_not_a_crash(
    tmp_path: Path, message_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "damaged.ciodesk"
    path.write_bytes(b"not a database" * 500)
    message_boxes.click = "Quit"

    code = run_app(path, on_ready=Shown(), now=lambda: NOW)

    assert code == EXIT_NO_WORKSPACE
    open_windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert not [w for w in open_windows if w.isVisible()]  # the window went with the app
    shown = message_boxes.shown[-1]
    assert "damaged" in shown.text
    assert "Quit" in shown.buttons
    assert path.read_bytes() == b"not a database" * 500


def test_a_damaged_workspace_can_be_restored_from_its_newest_backup(
    tmp_path: Path, message_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "work.ciodesk"
    with Workspace.create(path) as ws:
        ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=dt.date(2026, 3, 2)))
        ws.stakeholders.add(StakeholderData(name="Li Na"))
        ws.backup_now("manual")
    corrupt(path)
    message_boxes.click = "Restore the backup"

    shown = Shown()
    code = run_app(path, on_ready=shown, now=lambda: NOW)

    assert code == 0
    assert "damaged" in message_boxes.shown[0].text
    assert shown.day_headline == "Day 18 of 30"
    assert shown.register_headline == "0 of 1 met"


def test_the_previous_excepthook_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def previous(*_args: object) -> None:
        return None

    monkeypatch.setattr(sys, "excepthook", previous)
    with Workspace.create(tmp_path / "w.ciodesk") as ws:
        ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=dt.date(2026, 3, 2)))

    run_app(tmp_path / "w.ciodesk", on_ready=Shown(), now=lambda: NOW)

    assert sys.excepthook is previous


class FirstPaint(QObject):
    """Notes what the main window showed at its first paint."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, object] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.seen is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, MainWindow)
        ):
            self.seen = {
                "has_workspace": watched.controller.has_workspace,
                "title": watched.windowTitle(),
                "sidebar_enabled": watched.findChild(QListWidget, "sidebar").isEnabled(),
                "export_enabled": watched.export_action.isEnabled(),
                "texts": [label.text() for label in watched.findChildren(QLabel)],
            }
        return False


def test_the_window_is_on_screen_before_the_workspace_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "w.ciodesk"
    with Workspace.create(path) as ws:
        ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=dt.date(2026, 3, 2)))
    app = create_application([])
    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    shown = Shown()
    try:
        code = run_app(path, on_ready=shown, now=lambda: NOW)
    finally:
        app.removeEventFilter(first_paint)

    assert code == 0
    seen = first_paint.seen
    assert seen is not None and seen["has_workspace"] is False
    assert "w.ciodesk" in seen["title"]
    assert "Opening the workspace…" in seen["texts"]
    assert seen["sidebar_enabled"] is False and seen["export_enabled"] is False
    assert shown.day_headline == "Day 18 of 30"  # then the workspace fills the window
    assert shown.window.export_action.isEnabled()


def test_the_workspace_language_is_remembered_for_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "w.ciodesk"
    with Workspace.create(path) as ws:
        profile = ProfileData(cio_name="陈静", start_date=dt.date(2026, 3, 2), language="zh_CN")
        ws.profile.save(profile)

    locale = QLocale()
    try:
        run_app(path, on_ready=Shown(), now=lambda: NOW)
    finally:  # later tests expect the interface and dates as they were
        QLocale.setDefault(locale)
        install_translators(create_application([]))

    assert remembered_language() == "zh_CN"


def test_an_unexpected_error_while_opening_ends_the_app_and_is_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cio_desk.ui import opener

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(opener.WorkspaceOpener, "open", fail)

    with pytest.raises(RuntimeError, match="disk on fire"):
        run_app(tmp_path / "w.ciodesk", on_ready=Shown(), now=lambda: NOW)


def test_the_window_appears_without_loading_the_store_first() -> None:
    """Start-up shows the window before it imports SQLAlchemy (the slowest import)."""
    code = "import sys, cio_desk.ui.app; print(sorted(m for m in sys.modules if 'sqlalchemy' in m))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
