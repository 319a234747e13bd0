"""Aggregates: counts across centres, small-cell and complementary suppression, projections."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.hub.hub_client import Device, new_id, op
from zz_hub.aggregates import suppress


def test_suppress_hides_small_cells_and_their_complements() -> None:
    cells = {
        ("a", "x"): 20,
        ("a", "y"): 3,
        ("b", "x"): 30,
        ("b", "y"): 40,
        ("c", "x"): 12,
        ("c", "y"): 9,
    }
    shown = suppress(cells, 5)
    hidden = {k for k, v in shown.items() if v is None}
    assert ("a", "y") in hidden
    _assert_no_line_with_one_hidden(shown)
    # The least informative complement is taken: row a must hide (a, x); column y the smaller (c, y).
    assert ("a", "x") in hidden and ("c", "y") in hidden and ("b", "y") not in hidden


def test_suppress_one_dimension_and_no_small_cells() -> None:
    assert suppress({("x",): 10, ("y",): 7}, 5) == {("x",): 10, ("y",): 7}
    shown = suppress({("x",): 10, ("y",): 2, ("z",): 8}, 5)
    assert shown == {("x",): 10, ("y",): None, ("z",): None}
    assert suppress({(): 3}, 5) == {(): None}


def _assert_no_line_with_one_hidden(shown: dict[tuple[str, ...], int | None]) -> None:
    width = len(next(iter(shown)))
    for dim in range(width):
        lines: dict[tuple[str, ...], list[int | None]] = defaultdict(list)
        for key, value in shown.items():
            lines[key[:dim] + key[dim + 1 :]].append(value)
        for values in lines.values():
            assert sum(v is None for v in values) != 1


def _seed(device: Device, year: int, spec: list[tuple[str, str, str, int]]) -> list[str]:
    """spec: (mode, topic, gender, how many) consultations of ``year`` with one participant each."""
    org = new_id()
    ops = [
        op(
            "organisation",
            org,
            name="Geheim GmbH",
            ags="15003000",
            sector_code="62.01",
            sector_version="WZ2025",
            sme_class="small",
        )
    ]
    ids = []
    for mode, topic, gender, count in spec:
        for n in range(count):
            pid, cid = new_id(), new_id()
            ids.append(cid)
            ops += [
                op("person", pid, last_name="Vertraulich", gender=gender),
                op(
                    "consultation",
                    cid,
                    date=f"{year}-0{1 + n % 6}-15",
                    mode=mode,
                    fields={"kind": "signposting"},
                    topics=[topic],
                    organisation_id=org,
                    findings="Freitext",
                ),
                op("consultation_participant", new_id(), consultation_id=cid, person_id=pid),
            ]
    device.push_ok(ops)
    return ids


def _cells(coordinator: Device, year: int, by: str) -> dict[tuple[str, ...], int | None]:
    response = coordinator.http.get(
        "/aggregates", params={"by": by, "from": f"{year}-01-01", "to": f"{year}-12-31"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["threshold"] == 5
    return {tuple(c["keys"][d] for d in body["dimensions"]): c["count"] for c in body["cells"]}


@pytest.fixture(scope="module")
def coordinator(base_url: str) -> Device:
    return Device(base_url, "koordination")


def test_counts_by_centre_mode_topic_gender(base_url: str, coordinator: Device) -> None:
    st, sn = Device(base_url, "berater1"), Device(base_url, "berater-sn")
    _seed(st, 2021, [("phone", "ai_at_work", "female", 12), ("video", "ai_at_work", "male", 3)])
    _seed(sn, 2021, [("phone", "ai_at_work", "male", 7), ("video", "ai_at_work", "female", 9)])
    assert _cells(coordinator, 2021, "centre") == {("ZZ-SN",): 16, ("ZZ-ST",): 15}
    by_mode = _cells(coordinator, 2021, "centre,mode")
    assert by_mode[("ZZ-ST", "video")] is None
    _assert_no_line_with_one_hidden(by_mode)
    assert _cells(coordinator, 2021, "topic") == {("ai_at_work",): 31}
    assert _cells(coordinator, 2021, "gender") == {("female",): 21, ("male",): 10}
    assert _cells(coordinator, 2021, "land,sector,sme_class") == {
        ("ST", "K", "small"): 31
    }  # WZ 2025: 62 is in K
    quarters = _cells(coordinator, 2021, "quarter")
    assert (
        set(quarters) == {("2021-Q1",), ("2021-Q2",)}
        and sum(v or 0 for v in quarters.values()) == 31
    )


def test_no_names_ids_or_free_text(base_url: str, coordinator: Device) -> None:
    st = Device(base_url, "berater1")
    ids = _seed(st, 2022, [("on_site", "ai_at_work", "female", 6)])
    response = coordinator.http.get(
        "/aggregates", params={"by": "centre,land,quarter,topic,sector,sme_class,mode,kind,gender"}
    )
    text = response.text
    for forbidden in ("Geheim", "Vertraulich", "Freitext", ids[0], st.user["id"]):
        assert forbidden not in text


def test_projections_follow_edits_and_deletes(base_url: str, coordinator: Device) -> None:
    st = Device(base_url, "berater1")
    org, person = new_id(), new_id()
    cids = [new_id() for _ in range(6)]
    results = st.push_ok(
        [op("organisation", org, sme_class="micro"), op("person", person, gender="female")]
        + [
            op(
                "consultation",
                c,
                date="2023-05-05",
                mode="phone",
                organisation_id=org,
                person_id=person,
            )
            for c in cids
        ]
    )
    assert _cells(coordinator, 2023, "sme_class,gender") == {("micro", "female"): 6}
    st.push_ok(
        [
            op("organisation", org, base_seq=results[0]["server_seq"], sme_class="medium"),
            op("person", person, base_seq=results[1]["server_seq"], gender="male"),
            op("consultation", cids[0], kind="delete", base_seq=results[2]["server_seq"]),
        ]
    )
    assert _cells(coordinator, 2023, "sme_class,gender") == {("medium", "male"): 5}


def test_unknown_dimension_is_400(coordinator: Device) -> None:
    assert coordinator.http.get("/aggregates", params={"by": "last_name"}).status_code == 400


def test_sector_sections_follow_the_wz_version() -> None:
    from zz_hub.codelists import sector_section

    assert sector_section("62.01", "WZ2025") == "K"
    # issue 11: a WZ 2008 section is kept apart from the 2025 one (suffix 8), same rule as desktop
    assert sector_section("62.01", "WZ2008") == "J8"
    assert sector_section("86.10", "WZ2008") == "Q8"
    assert sector_section("C", None) == "C"
    assert sector_section(None, None) == "?"


def test_topic_and_gender_counts_follow_organisation_participants_and_deletes(
    base_url: str, coordinator: Device
) -> None:
    """The topic and gender projections carry copies of the consultation's dimensions: they must
    follow an organisation's new address, a participant stored before its consultation, a
    person's new gender and a deleted consultation."""
    st = Device(base_url, "berater1")
    org, cids = new_id(), [new_id() for _ in range(11)]
    persons = [new_id() for _ in range(11)]
    # Participants first (child before parent), then organisation, persons and consultations.
    links = st.push_ok(
        [
            op("consultation_participant", new_id(), consultation_id=c, person_id=p)
            for c, p in zip(cids, persons, strict=True)
        ]
    )
    assert all(r["status"] == "applied" for r in links)
    results = st.push_ok(
        [op("organisation", org, ags="15003000", sme_class="small")]
        + [op("person", p, gender="female") for p in persons]
        + [
            op(
                "consultation",
                c,
                date="2019-02-01",
                mode="video",
                topics=["ai_at_work"],
                organisation_id=org,
            )
            for c in cids
        ]
    )
    assert _cells(coordinator, 2019, "land,topic") == {("ST", "ai_at_work"): 11}
    assert _cells(coordinator, 2019, "land,gender") == {("ST", "female"): 11}
    assert _cells(coordinator, 2019, "topic,gender") == {("ai_at_work", "female"): 11}
    # The organisation moves to Saxony (AGS 14…), five persons' gender changes, one is deleted.
    st.push_ok(
        [
            op("organisation", org, base_seq=results[0]["server_seq"], ags="14612000"),
            *(
                op("person", p, base_seq=results[1 + n]["server_seq"], gender="male")
                for n, p in enumerate(persons[:5])
            ),
            op("consultation", cids[10], kind="delete", base_seq=results[22]["server_seq"]),
        ]
    )
    assert _cells(coordinator, 2019, "land,topic") == {("SN", "ai_at_work"): 10}
    assert _cells(coordinator, 2019, "land,gender,mode") == {
        ("SN", "female", "video"): 5,
        ("SN", "male", "video"): 5,
    }
