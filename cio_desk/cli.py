"""The command line: start the app, or work on a workspace headless.

    python main.py [--workspace PATH] [--demo]      start the app
    python main.py demo --workspace PATH             write a demo workspace
    python main.py check --workspace PATH            integrity and schema version
    python main.py backup --workspace PATH [--to F]  back up now
    python main.py restore --workspace PATH --from F restore a backup

Errors are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cio_desk import APP_NAME, __version__
from cio_desk.errors import CioDeskError
from cio_desk.store import paths

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `cio-desk` and `python main.py`; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except CioDeskError as exc:
        return _fail(str(exc))
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}.")
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cio-desk",
        description=f"{APP_NAME}: stakeholders, the first 30 days and the transition plan "
        "of a newly appointed CIO. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--workspace",
        dest="app_workspace",
        type=Path,
        metavar="PATH",
        help=f"workspace file to open (default: {paths.default_workspace_path()})",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo workspace, rebuilt for today and kept apart from your own",
    )
    parser.set_defaults(handler=_start_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = _command(commands, "demo", "write a populated demo workspace", _demo)
    demo.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the demo is built around (default: today)",
    )
    demo.add_argument("--force", action="store_true", help="replace an existing file")

    _command(commands, "check", "check a workspace's integrity and schema version", _check)

    backup = _command(commands, "backup", "back up a workspace now", _backup)
    backup.add_argument(
        "--to",
        type=Path,
        metavar="FILE",
        help="write the backup to FILE (default: the rotating backups beside the workspace)",
    )

    restore = _command(commands, "restore", "replace a workspace with a backup", _restore)
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FILE", help="backup to restore"
    )
    _add_export(commands)
    return parser


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = _command(commands, "export", "export the transition plan (PDF)", _export)
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="file to write; .pdf writes a PDF"
    )
    export.add_argument(
        "--profile",
        choices=("executive", "coach", "personal"),
        default="executive",
        help="audience: executive (no names, nothing confidential), coach (names and the "
        "first-30-days log, nothing confidential) or personal (everything)",
    )
    export.add_argument("--label", default="", metavar="TEXT", help="label of the saved version")
    export.add_argument(
        "--no-version", action="store_true", help="do not save this export as a plan version"
    )
    export.add_argument(
        "--page-size", choices=("A4", "Letter"), default=None, help="default: from the locale"
    )


Handler = Callable[[argparse.Namespace], int]


def _command(
    commands: argparse._SubParsersAction, name: str, summary: str, handler: Handler
) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:])
    sub.add_argument("--workspace", type=Path, required=True, metavar="PATH", help="workspace file")
    sub.set_defaults(handler=handler)
    return sub


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _fail(message: str) -> int:
    print(f"cio-desk: error: {message}", file=sys.stderr)
    return EXIT_FAILURE


# ---------------------------------------------------------------- commands


def _start_app(args: argparse.Namespace) -> int:
    if args.demo and args.app_workspace:
        return _fail("--demo opens its own workspace; leave out --workspace.")
    if args.demo:
        from cio_desk.services.demo import write_demo_workspace

        path = write_demo_workspace(paths.demo_workspace_path(), dt.date.today(), force=True)
    else:
        path = args.app_workspace or paths.default_workspace_path()
    from cio_desk.ui.app import run_app  # Qt is loaded only when the app starts

    return run_app(path)


def _demo(args: argparse.Namespace) -> int:
    from cio_desk.services.demo import write_demo_workspace

    path = write_demo_workspace(args.workspace, args.today or dt.date.today(), force=args.force)
    print(f"Demo workspace written to {path}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from cio_desk.store.health import check_workspace

    report = check_workspace(args.workspace.expanduser().absolute())
    print(report.summary, file=sys.stdout if report.healthy else sys.stderr)
    return EXIT_OK if report.healthy else EXIT_FAILURE


def _backup(args: argparse.Namespace) -> int:
    from cio_desk.store.backup import backup_workspace, copy_database, verify_workspace_file

    workspace = args.workspace.expanduser().absolute()
    verify_workspace_file(workspace)
    if args.to is None:
        target = backup_workspace(workspace, "manual")
    else:
        target = args.to.expanduser().absolute()
        if target.exists():
            return _fail(f"{target} already exists; choose a new file name.")
        copy_database(workspace, target)
    print(f"Backed up to {target}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from cio_desk.export import ExportOptions, default_page_size, export_document, writer_for
    from cio_desk.workspace import Workspace

    writer_for(args.out)  # refuse an unknown format before opening anything
    options = ExportOptions(
        profile=args.profile,
        page_size=args.page_size or default_page_size(),
        label=args.label,
        freeze_version=not args.no_version,
    )
    with Workspace.open(args.workspace) as ws:
        result = export_document(ws, args.out, options)
    saved = f"; saved as {result.version.title}" if result.version else ""
    print(f"Exported {result.pages} pages to {result.path}{saved}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from cio_desk.store.backup import restore_workspace

    workspace = args.workspace.expanduser().absolute()
    safety = restore_workspace(workspace, args.source.expanduser().absolute())
    print(f"Restored {workspace} from {args.source}")
    if safety is not None:
        print(f"The previous content was kept in {safety}")
    return EXIT_OK
