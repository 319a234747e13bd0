"""Pattern alerts ("Muster erkennen") on published (cell-key perturbed) counts only.

For one dimension (topic, WZ section, Land, topic × Land, ...) the share of consultations of each
key in the current period is compared with its share in a reference — the previous period, or the
programme as a whole without this key's group — by a two-sided two-proportion z-test (pooled
variance). The p-values of all keys of one comparison are adjusted by Benjamini–Hochberg, so that
among the alerts raised at level ``q`` the expected share of false ones is at most ``q``. The
effect size is Cohen's h (2·asin√p₁ − 2·asin√p₂). Plain Python: no personal data ever reaches it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

#: Default false-discovery rate of the alerts.
FDR = 0.05
#: Alerts also need a practically relevant effect (|h| ≥ 0.1: "small" after Cohen).
MIN_EFFECT = 0.1


@dataclass(frozen=True)
class Alert:
    dimension: str
    key: str
    against: str  # "previous" or "programme"
    count: int
    total: int
    reference_count: int
    reference_total: int
    share: float
    reference_share: float
    z: float
    p_value: float
    p_adjusted: float
    effect_h: float

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """(z, two-sided p) of H0: p1 == p2, pooled standard error."""
    if n1 <= 0 or n2 <= 0:
        return 0.0, 1.0
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0, 1.0
    z = (x1 / n1 - x2 / n2) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def benjamini_hochberg(p_values: list[float]) -> list[float]:
    """BH-adjusted p-values (step-up, monotone), in the order given."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * m / rank)
        adjusted[i] = running
    return adjusted


def cohen_h(p1: float, p2: float) -> float:
    return 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))


def compare(
    dimension: str,
    current: Mapping[str, int],
    reference: Mapping[str, int],
    against: str,
    current_total: int | None = None,
    reference_total: int | None = None,
    q: float = FDR,
    min_effect: float = MIN_EFFECT,
) -> list[Alert]:
    """Alerts for the keys whose share in ``current`` differs from that in ``reference``.

    Totals default to the sums of the published cells (published totals may differ by the
    perturbation; either is fine for shares of this size)."""
    n1 = current_total if current_total is not None else sum(current.values())
    n2 = reference_total if reference_total is not None else sum(reference.values())
    keys = sorted(set(current) | set(reference))
    tests = [(k, *two_proportion_z(current.get(k, 0), n1, reference.get(k, 0), n2)) for k in keys]
    adjusted = benjamini_hochberg([p for _, _, p in tests])
    alerts = []
    for (key, z, p), p_adj in zip(tests, adjusted, strict=True):
        s1 = current.get(key, 0) / n1 if n1 else 0.0
        s2 = reference.get(key, 0) / n2 if n2 else 0.0
        h = cohen_h(s1, s2)
        if p_adj <= q and abs(h) >= min_effect:
            alerts.append(
                Alert(
                    dimension,
                    key,
                    against,
                    current.get(key, 0),
                    n1,
                    reference.get(key, 0),
                    n2,
                    s1,
                    s2,
                    z,
                    p,
                    p_adj,
                    h,
                )
            )
    return sorted(alerts, key=lambda a: a.p_adjusted)


#: Which part of an alert's key (split at " × ") names a filter's value, per dimension.
_KEY_PARTS: dict[str, dict[str, int]] = {
    "topic": {"topic": 0},
    "sector": {},
    "land": {"land": 0},
    "topic × land": {"topic": 0, "land": 1},
    "centre × topic": {"centre": 0, "topic": 1},
}


def concerns(alert: Alert, filters: Mapping[str, str]) -> bool:
    """True when the alert is about every chosen filter value (``centre``, ``land``, ``topic``).

    Filtering only chooses what is shown: the alerts were adjusted for the whole programme's
    tests, so a filtered view keeps the programme-wide false-discovery rate (re-adjusting within
    the selection would count the same evidence twice)."""
    parts = alert.key.split(" × ")
    positions = _KEY_PARTS.get(alert.dimension, {})
    for name, value in filters.items():
        at = positions.get(name)
        if at is None or at >= len(parts) or parts[at] != value:
            return False
    return True
