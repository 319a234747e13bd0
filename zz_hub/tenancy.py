"""The one place where synced rows are read or written: every query is bound to one centre.

Routes never build ``sync_row`` or ``agg_*`` queries themselves; they get a :class:`CentreScope`
from ``api.deps`` (made from the caller's device token) and go through it. A foreign id is simply
not found, so it answers like an unknown id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from zz_hub.models import AppliedOp, SyncRow


@dataclass(frozen=True)
class Caller:
    user_id: str
    username: str
    device_id: str
    role: str
    centre_id: str | None


class CentreScope:
    """Row access of one centre."""

    def __init__(self, session: Session, centre_id: str) -> None:
        self.session = session
        self.centre_id = centre_id

    def get(self, entity: str, entity_id: str) -> SyncRow | None:
        return self.session.get(SyncRow, (self.centre_id, entity, entity_id))

    def add(self, row: SyncRow) -> None:
        # Rows are always stamped with the scope's centre, whatever the caller sent.
        row.centre_id = self.centre_id
        row.fields = {**row.fields, "centre_id": self.centre_id}
        self.session.add(row)

    def applied_op(self, op_id: str) -> AppliedOp | None:
        return self.session.get(AppliedOp, (self.centre_id, op_id))

    def record_op(self, record: AppliedOp) -> None:
        record.centre_id = self.centre_id
        self.session.add(record)

    def changes_after(self, after: int, limit: int) -> Sequence[SyncRow]:
        return self.session.scalars(
            select(SyncRow)
            .where(SyncRow.centre_id == self.centre_id, SyncRow.server_seq > after)
            .order_by(SyncRow.server_seq)
            .limit(limit)
        ).all()

    def conflicts_about(self, entity: str, entity_id: str) -> Sequence[SyncRow]:
        return self.session.scalars(
            select(SyncRow).where(
                SyncRow.centre_id == self.centre_id,
                SyncRow.entity == "conflict",
                SyncRow.subject_id == entity_id,
            )
        ).all()

    def id_seq_lines(self) -> Sequence[Row[str, str, int]]:
        return self.session.execute(
            select(SyncRow.entity, SyncRow.entity_id, SyncRow.server_seq)
            .where(SyncRow.centre_id == self.centre_id)
            .order_by(SyncRow.entity, SyncRow.entity_id)
        ).all()

    def max_seq(self) -> int:
        value = self.session.scalar(
            select(func.max(SyncRow.server_seq)).where(SyncRow.centre_id == self.centre_id)
        )
        return int(value or 0)
