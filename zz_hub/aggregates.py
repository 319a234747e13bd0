"""Cross-centre counts for the coordinating centre, protected by the cell-key method.

Counts consultations (live, all centres) by any combination of dimensions, read from the typed
projection tables. A consultation with several topics (or participants of several genders) counts
once in each of its topic (gender) cells. Next to the GROUP BY, SQL sums the records' random keys
(mod 2**32: the cell key); ``zz_protocol.cellkey`` turns (count, cell key) into the published
count, so a cell has the same published value in every query that produces it. Cells whose
published value is under the threshold are left out, exactly like empty cells. Periods are whole
months, quarters or years only (:func:`parse_period`), so that there are no day ranges to subtract.
Values outside the code lists are dropped here too (the push already rejects them).
``measure="organisations"`` counts distinct SMEs instead (each organisation's own record key).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from zz_desktop.domain import enums
from zz_hub import codelists, reach
from zz_hub.models import AggConsultation, AggConsultationGender, AggConsultationTopic, Centre
from zz_protocol import cellkey
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
    "kreis": "kreis",
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


class BadPeriod(ValueError):
    """A period that is not one whole month, quarter or year (the message says what is)."""


PERIOD_HELP = (
    "periods are whole months, quarters or years only: period=2026, period=2026-Q2 or"
    " period=2026-05 (or from/to spanning exactly one of them)"
)
_PERIOD = re.compile(r"^(\d{4})(?:-Q([1-4])|-(\d{2}))?$")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``2026`` → the year, ``2026-Q2`` → the quarter, ``2026-05`` → the month."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise BadPeriod(PERIOD_HELP)
    year = int(match.group(1))
    if match.group(2):
        first = 3 * (int(match.group(2)) - 1) + 1
        return dt.date(year, first, 1), _month_end(year, first + 2)
    if match.group(3):
        month = int(match.group(3))
        if not 1 <= month <= 12:
            raise BadPeriod(PERIOD_HELP)
        return dt.date(year, month, 1), _month_end(year, month)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def resolve_period(
    period: str | None, date_from: dt.date | None, date_to: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The range of a request's ``period`` or ``from``/``to`` (both checked), or all time."""
    if period is not None:
        if date_from is not None or date_to is not None:
            raise BadPeriod("give either period or from/to, not both")
        return parse_period(period)
    check_range(date_from, date_to)
    return date_from, date_to


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def check_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    """Accept from/to only when together they are exactly one month, quarter or year."""
    if date_from is None and date_to is None:
        return
    if date_from is None or date_to is None or date_from.day != 1:
        raise BadPeriod(PERIOD_HELP)
    months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
    whole = date_to == _month_end(date_to.year, date_to.month)
    aligned = (
        months == 1
        or (months == 3 and date_from.month % 3 == 1)
        or (months == 12 and date_from.month == 1)
    )
    if not (whole and aligned):
        raise BadPeriod(PERIOD_HELP)


@cache
def allowed_values() -> dict[str, frozenset[str]]:
    """The code lists of every dimension but the centre (defence in depth: never a free text)."""
    unknown = {codelists.UNKNOWN}
    return {
        "topic": frozenset(t.code for t in codelists.topics()),
        "land": frozenset(codelists.laender() | unknown),
        "kreis": frozenset(codelists.kreise() | unknown),
        "sector": frozenset({chr(c) for c in range(ord("A"), ord("V"))} | unknown),
        "sme_class": frozenset({e.value for e in enums.SmeClass} | unknown),
        "mode": frozenset({e.value for e in enums.ConsultationMode} | unknown),
        "kind": frozenset({e.value for e in enums.ConsultationKind} | unknown),
        "gender": frozenset({e.value for e in enums.Gender} | unknown),
    }


_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def _valid(dim: str, value: str) -> bool:
    if dim == "centre":
        return True  # codes of the hub's own centre table
    if dim == "quarter":
        return value == codelists.UNKNOWN or bool(_QUARTER.match(value))
    return value in allowed_values()[dim]


#: What a cell counts: consultations, or distinct SMEs (micro, small, medium organisations).
MEASURES = ("consultations", "organisations")
SME_CLASSES = ("micro", "small", "medium")


