"""The week-1 learning agenda: what the CIO must learn, and from whom."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cio_desk.errors import ValidationError
from cio_desk.services.base import Manager, get_or_raise
from cio_desk.services.profile import ProfileManager
from cio_desk.services.text import check_choice, clean_text
from cio_desk.store.enums import TopicCategory, TopicStatus
from cio_desk.store.models import LearningSource, LearningTopic, Setting, Stakeholder


@dataclass(frozen=True)
class TopicSource:
    """Where a topic is learnt from: a stakeholder or a named document (one of the two)."""

    stakeholder_id: int | None = None
    document: str = ""
    stakeholder_name: str = ""  # filled in on records, ignored on input

    @property
    def label(self) -> str:
        return self.stakeholder_name or self.document


@dataclass(frozen=True)
class TopicData:
    """A learning topic (input of add and update)."""

    title: str
    category: TopicCategory
    status: TopicStatus = TopicStatus.TO_LEARN
    notes: str = ""
    sources: tuple[TopicSource, ...] = ()


@dataclass(frozen=True)
class TopicRecord(TopicData):
    id: int = 0
    position: int = 0


@dataclass(frozen=True)
class AgendaProgress:
    """How far the learning agenda has come."""

    to_learn: int
    in_progress: int
    learnt: int

    @property
    def total(self) -> int:
        return self.to_learn + self.in_progress + self.learnt

    @property
    def fraction(self) -> float:
        return self.learnt / self.total if self.total else 0.0


_COLUMNS = ("title", "category", "status", "notes")
# Set once the CIO has answered the starter-agenda offer ("adopted" or "declined").
_STARTER_CHOICE_KEY = "agenda.starter_choice"
_FIELDS = frozenset(f.name for f in dataclasses.fields(TopicData))


class TopicManager(Manager):
    """`ws.topics`: the learning agenda, in the CIO's own order."""

    def add(self, data: TopicData, *, position: int | None = None) -> TopicRecord:
        """Add a topic at the end of the agenda (or at `position`)."""
        with self._write() as session:
            return _create(session, data, position=position)

    def update(self, topic_id: int, **changes: Any) -> TopicRecord:
        """Change some fields; the whole topic is validated again."""
        unknown = set(changes) - _FIELDS
        if unknown:
            raise TypeError(f"Unknown topic fields: {sorted(unknown)}")
        with self._write() as session:
            row = _load(session, topic_id)
            current = _to_record(session, row)
            clean = validate_topic(session, dataclasses.replace(current, **changes))
            for column in _COLUMNS:
                setattr(row, column, getattr(clean, column))
            if "sources" in changes:
                row.sources = _source_rows(clean.sources)
            session.flush()
            return _to_record(session, row)

    def set_status(self, topic_id: int, status: TopicStatus) -> TopicRecord:
        return self.update(topic_id, status=status)

    def get(self, topic_id: int) -> TopicRecord:
        with self._read() as session:
            return _to_record(session, _load(session, topic_id))

    def list(
        self, *, category: TopicCategory | None = None, status: TopicStatus | None = None
    ) -> list[TopicRecord]:
        """Topics in agenda order."""
        query = select(LearningTopic).options(_with_sources()).order_by(*_ORDER)
        if category is not None:
            query = query.where(LearningTopic.category == category)
        if status is not None:
            query = query.where(LearningTopic.status == status)
        with self._read() as session:
            return _to_records(session, session.scalars(query).all())

    def progress(self) -> AgendaProgress:
        query = select(LearningTopic.status, func.count()).group_by(LearningTopic.status)
        with self._read() as session:
            counts = {TopicStatus(status): n for status, n in session.execute(query)}
        return AgendaProgress(*(counts.get(s, 0) for s in TopicStatus))

    def progress_by_category(self) -> dict[TopicCategory, AgendaProgress]:
        """Progress of each of the six categories (all present, in their order)."""
        query = select(LearningTopic.category, LearningTopic.status, func.count()).group_by(
            LearningTopic.category, LearningTopic.status
        )
        with self._read() as session:
            counts = {
                (TopicCategory(category), TopicStatus(status)): n
                for category, status, n in session.execute(query)
            }
        return {
            category: AgendaProgress(*(counts.get((category, s), 0) for s in TopicStatus))
            for category in TopicCategory
        }

    def reorder(self, topic_ids: Sequence[int]) -> list[int]:
        """Put the topics in this order; returns the previous order (for undo).

        `topic_ids` must name every topic exactly once.
        """
        with self._write() as session:
            rows = session.scalars(select(LearningTopic).order_by(*_ORDER)).all()
            previous = [row.id for row in rows]
            if sorted(previous) != sorted(topic_ids):
                raise ValidationError("position", "The agenda changed meanwhile; try again.")
            by_id = {row.id: row for row in rows}
            for position, topic_id in enumerate(topic_ids):
                by_id[topic_id].position = position
            return previous

    def move(self, topic_id: int, step: int) -> list[int]:
        """Move a topic `step` places among the topics of its own category
        (-1: up one, 1: down one); topics of other categories keep their places.

        Returns the previous order (for `reorder`, to undo); a move past
        either end leaves the order as it was.
        """
        with self._write() as session:
            rows = list(session.scalars(select(LearningTopic).order_by(*_ORDER)))
            previous = [row.id for row in rows]
            moving = next((row for row in rows if row.id == topic_id), None)
            if moving is None:
                get_or_raise(session, LearningTopic, topic_id, "topic")
                return previous
            places = [i for i, row in enumerate(rows) if row.category == moving.category]
            here = places.index(rows.index(moving))
            there = here + step
            if step == 0 or not 0 <= there < len(places):
                return previous
            mine, theirs = places[here], places[there]
            rows[mine], rows[theirs] = rows[theirs], rows[mine]
            for position, row in enumerate(rows):
                row.position = position
            return previous

    def delete(self, topic_id: int) -> TopicRecord:
        """Remove a topic; `restore` with the returned record puts it back."""
        with self._write() as session:
            row = _load(session, topic_id)
            record = _to_record(session, row)
            session.delete(row)
            return record

    def restore(self, record: TopicRecord) -> TopicRecord:
        """Put a deleted topic back with its id, place and sources."""
        with self._write() as session:
            if session.get(LearningTopic, record.id) is not None:
                raise ValidationError("id", "This topic is already in the agenda.")
            return _create(session, record, position=record.position, topic_id=record.id)

    def discard_all(self) -> list[TopicRecord]:
        """Empty the agenda; `restore_all` with the returned list undoes it."""
        records = self.list()
        with self._write() as session:
            for row in session.scalars(select(LearningTopic)):
                session.delete(row)
        return records

    def restore_all(self, records: Sequence[TopicRecord]) -> list[TopicRecord]:
        with self._write() as session:
            return [_create(session, r, position=r.position, topic_id=r.id) for r in records]

    # ------------------------------------------------------------ starter agenda

    def starter_offer_pending(self) -> bool:
        """Whether to offer the starter agenda: the agenda is empty and the CIO
        has neither adopted nor declined it in this workspace."""
        with self._read() as session:
            if session.get(Setting, _STARTER_CHOICE_KEY) is not None:
                return False
            return session.scalar(select(LearningTopic.id).limit(1)) is None

    def decline_starter_agenda(self) -> None:
        """Start with an empty agenda; the starter agenda is not offered again."""
        with self._write() as session:
            _record_starter_choice(session, "declined")

    def reopen_starter_offer(self, added: Sequence[TopicRecord] = ()) -> None:
        """Take back the answer to the offer (undo): remove the starter topics it
        added, where still there, and offer the starter agenda again."""
        with self._write() as session:
            for record in added:
                row = session.get(LearningTopic, record.id)
                if row is not None:
                    session.delete(row)
            choice = session.get(Setting, _STARTER_CHOICE_KEY)
            if choice is not None:
                session.delete(choice)

    def starter_agenda(self, language: str | None = None) -> list[TopicData]:
        """A sensible week-1 agenda to offer a new workspace (not saved).

        In the profile's language unless `language` ("en" or "zh_CN") is given.
        """
        if language is None:
            profile = ProfileManager(self._sessions).get()
            language = profile.language if profile else "en"
        chinese = language == "zh_CN"
        return [
            TopicData(
                title=texts[1] if chinese else texts[0],
                category=category,
                sources=_documents(texts[2], chinese=chinese),
            )
            for category, texts in STARTER_AGENDA
        ]

    def adopt_starter_agenda(self, language: str | None = None) -> list[TopicRecord]:
        """Add the starter topics not already on the agenda (same title)."""
        offered = self.starter_agenda(language)
        with self._write() as session:
            _record_starter_choice(session, "adopted")
            existing = {t.casefold() for t in session.scalars(select(LearningTopic.title))}
            return [
                _create(session, topic)
                for topic in offered
                if topic.title.casefold() not in existing
            ]


