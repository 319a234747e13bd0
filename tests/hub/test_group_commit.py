"""Group commit decides nothing differently: pushes of several devices of one centre applied
together in one transaction (``zz_hub.push.apply_batches``) give the same results and leave the
same rows as the same pushes applied one after the other, each in its own transaction — edits
of rows another batch of the group wrote (conflicts), deletes, replays of op ids across batches,
clean acknowledgements — on both backends (hypothesis draws the pushes; every example uses fresh
ids, and numbers are compared relative to the counter before the pushes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from zz_hub.db import Database
from zz_hub.ids import uuid7
from zz_hub.models import HubUser
from zz_hub.push import Batch, apply_batch, apply_batches
from zz_hub.seq import read_counter
from zz_hub.tenancy import Caller, CentreScope
from zz_hub.testing import seed
from zz_protocol.schemas import Op, OpResult

NOW = "2026-03-02T09:30:00.000"
NAMES = ("Tischlerei Alt", "Bäckerei Neu", "Malerbetrieb")
#: Fields that hold the time of the write (they differ between the two runs by nature).
TIMES = {"at_current", "at_other", "created_at", "updated_at"}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def hub_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, list[Caller]]]:
    from tests.hub.conftest import database_for

    for url in database_for(str(request.param), tmp_path_factory.mktemp("group")):
        seed(url)
        database = Database(url)
        with database.read() as session:
            users = {
                u.username: u
                for u in session.scalars(
                    select(HubUser).where(HubUser.username.in_(("berater1", "leitung")))
                )
            }
        one = users["berater1"]
        assert one.centre_id is not None
        callers = [
            Caller(one.id, one.username, f"dev-group-{i}", "advisor", one.centre_id)
            for i in range(2)
        ]
        if "leitung" in users and users["leitung"].centre_id == one.centre_id:
            boss = users["leitung"]
            callers.append(Caller(boss.id, boss.username, "dev-group-m", "manager", one.centre_id))
        try:
            yield database, callers
        finally:
            database.dispose()


def _fields(name: str, deleted: bool, user: str) -> dict[str, Any]:
    return {
        "name": name,
        "ags": "15002000",
        "sector_code": "16.23",
        "sector_version": "WZ2025",
        "sme_class": "micro",
        "created_at": NOW,
        "updated_at": NOW,
        "created_by": user,
        "updated_by": user,
        "deleted": deleted,
    }


#: One drawn op: (target, kind, base, name, deleted). target: ("shared", i) a row made before
#: the pushes, ("new", j) a row first named in the pushes, ("replay", k) the k-th op drawn
#: before (same op id, same payload).
def _op_plan() -> Any:
    target = st.one_of(
        st.tuples(st.just("shared"), st.integers(0, 2)),
        st.tuples(st.just("new"), st.integers(0, 3)),
        st.tuples(st.just("replay"), st.integers(0, 20)),
    )
    base = st.sampled_from(("current", "none", "stale"))
    return st.tuples(
        target,
        st.sampled_from(("upsert", "upsert", "delete")),
        base,
        st.sampled_from(NAMES),
        st.booleans(),
    )


class Scenario:
    """The drawn pushes, built with fresh ids for one run."""

    def __init__(self, callers: list[Caller], drawn: list[tuple[int, list[Any]]]) -> None:
        self.ids: dict[str, str] = {}
        self.callers = callers
        self.drawn = drawn

    def id(self, name: str) -> str:
        return self.ids.setdefault(name, uuid7())

    def setup(self) -> tuple[Caller, list[Op]]:
        maker = self.callers[0]
        ops = [
            Op(
                op_id=uuid7(),
                entity="organisation",
                entity_id=self.id(f"shared{i}"),
                kind="upsert",
                fields=_fields(NAMES[i], False, maker.user_id),
            )
            for i in range(3)
        ]
        return maker, ops

    def batches(self, shared_seqs: dict[int, int]) -> list[Batch]:
        made: list[Op] = []
        out = []
        for device, ops in self.drawn:
            caller = self.callers[device % len(self.callers)]
            batch: list[Op] = []
            for (where, n), kind, base, name, deleted in ops:
                if where == "replay":
                    if not made:
                        continue
                    batch.append(made[n % len(made)])
                    continue
                key = f"shared{n}" if where == "shared" else f"new{n}"
                seq = shared_seqs.get(n) if where == "shared" else None
                base_seq = {"current": seq, "none": None, "stale": (seq or 1) - 1 or None}[base]
                fields = (
                    {"updated_at": NOW, "updated_by": caller.user_id}
                    if kind == "delete"
                    else _fields(name, deleted, caller.user_id)
                )
                op = Op(
                    op_id=self.id(f"op{len(self.ids)}"),
                    entity="organisation",
                    entity_id=self.id(key),
                    kind=kind,
                    base_seq=base_seq,
                    fields=fields,
                )
                made.append(op)
                batch.append(op)
            out.append(Batch(caller, batch))
        return out


def _run(database: Database, scenario: Scenario, grouped: bool) -> Any:
    maker, setup_ops = scenario.setup()
    centre = maker.centre_id
    assert centre is not None
    with database.write() as session:
        made = apply_batch(CentreScope(session, centre), maker, setup_ops)
    shared = {i: r.server_seq for i, r in enumerate(made) if r.server_seq is not None}
    with database.read() as session:
        start, _purged = read_counter(session, centre)
    batches = scenario.batches(shared)
    if grouped:
        with database.write() as session:
            results = apply_batches(CentreScope(session, centre), batches)
    else:
        results = []
        for batch in batches:
            with database.write() as session:
                results.append(apply_batch(CentreScope(session, centre), batch.caller, batch.ops))
    return _normalised(database, scenario, centre, start, results)


def _normalised(
    database: Database, scenario: Scenario, centre: str, start: int, results: list[list[OpResult]]
) -> Any:
    names = {v: k for k, v in scenario.ids.items()}
    conflicts: dict[str, str] = {}

    def rel(seq: int | None) -> int | None:
        return None if seq is None or seq <= start else seq - start

    def sym(value: Any) -> Any:
        if isinstance(value, str):
            return names.get(value, conflicts.get(value, value))
        return value

    answers = []
    for batch in results:
        for r in batch:
            for cid in r.conflict_ids:
                conflicts.setdefault(cid, f"conflict{len(conflicts)}")
            answers.append(
                (
                    sym(r.op_id),
                    r.status,
                    rel(r.server_seq),
                    r.clean,
                    r.reason,
                    [sym(c) for c in r.conflict_ids],
                )
            )
    keys = {("organisation", v) for k, v in scenario.ids.items() if not k.startswith("op")}
    keys |= {("conflict", c) for c in conflicts}
    with database.read() as session:
        rows = CentreScope(session, centre).get_many(keys)
    stored = sorted(
        (
            sym(row.entity_id),
            rel(row.server_seq),
            row.deleted,
            sorted((k, repr(sym(v))) for k, v in row.fields.items() if k not in TIMES),
            sorted((k, rel(v)) for k, v in row.field_seq.items()),
            sorted((k, m.get("device")) for k, m in row.field_meta.items()),
            row.clean_device,
        )
        for row in rows.values()
    )
    return answers, stored


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    drawn=st.lists(
        st.tuples(st.integers(0, 2), st.lists(_op_plan(), min_size=1, max_size=5)),
        min_size=2,
        max_size=4,
    )
)
def test_a_group_decides_as_its_pushes_one_by_one(
    hub_db: tuple[Database, list[Caller]], drawn: list[tuple[int, list[Any]]]
) -> None:
    database, callers = hub_db
    grouped = _run(database, Scenario(callers, drawn), grouped=True)
    alone = _run(database, Scenario(callers, drawn), grouped=False)
    assert grouped == alone
