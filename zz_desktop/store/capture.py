"""Change capture: every flush of synced rows writes, in the same transaction, the sync outbox,
the audit trail and the full-text index. A change's audit entry travels inside the change's
outbox op (``outbox.audit`` → ``Op.audit``), not as an op of its own. Writes made by applying pulled changes skip the outbox
and the audit (``session.info["remote"]``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session

from zz_desktop.domain import roles
from zz_desktop.errors import NotAllowed
from zz_desktop.store import search
from zz_desktop.store.base import Synced, to_wire, utcnow, wired_columns
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import AuditEntry, Conflict


@dataclass(frozen=True)
class Actor:
    """Who writes: stamped into created_by/updated_by and the audit trail."""

    user_id: str | None
    centre_id: str | None


#: Entities whose changes are not themselves audited (the trail would audit itself).
_UNAUDITED = (AuditEntry, Conflict)
#: Bookkeeping fields that do not count as a user's change in the audit detail.
_STAMP_FIELDS = {"updated_at", "updated_by"}


def _changed_fields(obj: Synced) -> list[str]:
    state = inspect(obj)
    changed = []
    for key in wired_columns(type(obj)):
        hist = state.attrs[key].history
        if hist.has_changes():
            changed.append(key)
    return changed


def _enqueue(
    session: Session,
    obj: Synced,
    kind: str,
    fields: dict[str, Any],
    audit: dict[str, Any] | None = None,
) -> None:
    """Append (or collapse into) the outbox op of ``obj``. ``audit``: the wire fields of the
    change's audit entry, which travels inside the op (``Op.audit``), not as an op of its own."""
    conn = session.connection()
    entity = obj.__entity__
    entries = [audit] if audit is not None else []
    if kind == "upsert":
        # Collapse into a pending op of the same row that was never sent. The grown op gets a
        # new id: its old id with the old payload may live on in a backup of this profile, and
        # the hub must never see one op id with two payloads.
        row = conn.execute(
            text(
                "SELECT seq, fields, audit FROM outbox WHERE entity_id = :eid AND kind = 'upsert' "
                "AND attempts = 0 ORDER BY seq DESC LIMIT 1"
            ),
            {"eid": obj.id},
        ).first()
        last = conn.execute(
            text("SELECT max(seq) FROM outbox WHERE entity_id = :eid"), {"eid": obj.id}
        ).scalar()
        if row is not None and row.seq == last:
            merged = json.loads(row.fields)
            merged.update(fields)
            kept = json.loads(row.audit) if row.audit else []
            conn.execute(
                text("UPDATE outbox SET fields = :f, audit = :a, op_id = :op WHERE seq = :s"),
                {
                    "f": json.dumps(merged, ensure_ascii=False),
                    "a": _audit_json([*kept, *entries]),
                    "op": new_id(),
                    "s": row.seq,
                },
            )
            return
    conn.execute(
        text(
            "INSERT INTO outbox (op_id, entity, entity_id, kind, base_seq, fields, created_at, "
            "attempts, audit) VALUES (:op, :entity, :eid, :kind, :base, :fields, :at, 0, :audit)"
        ),
        {
            "op": new_id(),
            "entity": entity,
            "eid": obj.id,
            "kind": kind,
            "base": obj.server_seq,
            "fields": json.dumps(fields, ensure_ascii=False),
            "at": utcnow().isoformat(sep=" "),
            "audit": _audit_json(entries),
        },
    )


def _audit_json(entries: list[dict[str, Any]]) -> str | None:
    return json.dumps(entries, ensure_ascii=False) if entries else None


def _scrub_pending(session: Session, obj: Synced) -> None:
    """Remove personal values from ops of this row that were never sent (sent ones are fixed by
    their op id; the hub blanks them when it applies the erase)."""
    from zz_protocol.schemas import PERSONAL_FIELDS

    conn = session.connection()
    personal = PERSONAL_FIELDS.get(obj.__entity__, ())
    pending = conn.execute(
        text("SELECT seq, fields FROM outbox WHERE entity_id = :eid AND attempts = 0"),
        {"eid": obj.id},
    ).all()
    for seq, fields in pending:
        data = json.loads(fields)
        for key in personal:
            if key in data:
                data[key] = None
        conn.execute(
            text("UPDATE outbox SET fields = :f WHERE seq = :s"),
            {"f": json.dumps(data, ensure_ascii=False), "s": seq},
        )


def stamp_new(obj: Synced, actor: Actor, now: dt.datetime) -> None:
    """Centre, times and authors of a new row (values already set are kept)."""
    obj.centre_id = obj.centre_id or actor.centre_id
    obj.created_at = obj.created_at or now
    obj.updated_at = obj.updated_at or obj.created_at
    obj.created_by = obj.created_by or actor.user_id
    obj.updated_by = obj.updated_by or actor.user_id


