"""Two ``zz-hub serve`` processes on one PostgreSQL database behave as one hub."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.hub.conftest import require_postgres
from tests.hub.hub_client import Device, login, new_id, op
from zz_hub.testing import HubProcess, running_hub_process, temporary_pg_database

pytestmark = pytest.mark.postgres

LIMITS = {"ZZ_HUB_LOGIN_MAX_FAILURES_USER": "4"}


@pytest.fixture(scope="module")
def two_hubs() -> Iterator[tuple[HubProcess, HubProcess]]:
    require_postgres()
    with (
        temporary_pg_database() as url,
        running_hub_process(url, env=LIMITS) as first,
        running_hub_process(url, demo=False, env=LIMITS) as second,
    ):
        yield first, second


def test_changes_and_revocations_cross_processes(two_hubs: tuple[HubProcess, HubProcess]) -> None:
    a, b = two_hubs
    anna_a, anna_b = Device(a.base_url, "berater1"), Device(b.base_url, "berater1")
    org = new_id()
    anna_a.push_ok([op("organisation", org, name="Zwei Hubs GmbH")])
    assert anna_b.state()[("organisation", org)]["fields"]["name"] == "Zwei Hubs GmbH"
    # A token issued by one process is checked (and revoked) by the other.
    anna_a.http.headers["Authorization"] = f"Bearer {anna_b.token}"
    assert anna_a.pull().status_code == 200
    assert anna_b.http.post("/auth/logout").status_code == 204
    assert anna_a.pull().status_code == 401


def test_rate_limit_is_shared(two_hubs: tuple[HubProcess, HubProcess]) -> None:
    a, b = two_hubs
    for hub in (a, b, a, b):
        assert login(hub.base_url, "berater2", "wrong").status_code == 401
    assert login(a.base_url, "berater2", "demo").status_code == 429
    assert login(b.base_url, "berater2", "demo").status_code == 429


def test_concurrent_pushes_to_both_converge(two_hubs: tuple[HubProcess, HubProcess]) -> None:
    a, b = two_hubs
    devices = [Device(h.base_url, "leitung") for h in (a, b, a, b)]
    row = new_id()
    base = devices[0].push_ok([op("consultation", row, title="start")])[0]["server_seq"]

    def work(index: int) -> None:
        device = devices[index]
        for n in range(10):
            device.push_ok(
                [
                    op("organisation", new_id(), name=f"p{index}-{n}"),
                    op("consultation", row, base_seq=base, title=f"t{index}-{n}"),
                ]
            )

    with ThreadPoolExecutor(len(devices)) as pool:
        list(pool.map(work, range(len(devices))))
    state_a, state_b = devices[0].state(), devices[1].state()
    assert state_a == state_b
    check_a = devices[0].http.get("/sync/check").json()
    check_b = devices[1].http.get("/sync/check").json()
    assert check_a["entities"] == check_b["entities"] and check_a["max_seq"] == check_b["max_seq"]
    # No lost edit: each device's last title is current or kept in a conflict (a device's own
    # successive edits replace each other without a conflict, like any local edit).
    titles = {c["fields"]["value_other"] for (e, _), c in state_a.items() if e == "conflict"}
    titles.add(state_a[("consultation", row)]["fields"]["title"])
    assert {f"t{i}-9" for i in range(4)} <= titles
    assert len(titles) > 4
