"""The pages of the sidebar, in order. Adding a page is one entry here.

Pages are built the first time they are shown, so start-up only pays for
the Today page.
"""

from __future__ import annotations

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


def _agenda_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.agenda import AgendaPage

    return AgendaPage(context, parent)


def _stakeholders_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.stakeholders import StakeholdersPage

    return StakeholdersPage(context, parent)


def _meetings_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.meetings import MeetingsPage

    return MeetingsPage(context, parent)


def _followups_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.followups import FollowUpsPage

    return FollowUpsPage(context, parent)


def _tour_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.tour import TourPage

    return TourPage(context, parent)


def _plan_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.plan import PlanPage

    return PlanPage(context, parent)


def _roadmap_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.roadmap import RoadmapPage

    return RoadmapPage(context, parent)


def _risks_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.risks import RisksPage

    return RisksPage(context, parent)


def _review_page(context: PageContext, parent: QWidget) -> Page:
    from cio_desk.ui.pages.review import ReviewPage

    return ReviewPage(context, parent)


def page_entries() -> list[PageEntry]:
    """Every page after Today, in sidebar order."""
    return [
        PageEntry(_tr("Learning agenda"), _agenda_page, frozenset({"topic"})),
        PageEntry(_tr("Stakeholders"), _stakeholders_page, frozenset({"stakeholder"})),
        PageEntry(_tr("Meetings"), _meetings_page, frozenset({"meeting"})),
        PageEntry(_tr("Follow-ups"), _followups_page, frozenset({"follow_up"})),
        PageEntry(_tr("Listening tour"), _tour_page, frozenset({"theme"})),
        PageEntry(
            _tr("Plan"),
            _plan_page,
            frozenset({"initiative", "measure", "goal", "assessment"}),
        ),
        PageEntry(_tr("Roadmap"), _roadmap_page),
        PageEntry(_tr("Risks"), _risks_page, frozenset({"risk"})),
        PageEntry(_tr("Review & export"), _review_page, frozenset({"version", "feedback"})),
    ]
