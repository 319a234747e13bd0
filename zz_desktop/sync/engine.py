"""One sync round: push → pull → check (sync-protocol.md, "Client side").

Every step is its own short SQLite transaction, so a crash at any point leaves a consistent
database: ops stay in the outbox until the transaction that stores their results removes them,
and a pulled page is applied together with its cursor.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from zz_desktop.store.base import to_wire, utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import SYNCED_MODELS
from zz_desktop.sync import apply, outbox, state
from zz_desktop.sync.crash import crashpoint
from zz_desktop.sync.errors import CursorGone, MassDeleteBlocked
from zz_desktop.sync.lock import profile_lock
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import SYNCED_ENTITIES, Change, CheckResponse, PushRequest

log = logging.getLogger("zz_desktop.sync")

Progress = Callable[[str, int, int], None]
PAGE = 500
CLOCK_SKEW_WARN = dt.timedelta(minutes=5)
MASS_DELETE_SHARE = 0.25
MASS_DELETE_MIN = 20
#: Pages fetched ahead at most to find the parents of orphaned children.
LOOKAHEAD_PAGES = 40


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    deleted: int = 0
    erased: int = 0
    #: persons newly erased here by a pulled erase (issue 13: their texts were scrubbed)
    scrubbed: int = 0
    snapshot: bool = False
    refetched: list[str] = field(default_factory=list)
    resynced: bool = False
    pending: int = 0
    open_conflicts: int = 0
    clock_skew_seconds: float | None = None
    warnings: list[str] = field(default_factory=list)
    cursor: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _noop(_stage: str, _done: int, _total: int) -> None:
    pass


class SyncEngine:
    """Runs rounds for one open store against one hub client."""

    def __init__(
        self,
        store: Store,
        client: HubClient,
        *,
        progress: Progress | None = None,
        allow_mass_delete: bool = False,
        clock: Callable[[], dt.datetime] = utcnow,
        page_size: int = PAGE,
        max_ops: int = outbox.MAX_OPS,
        max_bytes: int = outbox.MAX_BYTES,
    ) -> None:
        self.store = store
        self.client = client
        self.progress = progress or _noop
        self.allow_mass_delete = allow_mass_delete
        self.clock = clock
        self.page_size = page_size
        self.max_ops = max_ops
        self.max_bytes = max_bytes
        self.report = SyncReport()
        self._mass_base: dict[str, int] | None = None
        self._mass_seen: dict[str, int] = {}

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def _tx(self, fk_enforced: bool = True) -> Iterator[Connection]:
        """One write transaction on a raw connection (no change capture: remote bookkeeping)."""
        engine = self.store.engine.execution_options(immediate=True)
        with engine.connect() as conn:
            raw: Any = conn.connection.driver_connection
            if not fk_enforced:
                raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                    yield conn
            finally:
                if not fk_enforced:
                    raw.execute("PRAGMA foreign_keys = ON")

    @contextlib.contextmanager
    def _ro(self) -> Iterator[Connection]:
        with self.store.engine.connect() as conn:
            yield conn

    # ------------------------------------------------------------------ the round

    def run(self) -> SyncReport:
        start = time.perf_counter()
        with profile_lock(self.store.profile_dir):
            crashpoint("round.start")
            self.push()
            self.pull()
            self.check()
            crashpoint("round.end")
            with self._tx() as conn:
                self.report.pending = outbox.pending_count(conn)
                self.report.open_conflicts = open_conflicts(conn)
                self.report.cursor = int(state.get_in(conn, state.CURSOR) or 0)
                self.report.seconds = time.perf_counter() - start
                state.set_in(conn, state.LAST_SYNC, utcnow().isoformat(timespec="seconds"))
                state.set_in(conn, state.LAST_ERROR, None)
                state.set_in(conn, state.LAST_REPORT, json.dumps(self.report.as_dict()))
        self.progress("done", 1, 1)
        return self.report

    def _clock_check(self) -> None:
        server = self.client.server_time
        if server is None or self.report.clock_skew_seconds is not None:
            return
        skew = (self.clock() - server).total_seconds()
        self.report.clock_skew_seconds = skew
        if abs(skew) > CLOCK_SKEW_WARN.total_seconds():
            from zz_desktop.i18n import t

            msg = t(
                "This computer's clock differs from the hub's by {minutes} minutes. Dates are "
                "shown as this computer sees them; please correct the clock.",
                minutes=round(skew / 60),
            )
            self.report.warnings.append(msg)
            log.warning("clock skew of %.0f s against the hub", skew)

    # ------------------------------------------------------------------ push

    def push(self) -> None:
        with self._ro() as conn:
            total = outbox.pending_count(conn)
        done = 0
        self.progress("push", 0, total)
        while total:
            with self._tx() as conn:
                batch = outbox.next_batch(conn, self.max_ops, self.max_bytes)
                if not batch.ops:
                    break
                outbox.mark_sent(conn, batch)
            crashpoint("push.marked")
            response = self.client.push(PushRequest(batch_id=new_id(), ops=batch.ops))
            self._clock_check()
            crashpoint("push.sent")
            with self._tx() as conn:
                counts = outbox.acknowledge(conn, batch, response.results)
                crashpoint("push.acked_tx")
            crashpoint("push.acked")
            self.report.pushed += len(batch)
            self.report.applied += counts.get("applied", 0)
            self.report.conflicts += counts.get("conflict", 0)
            self.report.rejected += counts.get("rejected", 0)
            done += len(batch)
            self.progress("push", done, max(total, done))
            if len(response.results) < len(batch):
                break  # the hub answered for fewer ops: the rest stay for the next round

    # ------------------------------------------------------------------ pull

    def _fetch(self, after: int) -> tuple[list[Change], int, bool]:
        page = self.client.pull(after, self.page_size)
        self._clock_check()
        crashpoint("pull.fetched")
        return page.changes, page.next, page.has_more

    def pull(self) -> None:
        with self._ro() as conn:
            cursor = int(state.get_in(conn, state.CURSOR) or 0)
        if cursor == 0:
            self.report.snapshot = True
        done = 0
        self.progress("pull", 0, 0)
        while True:
            try:
                changes, nxt, more = self._fetch(cursor)
            except CursorGone:
                # Older than the hub's kept history: a fresh snapshot; the outbox is kept.
                log.warning("cursor %s is older than the hub's history: fresh snapshot", cursor)
                with self._tx() as conn:
                    state.set_in(conn, state.CURSOR, 0)
                    state.set_in(conn, state.RESYNC, "1")
                    state.set_in(conn, state.CHECK_CACHE, None)
                cursor = 0
                self.report.resynced = self.report.snapshot = True
                continue
            # A child whose parent comes later: fetch ahead until the parents are in the set.
            pages = 1
            with self._ro() as conn:
                missing = apply.missing_parents(conn, changes)
            while missing and more and pages < LOOKAHEAD_PAGES:
                extra, nxt, more = self._fetch(nxt)
                changes = changes + extra
                pages += 1
                with self._ro() as conn:
                    missing = apply.missing_parents(conn, changes)
            ordered = apply.latest(changes)
            self._mass_delete_guard(ordered)
            stats = apply.ApplyStats()
            with self._tx(fk_enforced=not missing) as conn:
                apply.apply_changes(conn, ordered, stats)
                state.set_in(conn, state.CURSOR, nxt)
                crashpoint("pull.apply_tx")
            crashpoint("pull.applied")
            if missing:
                log.warning("%d rows kept without their parent rows", len(missing))
            self.report.pulled += len(ordered)
            self.report.deleted += stats.deleted
            self.report.erased += stats.erased
            self.report.scrubbed += stats.scrubbed
            done += len(ordered)
            cursor = nxt
            self.progress("pull", done, done + (self.page_size if more else 0))
            if not more:
                break

    def _mass_delete_guard(self, changes: Sequence[Change]) -> None:
        if self.allow_mass_delete:
            return
        with self._ro() as conn:
            would = apply.deletions(conn, changes)
            if not would:
                return
            if self._mass_base is None:
                self._mass_base = apply.live_counts(conn, SYNCED_ENTITIES)
        for entity, n in would.items():
            total = self._mass_base.get(entity, 0)
            seen = self._mass_seen.get(entity, 0) + n
            if seen > MASS_DELETE_MIN and seen > MASS_DELETE_SHARE * total:
                raise MassDeleteBlocked(entity, seen, total)
        for entity, n in would.items():
            self._mass_seen[entity] = self._mass_seen.get(entity, 0) + n

    # ------------------------------------------------------------------ check

    def check(self, rounds: int = 3) -> None:
        self.progress("check", 0, 1)
        for _ in range(rounds):
            response = self.client.check()
            self._clock_check()
            crashpoint("check.fetched")
            with self._ro() as conn:
                cursor = int(state.get_in(conn, state.CURSOR) or 0)
                pending = outbox.pending_count(conn)
            if pending:
                return  # some ops were not sent: counts cannot match yet
            if response.max_seq > cursor:
                self.pull()  # others wrote since our pull
                continue
            bad = self._compare(response)
            if bad:
                log.warning("check mismatch for %s: re-fetching", ", ".join(bad))
                self.refetch(bad)
                self.report.refetched.extend(bad)
                continue
            if self._resync_flag():
                with self._tx() as conn:
                    state.set_in(conn, state.RESYNC, None)
            self.progress("check", 1, 1)
            return

    def _resync_flag(self) -> bool:
        with self._ro() as conn:
            return state.get_in(conn, state.RESYNC) is not None

    def _compare(self, response: CheckResponse) -> list[str]:
        with self._ro() as conn:
            cache = json.loads(state.get_in(conn, state.CHECK_CACHE) or "{}")
            bad = []
            new_cache = {}
            for entity in SYNCED_ENTITIES:
                hub = response.entities.get(entity)
                if entity not in SYNCED_MODELS:
                    continue
                fp = _fingerprint(conn, entity)
                hub_hash = hub.hash if hub else _EMPTY
                hub_count = hub.count if hub else 0
                cached = cache.get(entity)
                if cached == [hub_hash, fp]:
                    new_cache[entity] = cached
                    continue
                count, digest = local_check(conn, entity)
                if count != hub_count or digest != hub_hash:
                    bad.append(entity)
                else:
                    new_cache[entity] = [hub_hash, fp]
        if new_cache != cache:
            with self._tx() as conn:
                state.set_in(conn, state.CHECK_CACHE, json.dumps(new_cache))
        return bad

    # ------------------------------------------------------------------ re-fetch

    def refetch(self, entities: Sequence[str]) -> None:
        """Re-read ``entities`` from the hub (a full scan, cursor untouched) and reconcile rows
        the hub does not have. Never wipes anything."""
        wanted = set(entities)
        seen: dict[str, set[str]] = {e: set() for e in wanted}
        after = 0
        while True:
            page = self.client.pull(after, self.page_size)
            changes = [c for c in page.changes if c.entity in wanted]
            for c in changes:
                seen[c.entity].add(c.entity_id)
            if changes:
                ordered = apply.latest(changes)
                with self._ro() as conn:
                    missing = apply.missing_parents(conn, ordered)
                with self._tx(fk_enforced=not missing) as conn:
                    apply.apply_changes(conn, ordered, apply.ApplyStats())
            after = page.next
            if not page.has_more:
                break
        with self._tx() as conn:
            resync = state.get_in(conn, state.RESYNC) == "1"
            for entity in wanted:
                self._reconcile(conn, entity, seen[entity], resync)

    def _reconcile(self, conn: Connection, entity: str, on_hub: set[str], resync: bool) -> None:
        rows = conn.execute(
            text(
                f"SELECT id, server_seq, deleted FROM {entity} WHERE server_seq IS NOT NULL "
                "AND id NOT IN (SELECT entity_id FROM outbox WHERE entity = :e)"
            ),
            {"e": entity},
        ).all()
        model = SYNCED_MODELS[entity]
        for rid, seq, deleted in rows:
            if rid in on_hub:
                continue
            if seq == -1 or deleted:
                # A rejected create, or a tombstone the hub has purged: local only from now on.
                conn.execute(
                    text(f"UPDATE {entity} SET server_seq = NULL WHERE id = :i"), {"i": rid}
                )
            elif resync:
                # The hub purged this row's tombstone while we were away: it was deleted.
                conn.execute(
                    text(f"UPDATE {entity} SET server_seq = NULL, deleted = 1 WHERE id = :i"),
                    {"i": rid},
                )
                apply.reindex(conn, model, [rid])
            else:
                # The hub lost it (e.g. restored from a backup): send it again.
                values = conn.execute(text(f"SELECT * FROM {entity} WHERE id = :i"), {"i": rid})
                row = values.mappings().first()
                if row is None:
                    continue
                obj = model(**{k: v for k, v in row.items()})
                conn.execute(
                    text(
                        "INSERT INTO outbox (op_id, entity, entity_id, kind, base_seq, fields, "
                        "created_at, attempts) VALUES (:op, :e, :i, 'upsert', NULL, :f, :at, 0)"
                    ),
                    {
                        "op": new_id(),
                        "e": entity,
                        "i": rid,
                        "f": json.dumps(to_wire(obj), ensure_ascii=False),
                        "at": utcnow().isoformat(sep=" "),
                    },
                )
                conn.execute(
                    text(f"UPDATE {entity} SET server_seq = NULL WHERE id = :i"), {"i": rid}
                )


_EMPTY = hashlib.sha256().hexdigest()


def _fingerprint(conn: Connection, entity: str) -> list[int]:
    row = conn.execute(
        text(
            f"SELECT count(*), coalesce(sum(server_seq), 0), coalesce(max(server_seq), 0), "
            f"coalesce(min(server_seq), 0) FROM {entity} WHERE server_seq IS NOT NULL"
        )
    ).one()
    return [int(v) for v in row]


def local_check(conn: Connection, entity: str) -> tuple[int, str]:
    """Count and SHA-256 over sorted ``id:server_seq`` lines — what the hub computes."""
    lines = sorted(
        f"{rid}:{seq}\n"
        for rid, seq in conn.execute(
            text(f"SELECT id, server_seq FROM {entity} WHERE server_seq IS NOT NULL")
        )
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
    return len(lines), digest.hexdigest()


def open_conflicts(conn: Connection) -> int:
    return int(
        conn.execute(
            text("SELECT count(*) FROM conflict WHERE status = 'open' AND deleted = 0")
        ).scalar()
        or 0
    )


def new_batch_id() -> str:
    return str(uuid.uuid4())
