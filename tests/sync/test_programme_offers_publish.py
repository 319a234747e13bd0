"""Issue 14: the coordinating centre publishes programme-wide partner offers from a JSON file
(service and ``zz-desktop partners`` command); a device of a centre finds them after its sync,
offline, also on the command line. Bad input: one line, nothing sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sync.conftest import DeviceFactory
from tests.sync.support import Device, InProcessHub
from zz_desktop.cli import main
from zz_desktop.errors import UserError
from zz_desktop.services import partners, programme_offers
from zz_desktop.services.permissions import NotAllowed

OFFERS = [
    {
        "name": "Ombudsstelle für Plattformarbeit",
        "provider": "Haus der Selbstständigen",
        "partner_type": "ombuds_office",
        "offer": "Schlichtung bei Streit um Honorare auf Plattformen",
    },
    {
        "name": "Innovationsgutschein",
        "partner_type": "funding_bank",
        "laender": ["14"],
        "website": "https://www.sab.sachsen.de",
    },
]


def test_coordinator_publishes_and_devices_find_them(
    hub: InProcessHub,
    device: DeviceFactory,
    tmp_path: Path,
    memory_keyring: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    advisor = device("advisor", user=0)
    _code, [username] = hub.new_centre((("k", "coordinator"),))
    coordinator = Device(tmp_path / "coord", "coord", hub.base_url, username)
    try:
        # Validation first: one bad offer, nothing is sent.
        with pytest.raises(UserError) as err:
            programme_offers.publish(
                coordinator.store, [*OFFERS, {"name": "x", "email": "kein-at"}], coordinator.client
            )
        assert "3" in err.value.message and "email" in err.value.message
        advisor.sync()
        assert partners.list_offers(advisor.store) == []
        # An advisor's profile may not publish.
        with pytest.raises(NotAllowed):
            programme_offers.publish(advisor.store, OFFERS, advisor.client)
        results = programme_offers.publish(coordinator.store, OFFERS, coordinator.client)
        assert [r.status for r in results] == ["applied", "applied"]
    finally:
        coordinator.close()
    advisor.sync()
    found = partners.list_offers(advisor.store, "plattform")
    assert [o.name for o in found] == ["Ombudsstelle für Plattformarbeit"]
    assert partners.is_programme_wide(found[0])
    assert [o.name for o in partners.list_offers(advisor.store, land="14")] == [
        "Innovationsgutschein",
        "Ombudsstelle für Plattformarbeit",
    ]
    profile = str(advisor.path)
    advisor.close()
    capsys.readouterr()
    assert main(["partners", "list", "--profile", profile, "--search", "honorar", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [o["name"] for o in listed["offers"]] == ["Ombudsstelle für Plattformarbeit"]
    assert listed["offers"][0]["programme_wide"] is True
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "kein Array"}', encoding="utf-8")
    assert main(["partners", "publish", str(bad), "--profile", profile]) != 0
    out = capsys.readouterr()
    assert len(out.err.strip().splitlines()) == 1 and "Traceback" not in out.err
