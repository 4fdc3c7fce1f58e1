"""The command line: start the app, or work on a workspace headless.

    python main.py [--workspace PATH] [--demo]      start the app
    python main.py demo --workspace PATH             write a demo workspace
    python main.py check --workspace PATH            integrity and schema version
    python main.py backup --workspace PATH [--to F]  back up now
    python main.py restore --workspace PATH --from F restore a backup
    python main.py passphrase --workspace PATH [--remove]
                                                     set, change or remove the passphrase

An encrypted workspace asks for its passphrase on the terminal; with
`--passphrase-stdin` the passphrases are read from standard input instead,
one per line: the current one first, then the new one where a command sets
one. Errors are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cio_desk import APP_NAME, __version__
from cio_desk.errors import CioDeskError, WrongPassphraseError
from cio_desk.store import paths

if TYPE_CHECKING:
    from cio_desk.store.crypto import Passphrase
    from cio_desk.store.health import HealthReport
    from cio_desk.workspace import Workspace

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
PASSPHRASE_TRIES = 3


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
    _add_passphrase_stdin(parser)
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
    secret = _command(
        commands,
        "passphrase",
        "set, change or remove the passphrase that encrypts a workspace (and its backups)",
        _passphrase,
    )
    secret.add_argument(
        "--remove", action="store_true", help="decrypt the workspace: it will need no passphrase"
    )
    return parser


def _add_passphrase_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read passphrases from standard input, one per line (the current one first, "
        "then a new one), instead of asking on the terminal",
    )


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
        "--no-version",
        action="store_true",
        help="do not save this export as a plan version; the workspace is then only read, "
        "so this also works while the app has it open",
    )
    export.add_argument(
        "--page-size", choices=("A4", "Letter"), default=None, help="default: from the locale"
    )


Handler = Callable[[argparse.Namespace], int]
T = TypeVar("T")


def _command(
    commands: argparse._SubParsersAction, name: str, summary: str, handler: Handler
) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:])
    sub.add_argument("--workspace", type=Path, required=True, metavar="PATH", help="workspace file")
    _add_passphrase_stdin(sub)
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


# ---------------------------------------------------------------- passphrases


class PassphraseReader:
    """Where passphrases come from: the terminal (hidden) or standard input, one per line."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def read(self, prompt: str) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise CioDeskError("Standard input ended before the passphrase was read.")
            return line.removesuffix("\n").removesuffix("\r")
        if not sys.stdin.isatty():
            raise CioDeskError(
                "A passphrase is needed: run this in a terminal, or pass --passphrase-stdin "
                "and give it on standard input."
            )
        return getpass.getpass(prompt)

    def current(self, path: Path) -> Passphrase:
        from cio_desk.store.crypto import Passphrase

        return Passphrase(self.read(f"Passphrase of {path.name}: "))

    def new(self) -> Passphrase:
        from cio_desk.store.crypto import Passphrase

        first = self.read("New passphrase: ")
        confirmation = None if self.from_stdin else self.read("Type the new passphrase again: ")
        return Passphrase.new(first, confirmation)


def _reader(args: argparse.Namespace) -> PassphraseReader:
    return PassphraseReader(getattr(args, "passphrase_stdin", False))


def _needs_passphrase(path: Path) -> bool:
    """True when `path` is an existing file that looks encrypted."""
    from cio_desk.store.crypto import has_plain_header, looks_encrypted

    try:
        return path.is_file() and not has_plain_header(path) and looks_encrypted(path)
    except OSError:
        return False


def _with_passphrase(path: Path, reader: PassphraseReader, attempt: Callable[..., T]) -> T:
    """Run `attempt(passphrase)`, asking for the passphrase when `path` is encrypted.

    On the terminal a wrong passphrase is asked again (three tries in all).
    """
    if not _needs_passphrase(path):
        return attempt(None)
    tries = 1 if reader.from_stdin else PASSPHRASE_TRIES
    for left in range(tries - 1, -1, -1):
        try:
            return attempt(reader.current(path))
        except WrongPassphraseError as exc:
            if left == 0:
                raise
            print(f"{exc}", file=sys.stderr)
    raise AssertionError("unreachable")


def _open_workspace(args: argparse.Namespace, **options: object) -> Workspace:
    """Open the command's workspace, asking for its passphrase if it is encrypted."""
    from cio_desk.workspace import Workspace

    path = args.workspace.expanduser().absolute()
    return _with_passphrase(
        path, _reader(args), lambda key: Workspace.open(path, passphrase=key, **options)
    )


# ---------------------------------------------------------------- commands


def _start_app(args: argparse.Namespace) -> int:
    if args.demo and args.app_workspace:
        return _fail("--demo opens its own workspace; leave out --workspace.")
    path = _fresh_demo() if args.demo else args.app_workspace or paths.default_workspace_path()
    passphrase = None
    if args.passphrase_stdin:
        passphrase = PassphraseReader(from_stdin=True).current(path)
    from cio_desk.ui.app import run_app  # Qt is loaded only when the app starts

    return run_app(path, passphrase=passphrase)


