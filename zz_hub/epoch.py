"""The hub's epoch: which instance of the hub's history a sequence number belongs to.

A hub restored from a backup has forgotten every change after the backup, yet devices hold rows,
cursors and ``base_seq`` values from that lost stretch. So a restore starts a new epoch: a new id
(sent in every response as ``X-Hub-Epoch: <id>;<base>``), ``base`` = the highest number the
restored data knows, and the counter moved on by :data:`GAP` so that no number of the lost
stretch is ever handed out again. A device that meets a new epoch re-sends its rows newer than
``base`` and pulls from there (docs/sync.md, "Hub restored from a backup").

Every centre has its own sequence (zz_hub/seq.py), so ``base`` is per centre: the header a
device gets names its own centre's base (:func:`header_for`), never another centre's figures.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update

from zz_hub.db import Database
from zz_hub.models import CentreCounter, SeqCounter, SyncRow
from zz_hub.seq import COUNTER_ID

#: Numbers skipped at a new epoch: more than a lost stretch between a backup and a restore
#: could ever have used (a busy programme hands out well under a million a day).
GAP = 1_000_000_000
HEADER = "x-hub-epoch"


@dataclass(frozen=True)
class Epoch:
    id: str
    base: int

    def header(self) -> str:
        return f"{self.id};{self.base}"


def current(database: Database) -> Epoch:
    """The epoch in force (made on first use of a database that has none yet)."""
    with database.write() as session:
        row = session.get(SeqCounter, COUNTER_ID, with_for_update=True)
        if row is None:
            raise RuntimeError("the sequence counter is missing (database not migrated)")
        if not row.epoch:
            row.epoch = str(uuid.uuid4())
            row.epoch_base = 0
        return Epoch(str(row.epoch), int(row.epoch_base or 0))


def begin_new_epoch(database: Database) -> Epoch:
    """After restoring a backup: a new epoch whose numbers start beyond anything handed out.

    Per centre (each has its own sequence): ``base`` = the highest number the restored data
    knows of that centre, its counter moved on by :data:`GAP`. A centre without a counter yet
    gets the hub's floor as its base. Returns the hub-wide epoch (its ``base`` is the floor's)."""
    with database.write() as session:
        row = session.get(SeqCounter, COUNTER_ID, with_for_update=True)
        if row is None:
            raise RuntimeError("the sequence counter is missing (database not migrated)")
        highest = dict(
            session.execute(
                select(SyncRow.centre_id, func.max(SyncRow.server_seq)).group_by(SyncRow.centre_id)
            ).all()
        )
        floor = int(row.value)
        epoch = Epoch(str(uuid.uuid4()), floor)
        counters = session.scalars(
            select(CentreCounter).order_by(CentreCounter.centre_id).with_for_update()
        ).all()
        for counter in counters:
            base = max(int(counter.value), int(highest.get(counter.centre_id) or 0))
            counter.epoch_base, counter.value = base, base + GAP
        session.execute(
            update(SeqCounter)
            .where(SeqCounter.id == COUNTER_ID)
            .values(value=floor + GAP, epoch=epoch.id, epoch_base=floor)
        )
        return epoch


def header_for(epoch: Epoch, bases: dict[str, int], centre_id: str | None) -> str:
    """The ``X-Hub-Epoch`` value a device of ``centre_id`` is sent: the epoch id and its
    centre's base (the floor's for a centre without a counter, or no centre)."""
    base = bases.get(centre_id, epoch.base) if centre_id is not None else epoch.base
    return f"{epoch.id};{base}"
