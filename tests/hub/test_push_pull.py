"""Push and pull: applied ops, exactly-once replay, retries, ordering, paging, limits, versions."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest

from tests.hub.hub_client import SYNC_HEADERS, Device, new_id, op


@pytest.fixture(scope="module")
def anna(base_url: str) -> Device:
    return Device(base_url, "berater1")


@pytest.fixture(scope="module")
def jonas(base_url: str) -> Device:
    return Device(base_url, "berater2")


def test_push_applies_and_pull_returns_full_rows(anna: Device, jonas: Device) -> None:
    org = new_id()
    results = anna.push_ok([op("organisation", org, name="Muster GmbH", city="Magdeburg")])
    assert results[0]["status"] == "applied" and results[0]["server_seq"] > 0
    seq = results[0]["server_seq"]
    anna.push_ok([op("organisation", org, base_seq=seq, city="Halle")])
    row = jonas.state()[("organisation", org)]
    assert row["fields"]["name"] == "Muster GmbH" and row["fields"]["city"] == "Halle"
    assert row["fields"]["centre_id"] == anna.centre_id and row["deleted"] is False


def test_replay_returns_stored_results_and_changes_nothing(anna: Device) -> None:
    ops = [op("person", new_id(), first_name="Eva", gender="female") for _ in range(3)]
    batch = new_id()
    first = anna.push(ops, batch_id=batch).json()["results"]
    _, cursor = anna.pull_all()
    second = anna.push(ops, batch_id=batch).json()["results"]
    assert first == second
    changes, _ = anna.pull_all(after=cursor)
    assert changes == []


def test_same_op_id_with_other_payload_is_422_and_rolls_back(anna: Device) -> None:
    original = op("person", new_id(), first_name="Karl")
    anna.push_ok([original])
    _, cursor = anna.pull_all()
    fresh = op("person", new_id(), first_name="Neu")
    changed = {**original, "fields": {"first_name": "Kurt"}}
    response = anna.push([fresh, changed])
    assert response.status_code == 422
    assert anna.pull_all(after=cursor)[0] == []


def test_lost_response_then_retry_applies_once(anna: Device, jonas: Device) -> None:
    pid = new_id()
    ops = [
        op("person", pid, first_name="Lost"),
        op("consent", new_id(), person_id=pid, purpose="newsletter"),
    ]
    _, cursor = jonas.pull_all()
    # The first response never reaches the client (simulated by dropping it) ...
    anna.push(ops)
    # ... so it retries the very same ops.
    retry = anna.push_ok(ops)
    assert [r["status"] for r in retry] == ["applied", "applied"]
    changes, _ = jonas.pull_all(after=cursor)
    assert sorted(c["entity"] for c in changes) == ["consent", "person"]


def test_duplicate_op_in_one_batch_counts_once(anna: Device) -> None:
    same = op("person", new_id(), first_name="Doppelt")
    results = anna.push_ok([same, same])
    assert results[0] == results[1]


def test_child_before_parent_is_stored(anna: Device, jonas: Device) -> None:
    consultation, person = new_id(), new_id()
    child = op("consultation_participant", new_id(), consultation_id=consultation, person_id=person)
    assert anna.push_ok([child])[0]["status"] == "applied"
    anna.push_ok(
        [
            op("person", person, first_name="Spät"),
            op("consultation", consultation, date="2024-02-01"),
        ]
    )
    state = jonas.state()
    assert ("consultation_participant", child["entity_id"]) in state
    assert ("consultation", consultation) in state


def test_page_boundary_inside_one_batch(anna: Device, jonas: Device) -> None:
    _, cursor = jonas.pull_all()
    ids = [new_id() for _ in range(7)]
    results = anna.push_ok([op("organisation", i, name=f"Firma {n}") for n, i in enumerate(ids)])
    seqs = [r["server_seq"] for r in results]
    assert seqs == sorted(seqs) and len(set(seqs)) == 7
    pages = []
    after = cursor
    while True:
        page = jonas.pull(after, limit=3).json()
        pages.append(len(page["changes"]))
        after = page["next"]
        if not page["has_more"]:
            break
    assert pages == [3, 3, 1]
    seen, _ = jonas.pull_all(after=cursor, limit=3)
    assert [c["entity_id"] for c in seen] == ids


def test_unknown_entity_and_bad_field_are_rejected_per_op(anna: Device) -> None:
    results = anna.push_ok(
        [
            op("spaceship", new_id(), name="x"),
            {**op("person", new_id()), "fields": {"Bad Name": 1}},
            op("person", new_id(), first_name="Gut"),
        ]
    )
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert results[0]["reason"] == "unknown_entity"


def test_protocol_version_out_of_range_is_426(anna: Device) -> None:
    for headers in ({"X-Sync-Protocol": "2"}, {"X-Sync-Protocol": "0"}, {"X-Sync-Schema": "99"}):
        response = anna.http.get("/sync/pull", headers=headers)
        assert response.status_code == 426
        assert "update" in response.json()["detail"]
    bare = httpx.get(
        str(anna.http.base_url).rstrip("/") + "/sync/pull",
        headers={"Authorization": f"Bearer {anna.token}"},
    )
    assert bare.status_code == 426


def test_big_bodies_and_batches_are_413(anna: Device) -> None:
    big = op("person", new_id(), notes="x" * (5 * 1024 * 1024 + 10))
    assert anna.push([big]).status_code == 413
    # A small gzip body that inflates past the limit is refused as well.
    body = json.dumps({"batch_id": "b", "ops": [big]}).encode()
    packed = gzip.compress(body)
    assert len(packed) < 100_000
    response = anna.http.post(
        "/sync/push",
        content=packed,
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    many = [op("person", new_id(), first_name="n") for _ in range(1001)]
    assert anna.push(many).status_code == 413


def test_gzip_request_and_response(anna: Device) -> None:
    ops = [
        op("organisation", new_id(), name=f"Gzip {i}", notes="Beratung " * 50) for i in range(20)
    ]
    packed = gzip.compress(json.dumps({"batch_id": new_id(), "ops": ops}).encode())
    response = anna.http.post(
        "/sync/push",
        content=packed,
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert response.status_code == 200 and len(response.json()["results"]) == 20
    pulled = anna.http.get("/sync/pull", params={"after": 0}, headers={"Accept-Encoding": "gzip"})
    assert pulled.headers.get("content-encoding") == "gzip"
    # Compressed at ZZ_HUB_GZIP_LEVEL's default 1: gzip's header says "fastest" (XFL 4).
    with anna.http.stream(
        "GET", "/sync/pull", params={"after": 0}, headers={"Accept-Encoding": "gzip"}
    ) as raw:
        packed = b"".join(raw.iter_raw())
    assert packed[:2] == b"\x1f\x8b" and packed[8] == 4


def test_gzip_level_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from zz_hub.config import HubSettings

    assert HubSettings().gzip_level == 1
    monkeypatch.setenv("ZZ_HUB_GZIP_LEVEL", "6")
    assert HubSettings().gzip_level == 6
    for wrong in ("0", "10"):
        monkeypatch.setenv("ZZ_HUB_GZIP_LEVEL", wrong)
        with pytest.raises(ValidationError):
            HubSettings()


def test_check_matches_pulled_rows(anna: Device) -> None:
    import hashlib

    state = anna.state()
    check = anna.http.get("/sync/check").json()
    by_entity: dict[str, list[str]] = {}
    for (entity, entity_id), change in state.items():
        by_entity.setdefault(entity, []).append(f"{entity_id}:{change['seq']}\n")
    for entity, lines in by_entity.items():
        digest = hashlib.sha256("".join(sorted(lines)).encode()).hexdigest()
        assert check["entities"][entity] == {"count": len(lines), "hash": digest}
    assert check["max_seq"] == max(c["seq"] for c in state.values())


def test_pull_headers_carry_server_time(anna: Device) -> None:
    response = anna.pull(0, 1)
    assert response.headers["x-server-time"].endswith("Z")
    assert response.json()["server_time"]
    assert SYNC_HEADERS["X-Sync-Protocol"] == "1"
