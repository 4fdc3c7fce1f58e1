"""Remembering a workspace passphrase in the operating system's keyring (optional).

Only where the `keyring` package is installed and finds a real backend
(macOS Keychain, Windows Credential Locker, the Secret Service on Linux
desktops). Without one, nothing is remembered and nothing fails: every
function here answers quietly (False / None), since remembering is a
convenience and the passphrase can always be typed.

The entry is named after the workspace file's full path, so two workspaces
never share one.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from cio_desk import APP_NAME
from cio_desk.errors import ValidationError
from cio_desk.store.crypto import Passphrase

SERVICE = f"{APP_NAME} workspace"


def _keyring() -> ModuleType | None:
    """The keyring module when it has a usable backend, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken in this environment
        return None
    try:
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            return None
    except Exception:
        return None
    return keyring


def _entry(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def keyring_available() -> bool:
    """True when a passphrase can be remembered on this computer."""
    return _keyring() is not None


def remember(path: Path, passphrase: Passphrase) -> bool:
    """Keep the passphrase of `path` in the keyring; False when it could not be."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, _entry(path), passphrase.reveal())
    except Exception:
        return False
    return True


def recall(path: Path) -> Passphrase | None:
    """The remembered passphrase of `path`, if any."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        text = keyring.get_password(SERVICE, _entry(path))
    except Exception:
        return None
    if not text:
        return None
    try:
        return Passphrase(text)
    except ValidationError:
        return None


def forget(path: Path) -> None:
    """Remove the remembered passphrase of `path` (nothing happens if there is none)."""
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, _entry(path))
    except Exception:
        return