def audit_values(
    obj: Synced,
    actor: Actor,
    action: str,
    now: dt.datetime,
    at: dt.datetime | None = None,
    detail: str | None = None,
    entry_id: str | None = None,
) -> dict[str, Any]:
    """The columns of the audit row for ``action`` on ``obj``: who, when, what — never the
    values. The one definition of an audit entry: single writes, bulk inserts and demo data all
    take it from here. ``entry_id`` is for a writer that chooses ids itself (demo data, whose
    ids are derived from a seed)."""
    return {
        "id": entry_id or new_id(),
        "centre_id": obj.centre_id,
        "created_at": now,
        "updated_at": now,
        "created_by": actor.user_id,
        "updated_by": actor.user_id,
        "user_id": actor.user_id,
        "at": at or now,
        "action": action,
        "entity": obj.__entity__,
        "entity_id": obj.id,
        "detail": detail,
    }


def audit_entry(
    obj: Synced,
    actor: Actor,
    action: str,
    now: dt.datetime,
    at: dt.datetime | None = None,
    detail: str | None = None,
) -> AuditEntry:
    """The audit row for ``action`` on ``obj`` (see :func:`audit_values`)."""
    return AuditEntry(**audit_values(obj, actor, action, now, at=at, detail=detail))


def _audit(
    session: Session, actor: Actor, obj: Synced, action: str, detail: str | None
) -> dict[str, Any] | None:
    """Add the audit entry of ``action`` on ``obj``; returns its wire fields, which travel
    inside the change's op (None: the entity is not audited)."""
    if isinstance(obj, _UNAUDITED):
        return None
    entry = audit_entry(obj, actor, action, utcnow(), detail=detail)
    session.add(entry)
    return embedded_audit(entry)


def embedded_audit(entry: Any) -> dict[str, Any]:
    """An audit entry as it travels inside its change's op (``Op.audit``): wire fields and id."""
    return {"id": entry.id, **to_wire(entry)}


def _check_role(session: Session) -> None:
    """Local edits of records need a role that may edit them (roles table). Checked here, the
    one place every local write of a synced row passes, so no service or front end can go
    around it; the hub rejects such ops anyway, but then they would sit in the outbox."""
    if session.info.get("role_checked"):
        return
    conn = session.connection()
    found: dict[str, str] = dict(
        conn.execute(
            text("SELECT key, value FROM sync_state WHERE key IN ('role', 'hub_url')")
        ).all()
    )
    role = roles.effective_role(found.get("role"), found.get("hub_url"))
    if not roles.may(role, roles.EDIT_RECORDS):
        raise NotAllowed(roles.refusal(role, roles.EDIT_RECORDS))
    session.info["role_checked"] = True


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    remote = session.info.get("remote", False)
    actor: Actor = session.info.get("actor") or Actor(None, None)
    now = utcnow()
    new_objs = [o for o in session.new if isinstance(o, Synced)]
    dirty_objs = [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    if not remote and any(not isinstance(o, AuditEntry) for o in (*new_objs, *dirty_objs)):
        _check_role(session)
    for obj in session.deleted:
        if isinstance(obj, Synced) and not remote:
            raise RuntimeError("synced rows are deleted softly (deleted=True), never removed")

    for obj in new_objs:
        if remote:
            search.reindex(session, obj)
            continue
        stamp_new(obj, actor, now)
        entry = _audit(session, actor, obj, "create", None)
        _enqueue(session, obj, "upsert", to_wire(obj), entry)
        search.reindex(session, obj)

    for obj in dirty_objs:
        changed = _changed_fields(obj)
        if not changed:
            continue
        if remote:
            search.reindex(session, obj)
            continue
        obj.updated_at = now
        obj.updated_by = actor.user_id
        state = inspect(obj)
        deleted_hist = state.attrs["deleted"].history
        user_fields = [f for f in changed if f not in _STAMP_FIELDS]
        if obj.id in session.info.get("erase", ()):
            # GDPR erasure: the op carries no values; the hub blanks the personal fields.
            _scrub_pending(session, obj)
            _enqueue(session, obj, "erase", {}, _audit(session, actor, obj, "erase", None))
        elif "deleted" in changed and obj.deleted and deleted_hist.deleted == [False]:
            _enqueue(session, obj, "delete", {}, _audit(session, actor, obj, "delete", None))
        else:
            fields = to_wire(obj, sorted(set(changed) | _STAMP_FIELDS))
            action = "restore" if "deleted" in changed and not obj.deleted else "update"
            detail = ",".join(sorted(user_fields))[:500] or None
            _enqueue(session, obj, "upsert", fields, _audit(session, actor, obj, action, detail))
        search.reindex(session, obj)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _before_flush)
