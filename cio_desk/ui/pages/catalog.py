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


def page_entries() -> list[PageEntry]:
    """Every page after Today, in sidebar order."""
    return []
