"""Plan versions: freezing snapshots and comparing hand-built before/after plans."""

from __future__ import annotations

import datetime as dt

import pytest

from cio_desk.errors import NotFoundError, ValidationError
from cio_desk.services.versions import Area, ChangeKind
from cio_desk.store.enums import AudienceProfile, CostCategory, CostRecurrence, RiskCategory
from cio_desk.store.models import CostLine, Initiative, Measure, Risk
from cio_desk.workspace import Workspace

NOW = dt.datetime(2026, 4, 1, 9, 30)


def _initiative(ws: Workspace, title: str, horizon: int = 6, **values: object) -> int:
    costs = values.pop("costs", ())
    with ws.sessions.begin() as session:
        row = Initiative(title=title, horizon=horizon, **values)
        row.cost_lines = [
            CostLine(category=CostCategory.LICENCE, recurrence=recurrence, amount_minor=amount)
            for recurrence, amount in costs
        ]
        session.add(row)
        session.flush()
        return row.id


def _update(ws: Workspace, model: type, item_id: int, **values: object) -> None:
    with ws.sessions.begin() as session:
        row = session.get(model, item_id)
        for key, value in values.items():
            setattr(row, key, value)


def test_freeze_numbers_versions_and_keeps_label_date_profile(ws: Workspace) -> None:
    first = ws.versions.freeze(AudienceProfile.COACH, NOW, label=" Coach draft ")
    second = ws.versions.freeze("executive", NOW + dt.timedelta(days=2))
    assert (first.number, first.label, first.profile) == (1, "Coach draft", AudienceProfile.COACH)
    assert first.created_at == NOW
    assert second.number == 2 and second.title == "Version 2"
    assert [v.number for v in ws.versions.list()] == [1, 2]
    assert ws.versions.latest() == second


def test_a_snapshot_is_frozen_while_the_plan_moves_on(ws: Workspace) -> None:
    erp = _initiative(ws, "Replace the ERP", costs=[(CostRecurrence.ONE_OFF, 100_000)])
    ws.versions.freeze("coach", NOW)
    _update(ws, Initiative, erp, title="Renew the ERP")
    assert ws.versions.snapshot(1)["initiatives"][0]["title"] == "Replace the ERP"
    assert ws.versions.current_snapshot()["initiatives"][0]["title"] == "Renew the ERP"


def test_compare_lists_every_kind_of_initiative_change(ws: Workspace) -> None:
    kept = _initiative(ws, "Stabilise the network", 6, start_month=1, end_month=4)
    moved = _initiative(ws, "Data platform", 12, start_month=7, end_month=12)
    costly = _initiative(
        ws,
        "Cloud e-mail",
        6,
        costs=[(CostRecurrence.ONE_OFF, 50_000), (CostRecurrence.PER_YEAR, 12_000)],
    )
    dropped = _initiative(ws, "Intranet refresh", 24, start_month=13, end_month=20)
    ws.versions.freeze("coach", NOW)

    _update(ws, Initiative, kept, start_month=2, end_month=5)
    _update(ws, Initiative, moved, horizon=24, start_month=13, end_month=18)
    with ws.sessions.begin() as session:
        session.add(
            CostLine(
                initiative_id=costly,
                category=CostCategory.STAFF,
                recurrence=CostRecurrence.PER_YEAR,
                amount_minor=8_000,
            )
        )
        session.delete(session.get(Initiative, dropped))
    added = _initiative(ws, "Cyber-security audit", 6)

    diff = ws.versions.compare(1)
    summary = {(c.kind, c.item_id): (c.before, c.after) for c in diff.of(Area.INITIATIVE)}
    assert summary == {
        (ChangeKind.RESCHEDULED, kept): ((1, 4), (2, 5)),
        (ChangeKind.MOVED, moved): (12, 24),
        (ChangeKind.RESCHEDULED, moved): ((7, 12), (13, 18)),
        (ChangeKind.BUDGET, costly): (
            {"one_off": 50_000, "per_year": 12_000},
            {"one_off": 50_000, "per_year": 20_000},
        ),
        (ChangeKind.ADDED, added): (None, None),
        (ChangeKind.REMOVED, dropped): (None, None),
    }
    assert diff.newer_number is None and diff.older_number == 1


def test_compare_finds_measure_and_risk_changes(ws: Workspace) -> None:
    with ws.sessions.begin() as session:
        measure = Measure(name="Unplanned downtime", unit="h/month", baseline=12, target=4)
        risk = Risk(title="Key vendor fails", category=RiskCategory.VENDOR, likelihood=2, impact=4)
        session.add_all([measure, risk])
        session.flush()
        measure_id, risk_id = measure.id, risk.id
    ws.versions.freeze("coach", NOW)
    _update(ws, Measure, measure_id, target=2.0)
    _update(ws, Risk, risk_id, likelihood=4)

    diff = ws.versions.compare(1)
    [measure_change] = diff.of(Area.MEASURE)
    assert measure_change.kind is ChangeKind.MEASURE
    assert measure_change.before["target"] == 4 and measure_change.after["target"] == 2
    [risk_change] = diff.of(Area.RISK)
    assert risk_change.kind is ChangeKind.RESCORED
    assert (risk_change.before["likelihood"], risk_change.after["likelihood"]) == (2, 4)


def test_two_frozen_versions_compare_and_an_unchanged_plan_is_empty(ws: Workspace) -> None:
    _initiative(ws, "Replace the ERP")
    ws.versions.freeze("coach", NOW)
    ws.versions.freeze("coach", NOW)
    assert ws.versions.compare(1, 2).is_empty
    assert ws.versions.compare(2).is_empty


def test_renamed_is_not_removed_and_added(ws: Workspace) -> None:
    erp = _initiative(ws, "Replace the ERP")
    ws.versions.freeze("coach", NOW)
    _update(ws, Initiative, erp, title="Renew the ERP 更新")
    [change] = ws.versions.compare(1).changes
    assert (change.kind, change.before, change.after) == (
        ChangeKind.RENAMED,
        "Replace the ERP",
        "Renew the ERP 更新",
    )


def test_delete_and_restore_a_version(ws: Workspace) -> None:
    ws.versions.freeze("personal", NOW, label="Mine")
    frozen = ws.versions.delete(1)
    assert ws.versions.list() == []
    assert ws.versions.restore(frozen).title == "Version 1 (Mine)"
    assert ws.versions.snapshot(1)["format"] == 1


def test_bad_input_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="Audience has an unknown value"):
        ws.versions.freeze("board", NOW)
    with pytest.raises(NotFoundError, match="Version 7"):
        ws.versions.compare(7)
