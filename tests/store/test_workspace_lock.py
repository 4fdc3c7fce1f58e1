"""One writer per workspace: a second opener is refused, or reads only."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cio_desk.errors import ReadOnlyWorkspaceError, WorkspaceInUseError
from cio_desk.services.demo import write_demo_workspace
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import lock as lock_module
from cio_desk.store.lock import WorkspaceLock, lock_path
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cio_desk.workspace import Workspace
    ws = Workspace.open(Path(sys.argv[1]), backup=False)
    print("open", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def closed_workspace(new_workspace_file: Callable[[Path], Path], workspace_path: Path) -> Path:
    ws = Workspace.open(new_workspace_file(workspace_path), backup=False)
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    ws.close(backup=False)
    return workspace_path


@pytest.fixture
def holder(closed_workspace: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the workspace open for changes."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(closed_workspace)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_a_second_writer_in_the_same_process_is_refused(closed_workspace: Path) -> None:
    with Workspace.open(closed_workspace, backup=False) as first:
        with pytest.raises(WorkspaceInUseError) as caught:
            Workspace.open(closed_workspace)
        assert "already open in another CIO Desk window or program" in str(caught.value)
        first.stakeholders.add(StakeholderData(name="王芳"))  # the first one carries on
    with Workspace.open(closed_workspace, backup=False) as again:  # closing released it
        assert again.stakeholders.count() == 2


def test_read_only_opens_beside_the_writer_and_refuses_every_change(
    closed_workspace: Path,
) -> None:
    with Workspace.open(closed_workspace, backup=False) as writer:
        with Workspace.open(closed_workspace, read_only=True) as reader:
            assert reader.read_only
            assert [s.name for s in reader.stakeholders.list()] == ["Li Wei"]
            with pytest.raises(ReadOnlyWorkspaceError, match="open read-only"):
                reader.stakeholders.add(StakeholderData(name="Refused"))
            with pytest.raises(ReadOnlyWorkspaceError):
                reader.change_passphrase(None)
            writer.stakeholders.add(StakeholderData(name="王芳"))
            assert reader.stakeholders.count() == 2  # it sees the writer's commits
        writer.changed_since_open = False
    assert not (closed_workspace.parent / "test-backups").exists()  # a reader backs up nothing


def test_a_writer_in_another_process_is_detected(
    closed_workspace: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(WorkspaceInUseError):
        Workspace.open(closed_workspace)
    with Workspace.open(closed_workspace, read_only=True) as reader:
        assert reader.stakeholders.count() == 1


def test_the_lock_of_a_killed_process_is_released_by_the_system(
    closed_workspace: Path, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with Workspace.open(closed_workspace, backup=False) as ws:
        ws.stakeholders.add(StakeholderData(name="After the crash"))
        assert ws.stakeholders.count() == 2


def test_the_lock_file_is_private_and_removed_on_close(closed_workspace: Path) -> None:
    ws = Workspace.open(closed_workspace, backup=False)
    lock_file = lock_path(closed_workspace)
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    assert lock_file.read_text().strip() == str(os.getpid())
    ws.close()
    assert not lock_file.exists()
    assert sorted(p.name for p in closed_workspace.parent.iterdir()) == ["test.ciodesk"]


def test_a_failed_open_releases_the_lock(closed_workspace: Path) -> None:
    content = closed_workspace.read_bytes()
    closed_workspace.write_bytes(content[: len(content) // 2])
    with pytest.raises(Exception, match="damaged"):
        Workspace.open(closed_workspace)
    with WorkspaceLock.acquire(closed_workspace) as taken:  # nobody kept it
        assert taken.held


def test_a_read_only_folder_is_told_plainly(
    closed_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only_disk(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(lock_module.os, "open", read_only_disk)
    with pytest.raises(ReadOnlyWorkspaceError, match="read-only disk") as caught:
        Workspace.open(closed_workspace)
    assert "Open it read-only" in str(caught.value)
    with Workspace.open(closed_workspace, read_only=True) as reader:
        assert reader.stakeholders.count() == 1


def test_a_read_only_file_is_refused_before_anything_promises_changes(
    closed_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access

    def read_only_file(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == closed_workspace and mode & os.W_OK:
            return False  # as for a file without write permission, whoever runs the tests
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(lock_module.os, "access", read_only_file)
    with pytest.raises(ReadOnlyWorkspaceError) as caught:
        Workspace.open(closed_workspace)
    assert str(caught.value) == (
        "test.ciodesk is a read-only file: CIO Desk cannot save changes to it. "
        "Open it read-only, or copy it to a folder you can write to."
    )
    assert not lock_path(closed_workspace).exists()
    with Workspace.open(closed_workspace, read_only=True) as reader:
        assert reader.stakeholders.count() == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_folder_without_write_permission_is_told_plainly(closed_workspace: Path) -> None:
    folder = closed_workspace.parent
    folder.chmod(0o500)
    try:
        with pytest.raises(ReadOnlyWorkspaceError, match="read-only"):
            Workspace.open(closed_workspace)
    finally:
        folder.chmod(0o700)


# ------------------------------------------------ the demo never replaces an open file


def _refuses_the_demo(path: Path) -> None:
    before = path.read_bytes()
    with pytest.raises(WorkspaceInUseError) as caught:
        write_demo_workspace(path, dt.date(2026, 3, 19), force=True)
    assert str(caught.value).startswith(f"{path.name} is open in another CIO Desk window")
    assert "close it first" in str(caught.value)
    assert path.read_bytes() == before
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".building")]


def test_the_demo_is_not_written_over_a_workspace_open_in_this_process(
    closed_workspace: Path,
) -> None:
    with Workspace.open(closed_workspace, backup=False) as open_here:
        _refuses_the_demo(closed_workspace)
        open_here.stakeholders.add(StakeholderData(name="王芳"))  # still the writer
        assert [s.name for s in open_here.stakeholders.list()] == ["Li Wei", "王芳"]
    write_demo_workspace(closed_workspace, dt.date(2026, 3, 19), force=True)  # once closed
    with Workspace.open(closed_workspace, backup=False) as demo:
        assert "Li Wei" not in [s.name for s in demo.stakeholders.list()]


def test_the_demo_is_not_written_over_a_workspace_another_process_holds(
    closed_workspace: Path, holder: subprocess.Popen[str]
) -> None:
    _refuses_the_demo(closed_workspace)
    with Workspace.open(closed_workspace, read_only=True) as reader:
        assert [s.name for s in reader.stakeholders.list()] == ["Li Wei"]


def test_nobody_can_open_the_file_while_the_demo_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cio_desk.services import demo

    path = tmp_path / "demo.ciodesk"
    seen: list[str] = []
    real_move = demo._move_into_place

    def move_while_someone_tries_to_open(building: Path, target: Path) -> None:
        try:
            Workspace.open(target, create=True)
        except WorkspaceInUseError as error:
            seen.append(str(error))
        real_move(building, target)

    monkeypatch.setattr(demo, "_move_into_place", move_while_someone_tries_to_open)
    write_demo_workspace(path, dt.date(2026, 3, 19))
    assert len(seen) == 1
    assert not lock_path(path).exists()  # released once the demo is in place


def test_the_demo_does_not_replace_a_read_only_file(
    closed_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = closed_workspace.read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        lock_module.os,
        "access",
        lambda path, mode, *a, **k: (
            Path(str(path)) != closed_workspace and real_access(path, mode, *a, **k)
        ),
    )
    with pytest.raises(ReadOnlyWorkspaceError, match="is read-only; it was not replaced"):
        write_demo_workspace(closed_workspace, dt.date(2026, 3, 19), force=True)
    assert closed_workspace.read_bytes() == before
