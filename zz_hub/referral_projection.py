"""Projections of the partner network for the coordinators' aggregates (issue 14).

``agg_partner_offer`` holds the partner type of every live offer (a centre's or the programme's)
and ``agg_referral`` which offer each live referral names and its outcome, with a random
cell-key record key. Only codes and ids of offers are copied — never a reason or a note. Called
by :func:`zz_hub.projections.apply` in the push transaction (a programme push too), with a fixed
number of statements per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select

from zz_desktop.domain.enums import PartnerType, ReferralOutcome
from zz_hub.models import AggPartnerOffer, AggReferral
from zz_hub.rowstate import RowState
from zz_hub.tenancy import CentreScope
from zz_protocol.cellkey import random_record_key

PARTNER_TYPES = frozenset(e.value for e in PartnerType)
OUTCOMES = frozenset(e.value for e in ReferralOutcome)
Key = tuple[str, str]


def _code(value: Any, allowed: frozenset[str], default: str) -> str:
    return value if isinstance(value, str) and value in allowed else default


def apply(
    scope: CentreScope, referrals: Sequence[RowState], offers: Sequence[RowState], created: set[Key]
) -> None:
    if not referrals and not offers:
        return
    session, centre = scope.session, scope.centre_id
    if offers:
        ids = sorted(r.entity_id for r in offers)
        session.execute(
            delete(AggPartnerOffer).where(
                AggPartnerOffer.centre_id == centre, AggPartnerOffer.offer_id.in_(ids)
            )
        )
        live = [
            {
                "centre_id": centre,
                "offer_id": row.entity_id,
                "partner_type": _code(row.fields.get("partner_type"), PARTNER_TYPES, "other"),
            }
            for row in offers
            if not row.deleted
        ]
        if live:
            session.execute(insert(AggPartnerOffer), live)
    if referrals:
        old = sorted(r.entity_id for r in referrals if (r.entity, r.entity_id) not in created)
        # A referral keeps its record key while it lives (its cells keep their values).
        kept: dict[str, int] = {}
        if old:
            kept = {
                rid: int(key)
                for rid, key in session.execute(
                    select(AggReferral.referral_id, AggReferral.record_key).where(
                        AggReferral.centre_id == centre, AggReferral.referral_id.in_(old)
                    )
                )
            }
            session.execute(
                delete(AggReferral).where(
                    AggReferral.centre_id == centre, AggReferral.referral_id.in_(old)
                )
            )
        new: list[dict[str, Any]] = []
        for row in referrals:
            values = row.fields
            cid, oid = values.get("consultation_id"), values.get("partner_offer_id")
            if row.deleted or not isinstance(cid, str) or not isinstance(oid, str):
                continue
            new.append(
                {
                    "centre_id": centre,
                    "referral_id": row.entity_id,
                    "consultation_id": cid,
                    "offer_id": oid,
                    "outcome": _code(values.get("outcome"), OUTCOMES, "unknown"),
                    "record_key": kept.get(row.entity_id, random_record_key()),
                }
            )
        if new:
            session.execute(insert(AggReferral), new)
