"""A push plans without the sequence lock; whatever commits between its plan and its lock must
still be seen (zz_hub.push). These tests commit a concurrent push exactly there, in-process on
PostgreSQL (on SQLite the write transaction holds the database lock from its first statement,
so nothing can commit in between)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.hub.conftest import require_postgres
from zz_hub.db import Database
from zz_hub.ids import uuid7
from zz_hub.models import AppliedOp, Centre, CentreCounter, SyncRow
from zz_hub.push import apply_batch
from zz_hub.tenancy import Caller, CentreScope
from zz_hub.testing import seed, temporary_pg_database
from zz_protocol.schemas import Op, OpResult

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def db() -> Iterator[Database]:
    require_postgres()
    with temporary_pg_database() as url:
        seed(url)
        database = Database(url)
        yield database
        database.dispose()


@pytest.fixture(scope="module")
def centre(db: Database) -> str:
    with db.read() as session:
        return str(session.scalar(select(Centre.id).where(Centre.code == "ZZ-ST")))


def caller(centre: str, name: str) -> Caller:
    return Caller(f"user-{name}", name, f"device-{name}", "advisor", centre)


def op(entity_id: str, base_seq: int | None = None, **fields: Any) -> Op:
    return Op(
        op_id=uuid7(),
        entity="organisation",
        entity_id=entity_id,
        kind="upsert",
        base_seq=base_seq,
        fields=fields,
    )


def push(db: Database, who: Caller, ops: list[Op], before_lock: Any = None) -> list[OpResult]:
    assert who.centre_id is not None
    with db.write() as session:
        return apply_batch(CentreScope(session, who.centre_id), who, ops, before_lock=before_lock)


def row(db: Database, centre: str, entity_id: str) -> SyncRow:
    with db.read() as session:
        found = session.get(SyncRow, (centre, "organisation", entity_id))
        assert found is not None
        return found


def conflicts_about(db: Database, centre: str, entity_id: str) -> list[SyncRow]:
    with db.read() as session:
        return list(
            session.scalars(
                select(SyncRow).where(SyncRow.centre_id == centre, SyncRow.subject_id == entity_id)
            ).all()
        )


def assert_counter_matches(db: Database, centre: str) -> None:
    with db.read() as session:
        counter = session.scalar(
            select(CentreCounter.value).where(CentreCounter.centre_id == centre)
        )
        newest = session.scalar(
            select(func.max(SyncRow.server_seq)).where(SyncRow.centre_id == centre)
        )
    assert counter == newest


def test_edit_committed_between_plan_and_lock_is_a_conflict(db: Database, centre: str) -> None:
    anna, jonas = caller(centre, "anna"), caller(centre, "jonas")
    org = uuid7()
    base = push(db, anna, [op(org, name="Start")])[0].server_seq

    def anna_commits_first() -> None:
        push(db, anna, [op(org, base_seq=base, name="Anna")])

    result = push(db, jonas, [op(org, base_seq=base, name="Jonas")], anna_commits_first)[0]
    # Planned against "Start", Jonas's op is re-planned under the lock and sees Anna's edit.
    assert result.status == "conflict" and len(result.conflict_ids) == 1
    current = row(db, centre, org)
    assert current.fields["name"] == "Jonas" and current.server_seq == result.server_seq
    kept = conflicts_about(db, centre, org)
    assert [c.fields["value_other"] for c in kept] == ["Anna"]
    # Anna's change got the lower number and committed first.
    assert current.field_seq["name"] > base + 1
    assert_counter_matches(db, centre)


def test_create_committed_between_plan_and_lock_is_merged(db: Database, centre: str) -> None:
    anna, jonas = caller(centre, "anna"), caller(centre, "jonas")
    org = uuid7()

    def anna_creates_it() -> None:
        push(db, anna, [op(org, name="Anna GmbH", city="Halle")])

    result = push(db, jonas, [op(org, name="Jonas GmbH")], anna_creates_it)[0]
    assert result.status == "conflict"  # no duplicate key error: the row is merged
    current = row(db, centre, org)
    assert current.fields["name"] == "Jonas GmbH" and current.fields["city"] == "Halle"
    assert_counter_matches(db, centre)


def test_replay_committed_between_plan_and_lock_is_applied_once(db: Database, centre: str) -> None:
    anna = caller(centre, "anna")
    ops = [op(uuid7(), name=f"Firma {n}") for n in range(3)]
    first: list[OpResult] = []

    def the_lost_first_attempt_commits() -> None:
        first.extend(push(db, anna, ops))

    again = push(db, anna, ops, the_lost_first_attempt_commits)
    assert again == first
    with db.read() as session:
        stored = session.scalar(
            select(func.count())
            .select_from(AppliedOp)
            .where(AppliedOp.op_id.in_([o.op_id for o in ops]))
        )
    assert stored == 3
    assert_counter_matches(db, centre)


def test_unrelated_commit_between_plan_and_lock_changes_nothing(db: Database, centre: str) -> None:
    anna, jonas = caller(centre, "anna"), caller(centre, "jonas")
    org = uuid7()

    def anna_writes_elsewhere() -> None:
        push(db, anna, [op(uuid7(), name="Nebenan")])

    result = push(db, jonas, [op(org, name="Jonas")], anna_writes_elsewhere)[0]
    assert result.status == "applied"
    assert row(db, centre, org).server_seq == result.server_seq
    assert_counter_matches(db, centre)


def test_pushes_of_one_centre_overlap_in_their_planning(db: Database, centre: str) -> None:
    """What runs in parallel within one centre today (docs/sync.md, "Sequence numbers"): a push
    that has planned its whole batch — transaction open, rows read and merged — holds no lock,
    so a second push of the same centre plans, writes and commits meanwhile; the first then
    takes the numbers after it. (The locked part — writes, projections, commit — is still one
    push at a time; test_centre_sequences shows a later push waiting for an open writer.)"""
    anna, jonas = caller(centre, "anna"), caller(centre, "jonas")
    mine, theirs = uuid7(), uuid7()
    overlap: dict[str, Any] = {}

    def the_other_push_runs_to_commit() -> None:
        import time

        began = time.perf_counter()
        overlap["results"] = push(db, jonas, [op(theirs, name="Zwischendurch")])
        overlap["seconds"] = time.perf_counter() - began

    [result] = push(db, anna, [op(mine, name="Geplant")], the_other_push_runs_to_commit)
    [other] = overlap["results"]
    assert other.status == "applied" and overlap["seconds"] < 5
    assert result.status == "applied" and result.server_seq == other.server_seq + 1
    assert row(db, centre, mine).fields["name"] == "Geplant"
    assert_counter_matches(db, centre)
