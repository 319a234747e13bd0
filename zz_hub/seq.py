"""Server sequence numbers, one sequence per centre, allocated inside the writing transaction.

Every centre counts its own changes (``centre_counter``): a pull, a cursor, a 410 horizon and a
``base_seq`` only ever compare numbers of one centre, so nothing needs a hub-wide order. So pushes
of different centres never wait for each other (several hub workers add throughput), and a
centre's numbers reveal nothing of other centres' activity.

A push plans its changes *before* it touches its centre's counter: ops are merged in memory
with provisional numbers (:class:`ProvisionalSeq`, negative so they can never be mistaken for
real ones). Only then does it take the counter with :func:`allocate` — one
``UPDATE centre_counter SET value = value + n WHERE centre_id = … RETURNING value`` that locks
the centre's counter row (on SQLite the ``BEGIN IMMEDIATE`` write lock already serialises
writers) — re-checks its reads under that lock (see ``zz_hub.push``), stamps the real numbers and
commits. The row lock is held to commit, so the writers of one centre commit in the order of
their numbers: a reader can never see N+1 committed while N is still open, and a pull cursor never
moves past a change that commits late.

The hub-wide ``seq_counter`` row keeps the epoch (``zz_hub.epoch``) and the *floor*: the first
number of a centre whose counter row does not exist yet (created on its first write).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from zz_hub.models import CentreCounter, SeqCounter
from zz_hub.tenancy import PROGRAMME

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


def _ensure_row(session: Session, centre_id: str) -> None:
    """Create the centre's counter at the hub's floor (and the epoch's base) if it is missing."""
    floor = session.execute(
        select(SeqCounter.value, SeqCounter.epoch_base).where(SeqCounter.id == COUNTER_ID)
    ).one()
    # A new centre starts above the programme rows its devices will pull with their first
    # cursor (see _allocate_programme).
    programme = session.scalar(
        select(CentreCounter.value).where(CentreCounter.centre_id == PROGRAMME)
    )
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(CentreCounter)
        .values(
            centre_id=centre_id,
            value=max(int(floor.value), int(programme or 0)),
            purged_up_to=0,
            epoch_base=int(floor.epoch_base or 0),
        )
        .on_conflict_do_nothing(index_elements=["centre_id"])
    )


def allocate(session: Session, centre_id: str, count: int) -> int:
    """Lock the centre's counter row (held to commit) and reserve ``count`` numbers; returns
    the first. Programme-wide rows (``tenancy.PROGRAMME``) are served to every centre within
    that centre's sequence, so they take numbers above every centre's counter and move all
    counters past them (:func:`_allocate_programme`).

    ``count`` may be 0: the lock is still taken (a batch that only stores idempotency records
    must serialise with the writers whose results it depends on)."""
    if centre_id == PROGRAMME:
        return _allocate_programme(session, count)
    statement = (
        update(CentreCounter)
        .where(CentreCounter.centre_id == centre_id)
        .values(value=CentreCounter.value + count)
        .returning(CentreCounter.value)
    )
    last = session.execute(statement).scalar_one_or_none()
    if last is None:
        _ensure_row(session, centre_id)
        last = session.execute(statement).scalar_one()
    return int(last) - count + 1


def _allocate_programme(session: Session, count: int) -> int:
    """Numbers for programme-wide rows: above every centre's counter, and every counter moved
    past them, all counters locked to commit (in centre order, so two such writers cannot
    deadlock). A centre's pull merges its own rows and the programme rows by number with one
    cursor; so no programme row may ever get a number a centre's cursor has passed, and no
    later centre row a number below a programme row. The price: a centre's sequence jumps at a
    programme write to the highest counter of the hub (documented in docs/sync.md)."""
    _ensure_row(session, PROGRAMME)
    rows = session.execute(
        select(CentreCounter.centre_id, CentreCounter.value)
        .order_by(CentreCounter.centre_id)
        .with_for_update()
    ).all()
    first = max(int(v) for _c, v in rows) + 1
    last = first + count - 1
    session.execute(update(CentreCounter).values(value=max(last, first - 1)))
    return first


def set_counter(session: Session, centre_id: str, value: int) -> None:
    """Set the centre's counter (under the lock already taken by :func:`allocate`)."""
    session.execute(
        update(CentreCounter).where(CentreCounter.centre_id == centre_id).values(value=value)
    )


def raise_purged_up_to(session: Session, centre_id: str, seq: int) -> None:
    """After purging the centre's tombstones up to ``seq``: older cursors get 410."""
    _ensure_row(session, centre_id)
    row = session.get(CentreCounter, centre_id, with_for_update=True)
    assert row is not None
    row.purged_up_to = max(int(row.purged_up_to), seq)


def read_counter(session: Session, centre_id: str) -> tuple[int, int]:
    """(current value, purged_up_to) of a centre without locking — for pulls."""
    row = session.execute(
        select(CentreCounter.value, CentreCounter.purged_up_to).where(
            CentreCounter.centre_id == centre_id
        )
    ).first()
    if row is not None:
        return int(row.value), int(row.purged_up_to)
    # No row yet (nobody of the centre has pushed): its devices still read the programme rows,
    # numbered above the floor — the counter they could have seen is the programme's (without
    # this, their next pull was "ahead" of the floor: 410 and a fresh snapshot on every sync).
    floor = session.scalar(select(SeqCounter.value).where(SeqCounter.id == COUNTER_ID))
    programme = session.scalar(
        select(CentreCounter.value).where(CentreCounter.centre_id == PROGRAMME)
    )
    return max(int(floor or 0), int(programme or 0)), 0


def epoch_bases(session: Session) -> dict[str, int]:
    """Each centre's epoch base (for the ``X-Hub-Epoch`` header of its devices)."""
    rows = session.execute(select(CentreCounter.centre_id, CentreCounter.epoch_base)).all()
    return {centre_id: int(base or 0) for centre_id, base in rows}
