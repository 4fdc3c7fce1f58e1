"""The command line as a script or a coach would use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cio_desk import __version__, cli
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import paths
from cio_desk.store.backup import list_backups
from cio_desk.store.migrations import HEAD
from cio_desk.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_workspace(path: Path, *names: str) -> Path:
    with Workspace.create(path) as ws:
        for name in names:
            ws.stakeholders.add(StakeholderData(name=name))
    return path


def names_in(path: Path) -> list[str]:
    with Workspace.open(path, backup=False) as ws:
        return [s.name for s in ws.stakeholders.list()]


def test_version_and_help_through_main_py() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--version"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert __version__ in result.stdout
    for command in ("demo", "check", "backup", "restore"):
        helped = subprocess.run(
            [sys.executable, "main.py", command, "--help"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert helped.returncode == 0, helped.stderr
        assert "--workspace" in helped.stdout


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ciodesk"
    result = subprocess.run(
        [sys.executable, "main.py", "backup", "--workspace", str(missing)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert str(missing) in result.stderr


def test_check_healthy_workspace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "ok.ciodesk", "Li Na")
    code, out, _ = run(capsys, "check", "--workspace", str(path))
    assert code == 0
    assert "healthy" in out and HEAD in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"hello, this is a text file\n" * 50, "does not start like a workspace"),
    ],
)
def test_check_reports_what_is_wrong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.ciodesk"
    path.write_bytes(content)
    code, _, err = run(capsys, "check", "--workspace", str(path))
    assert code == 1
    assert "NOT healthy" in err and reason in err


def test_check_truncated_workspace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = make_workspace(tmp_path / "good.ciodesk", *[f"Person {i}" for i in range(200)])
    truncated = tmp_path / "truncated.ciodesk"
    truncated.write_bytes(good.read_bytes()[:20_000])
    code, _, err = run(capsys, "check", "--workspace", str(truncated))
    assert code == 1
    assert "NOT healthy" in err
    assert "Traceback" not in err


def test_check_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--workspace", str(tmp_path / "none.ciodesk"))
    assert code == 1
    assert "no workspace" in err


def test_backup_into_rotation_and_to_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = make_workspace(tmp_path / "w.ciodesk", "王芳")
    code, out, _ = run(capsys, "backup", "--workspace", str(path))
    assert code == 0
    [backup] = [b for b in list_backups(path) if b.reason == "manual"]
    assert str(backup.path) in out
    assert names_in(backup.path) == ["王芳"]

    copy = tmp_path / "copies" / "w-copy.ciodesk"
    code, _, _ = run(capsys, "backup", "--workspace", str(path), "--to", str(copy))
    assert code == 0
    assert names_in(copy) == ["王芳"]


def test_backup_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "w.ciodesk", "A")
    existing = tmp_path / "existing.ciodesk"
    existing.write_bytes(b"keep me")
    code, _, err = run(capsys, "backup", "--workspace", str(path), "--to", str(existing))
    assert code == 1
    assert "already exists" in err
    assert existing.read_bytes() == b"keep me"


def test_backup_to_unwritable_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "w.ciodesk", "A")
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    target = not_a_folder / "x.ciodesk"  # fails even for root
    code, _, err = run(capsys, "backup", "--workspace", str(path), "--to", str(target))
    assert code == 1
    assert "plain-file" in err
    assert err.count("\n") == 1


def test_restore_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "w.ciodesk", "Before")
    saved = tmp_path / "saved.ciodesk"
    assert run(capsys, "backup", "--workspace", str(path), "--to", str(saved))[0] == 0
    with Workspace.open(path, backup=False) as ws:
        ws.stakeholders.add(StakeholderData(name="After"))

    code, out, _ = run(capsys, "restore", "--workspace", str(path), "--from", str(saved))
    assert code == 0
    assert names_in(path) == ["Before"]
    safety = [b for b in list_backups(path) if b.reason == "pre-restore"]
    assert len(safety) == 1 and str(safety[0].path) in out
    assert names_in(safety[0].path) == ["After", "Before"]


def test_restore_refuses_a_damaged_backup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = make_workspace(tmp_path / "w.ciodesk", "Kept")
    before = path.read_bytes()
    damaged = tmp_path / "damaged.ciodesk"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    code, _, err = run(capsys, "restore", "--workspace", str(path), "--from", str(damaged))
    assert code == 1
    assert "damaged" in err or "not a CIO Desk workspace" in err
    assert path.read_bytes() == before


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["demo", "--workspace", str(tmp_path / "d.ciodesk"), "--today", "2026-02-30"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_demo_and_workspace_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--demo", "--workspace", "x.ciodesk")
    assert code == 1
    assert "--demo" in err


def test_demo_force_refuses_a_workspace_open_in_a_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = make_workspace(tmp_path / "w.ciodesk", "Kept")
    with Workspace.open(path, backup=False):
        code, out, err = run(capsys, "demo", "--workspace", str(path), "--force")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("cio-desk: error: w.ciodesk is open in another CIO Desk window")
    assert "close it first" in err
    assert names_in(path) == ["Kept"]


def test_the_demo_start_opens_the_demo_as_it_is_when_a_window_has_it_open(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cio_desk.ui.app as app_module

    demo = paths.demo_workspace_path()
    make_workspace(demo, "Opened yesterday")
    started: list[Path] = []
    monkeypatch.setattr(
        app_module, "run_app", lambda path, passphrase=None: started.append(path) or 0
    )
    with Workspace.open(demo, backup=False):
        code, _out, err = run(capsys, "--demo")
    assert code == 0
    assert started == [demo]  # the app offers to read it, as for any file in use
    assert "open in another window, so it was not rebuilt" in err
    assert names_in(demo) == ["Opened yesterday"]


def test_the_demo_start_rebuilds_the_demo_when_nobody_has_it_open(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cio_desk.ui.app as app_module

    demo = paths.demo_workspace_path()
    make_workspace(demo, "Opened yesterday")
    monkeypatch.setattr(app_module, "run_app", lambda path, passphrase=None: 0)
    code, _out, err = run(capsys, "--demo")
    assert code == 0
    assert err == ""
    assert "Opened yesterday" not in names_in(demo)
