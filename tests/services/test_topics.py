"""The learning agenda: topics, sources, order, and the starter agenda."""

from __future__ import annotations

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.services.topics import TopicData, TopicSource
from cio_desk.store.enums import TopicCategory, TopicStatus
from cio_desk.workspace import Workspace

C = TopicCategory


def topic(ws: Workspace, title: str, category: TopicCategory = C.BUSINESS, **fields: object) -> int:
    return ws.topics.add(TopicData(title, category, **fields)).id


def test_topic_with_a_person_and_a_document_as_sources(ws: Workspace) -> None:
    cfo = ws.stakeholders.add(StakeholderData(name="王伟")).id
    sources = (
        TopicSource(stakeholder_id=cfo),
        TopicSource(document="2025 annual report"),
        TopicSource(document="2025 Annual Report "),  # the same document again
        TopicSource(stakeholder_id=cfo),
    )
    record = ws.topics.add(
        TopicData("IT budget", C.FINANCES, notes="Ask for 3 years", sources=sources)
    )
    assert [s.label for s in record.sources] == ["王伟", "2025 annual report"]
    assert ws.topics.get(record.id) == record
    assert record.status is TopicStatus.TO_LEARN


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (TopicData("  ", C.BUSINESS), "title"),
        (TopicData("Budget", "astrology"), "category"),  # type: ignore[arg-type]
        (TopicData("Budget", C.FINANCES, sources=(TopicSource(),)), "sources"),
        (TopicData("Budget", C.FINANCES, sources=(TopicSource(99),)), "sources"),
        (TopicData("Budget", C.FINANCES, sources=(TopicSource(1, "report"),)), "sources"),
    ],
)
def test_bad_topics_are_refused(ws: Workspace, data: TopicData, field: str) -> None:
    ws.stakeholders.add(StakeholderData(name="Wang Wei"))
    with pytest.raises(ValidationError) as error:
        ws.topics.add(data)
    assert error.value.field == field
    assert ws.topics.list() == []


def test_update_status_notes_and_sources(ws: Workspace) -> None:
    cto = ws.stakeholders.add(StakeholderData(name="Li Na")).id
    item = topic(ws, "Systems landscape", C.SYSTEMS, sources=(TopicSource(document="Inventory"),))
    ws.topics.set_status(item, TopicStatus.IN_PROGRESS)
    updated = ws.topics.update(item, notes="SAP + 40 tools", sources=(TopicSource(cto),))
    assert updated.status is TopicStatus.IN_PROGRESS
    assert [s.label for s in updated.sources] == ["Li Na"]
    assert updated.notes == "SAP + 40 tools"
    with pytest.raises(NotFoundError):
        ws.topics.update(404, notes="x")


def test_list_filters_and_progress(ws: Workspace) -> None:
    topic(ws, "Business model")
    learnt = topic(ws, "Budget cycle", C.FINANCES)
    going = topic(ws, "IT budget", C.FINANCES)
    ws.topics.set_status(learnt, TopicStatus.LEARNT)
    ws.topics.set_status(going, TopicStatus.IN_PROGRESS)
    assert [t.title for t in ws.topics.list(category=C.FINANCES)] == ["Budget cycle", "IT budget"]
    assert [t.title for t in ws.topics.list(status=TopicStatus.LEARNT)] == ["Budget cycle"]
    progress = ws.topics.progress()
    assert (progress.to_learn, progress.in_progress, progress.learnt) == (1, 1, 1)
    assert progress.fraction == pytest.approx(1 / 3)


def test_reorder_returns_the_previous_order(ws: Workspace) -> None:
    a, b, c = (topic(ws, t) for t in ("A", "B", "C"))
    previous = ws.topics.reorder([c, a, b])
    assert previous == [a, b, c]
    assert [t.title for t in ws.topics.list()] == ["C", "A", "B"]
    ws.topics.reorder(previous)
    assert [t.title for t in ws.topics.list()] == ["A", "B", "C"]
    with pytest.raises(ValidationError):
        ws.topics.reorder([a, b])


def test_delete_and_restore_keep_place_and_sources(ws: Workspace) -> None:
    topic(ws, "A")
    middle = ws.topics.add(TopicData("B", C.MARKET, sources=(TopicSource(document="Survey"),)))
    topic(ws, "C")
    removed = ws.topics.delete(middle.id)
    assert [t.title for t in ws.topics.list()] == ["A", "C"]
    assert ws.topics.restore(removed) == middle
    assert [t.title for t in ws.topics.list()] == ["A", "B", "C"]


