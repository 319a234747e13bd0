"""Applying pulled changes to the local database in bulk: each row's values are judged and
converted once (``sync/pull_codec.py``) and written with ``executemany`` of plain statements
cached per column list — no ORM objects, no statement compilation per page.

- Rows with a pending local op are merged: the pending op's fields keep their local values,
  every other field takes the hub's value (a pending delete keeps the row deleted).
- A hub row that was erased (GDPR) overrides pending personal values, and pending outbox ops of
  that row lose their personal fields.
- Foreign keys are deferred to the end of the transaction; the caller makes sure parents are in
  the same page or already stored (see :func:`missing_parents`), and otherwise applies the page
  with foreign key enforcement off (the orphan is kept exactly as the hub has it).
- The search index is rewritten for the touched rows of searchable entities.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, text
from sqlalchemy.types import JSON, Boolean, Date, DateTime, Float, Integer

from zz_desktop.domain.scrub import Scrubber
from zz_desktop.store import search
from zz_desktop.store.base import Synced
from zz_desktop.store.models import SYNCED_MODELS
from zz_desktop.sync.erase_apply import pending_erasures, scrub_locally
from zz_desktop.sync.pull_codec import Decoded, codec, insert_sql, update_sql
from zz_protocol.schemas import PERSONAL_FIELDS, SYNCED_ENTITIES, Change

ORDER = {name: i for i, name in enumerate(SYNCED_ENTITIES)}
CHUNK = 900


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def latest(changes: Iterable[Change]) -> list[Change]:
    """One change per row (the newest), parents' entities first."""
    best: dict[tuple[str, str], Change] = {}
    for ch in changes:
        key = (ch.entity, ch.entity_id)
        if key not in best or best[key].seq < ch.seq:
            best[key] = ch
    return sorted(best.values(), key=lambda c: (ORDER.get(c.entity, 99), c.seq))


_FOREIGN_KEYS: dict[str, tuple[tuple[str, str], ...]] = {}


def foreign_keys(model: type[Synced]) -> tuple[tuple[str, str], ...]:
    """(column, parent entity) of the model's foreign keys (asked for every pulled row)."""
    found = _FOREIGN_KEYS.get(model.__entity__)
    if found is None:
        table: Table = model.__table__  # type: ignore[attr-defined]
        found = tuple((fk.parent.key, fk.column.table.name) for fk in table.foreign_keys)
        _FOREIGN_KEYS[model.__entity__] = found
    return found


def missing_parents(conn: Connection, changes: Sequence[Change]) -> set[tuple[str, str]]:
    """Parents referenced by ``changes`` that are neither in ``changes`` nor stored locally."""
    present: dict[str, set[str]] = defaultdict(set)
    for ch in changes:
        present[ch.entity].add(ch.entity_id)
    wanted: dict[str, set[str]] = defaultdict(set)
    for ch in changes:
        model = SYNCED_MODELS.get(ch.entity)
        if model is None:
            continue
        for column, parent in foreign_keys(model):
            ref = ch.fields.get(column)
            if isinstance(ref, str) and ref not in present[parent]:
                wanted[parent].add(ref)
    missing: set[tuple[str, str]] = set()
    for parent, ids in wanted.items():
        id_list = sorted(ids)
        found: set[str] = set()
        for part in _chunks(id_list):
            found.update(_ids_in(conn, parent, part))
        missing.update((parent, i) for i in ids - found)
    return missing


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _ids_in(conn: Connection, table: str, ids: Sequence[str]) -> list[str]:
    # Plain driver SQL (asked several times per page): no statement to compile.
    sql = f"SELECT id FROM {table} WHERE id IN ({_marks(ids)})"
    return [r[0] for r in conn.exec_driver_sql(sql, tuple(ids))]


@dataclass
class Pending:
    fields: set[str] = field(default_factory=set)
    delete: bool = False
    erase: bool = False


def pending_ops(conn: Connection, entity: str, ids: Sequence[str]) -> dict[str, Pending]:
    out: dict[str, Pending] = {}
    stmt = text(
        "SELECT entity_id, kind, fields FROM outbox WHERE entity = :e AND entity_id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    for part in _chunks(list(ids)):
        for eid, kind, fields in conn.execute(stmt, {"e": entity, "ids": list(part)}):
            p = out.setdefault(eid, Pending())
            if kind == "delete":
                p.delete = True
            elif kind == "erase":
                p.erase = True
            values = json.loads(fields) if isinstance(fields, str) else (fields or {})
            p.fields.update(values)
    return out


def _filler(column: Any) -> Any:
    """A value for a NOT NULL column the hub's row lacks (a tombstone of a never-seen row)."""
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return default.arg
    if default is not None and getattr(default, "is_callable", False):
        return default.arg(None)
    kind = column.type
    if isinstance(kind, DateTime):
        return dt.datetime(1970, 1, 1)
    if isinstance(kind, Date):
        return dt.date(1970, 1, 1)
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer | Float):
        return 0
    if isinstance(kind, JSON):
        return []
    return ""


