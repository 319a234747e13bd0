"""Shared benchmark plumbing: timing with medians/percentiles, results, profiles for benches.

Every bench module ``bench/bN_name.py`` defines ``BUDGET = "B9"``, ``TITLE`` and
``run(smoke: bool) -> list[Result]``. ``smoke`` means: tiny sizes, one repetition — it only
proves that the script still works (part of ``make test``); figures come from ``make bench``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Result:
    """One measured figure: ``value`` in ``unit``; ``baseline`` measured in the same run."""

    name: str
    value: float
    unit: str
    budget: str = ""
    baseline: float | None = None
    baseline_name: str = ""
    ok: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]


def timings(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def p95_ms(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] * 1000
    return statistics.quantiles(values, n=20, method="inclusive")[18] * 1000


@contextmanager
def bench_profile(consultations: int, seed: int = 7, keep: str | None = None):  # type: ignore[no-untyped-def]
    """A demo profile of the given size (passphrase-protected; no keyring needed). With ``keep``
    (or ``ZZ_BENCH_CACHE``) the profile is cached across runs under that folder."""
    from zz_desktop.services.demo import generate_demo
    from zz_desktop.store.database import open_store

    cache = keep or os.environ.get("ZZ_BENCH_CACHE")
    if cache:
        path = Path(cache) / f"demo-{consultations}-{seed}-pw10"  # pw10: passphrase min. length
        fresh = not path.exists()
        store = open_store(path, passphrase="bench-geheim", create=fresh)
        if fresh:
            generate_demo(store, consultations=consultations, seed=seed)
        try:
            yield store
        finally:
            store.close()
        return
    with tempfile.TemporaryDirectory(prefix="zz-bench-") as tmp:
        store = open_store(Path(tmp) / "p", passphrase="bench-geheim", create=True)
        generate_demo(store, consultations=consultations, seed=seed)
        try:
            yield store
        finally:
            store.close()
