"""Every route of the hub's OpenAPI × the coordinator's token: aggregates (counts only) or 403 —
never a record, an id, a name or free text of a centre's records; an advisor gets 403 on the
aggregates."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.hub.hub_client import SYNC_HEADERS, Device, new_id, op
from zz_hub import aggregate_views, aggregates

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


def _requests(path: str, method: str) -> list[tuple[str, dict[str, str] | None]]:
    """The concrete requests to try for one OpenAPI path: every dashboard view (with and without
    filters), both measures of /aggregates; a random id for any other path parameter."""
    if path.endswith("/aggregates/views/{view}"):
        base = path.replace("{view}", "")
        filters: list[dict[str, str]] = [
            {},
            {"centre": "ZZ-ST"},
            {"land": "ST", "topic": "ai_at_work"},
        ]
        return [
            (base + view, {"period": "2016"} | f) for view in aggregate_views.VIEWS for f in filters
        ] + [(base + "nope", {"period": "2016"})]
    url = re.sub(r"\{[^}]+\}", new_id(), path)
    if path.endswith("/aggregates"):
        dims = "centre,land,kreis,quarter,topic,sector,sme_class,mode,kind,gender"
        smes = "centre,land,kreis,quarter,topic,sector,sme_class"  # SMEs: not by mode/kind/gender
        return [
            (url, {"by": dims}),
            (url, {"by": smes, "measure": "organisations", "period": "2016"}),
        ]
    return [(url, None)]


def _counts_only(body: dict[str, Any]) -> None:
    for cell in body["cells"]:
        assert set(cell) == {"keys", "count"} and isinstance(cell["count"], int)
        for dim, value in cell["keys"].items():
            assert dim == "centre" or _known(dim, value), (dim, value)


def _known(dim: str, value: str) -> bool:
    if dim == "quarter":
        return re.fullmatch(r"\d{4}-Q[1-4]|\?", value) is not None
    return value in aggregates.allowed_values()[dim]


def test_every_route_with_a_coordinator_token(base_url: str, seeded: dict[str, str]) -> None:
    coordinator = Device(base_url, "koordination")
    spec = coordinator.http.get(f"{base_url}/openapi.json").json()
    checked = 0
    views_ok = 0
    for path, methods in spec["paths"].items():
        for method in methods:
            if path == "/api/v1/auth/logout":
                continue  # would end the token the loop uses; covered by the session tests
            for url, params in _requests(path, method):
                response = coordinator.http.request(
                    method.upper(),
                    f"{base_url}{url}",
                    params=params,
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
                    body = response.json()
                    if path.endswith("/aggregates/views/{view}"):
                        assert set(body["filters"]) <= {"centre", "land", "topic"}
                        for table in body["tables"]:
                            assert set(table) == {"name", "dimensions", "measure", "cells"}
                            _counts_only(table)
                        views_ok += 1
                        continue
                    assert path in AGGREGATE_ROUTES, (method, path, response.status_code)
                    assert set(body) >= {"dimensions", "cells", "threshold"}
                    if path == "/api/v1/aggregates":
                        _counts_only(body)
                    for cell in body["cells"]:
                        assert set(cell) == {"keys", "count"} and isinstance(cell["count"], int)
                elif path not in SESSION_ROUTES and "/aggregates" not in path:
                    assert response.status_code in (403, 404, 405, 422), (method, path)
    assert checked >= 5
    assert views_ok == 3 * len(aggregate_views.VIEWS)


def test_view_filters_outside_the_code_lists_are_refused(base_url: str) -> None:
    coordinator = Device(base_url, "koordination")
    for params in (
        {"period": "2016", "topic": "Vertraulicher Freitext"},
        {"period": "2016", "land": "XX"},
        {"period": "2016", "centre": "NOPE"},
        {"period": "2016-03-01"},
    ):
        response = coordinator.http.get("/aggregates/views/reach", params=params)
        assert response.status_code == 422, params
        assert "Vertraulicher" not in response.text


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
        http = Device(base_url, user).http
        assert http.get("/aggregates", params={"period": "2016"}).status_code == 403
        for view in aggregate_views.VIEWS:
            response = http.get(f"/aggregates/views/{view}", params={"period": "2016"})
            assert response.status_code == 403, (user, view)
