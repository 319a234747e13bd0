"""Field-level conflicts, delete vs edit, and GDPR erase leaving no personal value on the hub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.hub.hub_client import Device, new_id, op
from zz_hub.db import normalise_url
from zz_hub.testing import HubProcess


@pytest.fixture(scope="module")
def anna(base_url: str) -> Device:
    return Device(base_url, "berater1")


@pytest.fixture(scope="module")
def jonas(base_url: str) -> Device:
    return Device(base_url, "berater2")


@pytest.fixture(scope="module")
def petra(base_url: str) -> Device:
    return Device(base_url, "leitung")


def _conflicts_about(device: Device, entity_id: str) -> list[dict[str, Any]]:
    return [
        c["fields"]
        for (entity, _), c in device.state().items()
        if entity == "conflict" and c["fields"]["entity_id"] == entity_id
    ]


def test_field_conflict_keeps_both_values(anna: Device, jonas: Device, petra: Device) -> None:
    cid = new_id()
    base = anna.push_ok([op("consultation", cid, title="Erstgespräch", place="Halle")])[0][
        "server_seq"
    ]
    assert (
        anna.push_ok([op("consultation", cid, base_seq=base, title="Anna's title")])[0]["status"]
        == "applied"
    )
    result = jonas.push_ok(
        [op("consultation", cid, base_seq=base, title="Jonas' title", place="Dessau")]
    )[0]
    assert result["status"] == "conflict" and len(result["conflict_ids"]) == 1
    for device in (anna, jonas, petra):
        row = device.state()[("consultation", cid)]["fields"]
        assert row["title"] == "Jonas' title" and row["place"] == "Dessau"
        [conflict] = _conflicts_about(device, cid)
        assert conflict["field"] == "title" and conflict["status"] == "open"
        assert conflict["value_current"] == "Jonas' title"
        assert conflict["value_other"] == "Anna's title"
        assert conflict["author_other"] == anna.user["id"]
        assert conflict["author_current"] == jonas.user["id"]


def test_different_fields_merge_without_conflict(anna: Device, jonas: Device) -> None:
    cid = new_id()
    base = anna.push_ok([op("organisation", cid, name="A", city="B")])[0]["server_seq"]
    anna.push_ok([op("organisation", cid, base_seq=base, name="A2")])
    assert (
        jonas.push_ok([op("organisation", cid, base_seq=base, city="B2")])[0]["status"] == "applied"
    )
    row = anna.state()[("organisation", cid)]["fields"]
    assert (row["name"], row["city"]) == ("A2", "B2")


def test_a_device_never_conflicts_with_itself(anna: Device) -> None:
    cid = new_id()
    base = anna.push_ok([op("organisation", cid, name="v1")])[0]["server_seq"]
    anna.push_ok([op("organisation", cid, base_seq=base, name="v2")])
    assert (
        anna.push_ok([op("organisation", cid, base_seq=base, name="v3")])[0]["status"] == "applied"
    )


def test_delete_wins_over_earlier_edit_and_keeps_it(anna: Device, jonas: Device) -> None:
    cid = new_id()
    base = anna.push_ok([op("followup", cid, text="Anrufen", due_date="2024-03-01")])[0][
        "server_seq"
    ]
    anna.push_ok([op("followup", cid, base_seq=base, text="Anrufen und Angebot schicken")])
    result = jonas.push_ok([op("followup", cid, kind="delete", base_seq=base)])[0]
    assert result["status"] == "conflict"
    state = anna.state()
    assert state[("followup", cid)]["deleted"] is True
    [conflict] = _conflicts_about(anna, cid)
    assert conflict["field"] == "deleted"
    assert conflict["value_other"]["text"] == "Anrufen und Angebot schicken"


def test_edit_after_concurrent_delete_is_kept_in_conflict(anna: Device, jonas: Device) -> None:
    cid = new_id()
    base = anna.push_ok([op("followup", cid, text="Mail", due_date="2024-03-01")])[0]["server_seq"]
    deleted = jonas.push_ok([op("followup", cid, kind="delete", base_seq=base)])[0]
    assert deleted["status"] == "applied"
    result = anna.push_ok([op("followup", cid, base_seq=base, text="Mail mit Anhang")])[0]
    assert result["status"] == "conflict"
    assert jonas.state()[("followup", cid)]["deleted"] is True
    [conflict] = _conflicts_about(jonas, cid)
    assert conflict["value_other"] == {"text": "Mail mit Anhang"}
    # Whoever saw the delete may restore the row.
    restored = anna.push_ok([op("followup", cid, base_seq=deleted["server_seq"], deleted=False)])[0]
    assert restored["status"] == "applied"
    assert jonas.state()[("followup", cid)]["deleted"] is False


SECRET_FIRST, SECRET_LAST, SECRET_MAIL = "Xaveria", "Quellmalz-Ybbs", "xaveria.q@example.org"


def test_erase_leaves_no_personal_value_on_the_hub(
    hub: HubProcess, anna: Device, jonas: Device, petra: Device
) -> None:
    pid = new_id()
    base = anna.push_ok(
        [
            op(
                "person",
                pid,
                first_name=SECRET_FIRST,
                last_name="Alt",
                email=SECRET_MAIL,
                gender="female",
                notes=f"Notiz zu {SECRET_FIRST}",
            )
        ]
    )[0]["server_seq"]
    anna.push_ok([op("person", pid, base_seq=base, last_name="Zwischen")])
    assert (
        jonas.push_ok([op("person", pid, base_seq=base, last_name=SECRET_LAST)])[0]["status"]
        == "conflict"
    )
    anna.push_ok([op("followup", new_id(), base_seq=None, text="Termin")])
    # Advisors may not erase; a manager may.
    assert jonas.push_ok([op("person", pid, kind="erase")])[0]["reason"] == "forbidden"
    erased = petra.push_ok([op("person", pid, kind="erase")])[0]
    assert erased["status"] == "applied"
    # A stale device pushes personal values again: they are dropped, the gender still applies.
    stale = anna.push_ok(
        [op("person", pid, base_seq=base, first_name=SECRET_FIRST, gender="non_binary")]
    )
    assert stale[0]["status"] == "applied"
    row = jonas.state()[("person", pid)]["fields"]
    assert row["first_name"] is None and row["last_name"] is None and row["email"] is None
    assert row["erased_at"] and row["gender"] == "non_binary"
    for conflict in _conflicts_about(jonas, pid):
        assert SECRET_LAST not in str(conflict) and "Zwischen" not in str(conflict)
    _assert_nowhere_in_database(
        hub.database_url, [SECRET_FIRST, SECRET_LAST, SECRET_MAIL, "Zwischen"]
    )


def _assert_nowhere_in_database(url: str, secrets: list[str]) -> None:
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                dump = " ".join(str(v) for v in row)
                for secret in secrets:
                    assert secret not in dump, f"{secret!r} left in table {table}"
    engine.dispose()
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for file in (path, path.with_name(path.name + "-wal")):
            if file.exists():
                data = file.read_bytes()
                for secret in secrets:
                    assert secret.encode() not in data, f"{secret!r} left in {file.name}"


def test_erase_cleans_the_free_text_of_other_rows_on_the_hub(
    hub: HubProcess, anna: Device, jonas: Device, petra: Device
) -> None:
    """Issue 13: the hub itself replaces the erased person's identifiers (names with umlauts,
    e-mail, phone) in the free text of every other row of the centre and in conflict values —
    no copy depends on a device that may never sync again."""
    pid, cid, fid = new_id(), new_id(), new_id()
    first, last, mail, phone = "Jürgen", "Ölmüller-Zwick", "j.oelm@example.org", "0391 7788991"
    made = anna.push_ok(
        [
            op("person", pid, first_name=first, last_name=last, email=mail, phone=phone),
            op("consultation", cid, findings=f"Gespräch mit {first} {last}, Tel. {phone}"),
            op("followup", fid, text=f"{last} anrufen ({mail})"),
        ]
    )
    seq = made[1]["server_seq"]
    anna.push_ok([op("consultation", cid, base_seq=seq, findings=f"Rückruf {first} {last}")])
    clash = jonas.push_ok([op("consultation", cid, base_seq=seq, findings=f"{mail} schrieb")])
    assert clash[0]["status"] == "conflict"
    # The erase and an unrelated row in one batch: the scrub sees rows of the batch too.
    other = new_id()
    erased = petra.push_ok(
        [
            op("followup", other, text=f"Mail an {mail}"),
            op("person", pid, kind="erase"),
        ]
    )
    assert [r["status"] for r in erased] == ["applied", "applied"]
    rows = jonas.state()
    for key in (("consultation", cid), ("followup", fid), ("followup", other)):
        text_fields = " ".join(str(v) for v in rows[key]["fields"].values())
        assert "[***]" in text_fields, key
    assert rows[("followup", fid)]["fields"]["text"] == "[***] anrufen ([***])"
    for conflict in _conflicts_about(jonas, cid):
        assert first not in str(conflict) and mail not in str(conflict)
    _assert_nowhere_in_database(hub.database_url, [first, last, mail, phone])
