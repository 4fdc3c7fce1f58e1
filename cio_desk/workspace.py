"""`Workspace`: the one entry point to an open `.ciodesk` file.

    ws = Workspace.open(path, create=True)
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    ws.onboarding.snapshot(now)
    ws.close()

Every use (UI, command line, PDF, tests) goes through its managers.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError

from cio_desk.errors import DamagedWorkspaceError, WorkspaceError, WorkspaceExistsError
from cio_desk.store import migrate
from cio_desk.store.backup import BackupInfo, backup_workspace, list_backups
from cio_desk.store.db import (
    DatabaseError,
    create_workspace_engine,
    raw_connection,
    session_factory,
)
from cio_desk.store.health import check_file_header, integrity_problem, stored_revision
from cio_desk.store.paths import ensure_private_file

if TYPE_CHECKING:
    from cio_desk.services.boss import BossManager
    from cio_desk.services.budget import BudgetService
    from cio_desk.services.capture import CaptureService
    from cio_desk.services.followups import FollowUpManager
    from cio_desk.services.insights import InsightManager
    from cio_desk.services.jargon import JargonManager
    from cio_desk.services.meetings import MeetingManager
    from cio_desk.services.onboarding import OnboardingService
    from cio_desk.services.plan import PlanService
    from cio_desk.services.plan_health import PlanHealthService
    from cio_desk.services.profile import ProfileManager
    from cio_desk.services.register import RegisterService
    from cio_desk.services.review import ReviewManager
    from cio_desk.services.risks import RiskManager
    from cio_desk.services.search import SearchService
    from cio_desk.services.stakeholders import StakeholderManager
    from cio_desk.services.topics import TopicManager
    from cio_desk.services.tour import TourService
    from cio_desk.services.traceability import TraceabilityService
    from cio_desk.services.versions import VersionManager


class Workspace:
    """An open workspace file and its managers. Use `open` or `create`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_workspace_engine(path)
        self.sessions = session_factory(self.engine)
        self.changed_since_open = False
        event.listen(self.sessions, "after_commit", self._mark_changed)

    # ------------------------------------------------------------ managers
    # Each manager is imported on first use: start-up only pays for the
    # services the first page needs.

    @cached_property
    def profile(self) -> ProfileManager:
        from cio_desk.services.profile import ProfileManager

        return ProfileManager(self.sessions)

    @cached_property
    def stakeholders(self) -> StakeholderManager:
        from cio_desk.services.stakeholders import StakeholderManager

        return StakeholderManager(self.sessions)

    @cached_property
    def meetings(self) -> MeetingManager:
        from cio_desk.services.meetings import MeetingManager

        return MeetingManager(self.sessions)

    @cached_property
    def followups(self) -> FollowUpManager:
        from cio_desk.services.followups import FollowUpManager

        return FollowUpManager(self.sessions)

    @cached_property
    def onboarding(self) -> OnboardingService:
        from cio_desk.services.onboarding import OnboardingService

        return OnboardingService(self.sessions)

    @cached_property
    def insights(self) -> InsightManager:
        from cio_desk.services.insights import InsightManager

        return InsightManager(self.sessions)

    @cached_property
    def capture(self) -> CaptureService:
        from cio_desk.services.capture import CaptureService

        return CaptureService(self.sessions)

    @cached_property
    def topics(self) -> TopicManager:
        from cio_desk.services.topics import TopicManager

        return TopicManager(self.sessions)

    @cached_property
    def boss(self) -> BossManager:
        from cio_desk.services.boss import BossManager

        return BossManager(self.sessions)

    @cached_property
    def tour(self) -> TourService:
        from cio_desk.services.tour import TourService

        return TourService(self.sessions)

    @cached_property
    def register(self) -> RegisterService:
        from cio_desk.services.register import RegisterService

        return RegisterService(self.sessions)

    @cached_property
    def search(self) -> SearchService:
        from cio_desk.services.plan_search import register_plan_search
        from cio_desk.services.search import SearchService

        search = SearchService(self.sessions)
        register_plan_search(search)
        return search

    @cached_property
    def versions(self) -> VersionManager:
        from cio_desk.services.versions import VersionManager

        return VersionManager(self.sessions)

    @cached_property
    def review(self) -> ReviewManager:
        from cio_desk.services.review import ReviewManager

        return ReviewManager(self.sessions)

    @cached_property
    def jargon(self) -> JargonManager:
        from cio_desk.services.jargon import JargonManager

        return JargonManager(self.sessions)

    @cached_property
    def plan(self) -> PlanService:
        from cio_desk.services.plan import PlanService

        return PlanService(self.sessions)

    @cached_property
    def risks(self) -> RiskManager:
        from cio_desk.services.risks import RiskManager

        return RiskManager(self.sessions)

    @cached_property
    def traceability(self) -> TraceabilityService:
        from cio_desk.services.traceability import TraceabilityService

        return TraceabilityService(self.sessions)

    @cached_property
    def budget(self) -> BudgetService:
        from cio_desk.services.budget import BudgetService

        return BudgetService(self.sessions)

    @cached_property
    def plan_health(self) -> PlanHealthService:
        from cio_desk.services.plan_health import PlanHealthService

        return PlanHealthService(self.sessions)

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, backup: bool = True) -> Workspace:
        """Open (and upgrade) a workspace; with `create`, make it if missing.

        Raises WorkspaceError (or a subclass) with a message for the user.
        """
        path = Path(path).expanduser().absolute()
        if not path.exists():
            if not create:
                raise WorkspaceError(f"There is no workspace at {path}.")
            _create_file(path)
            return cls._start(path, backup=False)
        # An existing empty file is refused as damaged (a workspace truncated
        # to nothing must lead to its backups, not to a blank workspace).
        _check_before_writing(path)
        return cls._start(path, backup=backup)

    @classmethod
    def create(cls, path: Path | str) -> Workspace:
        """A new, empty workspace; refuses to touch an existing file."""
        path = Path(path).expanduser().absolute()
        if path.exists() and path.stat().st_size > 0:
            raise WorkspaceExistsError(f"{path} already exists; it was not changed.")
        _create_file(path)  # an empty file (an interrupted create) is reused
        return cls._start(path, backup=False)

    @classmethod
    def _start(cls, path: Path, *, backup: bool) -> Workspace:
        workspace = cls(path)
        try:
            workspace._prepare(backup=backup)
        except BaseException:
            workspace.engine.dispose()
            raise
        return workspace

    def _prepare(self, *, backup: bool) -> None:
        try:
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

    def close(self, *, backup: bool = True) -> None:
        """Back up if anything changed (unless `backup` is False), then release the file.

        Closing the last connection makes SQLite fold the WAL into the file.
        """
        try:
            if backup and self.changed_since_open:
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

    def backups(self) -> list[BackupInfo]:
        return list_backups(self.path)

    def _mark_changed(self, _session: object) -> None:
        self.changed_since_open = True


def _check_before_writing(path: Path) -> None:
    """Refuse a damaged, foreign or newer file before anything writes to it.

    The check runs on a read-only connection: the engine's own connections
    switch the file to WAL, which would already change a file we refuse.
    """
    try:
        check_file_header(path)
        with raw_connection(path, read_only=True) as conn:
            problem = integrity_problem(conn)
            revision = stored_revision(conn) if problem is None else None
    except DatabaseError as exc:
        raise DamagedWorkspaceError(
            f"{path.name} is damaged or is not a CIO Desk workspace ({exc})."
        ) from exc
    except OSError as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc.strerror}.") from exc
    if problem:
        raise DamagedWorkspaceError(f"{path.name} cannot be opened: {problem}.")
    migrate.refuse_newer(revision)


def _create_file(path: Path) -> bool:
    try:
        return ensure_private_file(path)
    except OSError as exc:
        raise WorkspaceError(f"Cannot create a workspace at {path}: {exc.strerror}.") from exc
