"""Crash harness: kill a writer at random moments and check nothing acknowledged is lost.

Each round starts a writer process that opens one workspace through the
real `Workspace` and services and makes edits in a loop: new stakeholders,
note changes, new meetings, and after-meeting captures (attendees, three
insights and two follow-ups in one transaction). It prints an edit only
after the call that commits it has returned. The harness kills the writer
with SIGKILL at a random moment, then checks the file:

- every acknowledged edit is there (a note holds its acknowledged value or
  a later one);
- nothing is half-written: every capture is all there or not at all;
- `PRAGMA integrity_check` and `foreign_key_check` pass;
- the next writer can open the file (the dead writer's lock went with it).

    python tools/crash_harness.py --rounds 200 --mode both
    python tools/crash_harness.py --rounds 3 --json      (what the tests run)

Plain and encrypted workspaces ("--mode plain|encrypted|both").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from cio_desk.services.capture import MeetingOutcome  # noqa: E402
from cio_desk.services.followups import FollowUpData  # noqa: E402
from cio_desk.services.insights import InsightData  # noqa: E402
from cio_desk.services.meetings import MeetingData  # noqa: E402
from cio_desk.services.stakeholders import StakeholderData  # noqa: E402
from cio_desk.store.crypto import Passphrase  # noqa: E402
from cio_desk.store.db import raw_connection  # noqa: E402
from cio_desk.store.enums import InsightKind  # noqa: E402
from cio_desk.workspace import Workspace  # noqa: E402

PASSPHRASE = "crash harness: correct horse battery"
INSIGHTS_PER_CAPTURE = 3
FOLLOW_UPS_PER_CAPTURE = 2
READY = "READY"
START = dt.datetime(2026, 3, 3, 9, 0)


# ---------------------------------------------------------------- the writer


def write_forever(path: Path, encrypted: bool, round_no: int, seed: int) -> None:
    """Make edits until killed, printing each once its commit has returned."""
    passphrase = Passphrase(PASSPHRASE) if encrypted else None
    ws = Workspace.open(path, passphrase=passphrase, backup=False)
    rng = random.Random(seed)
    people = [s.id for s in ws.stakeholders.list()]
    ack(READY)
    for step in range(1_000_000):
        marker = f"r{round_no}e{step}"
        choice = rng.random()
        if choice < 0.35 or len(people) < 2:
            person = ws.stakeholders.add(StakeholderData(name=f"Person {marker}"))
            people.append(person.id)
            ack(f"stakeholder {marker}")
        elif choice < 0.6:
            person_id = rng.choice(people)
            ws.stakeholders.update(person_id, notes=f"{round_no:06d}-{step:07d}")
            ack(f"note {person_id} {round_no:06d}-{step:07d}")
        else:
            capture(ws, rng.sample(people, 2), marker, step)
            ack(f"capture {marker}")


def capture(ws: Workspace, attendees: list[int], marker: str, step: int) -> None:
    """A planned meeting, then its capture: three insights and two follow-ups at once."""
    starts = START + dt.timedelta(minutes=step % 10_000)
    meeting = ws.meetings.add(
        MeetingData(
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=30),
            attendee_ids=tuple(attendees),
            title=f"Meeting {marker}",
        )
    )
    kinds = (InsightKind.GOAL, InsightKind.CONCERN, InsightKind.PROPOSAL)
    outcome = MeetingOutcome(
        notes=f"Notes {marker}",
        insights=tuple(
            InsightData(stakeholder_id=attendees[i % 2], kind=kinds[i], text=f"{marker} #{i}")
            for i in range(INSIGHTS_PER_CAPTURE)
        ),
        follow_ups=tuple(
            FollowUpData(text=f"{marker} follow-up {i}", stakeholder_id=attendees[0])
            for i in range(FOLLOW_UPS_PER_CAPTURE)
        ),
    )
    ws.capture.record_meeting_outcome(meeting.id, outcome)


def ack(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------- the harness


@dataclass
class Figures:
    """What a run found; `lost_edits` and `integrity_failures` must be 0."""

    mode: str
    rounds: int = 0
    acknowledged_edits: int = 0
    lost_edits: int = 0
    half_written_captures: int = 0
    integrity_failures: int = 0
    lock_failures: int = 0
    writer_errors: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.lost_edits
            or self.half_written_captures
            or self.integrity_failures
            or self.lock_failures
            or self.writer_errors
        )


def run(mode: str, rounds: int, seed: int, folder: Path, max_delay: float) -> Figures:
    """`rounds` kill-and-check rounds on one workspace in `folder`."""
    encrypted = mode == "encrypted"
    path = folder / f"crash-{mode}.ciodesk"
    passphrase = Passphrase(PASSPHRASE) if encrypted else None
    with Workspace.create(path, passphrase=passphrase) as ws:
        for name in ("Wang Fang", "Li Wei"):
            ws.stakeholders.add(StakeholderData(name=name))
    figures = Figures(mode)
    rng = random.Random(seed)
    started = time.perf_counter()
    expected = Expected()
    for round_no in range(rounds):
        lines, error = one_writer(path, encrypted, round_no, rng.randrange(2**31), rng, max_delay)
        if error:
            figures.writer_errors += 1
            figures.problems.append(f"round {round_no}: writer failed: {error}")
        acks = [line for line in lines if line != READY]
        figures.acknowledged_edits += len(acks)
        expected.add(acks)
        check(path, passphrase, expected, figures, round_no)
        figures.rounds += 1
    figures.seconds = round(time.perf_counter() - started, 1)
    return figures


def one_writer(
    path: Path, encrypted: bool, round_no: int, seed: int, rng: random.Random, max_delay: float
) -> tuple[list[str], str]:
    """Start a writer, kill it at a random moment; its acknowledged lines and any error."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--writer",
        str(path),
        "--round",
        str(round_no),
        "--seed",
        str(seed),
    ]
    if encrypted:
        command.append("--encrypted")
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    lines: list[str] = []
    ready = threading.Event()
    reader = threading.Thread(target=_read_lines, args=(process, lines, ready), daemon=True)
    reader.start()
    if not ready.wait(timeout=60):
        process.kill()
        process.wait()
        return lines, "no READY within 60 s: " + (process.stderr.read() if process.stderr else "")
    time.sleep(rng.uniform(0.0, max_delay))
    if process.poll() is not None:  # it ended by itself: that is a failure
        reader.join(timeout=10)
        return lines, (process.stderr.read() if process.stderr else "")[-500:]
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join(timeout=10)
    return lines, ""


