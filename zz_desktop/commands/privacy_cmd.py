"""``zz-desktop privacy access|erase PERSON_ID``: GDPR Art. 15 access and Art. 17 erasure."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.errors import UserError
from zz_desktop.files import write_private
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "privacy", help=t("GDPR: data access (Art. 15) or erasure (Art. 17) of a person")
    )
    add_profile_args(p)
    p.add_argument("action", choices=("access", "erase"))
    p.add_argument("person_id")
    p.add_argument("--out", type=Path, default=None, help=t("file for the access report"))
    p.add_argument(
        "--format",
        choices=("json", "pdf"),
        default="json",
        help=t("access report as JSON (for machines) or as a German PDF (for the person)"),
    )
    p.add_argument("--yes", action="store_true", help=t("erase without asking"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.domain import roles
    from zz_desktop.services import permissions, privacy

    store = open_profile(args)
    try:
        if args.action == "access":
            permissions.require(store, roles.PRIVACY_ACCESS)
            report = privacy.access_report(store, args.person_id)
            text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True)
            if args.format == "pdf":
                from zz_desktop.reports.access import render_access

                if not args.out:
                    raise UserError(t("A PDF needs a file: give --out FILE."))
                write_private(args.out, render_access(store, report))
                emit(args, t("Written to {path}.", path=args.out), {"path": str(args.out)})
                return 0
            if args.out:
                write_private(args.out, (text + "\n").encode("utf-8"))
                count = sum(len(v) for v in report["records"].values())
                emit(
                    args,
                    t("{count} records written to {path}.", count=count, path=args.out),
                    {"records": count, "path": str(args.out)},
                )
            else:
                print(text)
            return 0
        permissions.require(store, roles.ERASE_PERSON)
        if not args.yes:
            if not sys.stdin.isatty():
                print(
                    "zz-desktop: " + t("Erasure cannot be undone; confirm with --yes."),
                    file=sys.stderr,
                )
                return 2
            answer = input(
                t("Erase all personal data of this person? This cannot be undone. [y/N] ")
            )
            if answer.strip().lower() not in ("y", "j", "yes", "ja"):
                return 1
        privacy.erase_person(store, args.person_id)
        emit(args, t("The personal data of the person were erased."), {"erased": args.person_id})
        return 0
    finally:
        store.close()
