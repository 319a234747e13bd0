"""Referral counts for the coordinating centre — which partner offers are used, with what
outcome, per Land — protected by the same cell-key method as the consultation aggregates.

A live referral counts once, in the period of its (live) consultation's date and under its
consultation's Land, when its offer is live (``agg_referral`` ⋈ ``agg_consultation`` ⋈
``agg_partner_offer``). The ``offer`` dimension names programme-wide offers by id (the
coordinators keep them; ``/programme/pull`` has their names) and folds every centre's own offer
into ``centre_offer``: no centre's record is identified.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from zz_hub import aggregates
from zz_hub.models import AggConsultation, AggPartnerOffer, AggReferral, Centre
from zz_hub.referral_projection import OUTCOMES, PARTNER_TYPES
from zz_hub.tenancy import PROGRAMME
from zz_protocol import cellkey
from zz_protocol.schemas import AggregateCell
from zz_protocol.validation import ID_SHAPE

A, PO, R = AggConsultation, AggPartnerOffer, AggReferral
CENTRE_OFFER = "centre_offer"
DIMENSIONS: dict[str, Any] = {
    "centre": Centre.code,
    "land": A.land,
    "quarter": A.quarter,
    "partner_type": PO.partner_type,
    "outcome": R.outcome,
    "offer": case((PO.centre_id == PROGRAMME, PO.offer_id), else_=CENTRE_OFFER),
}
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def parse_dimensions(raw: list[str]) -> list[str]:
    dims: list[str] = []
    for name in (n.strip() for part in raw for n in part.split(",")):
        if name and name not in DIMENSIONS:
            raise aggregates.BadDimension(name)
        if name and name not in dims:
            dims.append(name)
    return dims


def _valid(dim: str, value: str) -> bool:
    """Defence in depth: only codes, quarters and programme offer ids are ever published."""
    if dim == "centre":
        return True
    if dim == "land":
        return value in aggregates.allowed_values()["land"]
    if dim == "quarter":
        return bool(_QUARTER.match(value))
    if dim == "partner_type":
        return value in PARTNER_TYPES
    if dim == "outcome":
        return value in OUTCOMES
    return value == CENTRE_OFFER or bool(ID_SHAPE.match(value))


def count_cells(
    session: Session,
    dims: list[str],
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> dict[tuple[str, ...], tuple[int, int]]:
    """{cell: (true count, cell key)} of the non-empty cells."""
    columns = [DIMENSIONS[d].label(d) for d in dims]
    key_sum = func.sum(R.record_key) % cellkey.KEY_MODULUS
    query = (
        select(*columns, func.count().label("n"), key_sum.label("k"))
        .select_from(R)
        .join(A, (A.centre_id == R.centre_id) & (A.consultation_id == R.consultation_id))
        .join(
            PO,
            (PO.offer_id == R.offer_id)
            & or_(PO.centre_id == R.centre_id, PO.centre_id == PROGRAMME),
        )
    )
    if "centre" in dims:
        query = query.join(Centre, Centre.id == R.centre_id)
    if date_from is not None:
        query = query.where(A.date >= date_from)
    if date_to is not None:
        query = query.where(A.date <= date_to)
    if columns:
        query = query.group_by(*columns)
    return aggregates.collect(session.execute(query), dims, _valid)


def aggregate(
    session: Session,
    dims: list[str],
    threshold: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[AggregateCell]:
    cells = count_cells(session, dims, date_from, date_to)
    return aggregates.published_cells(cells, dims, threshold)
