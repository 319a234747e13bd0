"""Concurrent pushes keep sequence order equal to commit order: no reader ever skips a change."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import HubProcess

WRITERS, BATCHES, OPS_PER_BATCH, READERS = 6, 12, 5, 3


def test_no_reader_skips_a_change_under_concurrent_pushes(hub: HubProcess) -> None:
    users = ["berater1", "berater2", "leitung"]
    writers = [Device(hub.base_url, users[i % len(users)]) for i in range(WRITERS)]
    readers = [Device(hub.base_url, "berater2") for _ in range(READERS)]
    _, start = readers[0].pull_all()
    written: list[str] = []
    lock = threading.Lock()
    done = threading.Event()

    def write(device: Device) -> None:
        for _ in range(BATCHES):
            ops = [op("organisation", new_id(), name="parallel") for _ in range(OPS_PER_BATCH)]
            results = device.push_ok(ops)
            assert all(r["status"] == "applied" for r in results)
            with lock:
                written.extend(o["entity_id"] for o in ops)

    def read(device: Device) -> set[str]:
        seen: set[str] = set()
        cursor = start
        while True:
            finished = done.is_set()
            response = device.pull(cursor, limit=7)
            assert response.status_code == 200, response.text
            page = response.json()
            seqs = [c["seq"] for c in page["changes"]]
            assert seqs == sorted(seqs) and all(s > cursor for s in seqs)
            seen.update(c["entity_id"] for c in page["changes"])
            cursor = page["next"]
            if finished and not page["has_more"]:
                return seen

    with ThreadPoolExecutor(WRITERS + READERS) as pool:
        reading = [pool.submit(read, r) for r in readers]
        writing = [pool.submit(write, w) for w in writers]
        for future in writing:
            future.result()
        done.set()
        seen_by_reader = [future.result() for future in reading]
    assert len(written) == WRITERS * BATCHES * OPS_PER_BATCH
    for seen in seen_by_reader:
        assert set(written) <= seen
    # Every change has its own number.
    changes, _ = readers[0].pull_all(after=start)
    assert len({c["seq"] for c in changes}) == len(changes) == len(written)
