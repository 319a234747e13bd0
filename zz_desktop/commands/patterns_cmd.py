"""``zz-desktop patterns --period 2026-Q2``: the pattern alerts of a quarter for the coordinating
centre, on the hub's published counts only (fresh when the hub is reachable, else cached)."""

from __future__ import annotations

import argparse
import json

from zz_desktop.commands.common import add_profile_args, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("patterns", help=t("pattern alerts of a quarter (coordinating centre)"))
    add_profile_args(p)
    p.add_argument("--period", required=True, help=t("a quarter, e.g. 2026-Q2"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.domain import roles
    from zz_desktop.services import coordination, permissions

    coordination.parse_quarter(args.period)
    store = open_profile(args)
    try:
        permissions.require(store, roles.CROSS_CENTRE_REPORT)
        alerts = coordination.pattern_alerts(store, args.period)
    finally:
        store.close()
    if args.json:
        print(json.dumps([a.as_json() for a in alerts], ensure_ascii=False, sort_keys=True))
        return 0
    if not alerts:
        print(t("No significant changes in {period}.", period=args.period))
    for a in alerts:
        against = t("previous quarter") if a.against == "previous" else t("programme")
        print(
            t(
                "{dimension} {key}: {share:.1%} against {reference:.1%} ({against}), "
                "z = {z:.2f}, adjusted p = {p:.4f}",
                dimension=a.dimension,
                key=a.key,
                share=a.share,
                reference=a.reference_share,
                against=against,
                z=a.z,
                p=a.p_adjusted,
            )
        )
    return 0
