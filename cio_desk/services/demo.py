"""The demo workspace: a populated engagement to try CIO Desk with.

A CIO on Day 18 of 30 at a manufacturing group: stakeholders, meetings held
and planned, what was learnt, follow-ups, the learning agenda, the talks with
the boss, and a draft 6/12/24-month plan with its risks and budget. Every date
is placed relative to `today`, so the Today page always looks alive.

The story itself is data in `demo_content.py`; this module writes it, through
the workspace managers where they exist and as rows otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from cio_desk.errors import WorkspaceError, WorkspaceExistsError
from cio_desk.services import demo_content as content
from cio_desk.services.followups import FollowUpData
from cio_desk.services.meetings import MeetingData
from cio_desk.services.profile import ProfileData
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.store.db import write_session
from cio_desk.store.models import (
    AssessmentItem,
    BossConversation,
    Contingency,
    CostLine,
    Goal,
    Initiative,
    Insight,
    LearningSource,
    LearningTopic,
    Measure,
    Milestone,
    NextStep,
    Payment,
    Principle,
    Risk,
    Stakeholder,
    StanceAssessment,
    Theme,
    UnitSituation,
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
    which case it is replaced (with its -wal and -shm files). The demo is built
    in a temporary file beside the target and moved into place only when
    complete, so a failure never leaves half a demo or damages the old file.
    """
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise WorkspaceError(f"{target} is a folder; give a file name for the demo workspace.")
    if target.exists() and not force:
        raise WorkspaceExistsError(f"{target} already exists; it was not changed.")
    building = _new_temporary_file(target)
    try:
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
        _add_assessment(session, insights)
        goals = _add_goals_and_principles(session)
        initiatives = _add_initiatives(session, goals, insights)
        risks = _add_risks(session, calendar, people, initiatives)
        session.flush()  # measures and contingencies refer to these by id
        _add_measures(session, calendar, initiatives)
        _add_contingencies(session, risks, initiatives)
        _add_next_steps(session, calendar)


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


def _build_file(building: Path, today: dt.date) -> None:
    ws = Workspace.create(building)
    try:
        build_demo(ws, today)
    finally:
        # The demo is rebuilt from code at will: a backup on close would only
        # leave a stray backup folder named after the temporary file.
        ws.close(backup=False)


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


def _add_insights(session: Session, people: Ids, meetings: Ids) -> dict[str, Insight]:
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
    return insights


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


def _add_assessment(session: Session, insights: dict[str, Insight]) -> None:
    session.add_all(
        AssessmentItem(
            kind=spec.kind,
            text=spec.text,
            unit=spec.unit,
            position=position,
            insights=[insights[key] for key in spec.insights],
        )
        for position, spec in enumerate(content.ASSESSMENT)
    )
    session.add_all(
        UnitSituation(unit=spec.unit, situation=spec.situation, note=spec.note)
        for spec in content.UNIT_SITUATIONS
    )


def _add_goals_and_principles(session: Session) -> dict[str, Goal]:
    goals = {
        spec.key: Goal(title=spec.title, description=spec.description, position=position)
        for position, spec in enumerate(content.GOALS)
    }
    session.add_all(goals.values())
    session.add_all(
        Principle(text=text, position=position) for position, text in enumerate(content.PRINCIPLES)
    )
    return goals


def _add_initiatives(
    session: Session, goals: dict[str, Goal], insights: dict[str, Insight]
) -> dict[str, Initiative]:
    initiatives: dict[str, Initiative] = {}
    ranks = dict.fromkeys((spec.horizon for spec in content.INITIATIVES), 0)
    for spec in content.INITIATIVES:
        ranks[spec.horizon] += 1
        initiatives[spec.key] = Initiative(
            title=spec.title,
            description=spec.description,
            business_value=spec.business_value,
            horizon=spec.horizon,
            start_month=spec.start_month,
            end_month=spec.end_month,
            owner=spec.owner,
            status=spec.status,
            rank=ranks[spec.horizon],
            cfo_confirmed=spec.cfo_confirmed,
            goals=[goals[key] for key in spec.goals],
            insights=[insights[key] for key in spec.insights],
            depends_on=[initiatives[key] for key in spec.depends_on],
            cost_lines=[
                CostLine(
                    category=cost.category,
                    recurrence=cost.recurrence,
                    amount_minor=cost.yuan * FEN_PER_YUAN,
                    vendor=cost.vendor,
                    note=cost.note,
                )
                for cost in spec.costs
            ],
            payments=[
                Payment(month=month, amount_minor=yuan * FEN_PER_YUAN, note=note)
                for month, yuan, note in spec.payments
            ],
            milestones=[Milestone(month=month, title=title) for month, title in spec.milestones],
        )
    session.add_all(initiatives.values())
    return initiatives


def _add_measures(
    session: Session, calendar: DemoCalendar, initiatives: dict[str, Initiative]
) -> None:
    session.add_all(
        Measure(
            name=spec.name,
            unit=spec.unit,
            baseline=spec.baseline,
            target=spec.target,
            current=spec.current,
            current_on=None if spec.current_day is None else calendar.day(spec.current_day),
            horizon=spec.horizon,
            initiative_id=initiatives[spec.initiative].id if spec.initiative else None,
        )
        for spec in content.MEASURES
    )


def _add_contingencies(
    session: Session, risks: dict[str, Risk], initiatives: dict[str, Initiative]
) -> None:
    session.add_all(
        Contingency(
            trigger=spec.trigger,
            response=spec.response,
            owner=spec.owner,
            horizon=spec.horizon,
            risk_id=risks[spec.risk].id if spec.risk else None,
            initiative_id=initiatives[spec.initiative].id if spec.initiative else None,
        )
        for spec in content.CONTINGENCIES
    )


def _add_next_steps(session: Session, calendar: DemoCalendar) -> None:
    session.add_all(
        NextStep(
            horizon=spec.horizon,
            text=spec.text,
            owner=spec.owner,
            due_date=calendar.day(spec.due_day),
            done=spec.done,
        )
        for spec in content.NEXT_STEPS
    )


def _add_risks(
    session: Session,
    calendar: DemoCalendar,
    people: Ids,
    initiatives: dict[str, Initiative],
) -> dict[str, Risk]:
    risks: dict[str, Risk] = {}
    for spec in content.RISKS:
        likelihood, impact = spec.inherent
        residual_likelihood, residual_impact = spec.residual
        risks[spec.key] = Risk(
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
            initiatives=[initiatives[key] for key in spec.initiatives],
            stakeholders=[session.get_one(Stakeholder, people[key]) for key in spec.people],
        )
    session.add_all(risks.values())
    return risks
