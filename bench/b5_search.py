"""B5: search as you type over 100k consultations and ~50k contacts (FTS5, prefix) — p95 per
keystroke. Baseline: ``LIKE '%term%'`` over the same columns, ≥ 20× slower."""

from __future__ import annotations

import time

from sqlalchemy import text

from bench.harness import Result, bench_profile, p95_ms
from zz_desktop.services.finder import find
from zz_desktop.store.search import search

BUDGET = "B5"
TITLE = "search as you type"
WORDS = [
    "Tischlerei",
    "Müller",
    "Digitalisierung",
    "Schulung",
    "Förderprogramm",
    "Dresden",
    "Weiterbildung",
    "Betriebsrat",
]

_LIKE = {
    "organisation": ("name", "city", "legal_form", "street", "postcode", "email", "notes"),
    "person": ("first_name", "last_name", "email", "postcode", "phone", "notes"),
    "consultation": (
        "title",
        "starting_situation",
        "findings",
        "agreements",
        "recommendations",
        "place",
    ),
    "event": ("title", "place", "description"),
}


def like_search(session, term: str, limit: int = 30) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out: list[tuple[str, str]] = []
    for table, cols in _LIKE.items():
        cond = " OR ".join(f"{c} LIKE :t" for c in cols)
        rows = session.execute(
            text(f"SELECT '{table}', id FROM {table} WHERE deleted = 0 AND ({cond}) LIMIT :n"),
            {"t": f"%{term}%", "n": limit},
        ).all()
        out += [(r[0], r[1]) for r in rows]
        if len(out) >= limit:
            break
    return out[:limit]


def keystrokes(smoke: bool) -> list[str]:
    words = WORDS[:2] if smoke else WORDS
    return [w[:i] for w in words for i in range(2, len(w) + 1)]


def run(smoke: bool) -> list[Result]:
    n = 300 if smoke else 100_000
    with bench_profile(n) as store, store.read() as session:
        contacts = session.execute(
            text("SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM person)")
        ).scalar()
        typed = keystrokes(smoke)
        for q in typed[:3]:
            search(session, q, 30)  # warm the page cache
        fts = []
        for _ in range(1 if smoke else 3):
            for q in typed:
                t0 = time.perf_counter()
                search(session, q, 30)
                fts.append(time.perf_counter() - t0)
        # What the popup runs: the same hits plus one line of context each (issue 10).
        ctx = []
        for q in typed:
            t0 = time.perf_counter()
            find(session, q, 30)
            ctx.append(time.perf_counter() - t0)
        base = []
        for q in typed[:: 1 if smoke else 3]:
            t0 = time.perf_counter()
            like_search(session, q, 30)
            base.append(time.perf_counter() - t0)
    p95, base95, ctx95 = p95_ms(fts), p95_ms(base), p95_ms(ctx)
    return [
        Result(
            "p95 per keystroke",
            p95,
            "ms",
            "≤ 30 ms; LIKE ≥ 20× slower",
            base95,
            "LIKE '%term%' (p95)",
            p95 <= 30 and (smoke or base95 >= 20 * p95),
            {"consultations": n, "contacts": contacts, "keystrokes": len(fts)},
        ),
        Result(
            "p95 per keystroke with context (popup)",
            ctx95,
            "ms",
            "≤ 30 ms",
            p95,
            "index search alone (p95)",
            ctx95 <= 30,
            {"keystrokes": len(ctx)},
        ),
    ]
