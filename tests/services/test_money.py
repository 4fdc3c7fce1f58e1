"""Money typed by people becomes exact minor units, and reads back the same."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cio_desk.errors import ValidationError
from cio_desk.services.money import (
    check_minor,
    format_amount,
    minor_digits,
    parse_amount,
    parse_number,
)


@pytest.mark.parametrize(
    ("typed", "minor"),
    [
        ("1200000", 120_000_000),
        ("1,200,000", 120_000_000),
        ("1200000.50", 120_000_050),
        ("1,200,000.5", 120_000_050),
        ("0.01", 1),
        (".5", 50),
        ("0", 0),
        ("  42  ", 4_200),
        ("¥1,200", 120_000),
        ("1,200¥", 120_000),
        ("￥１，２００", 120_000),  # full-width, as typed with a Chinese input method
        ("CNY 1,200", 120_000),
        ("1200 CNY", 120_000),
        ("RMB1200", 120_000),
        ("1,200 元", 120_000),
        ("12 万", 12_000_000),
        ("12万元", 12_000_000),
        ("¥3.5亿", 35_000_000_000),
        ("1 200 000", 120_000_000),
    ],
)
def test_amounts_parse_exactly(typed: str, minor: int) -> None:
    assert parse_amount(typed) == minor


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "cannot be negative"),
        ("¥-5", "cannot be negative"),
        ("(5)", "cannot be negative"),
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("abc", "must be a number"),
        ("12abc", "must be a number"),
        ("1e5", "must be a number"),
        ("nan", "must be a number"),
        ("1,20", "must be a number"),
        ("1.2.3", "must be a number"),
        ("1.234", "at most 2 decimal places"),
        ("$5", "keeps amounts in CNY"),
        ("USD 5", "keeps amounts in CNY"),
        ("2,000,000,000,000", "too large"),
    ],
)
def test_bad_amounts_are_refused_with_a_sentence(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(typed, field="cost", label="Cost")
    assert message in caught.value.message
    assert caught.value.field == "cost"
    assert caught.value.message.endswith(".")


def test_a_non_text_amount_is_refused() -> None:
    with pytest.raises(ValidationError, match="typed as text"):
        parse_amount(12.5)


def test_currencies_without_minor_unit_take_whole_amounts() -> None:
    assert minor_digits("JPY") == 0
    assert parse_amount("¥1,200", currency="JPY") == 1_200
    with pytest.raises(ValidationError, match="whole JPY"):
        parse_amount("1200.5", currency="JPY")


def test_other_currencies_take_their_own_symbol() -> None:
    assert parse_amount("$1,250.75", currency="USD") == 125_075
    assert parse_amount("€99", currency="EUR") == 9_900
    with pytest.raises(ValidationError, match="keeps amounts in EUR"):
        parse_amount("¥99", currency="EUR")


@pytest.mark.parametrize(
    ("minor", "currency", "shown"),
    [
        (120_000_050, "CNY", "¥1,200,000.50"),
        (0, "CNY", "¥0.00"),
        (5, "usd", "$0.05"),
        (-150_000, "EUR", "-€1,500.00"),
        (1_200, "JPY", "¥1,200"),
        (123_456, "CHF", "CHF 1,234.56"),
    ],
)
def test_amounts_format_with_currency_and_grouping(minor: int, currency: str, shown: str) -> None:
    assert format_amount(minor, currency) == shown


def test_the_edit_form_of_an_amount_reads_back_unchanged() -> None:
    text = format_amount(120_000_050, "CNY", symbol=False, grouping=False)
    assert text == "1200000.50"
    assert parse_amount(text) == 120_000_050


@given(st.integers(min_value=0, max_value=10**14))
def test_every_displayed_amount_parses_back(minor: int) -> None:
    assert parse_amount(format_amount(minor, "CNY")) == minor
    assert parse_amount(format_amount(minor, "CNY", symbol=False, grouping=False)) == minor


def test_check_minor_guards_stored_amounts() -> None:
    assert check_minor(0) == 0
    for bad, message in ((-1, "negative"), (1.5, "whole number"), (True, "whole number")):
        with pytest.raises(ValidationError, match=message):
            check_minor(bad)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,250", 1250.0), ("-3.5", -3.5), ("95%", 95.0), ("", None), (None, None), (7, 7.0)],
)
def test_measure_numbers_parse(typed: object, value: float | None) -> None:
    assert parse_number(typed, field="target", label="Target") == value


@pytest.mark.parametrize("typed", ["ten", "1.2.3", float("inf"), True])
def test_bad_measure_numbers_are_refused(typed: object) -> None:
    with pytest.raises(ValidationError):
        parse_number(typed, field="target", label="Target")
