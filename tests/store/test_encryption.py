"""Encryption at rest: set, change and remove a passphrase; backups follow; nothing leaks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import event

from cio_desk.errors import (
    DamagedWorkspaceError,
    PassphraseRequiredError,
    ValidationError,
    WorkspaceError,
    WrongPassphraseError,
)
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store import encryption
from cio_desk.store.backup import list_backups, restore_workspace, verify_workspace_file
from cio_desk.store.crypto import SQLITE_HEADER, Passphrase, looks_encrypted
from cio_desk.store.health import check_workspace
from cio_desk.store.migrations import HEAD
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

SECRET = Passphrase("correct horse battery")
OTHER = Passphrase("tr0ub4dor & 3")
NAME = "Zhangwei Confidential"
NOTE = "The CFO distrusts the ERP vendor"


def names_in(path: Path, passphrase: Passphrase | None = None) -> list[str]:
    with Workspace.open(path, backup=False, passphrase=passphrase) as ws:
        return [s.name for s in ws.stakeholders.list()]


def readable_text(path: Path) -> str:
    """What `strings` finds in a file, as a thief would run it."""
    result = subprocess.run(["strings", "-a", str(path)], capture_output=True, text=True)
    if result.returncode != 0:  # no binutils: read the printable runs ourselves
        return path.read_bytes().decode("latin-1")
    return result.stdout


def every_file(path: Path) -> list[Path]:
    return [p for p in path.parent.rglob("*") if p.is_file()]


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Folders holding test.ciodesk and two backups, plain and encrypted, made once.

    Each test works on a copy: encrypting costs a key derivation per file.
    """
    root = tmp_path_factory.mktemp("encryption-templates")
    plain = root / "plain" / "test.ciodesk"
    with Workspace.create(plain) as ws:
        ws.stakeholders.add(StakeholderData(name=NAME, notes=NOTE))
        ws.backup_now("manual")  # with the "close" one: two backups
    shutil.copytree(plain.parent, root / "encrypted")
    with Workspace.open(root / "encrypted" / "test.ciodesk", backup=False) as ws:
        ws.change_passphrase(SECRET)
    return {"plain": plain.parent, "encrypted": root / "encrypted"}


def copy_of(template: Path, workspace_path: Path) -> Path:
    shutil.copytree(template, workspace_path.parent, dirs_exist_ok=True)
    return workspace_path


@pytest.fixture
def plain_path(templates: dict[str, Path], workspace_path: Path) -> Path:
    """A closed plain workspace with a stakeholder, a note and two backups."""
    return copy_of(templates["plain"], workspace_path)


@pytest.fixture
def encrypted_path(templates: dict[str, Path], workspace_path: Path) -> Path:
    """The same, encrypted with SECRET (backups too)."""
    return copy_of(templates["encrypted"], workspace_path)


# ---------------------------------------------------------------- setting a passphrase


def test_encrypting_leaves_no_readable_name_in_the_workspace_or_its_backups(
    plain_path: Path,
) -> None:
    assert NAME in readable_text(plain_path)
    with Workspace.open(plain_path, backup=False) as ws:
        change = ws.change_passphrase(SECRET)
        assert ws.encrypted
        assert [s.notes for s in ws.stakeholders.list()] == [NOTE]  # still open, still works
        ws.stakeholders.add(StakeholderData(name="Li Wei"))

    assert change.encrypted and change.backups_converted == 2 and change.backups_left == ()
    files = every_file(plain_path)
    assert len(files) == 1 + len(list_backups(plain_path))
    for path in files:
        assert not path.read_bytes().startswith(SQLITE_HEADER), path.name
        assert looks_encrypted(path)
        text = readable_text(path)
        # Whole phrases: ciphertext holds short runs like "ERP" by chance.
        assert NAME not in text and "Zhangwei" not in text and "ERP vendor" not in text, path.name
    assert names_in(plain_path, SECRET) == ["Li Wei", NAME]


def test_an_encrypted_workspace_needs_its_passphrase(encrypted_path: Path) -> None:
    with pytest.raises(PassphraseRequiredError, match="is encrypted"):
        Workspace.open(encrypted_path)
    with pytest.raises(WrongPassphraseError) as caught:
        Workspace.open(encrypted_path, passphrase=OTHER)
    message = str(caught.value)
    assert message.startswith("The passphrase does not open test.ciodesk")
    assert OTHER.reveal() not in message and SECRET.reveal() not in message
    assert names_in(encrypted_path, SECRET) == [NAME]


