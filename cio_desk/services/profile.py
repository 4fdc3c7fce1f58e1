"""The workspace profile: who the CIO is and when Day 1 was."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager
from cio_desk.services.text import check_range, clean_name, clean_text
from cio_desk.store.models import Profile

LANGUAGES = ("en", "zh_CN")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ProfileData:
    cio_name: str
    start_date: dt.date
    organisation: str = ""
    role_title: str = "Chief Information Officer"
    plan_due_day: int = 30
    language: str = "en"
    currency: str = "CNY"


class ProfileManager(Manager):
    """Reads and saves the single profile row."""

    def get(self) -> ProfileData | None:
        with self._read() as session:
            row = session.get(Profile, 1)
            return _to_data(row) if row else None

    def save(self, data: ProfileData) -> ProfileData:
        clean = validate_profile(data)
        with self._write() as session:
            row = session.get(Profile, 1) or Profile(id=1)
            for field in clean.__dataclass_fields__:
                setattr(row, field, getattr(clean, field))
            session.add(row)
        return clean


def validate_profile(data: ProfileData) -> ProfileData:
    if not isinstance(data.start_date, dt.date):
        raise ValidationError("start_date", "Start date must be a date.")
    start_date = data.start_date
    if isinstance(start_date, dt.datetime):  # a date and time: Day 1 is the date
        start_date = start_date.date()
    currency = clean_text(
        data.currency, field="currency", label="Currency", single_line=True
    ).upper()
    if not _CURRENCY.match(currency):
        raise ValidationError(
            "currency", "Currency must be a three-letter code such as CNY or USD."
        )
    if data.language not in LANGUAGES:
        raise ValidationError("language", f"Language must be one of {', '.join(LANGUAGES)}.")
    return ProfileData(
        cio_name=clean_name(data.cio_name, field="cio_name", label="Your name"),
        start_date=start_date,
        organisation=clean_text(
            data.organisation,
            field="organisation",
            label="Organisation",
            single_line=True,
            max_length=200,
        ),
        role_title=clean_text(
            data.role_title, field="role_title", label="Role", single_line=True, max_length=200
        ),
        plan_due_day=check_range(
            data.plan_due_day, field="plan_due_day", label="Plan due day", low=1, high=365
        ),
        language=data.language,
        currency=currency,
    )


def _to_data(row: Profile) -> ProfileData:
    return ProfileData(
        cio_name=row.cio_name,
        start_date=row.start_date,
        organisation=row.organisation,
        role_title=row.role_title,
        plan_due_day=row.plan_due_day,
        language=row.language,
        currency=row.currency,
    )
