"""Core use cases through the services, as the GUI and the CLI call them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.services import consents, consultations, events, followups, organisations, persons
from zz_desktop.store import search
from zz_desktop.store.database import Store
from zz_desktop.store.models import AuditEntry, ConsultationParticipant, FollowUp, OutboxOp

TODAY = dt.date.today()


def _org(store: Store, **extra: object) -> str:
    data = {
        "name": "Elektro Schubert GmbH",
        "postcode": "06108",
        "ags": "15002000",
        "employees": 12,
        "turnover_band": "le_2m",
    }
    return organisations.create_organisation(store, data | extra).id


def test_organisation_lifecycle(store: Store) -> None:
    org_id = _org(store)
    with store.read() as s:
        org = s.get(organisations.Organisation, org_id)
        assert org.sme_class == "small" and org.centre_id == store.actor.centre_id
        assert org.created_by == store.actor.user_id
    organisations.update_organisation(store, org_id, {"employees": 300, "turnover_band": "gt_50m"})
    with store.read() as s:
        assert s.get(organisations.Organisation, org_id).sme_class == "large"
    with pytest.raises(ValidationFailed) as info:
        organisations.update_organisation(store, org_id, {"email": "falsch"})
    assert set(info.value.errors) == {"email"}
    organisations.delete_organisation(store, org_id)
    with pytest.raises(NotFound):
        organisations.update_organisation(store, org_id, {"city": "Halle"})
    organisations.restore_organisation(store, org_id)
    organisations.update_organisation(store, org_id, {"city": "Halle (Saale)"})


def test_person_duplicates_and_affiliation(store: Store) -> None:
    org_id = _org(store)
    p = persons.create_person(
        store,
        {"first_name": "Anja", "last_name": "Köhler", "postcode": "06108", "gender": "female"},
        organisation_id=org_id,
        role="management",
        function_title="Geschäftsführerin",
    )
    assert [x.id for x in persons.persons_of_organisation(store, org_id)] == [p.id]
    with pytest.raises(ValidationFailed):
        persons.create_person(
            store, {"first_name": "anja", "last_name": "KÖHLER ", "postcode": "06108"}
        )
    with pytest.raises(ValidationFailed):
        persons.create_person(
            store, {"first_name": "Anja", "last_name": "Köhler", "postcode": "06108"}
        )
    other = persons.create_person(
        store, {"first_name": "Anja", "last_name": "Köhler", "postcode": "39104"}
    )
    assert other.id != p.id
    same_mail = {"first_name": "A.", "last_name": "Köhler", "email": "a.koehler@example.de"}
    persons.update_person(store, other.id, {"email": "a.koehler@example.de"})
    assert persons.find_exact_duplicate(store, same_mail).id == other.id


def test_record_consultation_with_participants_and_followups(store: Store) -> None:
    org_id = _org(store)
    person = persons.create_person(
        store, {"first_name": "Jens", "last_name": "Wagner"}, organisation_id=org_id
    )
    data = consultations.new_consultation_defaults(store, org_id) | {
        "topics": ["ai_at_work", "data_protection_it_security"],
        "findings": "Die Auftragsabwicklung läuft noch auf Papier.",
        "status": "final",
    }
    assert (
        data["mode"] == "on_site"
        and data["date"] == TODAY
        and data["advisor_ids"] == [store.actor.user_id]
    )
    result = consultations.record_consultation(
        store,
        data,
        [person.id, person.id],
        [{"text": "Angebot für ERP-Workshop senden", "due_date": TODAY}],
    )
    cid = result.consultation.id
    assert consultations.participants(store, cid) == [person.id]
    due = followups.due_followups(store)
    assert [f.text for f in due] == ["Angebot für ERP-Workshop senden"]
    followups.complete_followup(store, due[0].id)
    assert followups.due_followups(store) == []
    with store.read() as s:
        assert search.search(s, "auftragsabw")[0].entity_id == cid
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 1
        actions = [
            a.action
            for a in s.scalars(select(AuditEntry).where(AuditEntry.entity == "consultation"))
        ]
        assert actions == ["create"]
    consultations.update_consultation(
        store, cid, {"findings": "Erste Schritte vereinbart."}, participant_ids=[]
    )
    assert consultations.participants(store, cid) == []
    with store.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(ConsultationParticipant)) == 1
        )  # soft-deleted link
    consultations.delete_consultation(store, cid)
    with store.read() as s:
        assert search.search(s, "schritte") == []
    consultations.restore_consultation(store, cid)
    with store.read() as s:
        assert search.search(s, "schritte")[0].entity_id == cid


def test_consultation_validation_is_all_or_nothing(store: Store) -> None:
    org_id = _org(store)
    before = _outbox_count(store)
    with pytest.raises(ValidationFailed) as info:
        consultations.record_consultation(
            store,
            consultations.new_consultation_defaults(store, org_id) | {"topics": ["unbekannt"]},
            followups=[{"text": "", "due_date": TODAY}],
        )
    assert set(info.value.errors) == {"topics", "followups[0].text"}
    assert _outbox_count(store) == before


def _outbox_count(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxOp)) or 0


def test_in_depth_cap_warning(store: Store) -> None:
    org_id = _org(store)
    base = consultations.new_consultation_defaults(store, org_id) | {
        "kind": "in_depth",
        "duration_min": 8 * 60,
    }
    for _ in range(9):
        assert consultations.record_consultation(store, base).warnings == []
    assert organisations.in_depth_hours(store, org_id) == 72
    assert organisations.in_depth_remaining(store, org_id) == 8
    assert consultations.record_consultation(store, base).warnings == []  # exactly 80 h
    warning = consultations.record_consultation(store, base | {"duration_min": 60}).warnings
    assert warning and "81,0 h" in warning[0] and "80 h" in warning[0]


def test_events_participations_and_consents(store: Store) -> None:
    person = persons.create_person(store, {"first_name": "Nguyễn Thị", "last_name": "Lan"})
    event = events.create_event(
        store,
        {
            "title": "KI im Handwerk",
            "type": "workshop",
            "start_date": TODAY,
            "hours": 3.5,
            "topics": ["ai_at_work"],
        },
    )
    part = events.add_participant(store, event.id, person.id, entry_questionnaire="incomplete")
    with pytest.raises(ValidationFailed):
        events.add_participant(store, event.id, person.id)
    events.update_participation(
        store, part.id, {"entry_questionnaire": "complete", "attended_hours": 3.5}
    )
    assert [p.entry_questionnaire for p in events.participations(store, event.id)] == ["complete"]
    consent = consents.give_consent(
        store,
        {
            "person_id": person.id,
            "purpose": "esf_monitoring",
            "method": "paper",
            "text_version": "2024-01",
        },
    )
    assert consents.has_consent(store, person.id, "esf_monitoring")
    consents.withdraw_consent(store, consent.id)
    assert not consents.has_consent(store, person.id, "esf_monitoring")


def test_disability_needs_explicit_consent(store: Store) -> None:
    with pytest.raises(ValidationFailed) as info:
        persons.create_person(store, {"last_name": "Schulze", "disability": "yes"})
    assert "Art. 9" in info.value.errors["disability"]
    p = persons.create_person(store, {"last_name": "Schulze", "disability": "no_answer"})
    with pytest.raises(ValidationFailed):
        persons.update_person(store, p.id, {"disability": "yes"})
    consents.give_consent(
        store, {"person_id": p.id, "purpose": "special_category", "legal_basis": "art9_2a"}
    )
    persons.update_person(store, p.id, {"disability": "yes"})
    q = persons.create_person(
        store,
        {"last_name": "Lehmann", "disability": "yes"},
        explicit_consent={"method": "paper", "text_version": "2025-1"},
    )
    assert consents.has_consent(store, q.id, "special_category")
