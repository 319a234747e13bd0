"""Meeting a hub that went back in time (restored from a backup): re-send what it lost.

The hub names its history in every response (``X-Hub-Epoch: <id>;<base>``, zz_hub/epoch.py):
``base`` is the highest sequence number the restored data knows. Everything this device saw or
was told beyond ``base`` may be gone from the hub, so — in one transaction — the device

- re-sends the full values of every row it holds with a ``server_seq`` above ``base``, and of
  every row whose acknowledged push it has not pulled back yet (table ``sync_acked``) (the hub
  gets back what was pushed after its backup; nothing is marked deleted because the hub lacks it),
- lowers those rows' ``server_seq`` and every pending op's ``base_seq`` to ``base`` (what the
  device can still claim to have seen; a change after the restore then counts as concurrent),
- moves its cursor back to ``base`` and forgets the check cache.

A hub restored without a new epoch is recognised by a counter behind our cursor and handled the
same way with ``base`` = the hub's counter.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import Connection, select, text

from zz_desktop.store.base import Synced, to_wire, utcnow
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import SYNCED_MODELS
from zz_desktop.sync import state

log = logging.getLogger("zz_desktop.sync")


def parse(header: str | None) -> tuple[str, int] | None:
    if not header or ";" not in header:
        return None
    ident, _, base = header.partition(";")
    try:
        return ident, int(base)
    except ValueError:
        return None


def resend_row(conn: Connection, model: type[Synced], rid: str, base_seq: int | None) -> bool:
    """Queue the full stored values of one row as an upsert (the hub may have lost the row)."""
    entity = model.__entity__
    table = model.__table__  # type: ignore[attr-defined]
    # Through the table's column types: JSON parsed, booleans as booleans (not raw SQLite).
    row = conn.execute(select(table).where(table.c.id == rid)).mappings().first()
    if row is None:
        return False
    obj = model(**dict(row))
    conn.execute(
        text(
            "INSERT INTO outbox (op_id, entity, entity_id, kind, base_seq, fields, "
            "created_at, attempts, strict) VALUES (:op, :e, :i, 'upsert', :b, :f, :at, 0, 0)"
        ),
        {
            "op": new_id(),
            "e": entity,
            "i": rid,
            "b": base_seq,
            "f": json.dumps(to_wire(obj), ensure_ascii=False),
            "at": utcnow().isoformat(sep=" "),
        },
    )
    return True


def rebase(conn: Connection, base: int, epoch_header: str | None) -> int:
    """Align this device with a hub whose history ends at ``base``; returns rows re-sent."""
    resent = 0
    for entity, model in SYNCED_MODELS.items():
        # Rows seen beyond base, and rows whose acknowledged push was never pulled back.
        ids = [
            r[0]
            for r in conn.execute(
                text(
                    f"SELECT id FROM {entity} WHERE server_seq > :b OR id IN (SELECT entity_id "
                    "FROM sync_acked WHERE entity = :e AND seq > :b)"
                ),
                {"b": base, "e": entity},
            )
        ]
        for rid in ids:
            resent += resend_row(conn, model, rid, base)
        if ids:
            conn.execute(
                text(f"UPDATE {entity} SET server_seq = :b WHERE server_seq > :b"), {"b": base}
            )
    conn.execute(text("UPDATE outbox SET base_seq = :b WHERE base_seq > :b"), {"b": base})
    conn.execute(text("DELETE FROM sync_acked"))
    cursor = int(state.get_in(conn, state.CURSOR) or 0)
    state.set_in(conn, state.CURSOR, min(cursor, base))
    state.set_in(conn, state.CHECK_CACHE, None)
    state.set_in(conn, state.RESYNC, None)
    if epoch_header:
        state.set_in(conn, state.EPOCH, epoch_header)
    log.warning("the hub went back to seq %d: %d rows re-sent", base, resent)
    return resent
