"""Follow-ups (Wiedervorlagen): create, complete, reopen, and what is due or overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.validation import validate_followup
from zz_desktop.services import records
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import FollowUp


def create_followup(store: Store, data: Mapping[str, Any]) -> FollowUp:
    values = dict(data)
    values.setdefault("owner_id", store.actor.user_id)
    return records.create(store, FollowUp, values, validate_followup)


def update_followup(store: Store, followup_id: str, changes: Mapping[str, Any]) -> FollowUp:
    return records.update(store, FollowUp, followup_id, changes, validate_followup)


def complete_followup(store: Store, followup_id: str, done: bool = True) -> FollowUp:
    return records.update(
        store, FollowUp, followup_id, {"done_at": utcnow() if done else None}, None
    )


def delete_followup(store: Store, followup_id: str) -> None:
    records.soft_delete(store, FollowUp, followup_id)


def due_followups(
    store: Store, today: dt.date | None = None, horizon_days: int = 0
) -> list[FollowUp]:
    """Open follow-ups due up to ``today + horizon_days`` (overdue ones first)."""
    limit = (today or dt.date.today()) + dt.timedelta(days=horizon_days)
    with store.read() as session:
        return list(
            session.scalars(
                select(FollowUp)
                .where(
                    FollowUp.deleted.is_(False),
                    FollowUp.done_at.is_(None),
                    FollowUp.due_date <= limit,
                )
                .order_by(FollowUp.due_date)
            )
        )
