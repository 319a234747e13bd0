"""``zz-desktop library list|seed-starter|fetch-files``: the Wissenspool on the command line.

``list`` searches the published items on this device (offline); ``seed-starter`` is for the
coordinating centre: it publishes the Haus der Selbstständigen's starter pages programme-wide
(services/starter_pages.py); ``fetch-files`` sends the files attached on this device and fetches
the items' files it still lacks (resuming an interrupted transfer)."""

from __future__ import annotations

import argparse

from zz_desktop.commands.common import add_profile_args, emit, emit_push, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("library", help=t("search the Wissenspool or publish its starter pages"))
    add_profile_args(p)
    p.add_argument("action", choices=("list", "seed-starter", "fetch-files"))
    p.add_argument("--search", default="", help=t("words to search for"))
    p.add_argument("--kind", default=None, help=t("kind of item (article, checklist, …)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import library, library_files, starter_pages

    store = open_profile(args)
    try:
        if args.action == "list":
            items = library.list_items(store, args.search, args.kind)
            rows = [
                {
                    "id": i.id,
                    "title": i.title,
                    "kind": i.kind,
                    "version": i.version,
                    "programme_wide": library.is_programme_wide(i),
                }
                for i in items
            ]
            human = "\n".join(f"{i.title} ({i.kind})" for i in items) or t("No items.")
            emit(args, human, {"items": rows})
            return 0
        if args.action == "fetch-files":
            report = library_files.exchange(store)
            emit(
                args,
                t("{n} files fetched.", n=len(report.fetched))
                + "".join(f"\n{d}: {m}" for d, m in report.failed.items()),
                {"fetched": report.fetched, "uploaded": report.uploaded, "failed": report.failed},
            )
            return 0 if not report.failed else 1
        results = starter_pages.publish(store)
        # {applied} and {total} are filled in by emit_push.
        return emit_push(args, results, t("{applied} of {total} pages published."))
    finally:
        store.close()
