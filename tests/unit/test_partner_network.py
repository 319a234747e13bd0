"""Issue 14: the partner directory and structured referrals through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.support.partners import programme_offer
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consultations, organisations, partners, permissions, referrals
from zz_desktop.store.database import Store
from zz_desktop.store.models import FollowUp, OutboxOp, PartnerOffer, Referral
from zz_desktop.sync import state

TODAY = dt.date.today()


def _offer(store: Store, **extra: object) -> PartnerOffer:
    data = {
        "name": "Digitalisierungsberatung für Handwerksbetriebe",
        "provider": "Handwerkskammer Halle (Saale)",
        "partner_type": "chamber",
        "offer": "Kostenfreie Erstberatung zu Förderprogrammen und Digitalisierung",
        "email": "digital@hwk-halle.example",
        "topics": ["ai_at_work"],
        "laender": ["15"],
        "kreise": ["15002"],
    }
    return partners.create_offer(store, data | extra)


def _programme_offer(store: Store, name: str = "Mittelstand-Digital Zentrum Ilmenau") -> str:
    return programme_offer(store, name, "mittelstand_digital", laender=[])


def _consultation(store: Store) -> str:
    org = organisations.create_organisation(store, {"name": "Tischlerei Krause", "ags": "15002000"})
    data = consultations.new_consultation_defaults(store, org.id) | {"topics": ["ai_at_work"]}
    return consultations.record_consultation(store, data, [], []).consultation.id


def test_offer_is_saved_synced_and_found_offline(store: Store) -> None:
    offer = _offer(store)
    with store.read() as session:
        ops = session.scalars(select(OutboxOp).where(OutboxOp.entity == "partner_offer")).all()
    assert len(ops) == 1
    assert offer.centre_id == store.actor.centre_id
    # Umlaut-insensitive, by words of the offer's text, through the one search index.
    assert [o.id for o in partners.list_offers(store, "forderprogramm")] == [offer.id]
    assert [o.id for o in partners.list_offers(store, "handwerkskammer")] == [offer.id]
    assert partners.list_offers(store, "gewerkschaft") == []


def test_filters_by_type_and_land(store: Store) -> None:
    own = _offer(store)
    nationwide = _programme_offer(store)
    assert {o.id for o in partners.list_offers(store)} == {own.id, nationwide}
    assert [o.id for o in partners.list_offers(store, partner_type="chamber")] == [own.id]
    # Thuringia: only the nationwide offer; Saxony-Anhalt: both.
    assert [o.id for o in partners.list_offers(store, land="16")] == [nationwide]
    assert {o.id for o in partners.list_offers(store, land="15")} == {own.id, nationwide}
    partners.update_offer(store, own.id, {"active": False})
    assert [o.id for o in partners.list_offers(store, land="15")] == [nationwide]
    assert len(partners.list_offers(store, include_inactive=True)) == 2


def test_validation_names_the_field(store: Store) -> None:
    with pytest.raises(ValidationFailed) as err:
        _offer(
            store,
            name=" ",
            partner_type="lobby",
            email="kein-at",
            laender=["99"],
            kreise=[],
            topics=["nope"],
        )
    assert set(err.value.errors) == {"name", "partner_type", "email", "laender", "topics"}
    with pytest.raises(ValidationFailed) as err:
        _offer(store, kreise=["14612"])  # Dresden is not in Saxony-Anhalt
    assert set(err.value.errors) == {"kreise"}
    assert partners.list_offers(store) == []


def test_only_managers_edit_and_programme_offers_are_read_only(store: Store) -> None:
    programme = _programme_offer(store)
    offer = partners.get_offer(store, programme)
    assert partners.is_programme_wide(offer) and not partners.may_edit(store, offer)
    with pytest.raises(permissions.NotAllowed) as err:
        partners.update_offer(store, programme, {"name": "x"})
    # (German or English: the language is whatever an earlier test of the process set)
    assert any(w in err.value.message for w in ("coordinating centre", "koordinierende Zentrum"))
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: "advisor"})
    assert not partners.may_edit(store)
    with pytest.raises(permissions.NotAllowed):
        _offer(store)
    state.put(store, **{state.ROLE: "manager"})
    assert partners.may_edit(store)
    _offer(store)


def test_referral_with_followup_and_outcome(store: Store) -> None:
    cid = _consultation(store)
    programme = _programme_offer(store)
    referral = referrals.refer(store, cid, programme, "Förderung für KI-Pilotprojekt")
    [line] = referrals.referrals_of(store, cid)
    assert line.offer.id == programme and line.referral.outcome == "unknown"
    assert line.followup_due == TODAY + dt.timedelta(days=referrals.FOLLOWUP_DAYS)
    with store.read() as session:
        followup = session.get(FollowUp, referral.followup_id)
        assert followup is not None and followup.done_at is None
        assert "Mittelstand-Digital" in followup.text
    referrals.record_outcome(store, referral.id, "taken_up", TODAY, "Erstgespräch fand statt")
    with store.read() as session:
        stored = session.get(Referral, referral.id)
        followup = session.get(FollowUp, referral.followup_id)
    assert stored is not None and stored.outcome == "taken_up" and stored.outcome_date == TODAY
    assert followup is not None and followup.done_at is not None


def test_referral_input_errors_change_nothing(store: Store) -> None:
    cid = _consultation(store)
    offer = _offer(store)
    with pytest.raises(ValidationFailed) as err:
        referrals.refer(store, cid, "")
    assert set(err.value.errors) == {"partner_offer_id"}
    referral = referrals.refer(store, cid, offer.id)
    future = TODAY + dt.timedelta(days=3)
    with pytest.raises(ValidationFailed) as err:
        referrals.record_outcome(store, referral.id, "taken_up", future)
    assert set(err.value.errors) == {"outcome_date"}
    with pytest.raises(ValidationFailed):
        referrals.record_outcome(store, referral.id, "maybe")
    with store.read() as session:
        stored = session.get(Referral, referral.id)
        followup = session.get(FollowUp, referral.followup_id)
    assert stored is not None and stored.outcome == "unknown" and stored.outcome_date is None
    assert followup is not None and followup.done_at is None


def test_access_report_lists_the_referrals_of_a_persons_consultations(store: Store) -> None:
    from zz_desktop.services import persons, privacy

    person = persons.create_person(store, {"first_name": "Mia", "last_name": "Sommer"})
    org = organisations.create_organisation(store, {"name": "Atelier Sommer"})
    data = consultations.new_consultation_defaults(store, org.id) | {"person_id": person.id}
    cid = consultations.record_consultation(store, data, [], []).consultation.id
    referral = referrals.refer(store, cid, _offer(store).id, "Honorarfrage")
    report = privacy.access_report(store, person.id)
    assert [r["id"] for r in report["records"]["referral"]] == [referral.id]
