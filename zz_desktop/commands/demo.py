"""``zz-desktop demo``: fill a profile (made if missing) with realistic demo data."""

from __future__ import annotations

import argparse
import sys

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=t("fill a profile with realistic demo data"))
    add_profile_args(p)
    p.add_argument("--consultations", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services.demo import generate_demo

    if args.consultations < 0:
        raise SystemExit(t("--consultations must not be negative."))
    store = open_profile(args, create=True)
    try:

        def progress(stage: str, done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

        summary = generate_demo(
            store, consultations=args.consultations, seed=args.seed, progress=progress
        )
    finally:
        store.close()
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    counts = {k: v for k, v in vars(summary).items()}
    emit(
        args,
        t(
            "Demo data created: {organisations} organisations, {persons} persons, {consultations} consultations.",
            organisations=counts.get("organisations", 0),
            persons=counts.get("persons", 0),
            consultations=counts.get("consultations", 0),
        ),
        counts,
    )
    return 0
