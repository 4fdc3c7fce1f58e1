"""Passphrases and SQLCipher keys: the only place a passphrase is handled as text.

A workspace is either plain or encrypted with SQLCipher (its default
settings: AES-256, a key derived with PBKDF2-HMAC-SHA512 from the passphrase
and a random salt kept at the start of the file, an HMAC on every page).
Deriving the key is slow on purpose (about 0.1 s), so an open workspace keeps
its connections in one pool rather than reconnecting per operation.

The passphrase never appears in a URL, a log line or an error message: it is
held by `Passphrase`, whose repr and str hide it, and reaches SQLite only in
`PRAGMA key` / `PRAGMA rekey` statements that nothing logs, or as a bound
parameter of `ATTACH ... KEY ?`.
"""

from __future__ import annotations

import codecs
import hmac
import re
import unicodedata
from pathlib import Path
from typing import Any

from cio_desk.errors import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
MIN_NEW_LENGTH = 8
FIELD = "passphrase"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Passphrase:
    """A workspace passphrase; its text is only given out by `reveal()`.

    Text is normalised to Unicode NFC, so the same passphrase typed on
    systems that compose accents differently opens the same file.
    """

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        if not isinstance(text, str) or text == "":
            raise ValidationError(FIELD, "Type the passphrase.")
        if "\x00" in text or _LONE_SURROGATE.search(text):
            raise ValidationError(FIELD, "A passphrase cannot contain control characters.")
        self._text = unicodedata.normalize("NFC", text)

    @classmethod
    def new(cls, text: str, confirmation: str | None = None) -> Passphrase:
        """A passphrase chosen for a workspace: long enough, and typed twice alike."""
        passphrase = cls(text)
        if len(passphrase._text) < MIN_NEW_LENGTH:
            raise ValidationError(
                FIELD, f"Choose a passphrase of at least {MIN_NEW_LENGTH} characters."
            )
        if confirmation is not None and not passphrase.matches(confirmation):
            raise ValidationError("confirmation", "The two passphrases are not the same.")
        return passphrase

    def reveal(self) -> str:
        return self._text

    def matches(self, text: str) -> bool:
        """True when `text` is this passphrase (compared in constant time)."""
        if not isinstance(text, str) or _LONE_SURROGATE.search(text):
            return False
        typed = unicodedata.normalize("NFC", text).encode("utf-8")
        return hmac.compare_digest(typed, self._text.encode("utf-8"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and self.matches(other._text)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("A passphrase is not serialisable.")


def sql_literal(passphrase: Passphrase) -> str:
    """The passphrase as an SQL string literal, for the PRAGMAs that take no parameters."""
    return "'" + passphrase.reveal().replace("'", "''") + "'"


def apply_key(conn: Any, passphrase: Passphrase | None) -> None:
    """Silence SQLCipher's own log, then key the connection (before anything reads).

    SQLCipher would otherwise write to stderr on a wrong key.
    """
    conn.execute("PRAGMA cipher_log_level = NONE")
    if passphrase is not None:
        conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")


def rekey(conn: Any, passphrase: Passphrase) -> None:
    """Re-encrypt the keyed database of `conn` with `passphrase`, in one transaction."""
    conn.execute(f"PRAGMA rekey = {sql_literal(passphrase)}")


def has_plain_header(path: Path) -> bool:
    """True when the file starts like a plain (unencrypted) SQLite database."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """True when the file may be an encrypted workspace (so a passphrase is worth asking).

    An encrypted file starts with a random salt, so it cannot be told apart
    from random bytes; what is ruled out is a plain database, a file too
    short to hold a salt, text, and a run of one byte (a zeroed file).
    """
    with path.open("rb") as handle:
        start = handle.read(SALT_BYTES)
    if len(start) < SALT_BYTES or start == SQLITE_HEADER:
        return False
    if len(set(start)) == 1:
        return False
    return not _is_text(start)


def _is_text(start: bytes) -> bool:
    """True when `start` reads as UTF-8 text (a last character may be cut off)."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(start, final=False)
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char in "\t\r\n" for char in text)
