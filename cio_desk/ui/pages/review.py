"""The Review & export page: versions and what changed, reviewer feedback, jargon.

The draft plan goes to reviewers (a coach, a peer CIO) before it is final.
This page keeps what comes back: every exported version and the changes
between any two, each reviewer's feedback with what was done about it, and
the term list of the business-language check. Export PDF (Ctrl+E) opens the
export dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.review_lists import FeedbackTab, JargonTab
from cio_desk.ui.pages.review_versions import VersionsTab
from cio_desk.ui.widgets.message_bar import MessageBar
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader


class ReviewPage(Page):
    """Plan versions, reviewer feedback and the jargon list; the way to export."""

    VERSIONS, FEEDBACK, JARGON = range(3)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._build()
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Review & export")

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        self.header = PageHeader(self.tr("Review & export"), "", self)
        self.export_button = QPushButton(self.tr("Export PDF…"), self)
        self.export_button.setToolTip(
            self.tr("Export the plan as a PDF for the CEO, your coach or yourself (Ctrl+E)")
        )
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.message_bar = MessageBar(self)
        layout.addWidget(self.message_bar)
        self.tabs = QTabWidget(self)
        self.versions_tab = VersionsTab(self._context, self.tabs)
        self.feedback_tab = FeedbackTab(self._context, self.tabs)
        self.jargon_tab = JargonTab(self._context, self.tabs)
        self.tabs.addTab(self.versions_tab, self.tr("&Versions and changes"))
        self.tabs.addTab(self.feedback_tab, self.tr("Reviewer &feedback"))
        self.tabs.addTab(self.jargon_tab, self.tr("&Business language"))
        layout.addWidget(self.tabs, 1)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self.export_pdf)
        self.tabs.currentChanged.connect(self._tab_changed)
        for tab in (self.versions_tab, self.feedback_tab, self.jargon_tab):
            tab.message.connect(self.message_bar.show_message)
        self.feedback_tab.changed.connect(self._show_counts)

    # ------------------------------------------------------------ refresh

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        self.versions_tab.refresh(ws)
        self.feedback_tab.refresh(ws)
        self.jargon_tab.refresh(ws)
        self._show_counts()

    @Slot()
    def _show_counts(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        versions = ws.versions.list()
        open_count = len(ws.review.list(open_only=True))
        if versions:
            latest = versions[-1]
            text = self.tr("{n} versions exported; the latest, {title}, on {date}.").format(
                n=len(versions), title=latest.title, date=fmt.medium_date(latest.created_at)
            )
        else:
            text = self.tr("Nothing exported yet: Export PDF saves the first version.")
        if open_count == 1:
            text += " " + self.tr("1 piece of feedback is open.")
        elif open_count:
            text += " " + self.tr("{n} pieces of feedback are open.").format(n=open_count)
        self.header.set_subtitle(text)

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self.new_item_changed.emit()

    # ------------------------------------------------------------ items

    def open_item(self, kind: str, item_id: int) -> None:
        if kind == "version":
            self.tabs.setCurrentIndex(self.VERSIONS)
            self.versions_tab.select_version(item_id)
            self.versions_tab.table.setFocus()
        elif kind == "feedback":
            self.tabs.setCurrentIndex(self.FEEDBACK)
            self.feedback_tab.select(item_id)
            self.feedback_tab.table.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        for tab in (self.versions_tab, self.feedback_tab, self.jargon_tab):
            tab.edits.set_read_only(read_only)

    def new_item_text(self) -> str | None:
        if self.tabs.currentIndex() == self.JARGON:
            return self.tr("New term")
        return self.tr("New feedback")

    def new_item(self) -> None:
        if self.tabs.currentIndex() == self.JARGON:
            self.jargon_tab.new_term()
            return
        self.tabs.setCurrentIndex(self.FEEDBACK)
        self.feedback_tab.new_feedback()

    # ------------------------------------------------------------ export

    @Slot()
    def export_pdf(self) -> None:
        """Open the export dialog; an export that saved a version shows up here."""
        from cio_desk.ui.dialogs.export_dialog import ExportDialog

        ws = self._workspace
        if ws is None:
            return
        result, exported = ExportDialog.export_plan(self, ws, now=self._context.now)
        if exported and result is not None:
            self.refresh()
            if result.version is not None:
                self.tabs.setCurrentIndex(self.VERSIONS)
                self.versions_tab.select_version(result.version.id)
