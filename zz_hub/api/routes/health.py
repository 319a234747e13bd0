"""Liveness and the accepted version ranges (no authentication, no version header needed)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from zz_hub.api.deps import DatabaseDep, SettingsDep
from zz_hub.security import server_now
from zz_protocol.schemas import HealthResponse

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse)
def health(database: DatabaseDep, settings: SettingsDep) -> HealthResponse:
    with database.read() as session:
        session.execute(text("SELECT 1"))
    return HealthResponse(
        status="ok",
        protocol_versions=list(range(settings.protocol_min, settings.protocol_max + 1)),
        schema_versions=list(range(settings.schema_min, settings.schema_max + 1)),
        server_time=server_now(),
    )
