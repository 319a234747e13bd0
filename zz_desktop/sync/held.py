"""Pulled rows that are not applied right away (table ``sync_held``), and applying a page so that
foreign keys hold at every commit and one bad row never stops a sync.

- A row whose parent is neither stored nor in the page is *held* (``missing_parent``) and applied
  in the transaction in which its parent arrives — a first sync can then commit page by page,
  with ``PRAGMA foreign_key_check`` clean after every commit, and resume from its cursor.
- A row that cannot be stored here (a value of the wrong type, a database error) is
  *quarantined* (``invalid``): kept aside with its reason, reported, never retried blindly; the
  rest of the page applies. Logs name the entity and the error class only — never a value.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from zz_desktop.store.base import utcnow
from zz_desktop.store.models import SYNCED_MODELS
from zz_desktop.sync import apply
from zz_desktop.sync.pull_codec import Decoded
from zz_protocol.schemas import Change

log = logging.getLogger("zz_desktop.sync")

MISSING_PARENT = "missing_parent"
INVALID = "invalid"


@dataclass
class PageOutcome:
    applied: int = 0
    held: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    released: int = 0


def _hold(conn: Connection, ch: Change, reason: str) -> None:
    conn.execute(
        text(
            "INSERT INTO sync_held (entity, entity_id, seq, change, reason, at) "
            "VALUES (:e, :i, :s, :c, :r, :at) ON CONFLICT(entity, entity_id) DO UPDATE SET "
            "seq = excluded.seq, change = excluded.change, reason = excluded.reason, "
            "at = excluded.at WHERE excluded.seq >= sync_held.seq"
        ),
        {
            "e": ch.entity,
            "i": ch.entity_id,
            "s": ch.seq,
            "c": ch.model_dump_json(),
            "r": reason,
            "at": utcnow().isoformat(sep=" "),
        },
    )


def _unhold(conn: Connection, changes: Sequence[Change]) -> None:
    if not changes or conn.exec_driver_sql("SELECT 1 FROM sync_held LIMIT 1").first() is None:
        return  # nothing is held (a first sync, mostly): no lookups per row
    conn.exec_driver_sql(
        "DELETE FROM sync_held WHERE entity = ? AND entity_id = ? AND seq <= ?",
        [(c.entity, c.entity_id, c.seq) for c in changes],
    )


def _convertible(ch: Change, decoded: Decoded) -> bool:
    """Whether the row's values fit this device's columns: the wire schema's types, ranges and
    formats (code lists are not judged here — the hub's may be newer than the device's); the
    converted values are kept in ``decoded`` for the write."""
    if ch.entity not in SYNCED_MODELS:
        return True  # an entity of a newer schema: ignored by apply
    return decoded.get(ch) is not None


def _held_for_parents(conn: Connection) -> list[Change]:
    rows = conn.execute(
        text("SELECT change FROM sync_held WHERE reason = :r"), {"r": MISSING_PARENT}
    ).all()
    return [Change.model_validate_json(r[0]) for r in rows]


def apply_page(conn: Connection, changes: Sequence[Change], stats: apply.ApplyStats) -> PageOutcome:
    """Apply ``changes`` (already :func:`apply.latest`-ordered) inside the caller's transaction:
    hold rows without parents, quarantine rows that cannot be stored, release held rows whose
    parents are now here."""
    out = PageOutcome()
    decoded = Decoded(conn.dialect)
    good: list[Change] = []
    for ch in changes:
        if _convertible(ch, decoded):
            good.append(ch)
        else:
            _quarantine(conn, ch, "conversion", out)
    # Held rows compete with the page: the newer change of a row wins.
    pool = {(c.entity, c.entity_id): c for c in _held_for_parents(conn)}
    for ch in good:
        key = (ch.entity, ch.entity_id)
        if key not in pool or pool[key].seq <= ch.seq:
            pool[key] = ch
    # Fixpoint: a row is ready when each parent is stored or itself ready.
    ready = apply.latest(pool.values())
    waiting: list[Change] = []
    while True:
        missing = apply.missing_parents(conn, ready)
        blocked = [c for c in ready if _needs(c, missing)]
        if not blocked:
            break
        waiting.extend(blocked)
        ready = [c for c in ready if not _needs(c, missing)]
    if ready:
        # Released first: a row refused or made to wait below is held again, in this transaction.
        _unhold(conn, ready)
        waiting.extend(_apply_ready(conn, ready, stats, out, decoded))
    for ch in waiting:
        _hold(conn, ch, MISSING_PARENT)
    out.held = int(
        conn.execute(
            text("SELECT count(*) FROM sync_held WHERE reason = :r"), {"r": MISSING_PARENT}
        ).scalar()
        or 0
    )
    return out


def _needs(ch: Change, missing: set[tuple[str, str]]) -> bool:
    model = SYNCED_MODELS.get(ch.entity)
    if model is None or not missing:
        return False
    for column, parent in apply.foreign_keys(model):
        ref = ch.fields.get(column)
        if isinstance(ref, str) and (parent, ref) in missing:
            return True
    return False


#: What a refused row can raise: the database's refusal, or the driver's before it (an integer
#: beyond 64 bits raises OverflowError while binding).
REFUSALS = (SQLAlchemyError, ArithmeticError, ValueError, TypeError)


def _apply_ready(
    conn: Connection,
    ready: list[Change],
    stats: apply.ApplyStats,
    out: PageOutcome,
    decoded: Decoded,
) -> list[Change]:
    """Bulk first; if the database refuses the bulk write, row by row in savepoints so that only
    the rows it refuses are quarantined. Returns the rows that must wait because a parent of
    theirs was refused (foreign keys are checked at commit, so they cannot be applied now)."""
    try:
        with conn.begin_nested():
            apply.apply_changes(conn, ready, stats, decoded)
        out.applied += len(ready)
        return []
    except REFUSALS as exc:
        log.warning("bulk apply refused (%s): applying row by row", type(exc).__name__)
    refused: dict[tuple[str, str], str] = {}
    while True:
        # A pass applies what is neither refused nor (transitively) a child of a refused row; a
        # pass that finds a new refusal is rolled back and repeated without it and its children.
        waiting = _children_of(ready, set(refused))
        trial = [c for c in ready if _key(c) not in refused and _key(c) not in waiting]
        pass_stats = apply.ApplyStats()
        new_refusal = False
        with conn.begin_nested() as attempt:
            for ch in trial:
                try:
                    with conn.begin_nested():
                        apply.apply_changes(conn, [ch], pass_stats, decoded)
                except REFUSALS as exc:
                    refused[_key(ch)] = type(exc).__name__
                    new_refusal = True
            if new_refusal and _children_of(ready, set(refused)) - waiting:
                attempt.rollback()
                continue
        break
    _merge_stats(stats, pass_stats)
    out.applied += len(trial) - sum(1 for c in trial if _key(c) in refused)
    for ch in ready:
        if _key(ch) in refused:
            _quarantine(conn, ch, refused[_key(ch)], out)
    return [c for c in ready if _key(c) in _children_of(ready, set(refused))]


def _key(ch: Change) -> tuple[str, str]:
    return (ch.entity, ch.entity_id)


def _children_of(changes: Sequence[Change], parents: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Rows of ``changes`` that refer to one of ``parents``, directly or through each other."""
    found: set[tuple[str, str]] = set()
    frontier = set(parents)
    while frontier:
        step = {_key(c) for c in changes if _key(c) not in found and _needs(c, frontier)}
        found |= step
        frontier = step
    return found - parents


def _merge_stats(into: apply.ApplyStats, part: apply.ApplyStats) -> None:
    into.inserted += part.inserted
    into.updated += part.updated
    into.deleted += part.deleted
    into.erased += part.erased
    into.scrubbed += part.scrubbed
    for entity, n in part.by_entity.items():
        into.by_entity[entity] += n


def _quarantine(conn: Connection, ch: Change, why: str, out: PageOutcome) -> None:
    log.warning("pulled %s row quarantined (%s)", ch.entity, why)
    _hold(conn, ch, INVALID)
    out.quarantined.append((ch.entity, ch.entity_id))


def held_rows(conn: Connection) -> list[dict[str, object]]:
    """Rows held back, for the sync report and the user (entity, id, reason — no values)."""
    rows = conn.execute(
        text("SELECT entity, entity_id, reason, at FROM sync_held ORDER BY at, entity")
    ).all()
    return [{"entity": e, "id": i, "reason": r, "at": str(at)} for e, i, r, at in rows]
