"""The coordination dashboard's chart figures: the hub's dashboard views
(``/api/v1/aggregates/views/{view}``: one request per view returns every table it needs) for a
whole period and the chosen filters (centre, Land, topic), cached in the same encrypted setting as
the other coordinator tables (``coordination.aggregates``) with the date of the figures, so the
dashboard reads them offline. Also the pivots the charts and their exported tables are made of.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from zz_desktop.services import coordination
from zz_desktop.services.coordination import Table
from zz_desktop.store.database import Store
from zz_desktop.sync.errors import NotLoggedIn, Offline
from zz_desktop.sync.transport import HubClient

#: The hub's views (zz_hub.aggregate_views.VIEWS) and the tables each returns.
VIEWS: dict[str, tuple[str, ...]] = {
    "trends": ("centre_quarter",),
    "topics": ("topic_quarter",),
    "sectors": ("topic_sector",),
    "reach": ("land_reach", "kreis_reach"),
    "centres": ("centre_consultations", "centre_reach"),
}
FILTERS = ("centre", "land", "topic")
_PREFIX = "view|"
_PERIOD = re.compile(r"^\d{4}(-Q[1-4])?$")


def _entry(view: str, period: str, filters: Mapping[str, str]) -> str:
    chosen = ";".join(f"{k}={filters[k]}" for k in FILTERS if filters.get(k))
    return f"{_PREFIX}{view}|{period}|{chosen}"


def _clean(filters: Mapping[str, str | None]) -> dict[str, str]:
    return {k: str(v) for k, v in filters.items() if k in FILTERS and v}


def _fetch(client: HubClient, view: str, period: str, filters: dict[str, str]) -> dict[str, Any]:
    body = client.request(
        "GET", f"/aggregates/views/{view}", params={"period": period} | filters
    ).json()
    return {
        "threshold": body["threshold"],
        "figures_of": body["server_time"],
        "tables": {
            tb["name"]: {
                "dimensions": tb["dimensions"],
                "measure": tb["measure"],
                "cells": [
                    [[c["keys"][d] for d in tb["dimensions"]], c["count"]] for c in tb["cells"]
                ],
            }
            for tb in body["tables"]
        },
    }


def fetch_views(
    store: Store,
    period: str,
    filters: Mapping[str, str | None] | None = None,
    client: HubClient | None = None,
    client_factory: coordination.ClientFactory = HubClient,
    views: tuple[str, ...] = tuple(VIEWS),
) -> int:
    """Fetch the views of ``period`` with ``filters`` (one request each; all by default) into
    the cache in one transaction; returns the number of requests."""
    if not _PERIOD.match(period):
        raise ValueError(period)
    chosen = _clean(filters or {})
    fetched: dict[str, Any] = {}
    if client is None:
        with coordination._client(store, client_factory) as own:
            for view in views:
                fetched[_entry(view, period, chosen)] = _fetch(own, view, period, chosen)
    else:
        for view in views:
            fetched[_entry(view, period, chosen)] = _fetch(client, view, period, chosen)
    cache = dict(coordination._cache(store))
    cache.update(fetched)
    store.set_setting(coordination.CACHE, cache)
    return len(fetched)


@dataclass(frozen=True)
class ViewFigures:
    """The dashboard's tables of one period and filter choice (published counts)."""

    period: str
    filters: dict[str, str]
    tables: dict[str, Table]
    figures_of: str

    def pivot(self, name: str) -> tuple[list[str], list[str], list[list[int | None]]]:
        """Rows (first dimension), columns (second) and the published counts (None = not
        published: zero or under the threshold) of a two-dimensional table."""
        cells = self.tables[name].cells
        rows = sorted({k[0] for k in cells})
        cols = sorted({k[1] for k in cells})
        return rows, cols, [[cells.get((r, c)) for c in cols] for r in rows]

    def single(self, name: str) -> dict[str, int]:
        """A one-dimensional table, largest first."""
        cells = self.tables[name].cells
        return dict(sorted(((k[0], n) for k, n in cells.items()), key=lambda kv: (-kv[1], kv[0])))


def cached(
    store: Store, period: str, filters: Mapping[str, str | None] | None = None
) -> ViewFigures | None:
    """The figures of every view from the cache, or None when one is missing."""
    chosen = _clean(filters or {})
    raw = coordination._cache(store)
    tables: dict[str, Table] = {}
    stamps: list[str] = []
    for view, names in VIEWS.items():
        entry = raw.get(_entry(view, period, chosen))
        if entry is None:
            return None
        stamps.append(str(entry["figures_of"]))
        for name in names:
            tb = entry["tables"].get(name, {"dimensions": [], "cells": []})
            tables[name] = Table(
                period=period,
                dimensions=tuple(tb["dimensions"]),
                cells={tuple(k): int(n) for k, n in tb["cells"] if n is not None},
                threshold=int(entry["threshold"]),
                figures_of=str(entry["figures_of"]),
            )
    return ViewFigures(period, chosen, tables, min(stamps))


def reach(
    store: Store, period: str, client_factory: coordination.ClientFactory = HubClient
) -> tuple[dict[str, int], dict[str, int]]:
    """SMEs reached per Land and per Kreis in ``period`` (the reach view, fetched when the hub
    can be reached, else cached; empty when neither)."""
    with contextlib.suppress(Offline, NotLoggedIn):
        fetch_views(store, period, client_factory=client_factory, views=("reach",))
    entry = coordination._cache(store).get(_entry("reach", period, {}))
    if entry is None:
        return {}, {}
    found = []
    for name in VIEWS["reach"]:
        cells = entry["tables"].get(name, {"cells": []})["cells"]
        found.append({keys[0]: int(n) for keys, n in cells if n is not None})
    return found[0], found[1]


def periods(store: Store) -> list[str]:
    """Periods whose unfiltered views are cached."""
    found = set()
    for key in coordination._cache(store):
        if key.startswith(_PREFIX):
            _view, period, chosen = key[len(_PREFIX) :].split("|", 2)
            if not chosen:
                found.add(period)
    return sorted(found)


def refresh_periods(today: dt.date | None = None) -> list[str]:
    """What a coordinator's sync round fetches for the dashboard: this year and this quarter."""
    now = coordination.current_quarter(today)
    return [now[:4], now]
