"""Structured referrals: a consultation refers to a partner offer with a reason, gets a
follow-up to ask what became of it, and records the outcome (taken up / not taken up /
unknown, date, note). Each function is one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from zz_desktop.domain import enums, roles
from zz_desktop.domain.partner_validation import validate_referral
from zz_desktop.domain.validation import validate_followup
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import permissions, records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, FollowUp, PartnerOffer, Referral

#: Days after the referral when the follow-up asks what became of it, unless given.
FOLLOWUP_DAYS = 28


@dataclass(frozen=True)
class ReferralLine:
    referral: Referral
    offer: PartnerOffer
    followup_due: dt.date | None


def refer(
    store: Store,
    consultation_id: str,
    partner_offer_id: str,
    reason: str | None = None,
    followup_due: dt.date | None = None,
) -> Referral:
    """A new referral with its follow-up (due ``followup_due``, default in four weeks)."""
    permissions.require(store, roles.EDIT_RECORDS)
    data = {
        "consultation_id": consultation_id,
        "partner_offer_id": partner_offer_id,
        "reason": (reason or "").strip() or None,
        "outcome": enums.ReferralOutcome.UNKNOWN.value,
    }
    errors = validate_referral(data)
    if followup_due is not None and not isinstance(followup_due, dt.date):
        errors["followup_due"] = t("Please enter a date.")  # typed text that is no date
    if errors:
        raise ValidationFailed(errors)
    with store.write() as session:
        consultation = records.get(session, Consultation, consultation_id)
        offer = records.get(session, PartnerOffer, partner_offer_id)
        due = followup_due or dt.date.today() + dt.timedelta(days=FOLLOWUP_DAYS)
        followup_data = {
            "consultation_id": consultation.id,
            "organisation_id": consultation.organisation_id,
            "text": t("Ask about the referral to: {name}", name=offer.name),
            "due_date": due,
            "owner_id": store.actor.user_id,
        }
        if errors := validate_followup(followup_data):
            raise ValidationFailed({"followup_due": next(iter(errors.values()))})
        followup = FollowUp(**followup_data)
        session.add(followup)
        session.flush()
        referral = Referral(**data, followup_id=followup.id)
        session.add(referral)
        session.flush()
    return referral


def record_outcome(
    store: Store,
    referral_id: str,
    outcome: str,
    when: dt.date | None = None,
    note: str | None = None,
) -> Referral:
    """What became of the referral; a known outcome also completes its follow-up."""
    permissions.require(store, roles.EDIT_RECORDS)
    if outcome != enums.ReferralOutcome.UNKNOWN.value and when is None:
        when = dt.date.today()
    changes = {
        "outcome": outcome,
        "outcome_date": when,
        "outcome_note": (note or "").strip() or None,
    }
    with store.write() as session:  # the outcome and the follow-up together, or neither
        referral = records.get(session, Referral, referral_id)
        if errors := validate_referral(records.current_values(referral) | changes):
            raise ValidationFailed(errors)
        for key, value in changes.items():
            if getattr(referral, key) != value:
                setattr(referral, key, value)
        followup = session.get(FollowUp, referral.followup_id) if referral.followup_id else None
        known = outcome != enums.ReferralOutcome.UNKNOWN.value
        if known and followup is not None and followup.done_at is None and not followup.deleted:
            followup.done_at = dt.datetime.combine(when or dt.date.today(), dt.time())
        session.flush()
    return referral


def referrals_of(store: Store, consultation_id: str) -> list[ReferralLine]:
    with store.read() as session:
        rows = session.execute(
            select(Referral, PartnerOffer, FollowUp.due_date)
            .join(PartnerOffer, PartnerOffer.id == Referral.partner_offer_id)
            .outerjoin(FollowUp, FollowUp.id == Referral.followup_id)
            .where(Referral.consultation_id == consultation_id, Referral.deleted.is_(False))
            .order_by(Referral.created_at)
        ).all()
    return [ReferralLine(r, o, due) for r, o, due in rows]


def delete_referral(store: Store, referral_id: str) -> None:
    permissions.require(store, roles.EDIT_RECORDS)
    records.soft_delete(store, Referral, referral_id)
