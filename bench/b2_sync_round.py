"""B2: one sync round with nothing to do, and with 10 local edits (hub on SQLite over HTTP on
127.0.0.1; a device holding a demo data set that is already in sync)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.harness import Result

BUDGET = "B2"
TITLE = "sync round: nothing to do / 10 local edits"


def run(smoke: bool) -> list[Result]:
    from sqlalchemy import select

    from zz_desktop.services import sync_service
    from zz_desktop.services.demo import generate_demo
    from zz_desktop.store.database import open_store
    from zz_desktop.store.models import Organisation
    from zz_hub.testing import running_hub, sqlite_url

    consultations = 20 if smoke else 300
    repeat = 2 if smoke else 15
    with tempfile.TemporaryDirectory(prefix="zz-b2-") as tmp, running_hub(sqlite_url(tmp)) as url:
        store = open_store(Path(tmp) / "p", passphrase="bench-geheim", create=True)
        try:
            generate_demo(store, consultations=consultations, seed=3)
            sync_service.login(store, url, "berater1", "demo")
            sync_service.sync(store)
            sync_service.sync(store)
            idle = []
            for _ in range(repeat):
                start = time.perf_counter()
                sync_service.sync(store)
                idle.append(time.perf_counter() - start)
            with store.read() as s:
                ids = list(s.scalars(select(Organisation.id).limit(10)))
            edits = []
            for n in range(repeat):
                with store.write() as s:
                    for i, rid in enumerate(ids):
                        s.get(Organisation, rid).city = f"Ort {n}-{i}"  # type: ignore[union-attr]
                start = time.perf_counter()
                sync_service.sync(store)
                edits.append(time.perf_counter() - start)
        finally:
            store.close()
    idle_ms = statistics.median(idle) * 1000
    edit_ms = statistics.median(edits) * 1000
    return [
        Result("round with nothing to do", idle_ms, "ms", budget="≤ 50 ms", ok=idle_ms <= 50),
        Result("round with 10 local edits", edit_ms, "ms", budget="≤ 150 ms", ok=edit_ms <= 150),
    ]
