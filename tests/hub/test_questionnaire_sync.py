"""The ESF questionnaire entity through a real hub: stored and served within the centre only,
its code lists enforced by the wire schema, versions kept side by side, an erase blanks the
identifying answers and keeps the statistical ones."""

from __future__ import annotations

import pytest

from tests.hub.hub_client import Device, new_id, op


@pytest.fixture(scope="module")
def anna(base_url: str) -> Device:
    return Device(base_url, "berater1")


@pytest.fixture(scope="module")
def jonas(base_url: str) -> Device:
    return Device(base_url, "berater2")


@pytest.fixture(scope="module")
def petra(base_url: str) -> Device:
    return Device(base_url, "leitung")


@pytest.fixture(scope="module")
def other_centre(base_url: str) -> Device:
    return Device(base_url, "berater-sn")


def _entry(pid: str, qid: str, series: str, version: int, **answers: object) -> dict:
    values = {
        "person_id": pid,
        "part": "entry",
        "series_id": series,
        "version": version,
        "answered_on": "2026-03-02",
        "complete": True,
        "gender": "female",
        "birth_year": 1990,
        "age_at_entry": 36,
        "employment_status": "unemployed",
        "education": "isced_3_4",
        "homeless": "no_answer",
    } | answers
    return op("questionnaire", qid, **values)


def test_versions_sync_within_the_centre_only(
    anna: Device, jonas: Device, other_centre: Device
) -> None:
    pid, first, second = new_id(), new_id(), new_id()
    results = anna.push_ok(
        [
            op("person", pid, last_name="Fragebogen", gender="female"),
            _entry(pid, first, first, 1),
            _entry(pid, second, first, 2, education="isced_5_8", correction_reason="Tippfehler"),
        ]
    )
    assert [r["status"] for r in results] == ["applied"] * 3
    state = jonas.state()
    rows = sorted(
        (state[("questionnaire", q)]["fields"] for q in (first, second)),
        key=lambda f: f["version"],
    )
    assert [(r["version"], r["education"], r["series_id"]) for r in rows] == [
        (1, "isced_3_4", first),
        (2, "isced_5_8", first),
    ]
    assert ("questionnaire", first) not in other_centre.state()


def test_values_outside_the_code_lists_are_rejected(anna: Device) -> None:
    pid = new_id()
    anna.push_ok([op("person", pid, last_name="Falsch")])
    bad = [
        _entry(pid, new_id(), new_id(), 1, employment_status="retired"),
        _entry(pid, new_id(), new_id(), 1, homeless="vielleicht"),
        _entry(pid, new_id(), new_id(), 1, part="middle"),
        {**_entry(pid, new_id(), new_id(), 1), "fields": {"job_searching": "maybe"}},
        _entry(pid, new_id(), new_id(), 1, age_at_entry=400),
    ]
    results = anna.push_ok(bad)
    assert [r["status"] for r in results] == ["rejected"] * len(bad)


def test_erase_blanks_identifying_answers(anna: Device, jonas: Device, petra: Device) -> None:
    pid, qid = new_id(), new_id()
    anna.push_ok([op("person", pid, last_name="Weg"), _entry(pid, qid, qid, 1, disability="no")])
    assert petra.push_ok([op("questionnaire", qid, kind="erase")])[0]["status"] == "applied"
    fields = jonas.state()[("questionnaire", qid)]["fields"]
    assert (fields["birth_year"], fields["age_at_entry"], fields["disability"]) == (None,) * 3
    assert (fields["gender"], fields["education"]) == ("female", "isced_3_4")
