"""Files of the Wissenspool over HTTP: declare, send chunks, read manifests and chunks.

``/blobs`` works in the caller's centre scope (record roles; reading also finds programme-wide
files), ``/programme/blobs`` in the programme scope (coordinators). Every chunk is checked
against its checksum on the way in and carries it on the way out (``X-Chunk-SHA256``), so an
interrupted transfer resumes with the chunks still missing (docs/wissenspool.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Path, Request, Response
from fastapi.concurrency import run_in_threadpool

from zz_hub import blobs
from zz_hub.api.deps import (
    ProgrammeReadTenant,
    ProgrammeWriteTenant,
    ReadTenancy,
    ReadTenant,
    SettingsDep,
    WriteGate,
    WriteGateDep,
    WriteTenancy,
    WriteTenant,
)
from zz_hub.config import HubSettings
from zz_hub.tenancy import CentreScope
from zz_protocol.schemas import BlobManifest, BlobStatus, ErrorResponse

router = APIRouter(tags=["files"])
Digest = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
Index = Annotated[int, Path(ge=0, lt=1_000_000)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse},
    409: {"model": ErrorResponse},
    413: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
}
T = TypeVar("T")


def _refusal(exc: blobs.BlobError) -> HTTPException:
    return HTTPException(status_code=exc.status, detail=exc.message)


async def _write(tenancy: WriteTenancy, gate: WriteGate, work: Callable[[CentreScope], T]) -> T:
    def run() -> T:
        with tenancy.transaction() as scope:
            return work(scope)

    try:
        async with gate.turn():
            return await run_in_threadpool(run)
    except blobs.BlobError as exc:
        raise _refusal(exc) from None


def _read(tenancy: ReadTenancy, work: Callable[[CentreScope], T]) -> T:
    try:
        with tenancy.read() as scope:
            return work(scope)
    except blobs.BlobError as exc:
        raise _refusal(exc) from None


async def _declare(
    manifest: BlobManifest, tenancy: WriteTenancy, settings: HubSettings, gate: WriteGate
) -> BlobStatus:
    max_bytes, quota = settings.max_blob_bytes, settings.blob_quota_bytes
    return await _write(tenancy, gate, lambda s: blobs.declare(s, manifest, max_bytes, quota))


async def _put(
    request: Request, digest: str, index: int, tenancy: WriteTenancy, gate: WriteGate
) -> BlobStatus:
    data = await request.body()
    result = await _write(tenancy, gate, lambda s: blobs.put_chunk(s, digest, index, data))
    if isinstance(result, blobs.BlobError):  # the discarded upload is committed: now say so
        raise _refusal(result)
    return result


def _chunk(tenancy: ReadTenancy, digest: str, index: int) -> Response:
    data, checksum = _read(tenancy, lambda s: blobs.read_chunk(s, digest, index))
    return Response(
        content=data,
        media_type="application/octet-stream",
        headers={"X-Chunk-SHA256": checksum},
    )


# ---------------------------------------------------------------- a centre's scope


@router.post("/blobs", response_model=BlobStatus, responses=_ERRORS)
async def declare(
    manifest: BlobManifest, tenancy: WriteTenant, settings: SettingsDep, gate: WriteGateDep
) -> BlobStatus:
    return await _declare(manifest, tenancy, settings, gate)


@router.put("/blobs/{digest}/chunks/{index}", response_model=BlobStatus, responses=_ERRORS)
async def put_chunk(
    request: Request, digest: Digest, index: Index, tenancy: WriteTenant, gate: WriteGateDep
) -> BlobStatus:
    return await _put(request, digest, index, tenancy, gate)


@router.get("/blobs/{digest}", response_model=BlobStatus, responses=_ERRORS)
def status(digest: Digest, tenancy: ReadTenant) -> BlobStatus:
    return _read(tenancy, lambda s: blobs.status_of(s, digest))


@router.get("/blobs/{digest}/chunks/{index}", responses=_ERRORS)
def chunk(digest: Digest, index: Index, tenancy: ReadTenant) -> Response:
    return _chunk(tenancy, digest, index)


# ---------------------------------------------------------------- the programme's scope


@router.post("/programme/blobs", response_model=BlobStatus, responses=_ERRORS)
async def programme_declare(
    manifest: BlobManifest,
    tenancy: ProgrammeWriteTenant,
    settings: SettingsDep,
    gate: WriteGateDep,
) -> BlobStatus:
    return await _declare(manifest, tenancy, settings, gate)


@router.put(
    "/programme/blobs/{digest}/chunks/{index}", response_model=BlobStatus, responses=_ERRORS
)
async def programme_put_chunk(
    request: Request,
    digest: Digest,
    index: Index,
    tenancy: ProgrammeWriteTenant,
    gate: WriteGateDep,
) -> BlobStatus:
    return await _put(request, digest, index, tenancy, gate)


@router.get("/programme/blobs/{digest}", response_model=BlobStatus, responses=_ERRORS)
def programme_status(digest: Digest, tenancy: ProgrammeReadTenant) -> BlobStatus:
    return _read(tenancy, lambda s: blobs.status_of(s, digest))


@router.get("/programme/blobs/{digest}/chunks/{index}", responses=_ERRORS)
def programme_chunk(digest: Digest, index: Index, tenancy: ProgrammeReadTenant) -> Response:
    return _chunk(tenancy, digest, index)
