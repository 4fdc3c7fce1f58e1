"""Where CIO Desk keeps its files. Nothing here runs at import time."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from cio_desk import APP_NAME

DATA_DIR_ENV = "CIO_DESK_DATA_DIR"
WORKSPACE_SUFFIX = ".ciodesk"


def data_dir() -> Path:
    """The folder for the default workspace; `CIO_DESK_DATA_DIR` overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Log files live under the data folder when it is overridden (tests)."""
    if os.environ.get(DATA_DIR_ENV):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_workspace_path() -> Path:
    return data_dir() / f"workspace{WORKSPACE_SUFFIX}"


def demo_workspace_path() -> Path:
    """The demo lives apart from the real workspace and is rebuilt on each `--demo`."""
    return data_dir() / f"demo{WORKSPACE_SUFFIX}"


def ui_settings_path() -> Path:
    return data_dir() / "ui-settings.ini"


def ensure_private_dir(folder: Path) -> Path:
    """Create `folder` (and parents) readable by the owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def ensure_private_file(path: Path) -> bool:
    """Create an empty owner-only file if none exists; True when created.

    SQLite gives the -wal and -shm files the permissions of the main file,
    so creating it first with 0600 keeps every workspace file private.
    """
    ensure_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True
