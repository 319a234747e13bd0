"""The cell-key method on hand-made tables whose right answer is known: the perturbation table,
the same cell → the same value in every query (in SQL on the hub), zero stays zero, and the two
attacks of issue 12 — differencing over adjacent periods and an exact integer program over a
table plus its margins — cannot pin any true count 1–4."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from fractions import Fraction

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from tests.support.attack import Observation, observe, pinned
from zz_hub import aggregates, reach
from zz_hub.models import AggConsultation, AggConsultationTopic, Base, Centre
from zz_protocol import cellkey

T = 5  # the hub's default publication threshold


def test_the_table_is_unbiased_bounded_and_never_negative() -> None:
    for n, row in cellkey.TABLE.items():
        assert sum(row.values()) == 1
        assert sum(Fraction(d) * p for d, p in row.items()) == 0
        assert all(abs(d) <= cellkey.MAX_DEVIATION and n + d >= 0 for d in row)
    assert {1: Fraction(1), 2: Fraction(6, 5), 3: Fraction(6, 5)} == cellkey.VARIANCE


def test_cell_keys_select_deviations_with_the_stated_probabilities() -> None:
    steps = 10_000
    for n in (1, 2, 7, 500):
        seen: dict[int, int] = {}
        for i in range(steps):
            d = cellkey.deviation(n, i * cellkey.KEY_MODULUS // steps)
            seen[d] = seen.get(d, 0) + 1
        assert {d: Fraction(c, steps) for d, c in seen.items()} == cellkey.TABLE[min(n, 3)]


def test_zero_stays_zero_and_small_counts_are_not_published() -> None:
    rng = random.Random(1)
    for _ in range(1000):
        key = rng.randrange(cellkey.KEY_MODULUS)
        assert cellkey.perturb(0, key) == 0 and cellkey.publish(0, key, T) is None
        assert cellkey.publish(1, key, T) is None and cellkey.publish(2, key, T) is None
        assert cellkey.publish(9, key, T) is not None
    # A missing cell may be 0 or a small count: "not shown" never reads as "at least 1".
    assert cellkey.possible_true_counts(None, T, 50) == {0, 1, 2, 3, 4, 5, 6}
    assert cellkey.possible_true_counts(5, T, 50) == {3, 4, 5, 6, 7}


# ---------------------------------------------------------------- same cell, same value (SQL)


def _session() -> Session:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    return Session(engine)


def _add(session: Session, rng: random.Random, centre: str, land: str, day: str, n: int) -> None:
    for _ in range(n):
        cid, key = f"c{rng.random()}", rng.randrange(cellkey.KEY_MODULUS)
        date = dt.date.fromisoformat(day)
        dims = dict(
            date=date,
            quarter=f"{date.year}-Q{(date.month - 1) // 3 + 1}",
            land=land,
            mode="phone",
            kind="signposting",
            sector_section="K",
            sme_class="small",
            record_key=key,
        )
        session.add(AggConsultation(centre_id=centre, consultation_id=cid, **dims))
        session.add(
            AggConsultationTopic(centre_id=centre, consultation_id=cid, topic="ai_at_work", **dims)
        )


def test_the_same_cell_has_the_same_published_value_in_every_query() -> None:
    rng = random.Random(7)
    with _session() as session:
        session.add_all(
            [
                Centre(id="st", code="ZZ-ST", name="a", state="ST", kind="regional"),
                Centre(id="sn", code="ZZ-SN", name="b", state="SN", kind="regional"),
            ]
        )
        _add(session, rng, "st", "ST", "2026-04-10", 9)
        _add(session, rng, "st", "ST", "2026-05-10", 4)
        _add(session, rng, "sn", "SN", "2026-02-10", 12)
        session.commit()

        def q(dims: list[str], period: str | None = None) -> dict[tuple[str, ...], int]:
            start, end = aggregates.parse_period(period) if period else (None, None)
            cells = aggregates.count_cells(session, dims, start, end)
            return aggregates.publish(cells, T)

        st = q(["centre"])[("ZZ-ST",)]
        # The 13 consultations of ZZ-ST are those of Land ST, of ST's topic ai_at_work, of 2026-Q2.
        assert q(["land"])[("ST",)] == st
        assert q(["centre", "land"])[("ZZ-ST", "ST")] == st
        assert q(["centre", "topic"])[("ZZ-ST", "ai_at_work")] == st
        assert q(["land"], "2026-Q2")[("ST",)] == st
        assert q(["quarter", "land"], "2026")[("2026-Q2", "ST")] == st
        assert q(["land", "quarter", "sector", "mode"])[("ST", "2026-Q2", "K", "phone")] == st
        assert abs(st - 13) <= cellkey.MAX_DEVIATION
        # The 4 of May are never published, on their own or as the only cell of a query.
        assert q(["land"], "2026-05") == {}
        # Zero stays zero: nothing in 2025, and no cell for a Land without consultations.
        assert q(["land"], "2025") == {}
        assert ("BY",) not in q(["land"])


# ---------------------------------------------------------------- attacks


class Table:
    """Atoms (finest cells) with hand-made true counts and random record keys."""

    def __init__(self, truth: Sequence[int], rng: random.Random) -> None:
        self.truth = list(truth)
        self.keys = [[rng.randrange(cellkey.KEY_MODULUS) for _ in range(n)] for n in truth]

    def publish(self, atoms: Sequence[int]) -> Observation:
        """The published cell over ``atoms`` as the attacker sees it."""
        count = sum(self.truth[a] for a in atoms)
        key = cellkey.cell_key(k for a in atoms for k in self.keys[a])
        return observe(atoms, cellkey.publish(count, key, T), T)


def _small_counts(rng: random.Random, size: int) -> list[int]:
    # Mostly 0–4 (the counts to protect), some larger ones so that cells are published.
    return [rng.choice([0, 1, 1, 2, 3, 4, 4, 6, 9, 15]) for _ in range(size)]


@pytest.mark.parametrize("seed", range(25))
def test_differencing_adjacent_periods_pins_nothing(seed: int) -> None:
    """Three centres × 12 months: the attacker has every allowed period of every centre and of
    all centres together — months, quarters, the year — and subtracts them any way he likes."""
    rng = random.Random(seed)
    centres, months = 3, 12
    table = Table(_small_counts(rng, centres * months), rng)

    def atom(c: int, m: int) -> int:
        return c * months + m

    periods = [[m] for m in range(months)] + [list(range(3 * q, 3 * q + 3)) for q in range(4)]
    periods.append(list(range(months)))
    observations = []
    for span in periods:
        for c in range(centres):
            observations.append(table.publish([atom(c, m) for m in span]))
        observations.append(table.publish([atom(c, m) for c in range(centres) for m in span]))
    assert pinned(observations, table.truth) == []


@pytest.mark.parametrize("seed", range(25))
def test_integer_program_over_a_table_and_its_margins_pins_nothing(seed: int) -> None:
    """A 5 × 6 table (e.g. Land × WZ section), its row and column totals and the grand total."""
    rng = random.Random(1000 + seed)
    rows, cols = 5, 6
    table = Table(_small_counts(rng, rows * cols), rng)
    observations = [table.publish([r * cols + c]) for r in range(rows) for c in range(cols)]
    observations += [table.publish([r * cols + c for c in range(cols)]) for r in range(rows)]
    observations += [table.publish([r * cols + c for r in range(rows)]) for c in range(cols)]
    observations.append(table.publish(range(rows * cols)))
    assert pinned(observations, table.truth) == []


def test_the_attacker_does_pin_exact_counts_with_suppression() -> None:
    """Control: the same attacker against the old method (exact counts, cells < 5 hidden, a
    complementary cell hidden too) recovers hidden counts from the margins."""
    truth = [2, 7, 9, 3, 8, 6]  # 2 × 3; hidden: the 2 and the 3 (primary) — both in column 0
    exact = [Observation((i,), v, v) for i, v in enumerate(truth) if v >= 5]
    exact += [Observation((i,), 1, 4) for i, v in enumerate(truth) if v < 5]
    exact += [Observation((0, 1, 2), 18, 18), Observation((3, 4, 5), 17, 17)]  # row totals
    assert pinned(exact, truth) == [0, 3]


@pytest.mark.parametrize("seed", range(15))
def test_the_selfemployed_tables_with_their_totals_pin_nothing(seed: int) -> None:
    """The self-employed report's fee-band table (WZ section × fee band) with its row totals,
    column totals and grand total, as the report computes it — the same integer program."""
    import uuid

    from zz_desktop.reports.queries.selfemployed import perturb_table

    rng = random.Random(2000 + seed)
    rows, cols = 4, 5
    truth = _small_counts(rng, rows * cols)
    ids = [[str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(n)] for n in truth]
    matrix = [
        [[cellkey.key_of_id(i) for i in ids[r * cols + c]] for c in range(cols)]
        for r in range(rows)
    ]
    cells, row_totals, col_totals, total = perturb_table(matrix, T)
    assert row_totals is not None and col_totals is not None

    def seen(value: int | str | None) -> int | None:
        return value if isinstance(value, int) else None

    obs = [observe([r * cols + c], seen(cells[r][c]), T) for r in range(rows) for c in range(cols)]
    obs += [
        observe([r * cols + c for c in range(cols)], seen(row_totals[r]), T) for r in range(rows)
    ]
    obs += [
        observe([r * cols + c for r in range(rows)], seen(col_totals[c]), T) for c in range(cols)
    ]
    obs.append(observe(range(rows * cols), seen(total), T))
    assert pinned(obs, truth) == []
    # Zeros are shown like small counts, never as a revealing "0".
    assert all(
        cells[r][c] == f"<{T}" for r in range(rows) for c in range(cols) if truth[r * cols + c] == 0
    )


# ---------------------------------------------------------------- SMEs reached (issue 12, part c)


def _add_orgs(
    session: Session, rng: random.Random, centre: str, kreis: str, orgs: int, each: int
) -> None:
    """``orgs`` SMEs of one Kreis with ``each`` consultations (2026-Q2) apiece."""
    for _ in range(orgs):
        oid, org_key = f"o{rng.random()}", rng.randrange(cellkey.KEY_MODULUS)
        for n in range(each):
            cid = f"c{rng.random()}"
            date = dt.date(2026, 4 + n % 3, 10)
            dims = dict(
                date=date,
                quarter="2026-Q2",
                month=f"2026-{date.month:02d}",
                land="ST" if kreis.startswith("15") else "SN",
                kreis=kreis,
                mode="phone",
                kind="signposting",
                sector_section="K",
                sme_class="small",
                record_key=rng.randrange(cellkey.KEY_MODULUS),
                organisation_id=oid,
                org_key=org_key,
            )
            session.add(AggConsultation(centre_id=centre, consultation_id=cid, **dims))
            topic = "ai_at_work" if n % 2 == 0 else "funding_programmes"
            session.add(
                AggConsultationTopic(centre_id=centre, consultation_id=cid, topic=topic, **dims)
            )


def test_smes_reached_count_each_organisation_once_with_one_value_per_cell() -> None:
    from zz_hub import aggregate_views

    rng = random.Random(12)
    with _session() as session:
        session.add_all(
            [
                Centre(id="st", code="ZZ-ST", name="a", state="ST", kind="regional"),
                Centre(id="sn", code="ZZ-SN", name="b", state="SN", kind="regional"),
            ]
        )
        _add_orgs(session, rng, "st", "15003", orgs=11, each=3)
        _add_orgs(session, rng, "st", "15002", orgs=2, each=5)  # 2 SMEs: never published
        _add_orgs(session, rng, "sn", "14612", orgs=9, each=2)
        session.flush()
        reach.recompute(session)  # as the projections do for the organisations of a push
        session.commit()
        start, end = aggregates.parse_period("2026-Q2")

        def q(dims: list[str], **where: str) -> dict[tuple[str, ...], int]:
            cells = aggregates.count_cells(
                session, dims, start, end, measure="organisations", where=where
            )
            return aggregates.publish(cells, T)

        magdeburg = q(["kreis"])[("15003",)]
        assert abs(magdeburg - 11) <= cellkey.MAX_DEVIATION  # 11 SMEs, not 33 consultations
        assert q(["centre", "kreis"])[("ZZ-ST", "15003")] == magdeburg
        assert q(["kreis"], land="ST")[("15003",)] == magdeburg
        assert q(["kreis"], centre="ZZ-ST")[("15003",)] == magdeburg
        assert ("15002",) not in q(["kreis"])  # 2 SMEs: left out like an empty cell
        assert ("16051",) not in q(["kreis"])  # zero stays zero
        # An SME counted by topic is one SME of that topic, whatever else it was advised on.
        by_topic = q(["topic", "kreis"])
        assert by_topic[("ai_at_work", "15003")] == q(["kreis"], topic="ai_at_work")[("15003",)]
        # The view's table is the same cells.
        tables = aggregate_views.view_tables(session, "reach", T, start, end, {})
        by_kreis = {tuple(c.keys.values()): c.count for c in tables[1].cells}
        assert by_kreis == q(["kreis"])
        assert {tuple(c.keys.values()): c.count for c in tables[0].cells} == q(["land"])
        # The centres view counts consultations and SMEs in one scan: the same cells.
        centres = aggregate_views.view_tables(session, "centres", T, start, end, {})
        direct = aggregates.publish(aggregates.count_cells(session, ["centre"], start, end), T)
        assert {tuple(c.keys.values()): c.count for c in centres[0].cells} == direct
        assert {tuple(c.keys.values()): c.count for c in centres[1].cells} == q(["centre"])
        with pytest.raises(aggregates.BadFilter):
            aggregate_views.view_tables(session, "reach", T, start, end, {"topic": "Freitext"})
        with pytest.raises(aggregates.BadFilter):
            aggregate_views.view_tables(session, "reach", T, start, end, {"kreis": "15003"})
        # Per month: the SMEs of that month; by quarter in a year: the quarter's SMEs.
        april = aggregates.count_cells(
            session, ["kreis"], *aggregates.parse_period("2026-04"), measure="organisations"
        )
        assert april[("15003",)][0] == 11 and april[("14612",)][0] == 9
        year = aggregates.count_cells(
            session, ["quarter", "kreis"], *aggregates.parse_period("2026"), measure="organisations"
        )
        assert aggregates.publish(year, T)[("2026-Q2", "15003")] == magdeburg
        with pytest.raises(aggregates.BadDimension):
            q(["mode"])  # an SME's consultations differ in mode: not a split of SMEs
        with pytest.raises(aggregates.BadPeriod):
            aggregates.count_cells(session, ["kreis"], measure="organisations")


@pytest.mark.parametrize("seed", range(15))
def test_smes_per_centre_and_kreis_with_every_filter_and_margin_pin_nothing(seed: int) -> None:
    """SMEs reached, centre × Kreis (an SME belongs to one centre and one Kreis, so the cells of
    a period are disjoint): every cell, each Kreis over all centres (the reach view), each
    centre over all Kreise (the centre filter / centre comparison) and the total — the same
    integer program as for consultations, on the organisations' record keys."""
    rng = random.Random(3000 + seed)
    centres, kreise = 3, 6
    table = Table(_small_counts(rng, centres * kreise), rng)
    observations = [table.publish([c * kreise + k]) for c in range(centres) for k in range(kreise)]
    observations += [table.publish([c * kreise + k for c in range(centres)]) for k in range(kreise)]
    observations += [table.publish([c * kreise + k for k in range(kreise)]) for c in range(centres)]
    observations.append(table.publish(range(centres * kreise)))
    assert pinned(observations, table.truth) == []
