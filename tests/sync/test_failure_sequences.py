"""The failure sequences of issue 9, each against a real hub over HTTP (SQLite and PostgreSQL):
push acknowledged but pull failing, hub restored from a backup, a user switch on a profile, a
device restoring its own backup, an interrupted first sync, a malformed op. Each asserts the
invariants of docs/sync.md: convergence, no lost edit, exactly once, integrity."""

from __future__ import annotations

import json

import pytest

from tests.sync.support import Device
from zz_desktop.services import sync_service
from zz_desktop.store.models import Organisation
from zz_desktop.sync.errors import SyncError


def add_org(dev: Device, **values: object) -> str:
    with dev.store.write() as s:
        org = Organisation(**{"name": "Org", **values})
        s.add(org)
    return org.id


def edit(dev: Device, rid: str, **values: object) -> None:
    with dev.store.write() as s:
        obj = s.get(Organisation, rid)
        for k, v in values.items():
            setattr(obj, k, v)


def converge(*devs: Device) -> dict:
    for _ in range(2):
        for d in devs:
            d.sync()
    first = json.dumps(devs[0].dump(), sort_keys=True)
    for d in devs[1:]:
        assert json.dumps(d.dump(), sort_keys=True) == first
    return devs[0].dump()["entities"]


def kept_values(data: dict) -> set[str]:
    kept: set[str] = set()
    for c in data["conflict"]:
        for v in (c["value_current"], c["value_other"]):
            if isinstance(v, dict):
                kept.update(str(x) for x in v.values())
            else:
                kept.add(str(v))
    return kept


def assert_present(data: dict, rid: str, field: str, value: str) -> None:
    row = next(o for o in data["organisation"] if o["id"] == rid)
    assert row[field] == value or value in kept_values(data), f"{value!r} lost"


def test_push_acknowledged_pull_failing_keeps_colleagues_edit(device) -> None:
    a, b = device("a", 0), device("b", 1)
    rid = add_org(a, city="Halle")
    a.sync()
    b.sync()
    edit(b, rid, city="Leipzig")  # the colleague's edit, pushed first
    b.sync()
    edit(a, rid, website="https://a.example")  # a's unrelated edit: push ok, pull refused
    a.faults.no_pull = True
    with pytest.raises(SyncError):
        a.sync()
    a.faults.no_pull = False
    edit(a, rid, city="Dessau")  # a has not seen "Leipzig": this must become a conflict
    data = converge(a, b)
    assert_present(data, rid, "city", "Leipzig")
    assert_present(data, rid, "city", "Dessau")
    assert any(c["field"] == "city" for c in data["conflict"])


# ---------------------------------------------------------------- 5. an interrupted first sync


def _fk_ok(dev: Device) -> bool:
    with dev.store.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_first_sync_cut_keeps_progress_and_foreign_keys(device) -> None:
    import datetime as dt

    from zz_desktop.store.models import Consultation
    from zz_desktop.sync import state
    from zz_desktop.sync.engine import SyncEngine

    a = device("a", 0)
    orgs = [add_org(a, name=f"Firma {i}") for i in range(12)]
    with a.store.write() as s:
        for i, org in enumerate(orgs):
            s.add(Consultation(date=dt.date(2026, 3, 1 + i), organisation_id=org, title=f"B {i}"))
    a.sync()
    for org in orgs:  # the parents' newest seqs now come after their children
        edit(a, org, city="Halle")
    a.sync()
    b = device("b", 1)
    hub_url, token = state.get(b.store, state.HUB_URL) or "", state.read_token(b.store) or ""
    cursors = []
    for cut in range(1, 40):
        b.faults.pull_pages = 2  # two good pages, then the connection is cut
        try:
            SyncEngine(b.store, b.client(hub_url, token), page_size=3).run()
            break
        except SyncError:
            pass
        finally:
            b.faults.pull_pages = None
        assert _fk_ok(b), f"foreign keys broken after cut {cut}"
        cursors.append(state.cursor(b.store))
        b.restart()
    assert len(cursors) >= 2 and cursors == sorted(cursors) and cursors[0] > 0
    assert len(set(cursors)) == len(cursors), "a cut kept no progress"
    converge(a, b)
    assert _fk_ok(b)