def _record_starter_choice(session: Session, choice: str) -> None:
    row = session.get(Setting, _STARTER_CHOICE_KEY)
    if row is None:
        session.add(Setting(key=_STARTER_CHOICE_KEY, value=choice))
    else:
        row.value = choice


def _documents(names: str, *, chinese: bool = False) -> tuple[TopicSource, ...]:
    return tuple(
        TopicSource(document=STARTER_DOCUMENTS_ZH.get(name, name) if chinese else name)
        for name in names.split("|")
        if name
    )


# The starter agenda's documents, as a Chinese-speaking CIO would ask for them.
STARTER_DOCUMENTS_ZH = {
    "Annual report": "年度报告",
    "Strategy presentation": "战略规划汇报",
    "Operations review": "经营分析报告",
    "IT budget": "IT 预算表",
    "Vendor contracts": "供应商合同",
    "Finance calendar": "财务日历(预算与结账周期)",
    "Organisation chart": "组织架构图",
    "IT staff list": "IT 人员名单",
    "Application inventory": "应用系统清单",
    "Network diagram": "网络拓扑图",
    "Security audit report": "信息安全审计报告",
    "Market analysis": "市场分析报告",
}


# (category, (English title, Chinese title, suggested documents separated by "|")).
# Drawn from the method: learn the business, its pain points, finances,
# culture, systems and market before deciding anything.
STARTER_AGENDA: tuple[tuple[TopicCategory, tuple[str, str, str]], ...] = (
    (
        TopicCategory.BUSINESS,
        (
            "How the company makes money: products, plants and margins",
            "公司如何赚钱:产品、工厂与利润",
            "Annual report|Strategy presentation",
        ),
    ),
    (
        TopicCategory.BUSINESS,
        (
            "The leadership's strategy and priorities for the next three years",
            "管理层未来三年的战略与优先事项",
            "Strategy presentation",
        ),
    ),
    (
        TopicCategory.PAIN_POINTS,
        (
            "The most painful business problem today (e.g. production capacity)",
            "当前最痛的业务问题(例如产能不足)",
            "Operations review",
        ),
    ),
    (
        TopicCategory.PAIN_POINTS,
        (
            "What each department complains about in today's systems",
            "各部门对现有系统的抱怨",
            "",
        ),
    ),
    (
        TopicCategory.FINANCES,
        (
            "The IT budget: what is spent, on what, and who approves it",
            "IT 预算:花在哪里、花多少、由谁审批",
            "IT budget|Vendor contracts",
        ),
    ),
    (
        TopicCategory.FINANCES,
        (
            "The budget cycle and how projects are funded and paid",
            "预算周期,以及项目如何立项、付款",
            "Finance calendar",
        ),
    ),
    (
        TopicCategory.ORGANISATION,
        (
            "Who decides what: the org chart and the steering bodies",
            "谁决定什么:组织架构与决策机构",
            "Organisation chart",
        ),
    ),
    (
        TopicCategory.ORGANISATION,
        (
            "Culture and the history of past IT projects (what failed, and why)",
            "企业文化,以及过往信息化项目的经历(哪些失败了、为什么)",
            "",
        ),
    ),
    (
        TopicCategory.ORGANISATION,
        (
            "The IT team: people, skills, morale and key dependencies",
            "IT 团队:人员、技能、士气与关键依赖",
            "IT staff list",
        ),
    ),
    (
        TopicCategory.SYSTEMS,
        (
            "The systems landscape: applications, data and infrastructure",
            "系统全景:应用、数据与基础设施",
            "Application inventory|Network diagram",
        ),
    ),
    (
        TopicCategory.SYSTEMS,
        (
            "Information security, backups and disaster recovery today",
            "信息安全、备份与灾难恢复现状",
            "Security audit report",
        ),
    ),
    (
        TopicCategory.MARKET,
        (
            "Customers, competitors and how the market is changing",
            "客户、竞争对手以及市场的变化",
            "Market analysis",
        ),
    ),
    (
        TopicCategory.MARKET,
        (
            "Key vendors and partners, and the contracts that bind us",
            "主要供应商与合作伙伴,以及相关合同",
            "Vendor contracts",
        ),
    ),
)

