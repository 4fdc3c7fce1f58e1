"""The demo workspace: a populated engagement to try CIO Desk with.

A CIO on Day 18 of 30 at a manufacturing group: stakeholders, meetings held
and planned, what was learnt, follow-ups, the learning agenda, the talks with
the boss, and a draft 6/12/24-month plan with its risks and budget. Every date
is placed relative to `today`, so the Today page always looks alive.

The story itself is data: the first month in `demo_content.py`, the plan in
`demo_plan.py`. This module writes it through the workspace managers, so the
demo obeys the rules a CIO's own entries do. What was learnt (insights, stance
history, the learning agenda, the talks with the boss) is written as rows in
one transaction instead, which keeps the build fast; the tests check it.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from cio_desk.errors import (
    ReadOnlyWorkspaceError,
    WorkspaceError,
    WorkspaceExistsError,
    WorkspaceInUseError,
)
from cio_desk.services import demo_content as content
from cio_desk.services import demo_plan as plan
from cio_desk.services.followups import FollowUpData
from cio_desk.services.initiatives import InitiativeData, InitiativeDraft
from cio_desk.services.meetings import MeetingData
from cio_desk.services.plan import (
    AssessmentItemData,
    GoalData,
    PrincipleData,
    UnitSituationData,
)
from cio_desk.services.plan_costs import CostLineRecord, MilestoneRecord, PaymentRecord
from cio_desk.services.plan_horizons import ContingencyData, MeasureData, NextStepData
from cio_desk.services.profile import ProfileData
from cio_desk.services.risks import RiskData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.db import write_session
from cio_desk.store.lock import WorkspaceLock
from cio_desk.store.models import (
    BossConversation,
    Insight,
    LearningSource,
    LearningTopic,
    StanceAssessment,
    Theme,
)
from cio_desk.store.paths import ensure_private_dir
from cio_desk.workspace import Workspace

FEN_PER_YUAN = 100
SQLITE_SIDE_FILES = ("-wal", "-shm")

Ids = dict[str, int]


@dataclass(frozen=True)
class DemoCalendar:
    """Turns the content's Day numbers (Day 1 = start date) into dates."""

    start: dt.date

    @classmethod
    def around(cls, today: dt.date) -> DemoCalendar:
        """The calendar in which `today` is Day `content.TODAY_DAY`."""
        return cls(today - dt.timedelta(days=content.TODAY_DAY - 1))

    def day(self, number: int) -> dt.date:
        return self.start + dt.timedelta(days=number - 1)

    def at(self, number: int, clock: str) -> dt.datetime:
        """Day `number` at `clock` ("HH:MM")."""
        return dt.datetime.combine(self.day(number), dt.time.fromisoformat(clock))


# ---------------------------------------------------------------- public entry points


def write_demo_workspace(path: Path | str, today: dt.date, *, force: bool = False) -> Path:
    """Write a new demo workspace at `path` built around `today`; returns the path.

    An existing file is refused with WorkspaceExistsError unless `force`, in
    which case it is replaced (with its -wal and -shm files). A file another
    window or program has open is never replaced (WorkspaceInUseError), nor
    one its permissions make read-only (ReadOnlyWorkspaceError). The
    demo is built in a temporary file beside the target and moved into place
    only when complete, so a failure never leaves half a demo or damages the
    old file.
    """
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise WorkspaceError(f"{target} is a folder; give a file name for the demo workspace.")
    if target.exists() and not force:
        raise WorkspaceExistsError(f"{target} already exists; it was not changed.")
    if target.exists() and not os.access(target, os.W_OK):
        # Replacing goes through the folder, which the file's own permissions do not stop.
        raise ReadOnlyWorkspaceError(f"{target} is read-only; it was not replaced.")
    building = _new_temporary_file(target)
    try:
        # Held until the demo is in place, so no window opens the old file meanwhile.
        with _demo_lock(target):
            _build_file(building, today)
            _move_into_place(building, target)
    except BaseException:
        _remove_with_side_files(building)
        raise
    return target