# ---------------------------------------------------------------- 6. a malformed op


BAD_FIELDS = [
    ("person", {"birth_year": 2**70}),
    ("organisation", {"name": ["a", "list"]}),
    ("consultation", {"date": "not-a-date"}),
    ("person", {"erased_at": {"an": "object"}}),
    ("consultation", {"topics": ["free text typed as a topic"]}),
    ("organisation", {"name": "NUL\x00inside"}),
    ("organisation", {"sme_class": "gigantic"}),
]


@pytest.mark.parametrize(("entity", "fields"), BAD_FIELDS)
def test_malformed_op_rejected_rest_applies(device, hub, entity, fields, tmp_path) -> None:
    import logging

    from zz_desktop.services import sync_problems
    from zz_desktop.sync import state
    from zz_desktop.sync.transport import HubClient
    from zz_protocol.schemas import Op, PushRequest

    a, b = device("a", 0), device("b", 1)
    good = add_org(a, name="Gute Firma", email="secret.person@example.org")
    a.sync()
    bad_id = "0190ffff-0000-7000-8000-00000000bad1"
    token = state.read_token(a.store)
    with HubClient(hub.base_url, token) as client:
        response = client.push(
            PushRequest(
                batch_id="bad",
                ops=[
                    Op(
                        op_id="0190ffff-0000-7000-8000-0000000000b1",
                        entity=entity,
                        entity_id=bad_id,
                        kind="upsert",
                        fields=fields,
                    ),
                    Op(
                        op_id="0190ffff-0000-7000-8000-0000000000b2",
                        entity="organisation",
                        entity_id=good,
                        kind="upsert",
                        base_seq=None,
                        fields={"city": "Magdeburg"},
                    ),
                ],
            )
        )
    first, second = response.results
    assert first.status == "rejected" and first.reason
    assert second.status == "applied"
    data = converge(a, b)
    assert not any(o["id"] == bad_id for rows in data.values() for o in rows)
    assert next(o for o in data["organisation"] if o["id"] == good)["city"] == "Magdeburg"
    logging.shutdown()
    assert sync_problems.held_rows(b.store) == []


def test_rejected_op_listed_for_the_user_and_no_value_in_logs(device, tmp_path) -> None:
    from zz_desktop.services import sync_problems

    a = device("a", 0)
    rid = add_org(a, name="Firma Geheimwert")
    with a.store.write() as s:
        org = s.get(Organisation, rid)
        org.sme_class = "gigantic"  # not in the code list: the hub refuses it
    report = a.sync()
    assert report.rejected == 1
    listed = sync_problems.rejected_ops(a.store)
    assert [r.entity_id for r in listed] == [rid]
    assert "sme_class" in listed[0].reason and "gigantic" not in listed[0].reason
    assert listed[0].fields.get("name") == "Firma Geheimwert"  # kept on the device
    for log in a.root.rglob("*.log"):
        assert b"Geheimwert" not in log.read_bytes()


# ---------------------------------------------------------------- 3. a user switch on a profile


def _switch_user(dev: Device, hub, username: str) -> None:
    sync_service.logout(dev.store, client_factory=dev.client)
    sync_service.login(dev.store, hub.base_url, username, "demo", client_factory=dev.client)
    dev.username = username


def test_user_switch_rewrites_nothing_and_converges(device, hub, centre) -> None:
    a, other = device("a", 0), device("o", 2)
    rid = add_org(a, name="Firma Anna")
    a.sync()
    before = a.dump()["entities"]
    rid2 = add_org(a, name="Noch offen")  # pending when the colleague logs in
    a.faults.lose_next_push = True  # ... and its answer is lost before the logout
    with pytest.raises(SyncError):
        a.sync()
    _switch_user(a, hub, centre[1][1])
    rid3 = add_org(a, name="Firma Bert")
    data = converge(a, other)
    audit_before = {e["id"]: e["user_id"] for e in before["audit_entry"]}
    audit_after = {e["id"]: e["user_id"] for e in data["audit_entry"]}
    assert {k: audit_after[k] for k in audit_before} == audit_before  # history unchanged
    orgs = {o["id"]: o for o in data["organisation"]}
    assert orgs[rid]["created_by"] == orgs[rid2]["created_by"] != orgs[rid3]["created_by"]


