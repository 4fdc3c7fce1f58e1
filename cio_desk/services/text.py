"""The one boundary that decides which text a workspace accepts.

Rule: everything is stored exactly as typed (CJK, emoji, right-to-left,
combining marks, markup-like text such as `<b>` or `R&D`), except two things
no editor should produce and SQLite cannot handle cleanly:
- NUL characters are removed (SQLite stores them, but LIKE and length() stop
  at them);
- lone surrogates are replaced by U+FFFD (they cannot be encoded as UTF-8).
Single-line fields (names, titles) also have surrounding white space removed
and line breaks turned into spaces.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TypeVar

from cio_desk.errors import ValidationError

REPLACEMENT = "\ufffd"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
E = TypeVar("E", bound=Enum)


def sanitize(value: str) -> str:
    """Apply the stated rule for NUL and lone surrogates; nothing else changes."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    return _LONE_SURROGATE.sub(REPLACEMENT, value)


def clean_text(
    value: object,
    *,
    field: str,
    label: str,
    required: bool = False,
    single_line: bool = False,
    max_length: int | None = None,
) -> str:
    """Validate and normalise one piece of user text, or raise ValidationError."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, f"{label} must be text.")
    text = sanitize(value)
    if single_line:
        text = _LINE_BREAKS.sub(" ", text).strip()
    if required and not text.strip():
        raise ValidationError(field, f"{label} cannot be empty.")
    if max_length is not None and len(text) > max_length:
        raise ValidationError(field, f"{label} is too long (at most {max_length} characters).")
    return text


def clean_name(value: object, *, field: str = "name", label: str = "Name") -> str:
    return clean_text(
        value, field=field, label=label, required=True, single_line=True, max_length=200
    )


def check_range(value: object, *, field: str, label: str, low: int, high: int) -> int:
    """An integer within [low, high], or ValidationError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label} must be a whole number from {low} to {high}.")
    if not low <= value <= high:
        raise ValidationError(field, f"{label} must be from {low} to {high} (got {value}).")
    return value


def check_rating(value: object, *, field: str, label: str) -> int:
    return check_range(value, field=field, label=label, low=1, high=5)


def check_choice(value: object, choices: type[E], *, field: str, label: str) -> E:
    """A member of the enum `choices`, given as a member or its value."""
    try:
        return choices(value)  # type: ignore[call-arg]
    except ValueError:
        raise ValidationError(field, f"{label} has an unknown value: {value!r}.") from None
