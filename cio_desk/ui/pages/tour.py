"""The Listening tour page: the referral snowball, who is going cold, and the themes.

Every meeting ends with "who else should I talk to?". This page shows who
referred whom, how often each person was named, the names still to add to
the register and the referred people not met yet, the share of the tour
completed, the stay-in-touch list and the insight themes. Figures come from
`ws.tour` and `ws.insights`; adding a referred name to the register is undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import CioDeskError
from cio_desk.services.tour import (
    GoingCold,
    PendingName,
    PendingReferrals,
    ReferralNode,
    ReferredUnmet,
    TourCompletion,
)
from cio_desk.ui.pages.base import Page
from cio_desk.ui.pages.context import PageContext
from cio_desk.ui.pages.themes import ThemesView
from cio_desk.ui.pages.tour_contact import StayInTouchView
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import StatCard, plain_label
from cio_desk.ui.widgets.columns import set_column_widths
from cio_desk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from cio_desk.ui.widgets.read_only import EditControls
from cio_desk.ui.widgets.referral_tree import ReferralTree

if TYPE_CHECKING:
    from cio_desk.workspace import Workspace

REFERRALS_TAB, CONTACT_TAB, THEMES_TAB = range(3)
_DATA_ROLE = Qt.ItemDataRole.UserRole


class TourPage(Page):
    """Referrals, completion, going cold, stance gaps and insight themes."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._pending: PendingReferrals | None = None
        self._cold: list[GoingCold] = []
        self._contact_view: StayInTouchView | None = None
        self._themes_view: ThemesView | None = None
        self._build()
        self.edits = EditControls(self, (self.add_button, self.link_button))
        self._connect_signals()

    def page_title(self) -> str:
        return self.tr("Listening tour")

    def set_read_only(self, read_only: bool) -> None:
        self.edits.set_read_only(read_only)
        if self._themes_view is not None:
            self._themes_view.edits.set_read_only(read_only)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        self.header = PageHeader(
            self.tr("Listening tour"),
            self.tr(
                "End every meeting with “who else should I talk to?”. Follow the referrals, "
                "keep in touch with key people, and see the themes they raise."
            ),
            self,
        )
        layout.addWidget(self.header)
        cards = QHBoxLayout()
        cards.setSpacing(16)
        self.completion_card = StatCard(self.tr("Tour completed"), self)
        self.to_meet_card = StatCard(self.tr("Still to meet"), self)
        self.to_meet_card.meter.hide()
        self.cold_card = StatCard(self.tr("Going cold"), self)
        self.cold_card.meter.hide()
        for card in (self.completion_card, self.to_meet_card, self.cold_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_referrals(), self.tr("Referrals"))
        # The other tabs are filled when first chosen (see `contact_view`, `themes_view`).
        self._contact_tab, self._themes_tab = _tab_holder(self), _tab_holder(self)
        self.tabs.addTab(self._contact_tab, self.tr("Stay in touch"))
        self.tabs.addTab(self._themes_tab, self.tr("Insight themes"))
        layout.addWidget(self.tabs, 1)

    def _build_referrals(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        self.no_referrals_label = plain_label(
            self.tr(
                "No referrals yet. At the end of each meeting, ask who else you should talk "
                "to, and record their answers when you write the meeting up: the snowball "
                "of names grows here."
            ),
            tab,
        )
        set_tone(self.no_referrals_label, "muted")
        self.no_referrals_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.no_referrals_label)
        self.referral_splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        self.referral_splitter.setChildrenCollapsible(False)
        self.tree = ReferralTree(self.referral_splitter)
        self.referral_splitter.addWidget(self.tree)
        self.referral_splitter.addWidget(self._build_to_do(self.referral_splitter))
        self.referral_splitter.setStretchFactor(0, 3)
        self.referral_splitter.setStretchFactor(1, 2)
        layout.addWidget(self.referral_splitter, 1)
        return tab

    def _build_to_do(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.names_title = self._section_title(side)
        self.names_list = _flat_list(
            side, self.tr("Names not yet in the register"), [self.tr("Name"), self.tr("Named by")]
        )
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add to register"), side)
        self.add_button.setToolTip(
            self.tr("Add the selected name to your register as a new person (Enter)")
        )
        self.link_button = QPushButton(self.tr("Same as the person in the register"), side)
        self.link_button.setToolTip(
            self.tr("Someone with this name is already in your register: link the referral to them")
        )
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        self.promoted_label = plain_label("", side)
        set_tone(self.promoted_label, "good")
        self.unmet_title = self._section_title(side)
        self.unmet_list = _flat_list(
            side,
            self.tr("Referred people not met yet"),
            [self.tr("Person"), self.tr("Named by")],
        )
        self.unmet_list.setToolTip(self.tr("Double-click or press Enter to open the person"))
        column.addWidget(self.names_title)
        column.addWidget(self.names_list, 1)
        column.addLayout(buttons)
        column.addWidget(self.promoted_label)
        column.addSpacing(8)
        column.addWidget(self.unmet_title)
        column.addWidget(self.unmet_list, 1)
        return side

    def _section_title(self, parent: QWidget) -> QLabel:
        label = plain_label("", parent)
        label.setFont(scaled_font(self.font(), 1.0, bold=True))
        return label

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tree.person_activated.connect(self._open_person)
        self.tree.pending_selected.connect(self._select_pending)
        self.names_list.currentItemChanged.connect(self._update_buttons)
        self.names_list.itemActivated.connect(self.add_selected_to_register)
        self.add_button.clicked.connect(self.add_selected_to_register)
        self.link_button.clicked.connect(self.link_selected_to_register)
        self.unmet_list.itemActivated.connect(self._unmet_activated)

    # ------------------------------------------------------------ refresh

    @property
    def contact_view(self) -> StayInTouchView:
        """The Stay in touch tab, built the first time it is needed."""
        if self._contact_view is None:
            self._contact_view = StayInTouchView(self._contact_tab)
            self._contact_tab.layout().addWidget(self._contact_view)
            self._contact_view.show()  # added to a shown page: not shown on its own
            self._contact_view.person_activated.connect(self._open_person)
        return self._contact_view

    @property
    def themes_view(self) -> ThemesView:
        """The Insight themes tab, built the first time it is needed."""
        if self._themes_view is None:
            self._themes_view = ThemesView(self._context, self._themes_tab)
            self._themes_view.edits.set_read_only(self.edits.read_only)
            self._themes_tab.layout().addWidget(self._themes_view)
            self._themes_view.show()
            self._themes_view.set_workspace(self._workspace)
            self._themes_view.person_activated.connect(self._open_person)
        return self._themes_view

    def set_workspace(self, workspace: Workspace | None) -> None:
        if self._themes_view is not None:
            self._themes_view.set_workspace(workspace)
        super().set_workspace(workspace)

    @Slot()
    def refresh(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        today = self._context.now().date()
        on_referrals = self.tabs.currentIndex() == REFERRALS_TAB
        overview = ws.tour.overview(today, with_tree=on_referrals)
        self._pending, self._cold = overview.pending, overview.going_cold
        self._show_completion(overview.completion)
        self._show_to_meet(overview.pending)
        self._show_cold_count(overview.going_cold)
        self._refresh_tab(overview.tree)

    def _refresh_tab(self, tree: list[ReferralNode] | None = None) -> None:
        """Only the tab on show reads its data; the others read theirs when chosen."""
        ws = self._workspace
        if ws is None:
            return
        tab = self.tabs.currentIndex()
        if tab == REFERRALS_TAB:
            self._show_referrals(tree if tree is not None else ws.tour.referral_tree())
        elif tab == CONTACT_TAB:
            self.contact_view.show_people(self._cold, ws.tour.stance_gaps())
        else:
            self.themes_view.refresh()

    def _show_cold_count(self, cold: list[GoingCold]) -> None:
        self.cold_card.headline.setText(str(len(cold)))
        set_tone(self.cold_card.headline, "warn" if cold else None)
        self.cold_card.caption.setText(
            self.tr("Key people past their stay-in-touch cadence.")
            if cold
            else self.tr("No one is overdue for a catch-up.")
        )

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self._refresh_tab()

    def _show_completion(self, completion: TourCompletion) -> None:
        card = self.completion_card
        card.meter.set_fraction(
            completion.fraction, tone="good" if completion.fraction >= 1 else None
        )
        if completion.total == 0:
            card.headline.setText(self.tr("Not started"))
            card.caption.setText(self.tr("Add the people who matter to your register."))
            return
        card.headline.setText(
            self.tr("{met} of {total} met").format(met=completion.met, total=completion.total)
        )
        card.meter.setAccessibleName(card.headline.text())
        if completion.pending_names:
            card.caption.setText(
                self.tr("{register} in your register and {names} named but not added yet.").format(
                    register=completion.register, names=completion.pending_names
                )
            )
        else:
            card.caption.setText(
                self.tr("{percent}% of the people in your register.").format(
                    percent=round(completion.fraction * 100)
                )
            )

    def _show_to_meet(self, pending: PendingReferrals) -> None:
        card = self.to_meet_card
        card.headline.setText(str(len(pending.unmet) + len(pending.names)))
        if not pending.unmet and not pending.names:
            caption = self.tr("No referrals waiting: everyone named is met or in your register.")
        elif len(pending.names) == 1:
            caption = self.tr("{unmet} referred and not met · 1 name to add to the register")
        else:
            caption = self.tr("{unmet} referred and not met · {names} names to add to the register")
        card.caption.setText(caption.format(unmet=len(pending.unmet), names=len(pending.names)))

    def _show_referrals(self, forest: list[ReferralNode]) -> None:
        pending = self._pending or PendingReferrals([], [])
        has_any = bool(forest) or bool(pending.names) or bool(pending.unmet)
        self.no_referrals_label.setVisible(not has_any)
        self.referral_splitter.setVisible(has_any)
        self.tree.set_forest(forest)
        self._fill_names(pending.names)
        self._fill_unmet(pending.unmet)

    def _fill_names(self, names: list[PendingName]) -> None:
        kept = self._selected_name()
        self.names_list.clear()
        for name in names:
            referrers = self.tr(", ").join(name.referrer_names)
            item = QTreeWidgetItem(self.names_list, [name.name, referrers])
            item.setData(0, _DATA_ROLE, name)
            if name.register_match_id is not None:
                tip = self.tr("Someone called {name} is already in your register.")
                item.setToolTip(0, tip.format(name=name.name))
            if kept is not None and set(kept.insight_ids) & set(name.insight_ids):
                self.names_list.setCurrentItem(item)
        self.names_title.setText(
            self.tr("Not yet in your register ({n})").format(n=len(names))
            if names
            else self.tr("Not yet in your register")
        )
        _say_when_empty(self.names_list, self.tr("Every name you were given is in your register."))
        self._update_buttons()

    def _fill_unmet(self, unmet: list[ReferredUnmet]) -> None:
        self.unmet_list.clear()
        for person in unmet:
            referrers = self.tr(", ").join(person.referrer_names)
            item = QTreeWidgetItem(self.unmet_list, [person.name, referrers])
            item.setData(0, _DATA_ROLE, person.stakeholder_id)
            item.setToolTip(0, person.title)
        self.unmet_title.setText(
            self.tr("Referred, not met yet ({n})").format(n=len(unmet))
            if unmet
            else self.tr("Referred, not met yet")
        )
        _say_when_empty(self.unmet_list, self.tr("You have met everyone you were referred to."))

    # ------------------------------------------------------------ selection

    def _selected_name(self) -> PendingName | None:
        item = self.names_list.currentItem()
        value = item.data(0, _DATA_ROLE) if item is not None else None
        return value if isinstance(value, PendingName) else None

    @Slot()
    def _update_buttons(self) -> None:
        name = self._selected_name()
        self.edits.set_enabled(self.add_button, name is not None)
        self.link_button.setVisible(name is not None and name.register_match_id is not None)

    @Slot(object)
    def _select_pending(self, insight_ids: tuple[int, ...]) -> None:
        if not insight_ids:
            return
        for row in range(self.names_list.topLevelItemCount()):
            item = self.names_list.topLevelItem(row)
            name = item.data(0, _DATA_ROLE)
            if isinstance(name, PendingName) and set(name.insight_ids) & set(insight_ids):
                self.names_list.setCurrentItem(item)
                return

    def open_item(self, kind: str, item_id: int) -> None:
        if kind != "theme":
            return
        if self.tabs.currentIndex() == THEMES_TAB:
            self.themes_view.refresh()
        else:
            self.tabs.setCurrentIndex(THEMES_TAB)  # reads the themes
        self.themes_view.select_theme(item_id)

    @Slot(int)
    def _open_person(self, stakeholder_id: int) -> None:
        self._context.open_item("stakeholder", stakeholder_id)

    @Slot(QTreeWidgetItem, int)
    def _unmet_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        person = item.data(0, _DATA_ROLE)
        if isinstance(person, int):
            self._open_person(person)

    # ------------------------------------------------------------ edits

    @Slot()
    def add_selected_to_register(self) -> None:
        ws, name = self._workspace, self._selected_name()
        if ws is None or name is None or self.edits.read_only:
            return
        first = name.insight_ids[0]
        try:
            promotion = self._context.history.perform(
                self.tr("Add {name} to the register").format(name=name.name),
                do=lambda: ws.insights.promote_referral(first),
                undo=lambda done: ws.insights.undo_promotion(done),
                redo=lambda _done: ws.insights.promote_referral(first),
            )
        except CioDeskError as error:
            self._tell(str(error), "warn")
            return
        self._tell(
            self.tr("{name} is now in your register (Ctrl+Z to undo).").format(
                name=promotion.stakeholder.name
            )
        )

    @Slot()
    def link_selected_to_register(self) -> None:
        ws, name = self._workspace, self._selected_name()
        if ws is None or name is None or name.register_match_id is None:
            return
        first, person = name.insight_ids[0], name.register_match_id
        try:
            self._context.history.perform(
                self.tr("Link {name} to the register").format(name=name.name),
                do=lambda: ws.insights.link_referral(first, person),
                undo=lambda link: ws.insights.unlink_referral(link),
            )
        except CioDeskError as error:
            self._tell(str(error), "warn")
            return
        self._tell(
            self.tr("The referral now points to {name} in your register.").format(name=name.name)
        )

    def _tell(self, text: str, tone: str = "good") -> None:
        """A line under the list saying what the last action did."""
        self.promoted_label.setText(text)
        set_tone(self.promoted_label, tone)


def _flat_list(parent: QWidget, name: str, headers: list[str]) -> QTreeWidget:
    """A list with columns, read and chosen from with the keyboard."""
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setAccessibleName(name)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    set_column_widths(tree, {0: "Professor Tang Wei 唐巍巍"})
    return tree


def _tab_holder(parent: QWidget) -> QWidget:
    """An empty tab page that receives its content when the tab is first chosen."""
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


def _say_when_empty(tree: QTreeWidget, text: str) -> None:
    """An empty list says why, in a row that cannot be chosen."""
    if tree.topLevelItemCount() == 0:
        item = QTreeWidgetItem(tree, [text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setFirstColumnSpanned(True)
