"""B1: first sync of a new device (100k consultations, 20k organisations, 30k persons) from a
hub on SQLite over HTTP on 127.0.0.1, against the raw pipe: the same rows read from the hub
database, JSON-encoded, sent over HTTP in pages of 500 and bulk-inserted into an encrypted SQLite."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from bench.harness import Result

BUDGET = "B1"
TITLE = "first sync of a new device (rows/s, ≥ 50 % of the raw pipe)"
PAGE = 500


def _rows(orgs: int, persons: int, consultations: int) -> list[tuple[str, str, dict[str, Any]]]:
    from zz_desktop.store.base import to_wire
    from zz_desktop.store.ids import new_id
    from zz_desktop.store.models import Consultation, Organisation, Person

    rnd = random.Random(1)
    now = dt.datetime(2026, 1, 5, 9, 0)
    stamp = {"created_at": now, "updated_at": now, "created_by": None, "updated_by": None}
    out: list[tuple[str, str, dict[str, Any]]] = []
    org_ids, person_ids = [], []
    for i in range(orgs):
        o = Organisation(
            id=new_id(),
            name=f"Betrieb {i}",
            city="Magdeburg",
            postcode="39104",
            employees=rnd.randint(1, 400),
            **stamp,
        )
        org_ids.append(o.id)
        out.append(("organisation", o.id, to_wire(o)))
    for i in range(persons):
        p = Person(
            id=new_id(), first_name=f"Vorname{i}", last_name=f"Name{i}", postcode="06108", **stamp
        )
        person_ids.append(p.id)
        out.append(("person", p.id, to_wire(p)))
    for i in range(consultations):
        c = Consultation(
            id=new_id(),
            date=dt.date(2025, 1 + i % 12, 1 + i % 28),
            organisation_id=rnd.choice(org_ids),
            person_id=rnd.choice(person_ids),
            title=f"Beratung {i}",
            findings="Digitalisierung der Auftragsplanung",
            topics=["ai_at_work"],
            **stamp,
        )
        out.append(("consultation", c.id, to_wire(c)))
    return out


def hub_database(directory: Path, orgs: int, persons: int, consultations: int) -> Path:
    """A hub SQLite file seeded with the demo accounts and the rows in centre ZZ-ST (cached)."""
    from zz_hub.testing import seed

    path = directory / f"b1-hub2-{orgs}-{persons}-{consultations}.sqlite3"  # 2: centre_counter
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    seed(f"sqlite:///{tmp}")
    conn = sqlite3.connect(tmp)
    centre = conn.execute("SELECT id FROM centre WHERE code = 'ZZ-ST'").fetchone()[0]
    seq = int(conn.execute("SELECT value FROM seq_counter").fetchone()[0])  # the floor
    at = "2026-01-05 09:00:00.000000"
    batch = []
    for entity, eid, fields in _rows(orgs, persons, consultations):
        seq += 1
        fields = {**fields, "centre_id": centre}
        batch.append(
            (
                centre,
                entity,
                eid,
                json.dumps(fields),
                json.dumps({k: seq for k in fields}),
                json.dumps({}),
                0,
                0,
                None,
                seq,
                at,
            )
        )
    conn.executemany(
        "INSERT INTO sync_row (centre_id, entity, entity_id, fields, field_seq, field_meta, "
        "deleted, erased, subject_id, server_seq, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        batch,
    )
    # Each centre counts its own changes (zz_hub/seq.py).
    conn.execute(
        "INSERT INTO centre_counter (centre_id, value, purged_up_to, epoch_base) "
        "VALUES (?, ?, 0, 0) ON CONFLICT (centre_id) DO UPDATE SET value = excluded.value",
        (centre, seq),
    )
    conn.commit()
    conn.close()
    tmp.replace(path)
    return path


def first_sync(hub_url: str, root: Path) -> tuple[float, int]:
    from zz_desktop.services import sync_service
    from zz_desktop.services.identity import ensure_local_identity
    from zz_desktop.store.database import open_store

    store = open_store(root / "device", passphrase="bench-geheim", create=True)
    try:
        ensure_local_identity(store)
        sync_service.login(store, hub_url, "berater1", "demo")
        start = time.perf_counter()
        report = sync_service.sync(store)
        return time.perf_counter() - start, report.pulled
    finally:
        store.close()


class _Raw(BaseHTTPRequestHandler):
    db_path = ""

    def do_GET(self) -> None:  # noqa: N802
        after = int(parse_qs(urlparse(self.path).query).get("after", ["0"])[0])
        conn = sqlite3.connect(self.db_path)
        rows = conn.execute(
            "SELECT server_seq, entity, entity_id, fields FROM sync_row WHERE server_seq > ? "
            "ORDER BY server_seq LIMIT ?",
            (after, PAGE + 1),
        ).fetchall()
        conn.close()
        page = rows[:PAGE]
        body = json.dumps(
            {
                "changes": [
                    {"seq": s, "entity": e, "entity_id": i, "fields": json.loads(f)}
                    for s, e, i, f in page
                ],
                "next": page[-1][0] if page else after,
                "has_more": len(rows) > PAGE,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def raw_pipe(db_path: Path, root: Path) -> tuple[float, int]:
    import httpx
    from sqlalchemy import insert

    from zz_desktop.store.base import from_wire
    from zz_desktop.store.database import open_store
    from zz_desktop.store.models import SYNCED_MODELS

    _Raw.db_path = str(db_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Raw)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    store = open_store(root / "raw", passphrase="bench-geheim", create=True)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    total = 0
    start = time.perf_counter()
    try:
        with httpx.Client() as http:
            after, more = 0, True
            while more:
                page = http.get(url, params={"after": after}).json()
                by: dict[str, list[dict[str, Any]]] = {}
                for ch in page["changes"]:
                    model = SYNCED_MODELS.get(ch["entity"])
                    if model is None:
                        continue
                    values = from_wire(model, ch["fields"])
                    values["id"] = ch["entity_id"]
                    values["server_seq"] = ch["seq"]
                    by.setdefault(ch["entity"], []).append(values)
                with store.write(remote=True) as s:
                    conn = s.connection()
                    for entity, rows in by.items():
                        conn.execute(insert(SYNCED_MODELS[entity].__table__), rows)  # type: ignore[attr-defined]
                total += len(page["changes"])
                after, more = page["next"], page["has_more"]
        return time.perf_counter() - start, total
    finally:
        store.close()
        server.shutdown()


def run(smoke: bool) -> list[Result]:
    from zz_hub.testing import running_hub

    sizes = (200, 300, 1000) if smoke else (20_000, 30_000, 100_000)
    cache = os.environ.get("ZZ_BENCH_CACHE")
    work = Path(tempfile.mkdtemp(prefix="zz-b1-"))
    try:
        base = Path(cache) if cache and not smoke else work
        base.mkdir(parents=True, exist_ok=True)
        hub_db = hub_database(base, *sizes)
        live = work / "hub.sqlite3"
        shutil.copy(hub_db, live)
        raw_s, raw_n = raw_pipe(live, work)
        with running_hub(f"sqlite:///{live}", demo=False) as url:
            sync_s, sync_n = first_sync(url, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rate, raw_rate = sync_n / sync_s, raw_n / raw_s
    return [
        Result(
            name=f"first sync, {sum(sizes):,} rows ({sync_s:.1f} s)",
            value=rate,
            unit="rows/s",
            budget="≥ 50 % of raw",
            baseline=raw_rate,
            baseline_name="raw pipe, pages of 500",
            ok=rate >= 0.5 * raw_rate,
            extra={"seconds": sync_s, "raw_seconds": raw_s, "rows": sync_n},
        )
    ]
