"""Consents (Einwilligungen): give and withdraw — withdrawing is as easy as giving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.validation import validate_consent
from zz_desktop.services import records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consent


def give_consent(store: Store, data: Mapping[str, Any]) -> Consent:
    values = dict(data)
    values.setdefault("given_at", dt.date.today())
    return records.create(store, Consent, values, validate_consent)


def withdraw_consent(store: Store, consent_id: str, when: dt.date | None = None) -> Consent:
    return records.update(
        store, Consent, consent_id, {"withdrawn_at": when or dt.date.today()}, validate_consent
    )


def active_consents(store: Store, person_id: str, purpose: str | None = None) -> list[Consent]:
    with store.read() as session:
        query = select(Consent).where(
            Consent.person_id == person_id,
            Consent.deleted.is_(False),
            Consent.withdrawn_at.is_(None),
        )
        if purpose:
            query = query.where(Consent.purpose == purpose)
        return list(session.scalars(query))


def has_consent(store: Store, person_id: str, purpose: str) -> bool:
    return bool(active_consents(store, person_id, purpose))


def history(store: Store, person_id: str) -> list[dict[str, Any]]:
    """Every consent of the person, newest first, with who recorded it (for the privacy tab)."""
    from zz_desktop.store.models import AppUser

    with store.read() as session:
        names = {u.id: u.display_name for u in session.scalars(select(AppUser))}
        rows = session.scalars(
            select(Consent)
            .where(Consent.person_id == person_id, Consent.deleted.is_(False))
            .order_by(Consent.given_at.desc(), Consent.id.desc())
        )
        return [
            {
                "id": c.id,
                "purpose": c.purpose,
                "given_at": c.given_at,
                "withdrawn_at": c.withdrawn_at,
                "method": c.method,
                "text_version": c.text_version,
                "recorded_by": names.get(c.created_by or "", c.created_by or ""),
                "active": c.withdrawn_at is None,
            }
            for c in rows
        ]


def active_purposes(store: Store, person_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """The purposes each person has an active consent for (one query for a whole list, e.g.
    the participants of an event or a consultation); a person without one maps to an empty
    set."""
    ids = list(dict.fromkeys(person_ids))
    found: dict[str, set[str]] = {pid: set() for pid in ids}
    if not ids:
        return {}
    with store.read() as session:
        rows = session.execute(
            select(Consent.person_id, Consent.purpose).where(
                Consent.person_id.in_(ids),
                Consent.deleted.is_(False),
                Consent.withdrawn_at.is_(None),
            )
        )
        for person_id, purpose in rows:
            found[person_id].add(purpose)
    return {pid: frozenset(p) for pid, p in found.items()}
