"""The Haus der Selbstständigen's starter pages of the Wissenspool (founding an interest group,
self-regulation, fees, social security), written for this project and shipped as Markdown with a
small header in ``resources/wissenspool/``. The coordinating centre publishes them programme-wide
once (``zz-desktop library seed-starter``) through the same ``/programme/push`` path as the
programme's partner offers; every device receives them with its next sync, read-only. Each page
has a fixed id (from its slug), so seeding again updates the pages instead of doubling them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from zz_desktop.domain.partner_validation import validate_knowledge_item
from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.paths import resource_path
from zz_desktop.services import programme_offers, sync_service
from zz_desktop.services.permissions import NotAllowed
from zz_desktop.services.sync_service import ClientFactory
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import Op, OpResult

#: Ids are derived from the slug in this namespace: the same page keeps its id on every seeding.
NAMESPACE = uuid.UUID("6f1d2b7e-1c3a-4a55-9d1e-5a8f0c2b9e41")
LISTS = ("topics", "target_groups")


@dataclass(frozen=True)
class StarterPage:
    id: str
    fields: dict[str, Any]


def parse(text: str, name: str) -> StarterPage:
    """A page: ``---``, ``key: value`` lines, ``---``, then the Markdown body."""
    head, sep, body = text.removeprefix("---\n").partition("\n---\n")
    if not sep:
        raise UserError(t("{name}: the header is not closed with ---.", name=name))
    meta: dict[str, str] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    fields: dict[str, Any] = {
        "kind": meta.get("kind", "article"),
        "title": meta.get("title", ""),
        "body": body.strip() + "\n",
        "sources": meta.get("sources") or None,
        "version": int(meta.get("version") or 1),
        "review_state": "published",
    }
    for key in LISTS:
        fields[key] = [v.strip() for v in meta.get(key, "").split(",") if v.strip()]
    if errors := validate_knowledge_item(fields):
        field, message = next(iter(errors.items()))
        raise UserError(t("{name}, {field}: {message}", name=name, field=field, message=message))
    slug = meta.get("slug") or name
    return StarterPage(id=str(uuid.uuid5(NAMESPACE, slug)), fields=fields)


def load() -> list[StarterPage]:
    folder = resource_path("wissenspool")
    return [
        parse(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(folder.iterdir())
        if path.suffix == ".md"
    ]


def publish(store: Store, client_factory: ClientFactory = HubClient) -> list[OpResult]:
    """Publish every starter page programme-wide (coordinating centre only)."""
    if not sync_service.is_coordinator(store):
        raise NotAllowed(t("Only the coordinating centre publishes programme-wide items."))
    now = utcnow().isoformat()
    ops = [
        Op(
            op_id=str(uuid.uuid4()),
            entity="knowledge_item",
            entity_id=page.id,
            kind="upsert",
            fields=page.fields | {"published_at": now, "files": []},
        )
        for page in load()
    ]
    return programme_offers.push_programme(store, ops, client_factory)
