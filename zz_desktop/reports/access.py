"""The Art. 15 access report as a German PDF for the person: purposes, recipients, consents and
every record that concerns them (the JSON of services.privacy.access_report, laid out with the
shared report look). German always: the person, not the advisor, is the reader."""

from __future__ import annotations

import json
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from zz_desktop.reports.layout import (
    CONTENT_W,
    build_pdf,
    context_for,
    data_table,
    key_value_table,
    para,
    title_block,
)
from zz_desktop.store.database import Store

LANG = "de"
#: German headings of the record groups (Art. 15 is read by the person, in plain words).
SECTIONS: dict[str, str] = {
    "person": "Ihre Stammdaten",
    "affiliation": "Zuordnung zu Organisationen",
    "organisation": "Organisationen",
    "selfemployed_profile": "Angaben zur Selbstständigkeit",
    "consultation": "Beratungen",
    "consultation_participant": "Teilnahme an Beratungen",
    "followup": "Wiedervorlagen",
    "referral": "Weiterverweisungen an Partner",
    "partner_offer": "Partnerangebote",
    "event": "Veranstaltungen",
    "participation": "Teilnahme an Veranstaltungen",
    "consent": "Einwilligungen",
    "conflict": "Abweichende Bearbeitungen (Konflikte)",
    "audit_entry": "Protokoll der Zugriffe und Änderungen",
    "draft": "Nicht gespeicherte Entwürfe",
}
_SKIP = {"centre_id", "created_by", "updated_by", "deleted", "server_seq"}


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def build_story(report: dict[str, Any]) -> list[Flowable]:
    story: list[Flowable] = [
        para(
            "Nach Art. 15 DSGVO haben Sie das Recht zu erfahren, welche Daten wir über Sie "
            "verarbeiten. Diese Auskunft enthält alle Datensätze, die Sie betreffen – auch "
            "solche, in deren Freitext Ihr Name, Ihre E-Mail-Adresse oder Telefonnummer steht."
        ),
        Spacer(1, 3 * mm),
        para("Zwecke und Rechtsgrundlagen", "h2"),
        data_table(
            ["Zweck", "Rechtsgrundlage", "Beschreibung"],
            [[p["purpose"], p["legal_basis"], p["text"]] for p in report["purposes"]],
            [35 * mm, 55 * mm, CONTENT_W - 90 * mm],
        ),
        para("Empfänger", "h2"),
        data_table(
            ["Empfänger", "Welche Daten"],
            [[r["recipient"], r["data"]] for r in report["recipients"]],
            [70 * mm, CONTENT_W - 70 * mm],
        ),
    ]
    records: dict[str, list[dict[str, Any]]] = report["records"]
    order = [*SECTIONS, *sorted(set(records) - set(SECTIONS))]
    for entity in order:
        rows = records.get(entity) or []
        if not rows:
            continue
        story.append(para(f"{SECTIONS.get(entity, entity)} ({len(rows)})", "h2"))
        for row in rows:
            pairs = [(k, _value(v)) for k, v in sorted(row.items()) if k not in _SKIP]
            story.append(key_value_table(pairs))
            story.append(Spacer(1, 2 * mm))
    story.append(
        para(
            "Sie können die Berichtigung (Art. 16), Löschung (Art. 17) oder Einschränkung "
            "(Art. 18) verlangen und eine Einwilligung jederzeit mit Wirkung für die Zukunft "
            "widerrufen. Beschwerden richten Sie an die zuständige Datenschutzaufsichtsbehörde.",
            "small",
        )
    )
    return story


def render_access(store: Store, report: dict[str, Any]) -> bytes:
    """The PDF for ``report`` (from services.privacy.access_report)."""
    ctx = context_for(store, LANG, "Auskunft nach Art. 15 DSGVO")
    person = (report["records"].get("person") or [{}])[0]
    name = " ".join(str(person.get(k) or "") for k in ("first_name", "last_name")).strip()
    lines = [f"Betroffene Person: {name or report['person_id']}"]
    return build_pdf(ctx, [*title_block(ctx, lines), Spacer(1, 3 * mm), *build_story(report)])