def test_profile_stays_bound_to_its_centre(device, hub) -> None:
    from zz_desktop.sync.errors import LoginFailed

    a = device("a", 0)
    a.sync()
    _code, (stranger,) = hub.new_centre((("x", "advisor"),))
    sync_service.logout(a.store, client_factory=a.client)
    with pytest.raises(LoginFailed):
        sync_service.login(a.store, hub.base_url, stranger, "demo", client_factory=a.client)


# ---------------------------------------------------------------- 4. restoring the device's backup


def test_restore_own_backup_reconciles(device) -> None:
    a, b = device("a", 0), device("b", 1)
    rid = add_org(a, name="Firma", city="Halle")
    a.sync()
    edit(a, rid, city="Halle (Saale)")  # pending in the backup
    backup = a.store.backup("test")
    edit(a, rid, city="Halle an der Saale", website="https://halle.example")  # grows the op
    a.sync()
    b.sync()
    a.store.restore(backup)
    a.restart()
    data = converge(a, b)  # no 422, no stuck outbox
    assert_present(data, rid, "city", "Halle an der Saale")
    assert_present(data, rid, "website", "https://halle.example")
    assert sync_service.status(a.store).pending == 0


# ---------------------------------------------------------------- 2. hub restored from a backup


@pytest.mark.parametrize("new_epoch", [True, False], ids=["new-epoch", "no-new-epoch"])
def test_hub_restored_from_backup_loses_nothing(device, hub, new_epoch) -> None:
    a, b = device("a", 0), device("b", 1)
    old = add_org(a, name="Vorher", city="Halle")
    a.sync()
    b.sync()
    backup = hub.snapshot()
    after = add_org(a, name="Nach der Sicherung")  # pushed after the backup: lost on the hub
    edit(a, old, city="Halle (Saale)")
    a.sync()
    b.sync()
    hub.restore(backup, new_epoch=new_epoch)
    edit(b, old, website="https://nachher.example")  # an edit made after the restore
    data = converge(a, b)
    orgs = {o["id"]: o for o in data["organisation"]}
    assert after in orgs and orgs[after]["deleted"] is False
    assert_present(data, old, "city", "Halle (Saale)")
    assert_present(data, old, "website", "https://nachher.example")
    assert _fk_ok(a) and _fk_ok(b)


def test_restored_hub_never_reuses_numbers(device, hub) -> None:
    a, b = device("a", 0), device("b", 1)
    rid = add_org(a, name="Firma", city="Halle")
    a.sync()
    b.sync()
    backup = hub.snapshot()
    for i in range(5):  # numbers handed out after the backup
        edit(a, rid, notes=f"n{i}")
        a.sync()
    b.sync()  # b saw the row at a seq the restored hub does not know
    hub.restore(backup)
    c = device("c", 2)
    c.sync()
    for i in range(8):  # the restored hub's counter runs past b's view
        edit(c, rid, city=f"Stadt {i}")
        c.sync()
    edit(b, rid, city="Leipzig")  # b has not seen c's cities: must be a conflict
    data = converge(a, b, c)
    assert_present(data, rid, "city", "Stadt 7")
    assert_present(data, rid, "city", "Leipzig")


def test_hub_restored_after_acknowledged_push_not_pulled(device, hub) -> None:
    a, b = device("a", 0), device("b", 1)
    rid = add_org(a, name="Firma", city="Halle")
    a.sync()
    b.sync()
    backup = hub.snapshot()
    edit(a, rid, city="Dessau")
    a.faults.no_pull = True  # acknowledged, never pulled back
    with pytest.raises(SyncError):
        a.sync()
    a.faults.no_pull = False
    hub.restore(backup)
    data = converge(a, b)
    assert_present(data, rid, "city", "Dessau")


