"""Any input: whatever text is typed, every service stores it by the stated rule, or says no.

The rule (`services/text.py`): text is kept exactly as typed, except NUL
(removed) and lone surrogates (replaced by U+FFFD); single-line fields also
lose surrounding white space and have line breaks turned into spaces. A
service may refuse text with a ValidationError (too long, a required field
left blank, a code that is not a code), never with any other error.

The property tests run a modest number of examples by default; for a long
local run: `CIO_DESK_ANY_INPUT=long pytest tests/test_any_input.py`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cio_desk.errors import ValidationError
from cio_desk.services.followups import FollowUpData
from cio_desk.services.initiatives import InitiativeData
from cio_desk.services.insights import InsightData
from cio_desk.services.jargon import JargonData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.plan import (
    AssessmentItemData,
    GoalData,
    PrincipleData,
    UnitSituationData,
)
from cio_desk.services.plan_costs import CostLineData, MilestoneData, PaymentData
from cio_desk.services.plan_horizons import ContingencyData, MeasureData, NextStepData
from cio_desk.services.profile import ProfileData
from cio_desk.services.review import ReviewData
from cio_desk.services.risks import RiskData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.services.text import sanitize
from cio_desk.services.topics import TopicData
from cio_desk.store.enums import (
    AssessmentKind,
    CostCategory,
    InsightKind,
    RiskCategory,
    SituationType,
    TopicCategory,
)
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core

settings.register_profile(
    "any-input",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "any-input-long",
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(
    "any-input-long" if os.environ.get("CIO_DESK_ANY_INPUT") == "long" else "any-input"
)

NASTY = [
    "R&D",
    "&nbsp;",
    "&amp;lt;",
    "<b>bold</b>",
    "</para>",
    "<para>",
    "<?xml version='1.0'?>",
    "=cmd|'/c calc'!A1",
    "+SUM(A1:A9)",
    "@import",
    "-2+3",
    "👩\u200d👩\u200d👧\u200d👦 family",
    "🏳️\u200d🌈 flag",
    "מנהל מערכות מידע",
    "مدير تقنية المعلومات",
    "\u202eevil\u202c override",
    "Zoe\u0308 Cafe\u0301 n\u0303",
    "a\u0301\u0302\u0303\u0304\u0305\u0306\u0307",
    "王芳：财务总监，关注“月结周期”",
    "100% _under_ \\back\\slash",
    "'; DROP TABLE stakeholder; --",
    "line one\nline two\r\nline three\u2028four",
    "\t tabs \t",
    "nul\x00inside",
    "lone \ud800 surrogate \udfff",
    "\ufeffBOM",
    "\u200b\u200c\u200d zero widths",
    " ",
    "",
    "x" * 5000,
]
# Every code point, lone surrogates included (st.characters() leaves those out by default).
EVERY_CHARACTER = st.characters(exclude_categories=())
ANY_TEXT = st.one_of(st.sampled_from(NASTY), st.text(EVERY_CHARACTER), st.text())
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def allowed(value: str) -> set[str]:
    """What the rule lets a field hold after `value` was typed into it."""
    multi = sanitize(value)
    single = _LINE_BREAKS.sub(" ", multi).strip()
    return {multi, single}


# ---------------------------------------------------------------- every manager


@dataclasses.dataclass
class Area:
    """One kind of record: how to reach its manager and a valid record to start from."""

    name: str
    manager: Callable[[Workspace], Any]
    base: Callable[[dict[str, int]], Any]


START = dt.datetime(2026, 3, 3, 9)
AREAS = [
    Area("stakeholders", lambda ws: ws.stakeholders, lambda ids: StakeholderData(name="x")),
    Area(
        "meetings",
        lambda ws: ws.meetings,
        lambda ids: MeetingData(
            starts_at=START,
            ends_at=START + dt.timedelta(hours=1),
            attendee_ids=(ids["person"],),
        ),
    ),
    Area(
        "followups",
        lambda ws: ws.followups,
        lambda ids: FollowUpData(text="x", stakeholder_id=ids["person"]),
    ),
    Area(
        "insights",
        lambda ws: ws.insights,
        lambda ids: InsightData(stakeholder_id=ids["person"], kind=InsightKind.CONCERN),
    ),
    Area(
        "topics",
        lambda ws: ws.topics,
        lambda ids: TopicData(title="x", category=next(iter(TopicCategory))),
    ),
    Area(
        "review",
        lambda ws: ws.review,
        lambda ids: ReviewData(section="x", text="x", received_on=START.date()),
    ),
    Area("jargon", lambda ws: ws.jargon, lambda ids: JargonData(term="x")),
    Area(
        "risks", lambda ws: ws.risks, lambda ids: RiskData(title="x", category=RiskCategory.LEGAL)
    ),
    Area(
        "assessment",
        lambda ws: ws.plan.assessment,
        lambda ids: AssessmentItemData(kind=AssessmentKind.PAIN_POINT, text="x"),
    ),
    Area(
        "situations",
        lambda ws: ws.plan.situations,
        lambda ids: UnitSituationData(unit="x", situation=next(iter(SituationType))),
    ),
    Area("goals", lambda ws: ws.plan.goals, lambda ids: GoalData(title="x")),
    Area("principles", lambda ws: ws.plan.principles, lambda ids: PrincipleData(text="x")),
    Area("initiatives", lambda ws: ws.plan.initiatives, lambda ids: InitiativeData(title="x")),
    Area(
        "cost_lines",
        lambda ws: ws.plan.cost_lines,
        lambda ids: CostLineData(
            initiative_id=ids["initiative"], category=next(iter(CostCategory)), amount_minor=100
        ),
    ),
    Area(
        "payments",
        lambda ws: ws.plan.payments,
        lambda ids: PaymentData(initiative_id=ids["initiative"], month=2, amount_minor=100),
    ),
    Area(
        "milestones",
        lambda ws: ws.plan.milestones,
        lambda ids: MilestoneData(initiative_id=ids["initiative"], month=2, title="x"),
    ),
    Area("measures", lambda ws: ws.plan.measures, lambda ids: MeasureData(name="x")),
    Area(
        "contingencies", lambda ws: ws.plan.contingencies, lambda ids: ContingencyData(trigger="x")
    ),
    Area(
        "next_steps", lambda ws: ws.plan.next_steps, lambda ids: NextStepData(horizon=6, text="x")
    ),
]


def text_fields(data: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(data) if f.type == "str"]


@pytest.fixture(scope="module")
def shared_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, dict]]:
    """One workspace for all examples (a new file per example would be slow)."""
    ws = Workspace.create(tmp_path_factory.mktemp("any-input") / "any.ciodesk")
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START.date()))
    person = ws.stakeholders.add(StakeholderData(name="Wang Fang"))
    initiative = ws.plan.initiatives.add(InitiativeData(title="ERP clean-up", horizon=6))
    yield ws, {"person": person.id, "initiative": initiative.id}
    ws.close(backup=False)


def store_and_read(ws: Workspace, ids: dict[str, int], area: Area, value: str) -> None:
    """Put `value` into every text field of one record; check what comes back."""
    base = area.base(ids)
    fields = text_fields(base)
    data = dataclasses.replace(base, **dict.fromkeys(fields, value))
    manager = area.manager(ws)
    try:
        record = manager.add(data)
    except ValidationError as refused:
        assert refused.field and refused.message, area.name
        assert "Traceback" not in refused.message
        return
    stored = manager.get(record.id)
    for name in fields:
        assert getattr(stored, name) in allowed(value), (area.name, name)


@settings(PROFILE)
@given(area=st.sampled_from(AREAS), value=ANY_TEXT)
def test_every_text_field_keeps_what_was_typed_or_refuses_it_clearly(
    shared_ws: tuple[Workspace, dict], area: Area, value: str
) -> None:
    ws, ids = shared_ws
    store_and_read(ws, ids, area, value)


@pytest.mark.parametrize("area", AREAS, ids=[a.name for a in AREAS])
def test_every_nasty_string_in_every_area(shared_ws: tuple[Workspace, dict], area: Area) -> None:
    ws, ids = shared_ws
    for value in NASTY:
        store_and_read(ws, ids, area, value)


def test_the_profile_and_a_meeting_capture_take_any_text(
    shared_ws: tuple[Workspace, dict],
) -> None:
    from cio_desk.services.capture import MeetingOutcome

    ws, ids = shared_ws
    for value in NASTY:
        try:
            saved = ws.profile.save(
                ProfileData(cio_name=value or "x", start_date=START.date(), organisation=value)
            )
        except ValidationError:
            continue
        assert saved.organisation in allowed(value)
    meeting = ws.meetings.add(
        MeetingData(starts_at=START, ends_at=START, attendee_ids=(ids["person"],))
    )
    text = "".join(NASTY)
    result = ws.capture.record_meeting_outcome(
        meeting.id,
        MeetingOutcome(
            notes=text,
            insights=(InsightData(ids["person"], InsightKind.GOAL, text=text),),
            follow_ups=(FollowUpData(text=text),),
        ),
    )
    assert ws.meetings.get(meeting.id).notes == sanitize(text)
    assert ws.insights.get(result.insights[0].id).text == sanitize(text)


# ---------------------------------------------------------------- search


@settings(PROFILE)
@given(value=ANY_TEXT)
def test_search_takes_any_text_and_finds_what_was_stored(
    shared_ws: tuple[Workspace, dict], value: str
) -> None:
    ws, _ids = shared_ws
    ws.search.find(value)  # never raises, whatever was typed
    name = _LINE_BREAKS.sub(" ", sanitize(f"Marker {value}")).strip()[:200]
    person = ws.stakeholders.add(StakeholderData(name=name))
    try:
        found = ws.search.find(name, limit=500)
        assert ("stakeholder", person.id) in {(hit.kind, hit.id) for hit in found}
    finally:
        ws.stakeholders.delete(person.id)


def test_search_takes_every_nasty_string(shared_ws: tuple[Workspace, dict]) -> None:
    ws, _ids = shared_ws
    for value in NASTY:
        name = _LINE_BREAKS.sub(" ", sanitize(f"Nasty {value}")).strip()[:200]
        person = ws.stakeholders.add(StakeholderData(name=name))
        try:
            ws.search.find(value)  # never raises
            assert person.id in [hit.id for hit in ws.search.find(name, 500)]
        finally:
            ws.stakeholders.delete(person.id)


def test_ten_megabytes_of_notes_are_kept_exactly(shared_ws: tuple[Workspace, dict]) -> None:
    ws, _ids = shared_ws
    chunk = "王芳 said: R&D <b>budget</b> 👩\u200d💻 مدير\n"
    notes = chunk * (10_000_000 // len(chunk.encode()) + 1)
    assert len(notes.encode()) >= 10_000_000
    person = ws.stakeholders.add(StakeholderData(name="Long notes", notes=notes))
    try:
        assert ws.stakeholders.get(person.id).notes == notes
        assert any(hit.id == person.id for hit in ws.search.find("Long notes"))
    finally:
        ws.stakeholders.delete(person.id)


# ---------------------------------------------------------------- the PDF


def nasty_workspace(path: Path, values: list[str]) -> Workspace:
    """A workspace whose every kind of record carries each of `values`."""
    ws = Workspace.create(path)
    ws.profile.save(
        ProfileData(cio_name="R&D <b>Chen</b>", start_date=START.date(), organisation="</para>")
    )
    ids = {
        "person": ws.stakeholders.add(StakeholderData(name="Wang Fang")).id,
        "initiative": ws.plan.initiatives.add(InitiativeData(title="ERP", horizon=6)).id,
    }
    for area in AREAS:
        for value in values:
            store_and_read(ws, ids, area, value)
    return ws


def export_pdf(ws: Workspace, out: Path, profile: str = "personal") -> int:
    from cio_desk.export import ExportOptions, export_document

    result = export_document(ws, out, ExportOptions(profile=profile, freeze_version=False))
    assert out.read_bytes().startswith(b"%PDF")
    return result.pages


SHORT_NASTY = [value for value in NASTY if value.strip() and len(value) < 1000]


@pytest.mark.parametrize("profile", ["personal", "executive"])
def test_a_pdf_of_the_nastiest_workspace_is_written(
    workspace_path: Path, tmp_path: Path, profile: str
) -> None:
    ws = nasty_workspace(workspace_path, SHORT_NASTY)
    try:
        assert export_pdf(ws, tmp_path / f"{profile}.pdf", profile) >= 1
    finally:
        ws.close(backup=False)


def test_a_pdf_with_page_long_texts_is_written(workspace_path: Path, tmp_path: Path) -> None:
    ws = nasty_workspace(workspace_path, [])
    prose = "word " * 1200
    ws.plan.goals.add(GoalData(title="Close the books faster", description=prose))
    ws.stakeholders.add(StakeholderData(name="Li Wei", notes=prose))
    try:
        assert export_pdf(ws, tmp_path / "long.pdf") >= 1
    finally:
        ws.close(backup=False)


@pytest.fixture(scope="module")
def pdf_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path_factory.mktemp("pdf-input") / "pdf.ciodesk")
    ws.profile.save(ProfileData(cio_name="Chen Jing", start_date=START.date()))
    yield ws
    ws.close(backup=False)


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 6))
@given(value=st.text(EVERY_CHARACTER, min_size=1, max_size=300))
def test_a_pdf_takes_any_text(
    pdf_ws: Workspace, tmp_path_factory: pytest.TempPathFactory, value: str
) -> None:
    from cio_desk.export import ExportOptions, export_document

    ws = pdf_ws
    risk = None
    with contextlib.suppress(ValidationError):
        risk = ws.risks.add(RiskData(title=value, category=RiskCategory.LEGAL, cause=value))
    out = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    try:
        export_document(ws, out, ExportOptions(profile="personal", freeze_version=False))
        assert out.read_bytes().startswith(b"%PDF")
    finally:
        if risk is not None:
            ws.risks.delete(risk.id)
