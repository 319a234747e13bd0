"""SMEs reached without a DISTINCT at query time: each projection row knows whether it is its
organisation's first (by date, then consultation id) in its month, quarter and year — in the
topic table, its first with that topic. SMEs reached in a whole period are then the flagged rows
of the period, a plain filtered GROUP BY next to the consultation counts (B8: a DISTINCT over the
organisations of a year of a million consultations took seconds).

:func:`recompute` is called by the projections for the organisations a push batch touched (two
statements per projection table, whatever the batch size) and by the migration for all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from zz_hub.models import AggConsultation, AggConsultationTopic

#: Flag column per period unit (a period of one month / quarter / year; quarter as a dimension).
FLAGS = {"month": "first_month", "quarter": "first_quarter", "year": "first_year"}


def recompute(
    session: Session | Any, centre_id: str | None = None, org_ids: Iterable[str] | None = None
) -> None:
    """Set the first-row flags of the given organisations (all, when ``org_ids`` is None)."""
    wanted = None if org_ids is None else sorted(set(org_ids))
    if wanted == []:
        return
    tables: tuple[Any, ...] = (AggConsultation, AggConsultationTopic)
    # Ties of a date are broken by the id in code-point order, on every database (what
    # flag_new does in Python): a PostgreSQL database with a language collation would order
    # ids otherwise and flag another row of the organisation than a push computed in memory.
    binary = session.get_bind().dialect.name == "postgresql"
    for table in tables:
        extra = [table.topic] if table is AggConsultationTopic else []
        parts = [table.centre_id, table.organisation_id, *extra]
        tie = table.consultation_id.collate("C") if binary else table.consultation_id
        order = [table.date, tie]

        def first(unit: Any, parts: list[Any] = parts, order: list[Any] = order) -> Any:
            return func.row_number().over(partition_by=[*parts, unit], order_by=order)

        cond: Any = table.organisation_id.is_not(None)
        if centre_id is not None:
            cond = cond & (table.centre_id == centre_id)
        if wanted is not None:
            cond = cond & table.organisation_id.in_(wanted)
        ranked = (
            select(
                table.centre_id,
                table.consultation_id,
                *extra,
                first(table.month).label("m"),
                first(table.quarter).label("q"),
                first(func.substr(table.quarter, 1, 4)).label("y"),
            )
            .where(cond)
            .subquery()
        )
        match: Any = (table.centre_id == ranked.c.centre_id) & (
            table.consultation_id == ranked.c.consultation_id
        )
        if extra:
            match = match & (table.topic == ranked.c.topic)
        session.execute(
            update(table)
            .where(match)
            .values(
                first_month=ranked.c.m == 1,
                first_quarter=ranked.c.q == 1,
                first_year=ranked.c.y == 1,
            )
            .execution_options(synchronize_session=False)
        )


def flag_new(
    consultations: list[dict[str, Any]], topics: list[dict[str, Any]], orgs: set[str]
) -> None:
    """Set the first-row flags on projection rows about to be inserted, in memory, by the same
    rule as :func:`recompute` (first by date, then consultation id, per organisation — and
    topic — and period), for the organisations ``orgs``; every other row gets false flags (for
    :func:`recompute` to set after the insert). ``orgs`` must only name organisations with no
    stored projection rows: every row that competes is then in these lists, so no window query
    is needed (a push that creates an organisation with its consultations, the common case)."""
    for rows, extra in ((consultations, ()), (topics, ("topic",))):
        for row in rows:
            row["first_month"] = row["first_quarter"] = row["first_year"] = False
        ordered = sorted(
            rows, key=lambda r: (r["date"] is not None, r["date"] or 0, r["consultation_id"])
        )
        seen: set[tuple[Any, ...]] = set()
        for row in ordered:
            org = row["organisation_id"]
            if org not in orgs:
                continue
            part = (org, *(row[name] for name in extra))
            for flag, unit in (
                ("first_month", row["month"]),
                ("first_quarter", row["quarter"]),
                ("first_year", row["quarter"][:4]),
            ):
                key = (*part, flag, unit)
                if key not in seen:
                    seen.add(key)
                    row[flag] = True