def build_demo(ws: Workspace, today: dt.date) -> None:
    """Fill an empty workspace with the demo engagement, Day 18 on `today`.

    Refuses (WorkspaceError) a workspace that already has stakeholders, so a
    real register is never mixed with the demo's. Replaces the profile.
    """
    if ws.stakeholders.count(include_archived=True):
        raise WorkspaceError(
            f"{ws.path.name} already has stakeholders; the demo is only written into an "
            "empty workspace."
        )
    calendar = DemoCalendar.around(today)
    ws.profile.save(
        ProfileData(
            cio_name=content.CIO_NAME,
            start_date=calendar.start,
            organisation=content.ORGANISATION,
            role_title=content.ROLE_TITLE,
            plan_due_day=30,
            language="en",
            currency="CNY",
        )
    )
    people = _add_people(ws)
    meetings = _add_meetings(ws, calendar, people)
    _add_follow_ups(ws, calendar, people, meetings)
    with write_session(ws.sessions) as session:
        insights = _add_insights(session, people, meetings)
        _add_stance_history(session, calendar, people)
        _add_learning_agenda(session, people)
        _add_boss_conversations(session, calendar, people)
    _add_plan(ws, calendar, people, insights)


# ---------------------------------------------------------------- the file


def _new_temporary_file(target: Path) -> Path:
    """An empty owner-only file in the target's folder, so the final move is atomic."""
    try:
        ensure_private_dir(target.parent)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=".building", dir=target.parent
        )
    except OSError as exc:
        raise WorkspaceError(
            f"Cannot write a demo workspace in {target.parent}: {exc.strerror}."
        ) from exc
    os.close(handle)
    return Path(name)


def _demo_lock(target: Path) -> WorkspaceLock:
    """The one-writer lock of `target`, or a refusal that says what to do."""
    try:
        return WorkspaceLock.acquire(target)
    except WorkspaceInUseError as exc:
        raise WorkspaceInUseError(
            f"{target.name} is open in another CIO Desk window or program; close it first, "
            "then write the demo again. It was not changed."
        ) from exc
    except ReadOnlyWorkspaceError as exc:
        raise ReadOnlyWorkspaceError(
            f"Cannot write a demo workspace in {target.parent}: the folder is read-only."
        ) from exc


def _build_file(building: Path, today: dt.date) -> None:
    ws = Workspace.create(building)
    try:
        _write_without_waiting_for_the_disk(ws)
        build_demo(ws, today)
    finally:
        # The demo is rebuilt from code at will: a backup on close would only
        # leave a stray backup folder named after the temporary file.
        ws.close(backup=False)
    _flush_to_disk(building)


def _write_without_waiting_for_the_disk(ws: Workspace) -> None:
    """Let the workspace's commits return before the disk confirms them.

    The demo is written in a few hundred small commits, each of which waits
    for the disk under the workspace's usual `synchronous = FULL` (tens of
    milliseconds apiece on some laptops). Durability of each commit buys
    nothing here: the file is temporary, deleted on any failure, and flushed
    to disk once before it is moved into place.
    """
    event.listen(ws.engine, "connect", _synchronous_off)
    ws.engine.dispose()  # pooled connections were opened with FULL


