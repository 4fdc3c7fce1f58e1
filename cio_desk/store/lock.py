"""One writer per workspace: an OS lock on a small file beside it.

`acme.ciodesk` is locked through `acme.ciodesk.lock` (`fcntl.flock` on
POSIX, `msvcrt.locking` on Windows). The operating system releases the lock
when the holder closes it or dies, so a crash never leaves a workspace
locked. A second window of the same app, or a second process, gets
`WorkspaceInUseError` and may open the file read-only instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from types import TracebackType

from cio_desk.errors import ReadOnlyWorkspaceError, WorkspaceError, WorkspaceInUseError

LOCK_SUFFIX = ".lock"
_ATTEMPTS = 5


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + LOCK_SUFFIX)


class WorkspaceLock:
    """The exclusive right to change one workspace file; `release()` gives it up."""

    def __init__(self, workspace: Path, fd: int) -> None:
        self.workspace = workspace
        self.path = lock_path(workspace)
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, workspace: Path) -> WorkspaceLock:
        """Take the lock now, or raise WorkspaceInUseError (never waits).

        A workspace file this user may not write is refused with
        ReadOnlyWorkspaceError: holding its lock would promise changes that
        could only fail later.
        """
        _refuse_a_read_only_file(workspace)
        path = lock_path(workspace)
        for _ in range(_ATTEMPTS):
            fd = _open_lock_file(workspace, path)
            if not _try_lock(fd):
                os.close(fd)
                raise WorkspaceInUseError(
                    f"{workspace.name} is already open in another CIO Desk window or "
                    "program. Only one can change it at a time."
                )
            if _still_named(fd, path):
                _note_owner(fd)
                return cls(workspace, fd)
            os.close(fd)  # the holder removed the file as we opened it: try again
        raise WorkspaceError(f"Could not lock {workspace.name}; try again.")

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock up and remove the lock file (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            # Removed while still locked, so nobody can lock a name that is going away.
            self.path.unlink(missing_ok=True)
        _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":
            # Fails when another process opened it meanwhile; it stays, harmless.
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if self._fd is not None:
            self.release()


def _refuse_a_read_only_file(workspace: Path) -> None:
    if workspace.exists() and not os.access(workspace, os.W_OK):
        raise ReadOnlyWorkspaceError(
            f"{workspace.name} is a read-only file: CIO Desk cannot save changes to it. "
            "Open it read-only, or copy it to a folder you can write to."
        )


def _open_lock_file(workspace: Path, path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except PermissionError as exc:
        raise ReadOnlyWorkspaceError(
            f"The folder of {workspace.name} is read-only: CIO Desk cannot save changes "
            "there. Open it read-only, or copy it to a folder you can write to."
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EROFS:
            raise ReadOnlyWorkspaceError(
                f"{workspace.name} is on a read-only disk: CIO Desk cannot save changes "
                "there. Open it read-only, or copy it to a folder you can write to."
            ) from exc
        raise WorkspaceError(f"Cannot lock {workspace.name}: {exc.strerror}.") from exc


def _still_named(fd: int, path: Path) -> bool:
    """True when `path` still names the file behind `fd`."""
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


def _note_owner(fd: int) -> None:
    """Write the holder's process id into the lock file, for whoever investigates."""
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        pass  # the lock itself is what matters


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
