"""Issue 16 (hub side of the initial upload): audit entries inside their op, clean results and
pulls that leave out a device's own clean rows — SQLite and PostgreSQL over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.hub.hub_client import Device, new_id, op

CLEAN = {"X-Sync-Acks": "clean"}
NOW = "2026-12-01T10:00:00.000"


@pytest.fixture(scope="module")
def anna(base_url: str) -> Device:
    return Device(base_url, "berater1")


@pytest.fixture(scope="module")
def jonas(base_url: str) -> Device:
    return Device(base_url, "berater2")


def audit_entry(device: Device, entity: str, entity_id: str, action: str = "create") -> dict:
    return {
        "id": new_id(),
        "centre_id": device.centre_id,
        "user_id": device.user["id"],
        "at": NOW,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "detail": None,
        "created_at": NOW,
        "updated_at": NOW,
        "created_by": device.user["id"],
        "updated_by": device.user["id"],
        "deleted": False,
    }


def create(device: Device, entity_id: str, **fields: Any) -> dict[str, Any]:
    stamps = {"created_at": NOW, "updated_at": NOW, "centre_id": device.centre_id}
    return op("organisation", entity_id, **{"name": "Firma", **stamps, **fields})


def push_clean(device: Device, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = device.http.post(
        "/sync/push", json={"batch_id": new_id(), "ops": ops}, headers=CLEAN
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def pull_own_skipped(device: Device, after: int) -> tuple[list[dict[str, Any]], int]:
    changes: list[dict[str, Any]] = []
    while True:
        response = device.http.get(
            "/sync/pull", params={"after": after, "limit": 3, "skip_own": "true"}
        )
        assert response.status_code == 200, response.text
        page = response.json()
        changes.extend(page["changes"])
        after = page["next"]
        if not page["has_more"]:
            return changes, after


def test_audit_entries_inside_their_op_are_stored_with_it(anna: Device, jonas: Device) -> None:
    org = new_id()
    entries = [audit_entry(anna, "organisation", org), audit_entry(anna, "organisation", org)]
    change = {**create(anna, org), "audit": entries}
    [result] = push_clean(anna, [change])
    assert result["status"] == "applied" and result["clean"] is True
    seqs = result["audit_seqs"]
    assert len(seqs) == 2 and all(isinstance(s, int) and s > 0 for s in seqs)
    assert len({result["server_seq"], *seqs}) == 3
    state = jonas.state()  # a colleague receives the entries as rows of their own
    for entry, seq in zip(entries, seqs, strict=True):
        row = state[("audit_entry", entry["id"])]
        assert row["seq"] == seq and row["fields"]["entity_id"] == org
        assert row["fields"]["action"] == "create"
    # The same op again: the stored answer, nothing stored twice.
    _, cursor = jonas.pull_all()
    assert push_clean(anna, [change]) == [result]
    assert jonas.pull_all(after=cursor)[0] == []
    # The op id with other audit entries is another payload: refused as any reused op id.
    other = {**change, "audit": [audit_entry(anna, "organisation", org)]}
    response = anna.http.post("/sync/push", json={"batch_id": new_id(), "ops": [other]})
    assert response.status_code == 422


def test_standalone_audit_ops_of_older_devices_still_apply(anna: Device, jonas: Device) -> None:
    org = new_id()
    entry = audit_entry(anna, "organisation", org)
    standalone = op(
        "audit_entry", entry["id"], fields={k: v for k, v in entry.items() if k != "id"}
    )
    results = anna.push_ok([create(anna, org), standalone])  # an old client: no X-Sync-Acks
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert all("clean" not in r and "audit_seqs" not in r for r in results)
    row = jonas.state()[("audit_entry", entry["id"])]
    assert row["fields"]["entity_id"] == org


def test_a_bad_embedded_entry_is_not_stored_and_the_change_applies(anna: Device) -> None:
    org = new_id()
    bad = {**audit_entry(anna, "organisation", org), "action": None}  # action is required
    [result] = push_clean(anna, [{**create(anna, org), "audit": [bad]}])
    assert result["status"] == "applied" and result["audit_seqs"] == [None]
    assert ("audit_entry", bad["id"]) not in anna.state()


def test_embedded_entry_of_another_centre_is_refused(anna: Device) -> None:
    org = new_id()
    foreign = {**audit_entry(anna, "organisation", org), "centre_id": new_id()}
    response = anna.http.post(
        "/sync/push",
        json={"batch_id": new_id(), "ops": [{**create(anna, org), "audit": [foreign]}]},
        headers=CLEAN,
    )
    assert response.status_code == 403


def test_own_clean_rows_are_left_out_of_the_pull(anna: Device, jonas: Device) -> None:
    _, cursor = anna.pull_all()
    orgs = [new_id() for _ in range(7)]
    results = push_clean(
        anna, [{**create(anna, o), "audit": [audit_entry(anna, "organisation", o)]} for o in orgs]
    )
    assert all(r["clean"] for r in results)
    top = max(s for r in results for s in (r["server_seq"], *r["audit_seqs"]))
    changes, nxt = pull_own_skipped(anna, cursor)
    assert changes == [] and nxt == top  # nothing back, and the cursor moved past them
    # A colleague gets every one of them; a plain pull (no skip_own) too.
    assert {c["entity_id"] for c in jonas.pull_all(after=cursor)[0]} >= set(orgs)
    assert {c["entity_id"] for c in anna.pull_all(after=cursor)[0]} >= set(orgs)
    # The colleague's edit is not the device's own: it comes back.
    [edit] = push_clean(jonas, [op("organisation", orgs[0], base_seq=top, city="Dessau")])
    assert edit["clean"] is True
    changes, _ = pull_own_skipped(anna, nxt)
    assert [(c["entity_id"], c["fields"]["city"]) for c in changes] == [(orgs[0], "Dessau")]


def test_not_clean_when_the_hub_row_holds_a_colleagues_newer_field(
    anna: Device, jonas: Device
) -> None:
    """The true-base rule: the device may not take the new seq, and it gets the row back."""
    org = new_id()
    [made] = push_clean(anna, [create(anna, org, city="Halle")])
    base = made["server_seq"]
    [theirs] = push_clean(jonas, [op("organisation", org, base_seq=base, phone="0345 1")])
    [mine] = push_clean(anna, [op("organisation", org, base_seq=base, city="Magdeburg")])
    assert mine["status"] == "applied" and mine["clean"] is False
    changes, _ = pull_own_skipped(anna, theirs["server_seq"])
    [row] = [c for c in changes if c["entity_id"] == org]
    assert row["fields"]["phone"] == "0345 1" and row["fields"]["city"] == "Magdeburg"


def test_own_earlier_write_and_strict(anna: Device) -> None:
    """A field newer than the base written by this same device keeps the row clean; a strict
    op (after a restored backup) is never clean with such a field."""
    org = new_id()
    [made] = push_clean(anna, [create(anna, org)])
    base = made["server_seq"]
    [first] = push_clean(anna, [op("organisation", org, base_seq=base, city="Halle")])
    [second] = push_clean(anna, [op("organisation", org, base_seq=base, phone="1")])
    assert first["clean"] and second["clean"]
    strict = {**op("organisation", org, base_seq=base, email="a@b.de"), "strict": True}
    [third] = push_clean(anna, [strict])
    assert third["clean"] is False


def test_delete_is_not_clean(anna: Device) -> None:
    org = new_id()
    [made] = push_clean(anna, [create(anna, org)])
    [gone] = push_clean(anna, [op("organisation", org, kind="delete", base_seq=made["server_seq"])])
    assert gone["status"] == "applied" and gone["clean"] is False
