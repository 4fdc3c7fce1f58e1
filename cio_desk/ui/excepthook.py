"""Unexpected errors reach the user as a readable dialog and a log file, never a crash.

Expected errors (`CioDeskError`) carry a sentence meant for the user and are
shown as they are; anything else gets the generic explanation and the
traceback goes to `cio-desk.log` in the user log folder.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from cio_desk.errors import CioDeskError
from cio_desk.store.paths import ensure_private_dir, log_dir

LOG_FILE_NAME = "cio-desk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
LOGGER_NAME = "cio_desk"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files only their owner can read (tracebacks quote user data)."""

    def _open(self) -> IO[str]:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123


def setup_logging(folder: Path | None = None) -> Path:
    """Send the `cio_desk` logger to the rotating log file; returns its path."""
    folder = ensure_private_dir(folder or log_dir())
    path = folder / LOG_FILE_NAME
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


class ExceptionHook:
    """A `sys.excepthook`: log the error, then tell the user in a dialog."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logged = self._log((exc_type, exc, tb))
        if QApplication.instance() is None or self._showing:
            # No window can be shown (or one is already up): keep the text on stderr.
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._showing = True
        try:
            self._show(exc, logged)
        finally:
            self._showing = False

    def _log(self, exc_info: ExcInfo) -> bool:
        """Write where the error happened to the log; False if even that failed.

        A refusal the user is told about (a `CioDeskError`) is noted by its kind
        only; anything else is logged with its traceback.
        """
        exc = exc_info[1]
        logger = logging.getLogger(LOGGER_NAME)
        try:
            if isinstance(exc, CioDeskError):
                logger.warning("Refused: %s.%s", type(exc).__module__, type(exc).__qualname__)
            else:
                logger.error("Unexpected error\n%s", private_traceback(exc))
        except Exception:
            return False
        return True

    def _show(self, exc: BaseException, logged: bool) -> None:
        box = QMessageBox(QApplication.activeWindow())
        box.setWindowTitle(QCoreApplication.translate("ExceptionHook", "CIO Desk"))
        if isinstance(exc, CioDeskError):
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(str(exc))
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setText(QCoreApplication.translate("ExceptionHook", "Something went wrong."))
            box.setInformativeText(self._generic_advice(logged))
            box.setDetailedText("".join(traceback.format_exception(exc)))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def _generic_advice(self, logged: bool) -> str:
        saved = QCoreApplication.translate(
            "ExceptionHook",
            "Your data is saved: every change is written to the workspace as soon as you "
            "make it. You can carry on working.",
        )
        if not logged:
            return saved
        details = QCoreApplication.translate(
            "ExceptionHook", "The details are in {path}; please include them if you report it."
        ).format(path=self.log_path)
        return f"{saved}\n\n{details}"


def private_traceback(exc: BaseException) -> str:
    """The traceback of `exc` (and of the errors that led to it) without their messages.

    A message may quote the user's notes (a database value, a paragraph of
    the PDF); the log is a plain file, so it keeps only the error types and
    where they happened, which is what a bug report needs.
    """
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts = []
    for error in reversed(chain):
        frames = "".join(
            traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__)).format()
        )
        kind = f"{type(error).__module__}.{type(error).__qualname__}"
        parts.append(
            f"Traceback (most recent call last):\n{frames}{kind} (message left out of the log)\n"
        )
    return "\nThe above led to:\n\n".join(parts)


def install_excepthook(log_path: Path | None = None) -> ExceptionHook:
    """Set up the log file and make a hook `sys.excepthook`; returns the hook."""
    hook = ExceptionHook(log_path or setup_logging())
    sys.excepthook = hook
    return hook
