"""The coordination dashboard's views over HTTP: SMEs reached per Land and Kreis (distinct
organisations, each with its own record key), filters that are the same cells as grouping, and
one published value per logical cell across views and ``/aggregates``."""

from __future__ import annotations

from typing import Any

import pytest

from tests.hub.hub_client import Device, new_id, op
from tests.hub.test_aggregates import _near
from zz_hub import codelists

YEAR = 2011


def _org(ags: str | None, sme: str = "small", postcode: str | None = None) -> tuple[str, dict]:
    oid = new_id()
    fields: dict[str, Any] = {"name": "Geheim GmbH", "sme_class": sme}
    if ags:
        fields["ags"] = ags
    if postcode:
        fields["postcode"] = postcode
    return oid, op("organisation", oid, fields=fields)


def _consultations(org: str, n: int, topic: str, month: int = 2) -> list[dict[str, Any]]:
    return [
        op(
            "consultation",
            new_id(),
            date=f"{YEAR}-{month:02d}-1{i % 9}",
            mode="phone",
            fields={"kind": "signposting"},
            topics=[topic],
            organisation_id=org,
            findings="Freitext",
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def seeded(base_url: str) -> dict[str, list[str]]:
    st = Device(base_url, "berater1")
    ops: list[dict[str, Any]] = []
    orgs: dict[str, list[str]] = {"15003": [], "15002": [], "large": []}
    for _ in range(9):  # Magdeburg: 9 SMEs with 2 consultations each
        oid, org_op = _org("15003000")
        orgs["15003"].append(oid)
        ops += [org_op, *_consultations(oid, 2, "ai_at_work")]
    for _ in range(7):  # Halle: 7 SMEs with 3 consultations each
        oid, org_op = _org("15002000")
        orgs["15002"].append(oid)
        ops += [org_op, *_consultations(oid, 3, "funding_programmes", month=5)]
    for _ in range(6):  # large companies are no SMEs: never counted as reached
        oid, org_op = _org("15003000", sme="large")
        orgs["large"].append(oid)
        ops += [org_op, *_consultations(oid, 1, "ai_at_work")]
    st.push_ok(ops)
    return orgs


def _view(coordinator: Device, view: str, **params: str) -> dict[str, dict[tuple[str, ...], int]]:
    response = coordinator.http.get(
        f"/aggregates/views/{view}", params={"period": str(YEAR)} | params
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["period"] == str(YEAR) and body["threshold"] == 5
    return {
        t["name"]: {tuple(c["keys"][d] for d in t["dimensions"]): c["count"] for c in t["cells"]}
        for t in body["tables"]
    }


def _agg(coordinator: Device, by: str, measure: str = "consultations") -> dict:
    response = coordinator.http.get(
        "/aggregates", params={"by": by, "period": str(YEAR), "measure": measure}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return {tuple(c["keys"][d] for d in body["dimensions"]): c["count"] for c in body["cells"]}


@pytest.fixture(scope="module")
def coordinator(base_url: str) -> Device:
    return Device(base_url, "koordination")


def test_smes_reached_per_land_and_kreis(seeded: Any, coordinator: Device) -> None:
    reach = _view(coordinator, "reach")
    assert _near(reach["kreis_reach"], {("15003",): 9, ("15002",): 7})
    assert _near(reach["land_reach"], {("ST",): 16})
    # The same logical cells from /aggregates have the same published values.
    assert _agg(coordinator, "kreis", "organisations") == reach["kreis_reach"]
    assert _agg(coordinator, "land", "organisations") == reach["land_reach"]
    centres = _view(coordinator, "centres")
    assert _near(centres["centre_reach"], {("ZZ-ST",): 16})
    assert _near(centres["centre_consultations"], {("ZZ-ST",): 18 + 21 + 6})


def test_a_filter_is_the_same_cell_as_grouping_by_it(seeded: Any, coordinator: Device) -> None:
    by_centre_land = _agg(coordinator, "centre,land", "organisations")
    filtered = _view(coordinator, "reach", centre="ZZ-ST")["land_reach"]
    assert filtered == {(land,): n for (c, land), n in by_centre_land.items() if c == "ZZ-ST"}
    by_topic = _agg(coordinator, "centre,quarter,topic")
    trends = _view(coordinator, "trends", topic="ai_at_work")
    assert trends["centre_quarter"] == {
        (c, q): n for (c, q, t), n in by_topic.items() if t == "ai_at_work"
    }
    assert _near(trends["centre_quarter"], {("ZZ-ST", f"{YEAR}-Q1"): 24})
    sectors = _view(coordinator, "sectors", land="ST", topic="funding_programmes")
    assert set(sectors["topic_sector"]) <= {("funding_programmes", "?")}


def test_kreis_follows_an_edit_of_the_organisation(
    base_url: str, seeded: dict[str, list[str]], coordinator: Device
) -> None:
    st = Device(base_url, "berater1")
    moved = seeded["15002"][:2]
    st.push_ok([op("organisation", oid, ags="15003000") for oid in moved])
    reach = _view(coordinator, "reach")
    assert _near(reach["kreis_reach"], {("15003",): 11, ("15002",): 5})
    st.push_ok([op("organisation", oid, ags="15002000") for oid in moved])
    assert _near(_view(coordinator, "reach")["kreis_reach"], {("15003",): 9, ("15002",): 7})


def test_unknown_view_is_404(coordinator: Device) -> None:
    assert (
        coordinator.http.get("/aggregates/views/people", params={"period": "2011"}).status_code
        == 404
    )


def test_kreis_and_land_come_from_the_ags_or_an_unambiguous_postcode() -> None:
    assert codelists.kreis_of_ags("15003000") == "15003"
    assert codelists.kreis_of_ags("99999000") is None
    assert codelists.land_of_postcode("39104") == "ST"
    assert codelists.land_of_postcode("01950") is None  # a border range: two Länder
    assert codelists.land_of_postcode("Magdeburg") is None
