"""GDPR functions: Art. 15 access (every record that concerns a person) and Art. 17 erasure
(personal fields blanked on this device, on the hub and — through sync — on every device, while
what statistics need stays: gender, birth year, employment status, education)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zz_desktop.domain.scrub import Scrubber, identifiers
from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.services import erasure, records
from zz_desktop.services.erasure import ErasureReport
from zz_desktop.store.base import Synced, to_wire, utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    SYNCED_MODELS,
    Affiliation,
    AuditEntry,
    Conflict,
    Consent,
    Consultation,
    ConsultationParticipant,
    Draft,
    Event,
    FollowUp,
    Organisation,
    Participation,
    Person,
    Questionnaire,
    Referral,
    SelfEmployedProfile,
)
from zz_desktop.sync.erase_apply import text_columns
from zz_protocol.schemas import PERSONAL_FIELDS

#: Why the data are processed (Art. 15(1)(a)); German, as the report is for the person.
PURPOSES: list[dict[str, str]] = [
    {
        "purpose": "Beratung",
        "legal_basis": "Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderbescheid",
        "text": "Dokumentation der Beratungen und Veranstaltungen des Zukunftszentrums.",
    },
    {
        "purpose": "ESF-Plus-Monitoring",
        "legal_basis": "Art. 6 Abs. 1 lit. c DSGVO, VO (EU) 2021/1060 und 2021/1057",
        "text": "Pflichtangaben für die Berichterstattung an den Europäischen Sozialfonds Plus; "
        "besondere Kategorien nur mit ausdrücklicher Einwilligung (Art. 9 Abs. 2 lit. a).",
    },
    {
        "purpose": "Kontakt",
        "legal_basis": "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
        "text": "Einladungen und Rückfragen, soweit Sie eingewilligt haben.",
    },
]
#: Who receives the data (Art. 15(1)(c)).
RECIPIENTS: list[dict[str, str]] = [
    {"recipient": "Beraterinnen und Berater des Zentrums", "data": "alle Angaben"},
    {
        "recipient": "Koordinierungsstelle",
        "data": "nur anonymisierte Zählungen (Cell-Key-Verfahren), keine Namen",
    },
    {"recipient": "ESF-Verwaltungsbehörde", "data": "aggregierte Monitoringdaten"},
]

#: Tables whose rows concern a person through a ``person_id`` column (checked by a test against
#: the schema, so a new person-linked table cannot be forgotten).
PERSON_LINKED: tuple[type[Synced], ...] = (
    Affiliation,
    SelfEmployedProfile,
    Consultation,
    ConsultationParticipant,
    Participation,
    Consent,
    Questionnaire,
)


def _rows(session: Session, model: type[Synced], *conditions: Any) -> list[dict[str, Any]]:
    out = []
    for obj in session.scalars(select(model).where(*conditions).order_by(model.id)):  # type: ignore[attr-defined]
        row = to_wire(obj)
        row["id"] = obj.id
        out.append(row)
    return out


def access_report(store: Store, person_id: str) -> dict[str, Any]:
    """Every record that concerns the person — found by foreign keys and by the person's
    identifiers in free text — grouped by entity, with purposes, consents and recipients (JSON for
    machines; reports.access renders it as the German PDF for the person)."""
    with store.read() as session:
        person = records.get(session, Person, person_id, include_deleted=True)
        scrubber = Scrubber(identifiers(to_wire(person)))
        consultation_ids = set(
            session.scalars(
                select(ConsultationParticipant.consultation_id).where(
                    ConsultationParticipant.person_id == person_id
                )
            )
        )
        consultation_ids.update(
            session.scalars(select(Consultation.id).where(Consultation.person_id == person_id))
        )
        profile_ids = set(
            session.scalars(
                select(SelfEmployedProfile.id).where(SelfEmployedProfile.person_id == person_id)
            )
        )
        data: dict[str, Any] = {
            "person": _rows(session, Person, Person.id == person.id),
            "affiliation": _rows(session, Affiliation, Affiliation.person_id == person_id),
            "selfemployed_profile": _rows(
                session, SelfEmployedProfile, SelfEmployedProfile.person_id == person_id
            ),
            "consultation": _rows(session, Consultation, Consultation.id.in_(consultation_ids)),
            "consultation_participant": _rows(
                session, ConsultationParticipant, ConsultationParticipant.person_id == person_id
            ),
            "followup": _rows(session, FollowUp, FollowUp.consultation_id.in_(consultation_ids)),
            # Referrals of the person's consultations (their reason and note may be about them).
            "referral": _rows(session, Referral, Referral.consultation_id.in_(consultation_ids)),
            "participation": _rows(session, Participation, Participation.person_id == person_id),
            "consent": _rows(session, Consent, Consent.person_id == person_id),
            "questionnaire": _rows(session, Questionnaire, Questionnaire.person_id == person_id),
            "audit_entry": _rows(session, AuditEntry, AuditEntry.entity_id == person_id),
            "conflict": _rows(session, Conflict, Conflict.entity_id.in_({person_id, *profile_ids})),
        }
        org_ids = {a["organisation_id"] for a in data["affiliation"]}
        data["organisation"] = _rows(session, Organisation, Organisation.id.in_(org_ids))
        event_ids = {p["event_id"] for p in data["participation"]}
        data["event"] = _rows(session, Event, Event.id.in_(event_ids))
        _add_mentions(session, scrubber, data)
        data["draft"] = [
            {"id": d.id, "kind": d.kind, "record_id": d.record_id, "payload": d.payload}
            for d in session.scalars(select(Draft).order_by(Draft.id))
            if d.record_id in {person_id, *consultation_ids} or scrubber.mentions(d.payload)
        ]
    with store.write() as session:
        session.add(_audit_row(store, "export", person_id))
    return {
        "format": "zz-desktop-art15",
        "version": 2,
        "person_id": person_id,
        "purposes": PURPOSES,
        "recipients": RECIPIENTS,
        "records": data,
    }


def _add_mentions(session: Session, scrubber: Scrubber, data: dict[str, Any]) -> None:
    """Rows of any entity whose free text names the person (not linked by a foreign key)."""
    if not scrubber:
        return
    for entity, model in SYNCED_MODELS.items():
        columns = text_columns(model)
        if not columns:
            continue
        have = {row["id"] for row in data.get(entity, [])}
        for obj in session.scalars(select(model).order_by(model.id)):  # type: ignore[attr-defined]
            if obj.id in have:
                continue
            if any(scrubber.mentions(getattr(obj, c)) for c in columns):
                row = to_wire(obj)
                row["id"] = obj.id
                data.setdefault(entity, []).append(row)


def _audit_row(store: Store, action: str, person_id: str) -> AuditEntry:
    now = utcnow()
    return AuditEntry(
        user_id=store.actor.user_id,
        at=now,
        action=action,
        entity="person",
        entity_id=person_id,
    )


def erase_person(store: Store, person_id: str) -> ErasureReport:
    """Art. 17: blank the personal and special-category fields of the person (and of their
    self-employed profile), replace the person's identifiers in every free text and conflict
    value, drop drafts that mention them, send an ``erase`` op that wins everywhere, then zero
    the freed pages (search index, WAL) and deal with older backups per policy."""
    with store.write() as session:
        person = records.get(session, Person, person_id, include_deleted=True)
        if person.erased_at is not None:
            raise UserError(t("This person has already been erased."))
        scrubber = Scrubber(identifiers(to_wire(person)))
        profiles = list(
            session.scalars(
                select(SelfEmployedProfile).where(SelfEmployedProfile.person_id == person_id)
            )
        )
        answers = list(
            session.scalars(select(Questionnaire).where(Questionnaire.person_id == person_id))
        )
        erase_ids = {person.id, *(p.id for p in profiles), *(q.id for q in answers)}
        # Set before any change: every flush of these rows must become an erase op.
        session.info["erase"] = erase_ids
        for field in PERSONAL_FIELDS["person"]:
            setattr(person, field, None)
        person.erased_at = utcnow()
        for profile in profiles:
            for field in PERSONAL_FIELDS["selfemployed_profile"]:
                setattr(profile, field, None)
        for answer in answers:
            for field in PERSONAL_FIELDS["questionnaire"]:
                setattr(answer, field, None)
        for conflict in session.scalars(select(Conflict).where(Conflict.entity_id.in_(erase_ids))):
            conflict.value_current = None
            conflict.value_other = None
        session.flush()
        touched = erasure.scrub_free_text(session, scrubber, skip=erase_ids)
        drafts = erasure.drop_drafts(session, scrubber, erase_ids)
    erasure.wipe_freed_pages(store)
    backups = erasure.handle_old_backups(store, person_id)
    return ErasureReport(touched=touched, drafts=drafts, backups=backups)


def person_linked_tables() -> set[str]:
    """Tables with a column pointing at ``person.id`` (for the completeness test)."""
    linked = set()
    for name, model in SYNCED_MODELS.items():
        for column in model.__table__.columns:  # type: ignore[attr-defined]
            if any(fk.column.table.name == "person" for fk in column.foreign_keys):
                linked.add(name)
    return linked
