"""The business-language check: IT terms and acronyms with plain alternatives.

Leaders lose patience with acronyms (ERP, CRM, IDC...). The CIO keeps a list
of such terms, each with a plain English and a plain Chinese alternative;
before an executive export `scan()` finds every occurrence in the document's
text, and the glossary explains the terms that remain.

Matching rule: a term matches as a whole word, so "API" is found in "API",
"APIs", "the API's" and "ERP系统" but not in "RAPID" or "capital". A term
written in capitals (an acronym) matches case-sensitively ("IT" is not "it");
any other term matches in any case. A term of Chinese characters matches
wherever it appears.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from cio_desk.errors import ReadOnlyWorkspaceError, ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.text import clean_text
from cio_desk.store.models import JargonTerm, Setting

_SEEDED_KEY = "jargon.seeded"
_EXCERPT_RADIUS = 40
_LATIN_WORD = re.compile(r"[A-Za-z0-9]")

# (term, plain English, plain Chinese): the default list, editable by the user.
DEFAULT_TERMS: tuple[tuple[str, str, str], ...] = (
    (
        "ERP",
        "company-wide system for finance, purchasing, stock and production",
        "企业资源管理系统",
    ),
    ("CRM", "customer and sales management system", "客户与销售管理系统"),
    ("SCM", "supply chain management", "供应链管理"),
    ("MES", "factory floor production system", "生产执行系统"),
    ("PLM", "product design and engineering data system", "产品数据管理系统"),
    ("HRIS", "human resources system", "人力资源系统"),
    ("BI", "management reporting and analysis", "经营报表与分析"),
    ("IDC", "data centre", "数据中心"),
    ("SaaS", "software rented as an online service", "按订阅使用的在线软件"),
    ("PaaS", "rented platform for building software", "按订阅使用的开发平台"),
    ("IaaS", "rented computing and storage", "按需租用的计算与存储"),
    ("API", "connection between two systems", "系统之间的接口"),
    ("SLA", "agreed service level", "服务水平承诺"),
    ("KPI", "key performance indicator", "关键绩效指标"),
    ("ROI", "return on investment", "投资回报"),
    ("TCO", "total cost of ownership", "总拥有成本"),
    ("CAPEX", "investment spending", "资本性支出"),
    ("OPEX", "running costs", "运营性支出"),
    ("DR", "disaster recovery", "灾难恢复"),
    ("BCP", "business continuity plan", "业务连续性计划"),
    ("RPO", "how much recent data could be lost in an outage", "可容忍的数据丢失量"),
    ("RTO", "how long a system may be down after an outage", "可容忍的停机时间"),
    ("VPN", "secure remote connection", "安全远程连接"),
    ("SSO", "one sign-in for all systems", "统一登录"),
    ("MFA", "two-step sign-in", "双重身份验证"),
    ("LAN", "office network", "办公网络"),
    ("WAN", "network between sites", "站点间网络"),
    ("OA", "office workflow system", "办公自动化系统"),
    ("EDI", "electronic document exchange with partners", "与合作伙伴的电子单据交换"),
    ("ETL", "data transfer between systems", "数据抽取与加载"),
    ("PoC", "small trial", "小范围试点"),
    ("MVP", "first usable version", "最小可用版本"),
    ("DevOps", "faster, safer software releases", "快速安全的软件发布方式"),
    ("middleware", "software that links systems", "连接系统的中间软件"),
    ("legacy system", "old system", "老旧系统"),
    ("data lake", "central store of raw data", "集中的原始数据仓库"),
    ("cloud-native", "built to run on rented online infrastructure", "为云环境设计的"),
    ("microservices", "software built as small independent parts", "微服务架构"),
    ("infosec", "information security", "信息安全"),
    ("中台", "shared business platform", "共享业务平台"),
)


@dataclass(frozen=True)
class JargonData:
    """A term and its plain alternatives (input of add and update)."""

    term: str
    plain_en: str = ""
    plain_zh: str = ""


@dataclass(frozen=True)
class JargonRecord(JargonData):
    """A stored term."""

    id: int = 0


@dataclass(frozen=True)
class TextToCheck:
    """One piece of text and where it is ("Risks: Vendor lock-in")."""

    where: str
    text: str


@dataclass(frozen=True)
class JargonFinding:
    """One occurrence of a term: where, the matched text and its context."""

    term: JargonRecord
    where: str
    matched: str
    start: int
    excerpt: str


class JargonManager(Manager):
    """`ws.jargon`: the editable term list and the business-language check."""

    def list(self) -> list[JargonRecord]:
        """Every term, alphabetically; the default list on first use."""
        with contextlib.suppress(ReadOnlyWorkspaceError):  # read-only: show what is stored
            self.seed_defaults()
        with self._read() as session:
            rows = session.scalars(select(JargonTerm).order_by(func.lower(JargonTerm.term)))
            return [_record(row) for row in rows]

    def seed_defaults(self) -> int:
        """Add the default terms once per workspace; returns how many were added.

        Terms the user deleted later are not brought back.
        """
        with self._write() as session:
            if session.get(Setting, _SEEDED_KEY) is not None:
                return 0
            existing = {t.lower() for t in session.scalars(select(JargonTerm.term))}
            added = 0
            for term, plain_en, plain_zh in DEFAULT_TERMS:
                if term.lower() not in existing:
                    session.add(JargonTerm(term=term, plain_en=plain_en, plain_zh=plain_zh))
                    added += 1
            session.add(Setting(key=_SEEDED_KEY, value="1"))
            return added

    def add(self, data: JargonData) -> JargonRecord:
        self.seed_defaults()
        with self._write() as session:
            clean = _validate(data)
            _check_unique(session, clean.term, None)
            row = JargonTerm(**dataclasses.asdict(clean))
            session.add(row)
            session.flush()
            return _record(row)

    def get(self, term_id: int) -> JargonRecord:
        with self._read() as session:
            return _record(get_or_raise(session, JargonTerm, term_id, "term"))

    def update(self, term_id: int, **changes: Any) -> JargonRecord:
        """Change the term or its alternatives; validated again."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(JargonData)}
        if unknown:
            raise TypeError(f"Unknown term fields: {sorted(unknown)}")
        with self._write() as session:
            row = get_or_raise(session, JargonTerm, term_id, "term")
            current = JargonData(term=row.term, plain_en=row.plain_en, plain_zh=row.plain_zh)
            clean = _validate(dataclasses.replace(current, **changes))
            _check_unique(session, clean.term, term_id)
            row.term, row.plain_en, row.plain_zh = clean.term, clean.plain_en, clean.plain_zh
            return _record(row)

    def delete(self, term_id: int) -> JargonRecord:
        """Remove a term; `restore` with the returned record puts it back."""
        with self._write() as session:
            row = get_or_raise(session, JargonTerm, term_id, "term")
            record = _record(row)
            session.delete(row)
            return record

    def restore(self, record: JargonRecord) -> JargonRecord:
        with self._write() as session:
            if session.get(JargonTerm, record.id) is not None:
                raise ValidationError("id", "This term is already in the list.")
            clean = _validate(record)
            _check_unique(session, clean.term, None)
            row = JargonTerm(id=record.id, **dataclasses.asdict(clean))
            session.add(row)
            session.flush()
            return _record(row)

    def scan(
        self, texts: Iterable[TextToCheck], terms: list[JargonRecord] | None = None
    ) -> list[JargonFinding]:
        """Every occurrence of every term in `texts`, in text order."""
        return scan_texts(texts, self.list() if terms is None else terms)

    def remaining_terms(
        self, texts: Iterable[TextToCheck], terms: list[JargonRecord] | None = None
    ) -> list[JargonRecord]:
        """The terms that occur in `texts` (what the glossary explains)."""
        return terms_found(self.scan(texts, terms))


