"""Every route of the hub's OpenAPI × the coordinator's token: aggregates (counts only) or 403 —
never a record, an id, a name or free text of a centre's records; an advisor gets 403 on the
aggregates."""

from __future__ import annotations

import re

import pytest

from tests.hub.hub_client import SYNC_HEADERS, Device, new_id, op

#: Routes a coordinator may read besides the aggregates: its own session and reference data
#: (centres, code lists; users only of its own centre — no records of any centre).
SESSION_ROUTES = {
    "/api/v1/health",
    "/api/v1/reference",
    "/api/v1/auth/login",
    "/api/v1/auth/logout",
}
#: Perturbed counts (cell-key): consultations, and referrals to the partner network (issue 14).
AGGREGATE_ROUTES = {"/api/v1/aggregates", "/api/v1/aggregates/referrals"}
#: The programme scope (issue 14): programme-wide rows the coordinators maintain, never a
#: centre's record.
PROGRAMME_ROUTES = {
    "/api/v1/programme/push",
    "/api/v1/programme/pull",
    "/api/v1/programme/check",
}


@pytest.fixture(scope="module")
def seeded(base_url: str) -> dict[str, str]:
    st = Device(base_url, "berater1")
    org, person = new_id(), new_id()
    cids = [new_id() for _ in range(8)]
    st.push_ok(
        [
            op("organisation", org, name="Streng Geheim GmbH", ags="15003000", sme_class="small"),
            op("person", person, last_name="Zufallsname", gender="female"),
        ]
        + [
            op(
                "consultation",
                c,
                date="2016-05-05",
                mode="phone",
                topics=["ai_at_work"],
                organisation_id=org,
                person_id=person,
                findings="Vertraulicher Freitext",
            )
            for c in cids
        ]
    )
    return {"org": org, "person": person, "cid": cids[0], "user": st.user["id"]}


def test_every_route_with_a_coordinator_token(base_url: str, seeded: dict[str, str]) -> None:
    coordinator = Device(base_url, "koordination")
    spec = coordinator.http.get(f"{base_url}/openapi.json").json()
    checked = 0
    for path, methods in spec["paths"].items():
        url = re.sub(r"\{[^}]+\}", new_id(), path)
        for method in methods:
            if path == "/api/v1/auth/logout":
                continue  # would end the token the loop uses; covered by the session tests
            params = {"by": "centre,land,quarter,topic,sector,sme_class,mode,kind,gender"}
            response = coordinator.http.request(
                method.upper(),
                f"{base_url}{url}",
                params=params if path.endswith("/aggregates") else None,
                json={"batch_id": "b", "ops": []} if method == "post" else None,
                headers=SYNC_HEADERS,
            )
            checked += 1
            text = response.text
            for secret in ("Streng Geheim", "Zufallsname", "Vertraulicher", *seeded.values()):
                assert secret not in text, (method, path)
            if path in PROGRAMME_ROUTES:
                assert response.status_code == 200, (method, path)
                _only_programme_rows(path, response.json())
            elif response.status_code < 300 and path not in SESSION_ROUTES:
                assert path in AGGREGATE_ROUTES, (method, path, response.status_code)
                body = response.json()
                assert set(body) >= {"dimensions", "cells", "threshold"}
                for cell in body["cells"]:
                    assert set(cell) == {"keys", "count"} and isinstance(cell["count"], int)
            elif path not in SESSION_ROUTES and path not in AGGREGATE_ROUTES:
                assert response.status_code in (403, 404, 405, 422), (method, path)
    assert checked >= 5


def _only_programme_rows(path: str, body: dict[str, object]) -> None:
    if path.endswith("/pull"):
        changes = body["changes"]
        assert isinstance(changes, list)
        assert all(c["fields"]["centre_id"] == "programme" for c in changes)
    elif path.endswith("/check"):
        entities = body["entities"]
        assert isinstance(entities, dict)
        counted = {name for name, e in entities.items() if e["count"]}
        assert counted <= {"partner_offer", "knowledge_item", "conflict"}, counted
    else:
        assert body["results"] == []


def test_an_advisor_gets_403_on_the_aggregates(base_url: str) -> None:
    for user in ("berater1", "berater-sn"):
        response = Device(base_url, user).http.get("/aggregates", params={"period": "2016"})
        assert response.status_code == 403
