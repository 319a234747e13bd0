"""The coordinating centre's figures: published (cell-key perturbed) aggregates fetched from the
hub's ``/api/v1/aggregates``, cached in the profile's encrypted database with the date of the
figures (readable offline), and the pattern alerts computed on them.

A coordinator profile holds no personal records: this module is all it syncs. One cached entry
is one request (a period and its dimensions); the dashboard, ``zz-desktop patterns`` and the
cross-centre report only ever ask for the few tables listed here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from zz_desktop.domain import patterns
from zz_desktop.errors import UserError, ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.sync import state
from zz_desktop.sync.engine import SyncReport
from zz_desktop.sync.errors import NotLoggedIn, Offline
from zz_desktop.sync.transport import HubClient

#: Setting (inside the encrypted profile database) holding every fetched table.
CACHE = "coordination.aggregates"
#: Dimension (as shown) → the hub's ``by`` of the pattern alerts.
PATTERN_BYS = {"topic": "topic", "sector": "sector", "land": "land", "topic × land": "topic,land"}
#: Per centre against the rest of the programme.
PROGRAMME_BY = "centre,topic"
#: The cross-centre report's tables per quarter ("" = the overall count).
REPORT_BYS = (
    "",
    "centre",
    "land",
    "topic",
    "sector",
    "centre,topic",
    "centre,sector",
    "land,topic",
)
_PERIOD = re.compile(r"^(\d{4})-Q([1-4])$")
ClientFactory = Callable[..., HubClient]


class NoFigures(UserError):
    """The figures asked for are neither cached nor fetchable now."""

    exit_code = 6


@dataclass(frozen=True)
class Table:
    """One published table: cells keyed by the values of ``dimensions`` (perturbed counts)."""

    period: str
    dimensions: tuple[str, ...]
    cells: dict[tuple[str, ...], int]
    threshold: int
    figures_of: str  # the hub's time when it counted them (ISO, UTC)

    def total(self) -> int:
        return sum(self.cells.values())

    def by_first(self, value: str) -> dict[str, int]:
        """The cells whose first key is ``value``, keyed by the rest (for ``centre,topic``)."""
        return {" × ".join(k[1:]): n for k, n in self.cells.items() if k[0] == value}

    def flat(self) -> dict[str, int]:
        return {" × ".join(k): n for k, n in self.cells.items()}


# ----------------------------------------------------------------------------- periods


def parse_quarter(text: str) -> tuple[int, int]:
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValidationFailed({"period": t("A quarter like 2026-Q2, please.")})
    return int(match.group(1)), int(match.group(2))


def previous_quarter(period: str) -> str:
    year, q = parse_quarter(period)
    return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"


def quarters(start: dt.date, end: dt.date) -> list[str]:
    """The quarters from ``start`` to ``end``, which must be a first and a last day of quarters
    (the hub publishes whole periods only)."""
    first_ok = start.day == 1 and start.month in (1, 4, 7, 10)
    last = end + dt.timedelta(days=1)
    last_ok = last.day == 1 and last.month in (1, 4, 7, 10)
    if not (first_ok and last_ok and start <= end):
        raise ValidationFailed(
            {
                "period": t(
                    "The figures come in whole quarters: from a quarter's first day to a quarter's last day."
                )
            }
        )
    out = []
    year, q = start.year, (start.month - 1) // 3 + 1
    while (year, q) <= (end.year, (end.month - 1) // 3 + 1):
        out.append(f"{year}-Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return out


# ----------------------------------------------------------------------------- fetch and cache


def _entry_key(period: str, by: str) -> str:
    return f"{period}|{by}"


def _fetch(client: HubClient, period: str, by: str) -> dict[str, Any]:
    params: dict[str, Any] = {"period": period}
    if by:
        params["by"] = by
    body = client.request("GET", "/aggregates", params=params).json()
    dims = body["dimensions"]
    return {
        "dimensions": dims,
        "threshold": body["threshold"],
        "figures_of": body["server_time"],
        "cells": [[[c["keys"][d] for d in dims], c["count"]] for c in body["cells"]],
    }


def _client(store: Store, client_factory: ClientFactory) -> HubClient:
    url, token = state.get(store, state.HUB_URL), state.read_token(store)
    if not url or not token:
        raise NotLoggedIn()
    return client_factory(url, token)


def fetch(
    store: Store,
    wanted: Iterable[tuple[str, str]],
    client: HubClient | None = None,
    client_factory: ClientFactory = HubClient,
) -> int:
    """Fetch (period, by) tables from the hub into the cache in one transaction; returns how
    many. The hub's figures replace the cached ones (an edit may change them)."""
    pairs = list(dict.fromkeys(wanted))
    fetched: dict[str, Any] = {}
    if client is None:
        with _client(store, client_factory) as own:
            for period, by in pairs:
                fetched[_entry_key(period, by)] = _fetch(own, period, by)
    else:
        for period, by in pairs:
            fetched[_entry_key(period, by)] = _fetch(client, period, by)
    cache = dict(_cache(store))
    cache.update(fetched)
    store.set_setting(CACHE, cache)
    return len(fetched)


