"""The risk editor: every field of a register entry, on three tabs.

The risk (title, category, cause and effect, likelihood and impact before
and after mitigation with their scores and bands, response, status, owner,
horizon, next review), the response plan (trigger, mitigation, contingency)
and its links (initiatives it threatens, stakeholders it hangs on). Save
hands a `RiskData` to the page's undoable edit; a refusal is shown at its
field, on its tab, and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from cio_desk.services.initiatives import InitiativeRecord
from cio_desk.services.risks import RiskData, RiskRecord, band_for, risk_score
from cio_desk.services.stakeholders import StakeholderRecord
from cio_desk.store.enums import HORIZONS, RiskCategory, RiskResponse, RiskStatus
from cio_desk.ui import formatting as fmt
from cio_desk.ui.dialogs.plan_form import EditorDialog, choice_combo, text_edit
from cio_desk.ui.widgets.cards import plain_label
from cio_desk.ui.widgets.heat_map import band_color
from cio_desk.ui.widgets.pick_list import PickItem, PickList

REVIEW_AFTER_DAYS = 30  # a new risk is first reviewed a month on


@dataclass(frozen=True)
class RiskChoices:
    """What the editor offers to link and to suggest."""

    initiatives: Sequence[InitiativeRecord] = ()
    stakeholders: Sequence[StakeholderRecord] = ()
    owners: Sequence[str] = ()  # names offered while typing the owner


class RiskEditor(EditorDialog[RiskData, RiskRecord]):
    """A new or existing risk; Save records it as one undoable edit."""

    def __init__(
        self,
        save: Callable[[RiskData], RiskRecord],
        choices: RiskChoices,
        risk: RiskData | None = None,
        *,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Edit risk") if risk else self.tr("New risk"))
        self.setMinimumSize(680, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_risk_tab(choices), self.tr("&Risk"))
        self.tabs.addTab(self._build_plan_tab(), self.tr("Response &plan"))
        self.tabs.addTab(self._build_links_tab(choices), self.tr("&Links"))
        self.layout_.addWidget(self.tabs, 1)
        self.finish()
        self._fill(risk or RiskData("", RiskCategory.OPERATIONAL), choices, today, new=risk is None)
        self._connect_signals()
        self._show_scores()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        save: Callable[[RiskData], RiskRecord],
        choices: RiskChoices,
        risk: RiskData | None = None,
        *,
        today: dt.date,
    ) -> tuple[RiskRecord | None, bool]:
        """Show the editor; returns the saved risk and whether it was saved."""
        return cls.run(cls(save, choices, risk, today=today, parent=parent))

    # ------------------------------------------------------------ building

    def _build_risk_tab(self, choices: RiskChoices) -> QWidget:
        tab = QWidget(self)
        form = self.new_form()
        tab.setLayout(form)
        self.title_edit = QLineEdit(tab)
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. Staff resist the new shop-floor system"))
        self.category_combo = choice_combo(
            tab, [(fmt.risk_category_label(c), c) for c in RiskCategory], RiskCategory.OPERATIONAL
        )
        self.cause_edit = text_edit(tab, self.tr("What could make it happen"), lines=2)
        self.effect_edit = text_edit(tab, self.tr("What it would do to the business"), lines=2)
        self.likelihood_combo = self._rating_combo(tab, _likelihood_words())
        self.impact_combo = self._rating_combo(tab, _impact_words())
        self.residual_likelihood_combo = self._rating_combo(tab, _likelihood_words())
        self.residual_impact_combo = self._rating_combo(tab, _impact_words())
        self.inherent_label = self._score_label(tab)
        self.residual_label = self._score_label(tab)
        self.response_combo = choice_combo(
            tab, [(fmt.risk_response_label(r), r) for r in RiskResponse], RiskResponse.MITIGATE
        )
        self.status_combo = choice_combo(
            tab, [(fmt.risk_status_label(s), s) for s in RiskStatus], RiskStatus.OPEN
        )
        self.owner_edit = QLineEdit(tab)
        self.owner_edit.setMaxLength(200)
        completer = QCompleter(list(choices.owners), self.owner_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner_edit.setCompleter(completer)
        horizons: list[tuple[str, object]] = [(self.tr("No horizon"), None)]
        horizons += [(fmt.horizon_label(h), h) for h in HORIZONS]
        self.horizon_combo = choice_combo(tab, horizons, None)
        self.review_box = QCheckBox(self.tr("Review on"), tab)
        self.review_edit = QDateEdit(tab)
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat(self.tr("d MMMM yyyy"))
        review = QHBoxLayout()
        review.addWidget(self.review_box)
        review.addWidget(self.review_edit, 1)
        review_row = QWidget(tab)
        review_row.setLayout(review)
        review.setContentsMargins(0, 0, 0, 0)
        self.add_field(form, "title", self.tr("&Title"), self.title_edit)
        self.add_field(form, "category", self.tr("&Category"), self.category_combo)
        self.add_field(form, "cause", self.tr("Ca&use"), self.cause_edit)
        self.add_field(form, "effect", self.tr("&Effect"), self.effect_edit)
        self.add_field(
            form,
            "likelihood",
            self.tr("&Before mitigation"),
            self._scores_row(tab, self.likelihood_combo, self.impact_combo, self.inherent_label),
        )
        self._alias("impact", "likelihood")
        self.add_field(
            form,
            "residual_likelihood",
            self.tr("&After mitigation"),
            self._scores_row(
                tab, self.residual_likelihood_combo, self.residual_impact_combo, self.residual_label
            ),
        )
        self._alias("residual_impact", "residual_likelihood")
        self.add_field(form, "response", self.tr("Res&ponse"), self.response_combo)
        self.add_field(form, "status", self.tr("&Status"), self.status_combo)
        self.add_field(form, "owner", self.tr("&Owner"), self.owner_edit)
        self.add_field(form, "horizon", self.tr("&Horizon"), self.horizon_combo)
        self.add_field(form, "next_review", self.tr("&Next review"), review_row)
        return tab

    def _build_plan_tab(self) -> QWidget:
        tab = QWidget(self)
        form = self.new_form()
        tab.setLayout(form)
        self.trigger_edit = text_edit(tab, self.tr("The sign that it is happening"))
        self.mitigation_edit = text_edit(tab, self.tr("What we do now to make it less likely"))
        self.contingency_edit = text_edit(tab, self.tr("What we do if it happens anyway"))
        self.add_field(form, "trigger", self.tr("&Trigger"), self.trigger_edit)
        self.add_field(form, "mitigation", self.tr("&Mitigation"), self.mitigation_edit)
        self.add_field(form, "contingency", self.tr("&Contingency"), self.contingency_edit)
        return tab

    def _build_links_tab(self, choices: RiskChoices) -> QWidget:
        tab = QWidget(self)
        form = self.new_form()
        tab.setLayout(form)
        self.initiatives_list = PickList(
            [self.tr("Initiative"), self.tr("Horizon")],
            search_hint=self.tr("Find an initiative"),
            empty_text=self.tr("No initiatives in the plan yet."),
            parent=tab,
        )
        self.initiatives_list.set_items(
            [
                PickItem(i.id, (i.title, fmt.horizon_short_label(i.horizon)), i.description)
                for i in choices.initiatives
            ]
        )
        self.initiatives_list.set_column_widths([40])
        self.stakeholders_list = PickList(
            [self.tr("Stakeholder"), self.tr("Stance")],
            search_hint=self.tr("Find a person"),
            empty_text=self.tr("No stakeholders in the register yet."),
            parent=tab,
        )
        self.stakeholders_list.set_items(
            [PickItem(s.id, (s.name, self._stance_text(s)), s.title) for s in choices.stakeholders]
        )
        self.stakeholders_list.set_column_widths([30])
        hint = plain_label(
            self.tr(
                "Link the people this risk hangs on: when one of them is recorded as a "
                "sceptic or blocker, the risk's trigger fires on Today and on this page."
            ),
            tab,
        )
        form.addRow(hint)
        self.add_field(form, "initiative_ids", self.tr("&Initiatives"), self.initiatives_list)
        self.add_field(form, "stakeholder_ids", self.tr("&Stakeholders"), self.stakeholders_list)
        return tab

    def _stance_text(self, person: StakeholderRecord) -> str:
        stance = fmt.stance_label(person.stance)
        return self.tr("{stance} · archived").format(stance=stance) if person.archived else stance

    def _alias(self, field: str, shown_at: str) -> None:
        """Errors about `field` appear where `shown_at`'s do."""
        self._errors[field] = self._errors[shown_at]
        self._fields[field] = self._fields[shown_at]

    def _rating_combo(self, parent: QWidget, words: list[str]) -> QComboBox:
        return choice_combo(
            parent,
            [(self.tr("{n} – {word}").format(n=n, word=w), n) for n, w in enumerate(words, 1)],
            3,
        )

    def _score_label(self, parent: QWidget) -> QLabel:
        label = plain_label("", parent, wrap=False)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance("= 25 · Critical") + 16)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _scores_row(
        self, parent: QWidget, likelihood: QComboBox, impact: QComboBox, score: QLabel
    ) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(self.tr("Likelihood"), row, wrap=False))
        layout.addWidget(likelihood, 1)
        layout.addWidget(plain_label(self.tr("× Impact"), row, wrap=False))
        layout.addWidget(impact, 1)
        layout.addWidget(score)
        likelihood.setAccessibleName(self.tr("Likelihood"))
        impact.setAccessibleName(self.tr("Impact"))
        return row

    def _connect_signals(self) -> None:
        for combo in (
            self.likelihood_combo,
            self.impact_combo,
            self.residual_likelihood_combo,
            self.residual_impact_combo,
        ):
            combo.currentIndexChanged.connect(self._show_scores)
        self.review_box.toggled.connect(self.review_edit.setEnabled)

    # ------------------------------------------------------------ values

    def _fill(self, risk: RiskData, choices: RiskChoices, today: dt.date, *, new: bool) -> None:
        self.title_edit.setText(risk.title)
        for combo, value in (
            (self.category_combo, risk.category),
            (self.likelihood_combo, risk.likelihood),
            (self.impact_combo, risk.impact),
            (self.residual_likelihood_combo, risk.residual_likelihood),
            (self.residual_impact_combo, risk.residual_impact),
            (self.response_combo, risk.response),
            (self.status_combo, risk.status),
            (self.horizon_combo, risk.horizon),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        for edit, text in (
            (self.cause_edit, risk.cause),
            (self.effect_edit, risk.effect),
            (self.trigger_edit, risk.trigger),
            (self.mitigation_edit, risk.mitigation),
            (self.contingency_edit, risk.contingency),
        ):
            edit.setPlainText(text)
        self.owner_edit.setText(risk.owner)
        review = risk.next_review
        if review is None and new:
            review = today + dt.timedelta(days=REVIEW_AFTER_DAYS)
        self.review_box.setChecked(review is not None)
        self.review_edit.setEnabled(review is not None)
        shown = review or today
        self.review_edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.initiatives_list.set_items(self.initiatives_list.model.items(), risk.initiative_ids)
        self.stakeholders_list.set_items(self.stakeholders_list.model.items(), risk.stakeholder_ids)

    def value(self) -> RiskData:
        return RiskData(
            title=self.title_edit.text(),
            category=self.category_combo.currentData(),
            cause=self.cause_edit.toPlainText(),
            effect=self.effect_edit.toPlainText(),
            likelihood=self.likelihood_combo.currentData(),
            impact=self.impact_combo.currentData(),
            residual_likelihood=self.residual_likelihood_combo.currentData(),
            residual_impact=self.residual_impact_combo.currentData(),
            response=self.response_combo.currentData(),
            owner=self.owner_edit.text(),
            trigger=self.trigger_edit.toPlainText(),
            mitigation=self.mitigation_edit.toPlainText(),
            contingency=self.contingency_edit.toPlainText(),
            horizon=self.horizon_combo.currentData(),
            status=self.status_combo.currentData(),
            next_review=self.review_edit.date().toPython() if self.review_box.isChecked() else None,
            initiative_ids=self.initiatives_list.ticked_ids(),
            stakeholder_ids=self.stakeholders_list.ticked_ids(),
        )

    @Slot()
    def _show_scores(self) -> None:
        for likelihood, impact, label in (
            (self.likelihood_combo, self.impact_combo, self.inherent_label),
            (self.residual_likelihood_combo, self.residual_impact_combo, self.residual_label),
        ):
            score = risk_score(likelihood.currentData(), impact.currentData())
            band = band_for(score)
            label.setText(
                self.tr("= {score} · {band}").format(score=score, band=fmt.risk_band_label(band))
            )
            colour = band_color(self.palette(), band)
            text = self.palette().color(self.foregroundRole())
            label.setStyleSheet(
                f"QLabel {{ background: {colour.name()}; color: {text.name()};"
                " border-radius: 4px; padding: 2px 8px; }"
            )


def _tr(text: str) -> str:
    return QCoreApplication.translate("RiskEditor", text)


def _likelihood_words() -> list[str]:
    return [_tr("Rare"), _tr("Unlikely"), _tr("Possible"), _tr("Likely"), _tr("Almost certain")]


def _impact_words() -> list[str]:
    return [_tr("Minimal"), _tr("Minor"), _tr("Moderate"), _tr("Major"), _tr("Severe")]