_ORDER = (LearningTopic.position, LearningTopic.id)


def validate_topic(session: Session, data: TopicData) -> TopicData:
    """A cleaned copy of `data`, or ValidationError naming the field."""
    return dataclasses.replace(
        data,
        title=clean_text(
            data.title,
            field="title",
            label="Topic",
            required=True,
            single_line=True,
            max_length=300,
        ),
        category=check_choice(data.category, TopicCategory, field="category", label="Category"),
        status=check_choice(data.status, TopicStatus, field="status", label="Status"),
        notes=clean_text(data.notes, field="notes", label="Notes"),
        sources=_clean_sources(session, data.sources),
    )


def _clean_sources(session: Session, sources: Sequence[TopicSource]) -> tuple[TopicSource, ...]:
    """Each source a person or a document; the same one listed once."""
    kept: dict[object, TopicSource] = {}
    for source in sources:
        document = clean_text(
            source.document, field="sources", label="Document", single_line=True, max_length=500
        )
        person_id = source.stakeholder_id
        if (person_id is None) == (not document):
            raise ValidationError(
                "sources", "Each source is either a person from the register or a document."
            )
        if person_id is not None:
            person = session.get(Stakeholder, person_id) if isinstance(person_id, int) else None
            if person is None:
                raise ValidationError("sources", "A source is no longer in the register.")
            kept.setdefault(("person", person_id), TopicSource(person_id, "", person.name))
        else:
            kept.setdefault(("document", document.casefold()), TopicSource(document=document))
    return tuple(kept.values())


