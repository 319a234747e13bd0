"""A sequence per centre (issue 16): no hub-wide lock, no skipped late commit, no leak.

- A PostgreSQL transaction of one centre holds its counter open while other writers go on: the
  other centre's pushes commit at once (no global lock), the same centre's wait, and a pull that
  runs all along never skips the late change.
- A centre's numbers do not move when another centre writes (nothing leaks).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from tests.hub.conftest import fresh_hub
from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import HubProcess


@pytest.fixture(scope="module")
def own_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    yield from fresh_hub(backend, tmp_path_factory)


def _seqs(results: list[dict[str, object]]) -> list[int]:
    return [int(str(r["server_seq"])) for r in results]


def test_a_centres_numbers_do_not_show_other_centres_activity(own_hub: HubProcess) -> None:
    anna, lena = Device(own_hub.base_url, "berater1"), Device(own_hub.base_url, "berater-sn")
    first = _seqs(anna.push_ok([op("organisation", new_id(), name="eins")]))[0]
    lena.push_ok([op("organisation", new_id(), name=f"Sachsen {i}") for i in range(25)])
    second = _seqs(anna.push_ok([op("organisation", new_id(), name="zwei")]))[0]
    assert second == first + 1
    assert anna.pull(first).json()["next"] == second


class _Puller(threading.Thread):
    """Pulls from its cursor again and again, as a device would, recording every change."""

    def __init__(self, device: Device, cursor: int) -> None:
        super().__init__(daemon=True)
        self.device, self.cursor = device, cursor
        self.seen: list[tuple[int, str]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            body = self.device.pull(self.cursor).json()
            self.seen += [(c["seq"], c["entity_id"]) for c in body["changes"]]
            self.cursor = body["next"]
            time.sleep(0.05)


@pytest.mark.postgres
def test_a_late_commit_is_never_skipped(own_hub: HubProcess, backend: str) -> None:
    if backend != "postgres":
        pytest.skip("SQLite has one writer: nothing can commit late")
    anna, lena = Device(own_hub.base_url, "berater1"), Device(own_hub.base_url, "berater-sn")
    anna.push_ok([op("organisation", new_id(), name="vorher")])
    start = anna.pull().json()["next"]
    puller = _Puller(anna, start)
    puller.start()
    late_id = str(uuid.uuid4())
    conninfo = own_hub.database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as late:
        # A writer of Anna's centre takes its number and stays open (as a slow push would).
        late_seq = late.execute(
            "UPDATE centre_counter SET value = value + 1 WHERE centre_id = %s RETURNING value",
            (anna.centre_id,),
        ).fetchone()[0]  # type: ignore[index]
        fields = {"name": "spät", "centre_id": anna.centre_id, "deleted": False}
        late.execute(
            "INSERT INTO sync_row (centre_id, entity, entity_id, fields, field_seq, field_meta,"
            " deleted, erased, server_seq, changed_at) VALUES"
            " (%s, 'organisation', %s, %s, %s, '{}', false, false, %s, %s)",
            (
                anna.centre_id,
                late_id,
                json.dumps(fields),
                json.dumps(dict.fromkeys(fields, late_seq)),
                late_seq,
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
            ),
        )
        after_id = new_id()
        later = threading.Thread(
            target=lambda: anna.push_ok([op("organisation", after_id, name="danach")])
        )
        later.start()
        # Another centre is not held up at all: no hub-wide lock.
        began = time.perf_counter()
        lena.push_ok([op("organisation", new_id(), name="Sachsen") for _ in range(5)])
        assert time.perf_counter() - began < 5
        time.sleep(1.0)
        # Anna's later push waits for the open writer; nothing of her centre is served yet.
        assert later.is_alive()
        assert puller.seen == [] and puller.cursor == start
        late.commit()
    later.join(30)
    assert not later.is_alive()
    deadline = time.monotonic() + 10
    while len(puller.seen) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    puller.stop.set()
    puller.join(5)
    assert [entity_id for _seq, entity_id in puller.seen] == [late_id, after_id]
    assert [seq for seq, _id in puller.seen] == [late_seq, late_seq + 1]


def test_a_new_epoch_keeps_each_centres_own_base(own_hub: HubProcess) -> None:
    """Last in the module: it starts a new epoch on the hub's database."""
    from sqlalchemy import func, select

    from zz_hub import epoch, seq
    from zz_hub.db import Database
    from zz_hub.models import SyncRow

    anna, lena = Device(own_hub.base_url, "berater1"), Device(own_hub.base_url, "berater-sn")
    anna.push_ok([op("organisation", new_id(), name="vor der Sicherung")])
    db = Database(own_hub.database_url)
    try:
        with db.read() as session:
            highest = dict(
                session.execute(
                    select(SyncRow.centre_id, func.max(SyncRow.server_seq)).group_by(
                        SyncRow.centre_id
                    )
                ).all()
            )
        new = epoch.begin_new_epoch(db)
        with db.read() as session:
            bases = seq.epoch_bases(session)
            counters = {
                c: seq.read_counter(session, c)[0] for c in (anna.centre_id, lena.centre_id)
            }
    finally:
        db.dispose()
    for device in (anna, lena):
        assert bases[device.centre_id] == highest[device.centre_id]
        assert counters[device.centre_id] == highest[device.centre_id] + epoch.GAP
        header = epoch.header_for(new, bases, device.centre_id)
        assert header == f"{new.id};{highest[device.centre_id]}"
    assert bases[anna.centre_id] != bases[lena.centre_id]
