"""Cross-centre counts for the coordinating centre, with small cells suppressed.

Counts consultations (live, all centres) by any combination of dimensions, read from the typed
projection tables. A consultation with several topics (or participants of several genders) counts
once in each of its topic (gender) cells. Cells under the threshold are hidden; then a second pass
(complementary suppression) hides further cells until no line of the table — the cells that share
all keys but one — has exactly one hidden cell, so that a total (or the query without that
dimension) minus the visible cells cannot reveal a hidden one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zz_hub.models import AggConsultation, AggConsultationGender, AggConsultationTopic, Centre
from zz_protocol.schemas import AggregateCell

A, T, G = AggConsultation, AggConsultationTopic, AggConsultationGender
#: Dimensions of the consultation itself: columns of A, and copies of them in T and G.
OWN = {
    "land": "land",
    "quarter": "quarter",
    "sector": "sector_section",
    "sme_class": "sme_class",
    "mode": "mode",
    "kind": "kind",
}
DIMENSIONS: dict[str, Any] = {
    "centre": Centre.code,
    **{name: getattr(A, column) for name, column in OWN.items()},
    "topic": T.topic,
    "gender": G.gender,
}


class BadDimension(ValueError):
    pass


def parse_dimensions(raw: list[str]) -> list[str]:
    dims: list[str] = []
    for part in raw:
        for name in part.split(","):
            name = name.strip()
            if not name:
                continue
            if name not in DIMENSIONS:
                raise BadDimension(name)
            if name not in dims:
                dims.append(name)
    return dims


def count_cells(
    session: Session,
    dims: list[str],
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> dict[tuple[str, ...], int]:
    # One table where possible: the topic and gender tables carry the consultation's dimensions.
    # Only topic × gender together needs a join (on the consultation's key).
    base: Any = T if "topic" in dims else G if "gender" in dims else A

    def column(dim: str) -> Any:
        if dim == "centre":
            return Centre.code
        if dim == "topic":
            return T.topic
        if dim == "gender":
            return G.gender
        return getattr(base, OWN[dim])

    columns = [column(d).label(d) for d in dims]
    query = select(*columns, func.count().label("n")).select_from(base)
    if "centre" in dims:
        query = query.join(Centre, Centre.id == base.centre_id)
    if "topic" in dims and "gender" in dims:
        query = query.join(
            G, (G.centre_id == T.centre_id) & (G.consultation_id == T.consultation_id)
        )
    if date_from is not None:
        query = query.where(base.date >= date_from)
    if date_to is not None:
        query = query.where(base.date <= date_to)
    if columns:
        query = query.group_by(*columns)
    cells: dict[tuple[str, ...], int] = {}
    for row in session.execute(query):
        count = int(row[-1])
        if count:
            cells[tuple(str(v) for v in row[:-1])] = count
    return cells


def suppress(
    cells: dict[tuple[str, ...], int], threshold: int
) -> dict[tuple[str, ...], int | None]:
    """Primary suppression under ``threshold``, then complementary suppression (see module doc)."""
    hidden = {key for key, n in cells.items() if n < threshold}
    if not hidden:
        return dict(cells)
    width = len(next(iter(cells)))
    changed = True
    while changed:
        changed = False
        for dim in range(width):
            lines: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
            for key in cells:
                lines[key[:dim] + key[dim + 1 :]].append(key)
            for members in lines.values():
                inside = [k for k in members if k in hidden]
                if len(inside) != 1:
                    continue
                visible = [k for k in members if k not in hidden]
                if visible:
                    # Hide the smallest visible cell: the least information lost.
                    hidden.add(min(visible, key=lambda k: (cells[k], k)))
                    changed = True
    return {key: (None if key in hidden else n) for key, n in cells.items()}


def aggregate(
    session: Session,
    dims: list[str],
    threshold: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[AggregateCell]:
    counts = count_cells(session, dims, date_from, date_to)
    shown = suppress(counts, threshold)
    return [
        AggregateCell(keys=dict(zip(dims, key, strict=True)), count=shown[key])
        for key in sorted(shown)
    ]