class BadFilter(ValueError):
    """A filter on a dimension that cannot be filtered, or a value outside its code list."""


#: Dimensions a view may be filtered on (a filter is the same logical cell as grouping by it).
FILTERS = ("centre", "land", "topic")


def check_filters(where: dict[str, str], centres: set[str]) -> None:
    for dim, value in where.items():
        if dim not in FILTERS:
            raise BadFilter(f"cannot filter on {dim}")
        known = centres if dim == "centre" else allowed_values()[dim]
        if value not in known:
            raise BadFilter(f"unknown {dim}: not in the code list")


#: What varies between an organisation's consultations: SMEs reached cannot be split by it.
NOT_FOR_ORGANISATIONS = ("mode", "kind", "gender")


def _reach_unit(dims: list[str], date_from: dt.date | None, date_to: dt.date | None) -> str:
    if any(d in NOT_FOR_ORGANISATIONS for d in dims):
        raise BadDimension("SMEs reached are not split by mode, kind or gender")
    name = period_name(date_from, date_to)
    if name is None:
        raise BadPeriod("SMEs reached are counted per whole month, quarter or year")
    if "quarter" in dims:
        if "-" in name and "-Q" not in name:
            raise BadPeriod("a month has no quarters to group by")
        return "quarter"
    return "year" if len(name) == 4 else "quarter" if "-Q" in name else "month"


Cells = dict[tuple[str, ...], tuple[int, int]]


def count_cells(
    session: Session,
    dims: list[str],
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    keyed: bool = True,
    measure: str = "consultations",
    where: dict[str, str] | None = None,
) -> Cells:
    """{cell: (true count, cell key)} of the non-empty cells (the key summed in SQL).

    ``measure="organisations"`` counts distinct SMEs (each once per cell, its own record key);
    ``where`` keeps the records with these dimension values — the same records, and so the same
    published value, as the cell of that value when grouped by the dimension.
    ``keyed=False`` leaves the key sum out (key 0): the plain GROUP BY, for the benchmark's
    measure of what the perturbation costs."""
    fine = count_fine(session, dims, (measure,), date_from, date_to, keyed, where)[measure]
    return rollup(fine, dims, dims)


def count_fine(
    session: Session,
    dims: list[str],
    measures: tuple[str, ...],
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    keyed: bool = True,
    where: dict[str, str] | None = None,
) -> dict[str, Cells]:
    """One GROUP BY for several measures: {measure: {cell: (count, key sum)}}, values not yet
    checked against the code lists (:func:`rollup` checks the cells it publishes). Counts and
    key sums of disjoint cells add up, so coarser tables are rolled up from these exactly."""
    where = where or {}
    wanted = [*dims, *where]
    # One table where possible: the topic and gender tables carry the consultation's dimensions.
    # Only topic × gender together needs a join (on the consultation's key).
    base: Any = T if "topic" in wanted else G if "gender" in wanted else A

    def column(dim: str) -> Any:
        if dim == "centre":
            return Centre.code
        if dim == "topic":
            return T.topic
        if dim == "gender":
            return G.gender
        return getattr(base, OWN[dim])

    columns = [column(d).label(d) for d in dims]
    # SMEs reached: each organisation's first row in the period's unit (or in each quarter when
    # grouped by quarter) stands for it — its own record key, counted once per cell.
    smes: Any = None
    if "organisations" in measures:
        flag = getattr(base, reach.FLAGS[_reach_unit(dims, date_from, date_to)])
        smes = flag.is_(True) & base.organisation_id.is_not(None) & base.sme_class.in_(SME_CLASSES)
    only_smes = measures == ("organisations",)
    sums: list[Any] = []
    for measure in measures:
        key = base.org_key if measure == "organisations" else base.record_key
        if measure == "organisations" and not only_smes:
            # Next to the consultations in the same scan: the SME rows by a CASE.
            sums.append(func.sum(case((smes, 1), else_=0)))
            key = case((smes, key), else_=0)
        else:
            sums.append(func.count())
        sums.append(func.sum(key) % cellkey.KEY_MODULUS if keyed else literal(0))
    query: Any = select(*columns, *sums).select_from(base)
    if "centre" in wanted:
        query = query.join(Centre, Centre.id == base.centre_id)
    if "topic" in wanted and "gender" in wanted:
        query = query.join(
            G, (G.centre_id == T.centre_id) & (G.consultation_id == T.consultation_id)
        )
    if date_from is not None:
        query = query.where(base.date >= date_from)
    if date_to is not None:
        query = query.where(base.date <= date_to)
    for dim, value in where.items():
        query = query.where(column(dim) == value)
    if only_smes:
        query = query.where(smes)
    if columns:
        query = query.group_by(*columns)
    out: dict[str, Cells] = {m: {} for m in measures}
    width = len(dims)
    for row in session.execute(query):
        values = tuple(str(v) for v in row[:width])
        for i, measure in enumerate(measures):
            count, key = int(row[width + 2 * i] or 0), int(row[width + 2 * i + 1] or 0)
            if count:
                out[measure][values] = (count, key)
    return out


