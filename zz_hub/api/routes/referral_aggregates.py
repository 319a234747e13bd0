"""``/aggregates/referrals`` for the coordinator role: referral counts by partner type, outcome,
offer (programme-wide ones), Land, centre, quarter — perturbed by the cell-key method."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from zz_hub import aggregates, referral_aggregates
from zz_hub.api.deps import CoordinatorCaller, DatabaseDep, SettingsDep
from zz_hub.api.routes.aggregates import answer
from zz_protocol.schemas import AggregateResponse, ErrorResponse

router = APIRouter(tags=["aggregates"])


@router.get(
    "/aggregates/referrals",
    response_model=AggregateResponse,
    responses={403: {"model": ErrorResponse}, 400: {"model": ErrorResponse}},
    description="Referrals to the partner network across centres, perturbed like /aggregates. "
    + aggregates.PERIOD_HELP
    + ".",
)
def get_referral_aggregates(
    _caller: CoordinatorCaller,
    database: DatabaseDep,
    settings: SettingsDep,
    by: Annotated[
        list[str],
        Query(description="dimensions: " + ", ".join(referral_aggregates.DIMENSIONS)),
    ] = [],  # noqa: B006 - FastAPI copies query defaults
    period: Annotated[str | None, Query(description="2026, 2026-Q2 or 2026-05")] = None,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
) -> AggregateResponse:
    return answer(
        referral_aggregates.parse_dimensions,
        referral_aggregates.aggregate,
        by,
        period,
        date_from,
        date_to,
        database,
        settings,
    )
