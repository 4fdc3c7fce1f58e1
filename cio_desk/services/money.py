"""Money as typed by people and as shown to them; stored as integer minor units.

Amounts live in the database as whole numbers of the currency's minor unit
(fen, cents; yen have none), so sums are exact. `parse_amount` turns what a
person types into minor units through `Decimal`, never through floats:

    parse_amount("1,200,000")        -> 120000000   (CNY: 1,200,000.00)
    parse_amount("1200000.50")       -> 120000050
    parse_amount("¥1,200")           -> 120000
    parse_amount("12 万")            -> 12000000    (120,000.00)
    parse_amount("3.5亿")            -> 35000000000

Accepted: digits with an optional decimal point; thousands grouped by commas
(or spaces) in threes; full-width digits and punctuation; the workspace
currency's symbol or code before or after the number; the Chinese multipliers
万 (10^4) and 亿 (10^8); a trailing 元. Refused with a sentence: negative
amounts, anything that is not a number, more decimals than the currency has,
a symbol or code of another currency, and absurdly large amounts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from cio_desk.errors import ValidationError

DEFAULT_CURRENCY = "CNY"
# One trillion in major units: far above any transition budget, far below
# what a 64-bit SQLite integer holds even after summing thousands of lines.
MAX_MAJOR = Decimal(10) ** 12

_SYMBOLS = {
    "CNY": "¥",
    "JPY": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "TWD": "NT$",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
    "KRW": "₩",
    "INR": "₹",
}
# Currencies whose minor unit is the major unit (no decimals).
_NO_MINOR_UNIT = frozenset({"JPY", "KRW", "VND", "ISK", "CLP"})
_CODE_ALIASES = {"RMB": "CNY"}
# fmt: off
_OTHER_CODES = frozenset({
    "CHF", "SEK", "NOK", "DKK", "NZD", "MYR", "THB", "IDR", "PHP", "VND", "MXN",
    "BRL", "ZAR", "RUB", "TRY", "AED", "SAR", "ILS", "PLN", "CZK", "HUF",
})
# fmt: on
_MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}

_GROUPED = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_SPACE_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f'](?=\d)")
_LEADING_CODE = re.compile(r"^([A-Za-z]{3})\s*")
_TRAILING_CODE = re.compile(r"\s*([A-Za-z]{3})$")
_NEGATIVE = re.compile(r"^[-−]|^\(.*\)$|[-−]$")


def minor_digits(currency: str) -> int:
    """How many decimals the currency has: 2 for most, 0 for yen or won."""
    return 0 if currency.upper() in _NO_MINOR_UNIT else 2


def currency_symbol(currency: str) -> str:
    """The symbol shown before amounts ("¥", "$"), or "" when only the code is used."""
    return _SYMBOLS.get(currency.upper(), "")


def parse_amount(
    text: object,
    *,
    currency: str = DEFAULT_CURRENCY,
    field: str = "amount",
    label: str = "Amount",
) -> int:
    """The amount typed in `text` as integer minor units, or ValidationError."""
    if not isinstance(text, str):
        raise ValidationError(field, f"{label} must be typed as text, such as 1,200,000.")
    currency = currency.upper()
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise ValidationError(field, f"{label} cannot be empty; enter an amount such as 1,200.")
    if _NEGATIVE.search(cleaned.replace(" ", "")):
        raise ValidationError(field, f"{label} cannot be negative.")
    number, multiplier = _strip_decorations(cleaned, currency, field, label)
    if number.startswith(("-", "−")):
        raise ValidationError(field, f"{label} cannot be negative.")
    value = _to_decimal(number, field, label) * multiplier
    digits = minor_digits(currency)
    minor = value.scaleb(digits)
    if minor != minor.to_integral_value():
        if digits == 0:
            raise ValidationError(field, f"{label} must be whole {currency} (no decimals).")
        raise ValidationError(field, f"{label} can have at most {digits} decimal places.")
    if value > MAX_MAJOR:
        raise ValidationError(
            field, f"{label} is too large (at most {format_amount(_max_minor(digits), currency)})."
        )
    return int(minor)


def _strip_decorations(text: str, currency: str, field: str, label: str) -> tuple[str, Decimal]:
    """Remove symbol, code, 元 and 万/亿 around the number; check the currency."""
    multiplier = Decimal(1)
    text = text.removesuffix("元").strip()
    if text and text[-1] in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[text[-1]]
        text = text[:-1].strip()
    for pattern in (_LEADING_CODE, _TRAILING_CODE):
        match = pattern.search(text)
        rest = (text[: match.start()] + text[match.end() :]).strip() if match else ""
        if match and rest and _is_currency_code(match.group(1), currency):
            _check_code(match.group(1), currency, field, label)
            text = rest
    text = _strip_symbol(text, currency, field, label)
    if text and text[-1] in _MULTIPLIERS and multiplier == 1:
        multiplier = _MULTIPLIERS[text[-1]]
        text = text[:-1].strip()
    return text, multiplier


def _is_currency_code(code: str, currency: str) -> bool:
    code = code.upper()
    return code in _SYMBOLS or code in _CODE_ALIASES or code in _OTHER_CODES or code == currency


def _check_code(code: str, currency: str, field: str, label: str) -> None:
    code = _CODE_ALIASES.get(code.upper(), code.upper())
    if code != currency:
        raise ValidationError(
            field, f"This workspace keeps amounts in {currency}; enter the amount in {currency}."
        )


def _strip_symbol(text: str, currency: str, field: str, label: str) -> str:
    for symbol in sorted(set(_SYMBOLS.values()), key=len, reverse=True):
        for stripped in (text.removeprefix(symbol), text.removesuffix(symbol)):
            if stripped != text:
                if symbol != currency_symbol(currency):
                    raise ValidationError(
                        field,
                        f"This workspace keeps amounts in {currency}; "
                        f"enter the amount in {currency}.",
                    )
                return stripped.strip()
    return text


def _to_decimal(number: str, field: str, label: str) -> Decimal:
    number = _SPACE_BETWEEN_DIGITS.sub(",", number)
    if not number.isascii() or not _GROUPED.match(number):
        raise ValidationError(field, f"{label} must be a number such as 1,200,000 or 1200000.50.")
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise ValidationError(field, f"{label} must be a number.") from None


def _max_minor(digits: int) -> int:
    return int(MAX_MAJOR.scaleb(digits))


def format_amount(
    minor: int,
    currency: str = DEFAULT_CURRENCY,
    *,
    symbol: bool = True,
    grouping: bool = True,
) -> str:
    """Minor units for display: `format_amount(120000050, "CNY")` -> "¥1,200,000.50".

    Currencies without a symbol show their code ("CHF 1,200.00"). With
    `symbol=False, grouping=False` the result is what an edit field shows and
    `parse_amount` reads back unchanged.
    """
    currency = currency.upper()
    digits = minor_digits(currency)
    sign = "-" if minor < 0 else ""
    value = Decimal(abs(int(minor))).scaleb(-digits)
    number = f"{value:,.{digits}f}" if grouping else f"{value:.{digits}f}"
    if not symbol:
        return sign + number
    mark = currency_symbol(currency)
    return f"{sign}{mark}{number}" if mark else f"{sign}{currency} {number}"


def parse_number(text: object, *, field: str, label: str) -> float | None:
    """A measure value as typed ("1,250", "-3.5", "95%", "") -> float, or None if blank.

    Measures are not money: they may be negative and carry any unit, which the
    measure keeps separately, so a trailing "%" is simply dropped.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError(field, f"{label} must be a number.")
    if isinstance(text, int | float | Decimal):
        return _finite(float(text), field, label)
    if not isinstance(text, str):
        raise ValidationError(field, f"{label} must be a number.")
    cleaned = unicodedata.normalize("NFKC", text).strip().removesuffix("%").strip()
    if not cleaned:
        return None
    negative = cleaned[0] in "-−"
    body = cleaned[1:].strip() if negative else cleaned
    value = _to_decimal(body, field, label)
    return _finite(float(-value if negative else value), field, label)


def _finite(value: float, field: str, label: str) -> float:
    if not math.isfinite(value):
        raise ValidationError(field, f"{label} must be a finite number.")
    return value


def check_minor(value: object, *, field: str = "amount_minor", label: str = "Amount") -> int:
    """An amount already in minor units: a whole number, not negative, not absurd."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label} must be a whole number of minor units.")
    if value < 0:
        raise ValidationError(field, f"{label} cannot be negative.")
    if value > _max_minor(2):
        raise ValidationError(field, f"{label} is too large.")
    return value
