"""Server sequence numbers, allocated inside the writing transaction.

Every write transaction first locks the single ``seq_counter`` row (``SELECT … FOR UPDATE`` on
PostgreSQL; on SQLite the ``BEGIN IMMEDIATE`` write lock does the same) and holds it to commit.
So writers run one at a time and commit in the order of their numbers: a reader can never see
N+1 committed while N is still open, and a pull cursor never moves past an unfinished change.
Taking the lock *first* also means every read made later in the transaction sees all earlier
commits (READ COMMITTED takes a fresh snapshot per statement), which conflict detection needs.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from zz_hub.models import SeqCounter

COUNTER_ID = 1


class SeqAllocator:
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
            self.session.execute(
                update(SeqCounter).where(SeqCounter.id == COUNTER_ID).values(value=self.value)
            )
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
