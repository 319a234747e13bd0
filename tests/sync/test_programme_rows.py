"""Issue 14: programme-wide partner offers published by the coordinators reach the devices of
every centre through their ordinary sync; a centre's own offers stay in the centre; referrals to
either sync like any record. Real hub over HTTP, SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from tests.hub.hub_client import Device as HubDevice
from tests.hub.hub_client import new_id, op
from tests.sync.conftest import DeviceFactory
from tests.sync.support import Device, InProcessHub
from zz_desktop.services import consultations, organisations, partners, referrals
from zz_desktop.store.models import PartnerOffer
from zz_protocol.schemas import PROGRAMME_CENTRE_ID


def _publish(hub: InProcessHub, name: str) -> str:
    _code, [username] = hub.new_centre((("k", "coordinator"),))
    coordinator = HubDevice(hub.base_url, username)
    offer_id = new_id()
    body = {
        "batch_id": new_id(),
        "ops": [
            op(
                "partner_offer",
                offer_id,
                name=name,
                provider="Bundesagentur für Arbeit",
                partner_type="employment_agency",
                offer="Weiterbildungsförderung für Beschäftigte (Qualifizierungschancengesetz)",
                topics=["ai_at_work"],
                laender=[],
                kreise=[],
                active=True,
            )
        ],
    }
    response = coordinator.http.post("/programme/push", json=body)
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "applied"
    coordinator.close()
    return offer_id


def test_programme_offers_reach_every_centre(
    hub: InProcessHub, device: DeviceFactory, tmp_path: Path, memory_keyring: object
) -> None:
    manager, advisor = device("manager", user=2), device("advisor", user=0)
    _code, [other_user] = hub.new_centre((("b", "advisor"),))
    other = Device(tmp_path / "other", "other", hub.base_url, other_user)
    try:
        programme_id = _publish(hub, "Weiterbildungsberatung der Agentur für Arbeit")
        own = partners.create_offer(
            manager.store, {"name": "Innovationslotsen Sachsen-Anhalt", "partner_type": "chamber"}
        )
        assert manager.sync().rejected == 0
        for dev in (advisor, other):
            report = dev.sync()
            assert not report.refetched, report  # the check agrees with the hub
        assert {o.id for o in partners.list_offers(advisor.store)} == {programme_id, own.id}
        # The other centre gets the programme's offer only, and finds it offline.
        found = partners.list_offers(other.store, "qualifizierungschancen")
        assert [o.id for o in found] == [programme_id]
        assert found[0].centre_id == PROGRAMME_CENTRE_ID
        assert [o.id for o in partners.list_offers(other.store)] == [programme_id]
        # A referral of the other centre to the programme's offer syncs like any record.
        org = organisations.create_organisation(other.store, {"name": "Bäckerei Lange"})
        data = consultations.new_consultation_defaults(other.store, org.id)
        cid = consultations.record_consultation(other.store, data, [], []).consultation.id
        referral = referrals.refer(other.store, cid, programme_id, "Umschulung einer Mitarbeiterin")
        report = other.sync()
        assert report.rejected == 0 and report.pending == 0, report
        with other.store.read() as session:
            offer = session.get(PartnerOffer, programme_id)
            assert offer is not None and offer.server_seq
        assert referral.id
    finally:
        other.close()
