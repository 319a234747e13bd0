"""Test helpers for the Wissenspool: a programme-wide item stored as a pull stores it (a remote
write: no outbox, no audit), a published checklist of the own centre, a consultation to attach
it to, and the role switch the review tests use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zz_desktop.services import consultations, library, organisations
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import KnowledgeItem
from zz_desktop.sync import state
from zz_protocol.schemas import PROGRAMME_CENTRE_ID

CHECKLIST_BODY = "- Ansprechpartner klären\n- Datenschutz besprechen\n- Förderung prüfen\n"


def act_as(store: Store, role: str) -> None:
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: role})


def programme_item(store: Store, title: str, **fields: Any) -> str:
    values: dict[str, Any] = {"kind": "article", "review_state": "published"} | fields
    values.setdefault("published_at", utcnow())
    with store.write(remote=True) as session:
        row = KnowledgeItem(
            title=title,
            centre_id=PROGRAMME_CENTRE_ID,
            server_seq=1,
            created_at=utcnow(),
            updated_at=utcnow(),
            **values,
        )
        session.add(row)
        session.flush()
        return row.id


def published_checklist(store: Store, title: str = "Erstbesuch im Betrieb") -> str:
    item = library.save_draft(store, {"kind": "checklist", "title": title, "body": CHECKLIST_BODY})
    return library.publish(store, item.id).id


def consultation(store: Store, title: str = "Erstgespräch Digitalisierung") -> str:
    org = organisations.create_organisation(store, {"name": "Tischlerei Krause"})
    base = consultations.new_consultation_defaults(store, org.id)
    data = base | {"date": dt.date(2026, 3, 2), "title": title}
    return consultations.record_consultation(store, data, []).consultation.id
