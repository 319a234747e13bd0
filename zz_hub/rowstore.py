"""Applying pushed ops to the row store: per-field merge, conflicts, deletes and GDPR erase.

Rules (sync-protocol.md): a field changed by the client that nobody else changed since the op's
``base_seq`` is applied; a field changed on both sides takes the incoming value and the replaced
value goes into a Conflict row (itself a synced row of the centre); delete beats a concurrent edit
and a Conflict keeps the edit; erase always wins and leaves no personal value on the hub.
A :class:`RowWriter` works in memory on plain row objects fetched up front
(``CentreScope.get_many`` → :class:`~zz_hub.rowstate.RowState`, no ORM): each changed row gets a
provisional sequence number (:class:`~zz_hub.seq.ProvisionalSeq`) and nothing is written while ops
are applied. ``zz_hub.push`` then takes the counter, checks that what was read is still current,
calls :meth:`RowWriter.stamp` with the real range, writes the rows with a few multi-row
statements (``rowstate.write_rows``) and updates the projections.

Each outcome also says whether the op left the row *clean* for its device: the stored row is
exactly what that device holds (every field is older than the op's base, written by this op, or
last written by this same device). Only then may the device take the row's new server_seq as
what it has seen (the "true base" rule, docs/sync.md), and the row is marked
``clean_device`` so that the device's pulls leave it out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from zz_desktop.domain.scrub import Scrubber, identifiers
from zz_hub.ids import uuid7
from zz_hub.rowstate import RowState
from zz_hub.security import utcnow
from zz_hub.seq import ProvisionalSeq
from zz_hub.tenancy import Caller, CentreScope, row_fields
from zz_protocol.schemas import PERSONAL_FIELDS, SYNCED_ENTITIES, Op, OpResult
from zz_protocol.validation import op_problem

#: Row bookkeeping: last writer wins, never a conflict (they change with every edit).
BOOKKEEPING = frozenset({"created_at", "updated_at", "created_by", "updated_by", "centre_id"})
#: Never taken from an op: the id travels as entity_id, the seq and centre are the hub's.
NOT_ACCEPTED = frozenset({"id", "server_seq", "centre_id"})
#: Mark in ``field_meta`` of a field whose text an erase cleaned (see CentreScope.wal_scrub).
SCRUBBED = "scrubbed"
#: Roles allowed to erase a person (privacy-security.md, roles table).
ERASE_ROLES = frozenset({"manager"})


def iso(ts: Any = None) -> str:
    return (ts or utcnow()).isoformat(timespec="milliseconds")


@dataclass
class Outcome:
    status: str = "applied"
    server_seq: int | None = None
    conflict_ids: list[str] = field(default_factory=list)
    reason: str | None = None
    #: The stored row is exactly what the sending device holds (see module doc).
    clean: bool = False
    #: Per embedded audit entry: its (provisional, then real) server_seq if stored clean.
    audit_seqs: list[int | None] = field(default_factory=list)

    def stamp(self, first: int) -> None:
        real = ProvisionalSeq.real
        if self.server_seq is not None:
            self.server_seq = real(self.server_seq, first)
        self.audit_seqs = [None if s is None else real(s, first) for s in self.audit_seqs]

    def result(self, op_id: str) -> OpResult:
        return OpResult(
            op_id=op_id,
            status=self.status,  # type: ignore[arg-type]
            server_seq=self.server_seq,
            conflict_ids=self.conflict_ids,
            reason=self.reason,
            clean=self.clean,
            audit_seqs=self.audit_seqs,
        )


Key = tuple[str, str]


class RowWriter:
    """Applies ops of one caller within one transaction, in memory (see module doc).

    ``rows`` holds the existing rows the ops name (fetched beforehand in one query); rows made
    in the batch are added to it. ``written`` keeps every changed row once, in order, and
    ``created`` the keys of rows that did not exist before the batch. ``seen`` records the
    server_seq (or None: absent) of every stored row the plan relied on, for the re-check under
    the counter lock. ``taken`` holds the batch's keys that live in the other scope (one query,
    ``CentreScope.taken_elsewhere``).
    """

    def __init__(
        self,
        scope: CentreScope,
        caller: Caller,
        seq: ProvisionalSeq,
        rows: dict[Key, RowState],
        seen: dict[Key, int | None],
        taken: set[Key] | None = None,
    ) -> None:
        self.scope = scope
        self.caller = caller
        self.seq = seq
        self.rows: dict[Key, RowState | None] = dict(rows)
        self.seen = seen
        self.taken: set[Key] = taken if taken is not None else set()
        self.written: dict[Key, RowState] = {}
        self.created: set[Key] = set()
        self._strict = False
        #: Provisional numbers handed out before the current batch, and the keys the current
        #: batch wrote (see :meth:`begin`).
        self._before_batch = 0
        self._batch_wrote: set[Key] = set()

    def begin(self, caller: Caller) -> None:
        """Go on with the next batch of a group (``zz_hub.push.apply_batches``), from another
        caller. What the earlier batches wrote counts as written after any base this batch
        names — as it would had each batch committed on its own before the next was planned —
        while the batch's own earlier writes still count as its own (``_after_base``)."""
        self.caller = caller
        self._before_batch = self.seq.count
        self._batch_wrote = set()

    def stamp(self, first: int) -> None:
        """Replace the provisional numbers of every written row by real ones from ``first``."""
        real = ProvisionalSeq.real
        for row in self.written.values():
            row.server_seq = real(row.server_seq, first)
            if any(v < 0 for v in row.field_seq.values()):
                row.field_seq = {k: real(v, first) for k, v in row.field_seq.items()}

    # ------------------------------------------------------------ entry point

    def apply(self, op: Op) -> Outcome:
        """Apply ``op``; the outcome says whether it left the row clean for this device."""
        key = (op.entity, op.entity_id)
        existed = self.rows.get(key) is not None
        outcome = self._apply(op)
        row = self.rows.get(key)
        if outcome.status == "applied" and row is not None and op.kind != "erase":
            outcome.clean = self._is_clean(op, row, outcome, existed)
            if key in self._batch_wrote and row.server_seq == outcome.server_seq:
                row.clean_device = self.caller.device_id if outcome.clean else None
        return outcome

    def _is_clean(self, op: Op, row: RowState, outcome: Outcome, existed: bool) -> bool:
        """Whether the stored row is exactly what the device holds after ``op``: no field of it
        newer than the op's base from anyone else, and nothing of the op left out."""
        if row.server_seq != outcome.server_seq:
            return False  # written again later in the batch (e.g. scrubbed)
        if row.erased and any(n in op.fields for n in PERSONAL_FIELDS.get(op.entity, ())):
            return False  # the hub dropped personal values the device still has
        if op.kind == "delete":
            # A delete carries no fields: the device stamped its copy (updated_at/by) anew.
            return False
        if not existed and op.fields.get("centre_id") != self.scope.centre_id:
            return False  # stamped with the hub's centre: not the device's copy
        base = op.base_seq or 0
        device = self.caller.device_id
        for name, seq in row.field_seq.items():
            if not self._after_base(seq, base) or seq == row.server_seq:
                continue
            if self._strict or row.field_meta.get(name, {}).get("device") != device:
                return False
        return True

    def _apply(self, op: Op) -> Outcome:
        if op.entity not in SYNCED_ENTITIES:
            return Outcome(status="rejected", reason="unknown_entity")
        key = (op.entity, op.entity_id)
        # Types, ranges, lengths, enums, code lists, id shapes: nothing malformed is stored.
        # Then who may write the entity in this scope (programme-wide rows: tenancy.py).
        problem = op_problem(op) or self.scope.write_problem(
            self.caller, op, self.rows.get(key), self.taken
        )
        if problem is not None:
            return Outcome(status="rejected", reason=problem)
        self._strict = op.strict
        incoming = {k: v for k, v in op.fields.items() if k not in NOT_ACCEPTED}
        base = op.base_seq or 0
        row = self.rows.get(key)
        if op.kind == "erase":
            return self._erase(op, row, incoming)
        if row is not None and row.erased:
            # Erase always wins: a stale device can never bring the personal values back.
            for name in PERSONAL_FIELDS.get(op.entity, ()):
                incoming.pop(name, None)
        if op.kind == "delete":
            return self._delete(op, row, incoming, base)
        wants_deleted = incoming.pop("deleted", None)
        if row is None:
            return self._create(op, incoming, deleted=bool(wants_deleted))
        if row.deleted:
            return self._upsert_tombstone(op, row, incoming, base, wants_deleted)
        outcome = self._merge(op, row, incoming, base)
        if wants_deleted is True:
            deleted = self._delete(op, row, {}, base)
            deleted.conflict_ids[:0] = outcome.conflict_ids
            return deleted
        return outcome

    # ------------------------------------------------------------ kinds

    def _create(self, op: Op, incoming: dict[str, Any], *, deleted: bool) -> Outcome:
        row = self._create_row(op, incoming, deleted=deleted)
        return Outcome(server_seq=row.server_seq)

    def _create_row(self, op: Op, incoming: dict[str, Any], *, deleted: bool) -> RowState:
        seq = self.seq.next()
        values = {**incoming, "deleted": deleted}
        meta = self._meta()
        centre = self.scope.centre_id
        row = RowState(
            # Rows are always stamped with the scope's centre, whatever the caller sent.
            centre_id=centre,
            entity=op.entity,
            entity_id=op.entity_id,
            fields=row_fields(values, centre, deleted),
            field_seq=dict.fromkeys(values, seq),
            field_meta=dict.fromkeys(values, meta),
            deleted=deleted,
            erased=False,
            subject_id=self._subject(op.entity, values),
            server_seq=seq,
            changed_at=utcnow(),
            stored=False,
        )
        key = (row.entity, row.entity_id)
        self.rows[key] = row
        self.created.add(key)
        self._changed(row)
        return row

    def _merge(self, op: Op, row: RowState, incoming: dict[str, Any], base: int) -> Outcome:
        changes: dict[str, Any] = {}
        conflicts: list[str] = []
        for name, value in incoming.items():
            current = row.fields.get(name)
            if name in row.fields and current == value:
                continue
            changes[name] = value
            if name not in BOOKKEEPING and self._changed_by_other(row, name, base):
                conflicts.append(name)
        if not changes:
            return Outcome(server_seq=row.server_seq)
        seq = self.seq.next()
        conflict_ids = [
            self._conflict(row, name, current=changes[name], other=row.fields.get(name))
            for name in conflicts
        ]
        self._write(row, changes, seq)
        return Outcome(
            status="conflict" if conflict_ids else "applied",
            server_seq=seq,
            conflict_ids=conflict_ids,
        )

    def _upsert_tombstone(
        self, op: Op, row: RowState, incoming: dict[str, Any], base: int, wants_deleted: Any
    ) -> Outcome:
        concurrent_delete = self._changed_by_other(row, "deleted", base)
        if wants_deleted is False and not concurrent_delete:
            # A restore by someone who saw the delete.
            outcome = self._merge(op, row, {**incoming, "deleted": False}, base)
            return outcome
        edits = {k: v for k, v in incoming.items() if k not in BOOKKEEPING}
        if concurrent_delete and (edits or wants_deleted is False):
            # Delete wins; the edit is kept in a Conflict so that it can be restored.
            cid = self._conflict(row, "deleted", current=True, other=edits or {"deleted": False})
            return Outcome(status="conflict", server_seq=row.server_seq, conflict_ids=[cid])
        return self._merge(op, row, incoming, base)

    def _delete(self, op: Op, row: RowState | None, incoming: dict[str, Any], base: int) -> Outcome:
        bookkeeping = {k: v for k, v in incoming.items() if k in BOOKKEEPING}
        if row is None:
            return self._create(op, bookkeeping, deleted=True)
        if row.deleted:
            return Outcome(server_seq=row.server_seq)
        edited = {
            name: row.fields.get(name)
            for name in row.fields
            if name not in BOOKKEEPING and self._changed_by_other(row, name, base)
        }
        conflict_ids = []
        if edited:
            conflict_ids.append(self._conflict(row, "deleted", current=True, other=edited))
        seq = self.seq.next()
        self._write(row, {**bookkeeping, "deleted": True}, seq)
        return Outcome(
            status="conflict" if conflict_ids else "applied",
            server_seq=seq,
            conflict_ids=conflict_ids,
        )

    def _erase(self, op: Op, row: RowState | None, incoming: dict[str, Any]) -> Outcome:
        personal = PERSONAL_FIELDS.get(op.entity)
        if personal is None:
            return Outcome(status="rejected", reason="not_erasable")
        if self.caller.role not in ERASE_ROLES:
            return Outcome(status="rejected", reason="forbidden")
        blank: dict[str, Any] = {name: None for name in personal}
        # The person's identifiers as the hub holds them, read before they are blanked.
        known = row.fields if row is not None and op.entity == "person" else {}
        scrubber = Scrubber(identifiers(known))
        if op.entity == "person":
            blank["erased_at"] = incoming.get("erased_at") or iso()
        keep = {k: v for k, v in incoming.items() if k not in personal and k != "deleted"}
        if row is None:
            row = self._create_row(op, {**keep, **blank}, deleted=False)
            outcome = Outcome(server_seq=row.server_seq)
        else:
            seq = self.seq.next()
            changes = {**keep, **blank}
            self._write(row, changes, seq)
            outcome = Outcome(server_seq=seq)
        row.erased = True
        self._scrub_conflicts(op.entity, op.entity_id, set(personal))
        self._scrub_free_text(scrubber, (op.entity, op.entity_id))
        return outcome

    def _scrub_free_text(self, scrubber: Scrubber, erased: Key) -> None:
        """Replace the erased person's identifiers in every other row of the centre (free
        texts such as findings and follow-ups, conflict values). The hub does this itself so
        that no copy depends on a device that may never sync again; the cleaned rows get new
        sequence numbers and every device pulls them."""
        if not scrubber:
            return
        found = self._current(self.scope.rows_containing(_needles(scrubber.idents)))
        # Rows written earlier in this batch are not stored yet: look at them too.
        found.update({k: r for k, r in self.written.items() if k not in found})
        for key, row in found.items():
            if key == erased:
                continue
            changes = {
                name: scrubber.clean(value)
                for name, value in row.fields.items()
                if name not in BOOKKEEPING and name != "deleted" and scrubber.mentions(value)
            }
            if not changes:
                continue
            if key not in self.written:
                self.seen.setdefault(key, row.server_seq)
            self._write(row, changes, self.seq.next())
            row.field_meta = {
                **row.field_meta,
                **{name: {**row.field_meta[name], SCRUBBED: True} for name in changes},
            }

    # ------------------------------------------------------------ helpers

    def _changed_by_other(self, row: RowState, name: str, base: int) -> bool:
        """Changed after ``base`` by another device (a device never conflicts with itself)."""
        if not self._after_base(row.field_seq.get(name, 0), base):
            return False
        if self._strict:
            return True
        return row.field_meta.get(name, {}).get("device") != self.caller.device_id

    def _after_base(self, seq: int, base: int) -> bool:
        """Whether a field written at ``seq`` was written after ``base``. A provisional number
        of an earlier batch of the group stands for a number above every stored one; one of the
        current batch counts as the batch's own (not after its base), as always."""
        if ProvisionalSeq.is_provisional(seq):
            return -seq <= self._before_batch
        return seq > base

    def _meta(self) -> dict[str, Any]:
        return {"author": self.caller.user_id, "device": self.caller.device_id, "at": iso()}

    @staticmethod
    def _subject(entity: str, values: dict[str, Any]) -> str | None:
        subject = values.get("entity_id") if entity == "conflict" else None
        return subject if isinstance(subject, str) else None

    def _write(self, row: RowState, changes: dict[str, Any], seq: int) -> None:
        # JSON columns are replaced, not mutated in place, so SQLAlchemy sees the change.
        flagged = {n for n in changes if row.field_meta.get(n, {}).get(SCRUBBED)}
        if row.erased or flagged:
            self.scope.wal_scrub = True
        meta = self._meta()
        if "deleted" in changes:
            row.deleted = bool(changes["deleted"])
        row.fields = row_fields({**row.fields, **changes}, self.scope.centre_id, row.deleted)
        row.field_seq = {**row.field_seq, **{name: seq for name in changes}}
        row.field_meta = {
            **row.field_meta,
            **{n: ({**meta, SCRUBBED: True} if n in flagged else meta) for n in changes},
        }
        row.subject_id = self._subject(row.entity, row.fields)
        row.server_seq = seq
        row.changed_at = utcnow()
        row.clean_device = None  # set again by apply() when the op leaves it clean
        self._changed(row)

    def _current(self, stored: Iterable[RowState]) -> dict[Key, RowState]:
        """Rows read from the database, each replaced by this batch's copy where it has one
        (a batch's changes are in memory until they are written)."""
        found: dict[Key, RowState] = {}
        for row in stored:
            key = (row.entity, row.entity_id)
            mine = self.rows.get(key)
            if mine is None:
                self.rows[key] = mine = row
            found[key] = mine
        return found

    def _changed(self, row: RowState) -> None:
        self.written[(row.entity, row.entity_id)] = row
        self._batch_wrote.add((row.entity, row.entity_id))

    def _conflict(self, row: RowState, name: str, *, current: Any, other: Any) -> str:
        """Store a Conflict row: ``current`` is the value now in force, ``other`` the one replaced."""
        other_meta = row.field_meta.get(name, {})
        if row.erased:
            current, other = _blank_personal(row.entity, name, current, other)
        now = iso()
        conflict_id = uuid7()
        values = {
            "entity": row.entity,
            "entity_id": row.entity_id,
            "field": name,
            "value_current": current,
            "value_other": other,
            "author_current": self.caller.user_id,
            "author_other": other_meta.get("author"),
            "at_current": now,
            "at_other": other_meta.get("at"),
            "status": "open",
            "resolution": None,
            "resolved_by": None,
            "resolved_at": None,
            "created_at": now,
            "updated_at": now,
            "created_by": self.caller.user_id,
            "updated_by": self.caller.user_id,
        }
        fake = Op(op_id="", entity="conflict", entity_id=conflict_id, kind="upsert")
        self._create_row(fake, values, deleted=False)
        return conflict_id

    def _scrub_conflicts(self, entity: str, entity_id: str, personal: set[str]) -> None:
        # Stored conflicts about the row and those made earlier in this batch (not flushed yet).
        found = self._current(self.scope.conflicts_about(entity, entity_id))
        for key, conflict in found.items():
            if key not in self.written:
                self.seen.setdefault(key, conflict.server_seq)
        for key, row in self.written.items():
            if row.entity == "conflict" and row.subject_id == entity_id:
                found[key] = row
        for conflict in found.values():
            if conflict.subject_id != entity_id:
                continue
            values = conflict.fields
            if values.get("entity") != entity:
                continue
            current, other = _blank_personal(
                entity,
                str(values.get("field")),
                values.get("value_current"),
                values.get("value_other"),
            )
            if (current, other) != (values.get("value_current"), values.get("value_other")):
                self._write(
                    conflict, {"value_current": current, "value_other": other}, self.seq.next()
                )


def _needles(idents: list[str]) -> set[str]:
    """What the lower-cased JSON text of a row contains where a value holds an identifier.
    The text is JSON with non-ASCII letters escaped (``\\u00fc``), so each identifier is asked
    for in its escaped form too; SQLite's ``lower`` folds ASCII letters only, PostgreSQL's all
    of them, so both foldings are asked for."""
    out: set[str] = set()
    for ident in idents:
        for form in (ident.lower(), "".join(c.lower() if c.isascii() else c for c in ident)):
            out.add(form)
            out.add(json.dumps(form)[1:-1].lower())
    return out


def _blank_personal(entity: str, name: str, current: Any, other: Any) -> tuple[Any, Any]:
    """Conflict values with personal data of ``entity`` removed (values or dicts of values)."""
    personal = set(PERSONAL_FIELDS.get(entity, ()))

    def clean(value: Any) -> Any:
        if name in personal:
            return None
        if isinstance(value, dict):
            return {k: (None if k in personal else v) for k, v in value.items()}
        return value

    return clean(current), clean(other)
