"""An attacker against published tables: exact integer search over what the tables allow.

The attacker knows the perturbation table (and hence, for each published value, the interval of
true counts that could have produced it), every published cell and which atoms (finest cells,
unknown true counts) each published cell adds up. :func:`pinned` reports the atoms whose true
count is the only value left in any solution — what a linear (integer) program over a table and
its margins, or over overlapping periods, would recover with certainty. Exact: bounds propagation
plus backtracking, fine for the small hand-made tables of the tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zz_protocol.cellkey import possible_true_counts


@dataclass(frozen=True)
class Observation:
    """A published cell: the atoms it adds up and the interval its true count must lie in."""

    atoms: tuple[int, ...]
    lo: int
    hi: int


def observe(
    atoms: Sequence[int], published: int | None, threshold: int, limit: int = 200
) -> Observation:
    """What a cell-key published value (None: not published) tells the attacker."""
    possible = possible_true_counts(published, threshold, limit)
    return Observation(tuple(atoms), min(possible), max(possible))


Cons = list[tuple[tuple[int, ...], int, int]]


def _propagate(lo: list[int], hi: list[int], cons: Cons) -> bool:
    changed = True
    while changed:
        changed = False
        for atoms, c_lo, c_hi in cons:
            s_lo = sum(lo[a] for a in atoms)
            s_hi = sum(hi[a] for a in atoms)
            if s_lo > c_hi or s_hi < c_lo:
                return False
            for a in atoms:
                new_hi = min(hi[a], c_hi - (s_lo - lo[a]))
                new_lo = max(lo[a], c_lo - (s_hi - hi[a]))
                if new_lo > new_hi:
                    return False
                if (new_lo, new_hi) != (lo[a], hi[a]):
                    lo[a], hi[a] = new_lo, new_hi
                    changed = True
    return True


class _Budget(Exception):
    pass


def _feasible(
    lo: list[int], hi: list[int], cons: Cons, hint: Sequence[int], budget: list[int]
) -> bool:
    """Is there an integer solution within lo..hi? Values near ``hint`` are tried first (only
    the order of the search; the answer is exact). ``budget[0]`` nodes at most (-1: no limit),
    else :class:`_Budget` is raised."""
    budget[0] -= 1
    if budget[0] == 0:
        raise _Budget
    lo, hi = list(lo), list(hi)
    if not _propagate(lo, hi, cons):
        return False
    open_ = [a for a in range(len(lo)) if lo[a] < hi[a]]
    if not open_:
        return True
    a = min(open_, key=lambda i: hi[i] - lo[i])
    for value in sorted(range(lo[a], hi[a] + 1), key=lambda v: abs(v - hint[a])):
        lo2, hi2 = list(lo), list(hi)
        lo2[a] = hi2[a] = value
        if _feasible(lo2, hi2, cons, hint, budget):
            return True
    return False


def pinned(
    observations: Sequence[Observation], truth: Sequence[int], limit: int = 200
) -> list[int]:
    """Atoms with a true count 1–4 that every solution gives the same (their true) value."""
    cons: Cons = [(o.atoms, o.lo, o.hi) for o in observations]
    n_atoms = len(truth)
    lo, hi = [0] * n_atoms, [limit] * n_atoms
    assert _propagate(lo, hi, cons), "the truth must be a solution"
    out = []
    for atom in range(n_atoms):
        if not 1 <= truth[atom] <= 4:
            continue
        others = [v for v in range(lo[atom], hi[atom] + 1) if v != truth[atom]]
        others.sort(key=lambda v: abs(v - truth[atom]))
        # Each candidate first with a small search budget (a witness is usually found at
        # once; proving a value impossible can take long), then without a limit.
        if not any(_try(atom, v, lo, hi, cons, truth, 5000) for v in others) and not any(
            _try(atom, v, lo, hi, cons, truth, -1) for v in others
        ):
            out.append(atom)
    return out


def _try(
    atom: int, value: int, lo: list[int], hi: list[int], cons: Cons, hint: Sequence[int], nodes: int
) -> bool:
    lo2, hi2 = list(lo), list(hi)
    lo2[atom] = hi2[atom] = value
    try:
        return _feasible(lo2, hi2, cons, hint, [nodes])
    except _Budget:
        return False
