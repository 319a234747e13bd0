"""The history of one record as the audit trail tells it: who did what when, and which fields
changed — never the values (the trail holds none). What the history dialog shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, text

from zz_desktop.store.database import Store
from zz_desktop.store.models import AppUser, AuditEntry


@dataclass(frozen=True)
class HistoryLine:
    at: dt.datetime
    #: The user's display name; their id when the user is unknown here, "—" for no user.
    who: str
    #: The audit action code ("create", "update", "delete", "print", …).
    action: str
    #: The changed fields, comma separated ("" when the action names none).
    fields: str


def record_history(store: Store, record_id: str) -> list[HistoryLine]:
    """The audit entries of ``record_id``, newest first, with the users' names."""
    with store.read() as session:
        entries = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_id == record_id)
            # Times have millisecond precision: a create and an update within one millisecond
            # tie, and then the later write (the higher rowid) comes first.
            .order_by(AuditEntry.at.desc(), text("audit_entry.rowid DESC"))
        ).all()
        user_ids = {e.user_id for e in entries if e.user_id}
        names = dict(
            session.execute(
                select(AppUser.id, AppUser.display_name).where(AppUser.id.in_(user_ids))
            ).all()
        )
    return [
        HistoryLine(
            at=e.at,
            who=names.get(e.user_id or "", e.user_id or "—"),
            action=e.action,
            fields=(e.detail or "").replace(",", ", "),
        )
        for e in entries
    ]
