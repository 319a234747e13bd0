"""Issue 14: referral aggregates for the coordinating centre — which offers are used, with what
outcome, per Land — with the cell-key disclosure control of the other aggregates; projections
follow edits and deletions; per route and role; SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.hub.conftest import fresh_hub
from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import HubProcess
from zz_protocol.cellkey import MAX_DEVIATION

PERIOD = {"period": "2026-Q1"}


@pytest.fixture(scope="module")
def own_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    yield from fresh_hub(backend, tmp_path_factory)


def _cells(device: Device, by: str, **params: str) -> dict[tuple[str, ...], int]:
    response = device.http.get("/aggregates/referrals", params={"by": by, **PERIOD, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert "Vertraulich" not in response.text and "Geheim" not in response.text
    dims = body["dimensions"]
    return {tuple(c["keys"][d] for d in dims): c["count"] for c in body["cells"]}


def _near(published: dict[tuple[str, ...], int], true: dict[tuple[str, ...], int]) -> None:
    assert set(published) <= set(true), (published, true)
    for key, n in true.items():
        if n >= 5 + MAX_DEVIATION:
            assert key in published, (key, published)
        if key in published:
            assert abs(published[key] - n) <= MAX_DEVIATION and published[key] >= 5


def _refer(
    device: Device, offer_id: str, outcome: str, count: int, org: str | None = None
) -> list[tuple[str, str]]:
    """``count`` consultations in Q1 2026, each with one referral; returns (consultation, referral)."""
    ops: list[dict[str, Any]] = []
    made = []
    for n in range(count):
        cid, rid = new_id(), new_id()
        ops.append(op("consultation", cid, date=f"2026-0{1 + n % 3}-10", organisation_id=org))
        ops.append(
            op(
                "referral",
                rid,
                consultation_id=cid,
                partner_offer_id=offer_id,
                outcome=outcome,
                reason="Vertraulich: Schulden",
            )
        )
        made.append((cid, rid))
    assert {r["status"] for r in device.push_ok(ops)} == {"applied"}
    return made


@pytest.fixture(scope="module")
def world(own_hub: HubProcess) -> dict[str, Any]:
    url = own_hub.base_url
    st, sn, manager = Device(url, "berater1"), Device(url, "berater-sn"), Device(url, "leitung")
    coordinator = Device(url, "koordination")
    programme_offer, own_offer = new_id(), new_id()
    body = {
        "batch_id": new_id(),
        "ops": [op("partner_offer", programme_offer, name="KfW", partner_type="funding_bank")],
    }
    assert coordinator.http.post("/programme/push", json=body).status_code == 200
    manager.push_ok([op("partner_offer", own_offer, name="IHK", partner_type="chamber")])
    org = new_id()
    st.push_ok([op("organisation", org, name="Geheim GmbH", ags="15003000")])
    made = {
        "st_taken": _refer(st, programme_offer, "taken_up", 8, org),
        "st_own": _refer(st, own_offer, "unknown", 6, org),
        "sn_not": _refer(sn, programme_offer, "not_taken_up", 7),
        "sn_few": _refer(sn, programme_offer, "taken_up", 2),
    }
    return {
        "st": st,
        "sn": sn,
        "coordinator": coordinator,
        "programme_offer": programme_offer,
        "made": made,
    }


def _lands(coordinator: Device) -> tuple[str, str]:
    by_land = _cells(coordinator, "land")
    assert len(by_land) == 2, by_land
    st, sn = sorted(by_land, key=lambda k: -by_land[k])  # Saxony-Anhalt has more referrals
    return st[0], sn[0]


def test_counts_by_offer_outcome_and_land(world: dict[str, Any]) -> None:
    coordinator, offer = world["coordinator"], world["programme_offer"]
    st, sn = _lands(coordinator)
    published = _cells(coordinator, "offer,outcome,land")
    true = {
        (offer, "taken_up", st): 8,
        ("centre_offer", "unknown", st): 6,
        (offer, "not_taken_up", sn): 7,
        (offer, "taken_up", sn): 2,  # under the threshold: never shown as itself
    }
    _near(published, true)
    assert (offer, "taken_up", sn) not in published
    # The same cell has the same published value in every query that produces it.
    assert _cells(coordinator, "offer,outcome,land") == published
    by_type = _cells(coordinator, "partner_type,outcome")
    _near(
        by_type,
        {
            ("funding_bank", "taken_up"): 10,
            ("funding_bank", "not_taken_up"): 7,
            ("chamber", "unknown"): 6,
        },
    )
    # Another period: nothing.
    assert _cells(coordinator, "partner_type", period="2025") == {}


def test_edits_and_deletions_move_the_counts(world: dict[str, Any]) -> None:
    coordinator, sn_device = world["coordinator"], world["sn"]
    st_device, offer = world["st"], world["programme_offer"]
    st, sn = _lands(coordinator)
    # Two SN referrals change their outcome, one SN consultation is deleted (its referral goes).
    (_c1, r1), (_c2, r2), (c3, _r3) = world["made"]["sn_not"][:3]
    sn_device.push_ok(
        [
            op("referral", r1, base_seq=None, outcome="taken_up"),
            op("referral", r2, base_seq=None, outcome="taken_up"),
            op("consultation", c3, kind="delete"),
        ]
    )
    # An ST referral is deleted.
    (_c, r) = world["made"]["st_taken"][0]
    st_device.push_ok([op("referral", r, kind="delete")])
    after = _cells(coordinator, "offer,outcome,land")
    _near(
        after,
        {
            (offer, "taken_up", st): 7,
            ("centre_offer", "unknown", st): 6,
            (offer, "not_taken_up", sn): 4,
            (offer, "taken_up", sn): 4,
        },
    )


def test_only_coordinators(world: dict[str, Any]) -> None:
    for device in (world["st"], world["sn"]):
        assert device.http.get("/aggregates/referrals", params=PERIOD).status_code == 403
    coordinator = world["coordinator"]
    bad = coordinator.http.get("/aggregates/referrals", params={"by": "reason", **PERIOD})
    assert bad.status_code == 400
    day = coordinator.http.get(
        "/aggregates/referrals", params={"from": "2026-01-02", "to": "2026-03-31"}
    )
    assert day.status_code == 422
