"""Entry point of ``zz-desktop``: the GUI without a command, headless commands otherwise.

Every command exits 0 on success and otherwise prints one line to stderr and exits non-zero —
never a traceback (unexpected errors go to the log file with their traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from zz_desktop import __version__, i18n
from zz_desktop.errors import UserError
from zz_desktop.files import owner_only_umask

COMMAND_MODULES = (
    "demo",
    "login_cmd",
    "sync_cmd",
    "logout_cmd",
    "export",
    "import_cmd",
    "report_cmd",
    "patterns_cmd",
    "privacy_cmd",
    "backup",
    "calendar_cmd",
    "partners_cmd",
    "library_cmd",
)
log = logging.getLogger("zz_desktop.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zz-desktop",
        description=i18n.t("Zukunftszentren Desktop: advice records, sync and reports."),
    )
    parser.add_argument("--version", action="version", version=f"zz-desktop {__version__}")
    parser.add_argument("--profile", type=Path, default=None, help=i18n.t("profile directory"))
    parser.add_argument("--lang", choices=i18n.SUPPORTED, default=None, help=i18n.t("language"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"zz_desktop.commands.{name}").add_parser(sub)
    return parser


def _lang_from_argv(argv: Sequence[str]) -> None:
    # The language must be known before --help texts are built.
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in i18n.SUPPORTED:
            i18n.set_language(value)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Exports, reports, logs and backups are personal data: owner-only from the first file on.
    owner_only_umask()
    _lang_from_argv(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from zz_desktop.app import run_gui

        return run_gui(args)
    from zz_desktop.log import setup_logging

    with contextlib.suppress(OSError):
        setup_logging()
    try:
        code: int = args.run(args)
        return code
    except UserError as exc:
        print(f"zz-desktop: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("zz-desktop: " + i18n.t("interrupted"), file=sys.stderr)
        return 130
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(f"zz-desktop: {exc.code}", file=sys.stderr)
            return 2
        raise
    except Exception as exc:  # noqa: BLE001  (the contract: one line, never a traceback)
        log.exception("command %s failed", args.command)
        from sqlalchemy.exc import DatabaseError

        if isinstance(exc, DatabaseError) and "malformed" in str(exc):
            # Damage inside pages shows only when they are read.
            print(
                "zz-desktop: "
                + i18n.t("The profile database is damaged ({detail}).", detail="malformed"),
                file=sys.stderr,
            )
            return 2
        print(
            "zz-desktop: "
            + i18n.t(
                "internal error ({kind}); details are in the log file.", kind=type(exc).__name__
            ),
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
