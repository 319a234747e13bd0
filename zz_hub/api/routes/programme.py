"""Programme-wide rows for the coordinating centre: push, pull and check of the programme scope.

The same contract as ``/sync`` (the handlers are shared), bound to the programme scope
(``tenancy.PROGRAMME``) instead of a centre: only the programme entities are accepted and only
from coordinators (``CentreScope.write_problem``). Devices of every centre receive these rows
through their ordinary ``/sync/pull``.
"""

from __future__ import annotations

from fastapi import APIRouter, Header, Query, Response

from zz_hub.api.deps import (
    CoordinatorCaller,
    MetricsDep,
    ProgrammeReadTenant,
    ProgrammeWriteTenant,
    PushQueueDep,
    SettingsDep,
)
from zz_hub.api.routes import sync
from zz_protocol.schemas import (
    CheckResponse,
    ErrorResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

router = APIRouter(prefix="/programme", tags=["programme"])


@router.post(
    "/push",
    response_model=PushResponse,
    responses={403: {"model": ErrorResponse}, 413: {"model": ErrorResponse}},
)
async def push(
    body: PushRequest,
    caller: CoordinatorCaller,
    tenancy: ProgrammeWriteTenant,
    settings: SettingsDep,
    pushes: PushQueueDep,
    metrics: MetricsDep,
    x_sync_acks: str | None = Header(None, description="as in /sync/push"),
) -> Response:
    return await sync.push(
        body, caller, tenancy, settings, pushes, metrics, x_sync_acks=x_sync_acks
    )


@router.get("/pull", response_model=PullResponse, responses={410: {"model": ErrorResponse}})
def pull(
    tenancy: ProgrammeReadTenant,
    settings: SettingsDep,
    metrics: MetricsDep,
    after: int = Query(0, ge=0),
    limit: int = Query(500, ge=1),
) -> Response:
    return sync.pull(tenancy, settings, metrics, after=after, limit=limit, skip_own=False)


@router.get("/check", response_model=CheckResponse)
def check(tenancy: ProgrammeReadTenant) -> CheckResponse:
    return sync.check(tenancy)
