"""``zz-desktop partners list|publish``: the partner directory on the command line.

``list`` searches the offers on this device (offline; the same filters as the GUI page);
``publish FILE.json`` is for the coordinating centre: a JSON list of offers is validated and
published programme-wide on the hub."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from zz_desktop.commands.common import add_profile_args, emit, emit_push, open_profile
from zz_desktop.errors import UserError
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("partners", help=t("search or publish partner offers"))
    add_profile_args(p)
    p.add_argument("action", choices=("list", "publish"))
    p.add_argument("file", nargs="?", type=Path, help=t("JSON list of offers (publish)"))
    p.add_argument("--search", default="", help=t("words to search for"))
    p.add_argument("--type", dest="partner_type", default=None, help=t("partner type code"))
    p.add_argument("--land", default=None, help=t("two-digit Land key"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import partners, programme_offers

    store = open_profile(args)
    try:
        if args.action == "list":
            offers = partners.list_offers(store, args.search, args.partner_type, args.land)
            rows = [
                {
                    "id": o.id,
                    "name": o.name,
                    "partner_type": o.partner_type,
                    "programme_wide": partners.is_programme_wide(o),
                }
                for o in offers
            ]
            human = "\n".join(f"{o.name} ({o.partner_type})" for o in offers) or t("No offers.")
            emit(args, human, {"offers": rows})
            return 0
        if args.file is None:
            raise UserError(t("Name the JSON file of the offers to publish."))
        try:
            offers_in = json.loads(args.file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(t("Cannot read {path}: {error}", path=args.file, error=exc)) from None
        if not isinstance(offers_in, list) or not all(isinstance(o, dict) for o in offers_in):
            raise UserError(t("The file must hold a JSON list of offers."))
        results = programme_offers.publish(store, offers_in)
        # {applied} and {total} are filled in by emit_push.
        return emit_push(args, results, t("{applied} of {total} offers published."))
    finally:
        store.close()
