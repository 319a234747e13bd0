"""Applying one push batch: one transaction, short lock on the centre's sequence counter.

1. **Plan, without the lock.** The rows the ops name (and the audit entries carried inside
   them, ``Op.audit``) and the batch's idempotency records are fetched with a few key queries
   into plain objects (``zz_hub.rowstate.RowState``, no ORM); the ops are merged in memory with
   provisional sequence numbers; what the projections need of other rows (organisations named
   by the batch's consultations, stored genders) is fetched too. Replayed ops take their stored
   result. A batch that is only replays writes nothing, takes no lock and is done.
2. **Lock and re-check.** ``UPDATE centre_counter SET value = value + n … RETURNING value`` locks
   the centre's counter row (held to commit, so the centre's commit order equals its sequence
   order; other centres never wait for it) and reserves the batch's range. Under the lock one
   query re-reads the server_seq of every row the plan relied on (and whether it existed) and
   the idempotency records of the new ops. Every write to a synced row gives it a new
   server_seq and writes happen only under the lock, so equal numbers mean the plan saw exactly
   what a plan made now would see. If anything moved (a concurrent push committed in between),
   the batch is planned again — now under the lock, so the second plan is final — and the
   counter is set to the range actually used.
3. **Write.** Real numbers are stamped; rows, idempotency records and projections are written
   with a few multi-row statements (a fixed number per batch, not per op), and the transaction
   commits, releasing the lock. (Why the projections stay under the lock: docs/sync.md,
   "Sequence numbers".)

A batch with a GDPR erase takes the lock first (its plan also reads the conflicts about the erased
row, a set that a concurrent push could extend without touching the row itself).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException

from zz_hub import projections
from zz_hub.rowstate import RowState, write_applied_ops, write_rows
from zz_hub.rowstore import Key, Outcome, RowWriter
from zz_hub.security import utcnow
from zz_hub.seq import ProvisionalSeq, allocate, set_counter
from zz_hub.tenancy import Caller, CentreScope
from zz_protocol.schemas import Op, OpResult
from zz_protocol.validation import envelope_problem


def payload_hash(op: Op) -> str:
    """Hash of everything but the op id: the only trace of a payload the hub keeps. Embedded
    audit entries count only where there are some, so an op without them hashes as before."""
    parts: list[Any] = [op.entity, op.entity_id, op.kind, op.base_seq, op.fields]
    if op.audit:
        parts.append(op.audit)
    return hashlib.sha256(_HASH_JSON.encode(parts).encode("utf-8")).hexdigest()


#: The payload hash's canonical JSON (one encoder for all ops: ``json.dumps`` with arguments
#: builds one per call; the text is the same).
_HASH_JSON = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
)


@dataclass(frozen=True)
class Batch:
    """One push request: the ops of one caller (a group of them is applied in one transaction,
    see ``zz_hub.push_queue``)."""

    caller: Caller
    ops: Sequence[Op]


@dataclass
class _Plan:
    writer: RowWriter
    lookups: projections.Lookups | None = None
    #: Per batch, per op: a stored result (replay) or the op's outcome (new; numbers still
    #: provisional).
    answers: list[list[OpResult | tuple[str, Outcome]]] = field(default_factory=list)
    #: New ops in order: (op, payload hash, outcome, caller); an op id twice counts once.
    new: dict[str, tuple[Op, str, Outcome, Caller]] = field(default_factory=dict)
    #: Op ids looked up and not found (they must still be absent under the lock).
    unknown_op_ids: set[str] = field(default_factory=set)

    @property
    def writes(self) -> bool:
        return bool(self.new)

    def results(self) -> list[list[OpResult]]:
        return [
            [a if isinstance(a, OpResult) else a[1].result(a[0]) for a in answers]
            for answers in self.answers
        ]


AUDIT_ENTITY = "audit_entry"


def audit_ops(op: Op) -> list[Op | None]:
    """The audit entries embedded in ``op`` as ops of their own (create of an ``audit_entry``
    row), or None for an entry without a usable id."""
    found: list[Op | None] = []
    for i, entry in enumerate(op.audit):
        entry_id = entry.get("id")
        if not isinstance(entry_id, str):
            found.append(None)
            continue
        sub = Op(
            op_id=f"{op.op_id[:56]}/a{i}",
            entity=AUDIT_ENTITY,
            entity_id=entry_id,
            kind="upsert",
            fields={k: v for k, v in entry.items() if k != "id"},
        )
        found.append(None if envelope_problem(sub) is not None else sub)
    return found


def _plan(scope: CentreScope, batches: Sequence[Batch]) -> _Plan:
    """Plan the batches one after the other, each with its own caller — exactly what applying
    them in that order in transactions of their own would do (the audit entries of a batch are
    numbered after its rows, before the next batch's)."""
    # Ops whose ids no column can hold are rejected before any query (a NUL would make
    # PostgreSQL fail the whole batch); nothing of them is looked up or stored.
    unusable = [
        {i: why for i, op in enumerate(b.ops) if (why := envelope_problem(op)) is not None}
        for b in batches
    ]
    usable = [
        op
        for b, bad in zip(batches, unusable, strict=True)
        for i, op in enumerate(b.ops)
        if i not in bad
    ]
    stored = scope.applied_ops(op.op_id for op in usable)
    fresh = [op for op in usable if op.op_id not in stored]
    embedded = {op.op_id: audit_ops(op) for op in fresh if op.audit}
    keys = {(op.entity, op.entity_id) for op in fresh}
    keys.update((a.entity, a.entity_id) for subs in embedded.values() for a in subs if a)
    rows = scope.get_many(keys)
    seen: dict[Key, int | None] = {key: None for key in keys}
    seen.update({key: row.server_seq for key, row in rows.items()})
    first_caller = batches[0].caller
    writer = RowWriter(
        scope, first_caller, ProvisionalSeq(), rows, seen, scope.taken_elsewhere(keys)
    )
    plan = _Plan(writer)
    plan.unknown_op_ids = {op.op_id for op in usable} - set(stored)
    for batch, bad in zip(batches, unusable, strict=True):
        writer.begin(batch.caller)
        answers: list[OpResult | tuple[str, Outcome]] = []
        plan.answers.append(answers)
        made_here: list[str] = []
        for i, op in enumerate(batch.ops):
            if i in bad:
                answers.append(_rejected(op, bad[i]))
                continue
            digest = payload_hash(op)
            known = stored.get(op.op_id)
            if known is not None:
                if known[0] != digest:
                    raise HTTPException(status_code=422, detail="op id reused with another payload")
                answers.append(OpResult.model_validate(known[1]))
                continue
            earlier = plan.new.get(op.op_id)
            if earlier is not None:
                if earlier[1] != digest:
                    raise HTTPException(status_code=422, detail="op id reused with another payload")
                answers.append((op.op_id, earlier[2]))
                continue
            outcome = writer.apply(op)
            plan.new[op.op_id] = (op, digest, outcome, batch.caller)
            made_here.append(op.op_id)
            answers.append((op.op_id, outcome))
        # The changes' audit entries, stored with them (rows of their own on the hub, as when
        # they travelled as ops of their own, and numbered after the batch's rows as those were).
        for op_id in made_here:
            outcome = plan.new[op_id][2]
            for sub in embedded.get(op_id, ()):
                done = writer.apply(sub) if sub is not None else None
                outcome.audit_seqs.append(
                    done.server_seq if done is not None and done.clean else None
                )
    if plan.writes:
        plan.lookups = projections.prepare(scope, writer.written.values(), writer.seen)
    return plan


def _rejected(op: Op, reason: str) -> OpResult:
    # The op id is echoed so that the sender can match the answer; made encodable first.
    echo = op.op_id.encode("utf-8", "replace").decode("utf-8")
    return OpResult(op_id=echo, status="rejected", reason=reason)


def _still_current(scope: CentreScope, plan: _Plan) -> bool:
    """Under the lock: did anything the plan read change since it was read? (One query.)"""
    seen = plan.writer.seen
    rows, ops = scope.seqs_and_op_ids(seen, plan.unknown_op_ids)
    return not ops and all(rows.get(key) == seq for key, seq in seen.items())


def apply_batch(
    scope: CentreScope,
    caller: Caller,
    ops: Sequence[Op],
    *,
    before_lock: Callable[[], None] | None = None,
) -> list[OpResult]:
    """Apply one caller's ``ops`` in the scope's (write) transaction; the caller commits."""
    return apply_batches(scope, [Batch(caller, ops)], before_lock=before_lock)[0]


def apply_batches(
    scope: CentreScope,
    batches: Sequence[Batch],
    *,
    before_lock: Callable[[], None] | None = None,
) -> list[list[OpResult]]:
    """Apply ``batches`` (all of the scope's centre) in the scope's (write) transaction, in
    order, as if each had its own transaction; the caller commits. One result list per batch.
    An op id reused with another payload in any of them raises 422 for all (the caller then
    applies them one by one, ``zz_hub.push_queue``).

    ``before_lock`` is called between planning and locking (tests use it to commit a
    concurrent change exactly there)."""
    session = scope.session
    lock_first = any(op.kind == "erase" for b in batches for op in b.ops)
    first = allocate(session, scope.centre_id, 0) if lock_first else None
    plan = _plan(scope, batches)
    if not plan.writes and first is None:
        return plan.results()
    if before_lock is not None:
        before_lock()
    if first is None:
        first = allocate(session, scope.centre_id, plan.writer.seq.count)
        if not _still_current(scope, plan):
            # A concurrent push committed between planning and locking: plan again, now
            # under the lock, and use only as many numbers as that plan needs.
            plan = _plan(scope, batches)
            set_counter(session, scope.centre_id, first - 1 + plan.writer.seq.count)
    elif plan.writer.seq.count:
        set_counter(session, scope.centre_id, first - 1 + plan.writer.seq.count)
    writer = plan.writer
    writer.stamp(first)
    now = utcnow()
    records = []
    for op, digest, outcome, caller in plan.new.values():
        outcome.stamp(first)
        records.append(
            {
                "centre_id": scope.centre_id,
                "op_id": op.op_id,
                "device_id": caller.device_id,
                "payload_hash": digest,
                "result": outcome.result(op.op_id).model_dump(mode="json"),
                "applied_at": now,
            }
        )
    changed: list[RowState] = list(writer.written.values())
    write_rows(session, changed)
    write_applied_ops(session, records)
    if plan.lookups is not None:  # None: the batch turned out to be replays only
        projections.apply(scope, changed, writer.created, plan.lookups)
    return plan.results()
