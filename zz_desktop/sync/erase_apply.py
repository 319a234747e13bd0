"""Applying a GDPR erase pulled from the hub on this device (Core, inside the pull transaction).

The hub row arrives with the personal fields blanked (sync.apply overrides pending values), but
this device may still hold the person's identifiers in its own free texts: consultation
findings, follow-ups, conflict values, drafts and unsent outbox ops written while it was offline.
Before the person's row is overwritten, its identifiers are read here and replaced everywhere
locally; the search index is rewritten for the touched rows (the caller zeroes freed pages)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.types import JSON, String, Text

from zz_desktop.domain.scrub import IDENTIFYING_FIELDS, Scrubber, identifiers
from zz_desktop.store.base import utcnow
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import SYNCED_MODELS

CHUNK = 900


def pending_erasures(conn: Connection, ids: Sequence[str]) -> list[Scrubber]:
    """Scrubbers for the persons in ``ids`` that are not yet erased on this device."""
    out: list[Scrubber] = []
    cols = ", ".join(IDENTIFYING_FIELDS)
    for i in range(0, len(ids), CHUNK):
        rows = conn.execute(
            text(f"SELECT {cols} FROM person WHERE erased_at IS NULL AND id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": list(ids[i : i + CHUNK])},
        ).all()
        for row in rows:
            scrubber = Scrubber(identifiers(dict(zip(IDENTIFYING_FIELDS, row, strict=True))))
            if scrubber:
                out.append(scrubber)
    return out


def text_columns(model: Any) -> list[str]:
    """Columns that can hold free text or JSON values (ids and codes excluded by name); one rule
    for the erasing device (services.erasure) and for a pulled erase."""
    names = []
    for column in model.__table__.columns:
        key = column.key
        if key == "id" or key.endswith(("_id", "_ids", "_by")) or key.startswith("author_"):
            continue  # ids of records and users
        if key in ("entity", "field"):
            continue
        if isinstance(column.type, String | Text | JSON):
            names.append(column.key)
    return names


def scrub_locally(conn: Connection, scrubbers: Sequence[Scrubber]) -> dict[str, list[str]]:
    """Replace the identifiers in every synced row, draft and unsent outbox op of this device.
    Returns entity -> touched ids (the caller re-indexes searchable ones)."""
    touched: dict[str, list[str]] = {}
    if not scrubbers:
        return touched
    for entity, model in SYNCED_MODELS.items():
        columns = text_columns(model)
        if not columns:
            continue
        table = model.__table__  # type: ignore[attr-defined]
        json_cols = {c for c in columns if isinstance(table.c[c].type, JSON)}
        rows = conn.execute(
            text(f"SELECT id, server_seq, {', '.join(columns)} FROM {entity}")
        ).all()
        for row in rows:
            changes: dict[str, Any] = {}
            wire: dict[str, Any] = {}
            for name, raw in zip(columns, row[2:], strict=True):
                value = json.loads(raw) if name in json_cols and isinstance(raw, str) else raw
                new = value
                for scrubber in scrubbers:
                    new = scrubber.clean(new)
                if new != value:
                    changes[name] = (
                        json.dumps(new, ensure_ascii=False) if name in json_cols else new
                    )
                    wire[name] = new
            if changes:
                sets = ", ".join(f"{k} = :{k}" for k in changes)
                conn.execute(
                    text(f"UPDATE {entity} SET {sets} WHERE id = :_id"), {**changes, "_id": row[0]}
                )
                # The hub may hold the same text (pushed by this device before it learnt of the
                # erase, e.g. earlier in this very sync): send the cleaned value as a normal edit.
                _enqueue(conn, entity, row[0], row[1], wire)
                touched.setdefault(entity, []).append(row[0])
    _scrub_json_table(conn, "outbox", "seq", "fields", scrubbers, delete=False)
    _scrub_json_table(conn, "draft", "id", "payload", scrubbers, delete=True)
    return touched


def _enqueue(
    conn: Connection, entity: str, entity_id: str, base: int | None, fields: dict[str, Any]
) -> None:
    conn.execute(
        text(
            "INSERT INTO outbox (op_id, entity, entity_id, kind, base_seq, fields, created_at, "
            "attempts) VALUES (:op, :entity, :eid, 'upsert', :base, :fields, :at, 0)"
        ),
        {
            "op": new_id(),
            "entity": entity,
            "eid": entity_id,
            "base": base,
            "fields": json.dumps(fields, ensure_ascii=False),
            "at": utcnow().isoformat(sep=" "),
        },
    )


def _scrub_json_table(
    conn: Connection,
    table: str,
    key: str,
    column: str,
    scrubbers: Sequence[Scrubber],
    *,
    delete: bool,
) -> None:
    for ident, raw in conn.execute(text(f"SELECT {key}, {column} FROM {table}")).all():
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not any(s.mentions(value) for s in scrubbers):
            continue
        if delete:
            conn.execute(text(f"DELETE FROM {table} WHERE {key} = :k"), {"k": ident})
            continue
        for scrubber in scrubbers:
            value = scrubber.clean(value)
        conn.execute(
            text(f"UPDATE {table} SET {column} = :v WHERE {key} = :k"),
            {"v": json.dumps(value, ensure_ascii=False), "k": ident},
        )
