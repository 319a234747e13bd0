"""Test helper: a programme-wide row stored as a pull stores it (a remote write: no outbox, no
audit), for tests that need a partner offer or a Wissenspool item without a hub."""

from __future__ import annotations

from typing import Any

from zz_desktop.store.base import Synced, utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import PartnerOffer
from zz_protocol.schemas import PROGRAMME_CENTRE_ID


def programme_row(store: Store, model: type[Synced], **fields: Any) -> str:
    with store.write(remote=True) as session:
        row = model(
            centre_id=PROGRAMME_CENTRE_ID,
            server_seq=1,
            created_at=utcnow(),
            updated_at=utcnow(),
            **fields,
        )
        session.add(row)
        session.flush()
        return str(row.id)


def programme_offer(store: Store, name: str, partner_type: str, **fields: Any) -> str:
    return programme_row(store, PartnerOffer, name=name, partner_type=partner_type, **fields)
