"""Unexpected errors are logged to a private file and explained in a dialog."""

from __future__ import annotations

import logging
import stat
import sys
from pathlib import Path

import pytest

from cio_desk.errors import WorkspaceError
from cio_desk.store import paths
from cio_desk.ui.excepthook import (
    LOG_FILE_NAME,
    LOG_MAX_BYTES,
    LOGGER_NAME,
    ExceptionHook,
    install_excepthook,
    setup_logging,
)

pytestmark = pytest.mark.ui


def raised(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException:
        return sys.exc_info()


def test_an_unexpected_error_is_logged_and_explained(message_boxes) -> None:
    log = setup_logging()
    hook = ExceptionHook(log)

    hook(*raised(KeyError("stakeholder 42")))

    assert log == paths.log_dir() / LOG_FILE_NAME
    content = log.read_text(encoding="utf-8")
    assert "Traceback" in content and "builtins.KeyError" in content
    assert "stakeholder 42" not in content  # messages may quote notes: never logged
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    shown = message_boxes.shown[-1]
    assert shown.text == "Something went wrong."
    assert "Your data is saved" in shown.informative
    assert str(log) in shown.informative
    assert "KeyError" in shown.detailed


def test_an_expected_error_shows_its_own_message(message_boxes) -> None:
    hook = ExceptionHook(setup_logging())

    hook(*raised(WorkspaceError("The workspace file is locked by another program.")))

    shown = message_boxes.shown[-1]
    assert shown.text == "The workspace file is locked by another program."
    assert "Something went wrong" not in shown.text + shown.informative
    content = (paths.log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Refused: cio_desk.errors.WorkspaceError" in content
    assert "Unexpected error" not in content and "locked by another" not in content


def test_the_log_rotates_instead_of_growing_without_end(tmp_path: Path) -> None:
    log = setup_logging(tmp_path / "logs")
    logger = logging.getLogger(LOGGER_NAME)

    for _ in range(3000):
        logger.error("x" * 400)

    assert log.stat().st_size <= LOG_MAX_BYTES
    rotated = tmp_path / "logs" / f"{LOG_FILE_NAME}.1"
    assert rotated.is_file()
    assert stat.S_IMODE(rotated.stat().st_mode) == 0o600


def test_install_makes_it_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    hook = install_excepthook()

    assert sys.excepthook is hook
    assert hook.log_path.parent == paths.log_dir()
