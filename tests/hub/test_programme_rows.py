"""Programme-wide rows in the hub's tenancy: every centre reads them, only coordinators write
them (``/programme/*``), a centre's partner offers only its managers; per route, both backends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.hub.conftest import fresh_hub
from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import HubProcess

PROGRAMME = "programme"


class Coordinator(Device):
    """A coordinator's device on the programme routes."""

    def programme_push(self, ops: list[dict[str, Any]]) -> Any:
        return self.http.post("/programme/push", json={"batch_id": new_id(), "ops": ops})

    def programme_push_ok(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        response = self.programme_push(ops)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results


def offer(entity_id: str, **fields: Any) -> dict[str, Any]:
    values = {"name": "Förderberatung", "partner_type": "funding_bank", **fields}
    return op("partner_offer", entity_id, **values)


@pytest.fixture(scope="module")
def own_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    # A hub of its own: the programme rows made here would show in every centre's pull.
    yield from fresh_hub(backend, tmp_path_factory)


@pytest.fixture(scope="module")
def people(own_hub: HubProcess) -> dict[str, Device]:
    url = own_hub.base_url
    return {
        "advisor": Device(url, "berater1"),
        "manager": Device(url, "leitung"),
        "other": Device(url, "berater-sn"),
        "hds": Device(url, "berater-hds"),
        "coordinator": Coordinator(url, "koordination"),
    }


def test_coordinator_publishes_every_centre_reads(people: dict[str, Device]) -> None:
    coordinator = people["coordinator"]
    assert isinstance(coordinator, Coordinator)
    offer_id = new_id()
    [result] = coordinator.programme_push_ok([offer(offer_id, laender=["15", "14"])])
    assert result["status"] == "applied", result
    for name in ("advisor", "manager", "other", "hds"):
        row = people[name].state()[("partner_offer", offer_id)]
        assert row["fields"]["centre_id"] == PROGRAMME
        assert row["fields"]["laender"] == ["15", "14"]
        check = people[name].http.get("/sync/check").json()
        assert check["entities"]["partner_offer"]["count"] >= 1
        assert check["max_seq"] >= row["seq"]
    # The programme routes show the programme rows only (never a centre's records).
    people["advisor"].push_ok([op("person", new_id(), last_name="Nur Sachsen-Anhalt")])
    changes = coordinator.http.get("/programme/pull").json()["changes"]
    assert {c["fields"]["centre_id"] for c in changes} == {PROGRAMME}
    assert {c["entity"] for c in changes} == {"partner_offer"}
    check = coordinator.http.get("/programme/check").json()
    assert check["entities"]["partner_offer"]["count"] == len(changes)
    assert check["entities"]["person"]["count"] == 0


def test_only_coordinators_use_the_programme_routes(people: dict[str, Device]) -> None:
    body = {"batch_id": new_id(), "ops": [offer(new_id())]}
    for name in ("advisor", "manager", "other"):
        http = people[name].http
        assert http.post("/programme/push", json=body).status_code == 403, name
        assert http.get("/programme/pull").status_code == 403, name
        assert http.get("/programme/check").status_code == 403, name


def test_programme_scope_takes_programme_entities_only(people: dict[str, Device]) -> None:
    coordinator = people["coordinator"]
    assert isinstance(coordinator, Coordinator)
    results = coordinator.programme_push_ok(
        [op("person", new_id(), last_name="x"), op("organisation", new_id(), name="y")]
    )
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert {r["reason"] for r in results} == {"not_programme_wide"}
    # Naming a centre in the fields is refused like on /sync/push.
    named = offer(new_id(), centre_id=people["advisor"].centre_id)
    assert coordinator.programme_push([named]).status_code == 403


def test_centre_offers_are_written_by_managers_and_stay_in_the_centre(
    people: dict[str, Device],
) -> None:
    advisor, manager, other = people["advisor"], people["manager"], people["other"]
    [refused] = advisor.push_ok([offer(new_id())])
    assert (refused["status"], refused["reason"]) == ("rejected", "forbidden_role")
    own = new_id()
    [applied] = manager.push_ok([offer(own, name="Digitalagentur Sachsen-Anhalt")])
    assert applied["status"] == "applied"
    assert ("partner_offer", own) in advisor.state()
    assert ("partner_offer", own) not in other.state()
    # Advisors read and use them: a referral is an ordinary record of the centre.
    referral = op(
        "referral", new_id(), consultation_id=new_id(), partner_offer_id=own, outcome="taken_up"
    )
    assert advisor.push_ok([referral])[0]["status"] == "applied"


def test_an_id_lives_in_one_scope_only(people: dict[str, Device]) -> None:
    coordinator, manager = people["coordinator"], people["manager"]
    assert isinstance(coordinator, Coordinator)
    programme_id, centre_id = new_id(), new_id()
    coordinator.programme_push_ok([offer(programme_id)])
    manager.push_ok([offer(centre_id)])
    [shadow] = manager.push_ok([offer(programme_id, name="Übernahmeversuch")])
    assert (shadow["status"], shadow["reason"]) == ("rejected", "id_taken")
    [taken] = coordinator.programme_push_ok([offer(centre_id)])
    assert (taken["status"], taken["reason"]) == ("rejected", "id_taken")
    row = people["other"].state()[("partner_offer", programme_id)]
    assert row["fields"]["name"] == "Förderberatung"


def test_programme_conflicts_stay_with_the_coordinators(people: dict[str, Device]) -> None:
    coordinator = people["coordinator"]
    assert isinstance(coordinator, Coordinator)
    offer_id = new_id()
    [first] = coordinator.programme_push_ok([offer(offer_id)])
    seq = first["server_seq"]
    coordinator.programme_push_ok([op("partner_offer", offer_id, base_seq=seq, name="Neu")])
    # One coordinator account in the demo: a strict op (a restored device) makes the conflict.
    stale = {**op("partner_offer", offer_id, base_seq=seq, name="Anders"), "strict": True}
    [clash] = coordinator.programme_push_ok([stale])
    assert clash["status"] == "conflict", clash
    pulled = coordinator.http.get("/programme/pull").json()["changes"]
    assert "conflict" in {c["entity"] for c in pulled}
    seen = people["other"].state()
    assert seen[("partner_offer", offer_id)]["fields"]["name"] == clash_name(pulled, offer_id)
    assert not any(entity == "conflict" for entity, _ in seen)


def clash_name(changes: list[dict[str, Any]], offer_id: str) -> str:
    rows = [c for c in changes if c["entity_id"] == offer_id]
    return str(rows[-1]["fields"]["name"])


def test_pull_pages_merge_centre_and_programme_rows(people: dict[str, Device]) -> None:
    coordinator, advisor = people["coordinator"], people["advisor"]
    assert isinstance(coordinator, Coordinator)
    for i in range(3):
        advisor.push_ok([op("organisation", new_id(), name=f"Firma {i}")])
        coordinator.programme_push_ok([offer(new_id(), name=f"Angebot {i}")])
    whole, _ = advisor.pull_all()
    paged, _ = advisor.pull_all(limit=2)
    assert [c["seq"] for c in paged] == [c["seq"] for c in whole]
    assert [c["seq"] for c in whole] == sorted(c["seq"] for c in whole)
    assert {c["fields"]["centre_id"] for c in whole} == {advisor.centre_id, PROGRAMME}


def item(entity_id: str, **fields: Any) -> dict[str, Any]:
    values = {"title": "Honorare kalkulieren", "body": "# Stundensatz", **fields}
    return op("knowledge_item", entity_id, fields={"kind": "article"}, **values)


def test_wissenspool_review_rights_per_role(people: dict[str, Device]) -> None:
    advisor, manager, other = people["advisor"], people["manager"], people["other"]
    item_id = new_id()
    [proposed] = advisor.push_ok([item(item_id, review_state="proposed")])
    assert proposed["status"] == "applied"
    # An advisor proposes; publishing is the manager's.
    [refused] = advisor.push_ok([op("knowledge_item", item_id, review_state="published")])
    assert (refused["status"], refused["reason"]) == ("rejected", "review_needs_manager")
    seq = proposed["server_seq"]
    [published] = manager.push_ok(
        [op("knowledge_item", item_id, base_seq=seq, review_state="published")]
    )
    assert published["status"] == "applied"
    # A published item is changed, deleted or withdrawn by a manager only.
    for change in (
        op("knowledge_item", item_id, title="Eigenmächtig"),
        op("knowledge_item", item_id, kind="delete"),
    ):
        [answer] = advisor.push_ok([change])
        assert (answer["status"], answer["reason"]) == ("rejected", "review_needs_manager")
    seq = published["server_seq"]
    [withdrawn] = manager.push_ok(
        [op("knowledge_item", item_id, base_seq=seq, review_state="withdrawn")]
    )
    assert withdrawn["status"] == "applied"
    row = advisor.state()[("knowledge_item", item_id)]
    assert row["fields"]["title"] == "Honorare kalkulieren"
    assert row["fields"]["review_state"] == "withdrawn"
    assert ("knowledge_item", item_id) not in other.state()  # a centre's item stays there
    # Bad values are rejected like any field (enum, list of enum values).
    [bad] = advisor.push_ok([item(new_id(), target_groups=["everyone"])])
    assert (bad["status"], bad["reason"]) == ("rejected", "invalid_value:target_groups:enum")


def test_programme_items_are_published_by_coordinators(people: dict[str, Device]) -> None:
    coordinator = people["coordinator"]
    assert isinstance(coordinator, Coordinator)
    item_id = new_id()
    page = item(item_id, review_state="published", target_groups=["solo_self_employed"])
    [result] = coordinator.programme_push_ok([page])
    assert result["status"] == "applied"
    for name in ("advisor", "other", "hds"):
        row = people[name].state()[("knowledge_item", item_id)]
        assert row["fields"]["centre_id"] == PROGRAMME
        [answer] = people[name].push_ok([op("knowledge_item", item_id, title="x")])
        # A centre cannot change (or shadow) the programme's item.
        assert answer["status"] == "rejected", name


def test_a_centre_that_never_pushed_keeps_its_cursor(own_hub: HubProcess) -> None:
    """A centre without a counter row yet (nobody there has pushed) pulls programme rows: its
    cursor then lies above the hub's floor, and the next pull must continue from it — not
    answer 410 and send the device into a fresh snapshot on every sync."""
    coordinator = Coordinator(own_hub.base_url, "koordination")
    newcomer = Device(own_hub.base_url, "berater-th")
    try:
        offer_id = new_id()
        coordinator.programme_push_ok([offer(offer_id, name="Gründungszuschuss")])
        changes, cursor = newcomer.pull_all()
        assert ("partner_offer", offer_id) in {(c["entity"], c["entity_id"]) for c in changes}
        again = newcomer.pull(cursor)
        assert again.status_code == 200, again.text
        assert again.json()["changes"] == [] and again.json()["next"] == cursor
        assert newcomer.http.get("/sync/check").json()["max_seq"] >= cursor
    finally:
        coordinator.close()
        newcomer.close()
