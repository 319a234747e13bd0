"""Invariant 5: every route called with tokens of three centres and a coordinator."""

from __future__ import annotations

import httpx
import pytest

from tests.hub.hub_client import SYNC_HEADERS, Device, new_id, op

CENTRE_USERS = {"ZZ-ST": "berater1", "ZZ-SN": "berater-sn", "HDS": "berater-hds"}


@pytest.fixture(scope="module")
def devices(base_url: str) -> dict[str, Device]:
    found = {code: Device(base_url, user) for code, user in CENTRE_USERS.items()}
    for code, device in found.items():
        device.push_ok(
            [
                op("organisation", new_id(), name=f"Firma von {code}"),
                op("person", new_id(), last_name=code),
            ]
        )
    return found


@pytest.fixture(scope="module")
def coordinator(base_url: str) -> Device:
    return Device(base_url, "koordination")


def test_pull_and_check_only_show_own_centre(devices: dict[str, Device]) -> None:
    for code, device in devices.items():
        state = device.state()
        assert state, code
        assert {c["fields"]["centre_id"] for c in state.values()} == {device.centre_id}
        names = {c["fields"].get("name") for c in state.values()} | {
            c["fields"].get("last_name") for c in state.values()
        }
        assert not any(other in str(names) for other in CENTRE_USERS if other != code)
        check = device.http.get("/sync/check").json()
        assert sum(e["count"] for e in check["entities"].values()) == len(state)


def test_push_naming_another_centre_is_403(devices: dict[str, Device]) -> None:
    st, sn = devices["ZZ-ST"], devices["ZZ-SN"]
    _, cursor = sn.pull_all()
    ops = [
        op("person", new_id(), last_name="ok"),
        op("person", new_id(), last_name="x", centre_id=sn.centre_id),
    ]
    assert st.push(ops).status_code == 403
    assert sn.pull_all(after=cursor)[0] == []
    # Naming the own centre explicitly is fine.
    assert st.push_ok([op("person", new_id(), centre_id=st.centre_id)])[0]["status"] == "applied"


def test_same_id_in_two_centres_stays_two_rows(devices: dict[str, Device]) -> None:
    st, sn = devices["ZZ-ST"], devices["ZZ-SN"]
    shared = new_id()
    st.push_ok([op("organisation", shared, name="Sachsen-Anhalt GmbH")])
    sn.push_ok([op("organisation", shared, base_seq=999999, name="Übernahmeversuch")])
    assert st.state()[("organisation", shared)]["fields"]["name"] == "Sachsen-Anhalt GmbH"
    assert sn.state()[("organisation", shared)]["fields"]["name"] == "Übernahmeversuch"


def test_reference_is_scoped(devices: dict[str, Device], coordinator: Device) -> None:
    for code, device in devices.items():
        ref = device.http.get("/reference").json()
        assert [c["code"] for c in ref["centres"]] == [code]
        assert {u["centre_id"] for u in ref["users"]} == {device.centre_id}
        assert ref["topics"] and ref["topic_version"]
    ref = coordinator.http.get("/reference").json()
    assert {c["code"] for c in ref["centres"]} >= {"ZZ-ST", "ZZ-SN", "ZZ-TH", "HDS", "ZZA"}
    assert {u["centre_id"] for u in ref["users"]} == {coordinator.centre_id}


def test_coordinator_gets_aggregates_only(devices: dict[str, Device], coordinator: Device) -> None:
    assert coordinator.pull().status_code == 403
    assert coordinator.http.get("/sync/check").status_code == 403
    assert coordinator.push([op("person", new_id(), last_name="x")]).status_code == 403
    assert coordinator.http.get("/aggregates", params={"by": "centre"}).status_code == 200
    for device in devices.values():
        assert device.http.get("/aggregates", params={"by": "centre"}).status_code == 403


def test_hub_admin_sees_no_records(base_url: str) -> None:
    admin = Device(base_url, "admin")
    assert admin.pull().status_code == 403
    assert admin.push([op("person", new_id())]).status_code == 403
    assert admin.http.get("/aggregates").status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/reference"),
        ("POST", "/sync/push"),
        ("GET", "/sync/pull"),
        ("GET", "/sync/check"),
        ("GET", "/aggregates"),
        ("POST", "/auth/logout"),
    ],
)
def test_every_protected_route_needs_a_token(base_url: str, method: str, path: str) -> None:
    response = httpx.request(
        method, f"{base_url}/api/v1{path}", headers=SYNC_HEADERS, json={"batch_id": "b", "ops": []}
    )
    assert response.status_code == 401
