"""Cross-centre aggregates for the coordinator role: perturbed counts only (cell-key method)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy.orm import Session

from zz_hub import aggregates
from zz_hub.api.deps import CoordinatorCaller, DatabaseDep, SettingsDep
from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.security import server_now
from zz_protocol import cellkey
from zz_protocol.schemas import AggregateCell, AggregateResponse, ErrorResponse

router = APIRouter(tags=["aggregates"])


@router.get(
    "/aggregates",
    response_model=AggregateResponse,
    responses={
        403: {"model": ErrorResponse},
        400: {"model": ErrorResponse},
        422: {"model": ErrorResponse, "description": "not a whole month, quarter or year"},
    },
    description="Counts of consultations across centres by the given dimensions, perturbed by"
    " the cell-key method (the same cell always has the same published value; cells under the"
    " threshold are left out like empty ones). " + aggregates.PERIOD_HELP + ".",
)
def get_aggregates(
    _caller: CoordinatorCaller,
    database: DatabaseDep,
    settings: SettingsDep,
    by: Annotated[
        list[str],
        Query(
            description="dimensions, repeated or comma-separated: "
            + ", ".join(aggregates.DIMENSIONS)
        ),
    ] = [],  # noqa: B006 - FastAPI copies query defaults
    period: Annotated[
        str | None, Query(description="2026 (a year), 2026-Q2 (a quarter) or 2026-05 (a month)")
    ] = None,
    date_from: Annotated[
        dt.date | None, Query(alias="from", description="first day of a month, quarter or year")
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(alias="to", description="last day of the same month/quarter/year")
    ] = None,
) -> AggregateResponse:
    return answer(
        aggregates.parse_dimensions,
        aggregates.aggregate,
        by,
        period,
        date_from,
        date_to,
        database,
        settings,
    )


Counter = Callable[[Session, list[str], int, dt.date | None, dt.date | None], list[AggregateCell]]


def answer(
    parse: Callable[[list[str]], list[str]],
    count: Counter,
    by: list[str],
    period: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    database: Database,
    settings: HubSettings,
) -> AggregateResponse:
    """One aggregate request: dimensions and period checked (400 / 422), cells counted and
    perturbed by ``count``. Shared by every aggregate route."""
    try:
        dims = parse(by)
    except aggregates.BadDimension as exc:
        raise HTTPException(status_code=400, detail=f"unknown dimension: {exc}") from exc
    try:
        date_from, date_to = aggregates.resolve_period(period, date_from, date_to)
    except aggregates.BadPeriod as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    with database.read() as session:
        cells = count(session, dims, settings.aggregate_threshold, date_from, date_to)
    return AggregateResponse(
        dimensions=dims,
        threshold=settings.aggregate_threshold,
        cells=cells,
        server_time=server_now(),
        period=aggregates.period_name(date_from, date_to),
        max_deviation=cellkey.MAX_DEVIATION,
        variance=float(cellkey.VARIANCE[2]),
    )