def _cache(store: Store) -> dict[str, Any]:
    value = store.get_setting(CACHE, {})
    return value if isinstance(value, dict) else {}


def table(store: Store, period: str, by: str) -> Table | None:
    """A cached table (offline), or None."""
    raw = _cache(store).get(_entry_key(period, by))
    if raw is None:
        return None
    return Table(
        period=period,
        dimensions=tuple(raw["dimensions"]),
        cells={tuple(keys): int(n) for keys, n in raw["cells"] if n is not None},
        threshold=int(raw["threshold"]),
        figures_of=str(raw["figures_of"]),
    )


def load(
    store: Store, wanted: Iterable[tuple[str, str]], client_factory: ClientFactory = HubClient
) -> dict[tuple[str, str], Table]:
    """The tables asked for: fresh from the hub when it can be reached, else from the cache."""
    pairs = list(dict.fromkeys(wanted))
    # Offline or never logged in: the cached figures (with their date) are what we have.
    with contextlib.suppress(Offline, NotLoggedIn):
        fetch(store, pairs, client_factory=client_factory)
    out = {}
    for period, by in pairs:
        found = table(store, period, by)
        if found is None:
            raise NoFigures(
                t("No figures for {period} yet; connect to the hub once.", period=period)
            )
        out[(period, by)] = found
    return out