def _create(
    session: Session, data: TopicData, *, position: int | None = None, topic_id: int | None = None
) -> TopicRecord:
    clean = validate_topic(session, data)
    if position is None:
        last = session.scalar(select(func.max(LearningTopic.position)))
        position = 0 if last is None else last + 1
    row = LearningTopic(**{c: getattr(clean, c) for c in _COLUMNS}, position=position)
    if topic_id is not None:
        row.id = topic_id
    row.sources = _source_rows(clean.sources)
    session.add(row)
    session.flush()
    return _to_record(session, row)


def _source_rows(sources: tuple[TopicSource, ...]) -> list[LearningSource]:
    return [LearningSource(stakeholder_id=s.stakeholder_id, document=s.document) for s in sources]


def _with_sources() -> Any:
    return selectinload(LearningTopic.sources)


def _load(session: Session, topic_id: int) -> LearningTopic:
    row = session.scalar(
        select(LearningTopic).options(_with_sources()).where(LearningTopic.id == topic_id)
    )
    return row if row is not None else get_or_raise(session, LearningTopic, topic_id, "topic")


def _to_records(session: Session, rows: Sequence[LearningTopic]) -> list[TopicRecord]:
    """Records for loaded topics, with their people's names in one query."""
    ids = {s.stakeholder_id for row in rows for s in row.sources if s.stakeholder_id}
    names: dict[int, str] = {}
    if ids:
        query = select(Stakeholder.id, Stakeholder.name).where(Stakeholder.id.in_(ids))
        names = {sid: name for sid, name in session.execute(query)}
    return [
        TopicRecord(
            **{c: getattr(row, c) for c in _COLUMNS},
            sources=tuple(_source(s, names) for s in row.sources),
            id=row.id,
            position=row.position,
        )
        for row in rows
    ]


def _to_record(session: Session, row: LearningTopic) -> TopicRecord:
    (record,) = _to_records(session, [row])
    return record


def _source(row: LearningSource, names: dict[int, str]) -> TopicSource:
    if row.stakeholder_id is None:
        return TopicSource(document=row.document)
    return TopicSource(row.stakeholder_id, "", names.get(row.stakeholder_id, ""))