def _synchronous_off(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous = OFF")


def _flush_to_disk(path: Path) -> None:
    """Wait until the finished file is on disk, so the move never publishes a torn file."""
    try:
        with path.open("rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as exc:
        raise WorkspaceError(f"Could not write the demo workspace: {exc.strerror}.") from exc


def _move_into_place(building: Path, target: Path) -> None:
    """Replace `target` by the finished demo.

    The old file's -wal and -shm go first: SQLite would otherwise replay the
    old journal onto the new file when it is next opened.
    """
    try:
        for suffix in SQLITE_SIDE_FILES:
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        building.replace(target)
    except OSError as exc:
        raise WorkspaceError(
            f"Could not put the demo workspace at {target}: {exc.strerror}."
        ) from exc


def _remove_with_side_files(path: Path) -> None:
    for name in (str(path), *(f"{path}{suffix}" for suffix in SQLITE_SIDE_FILES)):
        Path(name).unlink(missing_ok=True)


# ---------------------------------------------------------------- people, meetings, follow-ups


def _add_people(ws: Workspace) -> Ids:
    ids: Ids = {}
    for spec in content.PEOPLE:
        record = ws.stakeholders.add(
            StakeholderData(
                name=spec.name,
                title=spec.title,
                unit=spec.unit,
                kind=spec.kind,
                influence=spec.influence,
                interest=spec.interest,
                stance=spec.stance,
                target_stance=spec.target,
                email=spec.email,
                notes=spec.notes,
                reports_to_id=ids[spec.reports_to] if spec.reports_to else None,
                is_manager=spec.is_manager,
                cadence_days=spec.cadence_days,
                tags=spec.tags,
            )
        )
        ids[spec.key] = record.id
        if spec.archived:
            ws.stakeholders.set_archived(record.id)
    return ids


def _add_meetings(ws: Workspace, calendar: DemoCalendar, people: Ids) -> Ids:
    ids: Ids = {}
    for spec in content.MEETINGS:
        starts_at = calendar.at(spec.day, spec.start)
        relationship, learn, values = spec.purposes
        record = ws.meetings.add(
            MeetingData(
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(minutes=spec.minutes),
                attendee_ids=tuple(people[key] for key in spec.attendees),
                title=spec.title,
                setting=spec.setting,
                status=spec.status,
                location=spec.location,
                agenda=spec.agenda,
                notes=spec.notes,
                # Without notes, a meeting keeps the app's default (confidential).
                notes_confidential=spec.confidential_notes if spec.notes else True,
                purpose_relationship=relationship,
                purpose_learn=learn,
                purpose_values=values,
                sentiment=spec.sentiment,
                thank_you_sent=spec.thanked,
            )
        )
        ids[spec.key] = record.id
    return ids


def _add_follow_ups(ws: Workspace, calendar: DemoCalendar, people: Ids, meetings: Ids) -> None:
    for spec in content.FOLLOW_UPS:
        record = ws.followups.add(
            FollowUpData(
                text=spec.text,
                due_date=calendar.day(spec.due_day),
                owner=spec.owner,
                quick_win=spec.quick_win,
                meeting_id=meetings[spec.meeting],
                stakeholder_id=people[spec.person],
            )
        )
        if spec.done_day is not None:
            ws.followups.set_done(record.id, on=calendar.day(spec.done_day))


# ---------------------------------------------------------------- what was learnt


def _add_insights(session: Session, people: Ids, meetings: Ids) -> Ids:
    names = sorted({theme for spec in content.INSIGHTS for theme in spec.themes})
    themes = {name: Theme(name=name) for name in names}
    session.add_all(themes.values())
    insights: dict[str, Insight] = {}
    for spec in content.INSIGHTS:
        insights[spec.key] = Insight(
            stakeholder_id=people[spec.person],
            meeting_id=meetings[spec.meeting],
            kind=spec.kind,
            text=spec.text,
            confidential=spec.confidential,
            referred_stakeholder_id=people[spec.referred] if spec.referred else None,
            referred_name=spec.referred_name,
            themes=[themes[name] for name in spec.themes],
        )
    session.add_all(insights.values())
    session.flush()  # the plan cites insights by id
    return {key: insight.id for key, insight in insights.items()}


def _add_stance_history(session: Session, calendar: DemoCalendar, people: Ids) -> None:
    session.add_all(
        StanceAssessment(
            stakeholder_id=people[spec.person],
            stance=spec.stance,
            assessed_on=calendar.day(spec.day),
            note=spec.note,
        )
        for spec in content.STANCE_HISTORY
    )


def _add_learning_agenda(session: Session, people: Ids) -> None:
    for position, spec in enumerate(content.TOPICS):
        sources = [LearningSource(stakeholder_id=people[key]) for key in spec.people]
        sources += [LearningSource(document=name) for name in spec.documents]
        session.add(
            LearningTopic(
                title=spec.title,
                category=spec.category,
                status=spec.status,
                notes=spec.notes,
                position=position,
                sources=sources,
            )
        )


def _add_boss_conversations(session: Session, calendar: DemoCalendar, people: Ids) -> None:
    (manager,) = (spec.key for spec in content.PEOPLE if spec.is_manager)
    session.add_all(
        BossConversation(
            stakeholder_id=people[manager],
            kind=spec.kind,
            held_on=None if spec.held_day is None else calendar.day(spec.held_day),
            notes=spec.notes,
        )
        for spec in content.BOSS_CONVERSATIONS
    )


# ---------------------------------------------------------------- the plan


def _add_plan(ws: Workspace, calendar: DemoCalendar, people: Ids, insights: Ids) -> None:
    """The draft plan, written through the plan and risk managers and checked by their rules."""
    for spec in plan.ASSESSMENT:
        ws.plan.assessment.add(
            AssessmentItemData(
                spec.kind, spec.text, spec.unit, tuple(insights[key] for key in spec.insights)
            )
        )
    for spec in plan.UNIT_SITUATIONS:
        ws.plan.situations.add(UnitSituationData(spec.unit, spec.situation, spec.note))
    goals = {
        spec.key: ws.plan.goals.add(GoalData(spec.title, spec.description)).id
        for spec in plan.GOALS
    }
    for text in plan.PRINCIPLES:
        ws.plan.principles.add(PrincipleData(text))
    initiatives = _add_initiatives(ws, goals, insights)
    risks = _add_risks(ws, calendar, people, initiatives)
    _add_horizons(ws, calendar, risks, initiatives)


def _add_initiatives(ws: Workspace, goals: Ids, insights: Ids) -> Ids:
    """Initiatives in content order, which is their rank within each horizon."""
    ids: Ids = {}
    for spec in plan.INITIATIVES:
        data = InitiativeData(
            title=spec.title,
            description=spec.description,
            business_value=spec.business_value,
            horizon=spec.horizon,
            start_month=spec.start_month,
            end_month=spec.end_month,
            owner=spec.owner,
            status=spec.status,
            cfo_confirmed=spec.cfo_confirmed,
            goal_ids=tuple(goals[key] for key in spec.goals),
            insight_ids=tuple(insights[key] for key in spec.insights),
            depends_on_ids=tuple(ids[key] for key in spec.depends_on),
        )
        # The parts are new rows (id 0) of an initiative not saved yet (initiative_id 0):
        # `save_draft` writes them with the initiative, all or nothing.
        draft = InitiativeDraft(
            data,
            cost_lines=tuple(
                CostLineRecord(
                    initiative_id=0,
                    category=cost.category,
                    amount_minor=cost.yuan * FEN_PER_YUAN,
                    recurrence=cost.recurrence,
                    vendor=cost.vendor,
                    note=cost.note,
                )
                for cost in spec.costs
            ),
            payments=tuple(
                PaymentRecord(
                    initiative_id=0, month=month, amount_minor=yuan * FEN_PER_YUAN, note=note
                )
                for month, yuan, note in spec.payments
            ),
            milestones=tuple(
                MilestoneRecord(initiative_id=0, month=month, title=title)
                for month, title in spec.milestones
            ),
        )
        ids[spec.key] = ws.plan.initiatives.save_draft(draft).id
    return ids


def _add_risks(ws: Workspace, calendar: DemoCalendar, people: Ids, initiatives: Ids) -> Ids:
    ids: Ids = {}
    for spec in plan.RISKS:
        likelihood, impact = spec.inherent
        residual_likelihood, residual_impact = spec.residual
        ids[spec.key] = ws.risks.add(
            RiskData(
                title=spec.title,
                category=spec.category,
                cause=spec.cause,
                effect=spec.effect,
                likelihood=likelihood,
                impact=impact,
                residual_likelihood=residual_likelihood,
                residual_impact=residual_impact,
                response=spec.response,
                owner=spec.owner,
                trigger=spec.trigger,
                mitigation=spec.mitigation,
                contingency=spec.contingency,
                horizon=spec.horizon,
                status=spec.status,
                next_review=calendar.day(spec.review_day),
                initiative_ids=tuple(initiatives[key] for key in spec.initiatives),
                stakeholder_ids=tuple(people[key] for key in spec.people),
            )
        ).id
    return ids


def _add_horizons(ws: Workspace, calendar: DemoCalendar, risks: Ids, initiatives: Ids) -> None:
    """Each horizon's measures, contingencies and next steps."""

    def initiative(key: str | None) -> int | None:
        return None if key is None else initiatives[key]

    for spec in plan.MEASURES:
        ws.plan.measures.add(
            MeasureData(
                name=spec.name,
                unit=spec.unit,
                baseline=spec.baseline,
                target=spec.target,
                current=spec.current,
                current_on=None if spec.current_day is None else calendar.day(spec.current_day),
                horizon=spec.horizon,
                initiative_id=initiative(spec.initiative),
            )
        )
    for spec in plan.CONTINGENCIES:
        ws.plan.contingencies.add(
            ContingencyData(
                trigger=spec.trigger,
                response=spec.response,
                owner=spec.owner,
                horizon=spec.horizon,
                risk_id=None if spec.risk is None else risks[spec.risk],
                initiative_id=initiative(spec.initiative),
            )
        )
    for spec in plan.NEXT_STEPS:
        ws.plan.next_steps.add(
            NextStepData(spec.horizon, spec.text, spec.owner, calendar.day(spec.due_day), spec.done)
        )
