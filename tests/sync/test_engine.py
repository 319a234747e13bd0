"""Client engine against a real hub over HTTP on 127.0.0.1 (SQLite and PostgreSQL):
convergence, no duplicates after a lost response, child before parent, page boundaries, 410,
clock skew, 426, 401, tenancy, mass-delete fail-safe, GDPR erase, conflicts."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from sqlalchemy import select, text

from tests.sync.support import Device
from zz_desktop.services import sync_service
from zz_desktop.store.models import Consultation, Organisation, Person
from zz_desktop.sync import state
from zz_desktop.sync.engine import SyncEngine
from zz_desktop.sync.errors import ClientOutdated, MassDeleteBlocked, Offline, TokenRevoked
from zz_desktop.sync.transport import HubClient


def add_orgs(dev: Device, n: int, prefix: str = "Org") -> list[str]:
    with dev.store.write() as s:
        objs = [Organisation(name=f"{prefix} {i}") for i in range(n)]
        s.add_all(objs)
    return [o.id for o in objs]


def edit(dev: Device, model: type, rid: str, **values: object) -> None:
    with dev.store.write() as s:
        obj = s.get(model, rid)
        for k, v in values.items():
            setattr(obj, k, v)


def entities(dev: Device) -> dict:
    return dev.dump()["entities"]


def converge(*devs: Device) -> None:
    for _ in range(2):
        for d in devs:
            d.sync()
    first = json.dumps(devs[0].dump(), sort_keys=True)
    for d in devs[1:]:
        assert json.dumps(d.dump(), sort_keys=True) == first


def test_two_devices_converge(device) -> None:
    a, b = device("a", 0), device("b", 1)
    ids = add_orgs(a, 5)
    a.sync()
    b.sync()
    edit(b, Organisation, ids[0], city="Magdeburg")
    edit(a, Organisation, ids[1], deleted=True)
    converge(a, b)
    orgs = {o["id"]: o for o in entities(b)["organisation"]}
    assert orgs[ids[0]]["city"] == "Magdeburg"
    assert orgs[ids[1]]["deleted"] is True
    with b.store.read() as s:
        assert s.scalar(text("SELECT count(*) FROM outbox")) == 0


def test_lost_response_then_retry_no_duplicates(device, hub) -> None:
    a, b = device("a", 0), device("b", 1)
    ids = add_orgs(a, 3)
    a.faults.lose_next_push = True
    with pytest.raises(Offline):
        a.sync()  # the hub committed, the answer was lost
    with a.store.read() as s:
        op_ids = [r[0] for r in s.execute(text("SELECT op_id FROM outbox ORDER BY seq"))]
        assert all(r[0] > 0 for r in s.execute(text("SELECT attempts FROM outbox")))
    report = a.sync()  # the same op ids again: stored results, nothing applied twice
    assert report.rejected == 0
    converge(a, b)
    assert sorted(o["id"] for o in entities(b)["organisation"]) == sorted(ids)
    # Replaying a recorded push byte for byte returns the stored results and changes nothing.
    body, headers, answer = a.faults.pushes[0]
    token = state.read_token(a.store)
    before = httpx.get(
        f"{hub.base_url}/api/v1/sync/check",
        headers={"Authorization": f"Bearer {token}", "X-Sync-Protocol": "1"},
    ).json()
    replay = httpx.post(
        f"{hub.base_url}/api/v1/sync/push",
        content=body,
        headers={k: v for k, v in headers.items() if k.lower() not in ("content-length", "host")},
    )
    assert replay.status_code == 200
    assert replay.json()["results"] == json.loads(answer)["results"]
    after = httpx.get(
        f"{hub.base_url}/api/v1/sync/check",
        headers={"Authorization": f"Bearer {token}", "X-Sync-Protocol": "1"},
    ).json()
    assert before["entities"] == after["entities"] and before["max_seq"] == after["max_seq"]
    assert op_ids  # ops existed and were sent twice


def test_child_before_parent(device) -> None:
    a = device("a", 0)
    (org,) = add_orgs(a, 1)
    with a.store.write() as s:
        c = Consultation(date=dt.date(2026, 3, 1), organisation_id=org, title="Erstberatung")
        s.add(c)
    a.sync()
    edit(a, Organisation, org, city="Halle")  # the parent's newest seq is now after the child
    a.sync()
    b = device("b", 1)
    report = SyncEngine(b.store, b.client(*_conn(b)), page_size=1).run()
    assert report.pulled >= 2
    assert json.dumps(a.dump(), sort_keys=True) == json.dumps(b.dump(), sort_keys=True)


def test_child_whose_parent_never_arrives(device, hub) -> None:
    a = device("a", 0)
    token = state.read_token(a.store)
    ghost, child = "0190ffff-0000-7000-8000-00000000dead", "0190ffff-0000-7000-8000-00000000beef"
    with HubClient(hub.base_url, token) as client:
        from zz_protocol.schemas import Op, PushRequest

        client.push(
            PushRequest(
                batch_id="b1",
                ops=[
                    Op(
                        op_id="0190ffff-0000-7000-8000-000000000001",
                        entity="consultation",
                        entity_id=child,
                        kind="upsert",
                        fields={
                            "date": "2026-01-02",
                            "organisation_id": ghost,
                            "created_at": "2026-01-02T10:00:00.000",
                            "updated_at": "2026-01-02T10:00:00.000",
                        },
                    )
                ],
            )
        )
    report = a.sync()  # the orphan is held aside (foreign keys stay valid); the sync completes
    assert report.held == 1
    with a.store.read() as s:
        assert s.get(Consultation, child) is None
    with a.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    from zz_desktop.services import sync_problems

    assert [r["id"] for r in sync_problems.held_rows(a.store)] == [child]
    a.sync()


def _conn(dev: Device) -> tuple[str, str]:
    return state.get(dev.store, state.HUB_URL) or "", state.read_token(dev.store) or ""


def test_page_boundary_inside_one_batch(device) -> None:
    a, b = device("a", 0), device("b", 1)
    add_orgs(a, 7)
    a.sync()  # one push batch of 7 creates (+ audit entries)
    engine = SyncEngine(b.store, b.client(*_conn(b)), page_size=3)
    engine.run()
    assert json.dumps(a.dump(), sort_keys=True) == json.dumps(b.dump(), sort_keys=True)


def test_cursor_older_than_tombstone_horizon(device, hub) -> None:
    from zz_hub import admin
    from zz_hub.db import Database

    a, b = device("a", 0), device("b", 1)
    ids = add_orgs(a, 4)
    a.sync()
    b.sync()
    edit(a, Organisation, ids[0], deleted=True)
    a.sync()
    edit(b, Organisation, ids[1], city="Dessau")  # pending on b: must survive the snapshot
    db = Database(hub.database_url)
    try:
        assert admin.purge_tombstones(db, 0) >= 1
    finally:
        db.dispose()
    report = b.sync()
    assert report.resynced
    with b.store.read() as s:
        assert s.get(Organisation, ids[0]).deleted is True
        assert s.get(Organisation, ids[1]).city == "Dessau"
    a.sync()
    with a.store.read() as s:
        assert s.get(Organisation, ids[1]).city == "Dessau"


def test_client_clock_a_day_wrong(device) -> None:
    a = device("a", 0)
    add_orgs(a, 1)
    wrong = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=1)  # noqa: E731
    report = SyncEngine(a.store, a.client(*_conn(a)), clock=wrong).run()
    assert report.clock_skew_seconds is not None and report.clock_skew_seconds > 80_000
    assert report.warnings and report.pending == 0


def test_protocol_version_out_of_range(device) -> None:
    a = device("a", 0)
    add_orgs(a, 2)
    with pytest.raises(ClientOutdated):
        SyncEngine(a.store, a.client(*_conn(a), protocol_version=99)).run()
    with a.store.read() as s:
        assert s.scalar(text("SELECT count(*) FROM outbox")) > 0  # the outbox is kept
    a.sync()


def test_revoked_token(device, hub) -> None:
    from zz_hub import admin
    from zz_hub.db import Database

    a = device("a", 0)
    ids = add_orgs(a, 2)
    db = Database(hub.database_url)
    try:
        admin.revoke(db, device_id=state.get(a.store, state.DEVICE_ID))
    finally:
        db.dispose()
    with pytest.raises(TokenRevoked):
        a.sync()
    assert state.read_token(a.store) is None
    assert not sync_service.status(a.store).logged_in
    with a.store.read() as s:
        assert s.get(Organisation, ids[0]) is not None  # local data stays


def test_tenancy_other_centre_sees_nothing(device, hub, tmp_path) -> None:
    a = device("a", 0)
    ids = add_orgs(a, 3)
    a.sync()
    _code, users = hub.new_centre((("x", "advisor"),))
    other = Device(tmp_path / "other", "x", hub.base_url, users[0])
    try:
        add_orgs(other, 1, "Fremd")
        other.sync()
        seen = {o["id"] for o in entities(other)["organisation"]}
        assert not seen & set(ids)
        a.sync()
        assert {o["id"] for o in entities(a)["organisation"]} == set(ids)
    finally:
        other.close()


def test_mass_delete_fail_safe(device) -> None:
    a, b = device("a", 0), device("b", 1)
    ids = add_orgs(a, 40)
    a.sync()
    b.sync()
    with a.store.write() as s:
        for rid in ids[:30]:
            s.get(Organisation, rid).deleted = True
    a.sync()
    with pytest.raises(MassDeleteBlocked) as err:
        b.sync()
    assert err.value.entity == "organisation" and err.value.deletes > 20
    b.sync(allow_mass_delete=True)
    converge(a, b)


def test_gdpr_erase_applies_everywhere(device) -> None:
    m, b = device("m", 2), device("b", 1)  # m is a manager
    with m.store.write() as s:
        p = Person(first_name="Erika", last_name="Muster", email="e@example.org")
        s.add(p)
    m.sync()
    b.sync()
    edit(b, Person, p.id, last_name="Musterfrau", birth_year=1980)  # pending on b
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="milliseconds")
    with m.store.write(remote=True) as s:
        s.execute(
            text(
                "UPDATE person SET first_name=NULL, last_name=NULL, email=NULL, erased_at=:at "
                "WHERE id=:id"
            ),
            {"at": now, "id": p.id},
        )
        s.execute(
            text(
                "INSERT INTO outbox (op_id, entity, entity_id, kind, base_seq, fields, "
                "created_at, attempts) VALUES ('0190ffff-0000-7000-8000-0000000e0a5e', 'person', "
                ":id, 'erase', NULL, :f, :at, 0)"
            ),
            {"id": p.id, "f": json.dumps({"erased_at": now}), "at": now},
        )
    m.sync()
    b.sync()
    converge(m, b)
    with b.store.read() as s:
        person = s.get(Person, p.id)
        assert person.last_name is None and person.email is None and person.erased_at
        assert "Muster" not in json.dumps(entities(b)["conflict"])


def test_concurrent_edit_leaves_conflict_and_inbox_resolves(device) -> None:
    a, b = device("a", 0), device("b", 1)
    (org,) = add_orgs(a, 1)
    a.sync()
    b.sync()
    edit(a, Organisation, org, city="Halle")
    edit(b, Organisation, org, city="Leipzig")
    a.sync()
    b.sync()
    converge(a, b)
    for d in (a, b):
        found = sync_service.conflicts(d.store)
        assert len(found) == 1 and found[0].field == "city"
        assert {found[0].value_current, found[0].value_other} == {"Halle", "Leipzig"}
    sync_service.resolve_conflict(a.store, found[0].id, "edit", "Halle (Saale)")
    converge(a, b)
    with b.store.read() as s:
        assert s.get(Organisation, org).city == "Halle (Saale)"
    assert sync_service.conflicts(b.store) == []


def test_delete_beats_concurrent_edit_and_converges(device) -> None:
    a, b = device("a", 0), device("b", 1)
    (org,) = add_orgs(a, 1)
    a.sync()
    b.sync()
    edit(a, Organisation, org, deleted=True)
    edit(b, Organisation, org, city="Zeitz")
    a.sync()
    b.sync()  # the edit is kept in a Conflict; b re-fetches the row
    converge(a, b)
    with b.store.read() as s:
        assert s.get(Organisation, org).deleted is True
        conflict = s.scalars(select(Organisation)).all()
    assert conflict
    kept = [c for c in sync_service.conflicts(b.store) if c.field == "deleted"]
    assert kept and kept[0].value_other.get("city") == "Zeitz"


def test_one_round_at_a_time(device) -> None:
    from zz_desktop.sync.errors import SyncBusy
    from zz_desktop.sync.lock import profile_lock

    a = device("a", 0)
    with profile_lock(a.store.profile_dir), pytest.raises(SyncBusy):
        a.sync()


def test_retry_with_backoff_after_network_drop(device) -> None:
    a = device("a", 0)
    add_orgs(a, 2)
    a.faults.down = True
    with pytest.raises(Offline):
        a.sync()
    waits: list[float] = []
    calls = {"n": 0}

    def flaky_sleep(seconds: float) -> None:
        waits.append(seconds)
        calls["n"] += 1
        if calls["n"] == 2:
            a.faults.down = False

    client = HubClient(*_conn(a), transport=a.faults, retries=4, backoff=0.1, sleep=flaky_sleep)
    SyncEngine(a.store, client).run()
    assert len(waits) == 2 and waits[1] > waits[0] * 0.6  # exponential with jitter
    assert sync_service.status(a.store).pending == 0