def test_a_new_workspace_can_be_created_encrypted(workspace_path: Path) -> None:
    with Workspace.create(workspace_path, passphrase=SECRET) as ws:
        assert ws.encrypted
        ws.stakeholders.add(StakeholderData(name=NAME))
    assert NAME not in readable_text(workspace_path)
    assert names_in(workspace_path, SECRET) == [NAME]


def test_a_passphrase_given_for_a_plain_workspace_is_not_needed(plain_path: Path) -> None:
    with Workspace.open(plain_path, passphrase=SECRET, backup=False) as ws:
        assert not ws.encrypted
        assert ws.passphrase is None
    assert plain_path.read_bytes().startswith(SQLITE_HEADER)


# ---------------------------------------------------------------- changing and removing


def test_changing_the_passphrase_re_keys_the_workspace_and_its_backups(
    encrypted_path: Path,
) -> None:
    with Workspace.open(encrypted_path, passphrase=SECRET) as ws:
        change = ws.change_passphrase(OTHER)
        assert ws.passphrase_matches(OTHER.reveal())
        assert not ws.passphrase_matches(SECRET.reveal())
    assert change.backups_converted == 3  # "manual", "close" and this opening's "open"
    for path in every_file(encrypted_path):
        with pytest.raises(WrongPassphraseError):
            verify_workspace_file(path, SECRET)
        assert verify_workspace_file(path, OTHER) == HEAD
    assert names_in(encrypted_path, OTHER) == [NAME]


def test_removing_the_passphrase_decrypts_the_workspace_and_its_backups(
    encrypted_path: Path,
) -> None:
    with Workspace.open(encrypted_path, passphrase=SECRET, backup=False) as ws:
        change = ws.change_passphrase(None)
        assert not ws.encrypted
        ws.stakeholders.add(StakeholderData(name="Li Wei"))
    assert not change.encrypted
    for path in every_file(encrypted_path):
        assert path.read_bytes().startswith(SQLITE_HEADER), path.name
        assert verify_workspace_file(path) == HEAD
    assert names_in(encrypted_path) == ["Li Wei", NAME]


