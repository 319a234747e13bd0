"""Liveness and the accepted version ranges (no authentication, no version header needed).

The answer is 200 only when the database answers a query: a load balancer takes a worker whose
database is gone out of rotation (503), instead of sending it syncs that would fail.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from zz_hub.api.deps import DatabaseDep, SettingsDep
from zz_hub.security import server_now
from zz_protocol.schemas import ErrorResponse, HealthResponse

router = APIRouter(tags=["health"])
log = logging.getLogger("zz_hub")


@router.get("/health", response_model=HealthResponse, responses={503: {"model": ErrorResponse}})
def health(database: DatabaseDep, settings: SettingsDep) -> HealthResponse | JSONResponse:
    try:
        with database.read() as session:
            session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        log.warning("health check: database unavailable (%s)", type(exc).__name__)
        return JSONResponse(status_code=503, content={"detail": "database unavailable"})
    return HealthResponse(
        status="ok",
        protocol_versions=list(range(settings.protocol_min, settings.protocol_max + 1)),
        schema_versions=list(range(settings.schema_min, settings.schema_max + 1)),
        server_time=server_now(),
    )
