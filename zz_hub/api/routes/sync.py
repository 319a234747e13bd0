"""Push, pull and check: the sync endpoints. All row access goes through the caller's scope."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Header, HTTPException, Query, Response
from pydantic import BaseModel

from zz_hub.api.deps import (
    MetricsDep,
    PushQueueDep,
    ReadTenant,
    RecordCaller,
    SettingsDep,
    WriteTenant,
)
from zz_hub.pull_json import changes_json
from zz_hub.push import Batch
from zz_hub.security import server_now
from zz_hub.seq import read_counter
from zz_protocol.schemas import (
    SYNCED_ENTITIES,
    CheckResponse,
    EntityCheck,
    ErrorResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

router = APIRouter(prefix="/sync", tags=["sync"])


@router.post(
    "/push",
    response_model=PushResponse,
    responses={
        403: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        503: {"model": ErrorResponse},
    },
)
async def push(
    body: PushRequest,
    caller: RecordCaller,
    tenancy: WriteTenant,
    settings: SettingsDep,
    pushes: PushQueueDep,
    metrics: MetricsDep,
    x_sync_acks: str | None = Header(
        None,
        description="'clean': answer with clean and audit_seqs per op (clients since issue "
        "16; older clients refuse unknown fields)",
    ),
) -> Response:
    clean_acks = x_sync_acks == "clean"
    if len(body.ops) > settings.max_ops_per_push:
        raise HTTPException(status_code=413, detail="too many ops in one batch")
    for op in body.ops:
        for values in (op.fields, *op.audit):
            named = values.get("centre_id")
            if named is not None and named != tenancy.centre_id:
                raise HTTPException(status_code=403, detail="forbidden")

    # Waiting — for the centre's group, then for a write turn — happens without a thread or a
    # database connection; the pushes waiting together are applied in one transaction.
    erase = any(op.kind == "erase" for op in body.ops)
    results = await pushes.submit(tenancy.centre_id, Batch(caller, body.ops), alone=erase)
    if metrics is not None:
        metrics.record_push(r.status for r in results)
    answer = PushResponse(results=results, server_time=server_now())
    if clean_acks:
        return _json(answer)
    return _json(answer, exclude={"results": {"__all__": {"clean", "audit_seqs"}}})


def _json(model: BaseModel, exclude: Any = None) -> Response:
    """Serialised by pydantic directly (the route's response_model documents the shape)."""
    return Response(content=model.model_dump_json(exclude=exclude), media_type="application/json")


@router.get(
    "/pull",
    response_model=PullResponse,
    responses={410: {"model": ErrorResponse}},
)
def pull(
    tenancy: ReadTenant,
    settings: SettingsDep,
    metrics: MetricsDep,
    after: int = Query(0, ge=0),
    limit: int = Query(500, ge=1),
    skip_own: bool = Query(
        False,
        description="leave out rows this device's own pushes left exactly as it holds them "
        "(results with clean=true); the cursor still moves past them",
    ),
) -> Response:
    limit = min(limit, settings.max_pull_limit)
    skip = tenancy.device_id if skip_own else None
    with tenancy.read() as scope:  # reads only: no lock, never waits for writers
        current, purged_up_to = read_counter(scope.session, scope.centre_id)
        if 0 < after < purged_up_to or after > current:
            raise HTTPException(
                status_code=410,
                detail="cursor is older than the kept history; take a fresh snapshot",
            )
        rows, highest = scope.changes_after(after, limit + 1, skip)
    page = rows[:limit]
    more = len(rows) > limit
    # Not full: every row after the cursor was read (sent, or left out as the device's own).
    nxt = int(page[-1][0]) if more else max(after, highest or after)
    if metrics is not None:
        metrics.pull_rows.inc(len(page))
    envelope = PullResponse.model_construct(
        changes=[],
        next=nxt,
        has_more=more,
        server_time=server_now(),
    ).model_dump_json()
    head = '{"changes":[]'
    assert envelope.startswith(head)
    body = '{"changes":' + changes_json(page) + envelope[len(head) :]
    return Response(content=body.encode("utf-8"), media_type="application/json")


@router.get("/check", response_model=CheckResponse)
def check(tenancy: ReadTenant) -> CheckResponse:
    hashes = {entity: hashlib.sha256() for entity in SYNCED_ENTITIES}
    counts: dict[str, int] = defaultdict(int)
    lines: dict[str, list[str]] = defaultdict(list)
    with tenancy.read() as scope:
        for row in scope.id_seq_lines():
            lines[row.entity].append(f"{row.entity_id}:{row.server_seq}\n")
        max_seq = scope.max_seq()
    for entity, entity_lines in lines.items():
        digest = hashes.setdefault(entity, hashlib.sha256())
        for line in sorted(entity_lines):
            digest.update(line.encode("utf-8"))
        counts[entity] = len(entity_lines)
    return CheckResponse(
        entities={e: EntityCheck(count=counts[e], hash=h.hexdigest()) for e, h in hashes.items()},
        max_seq=max_seq,
        server_time=server_now(),
    )
