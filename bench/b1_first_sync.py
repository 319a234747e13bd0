"""B1: first sync of a new device (100k consultations, 20k organisations, 30k persons) from a
hub on SQLite over HTTP on 127.0.0.1, against the raw pipe of performance.md — independent of
the project's code: the same rows read from the hub database by a separate stdlib process,
sent as JSON pages of 500 over HTTP, decoded and inserted with ``executemany`` into SQLCipher
(WAL, ``synchronous=FULL``, one transaction per page) into the device's own table layout."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

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
    from zz_hub.tenancy import row_fields
    from zz_hub.testing import seed

    # 2: centre_counter; 3: fields stored as the hub's row store stores them (row_fields)
    path = directory / f"b1-hub3-{orgs}-{persons}-{consultations}.sqlite3"
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
        # As the hub stores a row: centre and deleted flag last, so that a pull passes the text
        # on unparsed (zz_hub/tenancy.py: fields_tail).
        fields = row_fields(fields, centre, False)
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


def _schema(root: Path) -> list[str]:
    """The device's tables and indexes of the synced entities, as DDL (set-up, not timed)."""
    from zz_desktop.store.database import open_store
    from zz_desktop.store.models import SYNCED_MODELS

    store = open_store(root / "schema", passphrase="bench-geheim", create=True)
    try:
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') "
                "ORDER BY type = 'index'"
            ).all()
            names = conn.exec_driver_sql(
                "SELECT sql, tbl_name FROM sqlite_master WHERE sql IS NOT NULL"
            ).all()
    finally:
        store.close()
    tables = {t for _sql, t in names}
    wanted = {m.__tablename__ for m in SYNCED_MODELS.values()} & tables  # type: ignore[attr-defined]
    owner = dict(names)
    return [sql for (sql,) in rows if owner.get(sql) in wanted]


def raw_pipe(db_path: Path, root: Path) -> tuple[float, int]:
    """The limit of the stack, with no project code on the timed path: pages from a separate
    stdlib process (bench/raw_pipe_server.py) over HTTP, ``json.loads``, one ``executemany`` per
    entity and page into SQLCipher (WAL, synchronous=FULL), one transaction per page."""
    import http.client
    import subprocess
    import sys

    import sqlcipher3

    ddl = _schema(root)
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("raw_pipe_server.py")), str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    port = int(server.stdout.readline())
    db = sqlcipher3.connect(str(root / "raw.sqlite3"), isolation_level=None)
    db.execute("PRAGMA key = 'raw-pipe-bench'")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    for statement in ddl:
        db.execute(statement)
    total = 0
    statements: dict[tuple[str, tuple[str, ...]], str] = {}
    start = time.perf_counter()
    try:
        http = http.client.HTTPConnection("127.0.0.1", port)
        after, more = 0, True
        while more:
            http.request("GET", f"/?after={after}")
            page = json.loads(http.getresponse().read())
            by: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
            for ch in page["changes"]:
                fields = ch["fields"]
                fields.pop("centre_id", None)  # the hub's tenancy column, not the device's
                columns = ("id", "server_seq", *fields)
                values = (ch["entity_id"], ch["seq"]) + tuple(
                    json.dumps(v) if isinstance(v, list | dict) else v for v in fields.values()
                )
                by.setdefault((ch["entity"], columns), []).append(values)
            db.execute("BEGIN")
            for key, rows in by.items():
                sql = statements.get(key)
                if sql is None:
                    entity, columns = key
                    marks = ",".join("?" * len(columns))
                    sql = f"INSERT INTO {entity} ({','.join(columns)}) VALUES ({marks})"
                    statements[key] = sql
                db.executemany(sql, rows)
            db.execute("COMMIT")
            total += len(page["changes"])
            after, more = page["next"], page["has_more"]
        http.close()
        return time.perf_counter() - start, total
    finally:
        db.close()
        server.kill()
        server.wait()


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
            baseline_name="independent raw pipe: stdlib server process, json + executemany "
            "into SQLCipher",
            ok=rate >= 0.5 * raw_rate,
            extra={"seconds": sync_s, "raw_seconds": raw_s, "rows": sync_n},
        )
    ]
