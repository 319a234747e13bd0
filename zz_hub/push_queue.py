"""Group commit of pushes: the pushes of one centre that wait in this hub process are applied
together, in one transaction.

Every push of a centre holds that centre's counter row from its ``UPDATE … RETURNING`` to its
commit (``zz_hub.seq``), so a centre's pushes commit one after another. Under load most of that
time is spent waiting for a CPU, not working, and a centre's pushes queued behind each other
one by one. Here, a push does not wait for the lock alone: it joins its centre's queue in this
process. While one group of the centre is being applied, the pushes that arrive wait (without a
thread or a connection); when it is done, everything that has gathered (up to
``HubSettings.push_group_ops`` ops) is applied as the next group — one plan, one counter update,
one re-check, one set of multi-row writes and projections, one commit
(``zz_hub.push.apply_batches``) — and each push is answered with its own results. The batches of
a group are planned one after the other with their own callers, exactly as if each had its own
transaction in that order, so a group decides nothing differently (the tests apply the same
batches both ways).

A group whose transaction fails as a whole — an op id reused with another payload (422), a
database error — is applied again push by push, each in its own transaction, so one push's
problem is answered to that push alone and the others still land; only an overload (a lock or
pool timeout) is answered to all of them at once (503, the clients retry). A push with a GDPR erase is
applied alone (it takes the lock before planning). Pushes of other centres never wait here
for each other; several hub processes each group their own waiting pushes and meet only at the
counter lock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field

from fastapi.concurrency import run_in_threadpool

from zz_hub.db import Database, is_overload
from zz_hub.push import Batch, apply_batches
from zz_hub.tenancy import CentreScope
from zz_protocol.schemas import OpResult

log = logging.getLogger("zz_hub.push")

#: Applies batches of one centre in one transaction (raises if that transaction fails).
ApplyGroup = Callable[[str, Sequence[Batch]], list[list[OpResult]]]
Outcome = list[OpResult] | BaseException


@dataclass
class _Waiting:
    batch: Batch
    alone: bool
    future: asyncio.Future[list[OpResult]]


@dataclass
class _Centre:
    queue: list[_Waiting] = field(default_factory=list)
    running: bool = False


class PushQueue:
    """Per-centre queues of waiting pushes in this process (see module doc). ``apply`` runs in
    a worker thread; ``turn`` is the write gate every group passes."""

    def __init__(
        self,
        apply: ApplyGroup,
        turn: Callable[[], AbstractAsyncContextManager[None]],
        max_ops: int,
        enabled: bool = True,
    ) -> None:
        self._apply = apply
        self._turn = turn
        self._max_ops = max(1, max_ops)
        self._enabled = enabled
        self._centres: dict[str, _Centre] = {}
        #: The running drain tasks (the event loop keeps only weak references to tasks).
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, centre_id: str, batch: Batch, *, alone: bool = False) -> list[OpResult]:
        """Queue ``batch`` for its centre and wait for its results (or its error)."""
        loop = asyncio.get_running_loop()
        waiting = _Waiting(batch, alone or not self._enabled, loop.create_future())
        waiting.future.add_done_callback(_retrieved)
        centre = self._centres.setdefault(centre_id, _Centre())
        centre.queue.append(waiting)
        if not centre.running:
            centre.running = True
            task = loop.create_task(self._drain(centre_id, centre))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        # Shielded: a client that goes away does not cancel the group (its push may be applied;
        # its retry then gets the stored results).
        return await asyncio.shield(waiting.future)

    async def _drain(self, centre_id: str, centre: _Centre) -> None:
        try:
            while centre.queue:
                group = self._take(centre.queue)
                outcomes: list[Outcome]
                try:
                    async with self._turn():
                        outcomes = await run_in_threadpool(self._run, centre_id, group)
                except asyncio.CancelledError as exc:  # shutting down: nobody is left waiting
                    _answer(group, [exc] * len(group))
                    raise
                except Exception as exc:  # noqa: BLE001 - e.g. Busy: answered to every push
                    outcomes = [exc] * len(group)
                _answer(group, outcomes)
        finally:
            centre.running = False

    def _take(self, queue: list[_Waiting]) -> list[_Waiting]:
        """The next group: the first push, and behind it every push that fits (in order)."""
        first = queue.pop(0)
        group = [first]
        if first.alone:
            return group
        ops = len(first.batch.ops)
        while queue and not queue[0].alone and ops + len(queue[0].batch.ops) <= self._max_ops:
            ops += len(queue[0].batch.ops)
            group.append(queue.pop(0))
        return group

    def _run(self, centre_id: str, group: list[_Waiting]) -> list[Outcome]:
        batches = [w.batch for w in group]
        if len(batches) > 1:
            try:
                return list(self._apply(centre_id, batches))
            except Exception as exc:  # noqa: BLE001 - each push is tried on its own below
                if is_overload(exc):  # a lock or pool timeout: every push is answered 503
                    return [exc] * len(batches)
                # Type only: messages of database errors quote row values (personal data).
                log.info(
                    "group of %d pushes failed (%s); applied one by one",
                    len(batches),
                    type(exc).__name__,
                )
        outcomes: list[Outcome] = []
        for batch in batches:
            try:
                outcomes.append(self._apply(centre_id, [batch])[0])
            except Exception as exc:  # noqa: BLE001 - answered to this push alone
                outcomes.append(exc)
        return outcomes


def database_applier(database: Database) -> ApplyGroup:
    """Batches of one centre applied in one write transaction of ``database`` (committed
    before the answers go out, so an acknowledged push is durable)."""

    def apply(centre_id: str, batches: Sequence[Batch]) -> list[list[OpResult]]:
        with database.write() as session:
            scope = CentreScope(session, centre_id)
            results = apply_batches(scope, batches)
        if scope.wal_scrub or any(op.kind == "erase" for b in batches for op in b.ops):
            database.scrub_wal()
        return results

    return apply


def _retrieved(future: asyncio.Future[list[OpResult]]) -> None:
    # A push whose client went away leaves its error unread; asyncio would log it at exit.
    if not future.cancelled():
        future.exception()


def _answer(group: list[_Waiting], outcomes: Sequence[Outcome]) -> None:
    for waiting, outcome in zip(group, outcomes, strict=True):
        if waiting.future.done():
            continue
        if isinstance(outcome, BaseException):
            waiting.future.set_exception(outcome)
        else:
            waiting.future.set_result(outcome)
