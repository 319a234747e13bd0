"""``zz-desktop sync``: one full sync round (push, pull, check)."""

from __future__ import annotations

import argparse
import sys

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help=t("one full sync round with the hub"))
    add_profile_args(p)
    p.add_argument(
        "--allow-mass-delete",
        action="store_true",
        help=t("apply a pull even when it deletes many local records"),
    )
    p.add_argument(
        "--problems",
        action="store_true",
        help=t("afterwards list changes the hub refused and received records held back"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import sync_service

    store = open_profile(args)
    try:

        def progress(stage: str, done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

        report = sync_service.sync(
            store, progress=progress, allow_mass_delete=args.allow_mass_delete
        )
    finally:
        store.close()
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    for warning in report.warnings:
        print(f"zz-desktop: {warning}", file=sys.stderr)
    if args.problems or report.rejected or report.quarantined:
        _print_problems(store_args=args)
    emit(
        args,
        t(
            "Sync done: {pushed} sent, {pulled} received, {conflicts} open conflicts, "
            "{pending} pending.",
            pushed=report.pushed,
            pulled=report.pulled,
            conflicts=report.open_conflicts,
            pending=report.pending,
        ),
        report.as_dict(),
    )
    return 0


def _print_problems(store_args: argparse.Namespace) -> None:
    """Refused changes and held-back records, one line each on stderr (no values, only ids)."""
    from zz_desktop.services import sync_problems

    store = open_profile(store_args)
    try:
        rejected = sync_problems.rejected_ops(store)
        held = sync_problems.held_views(store)
    finally:
        store.close()
    line = sync_problems.summary(len(rejected), len(held))
    if line:
        print(f"zz-desktop: {line}", file=sys.stderr)
    for op in rejected:
        print(f"  {op.entity} {op.entity_id}: {op.reason_text()}", file=sys.stderr)
    for h in held:
        print(f"  {h.entity} {h.entity_id}: {h.reason_text()}", file=sys.stderr)
