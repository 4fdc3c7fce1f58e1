"""Parts of the Risks page: the fired triggers at the top, and the two heat maps."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cio_desk.services.risks import FiredTrigger, HeatMap, RiskBand
from cio_desk.ui import formatting as fmt
from cio_desk.ui.pages.risk_texts import FiredRisk, fired_text, group_by_risk
from cio_desk.ui.theme import set_tone
from cio_desk.ui.widgets.cards import Card, plain_label
from cio_desk.ui.widgets.heat_map import HeatMapView, band_color

MAX_TRIGGERS = 4


class TriggersCard(Card):
    """Risks whose linked person turned sceptic or blocker, each with a button to show it."""

    show_risk = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Triggers fired: time for the planned response"), parent)
        set_tone(self.title_label, "warn")
        self.title_label.setToolTip(
            self.tr("A person these risks hang on is now recorded as a sceptic or blocker.")
        )
        self._rows: list[QWidget] = []
        self.more_label = plain_label("", self)
        set_tone(self.more_label, "muted")
        self.body.addWidget(self.more_label)
        self._fired: list[FiredRisk] = []

    def set_triggers(self, triggers: Sequence[FiredTrigger]) -> None:
        for row in self._rows:
            self.body.removeWidget(row)
            row.deleteLater()
        self._fired = group_by_risk(triggers)
        shown = self._fired[:MAX_TRIGGERS]
        self._rows = [self._row(t) for t in shown]
        for position, row in enumerate(self._rows):
            self.body.insertWidget(position, row)
        hidden = len(self._fired) - len(shown)
        self.more_label.setVisible(hidden > 0)
        self.more_label.setText(self.tr("And {n} more.").format(n=hidden) if hidden else "")
        self.setVisible(bool(self._fired))

    def texts(self) -> list[str]:
        """Every fired risk as the card words it."""
        return [fired_text(f) for f in self._fired]

    def _row(self, trigger: FiredRisk) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = plain_label(fired_text(trigger), row)
        button = QPushButton(self.tr("Show risk"), row)
        button.setToolTip(
            self.tr("Select “{risk}” in the register").format(risk=trigger.risk_title)
        )
        button.clicked.connect(lambda _checked=False, rid=trigger.risk_id: self.show_risk.emit(rid))
        layout.addWidget(label, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row


class HeatMapCard(Card):
    """One heat map with, beside it, how many open risks fall in each band."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.view = HeatMapView(title, self)
        row.addWidget(self.view, 1)
        legend = QGridLayout()
        legend.setHorizontalSpacing(8)
        legend.setVerticalSpacing(4)
        self._counts: dict[RiskBand, QLabel] = {}
        self._swatches: dict[RiskBand, QLabel] = {}
        for line, band in enumerate(reversed(RiskBand)):
            swatch = QLabel(self)
            size = self.fontMetrics().height()
            swatch.setFixedSize(size, size)
            self._swatches[band] = swatch
            name = plain_label(fmt.risk_band_label(band), self, wrap=False)
            count = plain_label("", self, wrap=False)
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._counts[band] = count
            legend.addWidget(swatch, line, 0)
            legend.addWidget(name, line, 1)
            legend.addWidget(count, line, 2)
        self.summary = plain_label("", self, wrap=False)
        set_tone(self.summary, "muted")
        legend.addWidget(self.summary, len(RiskBand), 0, 1, 3)
        legend.setRowStretch(len(RiskBand) + 1, 1)
        row.addLayout(legend)
        self.body.addLayout(row, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(layout.count() - 1, 0)  # the map takes the height, not a spacer
        layout.setStretchFactor(self.body, 1)
        self._paint_swatches()

    def set_heat_map(self, heat: HeatMap) -> None:
        self.view.set_heat_map(heat)
        counts = heat.band_counts()
        for band, label in self._counts.items():
            label.setText(str(counts[band]))
        self.summary.setText(
            self.tr("No open risks")
            if heat.total == 0
            else self.tr("{n} open").format(n=heat.total)
        )
        self._paint_swatches()

    def band_count_text(self, band: RiskBand) -> str:
        return self._counts[band].text()

    def _paint_swatches(self) -> None:
        for band, swatch in self._swatches.items():
            colour = band_color(self.palette(), band)
            swatch.setStyleSheet(f"QLabel {{ background: {colour.name()}; border-radius: 3px; }}")


class HeatMapsPanel(QWidget):
    """Inherent and residual heat maps side by side; a click asks to filter by a cell."""

    cell_clicked = Signal(bool, int, int)  # residual?, likelihood, impact

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.inherent = HeatMapCard(self.tr("Before mitigation (inherent)"), self)
        self.residual = HeatMapCard(self.tr("After mitigation (residual)"), self)
        layout.addWidget(self.inherent, 1)
        layout.addWidget(self.residual, 1)
        self.inherent.view.cell_clicked.connect(self._inherent_clicked)
        self.residual.view.cell_clicked.connect(self._residual_clicked)

    def view(self, residual: bool) -> HeatMapView:
        return (self.residual if residual else self.inherent).view

    def set_heat_maps(self, inherent: HeatMap, residual: HeatMap) -> None:
        self.inherent.set_heat_map(inherent)
        self.residual.set_heat_map(residual)

    def set_selected(self, residual: bool | None, cell: tuple[int, int] | None) -> None:
        """Outline the filtered cell on its map (and on no other)."""
        self.inherent.view.set_selected(cell if residual is False else None)
        self.residual.view.set_selected(cell if residual is True else None)

    @Slot(int, int)
    def _inherent_clicked(self, likelihood: int, impact: int) -> None:
        self.cell_clicked.emit(False, likelihood, impact)

    @Slot(int, int)
    def _residual_clicked(self, likelihood: int, impact: int) -> None:
        self.cell_clicked.emit(True, likelihood, impact)
