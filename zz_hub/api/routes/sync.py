"""Push, pull and check: the sync endpoints. All row access goes through the caller's scope."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from fastapi import APIRouter, HTTPException, Query

from zz_hub.api.deps import DatabaseDep, RecordCaller, SettingsDep, Tenant, WriteTenant
from zz_hub.models import AppliedOp
from zz_hub.rowstore import RowWriter
from zz_hub.security import server_now, utcnow
from zz_hub.seq import SeqAllocator, read_counter
from zz_protocol.schemas import (
    SYNCED_ENTITIES,
    Change,
    CheckResponse,
    EntityCheck,
    ErrorResponse,
    Op,
    OpResult,
    PullResponse,
    PushRequest,
    PushResponse,
)

router = APIRouter(prefix="/sync", tags=["sync"])


def payload_hash(op: Op) -> str:
    """Hash of everything but the op id: the only trace of a payload the hub keeps."""
    canonical = json.dumps(
        [op.entity, op.entity_id, op.kind, op.base_seq, op.fields],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@router.post(
    "/push",
    response_model=PushResponse,
    responses={
        403: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
)
def push(
    body: PushRequest,
    caller: RecordCaller,
    tenancy: WriteTenant,
    settings: SettingsDep,
    database: DatabaseDep,
) -> PushResponse:
    if len(body.ops) > settings.max_ops_per_push:
        raise HTTPException(status_code=413, detail="too many ops in one batch")
    for op in body.ops:
        named = op.fields.get("centre_id")
        if named is not None and named != tenancy.centre_id:
            raise HTTPException(status_code=403, detail="forbidden")
    results: list[OpResult] = []
    with tenancy.transaction() as scope:
        seq = SeqAllocator(scope.session)
        writer = RowWriter(scope, caller, seq)
        in_batch: dict[str, AppliedOp] = {}
        for op in body.ops:
            digest = payload_hash(op)
            stored = in_batch.get(op.op_id) or scope.applied_op(op.op_id)
            if stored is not None:
                if stored.payload_hash != digest:
                    raise HTTPException(status_code=422, detail="op id reused with another payload")
                results.append(OpResult.model_validate(stored.result))
                continue
            result = writer.apply(op).result(op.op_id)
            record = AppliedOp(
                op_id=op.op_id,
                device_id=caller.device_id,
                payload_hash=digest,
                result=result.model_dump(mode="json"),
                applied_at=utcnow(),
            )
            scope.record_op(record)
            in_batch[op.op_id] = record
            results.append(result)
        seq.flush()
    if any(op.kind == "erase" for op in body.ops):
        database.scrub_wal()
    return PushResponse(results=results, server_time=server_now())


@router.get(
    "/pull",
    response_model=PullResponse,
    responses={410: {"model": ErrorResponse}},
)
def pull(
    scope: Tenant,
    settings: SettingsDep,
    after: int = Query(0, ge=0),
    limit: int = Query(500, ge=1),
) -> PullResponse:
    limit = min(limit, settings.max_pull_limit)
    current, purged_up_to = read_counter(scope.session)
    if 0 < after < purged_up_to or after > current:
        raise HTTPException(
            status_code=410, detail="cursor is older than the kept history; take a fresh snapshot"
        )
    rows = scope.changes_after(after, limit + 1)
    page = rows[:limit]
    changes = [
        Change(
            seq=row.server_seq,
            entity=row.entity,
            entity_id=row.entity_id,
            deleted=row.deleted,
            fields={**row.fields, "centre_id": row.centre_id, "deleted": row.deleted},
        )
        for row in page
    ]
    return PullResponse(
        changes=changes,
        next=page[-1].server_seq if page else after,
        has_more=len(rows) > limit,
        server_time=server_now(),
    )


@router.get("/check", response_model=CheckResponse)
def check(scope: Tenant) -> CheckResponse:
    hashes = {entity: hashlib.sha256() for entity in SYNCED_ENTITIES}
    counts: dict[str, int] = defaultdict(int)
    lines: dict[str, list[str]] = defaultdict(list)
    for row in scope.id_seq_lines():
        lines[row.entity].append(f"{row.entity_id}:{row.server_seq}\n")
    for entity, entity_lines in lines.items():
        digest = hashes.setdefault(entity, hashlib.sha256())
        for line in sorted(entity_lines):
            digest.update(line.encode("utf-8"))
        counts[entity] = len(entity_lines)
    return CheckResponse(
        entities={e: EntityCheck(count=counts[e], hash=h.hexdigest()) for e, h in hashes.items()},
        max_seq=scope.max_seq(),
        server_time=server_now(),
    )
