"""Referrals to the partner network in a period, by partner type and outcome (activity report).

Counting rule (docs/reports.md, "Weiterverweisungen"): a referral belongs to the period of its
consultation's date; a deleted referral, consultation or partner offer never counts. Each
referral counts once, under its offer's partner type and its current outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from zz_desktop.domain.enums import PartnerType, ReferralOutcome
from zz_desktop.reports.queries.period import Period
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, PartnerOffer, Referral

OUTCOMES = tuple(o.value for o in ReferralOutcome)


@dataclass(frozen=True)
class ReferralRow:
    """Referrals of one partner type: count per outcome (every outcome present, maybe 0)."""

    partner_type: str
    by_outcome: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_outcome.values())


def referrals_by_type_and_outcome(store: Store, period: Period) -> list[ReferralRow]:
    """Partner types with at least one referral in ``period``, in the code list's order."""
    query = (
        select(PartnerOffer.partner_type, Referral.outcome, func.count())
        .join(Consultation, Consultation.id == Referral.consultation_id)
        .join(PartnerOffer, PartnerOffer.id == Referral.partner_offer_id)
        .where(
            Referral.deleted.is_(False),
            Consultation.deleted.is_(False),
            PartnerOffer.deleted.is_(False),
            Consultation.date >= period.start,
            Consultation.date <= period.end,
        )
        .group_by(PartnerOffer.partner_type, Referral.outcome)
    )
    counts: dict[str, dict[str, int]] = {}
    with store.read() as session:
        for partner_type, outcome, n in session.execute(query):
            row = counts.setdefault(partner_type, dict.fromkeys(OUTCOMES, 0))
            row[outcome] = row.get(outcome, 0) + int(n)
    order = {p.value: i for i, p in enumerate(PartnerType)}
    return [
        ReferralRow(kind, by_outcome)
        for kind, by_outcome in sorted(counts.items(), key=lambda kv: order.get(kv[0], 99))
    ]
