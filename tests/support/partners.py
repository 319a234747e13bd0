"""Test helper: a programme-wide partner offer stored as a pull stores it (a remote write: no
outbox, no audit), for tests that need one without a hub."""

from __future__ import annotations

from typing import Any

from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import PartnerOffer
from zz_protocol.schemas import PROGRAMME_CENTRE_ID


def programme_offer(store: Store, name: str, partner_type: str, **fields: Any) -> str:
    with store.write(remote=True) as session:
        row = PartnerOffer(
            name=name,
            partner_type=partner_type,
            centre_id=PROGRAMME_CENTRE_ID,
            server_seq=1,
            created_at=utcnow(),
            updated_at=utcnow(),
            **fields,
        )
        session.add(row)
        session.flush()
        return row.id
