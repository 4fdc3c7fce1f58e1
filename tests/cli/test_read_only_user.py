"""A workspace the user may read but not change, tried as a real (non-root) user.

Root ignores file permissions, so when the tests run as root the commands
run in a child process that drops to the unprivileged user `nobody` first
(everything it needs is imported before, as Python itself may live in a
folder `nobody` cannot read). Elsewhere these tests are skipped; the
permission checks that need no second user are in tests/store.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.workspace import Workspace

pytestmark = [
    pytest.mark.core,
    pytest.mark.skipif(
        os.name != "posix" or os.geteuid() != 0, reason="needs root to act as another user"
    ),
]

NOBODY = 65534
NAMES = ["Li Wei", "王芳"]

# Runs each step as `nobody`: ["cli", argv] through cli.main, ["open", path,
# read_only] opens the workspace and tries one edit. Prints the results as JSON.
AS_NOBODY = textwrap.dedent(
    """
    import contextlib, io, json, os, sys
    from cio_desk import cli
    from cio_desk.errors import CioDeskError
    from cio_desk.services.stakeholders import StakeholderData
    from cio_desk.workspace import Workspace
    import cio_desk.services.demo, cio_desk.store.backup, cio_desk.store.health
    import cio_desk.store.migrate, cio_desk.store.migrations

    os.setgroups([])
    os.setgid(%(id)d)
    os.setuid(%(id)d)
    results = []
    for step in json.loads(sys.argv[1]):
        if step[0] == "cli":
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli.main(step[1])
            results.append([code, out.getvalue(), err.getvalue()])
            continue
        try:
            with Workspace.open(step[1], read_only=step[2], backup=False) as ws:
                names = [s.name for s in ws.stakeholders.list()]
                try:
                    ws.stakeholders.add(StakeholderData(name="Not saved"))
                    edit = "saved"
                except CioDeskError as error:
                    edit = str(error)
            results.append([names, edit])
        except CioDeskError as error:
            results.append([type(error).__name__, str(error)])
    print(json.dumps(results))
    """
) % {"id": NOBODY}


def as_nobody(*steps: list[object]) -> list[list[object]]:
    result = subprocess.run(
        [sys.executable, "-c", AS_NOBODY, json.dumps(steps)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def home() -> Iterator[Path]:
    """A private folder owned by `nobody` (the pytest temp folder is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="cio-desk-nobody-"))
    os.chown(folder, NOBODY, NOBODY)
    yield folder
    shutil.rmtree(folder)


def owned_workspace(folder: Path) -> Path:
    """A workspace with two people in `folder`, every file of it owned by `nobody`."""
    folder.mkdir()
    path = folder / "acme.ciodesk"
    with Workspace.create(path) as ws:
        for name in NAMES:
            ws.stakeholders.add(StakeholderData(name=name))
    for item in [folder, *folder.rglob("*")]:
        os.chown(item, NOBODY, NOBODY)
    return path


def cli(*argv: str) -> list[object]:
    return ["cli", list(argv)]


def test_a_read_only_folder_refuses_changes_plainly_and_keeps_the_data(home: Path) -> None:
    path = owned_workspace(home / "shared")
    before = path.read_bytes()
    for item in [path.parent, *path.parent.rglob("*-backups")]:
        item.chmod(0o500)
    workspace = str(path)

    check, backup, demo, writer, reader = as_nobody(
        cli("check", "--workspace", workspace),
        cli("backup", "--workspace", workspace),
        cli("demo", "--force", "--workspace", workspace),
        ["open", workspace, False],
        ["open", workspace, True],
    )

    assert check[0] == 0 and "healthy" in check[1]
    assert backup[0] == 1 and backup[2].count("\n") == 1
    assert "Permission denied" in backup[2] and "Traceback" not in backup[2]
    assert demo[0] == 1 and demo[2].count("\n") == 1
    assert f"Cannot write a demo workspace in {path.parent}" in demo[2]
    assert writer[0] == "ReadOnlyWorkspaceError"
    assert "The folder of acme.ciodesk is read-only" in writer[1]
    assert "Open it read-only" in writer[1]
    assert reader == [NAMES, "This workspace is open read-only, so the change was not saved."]
    assert path.read_bytes() == before


def test_a_read_only_file_is_never_replaced_or_written(home: Path) -> None:
    path = owned_workspace(home / "mine")
    before = path.read_bytes()
    path.chmod(0o400)
    workspace = str(path)

    check, demo, restore, writer, reader = as_nobody(
        cli("check", "--workspace", workspace),
        cli("demo", "--force", "--workspace", workspace),
        cli("restore", "--workspace", workspace, "--from", workspace),
        ["open", workspace, False],
        ["open", workspace, True],
    )

    assert check[0] == 0
    assert demo == [1, "", f"cio-desk: error: {path} is read-only; it was not replaced.\n"]
    assert restore[0] == 1 and "acme.ciodesk is a read-only file" in restore[2]
    assert writer == [
        "ReadOnlyWorkspaceError",
        "acme.ciodesk is a read-only file: CIO Desk cannot save changes to it. "
        "Open it read-only, or copy it to a folder you can write to.",
    ]
    assert reader == [NAMES, "This workspace is open read-only, so the change was not saved."]
    assert path.read_bytes() == before
