"""The text boundary: what is stored exactly as typed, and the two things that are not."""

from __future__ import annotations

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.services.text import (
    REPLACEMENT,
    check_choice,
    check_range,
    check_rating,
    clean_name,
    clean_text,
    sanitize,
)
from cio_desk.store.enums import Stance
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

KEPT_EXACTLY = [
    pytest.param("王芳：财务总监，关注月结周期", id="cjk"),
    pytest.param("👩\u200d💻 team lead 👨\u200d👩\u200d👧", id="emoji-zwj"),
    pytest.param("مدير تقنية المعلومات", id="rtl"),
    pytest.param("\u05e9\u05dc\u05d5\u05dd and English", id="mixed-direction"),
    pytest.param("Zoe\u0308 Cafe\u0301", id="combining-marks"),  # not normalised to NFC
    pytest.param("<b>bold</b> & <script>x</script>", id="markup"),
    pytest.param("R&D; 50% of 'ops' \"budget\" \\ back", id="punctuation"),
    pytest.param("Ｆｕｌｌ　ｗｉｄｔｈ", id="full-width"),
]


@pytest.mark.parametrize("value", KEPT_EXACTLY)
def test_text_is_kept_exactly_as_typed(value: str) -> None:
    assert sanitize(value) == value
    assert clean_text(value, field="notes", label="Notes") == value
    assert clean_name(value) == value


@pytest.mark.parametrize("value", KEPT_EXACTLY)
def test_text_survives_the_database_unchanged(ws: Workspace, value: str) -> None:
    person = ws.stakeholders.add(StakeholderData(name=value, notes=value, title=value))
    stored = ws.stakeholders.get(person.id)
    assert (stored.name, stored.notes, stored.title) == (value, value, value)


def test_nul_characters_are_removed() -> None:
    assert sanitize("Li\x00 Wei\x00") == "Li Wei"
    assert clean_text("a\x00b", field="notes", label="Notes") == "ab"


def test_lone_surrogates_are_replaced_and_can_be_stored(ws: Workspace) -> None:
    assert sanitize("ok \ud800 and \udfff") == f"ok {REPLACEMENT} and {REPLACEMENT}"
    assert sanitize("😀") == "😀"  # a real astral character is not a surrogate
    person = ws.stakeholders.add(StakeholderData(name="Li\ud83d Wei", notes="x\udc00y"))
    stored = ws.stakeholders.get(person.id)
    assert (stored.name, stored.notes) == (f"Li{REPLACEMENT} Wei", f"x{REPLACEMENT}y")


def test_single_line_fields_lose_line_breaks_and_surrounding_space() -> None:
    assert clean_name("  Li\r\nWei\n ") == "Li Wei"
    assert clean_name("Li\u2028Wei") == "Li Wei"
    assert clean_text(" a\n\nb ", field="title", label="Title", single_line=True) == "a b"


def test_multi_line_text_keeps_its_lines_and_spacing() -> None:
    notes = "  First point\n\n\tSecond point  \r\n"
    assert clean_text(notes, field="notes", label="Notes") == notes


@pytest.mark.parametrize("value", ["", "   ", "\n\t", "\x00", "\u3000"])
def test_required_text_cannot_be_blank(value: str) -> None:
    with pytest.raises(ValidationError, match="Name cannot be empty") as caught:
        clean_name(value)
    assert caught.value.field == "name"


def test_optional_text_may_be_empty_or_none() -> None:
    assert clean_text("", field="notes", label="Notes") == ""
    assert clean_text(None, field="notes", label="Notes") == ""


@pytest.mark.parametrize("value", [42, b"bytes", ["Li"], 3.5])
def test_non_text_is_refused(value: object) -> None:
    with pytest.raises(ValidationError, match="Notes must be text") as caught:
        clean_text(value, field="notes", label="Notes")
    assert caught.value.field == "notes"


def test_max_length_counts_characters_not_bytes() -> None:
    assert clean_text("王" * 10, field="title", label="Title", max_length=10) == "王" * 10
    with pytest.raises(ValidationError, match="at most 10 characters") as caught:
        clean_text("王" * 11, field="title", label="Title", max_length=10)
    assert caught.value.field == "title"
    assert len(clean_name("x" * 200)) == 200
    with pytest.raises(ValidationError, match="too long"):
        clean_name("x" * 201)


@pytest.mark.parametrize("value", [1, 3, 5])
def test_ratings_in_range_are_accepted(value: int) -> None:
    assert check_rating(value, field="influence", label="Influence") == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "from 1 to 5 \\(got 0\\)"),
        (6, "from 1 to 5 \\(got 6\\)"),
        ("3", "whole number"),
        (True, "whole number"),
        (2.5, "whole number"),
        (None, "whole number"),
    ],
)
def test_ratings_out_of_range_or_not_whole_numbers_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        check_rating(value, field="influence", label="Influence")
    assert caught.value.field == "influence"
    assert caught.value.message.startswith("Influence must be")


def test_range_bounds_are_inclusive() -> None:
    assert check_range(-2, field="sentiment", label="Sentiment", low=-2, high=2) == -2
    with pytest.raises(ValidationError):
        check_range(3, field="sentiment", label="Sentiment", low=-2, high=2)


def test_choices_accept_a_member_or_its_value_only() -> None:
    assert check_choice("sceptic", Stance, field="stance", label="Stance") is Stance.SCEPTIC
    assert check_choice(Stance.BLOCKER, Stance, field="stance", label="Stance") is Stance.BLOCKER
    for bad in ("Sceptic", "hostile", "", None, 1):
        with pytest.raises(ValidationError, match="Stance has an unknown value") as caught:
            check_choice(bad, Stance, field="stance", label="Stance")
        assert caught.value.field == "stance"
