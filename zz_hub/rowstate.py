"""Synced rows as plain objects while a push is planned, and their set-based write.

A push batch is planned in memory: the rows it names are read with one ``IN`` query into
:class:`RowState` objects (plain slotted dataclasses — no ORM identity map, no attribute
instrumentation, which took about a third of a batch's time as ``SyncRow`` instances), merged by
``zz_hub.rowstore.RowWriter`` and written by :func:`write_rows` with one :func:`insert_many`
(``COPY`` on PostgreSQL) for the new rows and one executemany ``UPDATE`` for the changed ones.
The idempotency records go the same way (:func:`write_applied_ops`). ``field_meta`` is stored
compact (:func:`compact_meta`) and expanded on read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Row, Table, bindparam, insert, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from zz_hub.models import AppliedOp, SyncRow

TABLE: Table = SyncRow.__table__  # type: ignore[assignment]
APPLIED: Table = AppliedOp.__table__  # type: ignore[assignment]
#: The columns a plan reads (all of ``sync_row``).
COLUMNS = tuple(TABLE.c)
_VALUE_NAMES = (
    "fields",
    "field_seq",
    "field_meta",
    "deleted",
    "erased",
    "subject_id",
    "server_seq",
    "changed_at",
    "clean_device",
)


@dataclass(slots=True, eq=False)
class RowState:
    """One ``sync_row`` as the planner sees it (attribute names as on :class:`SyncRow`)."""

    centre_id: str
    entity: str
    entity_id: str
    fields: dict[str, Any]
    field_seq: dict[str, int]
    field_meta: dict[str, dict[str, Any]]
    deleted: bool
    erased: bool
    subject_id: str | None
    server_seq: int
    changed_at: dt.datetime
    clean_device: str | None = None
    #: Stored before the batch (False: made by this batch, written with INSERT).
    stored: bool = field(default=True)

    @classmethod
    def of(cls, row: Row[Any]) -> RowState:
        m = row._mapping
        return cls(
            centre_id=m["centre_id"],
            entity=m["entity"],
            entity_id=m["entity_id"],
            fields=m["fields"],
            field_seq=m["field_seq"],
            field_meta=expand_meta(m["field_meta"], m["field_seq"]),
            deleted=bool(m["deleted"]),
            erased=bool(m["erased"]),
            subject_id=m["subject_id"],
            server_seq=int(m["server_seq"]),
            changed_at=m["changed_at"],
            clean_device=m["clean_device"],
        )

    def values(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in _VALUE_NAMES}
        values["field_meta"] = compact_meta(self.field_meta, self.field_seq)
        return values


#: Key of the row's common field writer in stored ``field_meta`` (no field is named "").
COMMON_META = ""


def compact_meta(meta: dict[str, Any], field_seq: dict[str, int]) -> dict[str, Any]:
    """``field_meta`` as stored: the entry most fields share (a row's creator and time) once
    under :data:`COMMON_META`, and only the fields that differ by name. Every field carried the
    same writer entry before (about 70 % of the JSON a push wrote). Kept as it is when its
    fields are not exactly those of ``field_seq`` (the expansion could not restore it)."""
    if len(meta) < 2 or meta.keys() != field_seq.keys():
        return meta
    first = next(iter(meta.values()))
    if all(entry is first for entry in meta.values()):
        # A created row: one writer entry object for every field (``RowWriter``); the same
        # result as below without a sorted tuple per field (a tenth of an initial push).
        try:
            common = tuple(sorted(first.items()))
            hash(common)
        except (AttributeError, TypeError):
            return meta
        return {COMMON_META: dict(common)}
    counts: dict[tuple[Any, ...], int] = {}
    try:
        keys = {name: tuple(sorted(entry.items())) for name, entry in meta.items()}
        for key in keys.values():
            counts[key] = counts.get(key, 0) + 1
    except (AttributeError, TypeError):  # not a dict of flat entries: store as it is
        return meta
    common = max(counts, key=counts.__getitem__)
    if counts[common] < 2:
        return meta
    shared = dict(common)
    return {COMMON_META: shared, **{n: meta[n] for n, key in keys.items() if key != common}}


def expand_meta(stored: dict[str, Any], field_seq: dict[str, int]) -> dict[str, Any]:
    """The per-field ``field_meta`` of a stored one (see :func:`compact_meta`); rows stored
    before it come back unchanged."""
    common = stored.get(COMMON_META)
    if common is None:
        return stored
    return {name: stored.get(name, common) for name in field_seq}


def write_rows(session: Session, rows: Iterable[RowState]) -> None:
    """Write the changed rows of a batch: one multi-row INSERT, one executemany UPDATE."""
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for row in rows:
        values = row.values()
        if row.stored:
            values.update(k_centre=row.centre_id, k_entity=row.entity, k_id=row.entity_id)
            changed.append(values)
        else:
            values.update(centre_id=row.centre_id, entity=row.entity, entity_id=row.entity_id)
            new.append(values)
    conn = core(session)
    if new:
        insert_many(session, TABLE, new)
    if changed:
        conn.execute(
            update(TABLE).where(
                TABLE.c.centre_id == bindparam("k_centre"),
                TABLE.c.entity == bindparam("k_entity"),
                TABLE.c.entity_id == bindparam("k_id"),
            ),  # SET: the other keys of the parameter dicts
            changed,
        )


def write_applied_ops(session: Session, records: Sequence[dict[str, Any]]) -> None:
    """The batch's idempotency records as one set (:func:`insert_many`)."""
    insert_many(session, APPLIED, list(records))


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts of column values) into ``table`` as one set.

    On PostgreSQL through ``COPY … FROM STDIN`` on the session's own connection (inside its
    transaction): psycopg's pipelined executemany cost about 200 µs a row in a push batch (each
    row bound and sent as a statement of its own), COPY a few µs. Values are prepared as Core
    would bind them: JSON serialised with ``json.dumps`` (the ORM's JSON type; the stored text
    is the same either way), booleans as booleans, absent columns with a constant default get
    it. Rows this cannot carry unchanged (a callable default, a type with a processor of its
    own, rows with different keys) and other databases take Core's executemany."""
    if not rows:
        return
    conn = core(session)
    plan = _copy_plan(conn, table, rows)
    if plan is None:
        conn.execute(insert(table), list(rows))
        return
    quote = conn.dialect.identifier_preparer.quote
    names = [name for name, _enc, _const in plan]
    sql = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    raw = conn.connection.driver_connection
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        with raw.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(
                    [
                        const if name not in row else enc(row[name]) if enc else row[name]
                        for name, enc, const in plan
                    ]
                )
    except dbapi_error as exc:
        # As SQLAlchemy raises it for its own statements, so that a lock timeout or deadlock
        # is still answered 503 (db.is_overload) and a unique violation an IntegrityError.
        raise DBAPIError.instance(sql, None, exc, dbapi_error) from exc