def test_a_failed_conversion_leaves_the_workspace_as_it_was(
    plain_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = plain_path.read_bytes()

    def broken_check(*_args: object) -> None:
        raise WorkspaceError("The converted copy did not check out.")

    monkeypatch.setattr(encryption, "_check", broken_check)
    with Workspace.open(plain_path, backup=False) as ws:
        with pytest.raises(WorkspaceError, match="did not check out"):
            ws.change_passphrase(SECRET)
        assert not ws.encrypted
        assert [s.name for s in ws.stakeholders.list()] == [NAME]  # still open and usable
    assert plain_path.read_bytes() == before
    assert not [p for p in every_file(plain_path) if "converting" in p.name]


def test_a_backup_under_an_older_passphrase_is_left_and_reported(encrypted_path: Path) -> None:
    stray = list_backups(encrypted_path)[0].path
    with Workspace.open(encrypted_path, passphrase=SECRET, backup=False) as ws:
        ws.change_passphrase(OTHER)
    # That backup now opens with OTHER; put SECRET back on it alone.
    encryption.convert_file(stray, OTHER, SECRET)
    with Workspace.open(encrypted_path, passphrase=OTHER, backup=False) as ws:
        change = ws.change_passphrase(Passphrase("a third passphrase"))
    assert change.backups_left == (stray,)
    assert verify_workspace_file(stray, SECRET) == HEAD  # untouched, not destroyed


# ---------------------------------------------------------------- backups and restore


def test_backups_of_an_encrypted_workspace_are_encrypted_and_restorable(
    encrypted_path: Path,
) -> None:
    with Workspace.open(encrypted_path, passphrase=SECRET) as ws:
        backup = ws.backup_now("manual")
        ws.stakeholders.add(StakeholderData(name="Added later"))
    assert not backup.read_bytes().startswith(SQLITE_HEADER)
    with pytest.raises(PassphraseRequiredError):
        verify_workspace_file(backup)
    assert verify_workspace_file(backup, SECRET) == HEAD
    assert check_workspace(backup, SECRET).healthy

    safety = restore_workspace(encrypted_path, backup, passphrase=SECRET)

    assert names_in(encrypted_path, SECRET) == [NAME]
    assert safety is not None and names_in(safety, SECRET) == ["Added later", NAME]


def test_an_open_workspace_restores_a_backup_and_stays_encrypted(encrypted_path: Path) -> None:
    with Workspace.open(encrypted_path, passphrase=SECRET, backup=False) as ws:
        backup = ws.backup_now("manual")
        ws.stakeholders.add(StakeholderData(name="Added later"))
        ws.restore(backup)
        assert [s.name for s in ws.stakeholders.list()] == [NAME]
        assert ws.encrypted
    assert NAME not in readable_text(encrypted_path)


# ---------------------------------------------------------------- damage


def test_a_truncated_encrypted_workspace_is_damaged_not_a_wrong_passphrase(
    encrypted_path: Path,
) -> None:
    with Workspace.open(encrypted_path, passphrase=SECRET) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei"))  # a "close" backup exists now
    content = encrypted_path.read_bytes()
    encrypted_path.write_bytes(content[: len(content) // 2])

    with pytest.raises(DamagedWorkspaceError, match=r"test\.ciodesk"):
        Workspace.open(encrypted_path, passphrase=SECRET)
    report = check_workspace(encrypted_path, SECRET)
    assert not report.healthy and report.encrypted


def test_a_ruined_first_page_is_told_apart_by_the_backups(encrypted_path: Path) -> None:
    content = bytearray(encrypted_path.read_bytes())
    content[20:200] = bytes(180)  # the salt survives, the first page does not
    encrypted_path.write_bytes(bytes(content))

    with pytest.raises(DamagedWorkspaceError, match="opens its backups but not the file"):
        Workspace.open(encrypted_path, passphrase=SECRET)
    with pytest.raises(WrongPassphraseError):
        Workspace.open(encrypted_path, passphrase=OTHER)


# ---------------------------------------------------------------- the passphrase itself


def test_a_passphrase_never_shows_itself() -> None:
    secret = Passphrase("hunter2 is my passphrase")
    for text in (repr(secret), str(secret), f"{secret}", f"{secret!r}", str([secret])):
        assert "hunter2" not in text
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(secret)


@pytest.mark.parametrize(
    "text",
    ["it's a 'quoted' one", "密码是中文的", "emoji 👩\u200d💻 joined", "back\\slash; DROP TABLE x"],
    ids=["quotes", "cjk", "emoji", "sql-ish"],
)
def test_any_passphrase_text_works(workspace_path: Path, text: str) -> None:
    with Workspace.create(workspace_path, passphrase=Passphrase(text)) as ws:
        ws.stakeholders.add(StakeholderData(name=NAME))
    assert names_in(workspace_path, Passphrase(text)) == [NAME]


def test_composed_and_decomposed_accents_are_the_same_passphrase(workspace_path: Path) -> None:
    with Workspace.create(workspace_path, passphrase=Passphrase("caf\u00e9 au lait")):
        pass
    assert names_in(workspace_path, Passphrase("cafe\u0301 au lait")) == []


def test_new_passphrases_must_be_long_enough_and_typed_alike() -> None:
    with pytest.raises(ValidationError, match="at least 8") as short:
        Passphrase.new("short")
    assert short.value.field == "passphrase"
    with pytest.raises(ValidationError, match="not the same") as differ:
        Passphrase.new("long enough", "long enuogh")
    assert differ.value.field == "confirmation"
    with pytest.raises(ValidationError, match="Type the passphrase"):
        Passphrase("")
    with pytest.raises(ValidationError, match="control characters"):
        Passphrase("nul\x00inside")
    assert Passphrase.new("long enough", "long enough").matches("long enough")


def test_the_key_is_derived_once_per_pooled_connection(encrypted_path: Path) -> None:
    with Workspace.open(encrypted_path, passphrase=SECRET, backup=False) as ws:
        connects: list[object] = []
        event.listen(ws.engine, "connect", lambda *_: connects.append(1))
        for i in range(30):
            ws.stakeholders.add(StakeholderData(name=f"Person {i}"))
            ws.stakeholders.list()
    assert len(connects) <= 1  # the pool reuses the connection it keyed
