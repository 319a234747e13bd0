"""Autosaved form drafts in the store's device-local ``draft`` table (inside the encrypted
database), so that nothing typed is lost when the laptop dies. ``discard`` takes an open write
session so that a save can drop its draft in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import Draft


def save_draft(store: Store, kind: str, key: str, payload: dict[str, Any]) -> None:
    with store.write() as session:
        row = session.scalars(
            select(Draft).where(Draft.kind == kind, Draft.record_id == key)
        ).first()
        if row is None:
            session.add(
                Draft(id=new_id(), kind=kind, record_id=key, payload=payload, updated_at=utcnow())
            )
        else:
            row.payload = payload
            row.updated_at = utcnow()


def load_draft(store: Store, kind: str, key: str) -> tuple[dict[str, Any], dt.datetime] | None:
    with store.read() as session:
        row = session.scalars(
            select(Draft).where(Draft.kind == kind, Draft.record_id == key)
        ).first()
        return (dict(row.payload), row.updated_at) if row is not None else None


def discard(session: Session, kind: str, key: str) -> None:
    """Drop a draft inside the caller's transaction."""
    session.execute(delete(Draft).where(Draft.kind == kind, Draft.record_id == key))


def delete_draft(store: Store, kind: str, key: str) -> None:
    with store.write() as session:
        discard(session, kind, key)
