"""Test helpers for the Wissenspool: a programme-wide item stored as a pull stores it (a remote
write: no outbox, no audit), a published checklist of the own centre, a consultation to attach
it to, and the role switch the review tests use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.support.partners import programme_row
from zz_desktop.services import consultations, library, organisations
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import KnowledgeItem
from zz_desktop.sync import state

CHECKLIST_BODY = "- Ansprechpartner klären\n- Datenschutz besprechen\n- Förderung prüfen\n"


def act_as(store: Store, role: str) -> None:
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: role})


def programme_item(store: Store, title: str, **fields: Any) -> str:
    values: dict[str, Any] = {"kind": "article", "review_state": "published"} | fields
    values.setdefault("published_at", utcnow())
    return programme_row(store, KnowledgeItem, title=title, **values)


def published_checklist(store: Store, title: str = "Erstbesuch im Betrieb") -> str:
    item = library.save_draft(store, {"kind": "checklist", "title": title, "body": CHECKLIST_BODY})
    return library.publish(store, item.id).id


def consultation(store: Store, title: str = "Erstgespräch Digitalisierung") -> str:
    org = organisations.create_organisation(store, {"name": "Tischlerei Krause"})
    base = consultations.new_consultation_defaults(store, org.id)
    data = base | {"date": dt.date(2026, 3, 2), "title": title}
    return consultations.record_consultation(store, data, []).consultation.id


def seed_library(store: Store) -> dict[str, str]:
    """Realistic demo content: the four starter pages (programme-wide, as a pull stores them),
    a published checklist and a good-practice note of the centre, and an advisor's proposal."""
    from zz_desktop.services import starter_pages

    ids: dict[str, str] = {}
    for page in starter_pages.load():
        fields = {k: v for k, v in page.fields.items() if k != "title"}
        ids[page.fields["title"]] = programme_item(store, page.fields["title"], **fields)
    ids["checklist"] = published_checklist(store)
    note = library.save_draft(
        store,
        {
            "kind": "good_practice",
            "title": "KI-Sprechstunde im Handwerk: was sich bewährt hat",
            "body": (
                "## Ausgangslage\n\nDrei Tischlereien im Saalekreis brauchten für ein Angebot "
                "im Schnitt zwei Stunden. Die Inhaber wollten wissen, ob ein KI-Werkzeug dabei "
                "hilft, ohne Kundendaten aus der Hand zu geben.\n\n"
                "## Vorgehen\n\n1. Ablauf eines Angebots gemeinsam aufnehmen\n"
                "2. Zwei Werkzeuge mit **anonymisierten** Beispielen testen\n"
                "3. Datenschutz und Auftragsverarbeitung klären\n"
                "4. Nach vier Wochen Bilanz ziehen\n\n"
                "## Was sich bewährt hat\n\n- Textbausteine selbst pflegen, die KI nur "
                "formulieren lassen\n- Einen Beschäftigten als Ansprechpartner benennen\n"
                "- Die Belegschaft von Anfang an beteiligen\n"
            ),
            "topics": ["ai_at_work", "process_digitalisation"],
            "target_groups": ["sme", "employees"],
            "valid_until": dt.date(2027, 12, 31),
            "sources": "Eigene Beratungserfahrung des Zentrums",
        },
    )
    ids["note"] = library.publish(store, note.id).id
    proposal = library.save_draft(
        store,
        {"kind": "article", "title": "Homeoffice-Regeln im Kleinbetrieb", "body": "Entwurf"},
    )
    ids["proposal"] = library.propose(store, proposal.id).id
    return ids


def local_file(store: Store, data: bytes) -> str:
    """A complete file on this device, as the background fetch leaves it; returns its digest."""
    import hashlib

    from zz_desktop.store.models import FileBlob, FileChunk

    digest = hashlib.sha256(data).hexdigest()
    with store.write() as session:
        session.add(FileBlob(digest=digest, size=len(data), chunk_count=1, complete=True))
        session.add(FileChunk(digest=digest, idx=0, data=data))
    return digest
