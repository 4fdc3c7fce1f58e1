"""What every manager shares: a way to run one unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from cio_desk.errors import NotFoundError
from cio_desk.store.db import write_session

T = TypeVar("T")


class Manager:
    """Base of the per-area managers (`ws.stakeholders`, `ws.meetings`, ...)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A session committed on success, rolled back on any error."""
        with write_session(self._sessions) as session:
            yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session


def get_or_raise(session: Session, model: type[T], item_id: int, what: str) -> T:
    row = session.get(model, item_id)
    if row is None:
        raise NotFoundError(f"The {what} no longer exists (it may have been deleted).")
    return row
