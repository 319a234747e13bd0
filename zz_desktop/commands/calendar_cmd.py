"""``zz-desktop calendar --out FILE.ics``: next appointments, open follow-ups and events as an
iCalendar file (``--from``/``--to``, default: 30 days back to a year ahead)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("calendar", help=t("export appointments, follow-ups and events (.ics)"))
    add_profile_args(p)
    # Dates are checked in run(): a bad one is one line, not argparse's usage block.
    p.add_argument("--from", dest="date_from", help=t("first day (YYYY-MM-DD)"))
    p.add_argument("--to", dest="date_to", help=t("last day (YYYY-MM-DD)"))
    p.add_argument("--out", type=Path, required=True, help=t("iCalendar file to write"))
    p.set_defaults(run=run)


def _date(field: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(
            {field: t("not a date (YYYY-MM-DD): {value}", value=value)}
        ) from None


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import calendar

    out: Path = args.out
    start, end = _date("from", args.date_from), _date("to", args.date_to)
    if not out.parent.is_dir():
        raise ValidationFailed({"out": t("The folder does not exist: {path}", path=out.parent)})
    if start and end and end < start:
        raise ValidationFailed({"to": t("--to lies before --from.")})
    store = open_profile(args)
    try:
        count = calendar.export_ics(store, out, start, end)
    finally:
        store.close()
    emit(
        args,
        t("{count} calendar entries written to {path}", count=count, path=out),
        {"entries": count, "path": str(out)},
    )
    return 0