def scan_texts(texts: Iterable[TextToCheck], terms: list[JargonRecord]) -> list[JargonFinding]:
    """Every occurrence of `terms` in `texts`: in text order, then by position."""
    if not terms:
        return []
    # One pattern of every term costs about 2 µs per character (each position
    # tries every term), far too slow for a document of thousands of table
    # cells. A plain substring test per term (a term can only match where its
    # lower-case form occurs) leaves the few terms each text may hold; the
    # pattern of just those is compiled once and reused.
    needles = [(term.term.lower(), term) for term in terms]
    findings = []
    for item in texts:
        if not item.text:
            continue
        lowered = item.text.lower()
        present = tuple(term for needle, term in needles if needle in lowered)
        if not present:
            continue
        pattern, by_key = _compile(present)
        for match in pattern.finditer(item.text):
            term = by_key[_key_of(match)]
            findings.append(
                JargonFinding(
                    term=term,
                    where=item.where,
                    matched=match.group(match.lastgroup or 0),
                    start=match.start(match.lastgroup or 0),
                    excerpt=_excerpt(item.text, match.start(), match.end()),
                )
            )
    return findings


def terms_found(findings: Iterable[JargonFinding]) -> list[JargonRecord]:
    """The distinct terms of `findings`, alphabetically."""
    unique = {f.term.id: f.term for f in findings}
    return sorted(unique.values(), key=lambda t: t.term.lower())


