"""Issue 13: the Art. 15 access report is complete by construction — a test generated from the
schema plants, for every synced entity with a text column, a row that is linked to the person
only by their e-mail address in free text, and checks each one is in the JSON and the PDF."""

from __future__ import annotations

import io
import json
from typing import Any

import pdfplumber
from sqlalchemy import JSON, Text
from sqlalchemy.orm import Session

from tests.unit.test_privacy import _person_with_everything
from zz_desktop.reports.access import render_access
from zz_desktop.services import privacy
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS, Draft, Person
from zz_desktop.sync.apply import _filler
from zz_desktop.sync.erase_apply import text_columns
from zz_protocol.schemas import SYNCED_ENTITIES

MAIL = "g.yildirim@example.de"


def _plant_mentions(session: Session, unrelated_person: str) -> dict[str, str]:
    """One row per entity with a text column, naming the person only in that text."""
    parents: dict[str, str] = {"person": unrelated_person}
    planted: dict[str, str] = {}
    for entity in SYNCED_ENTITIES:
        model = SYNCED_MODELS[entity]
        table = model.__table__  # type: ignore[attr-defined]
        values: dict[str, Any] = {}
        for column in table.columns:
            if column.key == "id":
                continue
            fks = list(column.foreign_keys)
            if fks:
                values[column.key] = parents.get(fks[0].column.table.name)
            elif not column.nullable and column.key not in ("centre_id",):
                values[column.key] = _filler(column)
        cols = text_columns(model)
        if not cols:
            continue
        # Prefer free text (notes, findings, conflict values) to a short name or code column.
        free = [c for c in cols if isinstance(table.c[c].type, Text | JSON)]
        name = (free or cols)[0]
        is_json = isinstance(table.c[name].type, JSON)
        values[name] = {"note": f"Mail {MAIL}"} if is_json else f"Mail {MAIL}"
        obj = model(**{k: v for k, v in values.items() if v is not None})
        session.add(obj)
        session.flush()
        parents.setdefault(entity, obj.id)
        planted[entity] = obj.id
    return planted


def test_access_report_finds_mentions_in_every_text_field(store: Store) -> None:
    pid = _person_with_everything(store)
    with store.write() as s:
        other = Person(first_name="Hans", last_name="Fremd", gender="male")
        s.add(other)
        s.flush()
        planted = _plant_mentions(s, other.id)
        s.add(
            Draft(
                id="d1",
                kind="consultation",
                record_id=None,
                payload={"findings": MAIL},
                updated_at=other.created_at,
            )
        )
    # Every synced entity with a text column got a planted row.
    assert set(planted) == {e for e, m in SYNCED_MODELS.items() if text_columns(m)}
    report = privacy.access_report(store, pid)
    records = report["records"]
    for entity, rid in planted.items():
        ids = {row["id"] for row in records.get(entity, [])}
        assert rid in ids, f"{entity} row naming the person is missing from the Art. 15 report"
    assert [d["id"] for d in records["draft"]] == ["d1"]
    assert report["purposes"] and report["recipients"]
    assert records["consent"] and records["conflict"]
    json.dumps(report, ensure_ascii=False)  # serialisable for --format json

    pdf = render_access(store, report)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "Auskunft nach Art. 15 DSGVO" in text
    assert "Gülsen Yıldırım" in text
    for heading in ("Zwecke und Rechtsgrundlagen", "Empfänger", "Einwilligungen", "Beratungen"):
        assert heading in text
    assert "Pflegedienst Sonnenschein" in text
    flat = text.replace("\n", "").replace(" ", "")
    assert flat.count(MAIL) >= len(planted)  # every planted mention is printed