def test_starter_agenda_covers_every_category(ws: Workspace) -> None:
    offered = ws.topics.starter_agenda()
    assert {t.category for t in offered} == set(TopicCategory)
    assert any("production capacity" in t.title for t in offered)
    assert any("budget cycle" in t.title.lower() for t in offered)
    assert ws.topics.list() == []  # offering saves nothing


def test_starter_agenda_follows_the_profile_language(ws: Workspace) -> None:
    start = ws.profile.get().start_date
    ws.profile.save(ProfileData(cio_name="陈静", start_date=start, language="zh_CN"))
    assert any("产能" in t.title for t in ws.topics.starter_agenda())
    assert any("capacity" in t.title for t in ws.topics.starter_agenda("en"))


def test_starter_documents_follow_the_language_too(ws: Workspace) -> None:
    def documents(language: str) -> set[str]:
        offered = ws.topics.starter_agenda(language)
        return {s.document for topic in offered for s in topic.sources}

    english, chinese = documents("en"), documents("zh_CN")
    assert "Annual report" in english
    assert "年度报告" in chinese
    assert len(chinese) == len(english)
    assert not any(name.isascii() for name in chinese)


def test_adopt_starter_agenda_once_then_discard_and_restore(ws: Workspace) -> None:
    count = len(ws.topics.starter_agenda())
    topic(ws, "My own topic")
    adopted = ws.topics.adopt_starter_agenda()
    assert len(adopted) == count
    assert ws.topics.adopt_starter_agenda() == []  # nothing added twice
    assert len(ws.topics.list()) == count + 1

    discarded = ws.topics.discard_all()
    assert ws.topics.list() == []
    ws.topics.restore_all(discarded)
    assert ws.topics.list() == discarded


def test_progress_by_category_lists_all_six(ws: Workspace) -> None:
    topic(ws, "Budget cycle", C.FINANCES, status=TopicStatus.LEARNT)
    topic(ws, "IT budget", C.FINANCES, status=TopicStatus.IN_PROGRESS)
    topic(ws, "Plants", C.BUSINESS)
    progress = ws.topics.progress_by_category()
    assert list(progress) == list(TopicCategory)
    finances = progress[C.FINANCES]
    assert (finances.to_learn, finances.in_progress, finances.learnt) == (0, 1, 1)
    assert progress[C.BUSINESS].total == 1
    assert progress[C.MARKET].total == 0
    assert progress[C.MARKET].fraction == 0.0


def test_move_within_its_category_only(ws: Workspace) -> None:
    a = topic(ws, "A", C.BUSINESS)
    x = topic(ws, "X", C.FINANCES)
    b = topic(ws, "B", C.BUSINESS)
    previous = ws.topics.move(b, -1)
    assert previous == [a, x, b]
    assert [t.title for t in ws.topics.list()] == ["B", "X", "A"]
    assert [t.title for t in ws.topics.list(category=C.FINANCES)] == ["X"]
    ws.topics.reorder(previous)  # how the page undoes a move
    assert [t.title for t in ws.topics.list()] == ["A", "X", "B"]


def test_move_past_either_end_changes_nothing(ws: Workspace) -> None:
    a = topic(ws, "A", C.BUSINESS)
    b = topic(ws, "B", C.BUSINESS)
    ws.topics.move(a, -1)
    ws.topics.move(b, 1)
    ws.topics.move(a, 5)
    assert [t.title for t in ws.topics.list()] == ["A", "B"]
    with pytest.raises(NotFoundError):
        ws.topics.move(404, 1)


def test_starter_offer_until_the_cio_chooses(ws: Workspace) -> None:
    assert ws.topics.starter_offer_pending()
    ws.topics.decline_starter_agenda()
    assert not ws.topics.starter_offer_pending()
    ws.topics.reopen_starter_offer()
    assert ws.topics.starter_offer_pending()

    ws.topics.adopt_starter_agenda()
    assert not ws.topics.starter_offer_pending()
    ws.topics.discard_all()
    assert not ws.topics.starter_offer_pending()  # discarded, not offered again


def test_reopening_the_offer_removes_what_was_adopted(ws: Workspace) -> None:
    adopted = ws.topics.adopt_starter_agenda()
    ws.topics.delete(adopted[0].id)  # already gone: skipped
    ws.topics.reopen_starter_offer(adopted)
    assert ws.topics.list() == []
    assert ws.topics.starter_offer_pending()


def test_no_offer_once_the_agenda_has_a_topic(ws: Workspace) -> None:
    topic(ws, "My own topic")
    assert not ws.topics.starter_offer_pending()
