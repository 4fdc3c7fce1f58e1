"""Blocking (and recording) every attempt to reach the network, for the offline tests.

Shared by tests/test_offline.py and tests/ui/test_offline_start.py.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkBlockedError(OSError):
    """Raised instead of any network access during these tests."""


def block_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block and record every attempt to reach the network (use it as a fixture body)."""
    tried: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            if family in NETWORK_FAMILIES or family == -1:
                tried.append(f"socket({family})")
                raise NetworkBlockedError("network access is blocked in this test")
            super().__init__(family, *args, **kwargs)

        def connect(self, address: object) -> None:
            tried.append(f"connect({address})")
            raise NetworkBlockedError("network access is blocked in this test")

    def refuse(name: str):
        def blocked(*args: object, **_kwargs: object) -> object:
            tried.append(f"{name}{args[:1]}")
            raise NetworkBlockedError("network access is blocked in this test")

        return blocked

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield tried
