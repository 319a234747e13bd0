"""The figures of the self-employed situation report, with small-cell suppression.

Consultations in the period whose person has a self-employed profile; every cell below the
threshold (default 5) is suppressed, and a second pass suppresses further cells so that a line
total cannot reveal a hidden cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from zz_desktop.domain.enums import (
    FeeBand,
    HealthInsurance,
    PensionProvision,
)
from zz_desktop.reports.queries.period import UNKNOWN, Period, _section
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Consultation,
    SelfEmployedProfile,
)
from zz_protocol import cellkey

DEFAULT_MIN_CELL = 5
"""Smallest count shown in a cell of the self-employed report (setting reports.min_cell)."""


Cell = int | str
"""A shown count, or the marker of a suppressed cell (``"<5"`` primary, ``"•"`` secondary)."""

SECONDARY = "•"


@dataclass(frozen=True)
class SuppressedTable:
    rows: list[str]
    columns: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    total: Cell | None


def suppress(
    matrix: Sequence[Sequence[int]],
    threshold: int = DEFAULT_MIN_CELL,
    row_totals: bool = True,
    column_totals: bool = True,
) -> tuple[list[list[Cell]], list[Cell] | None, list[Cell] | None, Cell | None]:
    """Hide counts 1…threshold-1 ("<5"), then hide further cells ("•") until no line that has a
    shown total contains exactly one hidden cell (so the total cannot give it away)."""
    n_rows = len(matrix)
    n_cols = len(matrix[0]) if n_rows else 0
    # The table with its total column and total row as ordinary cells of the grid.
    grid = [list(r) + [sum(r)] for r in matrix]
    grid.append([sum(grid[i][j] for i in range(n_rows)) for j in range(n_cols + 1)])
    hidden = [[0 < v < threshold for v in row] for row in grid]
    secondary: set[tuple[int, int]] = set()
    lines: list[list[tuple[int, int]]] = []
    if row_totals:
        lines += [
            [(i, j) for j in range(n_cols + 1)] for i in range(n_rows + (1 if column_totals else 0))
        ]
    if column_totals:
        lines += [
            [(i, j) for i in range(n_rows + 1)] for j in range(n_cols + (1 if row_totals else 0))
        ]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[i][j] for i, j in line) != 1:
                continue
            inner = [(i, j) for i, j in line[:-1] if not hidden[i][j] and grid[i][j] > 0]
            i, j = min(inner, key=lambda c: grid[c[0]][c[1]]) if inner else line[-1]
            hidden[i][j] = True
            secondary.add((i, j))
            changed = True

    def cell(i: int, j: int) -> Cell:
        if not hidden[i][j]:
            return grid[i][j]
        return SECONDARY if (i, j) in secondary else f"<{threshold}"

    cells = [[cell(i, j) for j in range(n_cols)] for i in range(n_rows)]
    rt = [cell(i, n_cols) for i in range(n_rows)] if row_totals else None
    ct = [cell(n_rows, j) for j in range(n_cols)] if column_totals else None
    total = cell(n_rows, n_cols) if row_totals or column_totals else None
    return cells, rt, ct, total


Keys = list[int]
"""The cell-key record keys of the records counted in one cell (zz_protocol.cellkey)."""


def perturb_table(
    matrix: Sequence[Sequence[Keys]],
    threshold: int = DEFAULT_MIN_CELL,
    row_totals: bool = True,
    column_totals: bool = True,
) -> tuple[list[list[Cell]], list[Cell] | None, list[Cell] | None, Cell | None]:
    """The cell-key method (docs/disclosure-control.md): every cell and every total is its own
    logical cell, perturbed by the key of its records, so totals carry their own noise and do
    not pin a hidden cell; a perturbed count under ``threshold`` (zeros too) is shown as "<5"."""

    def cell(keys: Keys) -> Cell:
        value = cellkey.publish(len(keys), cellkey.cell_key(keys), threshold)
        return f"<{threshold}" if value is None else value

    n_cols = len(matrix[0]) if matrix else 0
    cells = [[cell(k) for k in row] for row in matrix]
    rt = [cell([k for c in row for k in c]) for row in matrix] if row_totals else None
    ct = (
        [cell([k for row in matrix for k in row[j]]) for j in range(n_cols)]
        if column_totals
        else None
    )
    everything = [k for row in matrix for c in row for k in c]
    total = cell(everything) if row_totals or column_totals else None
    return cells, rt, ct, total


def _table(
    rows: list[str],
    columns: list[str],
    keys: dict[tuple[str, str], Keys],
    threshold: int,
    row_totals: bool = True,
    column_totals: bool = True,
) -> SuppressedTable:
    matrix = [[keys.get((r, c), []) for c in columns] for r in rows]
    cells, rt, ct, total = perturb_table(matrix, threshold, row_totals, column_totals)
    return SuppressedTable(rows, columns, cells, rt, ct, total)


def _distribution(
    values: Iterable[tuple[str, str]], order: Sequence[str], threshold: int
) -> SuppressedTable:
    """(value, person id) pairs → a one-column table of persons per value."""
    keys: dict[tuple[str, str], Keys] = {}
    for value, pid in values:
        keys.setdefault((value, "n"), []).append(cellkey.key_of_id(pid))
    present = [o for o in order if (o, "n") in keys] + ([UNKNOWN] if (UNKNOWN, "n") in keys else [])
    return _table(present, ["n"], keys, threshold, row_totals=False)


@dataclass(frozen=True)
class SelfEmployedReport:
    period: Period
    threshold: int
    consultations: Cell
    persons: Cell
    by_topic: SuppressedTable
    health_insurance: SuppressedTable
    pension: SuppressedTable
    unemployment_insurance: SuppressedTable
    platform_work: SuppressedTable
    fee_bands: SuppressedTable


def min_cell(store: Store) -> int:
    value = store.get_setting("reports.min_cell", DEFAULT_MIN_CELL)
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else DEFAULT_MIN_CELL


def _yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else ("yes" if value else "no")


def selfemployed_report(
    store: Store, period: Period, threshold: int | None = None
) -> SelfEmployedReport:
    """The Haus der Selbstständigen's aggregate view; every cell < ``threshold`` suppressed."""
    threshold = threshold or min_cell(store)
    with store.read() as session:
        profiles: dict[str, SelfEmployedProfile] = {}
        for prof in session.scalars(
            select(SelfEmployedProfile).where(SelfEmployedProfile.deleted.is_(False))
        ):
            profiles.setdefault(prof.person_id, prof)
        found = session.execute(
            select(Consultation.id, Consultation.person_id, Consultation.topics).where(
                Consultation.deleted.is_(False),
                Consultation.date >= period.start,
                Consultation.date <= period.end,
                Consultation.person_id.in_(select(SelfEmployedProfile.person_id)),
            )
        ).all()
    advised = [(str(cid), str(pid), topics) for cid, pid, topics in found if pid in profiles]
    persons = {pid for _, pid, _ in advised}
    # Record keys: consultations and persons are counted, each by the key of its random id.
    topic_keys: dict[tuple[str, str], Keys] = {}
    for cid, _, topics in advised:
        for tp in dict.fromkeys(topics or []):
            topic_keys.setdefault((tp, "n"), []).append(cellkey.key_of_id(cid))
    topic_rows = sorted({tp for tp, _ in topic_keys}, key=lambda tp: -len(topic_keys[(tp, "n")]))
    prof_list = [(pid, profiles[pid]) for pid in sorted(persons)]
    fee_cols = [b.value for b in FeeBand] + [UNKNOWN]
    fee_keys: dict[tuple[str, str], Keys] = {}
    for pid, prof in prof_list:
        cell = (_section(prof.sector_code, prof.sector_version), prof.fee_band or UNKNOWN)
        fee_keys.setdefault(cell, []).append(cellkey.key_of_id(pid))
    fee_rows = sorted({r for r, _ in fee_keys}, key=lambda s: (s == UNKNOWN, s))
    count_cells, _, _, _ = perturb_table(
        [
            [[cellkey.key_of_id(cid) for cid, _, _ in advised]],
            [[cellkey.key_of_id(pid) for pid in persons]],
        ],
        threshold,
        False,
        False,
    )
    return SelfEmployedReport(
        period=period,
        threshold=threshold,
        consultations=count_cells[0][0],
        persons=count_cells[1][0],
        by_topic=_table(topic_rows, ["n"], topic_keys, threshold, False, False),
        health_insurance=_distribution(
            ((p.health_insurance or UNKNOWN, pid) for pid, p in prof_list),
            [h.value for h in HealthInsurance],
            threshold,
        ),
        pension=_distribution(
            ((p.pension or UNKNOWN, pid) for pid, p in prof_list),
            [p.value for p in PensionProvision],
            threshold,
        ),
        unemployment_insurance=_distribution(
            ((_yes_no(p.unemployment_insurance), pid) for pid, p in prof_list),
            ["yes", "no"],
            threshold,
        ),
        platform_work=_distribution(
            ((_yes_no(p.platform_work), pid) for pid, p in prof_list), ["yes", "no"], threshold
        ),
        fee_bands=_table(fee_rows, fee_cols, fee_keys, threshold),
    )