def _fresh_demo() -> Path:
    """The demo workspace rebuilt for today, or as it is when another window has it open.

    Opening it then offers to read it without changing it: the demo is
    never replaced under a window that shows it.
    """
    from cio_desk.errors import WorkspaceInUseError
    from cio_desk.services.demo import write_demo_workspace

    path = paths.demo_workspace_path()
    try:
        return write_demo_workspace(path, dt.date.today(), force=True)
    except WorkspaceInUseError:
        if not path.exists():
            raise
        print(
            "The demo workspace is open in another window, so it was not rebuilt for today.",
            file=sys.stderr,
        )
        return path


def _demo(args: argparse.Namespace) -> int:
    from cio_desk.services.demo import write_demo_workspace
    from cio_desk.workspace import Workspace

    # With --passphrase-stdin the demo is written encrypted with the passphrase read.
    passphrase = PassphraseReader(from_stdin=True).new() if args.passphrase_stdin else None
    path = write_demo_workspace(args.workspace, args.today or dt.date.today(), force=args.force)
    if passphrase is not None:
        with Workspace.open(path, backup=False) as ws:
            ws.change_passphrase(passphrase)
    encrypted = " (encrypted)" if passphrase is not None else ""
    print(f"Demo workspace written to {path}{encrypted}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    path = args.workspace.expanduser().absolute()
    report = _with_passphrase(path, _reader(args), lambda key: _checked(path, key))
    print(report.summary, file=sys.stdout if report.healthy else sys.stderr)
    return EXIT_OK if report.healthy else EXIT_FAILURE


def _checked(path: Path, key: Passphrase | None) -> HealthReport:
    from cio_desk.store.health import check_workspace

    report = check_workspace(path, key)
    if report.wrong_passphrase:
        raise WrongPassphraseError(report.reason)
    return report


def _backup(args: argparse.Namespace) -> int:
    from cio_desk.store.backup import backup_workspace, copy_database, verify_workspace_file

    workspace = args.workspace.expanduser().absolute()
    target = args.to.expanduser().absolute() if args.to is not None else None
    if target is not None and target.exists():
        return _fail(f"{target} already exists; choose a new file name.")

    def back_up(key: Passphrase | None) -> Path:
        verify_workspace_file(workspace, key)
        if target is None:
            return backup_workspace(workspace, "manual", passphrase=key)
        copy_database(workspace, target, passphrase=key)
        return target

    written = _with_passphrase(workspace, _reader(args), back_up)
    encrypted = " (encrypted, like the workspace)" if _needs_passphrase(written) else ""
    print(f"Backed up to {written}{encrypted}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from cio_desk.export import ExportOptions, default_page_size, export_document, writer_for

    writer_for(args.out)  # refuse an unknown format before opening anything
    options = ExportOptions(
        profile=args.profile,
        page_size=args.page_size or default_page_size(),
        label=args.label,
        freeze_version=not args.no_version,
    )
    # Without a version to save, the export only reads: it works while the app has
    # the workspace open, and in a folder that cannot be written.
    read_only = args.no_version
    with _open_workspace(args, read_only=read_only, backup=not read_only) as ws:
        result = export_document(ws, args.out, options)
    saved = f"; saved as {result.version.title}" if result.version else ""
    print(f"Exported {result.pages} pages to {result.path}{saved}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from cio_desk.store.backup import restore_workspace
    from cio_desk.store.lock import WorkspaceLock

    workspace = args.workspace.expanduser().absolute()
    source = args.source.expanduser().absolute()
    encrypted = source if _needs_passphrase(source) else workspace
    with WorkspaceLock.acquire(workspace):  # refused while the app has it open
        safety = _with_passphrase(
            encrypted,
            _reader(args),
            lambda key: restore_workspace(workspace, source, passphrase=key),
        )
    print(f"Restored {workspace} from {args.source}")
    if safety is not None:
        print(f"The previous content was kept in {safety}")
    return EXIT_OK


def _passphrase(args: argparse.Namespace) -> int:
    reader = _reader(args)
    with _open_workspace(args, backup=False) as ws:
        if args.remove and not ws.encrypted:
            return _fail(f"{ws.path.name} is not encrypted; there is no passphrase to remove.")
        new = None if args.remove else reader.new()
        change = ws.change_passphrase(new)
    state = "encrypted with the new passphrase" if change.encrypted else "no longer encrypted"
    count = change.backups_converted
    print(f"{ws.path.name} is now {state}; backups converted too: {count}.")
    for left in change.backups_left:
        print(
            f"Warning: the backup {left} could not be converted (damaged, or under an older "
            "passphrase); it was left as it was.",
            file=sys.stderr,
        )
    if not change.encrypted:
        print("Anyone who can read the file can now read your notes.")
    return EXIT_OK
