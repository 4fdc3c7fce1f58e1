"""The pages of the sidebar, in order. Adding a page is one entry here.

Pages are built the first time they are shown, so start-up only pays for
the Today page.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext

PageFactory = Callable[[PageContext, QWidget], Page]


@dataclass(frozen=True)
class PageEntry:
    title: str
    factory: PageFactory
    # Kinds of item this page opens (search hits and links from other pages).
    kinds: frozenset[str] = field(default_factory=frozenset)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PageCatalog", text)


def _lazy(module: str, class_name: str) -> PageFactory:
    """A factory that imports the page's module only when the page is first shown."""

    def build(context: PageContext, parent: QWidget) -> Page:
        page_class = getattr(importlib.import_module(module), class_name)
        return page_class(context, parent)

    return build


def page_entries() -> list[PageEntry]:
    """Every page after Today, in sidebar order."""
    return [
        PageEntry(
            _tr("Learning agenda"),
            _lazy("cio_desk.ui.pages.agenda", "AgendaPage"),
            frozenset({"topic"}),
        ),
        PageEntry(
            _tr("Stakeholders"),
            _lazy("cio_desk.ui.pages.stakeholders", "StakeholdersPage"),
            frozenset({"stakeholder"}),
        ),
        PageEntry(
            _tr("Meetings"),
            _lazy("cio_desk.ui.pages.meetings", "MeetingsPage"),
            frozenset({"meeting"}),
        ),
        PageEntry(
            _tr("Follow-ups"),
            _lazy("cio_desk.ui.pages.followups", "FollowUpsPage"),
            frozenset({"follow_up"}),
        ),
        PageEntry(
            _tr("Listening tour"), _lazy("cio_desk.ui.pages.tour", "TourPage"), frozenset({"theme"})
        ),
        PageEntry(
            _tr("Plan"),
            _lazy("cio_desk.ui.pages.plan", "PlanPage"),
            frozenset({"initiative", "measure", "goal", "assessment"}),
        ),
        PageEntry(_tr("Roadmap"), _lazy("cio_desk.ui.pages.roadmap", "RoadmapPage")),
        PageEntry(_tr("Risks"), _lazy("cio_desk.ui.pages.risks", "RisksPage"), frozenset({"risk"})),
        PageEntry(
            _tr("Review & export"),
            _lazy("cio_desk.ui.pages.review", "ReviewPage"),
            frozenset({"version", "feedback"}),
        ),
    ]
