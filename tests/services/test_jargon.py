"""The business-language check: the term list and finding every occurrence."""

from __future__ import annotations

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.jargon import DEFAULT_TERMS, JargonData, TextToCheck
from cio_desk.workspace import Workspace


def test_default_terms_are_seeded_once_and_deleted_ones_stay_deleted(ws: Workspace) -> None:
    terms = ws.jargon.list()
    assert len(terms) == len(DEFAULT_TERMS)
    erp = next(t for t in terms if t.term == "ERP")
    assert erp.plain_zh == "企业资源管理系统"
    ws.jargon.delete(erp.id)
    assert "ERP" not in {t.term for t in ws.jargon.list()}


def test_scan_finds_every_occurrence_with_where_it_is(ws: Workspace) -> None:
    texts = [
        TextToCheck("Goals: Replace the ERP", "Replace the ERP by Q3; two ERPs run today."),
        TextToCheck("Risks: Vendor lock-in", "The SaaS contract has no exit clause."),
        TextToCheck("Summary", "A RAPID plan for capital spending, in plain words."),
    ]
    findings = ws.jargon.scan(texts)
    found = [(f.term.term, f.where, f.matched) for f in findings]
    assert found == [
        ("ERP", "Goals: Replace the ERP", "ERP"),
        ("ERP", "Goals: Replace the ERP", "ERPs"),
        ("SaaS", "Risks: Vendor lock-in", "SaaS"),
    ]
    assert findings[0].excerpt.startswith("Replace the ERP")


def test_acronyms_match_inside_chinese_text_and_chinese_terms_match(ws: Workspace) -> None:
    findings = ws.jargon.scan([TextToCheck("评估", "ERP系统老化，需要建设中台。")])
    assert [f.term.term for f in findings] == ["ERP", "中台"]


def test_acronyms_are_case_sensitive_and_words_are_not(ws: Workspace) -> None:
    ws.jargon.add(JargonData("IT", "technology", "信息技术"))
    findings = ws.jargon.scan(
        [TextToCheck("x", "Make it simple. IT will move the Middleware to a Data Lake.")]
    )
    assert sorted(f.matched for f in findings) == ["Data Lake", "IT", "Middleware"]


def test_remaining_terms_are_the_distinct_terms_found(ws: Workspace) -> None:
    texts = [TextToCheck("a", "ERP and CRM"), TextToCheck("b", "ERP again")]
    assert [t.term for t in ws.jargon.remaining_terms(texts)] == ["CRM", "ERP"]


def test_edit_delete_restore_round_trip(ws: Workspace) -> None:
    added = ws.jargon.add(JargonData("  LIMS ", "laboratory system", "实验室管理系统"))
    assert added.term == "LIMS"
    changed = ws.jargon.update(added.id, plain_en="lab results system")
    assert ws.jargon.get(added.id) == changed
    removed = ws.jargon.delete(added.id)
    assert ws.jargon.restore(removed) == changed


def test_bad_terms_are_refused_with_a_sentence(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="Term cannot be empty"):
        ws.jargon.add(JargonData("   "))
    with pytest.raises(ValidationError, match="already in the list"):
        ws.jargon.add(JargonData("erp"))


def test_a_term_with_regex_characters_is_matched_literally(ws: Workspace) -> None:
    ws.jargon.add(JargonData("C++", "a programming language"))
    assert [f.matched for f in ws.jargon.scan([TextToCheck("x", "Rewrite C++ code, not C")])] == [
        "C++"
    ]
