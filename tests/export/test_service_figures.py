"""The document prints the services' figures: what the screens show is what leaves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pdf_helpers import NOW, Plan, pdf_text, squeeze

from cio_desk.export import ExportOptions, export_document
from cio_desk.services.plan_horizons import ContingencyData, MeasureData
from cio_desk.services.risks import RiskBand, RiskData
from cio_desk.store.enums import RiskCategory, RiskStatus


def _text(plan: Plan, tmp_path: Path, profile: str = "coach", **options: object) -> str:
    out = tmp_path / f"{profile}.pdf"
    export_document(plan.ws, out, ExportOptions(profile=profile, **options), now=NOW)
    return squeeze(pdf_text(out))


def _add_risks(plan: Plan) -> None:
    scores = [(5, 5, 4, 4), (4, 4, 3, 3), (2, 5, 2, 5), (1, 2, 1, 1), (3, 4, 3, 4)]
    for n, (li, im, rl, ri) in enumerate(scores):
        plan.ws.risks.add(
            RiskData(
                title=f"Risk number {n}",
                category=RiskCategory.SCHEDULE,
                likelihood=li,
                impact=im,
                residual_likelihood=rl,
                residual_impact=ri,
            )
        )
    closed = RiskData(
        title="An old closed risk", category=RiskCategory.LEGAL, status=RiskStatus.CLOSED
    )
    plan.ws.risks.add(closed)


def test_budget_totals_are_the_budget_service_totals(plan: Plan, tmp_path: Path) -> None:
    budget = plan.ws.budget.summary()
    text = _text(plan, tmp_path, "executive")
    assert squeeze(budget.format(budget.total.total)) in text
    assert squeeze(budget.format(budget.total.year1)) in text
    assert squeeze(budget.format(budget.total.year2)) in text
    for category, totals in budget.by_category.items():
        if totals.total:
            assert squeeze(budget.format(totals.total)) in text, category


def test_coverage_and_meeting_counts_are_the_onboarding_figures(plan: Plan, tmp_path: Path) -> None:
    coverage = plan.ws.onboarding.coverage()
    day = plan.ws.onboarding.day(NOW.date())
    assert day is not None
    counts = plan.ws.onboarding.meeting_counts(day)
    assert (coverage.met, coverage.register) == (2, 2)  # both people attended a held meeting
    text = _text(plan, tmp_path, "coach")
    assert squeeze(f"{coverage.met} of {coverage.register} stakeholders met in person") in text
    assert squeeze(f"{counts.held} held, {counts.planned} still planned") in text
    assert f"{coverage.met}/{coverage.register}" in text  # the key figure of the summary


def test_heat_map_bands_and_counts_are_the_risk_service_figures(plan: Plan, tmp_path: Path) -> None:
    _add_risks(plan)
    heat = plan.ws.risks.heat_map(residual=True)
    bands = heat.band_counts()
    text = _text(plan, tmp_path, "coach", sections=("summary", "risks"))
    assert heat.total == 6  # the fixture's vendor risk and five of ours; the closed one is out
    assert (
        squeeze(
            f"{heat.total} risks are open, occurred or monitored. After mitigation "
            f"{bands[RiskBand.CRITICAL]} are critical, {bands[RiskBand.HIGH]} high, "
            f"{bands[RiskBand.MEDIUM]} medium and {bands[RiskBand.LOW]} low."
        )
        in text
    )
    high = bands[RiskBand.HIGH] + bands[RiskBand.CRITICAL]
    assert f"{high}/{heat.total}Highrisks/openrisks" in text


def test_each_horizon_is_the_plan_services_horizon_view(plan: Plan, tmp_path: Path) -> None:
    ws = plan.ws
    risk = ws.risks.add(
        RiskData(title="Budget freeze", category=RiskCategory.FINANCIAL, horizon=12)
    )
    # No horizon of their own: the service places them by their risk or initiative.
    ws.plan.contingencies.add(ContingencyData(trigger="QX9 freeze announced", risk_id=risk.id))
    _first, second = plan.initiative_ids
    ws.plan.measures.add(MeasureData(name="QX9 platform uptime", initiative_id=second))
    assert any(c.trigger.startswith("QX9") for c in ws.plan.horizon_view(12).contingencies)
    assert any(m.name.startswith("QX9") for m in ws.plan.horizon_view(24).measures)
    text = _text(plan, tmp_path, "coach", sections=("horizons",))
    twelve = text.rindex("Months7to12")  # the section heading, after the contents line
    twenty_four = text.rindex("Months13to24")
    assert twelve < text.index("QX9freezeannounced") < twenty_four
    assert text.index("QX9platformuptime") > twenty_four


def test_open_plan_questions_reach_reviewers_but_not_executives(plan: Plan, tmp_path: Path) -> None:
    issues = plan.ws.plan_health.check()
    assert issues  # the fixture's initiatives have no owner, for one
    coach = _text(plan, tmp_path, "coach", sections=("changes",))
    assert "Pointsareviewermayquestion" in coach
    for issue in issues:
        assert squeeze(issue.message) in coach
    executive = _text(plan, tmp_path, "executive", sections=("changes",))
    assert "Pointsareviewermayquestion" not in executive


def test_the_register_shows_when_each_person_was_last_met(plan: Plan, tmp_path: Path) -> None:
    rows = {row.name: row for row in plan.ws.register.rows()}
    assert rows["Wang Fang"].last_contact == dt.date(2026, 3, 5)
    text = _text(plan, tmp_path, "coach", sections=("stakeholders",))
    assert "Lastmet" in text and "5March2026" in text
