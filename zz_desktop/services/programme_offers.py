"""The coordinating centre publishes the programme-wide partner offers on the hub
(``/programme/push``), from a JSON list — the same validation as a centre's offers. The
coordinator's profile keeps no records, so nothing is stored locally; the devices of every
centre receive the offers with their next sync."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from zz_desktop.domain.partner_validation import validate_partner_offer
from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.services import partners, sync_service
from zz_desktop.services.permissions import NotAllowed
from zz_desktop.services.sync_service import ClientFactory, _client
from zz_desktop.store.database import Store
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import Op, OpResult, PushRequest, PushResponse


def _op(number: int, offer: Mapping[str, Any]) -> Op:
    values = {k: offer[k] for k in partners.OFFER_FIELDS if k in offer}
    values = {
        "partner_type": "other",
        "active": True,
        "topics": [],
        "laender": [],
        "kreise": [],
    } | values
    if errors := validate_partner_offer(values):
        field, message = next(iter(errors.items()))
        raise UserError(t("Offer {n}, {field}: {message}", n=number, field=field, message=message))
    offer_id = str(offer.get("id") or uuid.uuid4())
    return Op(
        op_id=str(uuid.uuid4()),
        entity="partner_offer",
        entity_id=offer_id,
        kind="upsert",
        fields=values,
    )


def publish(
    store: Store, offers: Sequence[Mapping[str, Any]], client_factory: ClientFactory = HubClient
) -> list[OpResult]:
    """Validate every offer first (one bad offer: nothing is sent), then publish them together."""
    if not sync_service.is_coordinator(store):
        raise NotAllowed(t("Only the coordinating centre publishes programme-wide offers."))
    return push_programme(
        store, [_op(n, offer) for n, offer in enumerate(offers, start=1)], client_factory
    )


def push_programme(
    store: Store, ops: Sequence[Op], client_factory: ClientFactory = HubClient
) -> list[OpResult]:
    """Send programme-wide rows in one batch (``/programme/push``; the hub checks the role)."""
    request = PushRequest(batch_id=str(uuid.uuid4()), ops=list(ops))
    with _client(store, client_factory) as client:
        answer = client.request("POST", "/programme/push", body=request.model_dump(mode="json"))
    return PushResponse.model_validate(answer.json()).results