@dataclass
class ApplyStats:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    erased: int = 0
    #: persons erased on the hub whose identifiers were replaced in this device's texts
    scrubbed: int = 0
    by_entity: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def apply_changes(
    conn: Connection,
    changes: Sequence[Change],
    stats: ApplyStats,
    decoded: Decoded | None = None,
) -> None:
    """Write ``changes`` (already :func:`latest`-ordered) inside the caller's transaction.
    ``decoded`` holds their bound values if the caller has judged them already."""
    decoded = decoded if decoded is not None else Decoded(conn.dialect)
    by_entity: dict[str, list[Change]] = defaultdict(list)
    for ch in changes:
        if ch.entity in SYNCED_MODELS:
            by_entity[ch.entity].append(ch)
    erasing: list[Scrubber] = []
    for entity in sorted(by_entity, key=lambda e: ORDER.get(e, 99)):
        _apply_entity(conn, entity, by_entity[entity], stats, erasing, decoded)
    if erasing:
        # After every entity of the batch: rows applied after the persons (a conflict made
        # from a stale edit that still names the person) are cleaned too (sync.erase_apply).
        stats.scrubbed += len(erasing)
        for name, touched in scrub_locally(conn, erasing).items():
            reindex(conn, SYNCED_MODELS[name], touched)


def _required(table: Table) -> list[Any]:
    return [c for c in table.columns if not c.nullable and c.key not in ("id", "deleted")]


def _apply_entity(
    conn: Connection,
    entity: str,
    changes: list[Change],
    stats: ApplyStats,
    erasing: list[Scrubber],
    decoded: Decoded,
) -> None:
    model = SYNCED_MODELS[entity]
    table: Table = model.__table__  # type: ignore[attr-defined]
    coder = codec(entity, conn.dialect)
    ids = [c.entity_id for c in changes]
    existing: set[str] = set()
    for part in _chunks(ids):
        existing.update(_ids_in(conn, entity, part))
    pending = pending_ops(conn, entity, ids) if existing else {}
    personal = set(PERSONAL_FIELDS.get(entity, ()))
    # Rows are grouped by their column list: one cached statement and one executemany each.
    inserts: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    #: The bound values of the inserted rows: what the search index is written from.
    fresh: dict[str, dict[str, Any]] = {}
    scrub: list[str] = []
    required = _required(table)
    flags = {True: coder.bind("deleted", True), False: coder.bind("deleted", False)}
    # GDPR erase pulled from the hub: read the identifiers before the row is blanked; they are
    # replaced in this device's free texts once the whole batch is applied (apply_changes).
    if entity == "person":
        newly = [c.entity_id for c in changes if c.fields.get("erased_at") is not None]
        erasing.extend(pending_erasures(conn, newly) if newly else [])
    for ch in changes:
        bound = decoded.get(ch)
        if bound is None:
            raise ValueError(f"a pulled {entity} row cannot be stored here")
        values = dict(bound)
        values["deleted"] = flags[bool(ch.deleted)]
        values["server_seq"] = ch.seq
        erased = entity == "person" and ch.fields.get("erased_at") is not None
        if erased:
            stats.erased += 1
        if ch.deleted:
            stats.deleted += 1
        stats.by_entity[entity] += 1
        if ch.entity_id not in existing:
            values["id"] = ch.entity_id
            for column in required:
                if ch.fields.get(column.key) is None:
                    values[column.key] = coder.bind(column.key, _filler(column))
            inserts[tuple(values)].append(tuple(values.values()))
            fresh[ch.entity_id] = values
            continue
        local = pending.get(ch.entity_id)
        if local is not None:
            keep = set(local.fields)
            if erased:
                keep -= personal
                scrub.append(ch.entity_id)
            if local.delete:
                keep.add("deleted")
            for name in keep:
                values.pop(name, None)
        values.pop("id", None)
        updates[tuple(values)].append((*values.values(), ch.entity_id))
    for columns, rows in inserts.items():
        conn.exec_driver_sql(insert_sql(table.name, columns), rows)
        stats.inserted += len(rows)
    for columns, rows in updates.items():
        conn.exec_driver_sql(update_sql(table.name, columns), rows)
        stats.updated += len(rows)
    if scrub and personal:
        _scrub_outbox(conn, entity, scrub, personal)
    if model.__search__ is not None:
        reindex(conn, model, ids, fresh)


