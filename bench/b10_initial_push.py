"""B10: initial push of a demo profile (all its rows, audit entries included) to a fresh hub over
HTTP on 127.0.0.1, against a raw pipe measured in the same run with no project code on its
timed path: the same rows as JSON pages of 500 POSTed to a separate stdlib process
(bench/raw_push_server.py) that inserts each page with ``executemany`` into SQLite (WAL,
``synchronous=FULL``, one transaction per page).

Size: ``ZZ_B10_CONSULTATIONS`` (default 20,000 — the issue's demo profile; smoke: 10). The hub
runs on SQLite, and on PostgreSQL too where one answers (not in smoke mode)."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.harness import Result

BUDGET = "B10"
TITLE = "initial push of a demo profile (rows/s, ≥ 25 % of the raw pipe)"
PAGE = 500
PASSPHRASE = "bench-geheim"


def _profile(base: Path, consultations: int) -> Path:
    """A demo profile of the given size (cached under ``base``; each run pushes a copy)."""
    from zz_desktop.services.demo import generate_demo
    from zz_desktop.store.database import open_store

    path = base / f"b10-demo-{consultations}-i16a2"  # i16a2: audit inside ops, outbox index
    if not path.exists():
        tmp = base / f"{path.name}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        store = open_store(tmp, passphrase=PASSPHRASE, create=True)
        try:
            generate_demo(store, consultations=consultations, seed=7)
        finally:
            store.close()
        tmp.rename(path)
    return path


def _rows(profile: Path) -> list[list[Any]]:
    """Every row the push carries — each op's row and its audit entries (set-up, not timed)."""
    from sqlalchemy import text

    from zz_desktop.store.database import open_store

    store = open_store(profile, passphrase=PASSPHRASE)
    try:
        with store.engine.connect() as conn:
            found = conn.execute(
                text("SELECT entity, entity_id, fields, audit FROM outbox ORDER BY seq")
            ).all()
    finally:
        store.close()
    rows: list[list[Any]] = []
    for entity, entity_id, fields, audit in found:
        rows.append([entity, entity_id, json.loads(fields)])
        for entry in json.loads(audit) if audit else []:
            rows.append(["audit_entry", entry["id"], entry])
    return rows


def raw_pipe(rows: list[list[Any]], work: Path) -> float:
    """Seconds to move ``rows`` through the raw pipe (pages of 500, one POST each)."""
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("raw_push_server.py")), str(work / "raw")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    port = int(server.stdout.readline())
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port)
        start = time.perf_counter()
        for i in range(0, len(rows), PAGE):
            body = json.dumps({"rows": rows[i : i + PAGE]}, ensure_ascii=False).encode()
            conn.request("POST", "/", body=body, headers={"Content-Type": "application/json"})
            answer = conn.getresponse()
            assert answer.status == 200
            json.loads(answer.read())
        seconds = time.perf_counter() - start
        conn.close()
        return seconds
    finally:
        server.kill()
        server.wait()


def push(hub_url: str, profile: Path, work: Path) -> tuple[float, int, int]:
    """Log a copy of the profile in and run one sync round: (seconds, ops sent, rows received)."""
    from zz_desktop.services import sync_service
    from zz_desktop.store.database import open_store

    copy = work / f"device-{time.monotonic_ns()}"
    shutil.copytree(profile, copy)
    store = open_store(copy, passphrase=PASSPHRASE)
    try:
        sync_service.login(store, hub_url, "berater1", "demo")
        start = time.perf_counter()
        report = sync_service.sync(store)
        seconds = time.perf_counter() - start
        assert report.pending == 0 and report.rejected == 0, report.as_dict()
        return seconds, report.pushed, report.pulled
    finally:
        store.close()
        shutil.rmtree(copy, ignore_errors=True)


def _result(backend: str, rows: int, seconds: float, sent: int, pulled: int, raw: float) -> Result:
    rate, raw_rate = rows / seconds, rows / raw
    return Result(
        name=f"initial push to a hub on {backend}, {rows:,} rows in {sent:,} ops "
        f"({seconds:.1f} s; {pulled} rows pulled back)",
        value=rate,
        unit="rows/s",
        budget="≥ 25 % of raw",
        baseline=raw_rate,
        baseline_name="independent raw pipe: pages of 500 POSTed to a stdlib process, "
        "executemany into SQLite",
        ok=rate >= 0.25 * raw_rate,
        extra={"seconds": seconds, "raw_seconds": raw, "rows": rows, "ops": sent},
    )


def run(smoke: bool) -> list[Result]:
    from zz_hub.testing import pg_available, running_hub, temporary_pg_database

    consultations = 10 if smoke else int(os.environ.get("ZZ_B10_CONSULTATIONS", "20000"))
    cache = os.environ.get("ZZ_BENCH_CACHE")
    work = Path(tempfile.mkdtemp(prefix="zz-b10-"))
    results: list[Result] = []
    try:
        base = Path(cache) if cache and not smoke else work
        base.mkdir(parents=True, exist_ok=True)
        profile = _profile(base, consultations)
        rows = _rows(profile)
        raw = raw_pipe(rows, work)
        url = f"sqlite:///{work / 'hub.sqlite3'}"
        with running_hub(url) as hub_url:  # migrated and seeded with the demo accounts
            seconds, sent, pulled = push(hub_url, profile, work)
        results.append(_result("SQLite", len(rows), seconds, sent, pulled, raw))
        if not smoke and pg_available():
            with temporary_pg_database() as pg_url, running_hub(pg_url) as hub_url:
                seconds, sent, pulled = push(hub_url, profile, work)
            results.append(_result("PostgreSQL", len(rows), seconds, sent, pulled, raw))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results
