"""The cell-key method: the one perturbation table shared by the hub's aggregates and the desktop's
published reports (see docs/disclosure-control.md).

Every counted record carries a random key, an integer in [0, 2**32) stored with the record. A
cell's key is the sum of its records' keys mod 2**32, read as a fraction of 2**32 — the sum of the
records' keys in [0, 1) mod 1, computed exactly in integers. The table maps (true count, cell key)
to a deviation; the published count is the true count plus the deviation. The same set of records
is therefore always published with the same value, whatever query produced the cell; a true zero
has no records and stays zero; the deviation is unbiased, at most ``MAX_DEVIATION`` and has the
variance stated in ``VARIANCE``. Published values under the threshold are not published at all —
exactly like zero cells — so an absent cell reads as "0 or a small count", never as "at least 1".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from fractions import Fraction

KEY_MODULUS = 2**32
MAX_DEVIATION = 2

#: Probability of each deviation, by true count (the row ``3`` holds for every count >= 3).
#: Rows are unbiased (mean 0) and never publish a negative count.
TABLE: dict[int, dict[int, Fraction]] = {
    1: {-1: Fraction(4, 10), 0: Fraction(3, 10), 1: Fraction(2, 10), 2: Fraction(1, 10)},
    2: {
        -2: Fraction(1, 10),
        -1: Fraction(2, 10),
        0: Fraction(4, 10),
        1: Fraction(2, 10),
        2: Fraction(1, 10),
    },
}
TABLE[3] = dict(TABLE[2])

#: Variance of the deviation by true count row (1.0 for a count of 1, 1.2 from 2 on).
VARIANCE: dict[int, Fraction] = {
    n: sum((Fraction(d) ** 2 * p for d, p in row.items()), Fraction(0)) for n, row in TABLE.items()
}


def _row(count: int) -> dict[int, Fraction]:
    return TABLE[min(count, 3)]


def _bounds(count: int) -> list[tuple[int, int]]:
    """(upper bound of the cell-key interval as an integer of KEY_MODULUS, deviation)."""
    out, cum = [], Fraction(0)
    for deviation, p in sorted(_row(count).items()):
        cum += p
        out.append((int(cum * KEY_MODULUS), deviation))
    return out


_BOUNDS = {n: _bounds(n) for n in TABLE}


def random_record_key() -> int:
    """A fresh record key (stored with the record; never derived from anything about it)."""
    import secrets

    return secrets.randbelow(KEY_MODULUS)


def key_of_id(record_id: str) -> int:
    """A record key taken from a record's random UUID (desktop: the id is the stored random
    value; the hash only spreads its bits evenly over [0, 2**32))."""
    return int.from_bytes(hashlib.sha256(record_id.encode()).digest()[:4], "big")


def cell_key(keys: Iterable[int]) -> int:
    """The cell key (as an integer of KEY_MODULUS) of a cell with these records' keys."""
    return sum(keys) % KEY_MODULUS


def deviation(count: int, key: int) -> int:
    if count <= 0:
        return 0
    key %= KEY_MODULUS
    for upper, d in _BOUNDS[min(count, 3)]:
        if key < upper:
            return d
    return _BOUNDS[min(count, 3)][-1][1]


def perturb(count: int, key: int) -> int:
    """The perturbed count (zero stays zero)."""
    return count + deviation(count, key) if count > 0 else 0


def publish(count: int, key: int, threshold: int) -> int | None:
    """The published count, or None where the cell is not published (zero or perturbed count
    under the threshold — the two cannot be told apart)."""
    value = perturb(count, key)
    return value if value >= threshold and value > 0 else None


def possible_true_counts(published: int | None, threshold: int, limit: int) -> set[int]:
    """What an attacker who knows this table learns from one published value: the true counts
    (0..limit) that could have produced it for some cell key."""
    out: set[int] = set()
    for n in range(limit + 1):
        outcomes = {0} if n == 0 else {n + d for d, p in _row(n).items() if p > 0}
        shown = {v if v >= threshold and v > 0 else None for v in outcomes}
        if published in shown:
            out.add(n)
    return out
