"""Bulk creation of many new synced rows in one transaction (demo data, imports, snapshots):
the same outbox, audit and search-index rows as single writes, but written with executemany."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from zz_desktop.store.base import Synced, fill_defaults, to_wire, utcnow
from zz_desktop.store.capture import Actor, audit_entry, embedded_audit, stamp_new
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import AuditEntry
from zz_desktop.store.search import INSERT_SQL, index_entry

AUDIT_ENTITY = AuditEntry.__entity__


def insert_new(
    session: Session,
    objects: Iterable[Synced],
    actor: Actor,
    audit: bool = True,
    outbox: bool = True,
) -> int:
    """Insert new rows (parents before children in ``objects``) with their outbox ops, audit
    entries and search-index entries. Must run inside a write transaction of the store."""
    now = utcnow()
    by_model: dict[type[Synced], list[dict[str, Any]]] = defaultdict(list)
    # Outbox ops by row; a row's audit entries ride inside its op (Op.audit) — also entries
    # passed in ``objects`` after the row they are about (demo data makes its own).
    ops: dict[tuple[str, str], dict[str, Any]] = {}
    entries: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    searches: list[dict[str, Any]] = []
    audits: list[AuditEntry] = []
    order: list[type[Synced]] = []
    count = 0
    for obj in objects:
        stamp_new(obj, actor, now)
        fill_defaults(obj)
        model = type(obj)
        if model not in by_model:
            order.append(model)
        row = to_wire(obj)
        by_model[model].append(
            {c.key: getattr(obj, c.key) for c in model.__table__.columns}  # type: ignore[attr-defined]
        )
        is_audit = obj.__entity__ == AUDIT_ENTITY  # demo data passes plain look-alike rows
        about = (str(row.get("entity")), str(row.get("entity_id")))
        if outbox and is_audit and about in ops:
            entries[about].append(embedded_audit(obj))
        elif outbox:
            ops[(obj.__entity__, obj.id)] = _op(obj.__entity__, obj.id, row, now)
        if audit and not is_audit:
            entry = audit_entry(obj, actor, "create", now, at=obj.created_at)
            audits.append(entry)
            if outbox:
                entries[(obj.__entity__, obj.id)].append(embedded_audit(entry))
        if (s := index_entry(obj)) is not None:
            searches.append(s)
        count += 1
    for key, found in entries.items():
        ops[key]["audit"] = json.dumps(found, ensure_ascii=False)
    conn = session.connection()
    for model in order:
        conn.execute(insert(model.__table__), by_model[model])  # type: ignore[attr-defined]
    if audits:
        conn.execute(
            insert(AuditEntry.__table__),  # type: ignore[arg-type]
            [{c.key: getattr(a, c.key) for c in AuditEntry.__table__.columns} for a in audits],
        )
    if ops:
        conn.execute(
            text(
                "INSERT INTO outbox (op_id, entity, entity_id, kind, base_seq, fields, "
                "created_at, attempts, audit) "
                "VALUES (:op, :entity, :eid, 'upsert', NULL, :fields, :at, 0, :audit)"
            ),
            list(ops.values()),
        )
    if searches:
        start = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM search_doc")).scalar() or 0
        for i, row in enumerate(searches, start=start + 1):
            row["rowid"] = i
        conn.execute(
            text("INSERT INTO search_doc (rowid, entity_id) VALUES (:rowid, :id)"), searches
        )
        conn.execute(text(INSERT_SQL), searches)
    return count


def _op(entity: str, entity_id: str, fields: dict[str, Any], now: Any) -> dict[str, Any]:
    return {
        "op": new_id(),
        "entity": entity,
        "eid": entity_id,
        "fields": json.dumps(fields, ensure_ascii=False),
        "at": now.isoformat(sep=" "),
        "audit": None,
    }
