"""The desktop's coordinator cache against a real hub over HTTP: a sync round fetches the
dashboard's views of this year and this quarter (one request per view), a filter choice is
fetched on its own, and the cached figures are exactly what the hub published."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.hub.hub_client import Device
from tests.hub.test_aggregate_views import _consultations, _org
from zz_desktop.services import coordination, coordination_views
from zz_desktop.sync.transport import HubClient

YEAR = 2009


def test_a_sync_round_caches_the_views(base_url: str, store: Any) -> None:
    st = Device(base_url, "berater1")
    ops: list[dict[str, Any]] = []
    for _ in range(8):
        oid, org_op = _org("15003000")
        ops += [org_op]
        for c in _consultations(oid, 2, "ai_at_work", month=4):
            c["fields"]["date"] = c["fields"]["date"].replace("2011", str(YEAR))
            ops.append(c)
    st.push_ok(ops)
    coordinator = Device(base_url, "koordination")
    with HubClient(base_url, coordinator.token) as client:
        coordination.refresh(store, client, today=dt.date(YEAR, 5, 10))
        assert coordination_views.periods(store) == [str(YEAR), f"{YEAR}-Q2"]
        year = coordination_views.cached(store, str(YEAR))
        assert year is not None
        published = coordinator.http.get(
            "/aggregates", params={"by": "kreis", "period": str(YEAR), "measure": "organisations"}
        ).json()
        assert year.tables["kreis_reach"].cells == {
            tuple(c["keys"].values()): c["count"] for c in published["cells"]
        }
        assert set(year.tables["kreis_reach"].cells) <= {("15003",)}
        assert coordination_views.cached(store, str(YEAR), {"centre": "ZZ-ST"}) is None
        assert (
            coordination_views.fetch_views(store, str(YEAR), {"centre": "ZZ-ST"}, client=client)
            == 5
        )
    only_st = coordination_views.cached(store, str(YEAR), {"centre": "ZZ-ST"})
    assert only_st is not None and only_st.filters == {"centre": "ZZ-ST"}
    assert set(only_st.tables["centre_consultations"].cells) <= {("ZZ-ST",)}
