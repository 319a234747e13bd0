"""The coordinator's cache, periods, pattern alerts and cross-centre PDF on hand-made published
tables (real SQLCipher store; the hub round trip is in tests/e2e/test_coordinator_cli.py)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pdfplumber
import pytest

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import coordination as co
from zz_desktop.sync.errors import LoginFailed

STAMP = "2026-07-02T08:00:00Z"


def _entry(dims: list[str], cells: dict[tuple[str, ...], int]) -> dict[str, Any]:
    return {
        "dimensions": dims,
        "threshold": 5,
        "figures_of": STAMP,
        "cells": [[list(k), n] for k, n in cells.items()],
    }


def _seed_cache(store: Any) -> None:
    """Two quarters, two centres; ai_at_work jumps at ZZ-ST in Q2."""
    q = {
        "2026-Q1": {"ZZ-ST": {"ai_at_work": 8, "sustainability": 72}, "ZZ-SN": {"ai_at_work": 20, "funding_programmes": 60}},
        "2026-Q2": {"ZZ-ST": {"ai_at_work": 40, "sustainability": 48}, "ZZ-SN": {"ai_at_work": 20, "funding_programmes": 60}},
    }  # fmt: skip
    land = {"ZZ-ST": "ST", "ZZ-SN": "SN"}
    cache: dict[str, Any] = {}
    for period, centres in q.items():
        ct = {(c, tp): n for c, tps in centres.items() for tp, n in tps.items()}
        topic: dict[tuple[str, ...], int] = {}
        for (_c, tp), n in ct.items():
            topic[(tp,)] = topic.get((tp,), 0) + n
        per_centre = {(c,): sum(tps.values()) for c, tps in centres.items()}
        tables = {
            "": _entry([], {(): sum(per_centre.values())}),
            "centre": _entry(["centre"], per_centre),
            "land": _entry(["land"], {(land[c],): n for (c,), n in per_centre.items()}),
            "topic": _entry(["topic"], topic),
            "sector": _entry(["sector"], {("J",): sum(per_centre.values())}),
            "centre,topic": _entry(["centre", "topic"], ct),
            "centre,sector": _entry(["centre", "sector"], {(c, "J"): n for (c,), n in per_centre.items()}),
            "land,topic": _entry(["land", "topic"], {(land[c], tp): n for (c, tp), n in ct.items()}),
            "topic,land": _entry(["topic", "land"], {(tp, land[c]): n for (c, tp), n in ct.items()}),
        }  # fmt: skip
        cache |= {f"{period}|{by}": e for by, e in tables.items()}
    store.set_setting(co.CACHE, cache)


def test_periods_are_whole_quarters() -> None:
    assert co.previous_quarter("2026-Q1") == "2025-Q4"
    assert co.previous_quarter("2026-Q3") == "2026-Q2"
    assert co.quarters(dt.date(2025, 10, 1), dt.date(2026, 6, 30)) == [
        "2025-Q4",
        "2026-Q1",
        "2026-Q2",
    ]
    for start, end in (
        (dt.date(2026, 1, 2), dt.date(2026, 3, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 30)),
    ):
        with pytest.raises(ValidationFailed):
            co.quarters(start, end)
    with pytest.raises(ValidationFailed):
        co.parse_quarter("2026-05")


def test_offline_alerts_from_the_cache_find_the_planted_shift(store: Any) -> None:
    _seed_cache(store)
    # Never logged in: load() cannot reach a hub and answers from the cache.
    alerts = co.pattern_alerts(store, "2026-Q2")
    topic = [a for a in alerts if a.dimension == "topic" and a.key == "ai_at_work"]
    assert topic and topic[0].share > topic[0].reference_share
    assert all(a.p_adjusted <= 0.05 for a in alerts)
    assert co.table(store, "2026-Q2", "topic") is not None
    with pytest.raises(co.NoFigures):
        co.pattern_alerts(store, "2025-Q2")


def test_a_profile_with_records_cannot_become_a_coordinator_profile(store: Any) -> None:
    from zz_desktop.services import sync_service
    from zz_desktop.services.organisations import create_organisation

    assert not sync_service._has_records(store)
    create_organisation(store, {"name": "Muster GmbH"})
    assert sync_service._has_records(store)

    class Hub:
        def __init__(self, *_a: Any, **_k: Any) -> None: ...
        def __enter__(self) -> Hub:
            return self

        def __exit__(self, *_e: object) -> None: ...
        def login(self, *_a: Any) -> Any:
            from types import SimpleNamespace as NS

            return NS(user=NS(role="coordinator"), centre=NS(id="c", code="ZZA"), token="t")

        def logout(self) -> None:
            revoked.append(True)  # a refused login revokes the token the hub issued

    revoked: list[bool] = []

    with pytest.raises(LoginFailed):
        sync_service.login(store, "http://127.0.0.1:9", "koordination", "x", client_factory=Hub)
    assert revoked == [True]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_crosscentre_pdf_reads_back(store: Any, lang: str, tmp_path: Any) -> None:
    from tests.unit.test_coordination_views import seed_views
    from zz_desktop import reports
    from zz_desktop.reports.queries.period import Period
    from zz_desktop.sync import state

    _seed_cache(store)
    seed_views(store, "2026-Q1", scale=0.8)
    seed_views(store, "2026-Q2")
    # The cross-centre report is the coordinator's (roles table).
    state.put(store, **{state.HUB_URL: "http://127.0.0.1:9", state.ROLE: "coordinator"})
    pdf = reports.render(
        store, "crosscentre", Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30)), lang=lang
    )
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    heading = {"de": "Zentrenübergreifender Bericht", "en": "Cross-centre report"}[lang]
    assert heading in text
    assert "ZZ-ST" in text and "ZZ-SN" in text and "2026-Q1" in text and "2026-Q2" in text
    assert {"de": "Sachsen-Anhalt", "en": "Saxony-Anhalt"}[lang] in text
    assert "Cell-Key" in text or "cell-key" in text
    assert {"de": "Muster erkennen", "en": "Pattern alerts"}[lang] in text
    assert "02.07.2026" in text  # the date of the figures
    # SMEs reached per Land by quarter and per Kreis (the dashboard's reach view).
    assert {"de": "Erreichte KMU", "en": "SMEs reached"}[lang] in text
    assert "Dresden 25" in text.replace(".", "") and "Magdeburg 20" in text
    if lang == "de":
        (tmp_path / "cross.pdf").write_bytes(pdf)
