"""Layout that holds at any size and in either language: long tables, Chinese wording."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from pdf_helpers import NOW, Plan, needs_poppler, poppler_text, squeeze
from pypdf import PdfReader

from cio_desk.export import ExportOptions, export_document
from cio_desk.export.pdf import builder
from cio_desk.export.pdf.labels import ZH_CN
from cio_desk.export.pdf.sections import SECTIONS, assessment, changes, common, log
from cio_desk.services.insights import KIND_LABELS
from cio_desk.services.review import ReviewData
from cio_desk.services.risks import RiskData
from cio_desk.store.enums import RiskCategory
from cio_desk.workspace import Workspace


def test_a_long_table_has_its_header_on_every_page_and_every_row_once(
    ws: Workspace, tmp_path: Path
) -> None:
    for n in range(150):
        ws.risks.add(
            RiskData(title=f"Risk {n:03d}", category=RiskCategory.VENDOR, mitigation="Watch it.")
        )
    out = tmp_path / "risks.pdf"
    export_document(ws, out, ExportOptions(profile="coach", sections=("risks",)), now=NOW)
    pages = [page.extract_text() for page in PdfReader(out).pages]
    register = [text for text in pages if "Risk 0" in text or "Risk 1" in text]
    assert len(register) >= 3
    for text in register:
        assert "Risk\nCategory\nBefore\nAfter\nOwner\n" in text  # the header row
    everything = "\n".join(register)
    for n in range(150):
        assert everything.count(f"Risk {n:03d}") == 1


def test_every_fixed_phrase_has_chinese_wording() -> None:
    vocabularies = [
        common.HORIZON_TITLES,
        common.ASSESSMENT_TITLES,
        common.COST_CATEGORY_NAMES,
        common.RISK_CATEGORY_NAMES,
        common.RISK_STATUS_NAMES,
        common.INITIATIVE_STATUS_NAMES,
        common.STANCE_NAMES,
        common.RISK_BAND_NAMES,
        assessment.SITUATION_NAMES,
        log.SETTING_NAMES,
        changes.AREA_TITLES,
        changes.HEALTH_SHORT,
        builder.AUDIENCE_LABELS,
        KIND_LABELS,
        {s.key: s.title for s in SECTIONS},
    ]
    missing = {p for words in vocabularies for p in words.values() if p not in ZH_CN}
    assert missing == set()


@pytest.mark.parametrize("profile", ["executive", "coach", "personal"])
def test_a_chinese_export_has_no_english_wording_of_its_own(
    plan: Plan, tmp_path: Path, profile: str, caplog: pytest.LogCaptureFixture
) -> None:
    ws = plan.ws
    export_document(ws, tmp_path / "v1.pdf", ExportOptions(profile="coach"), now=NOW)
    first, _second = plan.initiative_ids
    ws.plan.initiatives.update(first, start_month=2, end_month=5, owner="Chen Jing")
    comment = ws.review.add(ReviewData("roadmap", "Start later", dt.date(2026, 4, 2), "Coach", 1))
    ws.review.set_addressed(comment.id, dt.date(2026, 4, 3), "Moved")
    caplog.set_level(logging.WARNING, logger="cio_desk.export.pdf.labels")
    options = ExportOptions(profile=profile, language="zh_CN", freeze_version=False)
    export_document(ws, tmp_path / "zh.pdf", options, now=NOW)
    assert [r.getMessage() for r in caplog.records] == []


@needs_poppler
def test_a_chinese_export_reads_in_chinese(plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "zh.pdf"
    options = ExportOptions(profile="coach", language="zh_CN")
    result = export_document(plan.ws, out, options, now=NOW)
    text = squeeze(poppler_text(out))
    for title in ("目录", "执行摘要", "风险登记表", "利益相关方概况", "术语表"):
        assert title in text
    assert f"第1页，共{result.pages}页" in text
    assert "教练审阅版" in text and "2026年4月1日" in text
