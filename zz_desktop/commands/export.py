"""``zz-desktop export``: the canonical JSON dump, or CSV/XLSX tables of every entity."""

from __future__ import annotations

import argparse
from pathlib import Path

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=t("export all records (json is a canonical dump)"))
    add_profile_args(p)
    p.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import export, tables

    store = open_profile(args)
    try:
        if args.format == "json":
            rows = export.write_json(store, args.out)
        elif args.format == "csv":
            rows = tables.write_csv_folder(store, args.out)
        else:
            rows = tables.write_xlsx(store, args.out)
    finally:
        store.close()
    emit(
        args,
        t("{rows} rows exported to {path}.", rows=rows, path=args.out),
        {"rows": rows, "path": str(args.out)},
    )
    return 0