_MISSING = object()


def _copy_plan(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> list[tuple[str, Any, Any]] | None:
    """Per column of the COPY: (name, encoder or None, constant for rows without it), or None
    when the rows must go through Core instead."""
    if conn.dialect.name != "postgresql" or conn.dialect._json_serializer is not None:  # type: ignore[attr-defined]
        return None
    keys = set(rows[0])
    if any(row.keys() != keys for row in rows) or not keys <= set(table.c.keys()):
        return None
    plan: list[tuple[str, Any, Any]] = []
    for column in table.c:
        const: Any = _MISSING
        if column.name not in keys:
            default = column.default
            if default is None:
                continue  # NULL or the server's default, as with Core
            if not getattr(default, "is_scalar", False):
                return None  # a callable default: Core computes it per row
            const = default.arg  # type: ignore[attr-defined]
        if isinstance(column.type, JSON):
            enc: Any = _json_text
        elif isinstance(column.type, Boolean):
            enc = _bool
        elif column.type.bind_processor(conn.dialect) is not None:
            return None
        else:
            enc = None
        if const is not _MISSING:
            const = enc(const) if enc else const
        plan.append((column.name, enc, const))
    return plan


def _json_text(value: Any) -> str:
    # The ORM's JSON type stores Python None as JSON null (none_as_null is off), as here.
    return json.dumps(value)


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def core(session: Session) -> Connection:
    """The session's connection, for plain Core executemany: through ``Session.execute`` a
    statement on a mapped table takes the ORM's bulk path (per-row key translation; about a
    tenth of a push batch for the rows and projections). Nothing of the ORM is pending on the push path; flushed first all the same, so the
    order of writes stays what ``Session.execute`` (autoflush) would give."""
    session.flush()
    return session.connection()
