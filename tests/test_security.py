"""The passphrase stays secret: not in URLs, messages, logs or stderr; the keyring is optional."""

from __future__ import annotations

import logging
import sys
import traceback
import types
from pathlib import Path

import pytest

from cio_desk.errors import WrongPassphraseError
from cio_desk.services import security
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.crypto import Passphrase
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

SECRET = "s3cret-passphrase-XYZ"
WRONG = "wr0ng-passphrase-ABC"


@pytest.fixture
def encrypted(workspace_path: Path) -> Path:
    with Workspace.create(workspace_path, passphrase=Passphrase(SECRET)) as ws:
        ws.stakeholders.add(StakeholderData(name="Li Wei"))
    return workspace_path


def test_a_wrong_passphrase_leaves_no_trace_of_either_passphrase(
    encrypted: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(WrongPassphraseError) as caught:
        Workspace.open(encrypted, passphrase=Passphrase(WRONG))
    with Workspace.open(encrypted, passphrase=Passphrase(SECRET)) as ws:
        ws.change_passphrase(Passphrase(WRONG + "-new"))

    told = "".join(traceback.format_exception(caught.value)) + repr(caught.value)
    out, err = capfd.readouterr()
    everything = told + caplog.text + out + err
    for secret in (SECRET, WRONG):
        assert secret not in everything
    assert err == ""  # SQLCipher's own log stays silent


def test_the_engine_url_and_the_workspace_hold_no_readable_key(encrypted: Path) -> None:
    with Workspace.open(encrypted, passphrase=Passphrase(SECRET), backup=False) as ws:
        shown = " ".join([str(ws.engine.url), repr(ws.engine), repr(ws.passphrase), str(vars(ws))])
        assert SECRET not in shown
        assert str(ws.engine.url) == "sqlite://"


def test_the_lock_and_settings_files_hold_no_passphrase(encrypted: Path, data_dir: Path) -> None:
    with Workspace.open(encrypted, passphrase=Passphrase(SECRET), backup=False):
        lock = encrypted.with_name(encrypted.name + ".lock")
        assert SECRET.encode() not in lock.read_bytes()
    for path in encrypted.parent.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path.name


# ---------------------------------------------------------------- the keyring (optional)


class MemoryKeyring:
    """A keyring backend that keeps passwords in a dict (a stand-in for the OS one)."""

    priority = 5

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}


def fake_keyring_module(backend: object) -> types.ModuleType:
    module = types.ModuleType("keyring")
    backends = types.ModuleType("keyring.backends")
    fail = types.ModuleType("keyring.backends.fail")

    class FailKeyring:
        priority = 0

    fail.Keyring = FailKeyring  # type: ignore[attr-defined]
    backends.fail = fail  # type: ignore[attr-defined]
    module.backends = backends  # type: ignore[attr-defined]
    module.get_keyring = lambda: backend  # type: ignore[attr-defined]
    if isinstance(backend, MemoryKeyring):
        store = backend.stored
        module.set_password = lambda s, u, p: store.__setitem__((s, u), p)  # type: ignore[attr-defined]
        module.get_password = lambda s, u: store.get((s, u))  # type: ignore[attr-defined]
        module.delete_password = lambda s, u: store.pop((s, u))  # type: ignore[attr-defined]
    module._fail = FailKeyring  # type: ignore[attr-defined]
    return module


def install(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType) -> None:
    monkeypatch.setitem(sys.modules, "keyring", module)
    monkeypatch.setitem(sys.modules, "keyring.backends", module.backends)
    monkeypatch.setitem(sys.modules, "keyring.backends.fail", module.backends.fail)


def test_a_passphrase_can_be_remembered_where_a_keyring_exists(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = MemoryKeyring()
    install(monkeypatch, fake_keyring_module(backend))
    assert security.keyring_available()
    assert security.recall(encrypted) is None

    assert security.remember(encrypted, Passphrase(SECRET))
    recalled = security.recall(encrypted)
    assert recalled is not None and recalled.matches(SECRET)
    [(service, entry)] = backend.stored
    assert service == "CIO Desk workspace" and entry == str(encrypted.resolve())
    with Workspace.open(encrypted, passphrase=recalled, backup=False) as ws:
        assert ws.stakeholders.count() == 1

    security.forget(encrypted)
    assert security.recall(encrypted) is None
    security.forget(encrypted)  # forgetting twice is quiet


def test_without_a_keyring_backend_nothing_fails(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = fake_keyring_module(None)
    module.get_keyring = lambda: module._fail()  # type: ignore[attr-defined]
    install(monkeypatch, module)
    assert not security.keyring_available()
    assert security.remember(encrypted, Passphrase(SECRET)) is False
    assert security.recall(encrypted) is None
    security.forget(encrypted)

    def broken() -> object:
        raise RuntimeError("no D-Bus session")

    module.get_keyring = broken  # type: ignore[attr-defined]
    assert not security.keyring_available()
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed at all
    assert not security.keyring_available()
    assert security.recall(encrypted) is None
