"""`Workspace`: the one entry point to an open `.ciodesk` file.

    ws = Workspace.open(path, create=True)
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    ws.onboarding.snapshot(now)
    ws.close()

Every use (UI, command line, PDF, tests) goes through its managers.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError

from cio_desk.errors import DamagedWorkspaceError, WorkspaceError, WorkspaceExistsError
from cio_desk.services.followups import FollowUpManager
from cio_desk.services.meetings import MeetingManager
from cio_desk.services.onboarding import OnboardingService
from cio_desk.services.profile import ProfileManager
from cio_desk.services.stakeholders import StakeholderManager
from cio_desk.store import migrate
from cio_desk.store.backup import backup_workspace, list_backups
from cio_desk.store.db import DatabaseError, create_workspace_engine, session_factory
from cio_desk.store.health import check_file_header, integrity_problem
from cio_desk.store.paths import ensure_private_file


class Workspace:
    """An open workspace file and its managers. Use `open` or `create`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_workspace_engine(path)
        self.sessions = session_factory(self.engine)
        self.changed_since_open = False
        event.listen(self.sessions, "after_commit", self._mark_changed)
        self.profile = ProfileManager(self.sessions)
        self.stakeholders = StakeholderManager(self.sessions)
        self.meetings = MeetingManager(self.sessions)
        self.followups = FollowUpManager(self.sessions)
        self.onboarding = OnboardingService(self.sessions)

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, backup: bool = True) -> Workspace:
        """Open (and upgrade) a workspace; with `create`, make it if missing.

        Raises WorkspaceError (or a subclass) with a message for the user.
        """
        path = Path(path).expanduser().absolute()
        is_new = False
        if not path.exists():
            if not create:
                raise WorkspaceError(f"There is no workspace at {path}.")
            is_new = _create_file(path)
        elif path.stat().st_size == 0:
            is_new = True  # an empty file is a workspace not yet initialised
        else:
            check_file_header(path)
        workspace = cls(path)
        try:
            workspace._prepare(backup=backup and not is_new)
        except BaseException:
            workspace.engine.dispose()
            raise
        return workspace

    @classmethod
    def create(cls, path: Path | str) -> Workspace:
        """A new, empty workspace; refuses to touch an existing file."""
        path = Path(path).expanduser().absolute()
        if path.exists() and path.stat().st_size > 0:
            raise WorkspaceExistsError(f"{path} already exists; it was not changed.")
        return cls.open(path, create=True, backup=False)

    def _prepare(self, *, backup: bool) -> None:
        try:
            with self.engine.connect() as connection:
                problem = integrity_problem(connection.connection.driver_connection)
            if problem:
                raise DamagedWorkspaceError(f"{self.path.name} cannot be opened: {problem}.")
            before = migrate.upgrade(self.engine, self.backup_now)
        except (DatabaseError, DBAPIError) as exc:
            reason = getattr(exc, "orig", exc)
            raise DamagedWorkspaceError(
                f"{self.path.name} is damaged or is not a CIO Desk workspace ({reason})."
            ) from exc
        except OSError as exc:
            raise WorkspaceError(f"{self.path} cannot be written: {exc.strerror}.") from exc
        if backup and before is not None:
            self.backup_now("open")

    def close(self) -> None:
        """Back up if anything changed, then release the file.

        Closing the last connection makes SQLite fold the WAL into the file.
        """
        try:
            if self.changed_since_open:
                self.backup_now("close")
        finally:
            self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ backups

    def backup_now(self, reason: str = "manual") -> Path:
        """A rotating backup of this workspace; returns the backup file."""
        return backup_workspace(self.path, reason)

    def backups(self) -> list:
        return list_backups(self.path)

    def _mark_changed(self, _session: object) -> None:
        self.changed_since_open = True


def _create_file(path: Path) -> bool:
    try:
        return ensure_private_file(path)
    except OSError as exc:
        raise WorkspaceError(f"Cannot create a workspace at {path}: {exc.strerror}.") from exc
