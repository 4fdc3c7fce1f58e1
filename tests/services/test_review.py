"""Reviewer feedback per section, replies, and what was addressed since a version."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import ValidationError
from cio_desk.services.review import ReviewData
from cio_desk.workspace import Workspace

DAY = dt.date(2026, 4, 2)


def _comment(ws: Workspace, section: str = "risks", **values: object):
    data = {"text": "Name an owner for each risk.", "received_on": DAY, "reviewer": "Coach Wang"}
    data.update(values)
    return ws.review.add(ReviewData(section=section, **data))


def test_feedback_is_kept_per_section_in_document_order(ws: Workspace) -> None:
    ws.versions.freeze("coach", dt.datetime(2026, 4, 1, 10, 0))
    later = _comment(ws, "risks", version_number=1)
    earlier = _comment(ws, "summary", text="Lead with the budget.")
    listed = ws.review.list()
    assert [c.id for c in listed] == [earlier.id, later.id]
    assert later.version_number == 1 and later.section_title == "Risks"
    assert [c.id for c in ws.review.list(section="summary")] == [earlier.id]


def test_mark_addressed_with_a_reply_and_reopen(ws: Workspace) -> None:
    comment = _comment(ws)
    done = ws.review.set_addressed(comment.id, DAY + dt.timedelta(days=1), "Owners added.")
    assert (done.addressed, done.reply) == (True, "Owners added.")
    assert ws.review.list(open_only=True) == []
    reopened = ws.review.set_addressed(comment.id, DAY, addressed=False)
    assert (reopened.addressed, reopened.addressed_on) == (False, None)


def test_addressed_since_a_version_uses_what_the_version_saw(ws: Workspace) -> None:
    seen = _comment(ws, text="Seen by version 1")
    ws.review.set_addressed(seen.id, DAY, "done")
    ws.versions.freeze("coach", dt.datetime(2026, 4, 2, 18, 0))
    same_day = _comment(ws, text="Addressed later that day")
    ws.review.set_addressed(same_day.id, DAY, "done too")
    still_open = _comment(ws, text="Still open")

    since = ws.review.addressed_since(1)
    assert [c.id for c in since] == [same_day.id]
    assert still_open.id not in {c.id for c in ws.review.addressed_since(None)}


def test_delete_and_restore_keep_the_reply(ws: Workspace) -> None:
    comment = _comment(ws)
    ws.review.set_addressed(comment.id, DAY, "Owners added.")
    removed = ws.review.delete(comment.id)
    assert ws.review.list() == []
    assert ws.review.restore(removed) == removed


def test_update_changes_what_was_received(ws: Workspace) -> None:
    comment = _comment(ws)
    changed = ws.review.update(comment.id, section="budget", reviewer="  Peer CIO ")
    assert (changed.section, changed.reviewer) == ("budget", "Peer CIO")


def test_bad_feedback_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="no section called"):
        _comment(ws, "appendix")
    with pytest.raises(ValidationError, match="Feedback cannot be empty"):
        _comment(ws, text="  ")
    with pytest.raises(ValidationError, match="no version 3"):
        _comment(ws, version_number=3)
    comment = _comment(ws)
    with pytest.raises(ValidationError, match="before it was received"):
        ws.review.set_addressed(comment.id, DAY - dt.timedelta(days=1))