def current_quarter(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def refresh(store: Store, client: HubClient, today: dt.date | None = None) -> SyncReport:
    """A coordinator's sync round: the pattern tables of this and the previous quarter, and the
    dashboard's views (one request each) of this year and this quarter."""
    from zz_desktop.services import coordination_views  # it builds on this module

    began = time.monotonic()
    now = current_quarter(today)
    periods = (now, previous_quarter(now))
    bys = (*PATTERN_BYS.values(), PROGRAMME_BY, "centre")
    fetch(store, [(p, b) for p in periods for b in bys], client=client)
    for period in coordination_views.refresh_periods(today):
        coordination_views.fetch_views(store, period, client=client)
    stamp = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    state.put(store, **{state.LAST_SYNC: stamp, state.LAST_ERROR: None})
    return SyncReport(seconds=time.monotonic() - began)


# ----------------------------------------------------------------------------- pattern alerts


def pattern_wanted(period: str) -> list[tuple[str, str]]:
    prev = previous_quarter(period)
    pairs = [(p, by) for by in PATTERN_BYS.values() for p in (period, prev)]
    return [*pairs, (period, PROGRAMME_BY)]


def alerts_from(tables: dict[tuple[str, str], Table], period: str) -> list[patterns.Alert]:
    """Alerts of ``period`` against the previous quarter (per dimension) and of each centre's
    topics against the rest of the programme, on the published counts only."""
    prev = previous_quarter(period)
    found: list[patterns.Alert] = []
    for name, by in PATTERN_BYS.items():
        now, before = tables[(period, by)].flat(), tables[(prev, by)].flat()
        found += patterns.compare(name, now, before, "previous")
    programme = tables[(period, PROGRAMME_BY)]
    for centre in sorted({k[0] for k in programme.cells}):
        own = programme.by_first(centre)
        rest: dict[str, int] = {}
        for keys, n in programme.cells.items():
            if keys[0] != centre:
                rest[keys[1]] = rest.get(keys[1], 0) + n
        for alert in patterns.compare("topic", own, rest, "programme"):
            found.append(_with_key(alert, f"{centre} × {alert.key}"))
    return sorted(found, key=lambda a: a.p_adjusted)


def _with_key(alert: patterns.Alert, key: str) -> patterns.Alert:
    values = alert.as_json() | {"dimension": "centre × topic", "key": key}
    return patterns.Alert(**values)


def pattern_alerts(
    store: Store, period: str, client_factory: ClientFactory = HubClient
) -> list[patterns.Alert]:
    parse_quarter(period)
    return alerts_from(load(store, pattern_wanted(period), client_factory), period)


# ----------------------------------------------------------------------------- cross-centre report


@dataclass(frozen=True)
class CrossCentre:
    """The cross-centre report's figures: published counts summed over the quarters of the
    range (each quarter's cells are perturbed on their own, so totals need not add up)."""

    quarters: list[str]
    overall: dict[str, int]  # quarter → consultations
    by_centre: dict[str, dict[str, int]]  # centre → quarter → consultations
    by_land: dict[str, dict[str, int]]  # land → quarter → consultations
    topics: dict[str, int]
    sectors: dict[str, int]
    centre_topics: dict[str, dict[str, int]]
    centre_sectors: dict[str, dict[str, int]]
    land_topics: dict[str, dict[str, int]]
    alerts: list[patterns.Alert]
    threshold: int
    figures_of: str
    #: SMEs reached (distinct organisations): Land → quarter → count, and per Kreis in the last
    #: quarter (empty where the dashboard's reach view was never fetched).
    smes_by_land: dict[str, dict[str, int]] = field(default_factory=dict)
    smes_by_kreis: dict[str, int] = field(default_factory=dict)


def _add(target: dict[str, int], key: str, n: int) -> None:
    target[key] = target.get(key, 0) + n


def crosscentre(
    store: Store, start: dt.date, end: dt.date, client_factory: ClientFactory = HubClient
) -> CrossCentre:
    from zz_desktop.services import coordination_views  # it builds on this module

    qs = quarters(start, end)
    wanted = [(q, by) for q in qs for by in REPORT_BYS] + pattern_wanted(qs[-1])
    tables = load(store, wanted, client_factory)
    smes_by_land: dict[str, dict[str, int]] = {}
    smes_by_kreis: dict[str, int] = {}
    for q in qs:
        lands, kreise = coordination_views.reach(store, q, client_factory)
        for land, n in lands.items():
            smes_by_land.setdefault(land, {})[q] = n
        if q == qs[-1]:
            smes_by_kreis = kreise
    by_centre: dict[str, dict[str, int]] = {}
    by_land: dict[str, dict[str, int]] = {}
    nested: dict[str, dict[str, dict[str, int]]] = {
        "centre,topic": {},
        "centre,sector": {},
        "land,topic": {},
    }
    topics: dict[str, int] = {}
    sectors: dict[str, int] = {}
    for q in qs:
        for (centre,), n in tables[(q, "centre")].cells.items():
            by_centre.setdefault(centre, {})[q] = n
        for (land,), n in tables[(q, "land")].cells.items():
            by_land.setdefault(land, {})[q] = n
        for (topic,), n in tables[(q, "topic")].cells.items():
            _add(topics, topic, n)
        for (sector,), n in tables[(q, "sector")].cells.items():
            _add(sectors, sector, n)
        for by, target in nested.items():
            for (outer, inner), n in tables[(q, by)].cells.items():
                _add(target.setdefault(outer, {}), inner, n)
    return CrossCentre(
        quarters=qs,
        overall={q: tables[(q, "")].total() for q in qs},
        by_centre=by_centre,
        by_land=by_land,
        topics=topics,
        sectors=sectors,
        centre_topics=nested["centre,topic"],
        centre_sectors=nested["centre,sector"],
        land_topics=nested["land,topic"],
        alerts=alerts_from(tables, qs[-1]),
        smes_by_land=smes_by_land,
        smes_by_kreis=smes_by_kreis,
        threshold=max(tb.threshold for tb in tables.values()),
        figures_of=min(tb.figures_of for tb in tables.values()),
    )


# ----------------------------------------------------------------------------- dashboard


@dataclass(frozen=True)
class Dashboard:
    """One quarter from the cache only (the GUI never waits for the hub)."""

    period: str
    previous: str
    centres: dict[str, tuple[int, int]]  # centre → (previous quarter, this quarter)
    alerts: list[patterns.Alert]
    figures_of: str


def cached_quarters(store: Store) -> list[str]:
    return sorted({key.split("|", 1)[0] for key in _cache(store) if _PERIOD.match(key[:7])})


def dashboard(store: Store, period: str) -> Dashboard:
    prev = previous_quarter(period)
    wanted = [*pattern_wanted(period), (period, "centre"), (prev, "centre")]
    tables = {}
    for pair in wanted:
        found = table(store, *pair)
        if found is None:
            raise NoFigures(
                t("No figures for {period} yet; connect to the hub once.", period=pair[0])
            )
        tables[pair] = found
    now, before = tables[(period, "centre")].flat(), tables[(prev, "centre")].flat()
    centres = {c: (before.get(c, 0), now.get(c, 0)) for c in sorted(set(now) | set(before))}
    return Dashboard(
        period,
        prev,
        centres,
        alerts_from(tables, period),
        min(tb.figures_of for tb in tables.values()),
    )


def alerts_csv(alerts: list[patterns.Alert], path: str) -> None:
    """The alert table as CSV (UTF-8 with BOM, ``;`` — what German spreadsheets open)."""
    import csv

    fields = list(patterns.Alert.__dataclass_fields__)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(fields)
        for alert in alerts:
            writer.writerow([alert.as_json()[f] for f in fields])
