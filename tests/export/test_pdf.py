"""The plan PDF read back: sections, figures, pages, bookmarks, metadata, fonts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pdf_helpers import NOW, Plan, needs_poppler, pdf_text, poppler_text, squeeze
from pypdf import PdfReader

from cio_desk.errors import ValidationError
from cio_desk.export import ExportError, ExportOptions, export_document, find_jargon
from cio_desk.workspace import Workspace

SECTION_TITLES = [
    "Executive summary",
    "Situation assessment",
    "Goals and approach",
    "24-month roadmap",
    "Horizons",
    "Risks",
    "Budget",
    "Stakeholder landscape",
    "First 30 days",
    "Changes since the previous version",
    "Glossary",
]


def _export(ws: Workspace, tmp_path: Path, profile: str = "coach", **options: object):
    out = tmp_path / f"{profile}.pdf"
    result = export_document(ws, out, ExportOptions(profile=profile, **options), now=NOW)
    return result, out


def test_every_section_is_present_with_bookmarks_in_order(plan: Plan, tmp_path: Path) -> None:
    result, out = _export(plan.ws, tmp_path, "coach")
    reader = PdfReader(out)
    top_level = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top_level == SECTION_TITLES
    assert result.pages == len(reader.pages)
    text = pdf_text(out)
    for title in SECTION_TITLES:
        assert title in text


def test_every_page_says_page_x_of_y_audience_version_and_date(plan: Plan, tmp_path: Path) -> None:
    _result, out = _export(plan.ws, tmp_path, "coach")
    pages = PdfReader(out).pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        assert "Coach review version" in text and "Version 1" in text and "2026-04-01" in text


def test_contents_page_numbers_match_the_bookmarks(plan: Plan, tmp_path: Path) -> None:
    _result, out = _export(plan.ws, tmp_path, "coach")
    reader = PdfReader(out)
    contents = reader.pages[1].extract_text()
    for item in reader.outline:
        if isinstance(item, list):
            continue
        page = reader.get_destination_page_number(item) + 1
        assert f"{item.title}" in contents
        assert str(page) in contents


def test_budget_figures_equal_the_budget_service(plan: Plan, tmp_path: Path) -> None:
    budget = plan.ws.budget.summary()
    # 12,000 one-off + 3,000 a year in months 1 and 13 + 40,000 one-off = 58,000
    assert budget.total.total == 58_000_00
    _result, out = _export(plan.ws, tmp_path, "executive")
    text = pdf_text(out)
    assert budget.format(budget.total.total) == "¥58,000.00"
    assert "¥58,000.00" in text
    for item in budget.initiatives:
        assert budget.format(item.cost.total) in text  # ¥18,000.00 and ¥40,000.00
    for totals in budget.by_horizon.values():
        assert budget.format(totals.total) in text


def test_metadata_has_title_and_author_and_nothing_confidential(plan: Plan, tmp_path: Path) -> None:
    _result, out = _export(plan.ws, tmp_path, "personal")
    info = PdfReader(out).metadata
    assert info.title == "Transition plan: Huaxin Manufacturing"
    assert info.author == "Chen Jing"
    assert info.subject == "Personal copy"
    assert "QX7" not in " ".join(str(v) for v in info.values())


def test_an_empty_plan_exports_and_each_section_says_it_is_empty(
    blank_ws: Workspace, tmp_path: Path
) -> None:
    result, out = _export(blank_ws, tmp_path, "coach")
    text = pdf_text(out)
    assert result.pages >= len(SECTION_TITLES)
    for line in (
        "No goals recorded yet.",
        "No assessment recorded yet.",
        "No initiatives on the roadmap yet.",
        "No risks recorded yet.",
        "No costs recorded yet.",
        "No stakeholders in the register yet.",
        "No meetings held in the first 30 days yet.",
        "This is the first version; there is nothing to compare yet.",
        "The document uses no terms from the jargon list.",
    ):
        assert line in text


def test_section_selection_and_letter_pages(plan: Plan, tmp_path: Path) -> None:
    result, out = _export(
        plan.ws, tmp_path, "coach", sections=("risks", "budget"), page_size="Letter"
    )
    reader = PdfReader(out)
    assert [i.title for i in reader.outline if not isinstance(i, list)] == ["Risks", "Budget"]
    assert result.sections == ("risks", "budget")
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (612, 792)


def test_the_roadmap_is_landscape_and_splits_a_long_plan(ws: Workspace, tmp_path: Path) -> None:
    from cio_desk.services.initiatives import InitiativeData, InitiativeManager

    manager = InitiativeManager(ws.sessions)
    for n in range(60):
        manager.add(
            InitiativeData(title=f"Initiative number {n}", horizon=24, start_month=1, end_month=24)
        )
    _result, out = _export(ws, tmp_path, "coach", sections=("roadmap",))
    reader = PdfReader(out)
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(landscape) >= 3
    text = pdf_text(out)
    assert "Initiative number 0" in text and "Initiative number 59" in text


def test_user_text_is_printed_exactly_never_as_markup(ws: Workspace, tmp_path: Path) -> None:
    from cio_desk.services.initiatives import InitiativeData, InitiativeManager

    tricky = [
        "R&D budget",
        "&nbsp; stays",
        "<b>oops",
        "</para> ends",
        "<? not a tag",
        "a & b < c > d",
    ]
    manager = InitiativeManager(ws.sessions)
    for title in tricky:
        manager.add(InitiativeData(title=title, description=title))
    _result, out = _export(ws, tmp_path, "coach", sections=("horizons",))
    text = pdf_text(out)
    for title in tricky:
        assert title in text


@needs_poppler
def test_an_emoji_without_a_glyph_does_not_garble_the_line(ws: Workspace, tmp_path: Path) -> None:
    from cio_desk.services.initiatives import InitiativeData, InitiativeManager

    InitiativeManager(ws.sessions).add(
        InitiativeData(title="Launch 🚀 the portal 门户 today", horizon=6)
    )
    _result, out = _export(ws, tmp_path, "coach", sections=("horizons",))
    # The missing glyph becomes one visible U+FFFD; the rest of the line is intact.
    assert squeeze("Launch \ufffd the portal 门户 today") in squeeze(poppler_text(out))


@needs_poppler
def test_chinese_names_and_notes_extract_back_exactly(ws: Workspace, tmp_path: Path) -> None:
    from cio_desk.services.stakeholders import StakeholderData

    ws.stakeholders.add(
        StakeholderData(
            name="欧阳明月", title="首席财务官", notes="她认为ERP项目风险很高，需要分阶段实施。"
        )
    )
    _result, out = _export(ws, tmp_path, "personal", sections=("stakeholders",))
    text = squeeze(poppler_text(out))
    assert "欧阳明月" in text and "首席财务官" in text
    assert "她认为ERP项目风险很高，需要分阶段实施。" in text


@needs_poppler
def test_every_font_is_embedded_and_qpdf_finds_no_error(plan: Plan, tmp_path: Path) -> None:
    _result, out = _export(plan.ws, tmp_path, "personal")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert " yes yes " in row, row
    assert any("DroidSansFallback" in row for row in rows)
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_bad_options_and_unwritable_paths_are_refused(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no section called appendix"):
        _export(plan.ws, tmp_path, "coach", sections=("appendix",))
    with pytest.raises(ValidationError, match="A4 or Letter"):
        _export(plan.ws, tmp_path, "coach", page_size="A3")
    with pytest.raises(ExportError, match=r"must end in \.pdf"):
        export_document(plan.ws, tmp_path / "plan.docx", ExportOptions())
    with pytest.raises(ExportError, match="Cannot write"):
        export_document(plan.ws, tmp_path / "missing" / "plan.pdf", ExportOptions())
    assert plan.ws.versions.list() == []  # a failed export freezes nothing


def test_progress_is_reported_step_by_step(plan: Plan, tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    export_document(
        plan.ws,
        tmp_path / "p.pdf",
        ExportOptions(profile="coach"),
        progress=lambda *a: steps.append(a),
        now=NOW,
    )
    assert steps[-1][0] == steps[-1][1] and steps[-1][2] == "Done"
    assert [s[0] for s in steps] == sorted(s[0] for s in steps)


def test_jargon_is_found_before_exporting_and_explained_in_the_glossary(
    plan: Plan, tmp_path: Path
) -> None:
    findings = find_jargon(plan.ws, ExportOptions(profile="executive"), now=NOW)
    erp = [f for f in findings if f.term.term == "ERP"]
    assert erp and all(f.where.split(":")[0] for f in erp)
    assert any(f.where.startswith("Stakeholder landscape") for f in erp)
    result, out = _export(plan.ws, tmp_path, "executive")
    assert {f.term.term for f in result.jargon} == {f.term.term for f in findings}
    assert "company-wide system for finance" in pdf_text(out)


def test_the_next_export_lists_what_changed_and_feedback_addressed(
    plan: Plan, tmp_path: Path
) -> None:
    import datetime as dt

    from cio_desk.services.initiatives import InitiativeManager
    from cio_desk.services.review import ReviewData

    _export(plan.ws, tmp_path, "coach")
    first, _second = plan.initiative_ids
    InitiativeManager(plan.ws.sessions).update(first, start_month=2, end_month=5)
    comment = plan.ws.review.add(
        ReviewData("roadmap", "Start later", dt.date(2026, 4, 2), "Coach Wang", 1)
    )
    plan.ws.review.set_addressed(comment.id, dt.date(2026, 4, 3), "Moved to month 2")
    out = tmp_path / "v2.pdf"
    export_document(plan.ws, out, ExportOptions(profile="coach"), now=NOW)
    text = squeeze(pdf_text(out))
    assert squeeze("Compared with Version 1") in text
    assert squeeze("Rescheduled from M1–M6 to M2–M5") in text
    assert squeeze("Moved to month 2") in text and "Version2" in text


def test_a_risk_rescored_after_mitigation_only_says_so(plan: Plan, tmp_path: Path) -> None:
    from cio_desk.services.risks import RiskData
    from cio_desk.store.enums import RiskCategory

    risk = plan.ws.risks.add(RiskData(title="Data leak", category=RiskCategory.LEGAL))
    _export(plan.ws, tmp_path, "coach")
    plan.ws.risks.update(risk.id, residual_likelihood=2)
    out = tmp_path / "v2.pdf"
    export_document(plan.ws, out, ExportOptions(profile="coach", sections=("changes",)), now=NOW)
    text = squeeze(pdf_text(out))
    assert squeeze("Re-scored (likelihood × impact): after mitigation 3×3 → 2×3") in text
    assert "beforemitigation3×3" not in text
