"""The parts of an Art. 17 erasure beyond the person's own row: the person's identifiers replaced
in every free text and conflict value of every entity, drafts that mention the person dropped,
freed pages zeroed (search index, WAL) and older backups handled per policy.

Backup policy (setting ``privacy.backup_policy``):
- ``mark`` (default): backups made before the erasure stay (they are encrypted and kept only
  ``backup.keep_days``) and are listed in ``backups/erasures.json``; restoring one re-applies
  every erasure listed there, so an erased person never comes back.
- ``replace``: backups made before the erasure are deleted and one fresh backup is written."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import JSON, or_, select
from sqlalchemy.orm import Session

from zz_desktop.domain.scrub import Scrubber
from zz_desktop.store import backup as backup_mod
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS, Draft, Person
from zz_desktop.sync.erase_apply import text_columns

ERASURE_LOG = "erasures.json"
BACKUP_POLICIES = ("mark", "replace")


@dataclass
class ErasureReport:
    #: entity -> ids of rows whose free text named the person
    touched: dict[str, list[str]] = field(default_factory=dict)
    drafts: int = 0
    #: backups made before the erasure (names), after the policy was applied
    backups: list[str] = field(default_factory=list)


def scrub_free_text(session: Session, scrubber: Scrubber, skip: set[str]) -> dict[str, list[str]]:
    """Replace the identifiers in every text column of every synced row (through the ORM, so the
    changes are captured as upserts, re-indexed and synced)."""
    touched: dict[str, list[str]] = {}
    if not scrubber:
        return touched
    for entity, model in SYNCED_MODELS.items():
        columns = text_columns(model)
        if not columns:
            continue
        query = select(model)
        plain = [c for c in columns if not isinstance(model.__table__.c[c].type, JSON)]  # type: ignore[attr-defined]
        if len(plain) == len(columns):
            # Pre-select in SQL; JSON columns store escaped text, so those tables are scanned.
            terms = [getattr(model, c).like(term) for c in plain for term in scrubber.like_terms()]
            query = query.where(or_(*terms))
        for obj in session.scalars(query):
            if obj.id in skip:
                continue
            changed = False
            for name in columns:
                value = getattr(obj, name)
                if scrubber.mentions(value):
                    setattr(obj, name, scrubber.clean(value))
                    changed = True
            if changed:
                touched.setdefault(entity, []).append(obj.id)
    return touched


def drop_drafts(session: Session, scrubber: Scrubber, record_ids: set[str]) -> int:
    """Autosaved drafts never leave the device and have no history worth keeping: delete every
    draft of the person or that mentions them."""
    gone = 0
    for draft in session.scalars(select(Draft)):
        if draft.record_id in record_ids or scrubber.mentions(draft.payload):
            session.delete(draft)
            gone += 1
    return gone


def wipe_freed_pages(store: Store) -> None:
    """Make the removed values unrecoverable from the files: every connection runs with
    ``secure_delete`` (store.engine), so freed pages and cells are zeroed; here the FTS5 index is
    merged into fresh segments (the old segments still held the tokens) and the WAL, which keeps
    earlier page images, is folded in and truncated."""
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA secure_delete = ON")
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO search_index(search_index, rank) VALUES('secure-delete', 1)")
        raw.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
        raw.execute("COMMIT")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _backups(store: Store) -> list[Path]:
    return sorted(store.backup_dir.glob(f"*{backup_mod.BACKUP_SUFFIX}"))


def handle_old_backups(store: Store, person_id: str) -> list[str]:
    """Apply the backup policy to the backups that exist now (all made before the erasure)."""
    old = _backups(store)
    policy = store.get_setting("privacy.backup_policy", "mark")
    if policy == "replace":
        for path in old:
            path.unlink(missing_ok=True)
        if old:
            store.backup("erasure")
        return [p.name for p in old]
    if not old:
        return []
    log_path = store.backup_dir / ERASURE_LOG
    entries = json.loads(log_path.read_text("utf-8")) if log_path.exists() else []
    entries.append(
        {
            "person_id": person_id,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "backups": [p.name for p in old],
        }
    )
    tmp = log_path.with_suffix(".partial")
    tmp.write_text(json.dumps(entries, indent=1), "utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(log_path)
    return [p.name for p in old]


def reapply_after_restore(store: Store) -> int:
    """After a restore: erase again every person listed in ``erasures.json`` who is back in the
    restored database (a backup made before their erasure). Returns how many were erased."""
    from zz_desktop.services import privacy  # privacy uses this module

    log_path = store.backup_dir / ERASURE_LOG
    if not log_path.exists():
        return 0
    done = 0
    for entry in json.loads(log_path.read_text("utf-8")):
        with store.read() as session:
            person = session.get(Person, entry["person_id"])
            pending = person is not None and person.erased_at is None
        if pending:
            privacy.erase_person(store, entry["person_id"])
            done += 1
    return done
