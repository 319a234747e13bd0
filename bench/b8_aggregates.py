"""B8: cross-centre aggregates over 1M consultations on PostgreSQL, as the coordinator over HTTP.

The hub's projection tables (``agg_consultation``, ``agg_consultation_topic``,
``agg_consultation_gender`` — the latter two with the consultation's dimensions copied in, as the
hub keeps them) are filled directly with ``COPY`` — twelve record-keeping centres of
different sizes, consultations mostly in the centre's own Land, dates over 2023–2026 with growing
activity, 1–3 topics each, WZ sections, SME classes, modes, kinds and participants' genders drawn
from skewed distributions — then ``ANALYZE``. Timed: ``GET /api/v1/aggregates?by=…`` as
``koordination`` over real HTTP on 127.0.0.1 (median of 5 after a warm-up) for typical dimension
sets, and the same query in-process (``zz_hub.aggregates.count_cells``: SQL and fetch only).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import statistics
import time
from typing import Any

from bench.harness import Result

BUDGET = "B8"
TITLE = "cross-centre aggregate over 1M consultations (PostgreSQL)"

DIMENSION_SETS = (
    ("centre", "quarter"),
    ("land", "topic"),
    ("sector", "sme_class"),
    ("mode", "gender"),
)
#: The coordination dashboard's requests (issue 12): a year's figures in five tables.
DASHBOARD_SETS = (
    ("centre", "quarter"),
    ("topic", "quarter"),
    ("topic", "sector"),
    ("land", "sme_class"),
    ("centre", "land", "topic"),
)
DASHBOARD_PERIOD = "2025"
#: The dashboard's view requests (one per view; zz_hub.aggregate_views), unfiltered and with
#: the filters the dashboard offers.
VIEW_REQUESTS = (
    ("trends", {}),
    ("topics", {}),
    ("sectors", {}),
    ("reach", {}),
    ("centres", {}),
    ("trends", {"topic": "ai_at_work"}),
    ("reach", {"centre": "ZZ-SN"}),
    ("sectors", {"land": "ST", "topic": "ai_at_work"}),
)
#: Centres added to the demo ones: (code, name, Land, relative size).
EXTRA_CENTRES = (
    ("ZZ-BB", "Regionales Zukunftszentrum Brandenburg", "BB", 9),
    ("ZZ-MV", "Regionales Zukunftszentrum Mecklenburg-Vorpommern", "MV", 6),
    ("ZZ-BE", "Regionales Zukunftszentrum Berlin", "BE", 10),
    ("ZZ-NW", "Regionales Zukunftszentrum Nordrhein-Westfalen", "NW", 16),
    ("ZZ-BY", "Regionales Zukunftszentrum Bayern", "BY", 14),
    ("ZZ-NI", "Regionales Zukunftszentrum Niedersachsen", "NI", 9),
    ("ZZ-HE", "Regionales Zukunftszentrum Hessen", "HE", 8),
    ("ZZ-BW", "Regionales Zukunftszentrum Baden-Württemberg", "BW", 12),
)
DEMO_SIZES = {"ZZ-ST": 8, "ZZ-SN": 10, "ZZ-TH": 7, "HDS": 6}
NEIGHBOURS = {
    "ST": "SN TH NI BB",
    "SN": "ST TH BB BY",
    "TH": "ST SN HE BY",
    "BE": "BB",
    "BB": "BE MV ST SN",
    "MV": "BB SH NI",
    "NW": "NI HE RP",
    "BY": "BW HE TH SN",
    "NI": "HB HH NW ST",
    "HE": "RP NW BW TH",
    "BW": "BY RP HE",
}
TOPICS = {
    "digital_work_organisation": 14,
    "ai_at_work": 16,
    "qualification_training": 13,
    "data_protection_it_security": 6,
    "mobile_hybrid_work": 7,
    "process_digitalisation": 12,
    "participation_codetermination": 6,
    "health_safety_digital_work": 5,
    "skilled_labour_retention": 9,
    "leadership_communication": 6,
    "sustainability": 3,
    "funding_programmes": 8,
}
SOLO_TOPICS = {
    "fees_remuneration": 20,
    "social_security": 25,
    "working_conditions": 12,
    "interest_group_founding": 5,
    "self_regulation": 8,
    "platform_work": 10,
    "ombuds_case": 6,
    "ai_at_work": 9,
    "qualification_training": 5,
}
SECTIONS = dict(
    zip(
        "CFGJMNQKHIRSPLDEAB?",
        (22, 16, 12, 9, 9, 5, 6, 2, 3, 3, 2, 3, 2, 1, 1, 1, 1, 1, 4),
        strict=True,
    )
)
SME = {"micro": 42, "small": 30, "medium": 17, "large": 5, "?": 6}
MODES = {"on_site": 38, "at_centre": 17, "phone": 15, "video": 30}
KINDS = {"signposting": 45, "in_depth": 35, "follow_up": 18, "ombuds": 2}
GENDERS = {"female": 44, "male": 50, "non_binary": 1, "not_stated": 5}
#: The consultation's dimensions: columns of agg_consultation, copied into the topic and gender
#: projections (as the hub's projections keep them).
DIMS = (
    "date, quarter, land, mode, kind, sector_section, sme_class, kreis, record_key,"
    " organisation_id, org_key, month, first_month, first_quarter, first_year"
)
FIRST_DAY = dt.date(2023, 1, 2)
DAYS = (dt.date(2026, 3, 31) - FIRST_DAY).days


def add_centres(database_url: str) -> dict[str, tuple[str, str, int]]:
    """The extra centres (through the hub's admin functions); returns code → (id, Land, size)."""
    from sqlalchemy import select

    from zz_hub import admin
    from zz_hub.db import Database
    from zz_hub.models import Centre

    db = Database(database_url)
    try:
        for code, name, land, _size in EXTRA_CENTRES:
            admin.create_centre(db, code, name, land, "regional")
        with db.read() as session:
            rows = session.execute(select(Centre.code, Centre.id, Centre.state)).all()
    finally:
        db.dispose()
    sizes = DEMO_SIZES | {code: size for code, _n, _l, size in EXTRA_CENTRES}
    return {code: (cid, land, sizes[code]) for code, cid, land in rows if code in sizes}


def _pick(rnd: random.Random, table: dict[str, int], k: int) -> list[str]:
    return rnd.choices(list(table), weights=list(table.values()), k=k)


def _uuid(n: int, kind: int) -> str:
    """A UUIDv7-shaped id that is unique per (kind, n) and costs no randomness."""
    return f"0190{kind:04x}-{n >> 48 & 0xFFFF:04x}-7{n >> 36 & 0xFFF:03x}-8{n >> 24 & 0xFFF:03x}-{n & 0xFFFFFF:012x}"


def rows(centres: dict[str, tuple[str, str, int]], count: int, seed: int = 8) -> dict[str, Any]:
    """COPY text for the three tables (tab-separated), plus row counts."""
    rnd = random.Random(seed)
    codes = list(centres)
    centre_of = rnd.choices(codes, weights=[centres[c][2] for c in codes], k=count)
    # Activity grows over the years: the day offset is skewed towards the end.
    days = [int(DAYS * rnd.random() ** 0.7) for _ in range(count)]
    modes, kinds = _pick(rnd, MODES, count), _pick(rnd, KINDS, count)
    sections, smes = _pick(rnd, SECTIONS, count), _pick(rnd, SME, count)
    genders = _pick(rnd, GENDERS, count)
    topics_main, topics_solo = _pick(rnd, TOPICS, 3 * count), _pick(rnd, SOLO_TOPICS, 3 * count)
    cons, top, gen = io.StringIO(), io.StringIO(), io.StringIO()
    kreise = _kreise_by_land()
    orgs: dict[tuple[str, int], tuple[str, int]] = {}  # (centre, n) → (Kreis, record key)
    seen: set[tuple[str, str, int, str]] = set()  # (organisation, topic, unit, period) flagged
    n_topics = n_genders = 0
    quarters: dict[int, tuple[str, str]] = {}
    for i in range(count):
        code = centre_of[i]
        cid, home, size = centres[code]
        land = home
        if rnd.random() < 0.12:
            land = rnd.choice(NEIGHBOURS.get(home, home).split())
        day = days[i]
        if day not in quarters:
            date = FIRST_DAY + dt.timedelta(days=day)
            quarters[day] = (date.isoformat(), f"{date.year}-Q{(date.month - 1) // 3 + 1}")
        iso, quarter = quarters[day]
        solo = code == "HDS"
        kreis, org_key, org = "?", 0, "\\N"
        if not solo:
            number = rnd.randrange(size * 2500)
            org = _uuid(number, 2)
            if (code, number) not in orgs:
                near = kreise.get(home, ["?"])
                orgs[(code, number)] = (near[number % len(near)], rnd.getrandbits(32))
            kreis, org_key = orgs[(code, number)]
        consultation = _uuid(i, 1)
        section, sme = ("?", "?") if solo else (sections[i], smes[i])
        key = rnd.getrandbits(32)  # the cell-key record key (issue 12)
        dims = (
            f"{iso}\t{quarter}\t{land}\t{modes[i]}\t{kinds[i]}\t{section}\t{sme}\t{kreis}"
            f"\t{key}\t{org}\t{org_key}"
        )
        month = iso[:7]
        dims += f"\t{month}"
        units = (month, quarter, quarter[:4])
        cons.write(f"{cid}\t{consultation}\t{dims}\t{_firsts(seen, org, '', units)}\n")
        pool = topics_solo if solo else topics_main
        for topic in {pool[3 * i + j] for j in range(1 + (i % 7 == 0) + (i % 3 == 0))}:
            firsts = _firsts(seen, org, topic, units)
            top.write(f"{cid}\t{consultation}\t{topic}\t{dims}\t{firsts}\n")
            n_topics += 1
        found = {genders[i]} if i % 50 else set()
        if i % 12 == 0:
            found.add(genders[(i * 7919) % count])
        for gender in found:
            gen.write(f"{cid}\t{consultation}\t{gender}\t{dims}\tf\tf\tf\n")
            n_genders += 1
    return {
        "agg_consultation": (f"centre_id, consultation_id, {DIMS}", cons.getvalue()),
        "agg_consultation_topic": (f"centre_id, consultation_id, topic, {DIMS}", top.getvalue()),
        "agg_consultation_gender": (f"centre_id, consultation_id, gender, {DIMS}", gen.getvalue()),
        "counts": {"consultations": count, "topics": n_topics, "genders": n_genders},
    }


def _firsts(seen: set[tuple[str, str, int, str]], org: str, topic: str, units: tuple) -> str:
    """The first-row flags (zz_hub.reach) of an organisation's row: its first in each unit, in
    the order generated (exactly one row per organisation and month/quarter/year, as the hub's
    projections keep it; which one does not matter for the counts)."""
    if org == "\\N":
        return "f\tf\tf"
    out = []
    for i, period in enumerate(units):
        key = (org, topic, i, period)
        out.append("f" if key in seen else "t")
        seen.add(key)
    return "\t".join(out)


def _kreise_by_land() -> dict[str, list[str]]:
    """Land code → the Kreis keys of the shipped list (Länder 11–16; others have none: "?")."""
    from zz_desktop.domain import codelists

    iso = {land.ags: land.iso.removeprefix("DE-") for land in codelists.laender()}
    out: dict[str, list[str]] = {}
    for kreis in codelists.kreise():
        out.setdefault(iso[kreis.land_ags], []).append(kreis.ags5)
    return out


def fill(database_url: str, count: int) -> dict[str, Any]:
    """Generate and COPY the projection rows, then ANALYZE; returns counts and timings."""
    import psycopg

    from zz_hub.db import normalise_url

    start = time.perf_counter()
    centres = add_centres(database_url)
    data = rows(centres, count)
    made = time.perf_counter()
    conninfo = normalise_url(database_url).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as conn, conn.cursor() as cur:
        for table in ("agg_consultation", "agg_consultation_topic", "agg_consultation_gender"):
            columns, text = data[table]
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                step = 8 << 20
                for at in range(0, len(text), step):
                    copy.write(text[at : at + step])
        conn.commit()
        conn.autocommit = True
        cur.execute("VACUUM ANALYZE agg_consultation")
        cur.execute("VACUUM ANALYZE agg_consultation_topic")
        cur.execute("VACUUM ANALYZE agg_consultation_gender")
    done = time.perf_counter()
    return data["counts"] | {"generate_s": made - start, "copy_s": done - made}


def _median_ms(fn: Any, repeat: int) -> float:
    fn()
    values = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    return statistics.median(values) * 1000


def run(smoke: bool) -> list[Result]:
    import httpx

    from zz_hub import aggregates
    from zz_hub.db import Database
    from zz_hub.testing import pg_available, running_hub, seed, temporary_pg_database

    if not pg_available():
        print("   PostgreSQL not reachable: B8 skipped")
        return []
    # ZZ_B8_COUNT: a reduced size for a quick run (the budget is stated for 1M).
    count, repeat = (10_000, 1) if smoke else (int(os.environ.get("ZZ_B8_COUNT", "1000000")), 5)
    results = []
    with temporary_pg_database() as url:
        seed(url)
        filled = fill(url, count)
        db = Database(url)
        with running_hub(url, demo=False) as base, httpx.Client(base_url=base) as http:
            http.headers.update({"X-Sync-Protocol": "1", "X-Sync-Schema": "1"})
            login = {"username": "koordination", "password": "demo", "device_name": "B8"}
            token = http.post("/api/v1/auth/login", json=login).raise_for_status().json()["token"]
            http.headers["Authorization"] = f"Bearer {token}"
            for dims, period in [(d, None) for d in DIMENSION_SETS] + [
                (d, DASHBOARD_PERIOD) for d in DASHBOARD_SETS
            ]:
                params = {"by": ",".join(dims)} | ({"period": period} if period else {})
                span = aggregates.parse_period(period) if period else (None, None)

                def over_http(params: dict[str, str] = params) -> None:
                    http.get("/api/v1/aggregates", params=params).raise_for_status()

                def sql_only(dims: tuple[str, ...] = dims, span: Any = span) -> None:
                    with db.read() as session:
                        aggregates.count_cells(session, list(dims), *span)

                def plain(dims: tuple[str, ...] = dims, span: Any = span) -> None:
                    with db.read() as session:
                        aggregates.count_cells(session, list(dims), *span, keyed=False)

                http_ms = _median_ms(over_http, repeat)
                sql_ms = _median_ms(sql_only, repeat)
                plain_ms = _median_ms(plain, repeat)
                cells = http.get("/api/v1/aggregates", params=params).json()
                label = "dashboard " + period if period else "all time"
                results.append(
                    Result(
                        f"{' × '.join(dims)} ({label}) over {count:,} consultations over HTTP",
                        http_ms,
                        "ms",
                        budget="≤ 500 ms",
                        baseline=sql_ms,
                        baseline_name="the same query in-process (SQL with cell-key sum + fetch)",
                        ok=http_ms <= 500,
                        extra=filled
                        | {
                            "cells": len(cells["cells"]),
                            "plain_group_by_ms": round(plain_ms, 1),
                            "cell_key_overhead_ms": round(sql_ms - plain_ms, 1),
                        },
                    )
                )
            results += _views(http, db, count, filled, repeat)
        db.dispose()
    return results


def _views(http: Any, db: Any, count: int, filled: dict[str, Any], repeat: int) -> list[Result]:
    """The dashboard's view requests over HTTP; in-process the same tables with and without
    the cell-key sums (the perturbation's cost against the plain GROUP BY)."""
    from zz_hub import aggregate_views, aggregates

    span = aggregates.parse_period(DASHBOARD_PERIOD)
    results = []
    for view, where in VIEW_REQUESTS:
        params = {"period": DASHBOARD_PERIOD} | where

        def over_http(view: str = view, params: dict[str, str] = params) -> None:
            http.get(f"/api/v1/aggregates/views/{view}", params=params).raise_for_status()

        def sql(keyed: bool, view: str = view, where: dict[str, str] = where) -> None:
            with db.read() as session:
                aggregate_views.count_view(session, view, *span, where, keyed=keyed)

        http_ms = _median_ms(over_http, repeat)
        keyed_ms = _median_ms(lambda: sql(True), repeat)
        plain_ms = _median_ms(lambda: sql(False), repeat)
        body = http.get(f"/api/v1/aggregates/views/{view}", params=params).json()
        shown = ", ".join(f"{k}={v}" for k, v in where.items())
        results.append(
            Result(
                f"dashboard view {view}"
                + (f" [{shown}]" if shown else "")
                + f" ({DASHBOARD_PERIOD}) over {count:,} consultations over HTTP",
                http_ms,
                "ms",
                budget="≤ 500 ms",
                baseline=keyed_ms,
                baseline_name="the view's queries in-process (SQL with cell-key sums + fetch)",
                ok=http_ms <= 500,
                extra=filled
                | {
                    "tables": len(body["tables"]),
                    "cells": sum(len(t["cells"]) for t in body["tables"]),
                    "plain_group_by_ms": round(plain_ms, 1),
                    "cell_key_overhead_ms": round(keyed_ms - plain_ms, 1),
                },
            )
        )
    return results
