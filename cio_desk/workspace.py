"""`Workspace`: the one entry point to an open `.ciodesk` file.

    ws = Workspace.open(path, create=True)
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    ws.onboarding.snapshot(now)
    ws.close()

Every use (UI, command line, PDF, tests) goes through its managers.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError

from cio_desk.errors import (
    DamagedWorkspaceError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
    WorkspaceExistsError,
)
from cio_desk.store import migrate
from cio_desk.store.backup import (
    BackupInfo,
    backup_workspace,
    key_for,
    list_backups,
    restore_workspace,
    verify_workspace_file,
)
from cio_desk.store.crypto import Passphrase
from cio_desk.store.db import (
    DatabaseError,
    create_workspace_engine,
    raw_connection,
    session_factory,
)
from cio_desk.store.health import integrity_problem, open_key, stored_revision, wrong_passphrase
from cio_desk.store.lock import WorkspaceLock
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
    from cio_desk.store.encryption import PassphraseChange


class Workspace:
    """An open workspace file and its managers. Use `open` or `create`."""

    def __init__(
        self,
        path: Path,
        *,
        passphrase: Passphrase | None = None,
        read_only: bool = False,
        lock: WorkspaceLock | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._passphrase = passphrase
        self._lock = lock
        self.engine = self._new_engine()
        self.sessions = session_factory(self.engine)
        self.changed_since_open = False
        # Through a weak reference: SQLAlchemy files this listener in a class-level
        # registry, where a bound method would keep every workspace ever opened alive
        # (with its engine and compiled statements) until the program ends.
        event.listen(self.sessions, "after_commit", _change_marker(weakref.ref(self)))

    @property
    def encrypted(self) -> bool:
        """True when the file is encrypted with a passphrase."""
        return self._passphrase is not None

    def passphrase_matches(self, text: str) -> bool:
        """True when `text` is this workspace's passphrase (the lock screen asks for it)."""
        return self._passphrase is not None and self._passphrase.matches(text)

    @property
    def passphrase(self) -> Passphrase | None:
        """The passphrase the file is open with (None for a plain workspace)."""
        return self._passphrase

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
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        backup: bool = True,
        passphrase: Passphrase | None = None,
        read_only: bool = False,
    ) -> Workspace:
        """Open (and upgrade) a workspace; with `create`, make it if missing.

        An encrypted file needs `passphrase` (PassphraseRequiredError without
        it, WrongPassphraseError when it does not fit); a plain file ignores
        it; a new file is created encrypted with it. Only one Workspace at a
        time may change a file (WorkspaceInUseError otherwise); `read_only`
        opens it for reading alongside that one, and refuses every change.
        Raises WorkspaceError (or a subclass) with a message for the user.
        """
        path = Path(path).expanduser().absolute()
        if not path.exists():
            if not create or read_only:
                raise WorkspaceError(f"There is no workspace at {path}.")
            _create_file(path)
            return cls._start(path, passphrase, backup=False, read_only=False, new=True)
        # An existing empty file is refused as damaged (a workspace truncated
        # to nothing must lead to its backups, not to a blank workspace).
        return cls._start(path, passphrase, backup=backup, read_only=read_only, new=False)

    @classmethod
    def create(cls, path: Path | str, *, passphrase: Passphrase | None = None) -> Workspace:
        """A new, empty workspace (encrypted with `passphrase` if given); never overwrites."""
        path = Path(path).expanduser().absolute()
        if path.exists() and path.stat().st_size > 0:
            raise WorkspaceExistsError(f"{path} already exists; it was not changed.")
        _create_file(path)  # an empty file (an interrupted create) is reused
        return cls._start(path, passphrase, backup=False, read_only=False, new=True)

    @classmethod
    def _start(
        cls, path: Path, passphrase: Passphrase | None, *, backup: bool, read_only: bool, new: bool
    ) -> Workspace:
        # The lock comes first: "open in another window" is said before a
        # passphrase is asked for in vain.
        lock = None if read_only else WorkspaceLock.acquire(path)
        try:
            if new and path.stat().st_size == 0:
                key = passphrase
            else:
                key = open_key(path, passphrase)
                _check_before_writing(path, key, read_only=read_only)
            workspace = cls(path, passphrase=key, read_only=read_only, lock=lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        try:
            workspace._prepare(backup=backup and not read_only)
        except BaseException:
            workspace._release()
            raise
        return workspace

    def _new_engine(self) -> Engine:
        return create_workspace_engine(
            self.path, read_only=self.read_only, passphrase=self._passphrase
        )

    def _prepare(self, *, backup: bool) -> None:
        if self.read_only:
            return  # checked before opening; a read-only file is never upgraded
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

        Closing the last connection makes SQLite fold the WAL into the file;
        the lock goes last, so no other writer can start before that.
        """
        try:
            if backup and self.changed_since_open and not self.read_only:
                self.backup_now("close")
        finally:
            self._release()

    def _release(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ the file itself

    def change_passphrase(self, new: Passphrase | None) -> PassphraseChange:
        """Encrypt with `new`, change to it, or (None) remove the passphrase; backups follow.

        The workspace stays open: its connections are closed for the change
        and opened again with the new key. Raises WorkspaceError if the file
        could not be converted; it is then unchanged.
        """
        self._refuse_if_read_only()
        from cio_desk.store.encryption import change_encryption

        self.engine.dispose()  # no connection may hold the old key during the change
        try:
            change = change_encryption(self.path, self._passphrase, new)
            self._passphrase = new
        finally:
            self._reconnect()
        return change

    def restore(self, source: Path) -> Path | None:
        """Replace this workspace's content with the backup `source`, keeping it open.

        Returns the "pre-restore" copy of the replaced content. If the backup
        is refused, the workspace is left as it was and the error raised.
        """
        self._refuse_if_read_only()
        self.engine.dispose()
        try:
            safety = restore_workspace(self.path, source, passphrase=self._passphrase)
            self._passphrase = key_for(self.path, self._passphrase)
        finally:
            self._reconnect()
        try:
            migrate.upgrade(self.engine, self.backup_now)
        except (DatabaseError, DBAPIError) as exc:
            raise DamagedWorkspaceError(
                f"The restored {self.path.name} could not be brought up to date ({exc})."
            ) from exc
        self.changed_since_open = True
        return safety

    def _reconnect(self) -> None:
        self.engine.dispose()
        self.engine = self._new_engine()
        self.sessions.configure(bind=self.engine)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyWorkspaceError(
                f"{self.path.name} is open read-only; close the other window that has it "
                "open, then open it again to change it."
            )

    # ------------------------------------------------------------ backups

    def backup_now(self, reason: str = "manual") -> Path:
        """A rotating backup of this workspace (encrypted like it); returns the backup file."""
        connection = self.engine.raw_connection()  # a pooled one: no new key derivation
        try:
            return backup_workspace(
                self.path, reason, passphrase=self._passphrase, source=connection.driver_connection
            )
        finally:
            connection.close()

    def backups(self) -> list[BackupInfo]:
        return list_backups(self.path)


def _change_marker(workspace: weakref.ReferenceType[Workspace]) -> Callable[[object], None]:
    """An after-commit listener that notes a change on `workspace` while it exists."""

    def mark_changed(_session: object) -> None:
        target = workspace()
        if target is not None:
            target.changed_since_open = True

    return mark_changed


def _check_before_writing(path: Path, key: Passphrase | None, *, read_only: bool) -> None:
    """Refuse a damaged, foreign or newer file, or a wrong passphrase, before anything writes.

    The check runs on a read-only connection: the engine's own connections
    switch the file to WAL, which would already change a file we refuse.
    """
    try:
        with raw_connection(path, read_only=True, passphrase=key) as conn:
            problem = integrity_problem(conn)
            revision = stored_revision(conn) if problem is None else None
    except DatabaseError as exc:
        wrong = wrong_passphrase(path, exc) if key is not None else None
        if wrong is None:
            raise DamagedWorkspaceError(
                f"{path.name} is damaged or is not a CIO Desk workspace ({exc})."
            ) from exc
        if key is not None and _opens_a_backup(path, key):
            raise DamagedWorkspaceError(
                f"{path.name} is damaged: its passphrase opens its backups but not the file."
            ) from exc
        raise wrong from exc
    except OSError as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc.strerror}.") from exc
    if problem:
        raise DamagedWorkspaceError(f"{path.name} cannot be opened: {problem}.")
    migrate.refuse_newer(revision)
    if read_only and revision != migrate.HEAD:
        raise ReadOnlyWorkspaceError(
            f"{path.name} was saved by an earlier version of CIO Desk and must be upgraded, "
            "which a read-only window cannot do. Close the other window, then open it."
        )


def _opens_a_backup(path: Path, key: Passphrase, *, newest: int = 3) -> bool:
    """True when `key` opens one of the newest backups (so it is right, and the file damaged)."""
    for backup in list_backups(path)[:newest]:
        try:
            verify_workspace_file(backup.path, key)
        except WorkspaceError:
            continue
        return True
    return False


def _create_file(path: Path) -> bool:
    try:
        return ensure_private_file(path)
    except OSError as exc:
        raise WorkspaceError(f"Cannot create a workspace at {path}: {exc.strerror}.") from exc
