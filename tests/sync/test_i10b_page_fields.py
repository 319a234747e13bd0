"""What the person and event pages write reaches the other devices of the centre through the
real hub (SQLite and PostgreSQL): event topics and advisors, attended hours, an affiliation
added on the person page and the self-employed profile."""

from __future__ import annotations

import datetime as dt

from zz_desktop.domain import codelists
from zz_desktop.services import events, organisations, person_page, persons
from zz_desktop.store.models import Affiliation, Event, Participation, SelfEmployedProfile


def test_page_fields_sync_to_the_other_device(device) -> None:  # type: ignore[no-untyped-def]
    a, b = device("a", 0), device("b", 1)
    a.sync()
    b.sync()
    advisor_b = b.store.actor.user_id
    topics = [tp.code for tp in codelists.topics()[:2]]
    ev = events.save_form(
        a.store,
        None,
        {"title": "KI-Werkstatt", "type": "workshop", "start_date": dt.date(2026, 5, 4),
         "hours": 4.0, "topics": topics, "advisor_ids": [a.store.actor.user_id, advisor_b]},
    )  # fmt: skip
    org = organisations.create_organisation(a.store, {"name": "Tischlerei Krause"})
    p = persons.create_person(a.store, {"first_name": "Jörg", "last_name": "Weiß"})
    part = events.add_participant(a.store, ev.id, p.id)
    events.set_attended_hours(a.store, part.id, "3,5")
    person_page.add_affiliation(a.store, p.id, org.id, "management", "Inhaber")
    persons.save_selfemployed_profile(
        a.store, p.id,
        {"occupation": "Grafik", "fee_band": "250_500", "health_insurance": "artists_fund",
         "platform_work": True, "interest_group_member": False},
    )  # fmt: skip
    a.sync()
    b.sync()
    with b.store.read() as s:
        got = s.get(Event, ev.id)
        assert got is not None
        assert got.topics == topics and got.advisor_ids == [a.store.actor.user_id, advisor_b]
        assert s.get(Participation, part.id).attended_hours == 3.5  # type: ignore[union-attr]
        aff = s.query(Affiliation).filter_by(person_id=p.id).one()
        assert (aff.organisation_id, aff.role, aff.function_title) == (
            org.id,
            "management",
            "Inhaber",
        )
        prof = s.query(SelfEmployedProfile).filter_by(person_id=p.id).one()
        assert (prof.fee_band, prof.health_insurance, prof.platform_work) == (
            "250_500", "artists_fund", True)  # fmt: skip
        assert prof.interest_group_member is False
    # and what the page shows on the other device
    page = events.load_page(b.store, ev.id)
    assert page.attended_total == 3.5 and len(page.advisors) == 2
    assert [x.organisation for x in person_page.load(b.store, p.id).affiliations] == [
        "Tischlerei Krause"
    ]
