"""The command line with encrypted workspaces: the passphrase command, --passphrase-stdin."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cio_desk import cli
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.backup import list_backups, verify_workspace_file
from cio_desk.store.crypto import SQLITE_HEADER, Passphrase
from cio_desk.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
SECRET = "correct horse battery"
WRONG = "incorrect mule 42"
NAME = "Zhangwei Confidential"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plain(new_workspace_file: Callable[[Path], Path], workspace_path: Path) -> Path:
    ws = Workspace.open(new_workspace_file(workspace_path), backup=False)
    ws.stakeholders.add(StakeholderData(name=NAME))
    ws.close(backup=False)
    return workspace_path


@pytest.fixture
def encrypted(plain: Path) -> Path:
    with Workspace.open(plain, backup=False) as ws:
        ws.change_passphrase(Passphrase(SECRET))
    return plain


def names_in(path: Path, passphrase: str | None = SECRET) -> list[str]:
    key = Passphrase(passphrase) if passphrase else None
    with Workspace.open(path, backup=False, passphrase=key) as ws:
        return [s.name for s in ws.stakeholders.list()]


def test_passphrase_encrypts_a_plain_workspace_from_stdin(
    plain: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(
        capsys,
        monkeypatch,
        "passphrase",
        "--workspace",
        str(plain),
        "--passphrase-stdin",
        stdin=f"{SECRET}\n",
    )
    assert (code, err) == (0, "")
    assert "test.ciodesk is now encrypted with the new passphrase" in out
    assert SECRET not in out
    assert not plain.read_bytes().startswith(SQLITE_HEADER)
    assert NAME.encode() not in plain.read_bytes()
    assert names_in(plain) == [NAME]


def test_a_command_on_an_encrypted_workspace_without_a_terminal_says_what_to_do(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = run(capsys, monkeypatch, "check", "--workspace", str(encrypted))
    assert code == 1
    assert "--passphrase-stdin" in err and "Traceback" not in err


def test_a_wrong_passphrase_is_refused_clearly_and_never_echoed(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for command in ("check", "backup", "export", "passphrase"):
        extra = ["--out", str(encrypted.with_suffix(".pdf"))] if command == "export" else []
        code, out, err = run(
            capsys,
            monkeypatch,
            command,
            "--workspace",
            str(encrypted),
            "--passphrase-stdin",
            *extra,
            stdin=f"{WRONG}\nnew passphrase\n",
        )
        assert code == 1, command
        assert "The passphrase does not open test.ciodesk" in err, command
        assert WRONG not in out + err and SECRET not in out + err
        assert err.count("\n") == 1, err  # one line, no traceback
    assert names_in(encrypted) == [NAME]
    assert not encrypted.with_suffix(".pdf").exists()


def test_check_backup_and_restore_with_the_passphrase(
    encrypted: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    where = ["--workspace", str(encrypted), "--passphrase-stdin"]
    code, out, _ = run(capsys, monkeypatch, "check", *where, stdin=f"{SECRET}\n")
    assert code == 0 and "healthy; encrypted;" in out

    copy = tmp_path / "copy.ciodesk"
    code, out, _ = run(capsys, monkeypatch, "backup", *where, "--to", str(copy), stdin=SECRET)
    assert code == 0 and "(encrypted, like the workspace)" in out
    assert NAME.encode() not in copy.read_bytes()
    verify_workspace_file(copy, Passphrase(SECRET))

    with Workspace.open(encrypted, passphrase=Passphrase(SECRET), backup=False) as ws:
        ws.stakeholders.add(StakeholderData(name="Added later"))
    code, out, err = run(
        capsys, monkeypatch, "restore", *where, "--from", str(copy), stdin=f"{SECRET}\n"
    )
    assert (code, err) == (0, "")
    assert names_in(encrypted) == [NAME]
    [safety] = [b for b in list_backups(encrypted) if b.reason == "pre-restore"]
    assert names_in(safety.path) == ["Added later", NAME]


def test_restore_is_refused_while_the_workspace_is_open(
    encrypted: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "copy.ciodesk"
    copy.write_bytes(encrypted.read_bytes())
    with Workspace.open(encrypted, passphrase=Passphrase(SECRET), backup=False):
        code, _out, err = run(
            capsys,
            monkeypatch,
            "restore",
            "--workspace",
            str(encrypted),
            "--from",
            str(copy),
            "--passphrase-stdin",
            stdin=f"{SECRET}\n",
        )
    assert code == 1 and "already open in another CIO Desk window or program" in err


def test_change_then_remove_the_passphrase(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ["--workspace", str(encrypted), "--passphrase-stdin"]
    code, out, err = run(
        capsys, monkeypatch, "passphrase", *where, stdin=f"{SECRET}\nanother passphrase\n"
    )
    assert (code, err) == (0, "")
    assert names_in(encrypted, "another passphrase") == [NAME]

    code, out, err = run(
        capsys, monkeypatch, "passphrase", *where, "--remove", stdin="another passphrase\n"
    )
    assert (code, err) == (0, "")
    assert "no longer encrypted" in out
    assert encrypted.read_bytes().startswith(SQLITE_HEADER)
    assert names_in(encrypted, None) == [NAME]

    code, _out, err = run(capsys, monkeypatch, "passphrase", *where, "--remove")
    assert code == 1 and "is not encrypted" in err


def test_a_short_new_passphrase_is_refused(
    plain: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = run(
        capsys,
        monkeypatch,
        "passphrase",
        "--workspace",
        str(plain),
        "--passphrase-stdin",
        stdin="short\n",
    )
    assert code == 1 and "at least 8 characters" in err
    assert plain.read_bytes().startswith(SQLITE_HEADER)


def test_the_terminal_asks_again_after_a_wrong_passphrase(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([WRONG, SECRET])
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(cli.getpass, "getpass", typed)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    code = cli.main(["check", "--workspace", str(encrypted)])
    _out, err = capsys.readouterr()
    assert code == 0
    assert prompts == ["Passphrase of test.ciodesk: "] * 2
    assert "The passphrase does not open test.ciodesk" in err


def test_the_app_start_reads_the_passphrase_from_stdin(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cio_desk.ui.app as app_module

    received: list[Passphrase | None] = []
    monkeypatch.setattr(
        app_module, "run_app", lambda path, passphrase=None: received.append(passphrase) or 0
    )
    code, _out, _err = run(
        capsys,
        monkeypatch,
        "--workspace",
        str(encrypted),
        "--passphrase-stdin",
        stdin=f"{SECRET}\n",
    )
    assert code == 0
    assert received[0] is not None and received[0].matches(SECRET)


def test_the_real_program_reads_passphrases_from_a_pipe(encrypted: Path) -> None:
    wrong = subprocess.run(
        [sys.executable, "main.py", "check", "--workspace", str(encrypted), "--passphrase-stdin"],
        cwd=REPO,
        input=f"{WRONG}\n",
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("cio-desk: error: The passphrase does not open test.ciodesk")
    assert WRONG not in wrong.stderr and "Traceback" not in wrong.stderr
    assert wrong.stderr.count("\n") == 1  # SQLCipher's own log is silenced
    right = subprocess.run(
        [sys.executable, "main.py", "check", "--workspace", str(encrypted), "--passphrase-stdin"],
        cwd=REPO,
        input=f"{SECRET}\n",
        capture_output=True,
        text=True,
    )
    assert right.returncode == 0 and "healthy" in right.stdout


def test_the_demo_can_be_written_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.ciodesk"
    code, out, err = run(
        capsys,
        monkeypatch,
        "demo",
        "--workspace",
        str(path),
        "--today",
        "2026-03-19",
        "--passphrase-stdin",
        stdin=f"{SECRET}\n",
    )
    assert (code, err) == (0, "")
    assert out.strip().endswith("(encrypted)")
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert len(names_in(path)) > 5
