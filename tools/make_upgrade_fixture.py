"""Write the upgrade fixtures for the current schema revision into tests/data/upgrades/.

    python tools/make_upgrade_fixture.py

Run it once for every new schema revision, before the revision after it is
written, and commit the files: `tests/test_upgrades.py` then checks that a
workspace saved at every earlier revision still opens, upgrades and keeps
its data. Each revision gets:

- `<revision>.sqlite3`: the demo workspace (every kind of record), plain;
- `<revision>-encrypted.sqlite3`: the same, encrypted with FIXTURE_PASSPHRASE;
- `<revision>.json`: how many rows each table holds, and a few values.

Fixtures of earlier revisions are never rewritten (the script refuses).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from cio_desk.services.demo import write_demo_workspace  # noqa: E402
from cio_desk.store.crypto import Passphrase  # noqa: E402
from cio_desk.store.db import raw_connection  # noqa: E402
from cio_desk.store.migrations import HEAD  # noqa: E402
from cio_desk.workspace import Workspace  # noqa: E402

FOLDER = REPO / "tests" / "data" / "upgrades"
FIXTURE_PASSPHRASE = "upgrade fixture passphrase"
DEMO_DAY = dt.date(2026, 3, 19)
SAMPLES = {
    "stakeholders": "SELECT name FROM stakeholder ORDER BY id",
    "insights": "SELECT text FROM insight ORDER BY id LIMIT 5",
    "initiatives": "SELECT title FROM initiative ORDER BY id",
    "risks": "SELECT title FROM risk ORDER BY id",
}


def describe(path: Path, passphrase: Passphrase | None = None) -> dict[str, object]:
    """Row counts per table and sample values: what an upgrade must keep."""
    with raw_connection(path, passphrase=passphrase) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        samples = {key: [row[0] for row in conn.execute(sql)] for key, sql in SAMPLES.items()}
    return {"revision": HEAD, "counts": counts, "samples": samples}


def write(folder: Path, *, force: bool) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    plain = folder / f"{HEAD}.sqlite3"
    encrypted = folder / f"{HEAD}-encrypted.sqlite3"
    manifest = folder / f"{HEAD}.json"
    if plain.exists() and not force:
        raise SystemExit(f"{plain} exists: fixtures of a revision are written once.")
    with tempfile.TemporaryDirectory() as scratch:
        built = write_demo_workspace(Path(scratch) / "demo.ciodesk", DEMO_DAY)
        plain.write_bytes(built.read_bytes())
        with Workspace.open(built, backup=False) as ws:
            ws.change_passphrase(Passphrase(FIXTURE_PASSPHRASE))
        encrypted.write_bytes(built.read_bytes())
    manifest.write_text(json.dumps(describe(plain), indent=2, ensure_ascii=False) + "\n")
    return [plain, encrypted, manifest]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--force", action="store_true", help="rewrite this revision's files")
    args = parser.parse_args(argv)
    os.environ.setdefault("CIO_DESK_DATA_DIR", tempfile.mkdtemp(prefix="cio-desk-fixture-"))
    for path in write(args.folder, force=args.force):
        print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
