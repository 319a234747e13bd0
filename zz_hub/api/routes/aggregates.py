"""Cross-centre aggregates for the coordinator role (counts only, small cells suppressed)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from zz_hub import aggregates
from zz_hub.api.deps import CoordinatorCaller, DatabaseDep, SettingsDep
from zz_hub.security import server_now
from zz_protocol.schemas import AggregateResponse, ErrorResponse

router = APIRouter(tags=["aggregates"])


@router.get(
    "/aggregates",
    response_model=AggregateResponse,
    responses={403: {"model": ErrorResponse}, 400: {"model": ErrorResponse}},
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
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
) -> AggregateResponse:
    try:
        dims = aggregates.parse_dimensions(by)
    except aggregates.BadDimension as exc:
        raise HTTPException(status_code=400, detail=f"unknown dimension: {exc}") from exc
    with database.read() as session:
        cells = aggregates.aggregate(
            session, dims, settings.aggregate_threshold, date_from, date_to
        )
    return AggregateResponse(
        dimensions=dims,
        threshold=settings.aggregate_threshold,
        cells=cells,
        server_time=server_now(),
    )
