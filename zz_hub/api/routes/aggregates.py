"""Cross-centre aggregates for the coordinator role: perturbed counts only (cell-key method)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy.orm import Session

from zz_hub import aggregate_views, aggregates
from zz_hub.api.deps import CoordinatorCaller, DatabaseDep, SettingsDep
from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.security import server_now
from zz_protocol import cellkey
from zz_protocol.schemas import (
    AggregateCell,
    AggregateResponse,
    AggregateViewResponse,
    ErrorResponse,
)

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
    measure: Annotated[
        str,
        Query(
            description="consultations (default) or organisations (distinct SMEs: micro, small"
            " and medium organisations, each with its own record key)"
        ),
    ] = "consultations",
) -> AggregateResponse:
    return answer(
        aggregates.parse_dimensions,
        lambda s, d, t, f, to: aggregates.aggregate(s, d, t, f, to, measure=measure),
        by,
        period,
        date_from,
        date_to,
        database,
        settings,
        measure=measure,
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
    measure: str = "consultations",
) -> AggregateResponse:
    """One aggregate request: dimensions, measure and period checked (400 / 422), cells counted
    and perturbed by ``count``. Shared by every aggregate route."""
    try:
        dims = parse(by)
    except aggregates.BadDimension as exc:
        raise HTTPException(status_code=400, detail=f"unknown dimension: {exc}") from exc
    if measure not in aggregates.MEASURES:
        raise HTTPException(status_code=400, detail="measure: consultations or organisations")
    try:
        date_from, date_to = aggregates.resolve_period(period, date_from, date_to)
    except aggregates.BadPeriod as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    try:
        with database.read() as session:
            cells = count(session, dims, settings.aggregate_threshold, date_from, date_to)
    except aggregates.BadDimension as exc:  # e.g. a dimension the measure cannot split by
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    except aggregates.BadPeriod as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return AggregateResponse(
        dimensions=dims,
        threshold=settings.aggregate_threshold,
        cells=cells,
        server_time=server_now(),
        period=aggregates.period_name(date_from, date_to),
        max_deviation=cellkey.MAX_DEVIATION,
        variance=float(cellkey.VARIANCE[2]),
    )


@router.get(
    "/aggregates/views/{view}",
    response_model=AggregateViewResponse,
    responses={
        403: {"model": ErrorResponse},
        404: {"model": ErrorResponse, "description": "no such view"},
        422: {"model": ErrorResponse, "description": "not a whole period, or a bad filter"},
    },
    description="Every table one view of the coordination dashboard needs, in one answer: "
    + "; ".join(
        f"{view}: "
        + ", ".join(f"{name} ({' × '.join(dims)}, {measure})" for name, dims, measure in tables)
        for view, tables in aggregate_views.VIEWS.items()
    )
    + ". Filters centre (a centre code), land (a Land code) and topic (a topic code) keep the"
    " records of that value — the same cells as grouping by it. Same cell-key method as"
    " /aggregates. Periods: " + aggregates.PERIOD_HELP + ".",
)
def get_aggregate_view(
    _caller: CoordinatorCaller,
    database: DatabaseDep,
    settings: SettingsDep,
    view: str,
    period: Annotated[str, Query(description="2026 (a year), 2026-Q2 (a quarter) or 2026-05")],
    centre: Annotated[str | None, Query(description="only this centre (its code)")] = None,
    land: Annotated[str | None, Query(description="only this Land (e.g. ST)")] = None,
    topic: Annotated[str | None, Query(description="only this topic (its code)")] = None,
) -> AggregateViewResponse:
    if view not in aggregate_views.VIEWS:
        raise HTTPException(status_code=404, detail="no such view")
    try:
        date_from, date_to = aggregates.parse_period(period)
    except aggregates.BadPeriod as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    where = {
        dim: value
        for dim, value in (("centre", centre), ("land", land), ("topic", topic))
        if value is not None
    }
    threshold = settings.aggregate_threshold
    try:
        with database.read() as session:
            tables = aggregate_views.view_tables(
                session, view, threshold, date_from, date_to, where
            )
    except aggregates.BadFilter as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return AggregateViewResponse(
        view=view,
        period=aggregates.period_name(date_from, date_to) or period,
        filters=where,
        threshold=threshold,
        tables=tables,
        server_time=server_now(),
        max_deviation=cellkey.MAX_DEVIATION,
        variance=float(cellkey.VARIANCE[2]),
    )
