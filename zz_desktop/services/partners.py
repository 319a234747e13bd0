"""The partner directory: partner offers of the programme and of the own centre, listed and
searched offline, maintained by the centre's managers.

Programme-wide offers (``centre_id`` is the hub's reserved :data:`PROGRAMME_CENTRE_ID`) arrive
by sync and are read-only here: the coordinating centre maintains them on the hub
(``/programme/push``). Text search goes through the one full-text index (store.search)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from zz_desktop.domain import roles
from zz_desktop.domain.partner_validation import validate_partner_offer
from zz_desktop.i18n import t
from zz_desktop.services import permissions, records
from zz_desktop.store import search
from zz_desktop.store.database import Store
from zz_desktop.store.models import PartnerOffer
from zz_protocol.schemas import PROGRAMME_CENTRE_ID

#: The fields of an offer its editors set (the rest of a row is bookkeeping).
OFFER_FIELDS = (
    "name",
    "provider",
    "partner_type",
    "offer",
    "contact_name",
    "email",
    "phone",
    "website",
    "topics",
    "laender",
    "kreise",
    "region_note",
    "active",
)
#: More offers than a directory holds: the text search is never the limit.
SEARCH_LIMIT = 2000


def is_programme_wide(offer: PartnerOffer) -> bool:
    return offer.centre_id == PROGRAMME_CENTRE_ID


def list_offers(
    store: Store,
    text: str = "",
    partner_type: str | None = None,
    land: str | None = None,
    include_inactive: bool = False,
) -> list[PartnerOffer]:
    """Offers matching all filters, by name. ``land`` (two-digit key) keeps the offers for that
    Land and the nationwide ones (no Land named)."""
    with store.read() as session:
        query = select(PartnerOffer).where(PartnerOffer.deleted.is_(False))
        if partner_type:
            query = query.where(PartnerOffer.partner_type == partner_type)
        if not include_inactive:
            query = query.where(PartnerOffer.active.is_(True))
        if text.strip():
            hits = search.search(session, text, limit=SEARCH_LIMIT, entity="partner_offer")
            query = query.where(PartnerOffer.id.in_([h.entity_id for h in hits]))
        offers = list(session.scalars(query.order_by(PartnerOffer.name)))
    if land:
        offers = [o for o in offers if not o.laender or land in o.laender]
    return offers


def get_offer(store: Store, offer_id: str) -> PartnerOffer:
    with store.read() as session:
        return records.get(session, PartnerOffer, offer_id)


def may_edit(store: Store, offer: PartnerOffer | None = None) -> bool:
    """Whether this profile's user may save ``offer`` (None: a new one of the own centre)."""
    if offer is not None and is_programme_wide(offer):
        return False
    return permissions.allowed(store, roles.MANAGE_PARTNER_OFFERS)


def _require_editable(store: Store, offer: PartnerOffer | None) -> None:
    if offer is not None and is_programme_wide(offer):
        raise permissions.NotAllowed(
            t("Programme-wide offers are maintained by the coordinating centre.")
        )
    permissions.require(store, roles.MANAGE_PARTNER_OFFERS)


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    values = dict(data)
    for name in ("topics", "laender", "kreise"):
        if name in values:
            values[name] = sorted({str(v) for v in values[name] or []})
    values.pop("centre_id", None)  # the own centre, stamped by the store
    return values


def create_offer(store: Store, data: Mapping[str, Any]) -> PartnerOffer:
    _require_editable(store, None)
    return records.create(store, PartnerOffer, _clean(data), validate_partner_offer)


def update_offer(store: Store, offer_id: str, changes: Mapping[str, Any]) -> PartnerOffer:
    _require_editable(store, get_offer(store, offer_id))
    return records.update(store, PartnerOffer, offer_id, _clean(changes), validate_partner_offer)


def delete_offer(store: Store, offer_id: str) -> None:
    _require_editable(store, get_offer(store, offer_id))
    records.soft_delete(store, PartnerOffer, offer_id)


#: A partner offer as this service returns it (detached; read its attributes only).
OfferRecord = PartnerOffer
