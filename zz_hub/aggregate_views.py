"""The coordination dashboard's views: the few tables one view of the dashboard needs, counted
for one whole period and the chosen filters, in one request (``/aggregates/views/{view}``).

Each table is an ordinary cell-key-published aggregate (:func:`zz_hub.aggregates.aggregate`), so a
cell here has the same published value as the same cell from ``/aggregates``. A filter (centre,
Land, topic) keeps the records of one value of a dimension — the same records as that value's
cell when grouped by the dimension — so filtering creates no new logical cell to difference.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from zz_hub import aggregates
from zz_hub.models import Centre
from zz_protocol.schemas import AggregateTable

#: view → its tables: (name, dimensions, measure). Time runs by quarter (whole periods).
VIEWS: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {
    "trends": (
        ("centre_quarter", ("centre", "quarter"), "consultations"),
        ("topic_quarter", ("topic", "quarter"), "consultations"),
    ),
    "sectors": (("topic_sector", ("topic", "sector"), "consultations"),),
    "reach": (
        ("land_reach", ("land",), "organisations"),
        ("kreis_reach", ("kreis",), "organisations"),
    ),
    "centres": (
        ("centre_consultations", ("centre",), "consultations"),
        ("centre_reach", ("centre",), "organisations"),
    ),
}


class UnknownView(ValueError):
    pass


def centre_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Centre.code)).all())


def view_tables(
    session: Session,
    view: str,
    threshold: int,
    date_from: dt.date,
    date_to: dt.date,
    where: dict[str, str],
) -> list[AggregateTable]:
    """The tables of ``view`` (filters checked first: unknown values are refused, never keys)."""
    if view not in VIEWS:
        raise UnknownView(view)
    aggregates.check_filters(where, centre_codes(session))
    return [
        AggregateTable(
            name=name,
            dimensions=list(dims),
            measure=measure,
            cells=aggregates.aggregate(
                session, list(dims), threshold, date_from, date_to, measure=measure, where=where
            ),
        )
        for name, dims, measure in VIEWS[view]
    ]