def _read_lines(process: subprocess.Popen[str], lines: list[str], ready: threading.Event) -> None:
    assert process.stdout is not None
    for raw in process.stdout:
        line = raw.rstrip("\n")
        if not line:
            continue
        lines.append(line)
        if line == READY:
            ready.set()
    ready.set()


class Expected:
    """Everything acknowledged so far, across rounds."""

    def __init__(self) -> None:
        self.people: set[str] = set()
        self.notes: dict[int, str] = {}
        self.captures: set[str] = set()

    def add(self, acks: list[str]) -> None:
        for line in acks:
            kind, _, rest = line.partition(" ")
            if kind == "stakeholder":
                self.people.add(f"Person {rest}")
            elif kind == "note":
                person, value = rest.split(" ")
                self.notes[int(person)] = max(value, self.notes.get(int(person), ""))
            elif kind == "capture":
                self.captures.add(rest)


def check(
    path: Path,
    passphrase: Passphrase | None,
    expected: Expected,
    figures: Figures,
    round_no: int,
) -> None:
    """Compare the file with what was acknowledged; count what is wrong."""
    try:
        Workspace.open(path, passphrase=passphrase, backup=False).close(backup=False)
    except Exception as exc:
        figures.lock_failures += 1
        figures.problems.append(f"round {round_no}: reopening failed: {exc}")
    with raw_connection(path, read_only=True, passphrase=passphrase) as conn:
        for problem in _integrity(conn):
            figures.integrity_failures += 1
            figures.problems.append(f"round {round_no}: {problem}")
        names = {row[0] for row in conn.execute("SELECT name FROM stakeholder")}
        notes = dict(conn.execute("SELECT id, notes FROM stakeholder").fetchall())
        meetings = conn.execute(
            "SELECT m.id, m.title, m.status,"
            " (SELECT count(*) FROM insight i WHERE i.meeting_id = m.id),"
            " (SELECT count(*) FROM follow_up f WHERE f.meeting_id = m.id),"
            " (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = m.id)"
            " FROM meeting m WHERE m.title LIKE 'Meeting r%'"
        ).fetchall()
    lost = [name for name in expected.people if name not in names]
    lost += [
        f"note of {person}"
        for person, value in expected.notes.items()
        if notes.get(person, "") < value
    ]
    captured = {}
    for _id, title, status, insights, follow_ups, attendees in meetings:
        marker = title.removeprefix("Meeting ")
        whole = (insights, follow_ups) == (INSIGHTS_PER_CAPTURE, FOLLOW_UPS_PER_CAPTURE)
        empty = (insights, follow_ups) == (0, 0)
        if attendees != 2 or not ((whole and status == "held") or (empty and status == "planned")):
            figures.half_written_captures += 1
            figures.problems.append(
                f"round {round_no}: meeting {marker} half written "
                f"({status}, {insights} insights, {follow_ups} follow-ups, {attendees} attendees)"
            )
        captured[marker] = whole
    lost += [f"capture {m}" for m in expected.captures if not captured.get(m)]
    # Each loss is counted once, in the first round that finds it.
    new_losses = [item for item in lost if item not in _reported]
    _reported.update(new_losses)
    figures.lost_edits += len(new_losses)
    figures.problems.extend(f"round {round_no}: lost {item}" for item in new_losses)


_reported: set[str] = set()


def _integrity(conn) -> Iterator[str]:
    result = conn.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        yield f"integrity_check: {result[:3]}"
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        yield f"foreign_key_check: {len(broken)} broken link(s)"


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--mode", choices=("plain", "encrypted", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-delay", type=float, default=0.8, help="longest wait before the kill (s)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--writer", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--round", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--encrypted", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer is not None:
        write_forever(args.writer, args.encrypted, args.round, args.seed)
        return 0
    modes = ("plain", "encrypted") if args.mode == "both" else (args.mode,)
    results = []
    with tempfile.TemporaryDirectory(prefix="cio-desk-crash-") as folder:
        for mode in modes:
            results.append(run(mode, args.rounds, args.seed, Path(folder), args.max_delay))
    if args.json:
        print(json.dumps([{**asdict(r), "ok": r.ok} for r in results], indent=2))
    else:
        for r in results:
            print(
                f"{r.mode:9} rounds {r.rounds}, acknowledged edits {r.acknowledged_edits}, "
                f"lost edits {r.lost_edits}, half-written captures {r.half_written_captures}, "
                f"integrity failures {r.integrity_failures}, lock failures {r.lock_failures}, "
                f"writer errors {r.writer_errors} ({r.seconds} s)"
            )
            for problem in r.problems[:20]:
                print("   ", problem)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    if os.environ.get("CIO_DESK_DATA_DIR") is None:
        os.environ["CIO_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="cio-desk-crash-data-")
    sys.exit(main())
