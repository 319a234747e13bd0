"""``zz-desktop import``: not yet available (its issue has not landed)."""

from __future__ import annotations

import argparse
import sys

from zz_desktop.commands.common import add_profile_args
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=t("(not yet available)"))
    add_profile_args(p)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(t("This command is not yet available."), file=sys.stderr)
    return 2