def rollup(fine: Cells, fine_dims: list[str], dims: list[str]) -> Cells:
    """The cells by ``dims`` (a subset of ``fine_dims``) summed from finer disjoint cells —
    the same records, so the same count and cell key as counting by ``dims`` directly; values
    outside the code lists are never keys."""
    at = [fine_dims.index(d) for d in dims]
    out: dict[tuple[str, ...], list[int]] = {}
    for values, (count, key) in fine.items():
        cell = tuple(values[i] for i in at)
        found = out.setdefault(cell, [0, 0])
        found[0] += count
        found[1] = (found[1] + key) % cellkey.KEY_MODULUS
    return {
        cell: (n, k)
        for cell, (n, k) in out.items()
        if n and all(_valid(d, v) for d, v in zip(dims, cell, strict=True))
    }


def collect(
    rows: Iterable[Any], dims: list[str], valid: Callable[[str, str], bool]
) -> dict[tuple[str, ...], tuple[int, int]]:
    """{cell: (count, key)} from GROUP BY rows (dimension values…, count, key sum), keeping only
    non-empty cells whose every value ``valid`` accepts (used by other aggregates' modules)."""
    cells: dict[tuple[str, ...], tuple[int, int]] = {}
    for row in rows:
        count, key = int(row[-2]), int(row[-1] or 0)
        values = tuple(str(v) for v in row[:-2])
        if count and all(valid(d, v) for d, v in zip(dims, values, strict=True)):
            cells[values] = (count, key)
    return cells


def publish(
    cells: dict[tuple[str, ...], tuple[int, int]], threshold: int
) -> dict[tuple[str, ...], int]:
    """The published cells: perturbed counts at or over the threshold (the others left out)."""
    out: dict[tuple[str, ...], int] = {}
    for key, (count, cell_key) in cells.items():
        value = cellkey.publish(count, cell_key, threshold)
        if value is not None:
            out[key] = value
    return out


def aggregate(
    session: Session,
    dims: list[str],
    threshold: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    measure: str = "consultations",
    where: dict[str, str] | None = None,
) -> list[AggregateCell]:
    counted = count_cells(session, dims, date_from, date_to, measure=measure, where=where)
    return published_cells(counted, dims, threshold)


def published_cells(
    cells: dict[tuple[str, ...], tuple[int, int]], dims: list[str], threshold: int
) -> list[AggregateCell]:
    """The published (perturbed, thresholded) counts of ``cells``."""
    shown = publish(cells, threshold)
    return [
        AggregateCell(keys=dict(zip(dims, key, strict=True)), count=shown[key])
        for key in sorted(shown)
    ]


def period_name(date_from: dt.date | None, date_to: dt.date | None) -> str | None:
    """``2026``, ``2026-Q2`` or ``2026-05`` for a checked range; None for all time."""
    if date_from is None or date_to is None:
        return None
    months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
    if months == 12:
        return str(date_from.year)
    if months == 3:
        return f"{date_from.year}-Q{(date_from.month - 1) // 3 + 1}"
    return f"{date_from.year}-{date_from.month:02d}"
