"""Reading the outbox in push batches and acknowledging pushed ops."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from zz_protocol.schemas import SYNCED_ENTITIES, Op, OpResult

MAX_OPS = 500
MAX_BYTES = 1_000_000

_ORDER_SQL = (
    "CASE entity "
    + " ".join(f"WHEN '{name}' THEN {i}" for i, name in enumerate(SYNCED_ENTITIES))
    + f" ELSE {len(SYNCED_ENTITIES)} END"
)


@dataclass
class Batch:
    ops: list[Op]
    seqs: list[int]

    def __len__(self) -> int:
        return len(self.ops)


def pending_count(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM outbox")).scalar() or 0)


def next_batch(conn: Connection, max_ops: int = MAX_OPS, max_bytes: int = MAX_BYTES) -> Batch:
    """The next ops to push: parents' entities first, then outbox order (≤ max_ops, ≤ max_bytes)."""
    rows = conn.execute(
        text(
            "SELECT seq, op_id, entity, entity_id, kind, base_seq, fields FROM outbox "
            f"ORDER BY {_ORDER_SQL}, seq LIMIT :n"
        ),
        {"n": max_ops},
    ).all()
    ops: list[Op] = []
    seqs: list[int] = []
    size = 0
    for seq, op_id, entity, entity_id, kind, base_seq, fields in rows:
        raw = fields if isinstance(fields, str) else json.dumps(fields or {})
        size += len(raw) + 200
        if ops and size > max_bytes:
            break
        values: dict[str, Any] = json.loads(raw)
        ops.append(
            Op(
                op_id=op_id,
                entity=entity,
                entity_id=entity_id,
                kind=kind,
                base_seq=base_seq,
                fields=values,
            )
        )
        seqs.append(seq)
    return Batch(ops, seqs)


def mark_sent(conn: Connection, batch: Batch) -> None:
    """attempts+1 before sending: from now on these ops are never collapsed into."""
    conn.execute(
        text("UPDATE outbox SET attempts = attempts + 1 WHERE seq = :s"),
        [{"s": s} for s in batch.seqs],
    )


def acknowledge(conn: Connection, batch: Batch, results: list[OpResult]) -> dict[str, int]:
    """Remove acknowledged ops and store their server_seq onto the rows (one transaction).

    A ``conflict`` or ``rejected`` result marks the row with server_seq -1: the hub's row may
    differ from ours (e.g. an edit of a row deleted elsewhere is kept only in a Conflict), so the
    check that ends the round sees a mismatch and re-fetches the entity unless a pull refreshes
    the row first."""
    by_id = {op.op_id: op for op in batch.ops}
    counts = {"applied": 0, "conflict": 0, "rejected": 0}
    deletes = []
    seq_updates: dict[str, list[dict[str, Any]]] = {}
    mark_updates: dict[str, list[dict[str, Any]]] = {}
    for result in results:
        op = by_id.get(result.op_id)
        if op is None:
            continue
        counts[result.status] = counts.get(result.status, 0) + 1
        deletes.append({"op": result.op_id})
        if op.entity not in SYNCED_ENTITIES:
            continue
        if result.status == "applied" and result.server_seq is not None:
            seq_updates.setdefault(op.entity, []).append(
                {"id": op.entity_id, "s": result.server_seq}
            )
        else:
            mark_updates.setdefault(op.entity, []).append({"id": op.entity_id})
    for entity, rows in seq_updates.items():
        conn.execute(
            text(
                f"UPDATE {entity} SET server_seq = max(coalesce(server_seq, 0), :s) "
                "WHERE id = :id AND coalesce(server_seq, 0) >= 0"
            ),
            rows,
        )
    for entity, rows in mark_updates.items():
        conn.execute(text(f"UPDATE {entity} SET server_seq = -1 WHERE id = :id"), rows)
    if deletes:
        conn.execute(text("DELETE FROM outbox WHERE op_id = :op"), deletes)
    return counts
