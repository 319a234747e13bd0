"""Two ``zz-hub serve`` processes on one PostgreSQL database: devices that alternate between
them converge as with one hub."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sync.support import Device
from zz_desktop.store.models import Organisation
from zz_desktop.sync import state
from zz_hub.testing import pg_available, running_hub, temporary_pg_database


@pytest.mark.postgres
@pytest.mark.slow
def test_devices_alternating_between_two_hubs(tmp_path: Path, memory_keyring: object) -> None:
    if not pg_available():
        pytest.skip("PostgreSQL is not reachable")
    with (
        temporary_pg_database() as url,
        running_hub(url) as hub1,
        running_hub(url, demo=False) as hub2,
    ):
        a = Device(tmp_path, "a", hub1, "berater1")
        b = Device(tmp_path, "b", hub2, "berater2")
        try:
            hubs = (hub1, hub2)
            for i in range(6):
                for n, dev in enumerate((a, b)):
                    state.put(dev.store, **{state.HUB_URL: hubs[(i + n) % 2]})
                    with dev.store.write() as s:
                        s.add(Organisation(name=f"{dev.name}-{i}"))
                        first = s.query(Organisation).order_by(Organisation.id).first()
                        if first is not None:
                            first.city = f"{dev.name}-{i}"
                    dev.sync()
            for _ in range(2):
                for dev in (a, b):
                    dev.sync()
            assert json.dumps(a.dump(), sort_keys=True) == json.dumps(b.dump(), sort_keys=True)
            names = {o["name"] for o in a.dump()["entities"]["organisation"]}
            assert len(names) == 12
        finally:
            a.close()
            b.close()
