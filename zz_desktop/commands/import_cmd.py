"""``zz-desktop import``: bring a contact list (CSV, XLSX, vCard) into the profile, or undo an
earlier import as a whole (``--undo BATCH_ID``).

Exit 0 when the import ran — rejected rows are no failure, they are listed in the report file —
and non-zero with one line when the file cannot be read or a mapping is unknown.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.i18n import t

MAX_LINK_LINES = 20


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=t("import contacts from a CSV, XLSX or vCard file"))
    add_profile_args(p)
    p.add_argument("file", type=Path, nargs="?", help=t("the file to import"))
    p.add_argument("--mapping", metavar="NAME", help=t("use a saved column mapping"))
    p.add_argument(
        "--save-mapping", metavar="NAME", help=t("save the column mapping under this name")
    )
    p.add_argument("--report", type=Path, metavar="PATH", help=t("where to write rejected rows"))
    p.add_argument("--dry-run", action="store_true", help=t("check only, change nothing"))
    p.add_argument("--encoding", help=t("the file's encoding (detected if not given)"))
    p.add_argument("--delimiter", help=t("the CSV separator (detected if not given)"))
    p.add_argument("--sheet", help=t("the worksheet of an Excel file (default: the first)"))
    p.add_argument("--undo", metavar="BATCH_ID", help=t("undo the import with this batch id"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.errors import UserError

    if args.undo:
        return _undo(args)
    if args.file is None:
        raise UserError(t("Name the file to import (or --undo BATCH_ID)."))
    from zz_desktop.importexport.report import default_report_path
    from zz_desktop.importexport.sources import read_source
    from zz_desktop.services import importing

    delimiter = {"tab": "\t", "\\t": "\t"}.get(args.delimiter or "", args.delimiter)
    table = read_source(args.file, args.encoding, delimiter, args.sheet)
    store = open_profile(args)
    try:
        mapping = importing.mapping_for(store, table, args.mapping)
        plan = importing.plan_import(store, table, mapping)
        report = args.report or default_report_path(args.file)
        result = importing.run_import(store, plan, report_path=report, dry_run=args.dry_run)
        if args.save_mapping and not args.dry_run:
            importing.save_mapping(store, args.save_mapping, mapping)
    finally:
        store.close()
    data = result.as_dict() | {
        "file": str(args.file),
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "rows": len(table.rows),
        "mapping": {h: v for h, v in mapping.items() if v},
    }
    if not args.json:
        for note in result.links[:MAX_LINK_LINES]:
            print(
                t(
                    "Row {row}: linked to the existing {entity} {label}.",
                    row=note.number,
                    entity=t("person") if note.entity == "person" else t("organisation"),
                    label=note.label,
                )
            )
        if len(result.links) > MAX_LINK_LINES:
            print(t("… and {n} more rows linked.", n=len(result.links) - MAX_LINK_LINES))
    emit(args, _summary(result), data)
    return 0


def _summary(result: object) -> str:
    from zz_desktop.services.importing import ImportResult

    assert isinstance(result, ImportResult)
    head = t("Dry run (nothing saved): ") if result.dry_run else ""
    line = head + t(
        "{imported} imported, {linked} linked to existing records, {rejected} rejected.",
        imported=result.imported,
        linked=result.linked,
        rejected=result.rejected,
    )
    if result.report_path:
        line += " " + t("Rejected rows: {path}", path=result.report_path)
    if result.batch_id:
        line += " " + t("Undo with: zz-desktop import --undo {id}", id=result.batch_id)
    return line


def _undo(args: argparse.Namespace) -> int:
    from zz_desktop.services.importing import undo_import

    store = open_profile(args)
    try:
        counts = undo_import(store, args.undo)
    finally:
        store.close()
    emit(
        args,
        t(
            "Import {id} undone: {organisations} organisations, {persons} persons and "
            "{affiliations} links removed.",
            id=args.undo,
            organisations=counts.get("organisation", 0),
            persons=counts.get("person", 0),
            affiliations=counts.get("affiliation", 0),
        ),
        {"batch_id": args.undo, "undone": counts},
    )
    return 0
