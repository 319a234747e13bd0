"""Reference data for a logged-in device."""

from __future__ import annotations

from fastapi import APIRouter

from zz_hub.api.deps import CurrentDevice, DatabaseDep, SettingsDep
from zz_hub.reference import reference_for
from zz_protocol.schemas import ReferenceResponse

router = APIRouter(tags=["reference"])


@router.get("/reference", response_model=ReferenceResponse)
def reference(
    caller: CurrentDevice, database: DatabaseDep, settings: SettingsDep
) -> ReferenceResponse:
    with database.read() as session:
        return reference_for(session, settings, caller)
