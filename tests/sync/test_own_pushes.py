"""A device does not pull back what it just pushed, and audit entries travel inside their op
(issue 16) — against a real hub over HTTP (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from sqlalchemy import text

from tests.sync.support import Device
from zz_desktop.store.models import Organisation, Person
from zz_desktop.sync import outbox


def add_rows(dev: Device, n: int) -> list[str]:
    with dev.store.write() as s:
        orgs = [Organisation(name=f"Firma {i}", city="Halle") for i in range(n)]
        persons = [Person(first_name=f"Eva {i}", last_name="Muster") for i in range(n)]
        s.add_all([*orgs, *persons])
    return [o.id for o in orgs]


def unseen(dev: Device) -> int:
    """Rows (audit entries included) without a number from the hub."""
    with dev.store.read() as s:
        conn = s.connection()
        return sum(
            int(conn.execute(text(f"SELECT count(*) FROM {t} WHERE server_seq IS NULL")).scalar())
            for t in ("organisation", "person", "audit_entry")
        )


def test_first_push_of_fresh_rows_pulls_nothing_back(device) -> None:
    a = device("a", 0)
    add_rows(a, 6)
    with a.store.read() as s:
        batch = outbox.next_batch(s.connection())
    # One op per row, each carrying its audit entry (no audit op of its own).
    assert len(batch.ops) == 12 and {op.entity for op in batch.ops} == {"organisation", "person"}
    assert all(len(op.audit) == 1 for op in batch.ops)
    report = a.sync()
    assert report.pushed == 12
    assert report.pulled == 0  # "12 sent, 0 received"
    assert report.refetched == []  # the check agrees: every row carries the hub's number
    assert unseen(a) == 0
    # A colleague receives the rows and their audit entries.
    b = device("b", 1)
    b.sync()
    data = b.dump()["entities"]
    assert len(data["organisation"]) == 6 and len(data["audit_entry"]) == 12
    assert json.dumps(data, sort_keys=True) == json.dumps(a.dump()["entities"], sort_keys=True)


def test_own_edit_is_not_pulled_back_a_colleagues_is(device) -> None:
    a, b = device("a", 0), device("b", 1)
    ids = add_rows(a, 2)
    a.sync()
    b.sync()
    with a.store.write() as s:
        s.get(Organisation, ids[0]).city = "Dessau"
    report = a.sync()
    assert report.pushed == 1 and report.pulled == 0
    with b.store.write() as s:
        s.get(Organisation, ids[1]).city = "Leipzig"
    b.sync()
    report = a.sync()
    assert report.pulled == 2  # b's edit and its audit entry
    b.sync()
    assert json.dumps(a.dump(), sort_keys=True) == json.dumps(b.dump(), sort_keys=True)


def test_push_over_a_colleagues_newer_field_pulls_the_row_back(device) -> None:
    """The true-base rule: the hub's row holds b's phone, which a has not seen — a's ack is not
    clean, a keeps its old number and the pull brings the merged row."""
    a, b = device("a", 0), device("b", 1)
    [rid, _] = add_rows(a, 2)
    a.sync()
    b.sync()
    with b.store.write() as s:
        s.get(Organisation, rid).phone = "0345 1"
    b.sync()
    with a.store.write() as s:
        s.get(Organisation, rid).city = "Magdeburg"
    report = a.sync()
    assert report.pulled >= 1
    with a.store.read() as s:
        org = s.get(Organisation, rid)
        assert org.phone == "0345 1" and org.city == "Magdeburg"
