"""``zz-desktop report KIND --out FILE.pdf``: the Beratungsprotokoll (``protocol --id``), the
activity report, the ESF indicator report or the self-employed situation report as a PDF.

The period is ``--from``/``--to`` (ISO dates) or a preset: ``--month 2026-10``, ``--quarter
2026Q3``, ``--year 2026``. Without any, the current quarter. Printing a protocol is audited.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from zz_desktop import i18n
from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.reports import KINDS


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", help=t("make a PDF report (protocol, activity, ESF, self-employed, cross-centre)")
    )
    add_profile_args(p)
    p.add_argument("kind", choices=KINDS, help=t("which report"))
    p.add_argument("--from", dest="date_from", type=_date, help=t("first day (YYYY-MM-DD)"))
    p.add_argument("--to", dest="date_to", type=_date, help=t("last day (YYYY-MM-DD)"))
    p.add_argument("--month", help=t("a month, e.g. 2026-10"))
    p.add_argument("--quarter", help=t("a quarter, e.g. 2026Q3"))
    p.add_argument("--year", help=t("a calendar year, e.g. 2026"))
    p.add_argument("--id", dest="consultation_id", help=t("consultation id (protocol)"))
    # SUPPRESS: without --lang here, the global ``zz-desktop --lang`` (or German) applies.
    p.add_argument("--lang", choices=i18n.SUPPORTED, default=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=t("PDF file to write"))
    p.add_argument(
        "--operation-start",
        dest="operation_start",
        type=_date,
        help=t("first day of the ESF operation (YYYY-MM-DD); cumulative figures count from it"),
    )
    p.set_defaults(run=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("not a date (YYYY-MM-DD): {value}", value=text)
        ) from None


def period_from_args(args: argparse.Namespace, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    from zz_desktop.reports.queries.period import Period

    presets = [v for v in (args.month, args.quarter, args.year) if v]
    if len(presets) > 1 or (presets and (args.date_from or args.date_to)):
        raise ValidationFailed(
            {"period": t("Give either --from/--to or one of --month, --quarter, --year.")}
        )
    if presets:
        return Period.parse(presets[0])
    today = today or dt.date.today()
    if args.date_from or args.date_to:
        start = args.date_from or dt.date(today.year, 1, 1)
        return Period(start, args.date_to or today)
    return Period.quarter(today.year, (today.month - 1) // 3 + 1)


def run(args: argparse.Namespace) -> int:
    from zz_desktop import reports

    lang = getattr(args, "lang", None) or i18n.get_language()
    period = None if args.kind == "protocol" else period_from_args(args)
    if args.kind == "protocol" and not args.consultation_id:
        raise ValidationFailed({"id": t("Which consultation? Give its id.")})
    if getattr(args, "json", False) and period is not None and args.out is None:
        return _figures(args, period)
    if args.out is None:
        raise ValidationFailed({"out": t("Where should the PDF go? Give --out FILE.pdf.")})
    store = open_profile(args)
    try:
        pdf = reports.render(
            store,
            args.kind,
            period,
            args.consultation_id,
            lang,
            operation_start=getattr(args, "operation_start", None),
        )
        try:
            reports.write(args.out, pdf)
        except OSError as exc:
            raise ValidationFailed(
                {
                    "out": t(
                        "The report {path} cannot be written ({detail}).",
                        path=args.out,
                        detail=exc.strerror or exc,
                    )
                }
            ) from None
        if args.kind == "protocol":
            from zz_desktop.services.report_audit import record_print

            record_print(store, args.consultation_id)
    finally:
        store.close()
    data = {"kind": args.kind, "out": str(args.out), "bytes": len(pdf), "lang": lang}
    if period is not None:
        data |= {"from": period.start.isoformat(), "to": period.end.isoformat()}
    emit(args, t("Report written to {path}.", path=args.out), data)
    return 0


def _figures(args: argparse.Namespace, period) -> int:  # type: ignore[no-untyped-def]
    """``--json`` without ``--out``: every figure of the report, from the same query functions."""
    import dataclasses
    import json

    from zz_desktop.services.permissions import require_report

    store = open_profile(args)
    try:
        require_report(store, args.kind)
        if args.kind == "esf":
            from zz_desktop.reports.queries.esf import esf_operation

            data = esf_operation(store, period.start, period.end, args.operation_start).as_json()
        elif args.kind == "activity":
            from zz_desktop.reports.queries.activity import activity_report

            data = dataclasses.asdict(activity_report(store, period))
        else:
            from zz_desktop.reports.queries.selfemployed import selfemployed_report

            data = dataclasses.asdict(selfemployed_report(store, period))
    finally:
        store.close()
    data["kind"] = args.kind
    print(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str))
    return 0
