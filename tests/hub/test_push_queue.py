"""The push queue (group commit): pushes of one centre waiting together are applied in one
transaction and each answered with its own results; a push whose problem fails the group is
answered alone while the others still land; an erase is applied alone; other centres never
join a group (SQLite hub database, in-process queue on a real event loop)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi import HTTPException
from sqlalchemy import func, select

from zz_hub.api.deps import WriteGate
from zz_hub.db import Busy, Database
from zz_hub.ids import uuid7
from zz_hub.models import HubUser, SyncRow
from zz_hub.push import Batch
from zz_hub.push_queue import PushQueue, database_applier
from zz_hub.tenancy import Caller
from zz_hub.testing import seed, sqlite_url
from zz_protocol.schemas import Op, OpResult

NOW = "2026-03-02T09:30:00.000"


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    url = sqlite_url(tmp_path)
    seed(url)
    database = Database(url)
    yield database
    database.dispose()


def _callers(db: Database) -> list[Caller]:
    with db.read() as session:
        users = session.scalars(select(HubUser).where(HubUser.centre_id.is_not(None))).all()
    out = []
    for user in users:
        assert user.centre_id is not None
        out.append(
            Caller(user.id, user.username, f"dev-{user.username}", user.role, user.centre_id)
        )
    return out


def _op(name: str, op_id: str | None = None, centre: str | None = None) -> Op:
    return Op(
        op_id=op_id or uuid7(),
        entity="organisation",
        entity_id=uuid7(),
        kind="upsert",
        fields={
            "name": name,
            "sme_class": "micro",
            "created_at": NOW,
            "updated_at": NOW,
            "created_by": "u",
            "updated_by": "u",
            "deleted": False,
            **({"centre_id": centre} if centre else {}),
        },
    )


class Recorder:
    """database_applier, remembering the size of every transaction it ran."""

    def __init__(self, db: Database) -> None:
        self.apply = database_applier(db)
        self.groups: list[tuple[str, int]] = []

    def __call__(self, centre_id: str, batches: Sequence[Batch]) -> list[list[OpResult]]:
        self.groups.append((centre_id, len(batches)))
        return self.apply(centre_id, batches)


def _submit_all(queue: PushQueue, pushes: list[tuple[str, Batch, bool]]) -> list[Any]:
    async def go() -> list[Any]:
        tasks = [queue.submit(c, b, alone=alone) for c, b, alone in pushes]
        return await asyncio.gather(*tasks, return_exceptions=True)

    return asyncio.run(go())


def _rows(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(SyncRow)) or 0)


def test_waiting_pushes_of_a_centre_share_one_transaction(db: Database) -> None:
    caller = next(c for c in _callers(db) if c.role == "advisor")
    centre = caller.centre_id
    assert centre is not None
    recorder = Recorder(db)
    queue = PushQueue(recorder, WriteGate(4, 30).turn, max_ops=1000)
    batches = [
        Batch(caller, [_op(f"Betrieb {i}", centre=centre), _op(f"Filiale {i}", centre=centre)])
        for i in range(5)
    ]
    before = _rows(db)
    answers = _submit_all(queue, [(centre, b, False) for b in batches])
    # All five were waiting when the centre's turn came: one transaction.
    assert recorder.groups == [(centre, 5)]
    for batch, results in zip(batches, answers, strict=True):
        assert [r.op_id for r in results] == [op.op_id for op in batch.ops]
        assert all(r.status == "applied" and r.clean for r in results)
    seqs = [r.server_seq for results in answers for r in results]
    assert seqs == sorted(seqs) and len(set(seqs)) == 10  # numbered in arrival order
    assert _rows(db) == before + 10


def test_a_push_that_fails_the_group_is_answered_alone(db: Database) -> None:
    caller = next(c for c in _callers(db) if c.role == "advisor")
    centre = caller.centre_id
    assert centre is not None
    recorder = Recorder(db)
    queue = PushQueue(recorder, WriteGate(4, 30).turn, max_ops=1000)
    reused = uuid7()
    pushes = [
        Batch(caller, [_op("Vorweg")]),
        Batch(caller, [_op("Erster", reused)]),
        Batch(caller, [_op("Anderer Inhalt", reused)]),  # the same op id, another payload
        Batch(caller, [_op("Dritter")]),
    ]
    before = _rows(db)
    answers = _submit_all(queue, [(centre, b, False) for b in pushes])
    assert isinstance(answers[2], HTTPException) and answers[2].status_code == 422
    for i in (0, 1, 3):
        assert [r.status for r in answers[i]] == ["applied"], answers[i]
    # The group failed as a whole and was applied again push by push.
    assert recorder.groups == [(centre, 4), (centre, 1), (centre, 1), (centre, 1), (centre, 1)]
    assert _rows(db) == before + 3


def test_an_erase_and_other_centres_never_join_a_group(db: Database) -> None:
    callers = _callers(db)
    first = next(c for c in callers if c.role == "advisor")
    other = next(c for c in callers if c.centre_id != first.centre_id)
    assert first.centre_id is not None and other.centre_id is not None
    recorder = Recorder(db)
    queue = PushQueue(recorder, WriteGate(1, 30).turn, max_ops=3)
    pushes = [
        (first.centre_id, Batch(first, [_op("A")]), False),
        (first.centre_id, Batch(first, [_op("B")]), False),
        (first.centre_id, Batch(first, [_op("C")]), True),  # e.g. an erase: alone
        (other.centre_id, Batch(other, [_op("D")]), False),
        (first.centre_id, Batch(first, [_op("E")]), False),
        (first.centre_id, Batch(first, [_op("F")]), False),
        (first.centre_id, Batch(first, [_op("G"), _op("H")]), False),  # over max_ops: next
    ]
    answers = _submit_all(queue, pushes)
    assert all(isinstance(a, list) and a[0].status == "applied" for a in answers), answers
    mine = [n for c, n in recorder.groups if c == first.centre_id]
    assert mine == [2, 1, 2, 1]  # A+B (C stays alone); C; E+F; G+H (over 3 ops with them)
    assert [n for c, n in recorder.groups if c == other.centre_id] == [1]


def test_an_overloaded_group_is_answered_busy_without_retrying_each_push(db: Database) -> None:
    caller = next(c for c in _callers(db) if c.role == "advisor")
    centre = caller.centre_id
    assert centre is not None
    calls: list[int] = []

    def overloaded(centre_id: str, batches: Sequence[Batch]) -> list[list[OpResult]]:
        calls.append(len(batches))
        raise Busy("no turn to write")

    queue = PushQueue(overloaded, WriteGate(4, 30).turn, max_ops=1000)
    answers = _submit_all(queue, [(centre, Batch(caller, [_op(f"B{i}")]), False) for i in range(3)])
    assert all(isinstance(a, Busy) for a in answers)
    assert calls == [3]  # one try for the group; the clients retry after the 503
