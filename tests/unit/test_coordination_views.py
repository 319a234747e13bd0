"""The dashboard's view figures in the coordinator cache: entries per period and filter choice,
pivots for the charts, a filter choice never mixed with another, a missing view = nothing cached
(real SQLCipher store; the hub round trip is in tests/hub/test_dashboard_fetch.py)."""

from __future__ import annotations

from typing import Any

from tests.unit.test_coordination import STAMP
from zz_desktop.services import coordination as co
from zz_desktop.services import coordination_views as cv

CENTRES = {"ZZ-ST": ("ST", 88), "ZZ-SN": ("SN", 80), "ZZ-TH": ("TH", 41)}
TOPICS = {"ai_at_work": 60, "funding_programmes": 60, "sustainability": 48, "platform_work": 9}


def _table(name: str, dims: list[str], measure: str, cells: dict[tuple[str, ...], int]) -> Any:
    cached = [[list(k), v] for k, v in cells.items()]
    return name, {"dimensions": dims, "measure": measure, "cells": cached}


def view_cache(period: str, scale: float = 1.0, stamp: str = STAMP) -> dict[str, Any]:
    """The four views of one period as the hub would publish them (hand-made counts)."""
    quarters = [f"{period[:4]}-Q{q}" for q in (1, 2)] if len(period) == 4 else [period]

    def n(x: float) -> int:
        return max(5, round(x * scale))

    tables = {
        "trends": [
            _table("centre_quarter", ["centre", "quarter"], "consultations",
                   {(c, q): n(v * (0.8 + 0.2 * i)) for c, (_l, v) in CENTRES.items() for i, q in enumerate(quarters)}),
        ],
        "topics": [
            _table("topic_quarter", ["topic", "quarter"], "consultations",
                   {(tp, q): n(v * (1.4 - 0.4 * i if tp == "sustainability" else 0.7 + 0.5 * i)) for tp, v in TOPICS.items() for i, q in enumerate(quarters)}),
        ],
        "sectors": [
            _table("topic_sector", ["topic", "sector"], "consultations",
                   {(tp, s): n(v * w) for tp, v in TOPICS.items() for s, w in (("C", 0.5), ("J", 0.3), ("Q", 0.2)) if tp != "platform_work"}),
        ],
        "reach": [
            _table("land_reach", ["land"], "organisations", {(la,): n(v / 2) for la, v in CENTRES.values()} | {("BB",): 6}),
            _table("kreis_reach", ["kreis"], "organisations",
                   {("15003",): n(20), ("15002",): n(14), ("14612",): n(25), ("14713",): n(11), ("16051",): n(16), ("?",): 7}),
        ],
        "centres": [
            _table("centre_consultations", ["centre"], "consultations", {(c,): n(v) for c, (_l, v) in CENTRES.items()}),
            _table("centre_reach", ["centre"], "organisations", {(c,): n(v / 2) for c, (_l, v) in CENTRES.items()}),
        ],
    }  # fmt: skip
    return {
        view: {"threshold": 5, "figures_of": stamp, "tables": dict(found)}
        for view, found in tables.items()
    }


def seed_views(store: Any, period: str, filters: dict[str, str] | None = None, **kw: Any) -> None:
    """The views of ``period`` into the cache; a centre filter keeps only that centre's cells."""
    cache = dict(store.get_setting(co.CACHE, {}))
    for view, entry in view_cache(period, **kw).items():
        centre = (filters or {}).get("centre")
        for table in entry["tables"].values():
            if centre and table["dimensions"][0] == "centre":
                table["cells"] = [c for c in table["cells"] if c[0][0] == centre]
        cache[cv._entry(view, period, filters or {})] = entry
    store.set_setting(co.CACHE, cache)


def test_views_are_cached_per_period_and_filter_choice(store: Any) -> None:
    assert cv.cached(store, "2026-Q2") is None and cv.periods(store) == []
    seed_views(store, "2026-Q2")
    seed_views(store, "2026")
    seed_views(store, "2026-Q2", {"centre": "ZZ-ST"}, scale=0.4)
    assert cv.periods(store) == ["2026", "2026-Q2"]  # a filtered entry adds no period
    whole = cv.cached(store, "2026-Q2")
    only_st = cv.cached(store, "2026-Q2", {"centre": "ZZ-ST", "land": None})
    assert whole is not None and only_st is not None
    assert whole.single("centre_consultations") == {"ZZ-ST": 88, "ZZ-SN": 80, "ZZ-TH": 41}
    assert only_st.single("centre_consultations")["ZZ-ST"] == 35
    assert cv.cached(store, "2026-Q2", {"topic": "ai_at_work"}) is None
    assert whole.figures_of == STAMP
    # The quarter tables of the alerts are untouched by the view entries.
    assert co.cached_quarters(store) == []


def test_pivots_leave_unpublished_cells_empty(store: Any) -> None:
    seed_views(store, "2026")
    figures = cv.cached(store, "2026")
    assert figures is not None
    rows, cols, grid = figures.pivot("topic_sector")
    assert cols == ["C", "J", "Q"] and "platform_work" not in rows
    rows, cols, grid = figures.pivot("centre_quarter")
    assert cols == ["2026-Q1", "2026-Q2"] and rows == sorted(CENTRES)
    assert all(v is not None for row in grid for v in row)
    kreise = figures.single("kreis_reach")
    assert list(kreise)[0] == "14612"  # largest first


def test_a_missing_view_means_nothing_cached(store: Any) -> None:
    seed_views(store, "2026")
    cache = dict(store.get_setting(co.CACHE, {}))
    del cache[cv._entry("reach", "2026", {})]
    store.set_setting(co.CACHE, cache)
    assert cv.cached(store, "2026") is None
