"""Starter risks: common risks of a CIO's transition, to adopt into the register.

The list shows every starter with a tick box; those already in the register
are shown but cannot be ticked. The one under the cursor is described in
full on the right, so the CIO adopts knowingly.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.risks import StarterRisk, risk_score
from cio_desk.ui import formatting as fmt
from cio_desk.ui.theme import scaled_font, set_tone
from cio_desk.ui.widgets.cards import plain_label

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class StarterRisksDialog(QDialog):
    """Tick the starter risks to adopt; returns their keys."""

    def __init__(self, starters: Sequence[StarterRisk], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._starters = {s.key: s for s in starters}
        self.setWindowTitle(self.tr("Starter risks"))
        self.setMinimumSize(820, 520)
        self._build()
        self._fill(starters)
        self._connect_signals()
        self._update_button()

    @classmethod
    def choose(
        cls, parent: QWidget | None, starters: Sequence[StarterRisk]
    ) -> tuple[tuple[str, ...], bool]:
        """Show the dialog; returns the keys ticked and whether the user chose to adopt them."""
        dialog = cls(starters, parent)
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        keys = dialog.chosen_keys() if accepted else ()
        dialog.deleteLater()
        return keys, accepted

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = plain_label(
            self.tr(
                "Common risks of a CIO's first two years, each with a cause, a trigger, a "
                "mitigation and a contingency to start from. Tick those that apply to you; "
                "you can change every field afterwards."
            ),
            self,
        )
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(left)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Starter risks"))
        self.list.setToolTip(self.tr("Space ticks the risk under the cursor."))
        left_layout.addWidget(self.list, 1)
        ticks = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Tick &all"), left)
        self.none_button = QPushButton(self.tr("Tick &none"), left)
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        left_layout.addLayout(ticks)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail(splitter))
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([450, 360])
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.adopt_button = self.buttons.addButton(
            self.tr("Adopt"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout.addWidget(self.buttons)

    def _build_detail(self, parent: QWidget) -> QScrollArea:
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        body = QWidget()
        body.setObjectName("pageBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 4, 8, 4)
        self.detail_title = plain_label("", body)
        self.detail_title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.detail_meta = plain_label("", body)
        set_tone(self.detail_meta, "muted")
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_meta)
        self._detail_parts = []
        for heading in (
            self.tr("Cause"),
            self.tr("Effect"),
            self.tr("Trigger"),
            self.tr("Mitigation"),
            self.tr("Contingency"),
        ):
            title = plain_label(heading, body)
            title.setFont(scaled_font(self.font(), 1.0, bold=True))
            text = plain_label("", body)
            layout.addWidget(title)
            layout.addWidget(text)
            self._detail_parts.append(text)
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def _fill(self, starters: Sequence[StarterRisk]) -> None:
        for starter in starters:
            data = starter.data
            text = self.tr("{title}\n{category}").format(
                title=data.title, category=fmt.risk_category_label(data.category)
            )
            if starter.adopted:
                text = self.tr("{title}\n{category} · already in your register").format(
                    title=data.title, category=fmt.risk_category_label(data.category)
                )
            item = QListWidgetItem(text, self.list)
            item.setData(KEY_ROLE, starter.key)
            if starter.adopted:
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(
                    Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _connect_signals(self) -> None:
        self.list.currentItemChanged.connect(self._show_detail)
        self.list.itemChanged.connect(self._update_button)
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ state

    def chosen_keys(self) -> tuple[str, ...]:
        """The keys of the ticked starters, in list order."""
        return tuple(
            item.data(KEY_ROLE)
            for item in map(self.list.item, range(self.list.count()))
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState() == Qt.CheckState.Checked
        )

    def set_ticked(self, key: str, ticked: bool = True) -> None:
        for item in map(self.list.item, range(self.list.count())):
            if item.data(KEY_ROLE) == key and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _tick_all(self, ticked: bool) -> None:
        for key in self._starters:
            self.set_ticked(key, ticked)

    @Slot()
    def _update_button(self) -> None:
        count = len(self.chosen_keys())
        self.adopt_button.setEnabled(count > 0)
        self.adopt_button.setText(
            self.tr("Adopt {n} risks").format(n=count) if count > 1 else self.tr("Adopt")
        )

    @Slot(QListWidgetItem, QListWidgetItem)
    def _show_detail(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        starter = self._starters[item.data(KEY_ROLE)]
        data = starter.data
        self.detail_title.setText(data.title)
        inherent = risk_score(data.likelihood, data.impact)
        residual = risk_score(data.residual_likelihood, data.residual_impact)
        meta = [
            fmt.risk_category_label(data.category),
            self.tr("Before mitigation {scores}").format(
                scores=fmt.risk_scores(data.likelihood, data.impact, inherent)
            ),
            self.tr("after {scores}").format(
                scores=fmt.risk_scores(data.residual_likelihood, data.residual_impact, residual)
            ),
            fmt.risk_response_label(data.response),
        ]
        if data.horizon:
            meta.append(fmt.horizon_label(data.horizon))
        self.detail_meta.setText(self.tr(" · ").join(meta))
        texts = (data.cause, data.effect, data.trigger, data.mitigation, data.contingency)
        for label, text in zip(self._detail_parts, texts, strict=True):
            label.setText(text)
