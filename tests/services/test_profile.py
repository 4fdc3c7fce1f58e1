"""The workspace profile: who the CIO is and when Day 1 was."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.profile import ProfileData
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

START = dt.date(2026, 3, 2)
PROFILE = ProfileData(
    cio_name="  陈静 Chen Jing ",
    start_date=START,
    organisation="华新制造 Huaxin Manufacturing",
    role_title="CIO",
    plan_due_day=45,
    language="zh_CN",
    currency="usd",
)


def test_a_new_workspace_has_no_profile(blank_ws: Workspace) -> None:
    assert blank_ws.profile.get() is None


def test_the_profile_is_saved_cleaned_and_read_back(blank_ws: Workspace) -> None:
    saved = blank_ws.profile.save(PROFILE)
    assert saved.cio_name == "陈静 Chen Jing"
    assert saved.currency == "USD"
    assert blank_ws.profile.get() == saved
    assert saved.organisation == "华新制造 Huaxin Manufacturing"
    assert (saved.plan_due_day, saved.language) == (45, "zh_CN")


def test_defaults_match_the_method(blank_ws: Workspace) -> None:
    saved = blank_ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START))
    assert (saved.plan_due_day, saved.language, saved.currency) == (30, "en", "CNY")
    assert saved.role_title == "Chief Information Officer"


def test_saving_again_replaces_the_single_profile(blank_ws: Workspace) -> None:
    blank_ws.profile.save(PROFILE)
    later = dataclasses.replace(PROFILE, start_date=START + dt.timedelta(days=7))
    blank_ws.profile.save(later)
    assert blank_ws.profile.get().start_date == START + dt.timedelta(days=7)


def test_the_profile_survives_reopening(blank_ws: Workspace) -> None:
    saved = blank_ws.profile.save(PROFILE)
    blank_ws.close()
    again = Workspace.open(blank_ws.path, backup=False)
    try:
        assert again.profile.get() == saved
    finally:
        again.close()


def test_a_date_and_time_keeps_only_the_date(blank_ws: Workspace) -> None:
    saved = blank_ws.profile.save(
        dataclasses.replace(PROFILE, start_date=dt.datetime(2026, 3, 2, 23, 30))
    )
    assert saved.start_date == START and type(saved.start_date) is dt.date
    assert blank_ws.profile.get().start_date == START


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"cio_name": "   "}, "cio_name", "Your name cannot be empty"),
        ({"cio_name": None}, "cio_name", "Your name cannot be empty"),
        ({"start_date": "2026-03-02"}, "start_date", "Start date must be a date"),
        ({"start_date": None}, "start_date", "Start date must be a date"),
        ({"plan_due_day": 0}, "plan_due_day", "Plan due day must be from 1 to 365"),
        ({"plan_due_day": 366}, "plan_due_day", "Plan due day must be from 1 to 365"),
        ({"plan_due_day": "30"}, "plan_due_day", "whole number"),
        ({"plan_due_day": True}, "plan_due_day", "whole number"),
        ({"language": "fr"}, "language", "Language must be one of en, zh_CN"),
        ({"currency": "US"}, "currency", "three-letter code"),
        ({"currency": "US$"}, "currency", "three-letter code"),
        ({"organisation": "x" * 201}, "organisation", "Organisation is too long"),
    ],
)
def test_bad_profiles_are_refused_with_the_field_named(
    blank_ws: Workspace, change: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        blank_ws.profile.save(dataclasses.replace(PROFILE, **change))
    assert caught.value.field == field
    assert blank_ws.profile.get() is None  # nothing half-saved


def test_a_refused_edit_keeps_the_saved_profile(blank_ws: Workspace) -> None:
    saved = blank_ws.profile.save(PROFILE)
    with pytest.raises(ValidationError):
        blank_ws.profile.save(dataclasses.replace(PROFILE, cio_name=""))
    assert blank_ws.profile.get() == saved
