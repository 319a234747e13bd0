"""Server sequence numbers, allocated inside the writing transaction.

A push plans its changes *before* it touches the counter: ops are merged in memory with
provisional numbers (:class:`ProvisionalSeq`, negative so they can never be mistaken for real
ones). Only then does it take the counter with :func:`allocate` — one
``UPDATE seq_counter SET value = value + n … RETURNING value`` that locks the single counter row
(on SQLite the ``BEGIN IMMEDIATE`` write lock already serialises writers) — re-checks its reads
under that lock (see ``zz_hub.push``), stamps the real numbers and commits. The row lock is held
to commit, so writers commit in the order of their numbers: a reader can never see N+1
committed while N is still open, and a pull cursor never moves past an unfinished change.

:class:`SeqAllocator` is the older lock-first form, kept for maintenance jobs (purging
tombstones) that read and write under the lock from the start.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from zz_hub.models import SeqCounter

COUNTER_ID = 1


class ProvisionalSeq:
    """Hands out -1, -2, … while a batch is planned; :meth:`real` maps them onto the range that
    :func:`allocate` returned. Real numbers are >= 1, so the two never mix up."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return -self.count

    @staticmethod
    def is_provisional(value: int | None) -> bool:
        return value is not None and value < 0

    @staticmethod
    def real(value: int, first: int) -> int:
        """The real number of a provisional ``value`` in a range starting at ``first``."""
        return first - 1 - value if value < 0 else value


def allocate(session: Session, count: int) -> int:
    """Lock the counter row (held to commit) and reserve ``count`` numbers; returns the first.

    ``count`` may be 0: the lock is still taken (a batch that only stores idempotency records
    must serialise with the writers whose results it depends on)."""
    last = session.execute(
        update(SeqCounter)
        .where(SeqCounter.id == COUNTER_ID)
        .values(value=SeqCounter.value + count)
        .returning(SeqCounter.value)
    ).scalar_one()
    return int(last) - count + 1


def set_counter(session: Session, value: int) -> None:
    """Set the counter (under the lock already taken by :func:`allocate`)."""
    session.execute(update(SeqCounter).where(SeqCounter.id == COUNTER_ID).values(value=value))


class SeqAllocator:
    """Lock-first allocation: locks the counter on creation and holds it to commit."""

    def __init__(self, session: Session) -> None:
        self.session = session
        counter = session.execute(
            select(SeqCounter.value, SeqCounter.purged_up_to)
            .where(SeqCounter.id == COUNTER_ID)
            .with_for_update()
        ).one()
        self.value = int(counter.value)
        self.purged_up_to = int(counter.purged_up_to)
        self._start = self.value

    def next(self) -> int:
        self.value += 1
        return self.value

    def flush(self) -> None:
        """Write the counter back (still under the lock); call before commit."""
        if self.value != self._start:
            set_counter(self.session, self.value)
            self._start = self.value

    def set_purged_up_to(self, seq: int) -> None:
        self.purged_up_to = max(self.purged_up_to, seq)
        self.session.execute(
            update(SeqCounter)
            .where(SeqCounter.id == COUNTER_ID)
            .values(purged_up_to=self.purged_up_to)
        )


def read_counter(session: Session) -> tuple[int, int]:
    """(current value, purged_up_to) without locking — for pulls."""
    row = session.execute(
        select(SeqCounter.value, SeqCounter.purged_up_to).where(SeqCounter.id == COUNTER_ID)
    ).one()
    return int(row.value), int(row.purged_up_to)
