"""Confidential items never leave a personal copy, whatever the section."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import (
    NOW,
    OPEN_NOTE,
    SECRET_INSIGHT,
    SECRET_MEETING,
    SECRET_PERSON,
    Plan,
    pdf_text,
)

from cio_desk.export import ExportOptions, export_document

MARKERS = (SECRET_MEETING, SECRET_INSIGHT, SECRET_PERSON)


def _text(plan: Plan, tmp_path: Path, profile: str) -> str:
    out = tmp_path / f"{profile}.pdf"
    export_document(plan.ws, out, ExportOptions(profile=profile), now=NOW)
    return "".join(pdf_text(out).split())


def test_every_confidential_marker_is_in_the_personal_copy(plan: Plan, tmp_path: Path) -> None:
    text = _text(plan, tmp_path, "personal")
    for marker in MARKERS:
        assert marker in text
    assert "PRIVATE" in text


@pytest.mark.parametrize("profile", ["executive", "coach"])
def test_no_confidential_marker_in_other_copies(plan: Plan, tmp_path: Path, profile: str) -> None:
    text = _text(plan, tmp_path, profile)
    for marker in MARKERS:
        assert marker not in text
    assert "PRIVATE" not in text


def test_coach_copy_has_names_the_log_and_shared_notes(plan: Plan, tmp_path: Path) -> None:
    text = _text(plan, tmp_path, "coach")
    assert "LiWei李伟" in text  # the concern is attributed
    assert "First30days" in text and "Coffeewiththe CFO".replace(" ", "") in text
    assert "".join(OPEN_NOTE.split()) in text


def test_executive_copy_names_nobody_and_has_no_log_or_notes(plan: Plan, tmp_path: Path) -> None:
    text = _text(plan, tmp_path, "executive")
    assert "LiWei" not in text and "WangFang" not in text
    assert "First30days" not in text
    assert "".join(OPEN_NOTE.split()) not in text
    # concerns are still there, grouped by theme, without the person
    assert "Month-endclosetakes12daysintheERP" in text
    assert "Finance" in text