def _poison_on_hub(hub, entity_id: str, **bad: object) -> None:
    """A malformed row as a hub without validation stored it: changed behind the API."""
    from sqlalchemy import select, update

    from zz_hub.db import Database
    from zz_hub.models import CentreCounter, SyncRow

    db = Database(hub.database_url)
    try:
        with db.write() as session:
            row = session.scalars(select(SyncRow).where(SyncRow.entity_id == entity_id)).one()
            row.fields = {**row.fields, **bad}
            # Served again to every device, with a number the hub's counter hands out only once.
            row.server_seq = session.execute(
                update(CentreCounter)
                .where(CentreCounter.centre_id == row.centre_id)
                .values(value=CentreCounter.value + 1)
                .returning(CentreCounter.value)
            ).scalar_one()
    finally:
        db.dispose()


def test_unstorable_pulled_row_is_quarantined_and_logs_keep_no_value(device, hub, tmp_path) -> None:
    import datetime as dt
    import logging

    from zz_desktop.services import sync_problems
    from zz_desktop.store.models import Consultation

    log_file = tmp_path / "all.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        a, b = device("a", 0), device("b", 1)
        org = add_org(a, name="Firma Geheimrat", email="geheim.person@example.org")
        with a.store.write() as s:
            c = Consultation(
                date=dt.date(2026, 3, 1),
                organisation_id=org,
                title="Erstgespräch",
                findings="Telefon 0345 999 888 von Frau Geheimrat",
            )
            s.add(c)
        a.sync()
        b.sync()
        _poison_on_hub(hub, c.id, date="not-a-date", findings="Frau Geheimrat 0345 999 888")
        report = b.sync()  # the bad row is set aside; the sync completes
        assert report.quarantined == 1
        assert [r["id"] for r in sync_problems.held_rows(b.store)] == [c.id]
        b.sync()
        with b.store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    text = log_file.read_bytes()
    assert b"quarantined" in text
    for secret in (b"Geheimrat", b"geheim.person", b"999 888"):
        assert secret not in text


def _org_with_consultation(dev: Device, name: str) -> tuple[str, str]:
    import datetime as dt

    from zz_desktop.store.models import Consultation

    org = add_org(dev, name=name)
    with dev.store.write() as s:
        c = Consultation(date=dt.date(2026, 3, 1), organisation_id=org, title="Erstgespräch")
        s.add(c)
    return org, c.id


def _assert_parent_quarantined_child_held(dev: Device, org: str, child: str) -> None:
    from zz_desktop.services import sync_problems

    reasons = {r["id"]: r["reason"] for r in sync_problems.held_rows(dev.store)}
    assert reasons == {org: "invalid", child: "missing_parent"}
    assert _fk_ok(dev)


def test_unfitting_parent_holds_its_children_of_the_same_page(device, hub) -> None:
    """A row stored on the hub before it validated (an integer beyond 64 bits) arrives in one page
    with its child: the parent is quarantined, the child waits, the sync goes on."""
    a, b = device("a", 0), device("b", 1)
    org, child = _org_with_consultation(a, "Firma Riesig")
    a.sync()
    _poison_on_hub(hub, org, employees=2**70)
    report = b.sync()  # first sync: parent and child in one page
    assert report.quarantined == 1
    _assert_parent_quarantined_child_held(b, org, child)
    b.sync()  # the next round neither fails nor loses the held rows
    _assert_parent_quarantined_child_held(b, org, child)


def test_refused_parent_holds_its_children_of_the_same_page(device) -> None:
    """A parent this device's database refuses (a trigger stands in for any refusal) arrives in
    one page with its child: foreign keys are checked at commit, so the child must wait instead
    of failing the page's commit — the sync completes and stays repeatable."""
    a, b = device("a", 0), device("b", 1)
    with b.store.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse_org BEFORE INSERT ON organisation "
            "WHEN NEW.name = 'Firma Verweigert' BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    org, child = _org_with_consultation(a, "Firma Verweigert")
    other = add_org(a, name="Firma Gut")
    a.sync()
    report = b.sync()
    assert report.quarantined == 1
    _assert_parent_quarantined_child_held(b, org, child)
    with b.store.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM organisation")}
    assert "Firma Gut" in names and other
    b.sync()
    _assert_parent_quarantined_child_held(b, org, child)