def _scrub_outbox(conn: Connection, entity: str, ids: list[str], personal: set[str]) -> None:
    rows = conn.execute(
        text("SELECT seq, fields FROM outbox WHERE entity = :e AND entity_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"e": entity, "ids": ids},
    ).all()
    for seq, fields in rows:
        values = json.loads(fields) if isinstance(fields, str) else dict(fields or {})
        cleaned = {k: v for k, v in values.items() if k not in personal}
        if cleaned != values:
            conn.execute(
                text("UPDATE outbox SET fields = :f WHERE seq = :s"),
                {"f": json.dumps(cleaned, ensure_ascii=False), "s": seq},
            )


def reindex(
    conn: Connection,
    model: type[Synced],
    ids: Sequence[str],
    known: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Rewrite the full-text entries of ``ids`` from the stored rows (bulk); ``known`` holds the
    stored values of rows this transaction has just written (by id), which are not read back."""
    spec = model.__search__
    if spec is None:
        return
    known = known or {}
    title_cols, body_cols = spec
    entity = model.__entity__
    wanted = (*title_cols, *body_cols)
    cols = ", ".join(("id", "deleted", *wanted))
    nt = len(title_cols)
    for part in _chunks(list(ids)):
        plist = list(part)
        docs: dict[str, int] = dict(
            conn.exec_driver_sql(
                f"SELECT entity_id, rowid FROM search_doc WHERE entity_id IN ({_marks(plist)})",
                tuple(plist),
            ).all()
        )
        if docs:
            old = tuple(docs.values())
            conn.exec_driver_sql(f"DELETE FROM search_index WHERE rowid IN ({_marks(old)})", old)
        # Rows just inserted from known values are not read back.
        rows: list[Sequence[Any]] = [
            (i, known[i]["deleted"], *(known[i].get(c) for c in wanted))
            for i in plist
            if i in known
        ]
        unknown = [i for i in plist if i not in known]
        if unknown:
            rows.extend(
                conn.exec_driver_sql(
                    f"SELECT {cols} FROM {entity} WHERE id IN ({_marks(unknown)})", tuple(unknown)
                ).all()
            )
        new_docs = [r[0] for r in rows if not r[1] and r[0] not in docs]
        if new_docs:
            start = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM search_doc")).scalar()
            base = int(start or 0)
            assigned = {eid: base + i + 1 for i, eid in enumerate(new_docs)}
            conn.exec_driver_sql(
                "INSERT INTO search_doc (rowid, entity_id) VALUES (?, ?)",
                [(r, e) for e, r in assigned.items()],
            )
            docs.update(assigned)
        entries = []
        for r in rows:
            if r[1]:
                continue
            values = r[2:]
            title = " ".join(str(v) for v in values[:nt] if v)
            body = " ".join(str(v) for v in values[nt:] if v)
            entries.append({"rowid": docs[r[0]], **search.entry(entity, r[0], title, body)})
        if entries:
            # The driver binds the named parameters itself (no statement compiled per page).
            conn.exec_driver_sql(search.INSERT_SQL, entries)


def live_counts(conn: Connection, entities: Iterable[str]) -> dict[str, int]:
    return {
        e: int(conn.execute(text(f"SELECT count(*) FROM {e} WHERE deleted = 0")).scalar() or 0)
        for e in entities
    }


def deletions(conn: Connection, changes: Sequence[Change]) -> dict[str, int]:
    """Per entity: how many locally live rows ``changes`` would turn into tombstones."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for ch in changes:
        if ch.deleted and ch.entity in SYNCED_MODELS:
            wanted[ch.entity].append(ch.entity_id)
    out: dict[str, int] = {}
    for entity, ids in wanted.items():
        n = 0
        for part in _chunks(ids):
            n += int(
                conn.execute(
                    text(
                        f"SELECT count(*) FROM {entity} WHERE deleted = 0 AND id IN :ids"
                    ).bindparams(bindparam("ids", expanding=True)),
                    {"ids": list(part)},
                ).scalar()
                or 0
            )
        if n:
            out[entity] = n
    return out
