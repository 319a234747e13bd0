"""The one place where synced rows are read or written: every query is bound to one centre.

Routes never build ``sync_row`` or ``agg_*`` queries themselves; they get a :class:`CentreScope`
from ``api.deps`` (made from the caller's device token) and go through it. A foreign id is simply
not found, so it answers like an unknown id.

**Programme-wide rows** (partner offers of the whole programme, later the Wissenspool) are stored
under the reserved centre id :data:`PROGRAMME` (a ``centre`` row of kind ``programme``, made by
migration 0004_i14, which no account belongs to). A centre's scope *reads* its own rows plus the
programme rows of :data:`PROGRAMME_ENTITIES` and *writes* only its own; the programme scope
(coordinators, ``/programme/*`` routes) reads and writes only programme rows. Who may write which
entity is :meth:`CentreScope.write_problem` (docs/sync.md, "Programme-wide rows").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Row,
    String,
    Text,
    any_,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from zz_hub.models import AppliedOp, SyncRow
from zz_hub.pull_statement import page_statement, programme_rows
from zz_hub.rowstate import COLUMNS as ROW_COLUMNS
from zz_hub.rowstate import RowState
from zz_protocol.schemas import PROGRAMME_CENTRE_ID, Op

#: Centre id of programme-wide rows (a reserved ``centre`` row; never the centre of an account).
PROGRAMME = PROGRAMME_CENTRE_ID
#: Entities that may exist programme-wide; only these cross from the programme to the centres.
PROGRAMME_ENTITIES: frozenset[str] = frozenset({"partner_offer", "knowledge_item"})
#: Roles that write programme rows.
PROGRAMME_WRITERS = frozenset({"coordinator"})
#: Entities whose centre rows only some roles write (default: every record role).
CENTRE_WRITERS: dict[str, frozenset[str]] = {"partner_offer": frozenset({"manager"})}
#: Review states of a Wissenspool item that only these roles set — or change an item in.
REVIEWED_STATES = frozenset({"published", "withdrawn"})
REVIEWERS = frozenset({"manager"})


@dataclass(frozen=True)
class Caller:
    user_id: str
    username: str
    device_id: str
    role: str
    centre_id: str | None


def row_fields(values: dict[str, Any], centre_id: str, deleted: bool) -> dict[str, Any]:
    """A row's stored fields: its values, then ``centre_id`` and ``deleted`` as the last two
    entries (equal to the row's columns). Stored so, the JSON text ends in a known way and a pull
    can pass it on without parsing it (see :func:`fields_tail`)."""
    kept = {k: v for k, v in values.items() if k not in ("centre_id", "deleted")}
    return {**kept, "centre_id": centre_id, "deleted": deleted}


def fields_tail(centre_id: str, deleted: bool) -> str:
    """How the stored fields JSON (``json.dumps`` defaults) of a current row of that centre and
    deleted flag ends: its centre and deleted flag as the last top-level entries. A text ending
    so is current — exact: a nested object would end in ``}}``, and quotes inside strings are
    escaped. The same for every row of a page but the deleted flag: a pull builds it once."""
    return f'"centre_id": {json.dumps(centre_id)}, "deleted": {"true" if deleted else "false"}}}'


class CentreScope:
    """Row access of one centre."""

    def __init__(self, session: Session, centre_id: str) -> None:
        self.session = session
        self.centre_id = centre_id
        #: Set by a write that may leave erased values in SQLite's write-ahead log: an erase,
        #: or a change of a field an erase cleaned (a stale edit may bring the text back until
        #: the device that sent it cleans it). The push route then truncates the log.
        self.wal_scrub = False

    @property
    def is_programme(self) -> bool:
        return self.centre_id == PROGRAMME

    def _readable(self) -> ColumnElement[bool]:
        """Rows this scope reads: its own, and for a centre also the programme-wide ones."""
        own = SyncRow.centre_id == self.centre_id
        if self.is_programme:
            return own
        return or_(own, self._programme_rows())

    def readable_centre_ids(self) -> tuple[str, ...]:
        """Whose files this scope reads: its own, and for a centre also the programme's."""
        return (self.centre_id,) if self.is_programme else (self.centre_id, PROGRAMME)

    @staticmethod
    def _programme_rows() -> ColumnElement[bool]:
        return programme_rows()

    def write_problem(
        self,
        caller: Caller,
        op: Op,
        stored: RowState | None = None,
        taken: set[tuple[str, str]] | None = None,
    ) -> str | None:
        """Why ``caller`` may not apply ``op`` in this scope (its reject reason), or None.

        The programme scope takes only programme entities, from :data:`PROGRAMME_WRITERS`; a
        centre takes them only from :data:`CENTRE_WRITERS`. In a centre, a Wissenspool item is
        published or withdrawn — and a published or withdrawn one changed — only by
        :data:`REVIEWERS` (advisors propose). An id may live in one scope only, so that a centre
        row can never shadow a programme row on the devices (or the reverse).

        A push plans a whole batch: ``stored`` is the row as the batch sees it and ``taken``
        the batch's keys that live in the other scope (:meth:`taken_elsewhere`, one query per
        batch). Without them (a single op) both are looked up here."""
        entity, entity_id = op.entity, op.entity_id
        if self.is_programme:
            if entity not in PROGRAMME_ENTITIES:
                return "not_programme_wide"
            if caller.role not in PROGRAMME_WRITERS:
                return "forbidden_role"
        elif entity in CENTRE_WRITERS and caller.role not in CENTRE_WRITERS[entity]:
            return "forbidden_role"
        elif entity == "knowledge_item" and caller.role not in REVIEWERS:
            if op.fields.get("review_state") in REVIEWED_STATES:
                return "review_needs_manager"
            if taken is None:
                stored = self.get_many([(entity, entity_id)]).get((entity, entity_id))
            if stored is not None and stored.fields.get("review_state") in REVIEWED_STATES:
                return "review_needs_manager"
        if entity in PROGRAMME_ENTITIES:
            if taken is None:
                taken = self.taken_elsewhere([(entity, entity_id)])
            if (entity, entity_id) in taken:
                return "id_taken"
        return None

    def taken_elsewhere(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Those of ``keys`` (programme entities only) that live in the other scope: a centre's
        ids among the programme rows, the programme's among any centre's (one query)."""
        keys = {key for key in keys if key[0] in PROGRAMME_ENTITIES}
        if not keys:
            return set()
        elsewhere = (
            SyncRow.centre_id != PROGRAMME if self.is_programme else SyncRow.centre_id == PROGRAMME
        )
        found = self.session.execute(
            select(SyncRow.entity, SyncRow.entity_id)
            .where(elsewhere, self._keys_clause(keys))
            .distinct()
        ).all()
        return {(entity, entity_id) for entity, entity_id in found}

    def _keys_clause(self, keys: Iterable[tuple[str, str]]) -> ColumnElement[bool]:
        """``(entity = e AND entity_id IN (…)) OR …`` — for small sets; a batch's look-ups go
        through :meth:`_by_key` (SQLite does not use the primary key for an OR of such terms:
        it scanned every row of the centre, so a push got slower as the centre grew)."""
        by_entity = _by_entity(keys)
        if not by_entity:
            return false()
        return or_(
            *(
                (SyncRow.entity == entity) & self._among(SyncRow.entity_id, ids)
                for entity, ids in sorted(by_entity.items())
            )
        )

    def _by_key(self, columns: Sequence[Any], keys: Iterable[tuple[str, str]], *where: Any) -> Any:
        """One ``SELECT columns`` per entity of ``keys`` (``entity = e AND entity_id IN …``, a
        primary-key search each), joined with UNION ALL; None without keys."""
        parts = [
            select(*columns).where(
                SyncRow.centre_id == self.centre_id,
                SyncRow.entity == entity,
                self._among(SyncRow.entity_id, ids),
                *where,
            )
            for entity, ids in sorted(_by_entity(keys).items())
        ]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else union_all(*parts)

    def _among(self, column: Any, values: Iterable[str]) -> ColumnElement[bool]:
        """``column IN (values)``; on PostgreSQL ``column = ANY(:array)``: one parameter instead
        of hundreds, so the statement text stays short (psycopg parses every text it has not
        cached, and a batch's long IN lists were not)."""
        ordered = sorted(set(values))
        if self.session.get_bind().dialect.name == "postgresql":
            return column == any_(cast(literal(ordered, ARRAY(String)), ARRAY(String)))
        return column.in_(ordered)

    def get_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RowState]:
        """The rows of ``keys`` (entity, entity_id) that exist, in one query (plain objects)."""
        query = self._by_key(ROW_COLUMNS, keys)
        if query is None:
            return {}
        return {(r.entity, r.entity_id): RowState.of(r) for r in self.session.execute(query)}

    def _states(self, *where: ColumnElement[bool]) -> dict[tuple[str, str], RowState]:
        found = self.session.execute(select(*ROW_COLUMNS).where(*where)).all()
        return {(r.entity, r.entity_id): RowState.of(r) for r in found}

    def seqs_of(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """Current server_seq of the rows of ``keys`` that exist (no row data), in one query."""
        query = self._by_key((SyncRow.entity, SyncRow.entity_id, SyncRow.server_seq), keys)
        if query is None:
            return {}
        return {(entity, eid): int(seq) for entity, eid, seq in self.session.execute(query)}

    def seqs_and_op_ids(
        self, keys: Iterable[tuple[str, str]], op_ids: Iterable[str]
    ) -> tuple[dict[tuple[str, str], int], set[str]]:
        """:meth:`seqs_of` and :meth:`applied_op_ids` in one round trip."""
        ids = sorted(set(op_ids))
        columns = (
            literal("row").label("kind"),
            SyncRow.entity.label("entity"),
            SyncRow.entity_id.label("name"),
            SyncRow.server_seq.label("seq"),
        )
        parts = [
            select(*columns).where(
                SyncRow.centre_id == self.centre_id,
                SyncRow.entity == entity,
                self._among(SyncRow.entity_id, entity_ids),
            )
            for entity, entity_ids in sorted(_by_entity(keys).items())
        ]
        ops = select(
            literal("op").label("kind"),
            literal("").label("entity"),
            AppliedOp.op_id.label("name"),
            literal(0).label("seq"),
        ).where(
            AppliedOp.centre_id == self.centre_id,
            self._among(AppliedOp.op_id, ids) if ids else false(),
        )
        seqs: dict[tuple[str, str], int] = {}
        found: set[str] = set()
        for kind, entity, name, seq in self.session.execute(union_all(*parts, ops)).all():
            if kind == "row":
                seqs[(entity, name)] = int(seq)
            else:
                found.add(name)
        return seqs, found

    def applied_op(self, op_id: str) -> AppliedOp | None:
        return self.session.get(AppliedOp, (self.centre_id, op_id))

    def applied_ops(self, op_ids: Iterable[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """{op id: (payload hash, stored result)} of those of ``op_ids`` applied before."""
        ids = sorted(set(op_ids))
        if not ids:
            return {}
        found = self.session.execute(
            select(AppliedOp.op_id, AppliedOp.payload_hash, AppliedOp.result).where(
                AppliedOp.centre_id == self.centre_id, self._among(AppliedOp.op_id, ids)
            )
        ).all()
        return {op_id: (digest, result) for op_id, digest, result in found}

    def applied_op_ids(self, op_ids: Iterable[str]) -> set[str]:
        ids = sorted(set(op_ids))
        if not ids:
            return set()
        return set(
            self.session.scalars(
                select(AppliedOp.op_id).where(
                    AppliedOp.centre_id == self.centre_id, self._among(AppliedOp.op_id, ids)
                )
            ).all()
        )

    def changes_after(
        self, after: int, limit: int, skip_device: str | None = None
    ) -> tuple[Sequence[Sequence[Any]], int | None]:
        """What a pull sends (no per-field bookkeeping: field_seq/field_meta stay on the hub),
        and the highest number the scope holds after ``after`` (None: no row after it).

        Rows are ``(server_seq, entity, entity_id, deleted, centre_id, fields_json)`` by
        position (no type processing: ``deleted`` is 0/1 on SQLite), in order; ``fields_json`` is the stored JSON text (see
        :func:`row_fields`). A centre's pull merges two index range scans (its own rows, the
        programme rows), each limited, so that neither reads past the page.

        ``skip_device`` leaves out the rows that device left clean with its own push (it holds
        them as they are). The highest number is then read in the same statement — one
        snapshot — so the cursor may move past left-out rows, but never past a row this read
        did not see."""
        statement = page_statement(self.is_programme, skip_device is not None)
        values: dict[str, Any] = {"centre": self.centre_id, "after": after, "limit": limit}
        if skip_device is None:
            rows = statement.rows(self.session, **values)
            return rows, (int(rows[-1][0]) if rows else None)
        found = statement.rows(self.session, **values, skip=skip_device)
        # Marker rows (entity '') carry each part's highest number; the rest is the page.
        tops = [int(r[0]) for r in found if r[1] == "" and r[0] is not None]
        rows = sorted((r for r in found if r[1] != ""), key=lambda r: int(r[0]))
        return rows, (max(tops) if tops else None)

    def conflicts_about(self, entity: str, entity_id: str) -> Sequence[RowState]:
        return list(
            self._states(
                SyncRow.centre_id == self.centre_id,
                SyncRow.entity == "conflict",
                SyncRow.subject_id == entity_id,
            ).values()
        )

    def rows_containing(self, needles: Iterable[str]) -> Sequence[RowState]:
        """Rows whose stored fields text contains any of ``needles`` (lower-case; the text is
        lower-cased too). A coarse pre-selection for the erase scrub; the exact match is made
        on the values in Python."""
        lowered = func.lower(cast(SyncRow.fields, Text))
        terms = [lowered.contains(n, autoescape=True) for n in needles if n]
        if not terms:
            return []
        return list(self._states(SyncRow.centre_id == self.centre_id, or_(*terms)).values())

    def id_seq_lines(self) -> Sequence[Row[str, str, int]]:
        return self.session.execute(
            select(SyncRow.entity, SyncRow.entity_id, SyncRow.server_seq)
            .where(self._readable())
            .order_by(SyncRow.entity, SyncRow.entity_id)
        ).all()

    def max_seq(self) -> int:
        value = self.session.scalar(select(func.max(SyncRow.server_seq)).where(self._readable()))
        return int(value or 0)


def _by_entity(keys: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    by_entity: dict[str, set[str]] = defaultdict(set)
    for entity, entity_id in keys:
        by_entity[entity].add(entity_id)
    return by_entity
