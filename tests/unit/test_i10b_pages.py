"""Services behind the person, event and organisation pages (issue 10, deliverable 3): one read
per page, strict validation with a message per field, each change one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from zz_desktop.domain import codelists
from zz_desktop.domain.validation import validate_selfemployed_profile
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import (
    consents,
    consultations,
    events,
    followups,
    organisations,
    person_page,
    persons,
)
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import AppUser, Event, OutboxOp, Participation, SelfEmployedProfile


def _advisor(store, name: str) -> str:  # type: ignore[no-untyped-def]
    uid = new_id()
    with store.write() as s:
        s.add(AppUser(id=uid, username=name.lower(), display_name=name, role="advisor",
                      centre_id=store.actor.centre_id))  # fmt: skip
    return uid


def test_wz_label_with_parent_fallback() -> None:
    assert codelists.wz_label("43.32") == codelists.wz_code("WZ2025", "43.32").title_de  # type: ignore[union-attr]
    # a national subclass below the list gets its parent's title
    assert codelists.wz_label("43.32.7") == codelists.wz_label("43.32")
    assert codelists.wz_label("62", "WZ2008", "en") == codelists.wz_code("WZ2008", "62").title_en  # type: ignore[union-attr]
    assert codelists.wz_label("00.00") is None and codelists.wz_label(None) is None


def test_profile_validation_messages_per_field() -> None:
    errors = validate_selfemployed_profile(
        {
            "person_id": "p",
            "since_year": 1850,
            "fee_band": "viel",
            "health_insurance": "keine Ahnung",
            "platform_work": "ja",
            "sector_code": "00.00",
        },
        today=dt.date(2026, 12, 1),
    )
    assert set(errors) == {
        "since_year",
        "fee_band",
        "health_insurance",
        "platform_work",
        "sector_code",
    }
    assert "2026" in errors["since_year"]
    assert validate_selfemployed_profile({"person_id": "p"}) == {}


def test_profile_save_is_one_transaction_and_validated(store) -> None:  # type: ignore[no-untyped-def]
    p = persons.create_person(store, {"first_name": "Jörg", "last_name": "Weiß"})
    with pytest.raises(ValidationFailed) as err:
        persons.save_selfemployed_profile(store, p.id, {"occupation": "Grafik", "since_year": 3000})
    assert set(err.value.errors) == {"since_year"}
    with store.read() as s:
        assert s.query(SelfEmployedProfile).count() == 0  # nothing half stored
    persons.save_selfemployed_profile(
        store,
        p.id,
        {"occupation": "Grafik", "sector_code": "74.11", "fee_band": "250_500",
         "platform_work": True, "interest_group_member": False},
    )  # fmt: skip
    persons.save_selfemployed_profile(store, p.id, {"health_insurance": "artists_fund"})
    profile = persons.selfemployed_profile(store, p.id)
    assert profile is not None
    assert profile["occupation"] == "Grafik" and profile["sector_version"] == "WZ2025"
    assert profile["health_insurance"] == "artists_fund" and profile["platform_work"] is True
    assert profile["interest_group_member"] is False
    with store.read() as s:
        assert s.query(SelfEmployedProfile).count() == 1
        ops = [o.entity for o in s.query(OutboxOp)]
    assert ops.count("selfemployed_profile") >= 1  # synced like every record


def test_person_page_history_newest_first(store) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(store, {"name": "Tischlerei Krause"})
    p = persons.create_person(
        store, {"first_name": "Lena", "last_name": "Kühn"}, organisation_id=org.id
    )
    other = persons.create_person(store, {"first_name": "Tom", "last_name": "Brandt"})
    base = consultations.new_consultation_defaults(store, org.id)
    own = consultations.record_consultation(
        store, base | {"date": dt.date(2026, 3, 2), "title": "Erstgespräch", "person_id": p.id}, []
    ).consultation
    consultations.record_consultation(
        store, base | {"date": dt.date(2026, 4, 1), "title": "Teilnahme"}, [p.id]
    )
    consultations.record_consultation(
        store, base | {"date": dt.date(2026, 5, 1), "title": "Fremd"}, [other.id]
    )
    followups.create_followup(
        store, {"consultation_id": own.id, "text": "Angebot", "due_date": dt.date(2026, 3, 20)}
    )
    ev = events.create_event(
        store, {"title": "KI-Werkstatt", "type": "workshop", "start_date": dt.date(2026, 3, 10),
                "hours": 4}
    )  # fmt: skip
    events.add_participant(store, ev.id, p.id, attended_hours=3.5)
    c = consents.give_consent(
        store, {"person_id": p.id, "purpose": "contact_data", "given_at": dt.date(2026, 3, 1)}
    )
    consents.withdraw_consent(store, c.id, dt.date(2026, 6, 1))
    consents.give_consent(
        store, {"person_id": p.id, "purpose": "esf_monitoring", "given_at": dt.date(2026, 3, 2)}
    )

    page = person_page.load(store, p.id)
    assert page.name == "Lena Kühn" and page.consents == ["esf_monitoring"]
    assert [a.organisation for a in page.affiliations] == ["Tischlerei Krause"]
    got = [(e.date, e.kind, e.title) for e in page.history]
    assert got == [
        (dt.date(2026, 6, 1), "consent_withdrawn", ""),
        (dt.date(2026, 4, 1), "consultation", "Teilnahme"),
        (dt.date(2026, 3, 20), "followup", "Angebot"),
        (dt.date(2026, 3, 10), "event", "KI-Werkstatt"),
        (dt.date(2026, 3, 2), "consultation", "Erstgespräch"),
        (dt.date(2026, 3, 2), "consent_given", ""),
        (dt.date(2026, 3, 1), "consent_given", ""),
    ]
    event_entry = next(e for e in page.history if e.kind == "event")
    assert event_entry.hours == 3.5 and event_entry.record_id == ev.id
    fu = next(e for e in page.history if e.kind == "followup")
    assert (fu.entity, fu.record_id, fu.done) == ("consultation", own.id, False)
    assert page.profile is None


def test_affiliations_add_and_remove(store) -> None:  # type: ignore[no-untyped-def]
    a = organisations.create_organisation(store, {"name": "Alpha GmbH"})
    b = organisations.create_organisation(store, {"name": "Beta KG"})
    p = persons.create_person(
        store, {"first_name": "Ida", "last_name": "Noack"}, organisation_id=a.id
    )
    with pytest.raises(ValidationFailed) as err:
        person_page.add_affiliation(store, p.id, None, "management")
    assert set(err.value.errors) == {"organisation_id"}
    with pytest.raises(ValidationFailed) as err:
        person_page.add_affiliation(store, p.id, b.id, "chef")
    assert set(err.value.errors) == {"role"}
    with pytest.raises(ValidationFailed) as err:
        person_page.add_affiliation(store, p.id, a.id, "employee")
    assert (
        "already" in err.value.errors["organisation_id"]
        or "bereits" in err.value.errors["organisation_id"]
    )
    person_page.add_affiliation(store, p.id, b.id, "management", "Geschäftsführerin")
    rows = person_page.load(store, p.id).affiliations
    assert [(r.organisation, r.role, r.function_title) for r in rows] == [
        ("Alpha GmbH", "employee", None),
        ("Beta KG", "management", "Geschäftsführerin"),
    ]
    person_page.remove_affiliation(store, rows[0].id)
    assert [r.organisation for r in person_page.load(store, p.id).affiliations] == ["Beta KG"]
    assert [x.name for x in organisations.load_page(store, b.id).persons] == ["Noack, Ida"]


def test_event_form_topics_advisors_and_hours(store) -> None:  # type: ignore[no-untyped-def]
    anna = _advisor(store, "Anna Beraterin")
    base = {"title": "KI im Handwerk", "type": "workshop", "start_date": dt.date(2026, 5, 4),
            "hours": 3.0}  # fmt: skip
    with pytest.raises(ValidationFailed) as err:
        events.save_form(store, None, base | {"topics": ["erfunden"], "advisor_ids": []})
    assert set(err.value.errors) == {"topics", "advisor_ids"}
    topic = codelists.topics()[0].code
    ev = events.save_form(
        store, None, base | {"topics": [topic, topic], "advisor_ids": [anna, store.actor.user_id]}
    )
    with store.read() as s:
        stored = s.get(Event, ev.id)
        assert stored.topics == [topic] and stored.advisor_ids == [anna, store.actor.user_id]
    # editing only the title keeps the advisors (checked on the merged record)
    events.save_form(store, ev.id, {"title": "KI im Handwerk II"})
    with pytest.raises(ValidationFailed):
        events.save_form(store, ev.id, {"advisor_ids": []})

    p = persons.create_person(store, {"first_name": "Lena", "last_name": "Kühn"})
    part = events.add_participant(store, ev.id, p.id)
    for bad in ("drei", "-1", "3,5x", "4"):
        with pytest.raises(ValidationFailed) as err:
            events.set_attended_hours(store, part.id, bad)
        assert set(err.value.errors) == {"attended_hours"}
    events.set_attended_hours(store, part.id, "2,5")
    with store.read() as s:
        assert s.get(Participation, part.id).attended_hours == 2.5
    page = events.load_page(store, ev.id)
    assert page.title == "KI im Handwerk II" and page.topics == [topic]
    assert page.advisors[0] == "Anna Beraterin"
    assert [(r.name, r.attended_hours) for r in page.participants] == [("Kühn, Lena", 2.5)]
    assert page.attended_total == 2.5 and page.incomplete == 1
    events.set_attended_hours(store, part.id, "")
    assert events.load_page(store, ev.id).participants[0].attended_hours is None


def test_organisation_page_data(store) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(
        store,
        {"name": "Metallbau Schröder", "postcode": "01067", "city": "Dresden", "ags": "14612000",
         "sector_code": "25.11"},
    )  # fmt: skip
    data = organisations.load_page(store, org.id)
    assert data.address == "01067 Dresden" and data.kreis
    assert data.sector_label == codelists.wz_label("25.11")
    assert data.in_depth_hours == 0 and not data.deleted
    assert organisations.is_live(store, org.id)
    organisations.delete_organisation(store, org.id)
    assert (
        not organisations.is_live(store, org.id) and organisations.load_page(store, org.id).deleted
    )


def test_activity_report_counts_attended_hours(store) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.reports.queries import activity as report_queries
    from zz_desktop.reports.queries.period import Period

    ev = events.create_event(
        store, {"title": "KI-Werkstatt", "type": "workshop", "start_date": dt.date(2026, 3, 10),
                "hours": 4}
    )  # fmt: skip
    outside = events.create_event(
        store, {"title": "Später", "type": "workshop", "start_date": dt.date(2026, 9, 1)}
    )
    a = persons.create_person(store, {"first_name": "Lena", "last_name": "Kühn"})
    b = persons.create_person(store, {"first_name": "Tom", "last_name": "Brandt"})
    gone = persons.create_person(store, {"first_name": "Ex", "last_name": "Weg"})
    events.add_participant(store, ev.id, a.id, attended_hours=3.5)
    events.add_participant(store, ev.id, b.id)
    events.add_participant(store, ev.id, gone.id, attended_hours=4)
    events.add_participant(store, outside.id, a.id, attended_hours=2)
    persons.delete_person(store, gone.id)
    tot = report_queries.activity_totals(store, Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    assert (tot.events, tot.participants, tot.participant_hours) == (1, 2, 3.5)
