"""Reading the outbox in push batches and acknowledging pushed ops."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from zz_desktop.store.base import utcnow
from zz_desktop.store.ids import new_id
from zz_protocol.schemas import SYNCED_ENTITIES, Op, OpResult

MAX_OPS = 500
AUDIT_ENTITY = "audit_entry"
MAX_BYTES = 1_000_000


@dataclass
class Batch:
    ops: list[Op]
    seqs: list[int]

    def __len__(self) -> int:
        return len(self.ops)


def pending_count(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM outbox")).scalar() or 0)


def next_batch(
    conn: Connection,
    max_ops: int = MAX_OPS,
    max_bytes: int = MAX_BYTES,
    restored: bool = False,
) -> Batch:
    """The next ops to push: parents' entities first, then outbox order (≤ max_ops, ≤ max_bytes).
    ``restored``: the profile was restored from a backup and has not pulled since — every op is
    sent strict."""
    # Entity by entity in outbox order: an index range scan each (ix_outbox_entity_seq), not a
    # sort of the whole outbox per batch.
    columns = "seq, op_id, entity, entity_id, kind, base_seq, fields, strict, audit"
    rows: list[Any] = []
    for entity in SYNCED_ENTITIES:
        if len(rows) >= max_ops:
            break
        rows += conn.execute(
            text(f"SELECT {columns} FROM outbox WHERE entity = :e ORDER BY seq LIMIT :n"),
            {"e": entity, "n": max_ops - len(rows)},
        ).all()
    if len(rows) < max_ops:
        known = ", ".join(f"'{name}'" for name in SYNCED_ENTITIES)
        rows += conn.execute(
            text(
                f"SELECT {columns} FROM outbox WHERE entity NOT IN ({known}) ORDER BY seq LIMIT :n"
            ),
            {"n": max_ops - len(rows)},
        ).all()
    ops: list[Op] = []
    seqs: list[int] = []
    size = 0
    for seq, op_id, entity, entity_id, kind, base_seq, fields, strict, audit in rows:
        raw = fields if isinstance(fields, str) else json.dumps(fields or {})
        entries = json.loads(audit) if audit else []
        size += len(raw) + 200 + (len(audit) if audit else 0)
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
                strict=bool(strict) or restored,
                audit=entries,
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


def rekey(conn: Connection, batch: Batch) -> None:
    """The hub refused the batch because one of its op ids arrived before with another payload
    (e.g. a backup from an older version was restored): every op of the batch gets a new id and
    goes out strict — whatever the hub applied already turns into a conflict, never a loss."""
    conn.execute(
        text("UPDATE outbox SET op_id = :op, strict = 1 WHERE seq = :s"),
        [{"op": new_id(), "s": s} for s in batch.seqs],
    )


def acknowledge(conn: Connection, batch: Batch, results: list[OpResult]) -> dict[str, int]:
    """Remove acknowledged ops (one transaction).

    An ``applied`` result raises the row's ``server_seq`` only when the hub says it is
    ``clean``: the hub's row is exactly what this device holds (no field newer from anyone
    else). That number is what the device last *saw* from the hub and becomes the ``base_seq``
    of the row's next op. Raising it on any other acknowledgement would claim we saw the hub's
    row at that seq — with a colleague's concurrent edit in it that we have not pulled — and the
    hub would then overwrite that edit without a conflict (issue 9, sequence 1); such rows keep
    their number, the acknowledged one is remembered in ``sync_acked`` and the pull that follows
    brings the merged row. Clean rows are left out of this device's pulls (``skip_own``), and
    so are the clean audit entries that travelled inside the ops (``audit_seqs``).

    A ``conflict`` or ``rejected`` result marks the row with server_seq -1: the hub's row may
    differ from ours (e.g. an edit of a row deleted elsewhere is kept only in a Conflict), so the
    check that ends the round sees a mismatch and re-fetches the entity unless a pull refreshes
    the row first; as a base, -1 makes the hub treat every field changed since as concurrent."""
    by_id = {op.op_id: op for op in batch.ops}
    counts = {"applied": 0, "conflict": 0, "rejected": 0}
    deletes = []
    mark_updates: dict[str, list[dict[str, Any]]] = {}
    rejected: list[dict[str, Any]] = []
    acked: list[dict[str, Any]] = []
    seen: dict[str, list[dict[str, Any]]] = {}
    for result in results:
        op = by_id.get(result.op_id)
        if op is None:
            continue
        counts[result.status] = counts.get(result.status, 0) + 1
        deletes.append({"op": result.op_id})
        if op.entity not in SYNCED_ENTITIES:
            continue
        for entry, entry_seq in zip(op.audit, result.audit_seqs, strict=False):
            if entry_seq is not None and isinstance(entry.get("id"), str):
                seen.setdefault(AUDIT_ENTITY, []).append({"i": entry["id"], "s": entry_seq})
        if result.status == "applied" and result.clean and result.server_seq is not None:
            seen.setdefault(op.entity, []).append({"i": op.entity_id, "s": result.server_seq})
        elif result.status != "rejected" and result.server_seq is not None:
            acked.append({"e": op.entity, "i": op.entity_id, "s": result.server_seq})
        if result.status == "rejected":
            rejected.append(
                {
                    "op": op.op_id,
                    "e": op.entity,
                    "i": op.entity_id,
                    "k": op.kind,
                    "f": json.dumps(op.fields, ensure_ascii=False),
                    "r": (result.reason or "rejected")[:200],
                    "at": utcnow().isoformat(sep=" "),
                }
            )
        if result.status != "applied":
            mark_updates.setdefault(op.entity, []).append({"id": op.entity_id})
    for entity, rows in seen.items():
        if entity in SYNCED_ENTITIES:
            conn.execute(
                text(
                    f"UPDATE {entity} SET server_seq = :s WHERE id = :i "
                    "AND (server_seq IS NULL OR server_seq < :s)"
                ),
                rows,
            )
    for entity, rows in mark_updates.items():
        conn.execute(text(f"UPDATE {entity} SET server_seq = -1 WHERE id = :id"), rows)
    if rejected:
        # Nothing is dropped silently: the refused op stays on the device with its reason.
        conn.execute(
            text(
                "INSERT OR REPLACE INTO sync_rejected (op_id, entity, entity_id, kind, fields, "
                "reason, at) VALUES (:op, :e, :i, :k, :f, :r, :at)"
            ),
            rejected,
        )
    if acked:
        conn.execute(
            text(
                "INSERT INTO sync_acked (entity, entity_id, seq) VALUES (:e, :i, :s) "
                "ON CONFLICT(entity, entity_id) DO UPDATE SET seq = max(seq, excluded.seq)"
            ),
            acked,
        )
    if deletes:
        conn.execute(text("DELETE FROM outbox WHERE op_id = :op"), deletes)
    return counts
