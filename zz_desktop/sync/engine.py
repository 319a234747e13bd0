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
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from zz_desktop.store.base import utcnow
from zz_desktop.store.database import RESTORED_MARKER, Store
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import SYNCED_MODELS
from zz_desktop.sync import apply, epoch, held, outbox, state
from zz_desktop.sync.crash import crashpoint
from zz_desktop.sync.errors import CursorGone, HubError, MassDeleteBlocked
from zz_desktop.sync.lock import profile_lock
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import SYNCED_ENTITIES, Change, CheckResponse, PushRequest

log = logging.getLogger("zz_desktop.sync")

Progress = Callable[[str, int, int], None]
#: Changes per pull page (``ZZ_SYNC_PAGE_SIZE`` lowers it: the crash sweep cuts first syncs).
PAGE = max(1, min(500, int(os.environ.get("ZZ_SYNC_PAGE_SIZE") or 500)))
CLOCK_SKEW_WARN = dt.timedelta(minutes=5)
MASS_DELETE_SHARE = 0.25
MASS_DELETE_MIN = 20


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
    #: Pulled rows waiting for their parent / set aside because they cannot be stored here.
    held: int = 0
    quarantined: int = 0
    #: Ops the hub refused in this round (listed with their reasons by ``rejected_ops``).
    rejected_reasons: list[str] = field(default_factory=list)
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
        #: Set when an answer showed a hub restored from a backup (sync/epoch.py).
        self._rebased = False
        self._quarantined: set[str] = set()
        self._epoch_seen: str | None = None

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Connection]:
        """One write transaction on a raw connection (no change capture: remote bookkeeping).
        Foreign keys stay enforced (checked at commit): parents and children of one page may
        arrive in any order within it."""
        engine = self.store.engine.execution_options(immediate=True)
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            yield conn

    @contextlib.contextmanager
    def _ro(self) -> Iterator[Connection]:
        with self.store.engine.connect() as conn:
            yield conn

    # ------------------------------------------------------------------ the round

    def run(self) -> SyncReport:
        start = time.perf_counter()
        with profile_lock(self.store.profile_dir):
            crashpoint("round.start")
            self._take_restore_marker()
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

    def _take_restore_marker(self) -> None:
        marker = self.store.profile_dir / RESTORED_MARKER
        if marker.exists():
            with self._tx() as conn:
                state.set_in(conn, state.RESTORED, "1")
                state.set_in(conn, state.CHECK_CACHE, None)
            marker.unlink()

    def _restored_pulled(self) -> None:
        """After a restore, the first complete pull: from now on rows show what the hub has.
        Ops still pending were made on the restored state and stay strict."""
        with self._tx() as conn:
            if state.get_in(conn, state.RESTORED) is not None:
                conn.execute(text("UPDATE outbox SET strict = 1"))
                state.set_in(conn, state.RESTORED, None)

    def _answered(self) -> None:
        """After every answer of the hub: its clock and its epoch."""
        self._clock_check()
        self._epoch_check()

    def _epoch_check(self) -> None:
        seen = self.client.epoch
        if seen == self._epoch_seen:
            return  # unchanged since the last answer of this round: no database read
        parsed = epoch.parse(seen)
        if parsed is None:
            return
        with self._ro() as conn:
            stored = state.get_in(conn, state.EPOCH)
        if stored == seen:
            self._epoch_seen = seen
            return
        if stored is None:
            self._epoch_seen = seen
            with self._tx() as conn:  # first contact: this is the history we take part in
                state.set_in(conn, state.EPOCH, seen)
            return
        self._rebase(parsed[1], seen)

    def _rebase(self, base: int, header: str | None) -> None:
        from zz_desktop.i18n import t

        with self._tx() as conn:
            resent = epoch.rebase(conn, base, header)
        self._rebased = True
        self.report.warnings.append(
            t(
                "The hub was restored from a backup; {n} records of this device were sent to it "
                "again.",
                n=resent,
            )
        )

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
        rekeyed = False
        while total:
            with self._tx() as conn:
                restored = state.get_in(conn, state.RESTORED) is not None
                batch = outbox.next_batch(conn, self.max_ops, self.max_bytes, restored)
                if not batch.ops:
                    break
                outbox.mark_sent(conn, batch)
            crashpoint("push.marked")
            try:
                response = self.client.push(PushRequest(batch_id=new_id(), ops=batch.ops))
            except HubError as exc:
                if exc.status != 422 or "reused" not in exc.detail or rekeyed:
                    raise
                # One of these op ids reached the hub before with another payload: send the
                # batch again under new ids, strict (conflicts, never a silent overwrite).
                log.warning("hub refused reused op ids: re-sending %d ops strict", len(batch))
                with self._tx() as conn:
                    outbox.rekey(conn, batch)
                rekeyed = True
                continue
            self._answered()
            crashpoint("push.sent")
            with self._tx() as conn:
                counts = outbox.acknowledge(conn, batch, response.results)
                crashpoint("push.acked_tx")
            crashpoint("push.acked")
            self.report.pushed += len(batch)
            self.report.applied += counts.get("applied", 0)
            self.report.conflicts += counts.get("conflict", 0)
            self.report.rejected += counts.get("rejected", 0)
            self.report.rejected_reasons.extend(
                f"{r.op_id}: {r.reason}" for r in response.results if r.status == "rejected"
            )
            done += len(batch)
            self.progress("push", done, max(total, done))
            if len(response.results) < len(batch):
                break  # the hub answered for fewer ops: the rest stay for the next round

    # ------------------------------------------------------------------ pull

    def _skip_own(self) -> bool:
        # Rows this device's pushes left clean are not pulled back — unless the profile was
        # restored from a backup: then it may lack what it pushed after that backup.
        with self._ro() as conn:
            return state.get_in(conn, state.RESTORED) is None

    def _fetch(self, after: int, skip_own: bool) -> tuple[list[Change], int, bool]:
        page = self.client.pull(after, self.page_size, skip_own=skip_own)
        self._answered()
        crashpoint("pull.fetched")
        return page.changes, page.next, page.has_more

    def pull(self) -> None:
        with self._ro() as conn:
            cursor = int(state.get_in(conn, state.CURSOR) or 0)
        if cursor == 0:
            self.report.snapshot = True
        done = 0
        self.progress("pull", 0, 0)
        skip_own = self._skip_own()
        while True:
            try:
                changes, nxt, more = self._fetch(cursor, skip_own)
                if self._rebased:
                    # The answer came from a hub restored from a backup: start again from its
                    # history's end (the page is fetched anew below that point).
                    self._rebased = False
                    with self._ro() as conn:
                        cursor = int(state.get_in(conn, state.CURSOR) or 0)
                    continue
            except CursorGone:
                if not self._rebased:
                    # Ahead of the hub's counter: a hub restored without a new epoch.
                    behind = self.client.check().max_seq
                    if behind < cursor:
                        self._rebase(behind, None)
                if self._rebased:
                    self._rebased = False
                    with self._ro() as conn:
                        cursor = int(state.get_in(conn, state.CURSOR) or 0)
                    continue
                # Older than the hub's kept history: a fresh snapshot; the outbox is kept.
                log.warning("cursor %s is older than the hub's history: fresh snapshot", cursor)
                with self._tx() as conn:
                    state.set_in(conn, state.CURSOR, 0)
                    state.set_in(conn, state.RESYNC, "1")
                    state.set_in(conn, state.CHECK_CACHE, None)
                cursor = 0
                self.report.resynced = self.report.snapshot = True
                continue
            ordered = apply.latest(changes)
            self._mass_delete_guard(ordered)
            if more:
                # The next page travels while this one is written (sync/transport.py).
                self.client.prefetch_pull(nxt, self.page_size, skip_own)
            stats = apply.ApplyStats()
            # One page and its cursor per transaction, foreign keys enforced: rows whose parent
            # has not arrived are held aside (sync/held.py) and applied with their parent, so an
            # interrupted first sync keeps every committed page and resumes from its cursor.
            with self._tx() as conn:
                outcome = held.apply_page(conn, ordered, stats)
                state.set_in(conn, state.CURSOR, nxt)
                # Acknowledged pushes up to the cursor have now been pulled back.
                conn.execute(text("DELETE FROM sync_acked WHERE seq <= :c"), {"c": nxt})
                crashpoint("pull.apply_tx")
            crashpoint("pull.applied")
            self._note_held(outcome)
            self.report.pulled += len(ordered)
            self.report.deleted += stats.deleted
            self.report.erased += stats.erased
            self.report.scrubbed += stats.scrubbed
            done += len(ordered)
            cursor = nxt
            self.progress("pull", done, done + (self.page_size if more else 0))
            if not more:
                self._restored_pulled()
                break

    def _note_held(self, outcome: held.PageOutcome) -> None:
        self.report.held = outcome.held
        for entity, rid in outcome.quarantined:
            if rid not in self._quarantined:
                self._quarantined.add(rid)
                self.report.quarantined += 1
                log.warning("a pulled %s row could not be stored and was set aside", entity)

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
            self._answered()
            crashpoint("check.fetched")
            with self._ro() as conn:
                cursor = int(state.get_in(conn, state.CURSOR) or 0)
                pending = outbox.pending_count(conn)
            if pending:
                return  # some ops were not sent: counts cannot match yet
            if response.max_seq < cursor:
                # The hub is behind us: restored from a backup without a new epoch.
                self._rebase(response.max_seq, None)
                self.push()
                self.pull()
                continue
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
                with self._tx() as conn:
                    outcome = held.apply_page(conn, ordered, apply.ApplyStats())
                self._note_held(outcome)
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
                if not epoch.resend_row(conn, model, rid, None):
                    continue
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
    held_row = conn.execute(
        text("SELECT count(*), coalesce(sum(seq), 0) FROM sync_held WHERE entity = :e"),
        {"e": entity},
    ).one()
    return [int(v) for v in (*row, *held_row)]


def local_check(conn: Connection, entity: str) -> tuple[int, str]:
    """Count and SHA-256 over sorted ``id:server_seq`` lines — what the hub computes. Rows held
    aside (sync/held.py) count with the seq the hub sent: we have them, only not applied, so
    they do not trigger a re-fetch in every round."""
    seqs: dict[str, int] = {
        rid: seq
        for rid, seq in conn.execute(
            text(f"SELECT id, server_seq FROM {entity} WHERE server_seq IS NOT NULL")
        )
    }
    for rid, seq in conn.execute(
        text("SELECT entity_id, seq FROM sync_held WHERE entity = :e"), {"e": entity}
    ):
        seqs[rid] = seq
    lines = sorted(f"{rid}:{seq}\n" for rid, seq in seqs.items())
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
