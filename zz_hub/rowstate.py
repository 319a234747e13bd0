"""Synced rows as plain objects while a push is planned, and their set-based write.

A push batch is planned in memory: the rows it names are read with one ``IN`` query into
:class:`RowState` objects (plain slotted dataclasses — no ORM identity map, no attribute
instrumentation, which took about a third of a batch's time as ``SyncRow`` instances), merged by
``zz_hub.rowstore.RowWriter`` and written by :func:`write_rows` with one multi-row ``INSERT``
for the new rows and one executemany ``UPDATE`` for the changed ones. The idempotency records go
the same way (:func:`write_applied_ops`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, Table, bindparam, insert, update
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
            field_meta=m["field_meta"],
            deleted=bool(m["deleted"]),
            erased=bool(m["erased"]),
            subject_id=m["subject_id"],
            server_seq=int(m["server_seq"]),
            changed_at=m["changed_at"],
            clean_device=m["clean_device"],
        )

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _VALUE_NAMES}


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
        conn.execute(insert(TABLE), new)
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
    """The batch's idempotency records in one multi-row INSERT."""
    if records:
        core(session).execute(insert(APPLIED), list(records))


def core(session: Session) -> Connection:
    """The session's connection, for plain Core executemany: through ``Session.execute`` a
    statement on a mapped table takes the ORM's bulk path (per-row key translation; about a
    tenth of a push batch for the rows and projections). Nothing of the ORM is pending on the push path; flushed first all the same, so the
    order of writes stays what ``Session.execute`` (autoflush) would give."""
    session.flush()
    return session.connection()
