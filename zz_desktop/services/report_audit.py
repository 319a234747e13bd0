"""The audit entries of printing: the report layer only lays out PDFs and never writes the store."""

from __future__ import annotations

from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import AuditEntry


def record_print(store: Store, consultation_id: str) -> None:
    """Append the audit entry "print" for a protocol (who printed which record, never content)."""
    now = utcnow()
    with store.write() as session:
        session.add(
            AuditEntry(
                user_id=store.actor.user_id,
                at=now,
                action="print",
                entity="consultation",
                entity_id=consultation_id,
                detail="protocol",
            )
        )