@functools.lru_cache(maxsize=512)
def _compile(
    terms: tuple[JargonRecord, ...],
) -> tuple[re.Pattern[str], dict[str, JargonRecord]]:
    """One alternation of `terms` (longest first), a named group per term."""
    by_key: dict[str, JargonRecord] = {}
    parts = []
    for index, term in enumerate(sorted(terms, key=lambda t: -len(t.term))):
        key = f"t{index}"
        by_key[key] = term
        parts.append(f"(?P<{key}>{_term_pattern(term.term)})")
    return re.compile("|".join(parts)), by_key


def _term_pattern(term: str) -> str:
    body = re.escape(term)
    acronym = term.isupper() or (any(c.isupper() for c in term[1:]) and " " not in term)
    if not acronym:
        body = f"(?i:{body})"
    if _LATIN_WORD.match(term[0]):
        body = rf"(?<![A-Za-z0-9]){body}"
    if _LATIN_WORD.match(term[-1]):
        body = rf"{body}(?:s|es)?(?![A-Za-z0-9])" if acronym else rf"{body}(?![A-Za-z0-9])"
    return body


def _key_of(match: re.Match[str]) -> str:
    assert match.lastgroup is not None
    return match.lastgroup


def _excerpt(text: str, start: int, end: int) -> str:
    """The match with some context, on one line, with … where it was cut."""
    left = max(0, start - _EXCERPT_RADIUS)
    right = min(len(text), end + _EXCERPT_RADIUS)
    excerpt = " ".join(text[left:right].split())
    return ("…" if left else "") + excerpt + ("…" if right < len(text) else "")


def _validate(data: JargonData) -> JargonData:
    term = clean_text(
        data.term, field="term", label="Term", required=True, single_line=True, max_length=100
    )
    return JargonData(
        term=term,
        plain_en=clean_text(
            data.plain_en, field="plain_en", label="Plain English", single_line=True
        ),
        plain_zh=clean_text(
            data.plain_zh, field="plain_zh", label="Plain Chinese", single_line=True
        ),
    )


def _check_unique(session: Any, term: str, own_id: int | None) -> None:
    query = select(JargonTerm.id).where(func.lower(JargonTerm.term) == term.lower())
    found = session.scalar(query)
    if found is not None and found != own_id:
        raise ValidationError("term", f"“{term}” is already in the list.")


def _record(row: JargonTerm) -> JargonRecord:
    return JargonRecord(term=row.term, plain_en=row.plain_en, plain_zh=row.plain_zh, id=row.id)
