"""The Wissenspool on the device: items of the programme and of the own centre, searched
offline through the one search index; advisors write drafts and proposals, managers publish and
withdraw the centre's items (the hub checks the same: ``CentreScope.write_problem``);
programme-wide items arrive by sync and are read-only. "New since your last visit" compares
``published_at`` with the setting ``knowledge.last_visit``. Every function is one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from zz_desktop.domain import enums, roles
from zz_desktop.domain.partner_validation import validate_knowledge_item
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import permissions, records
from zz_desktop.store import search
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import KnowledgeItem
from zz_protocol.schemas import PROGRAMME_CENTRE_ID

#: What the GUI holds of an item: a detached row, read only (the views never write to it).
Item = KnowledgeItem
LAST_VISIT = "knowledge.last_visit"
REVIEWED = frozenset({enums.ReviewState.PUBLISHED.value, enums.ReviewState.WITHDRAWN.value})
SEARCH_LIMIT = 2000


def is_programme_wide(item: KnowledgeItem) -> bool:
    return item.centre_id == PROGRAMME_CENTRE_ID


def list_items(
    store: Store,
    text: str = "",
    kind: str | None = None,
    published_only: bool = True,
    topic: str | None = None,
    target_group: str | None = None,
) -> list[KnowledgeItem]:
    """Items by title; only published ones unless asked (the review list wants the others).
    Topic and target group are JSON lists: filtered here, the library holds hundreds of items."""
    with store.read() as session:
        query = select(KnowledgeItem).where(KnowledgeItem.deleted.is_(False))
        if published_only:
            query = query.where(KnowledgeItem.review_state == enums.ReviewState.PUBLISHED.value)
        if kind:
            query = query.where(KnowledgeItem.kind == kind)
        if text.strip():
            hits = search.search(session, text, limit=SEARCH_LIMIT, entity="knowledge_item")
            query = query.where(KnowledgeItem.id.in_([h.entity_id for h in hits]))
        items = list(session.scalars(query.order_by(KnowledgeItem.title)))
    return [
        i
        for i in items
        if (not topic or topic in (i.topics or []))
        and (not target_group or target_group in (i.target_groups or []))
    ]


def get_item(store: Store, item_id: str) -> KnowledgeItem:
    with store.read() as session:
        return records.get(session, KnowledgeItem, item_id)


def may_write(store: Store, item: KnowledgeItem | None = None) -> bool:
    """True when the current role may change ``item`` (or create one) — what the GUI offers."""
    try:
        _editable(store, item)
    except permissions.NotAllowed:
        return False
    return True


def may_publish(store: Store, item: KnowledgeItem | None = None) -> bool:
    if item is not None and is_programme_wide(item):
        return False
    return permissions.allowed(store, roles.PUBLISH_KNOWLEDGE)


def propose(store: Store, item_id: str) -> KnowledgeItem:
    """An advisor hands a draft to the centre's managers for review."""
    item = get_item(store, item_id)
    if item.review_state != enums.ReviewState.DRAFT.value:
        raise ValidationFailed({"review_state": t("Only a draft can be proposed.")})
    return save_draft(store, {"review_state": enums.ReviewState.PROPOSED.value}, item_id)


def is_new(item: KnowledgeItem, since: dt.datetime | None) -> bool:
    return since is None or (item.published_at or dt.datetime.min) > since


def last_visit(store: Store) -> dt.datetime | None:
    raw = store.get_setting(LAST_VISIT)
    return dt.datetime.fromisoformat(str(raw)) if raw else None


def new_since_last_visit(store: Store) -> list[KnowledgeItem]:
    """Published items that appeared since the last :func:`mark_visited` (all on a first visit)."""
    since = last_visit(store)
    return [i for i in list_items(store) if is_new(i, since)]


def mark_visited(store: Store, at: dt.datetime | None = None) -> None:
    store.set_setting(LAST_VISIT, (at or utcnow()).isoformat())


def _editable(store: Store, item: KnowledgeItem | None) -> None:
    if item is not None and is_programme_wide(item):
        raise permissions.NotAllowed(
            t("Programme-wide items are published by the coordinating centre.")
        )
    permissions.require(store, roles.EDIT_RECORDS)
    if item is not None and item.review_state in REVIEWED:
        permissions.require(store, roles.PUBLISH_KNOWLEDGE)


def save_draft(store: Store, data: Mapping[str, Any], item_id: str | None = None) -> KnowledgeItem:
    """Create or change an item of the own centre, as a draft or a proposal."""
    values = dict(data)
    state = values.setdefault("review_state", enums.ReviewState.DRAFT.value)
    if state in REVIEWED:
        raise ValidationFailed({"review_state": t("Publishing is a step of its own.")})
    values.pop("centre_id", None)
    if item_id is None:
        _editable(store, None)
        values.setdefault("origin_centre_id", store.actor.centre_id)
        return records.create(store, KnowledgeItem, values, validate_knowledge_item)
    with store.read() as session:
        current = records.get(session, KnowledgeItem, item_id)
    _editable(store, current)
    return records.update(store, KnowledgeItem, item_id, values, validate_knowledge_item)


def publish(store: Store, item_id: str) -> KnowledgeItem:
    """Publish for the own centre (managers): a republished item's version goes up."""
    permissions.require(store, roles.PUBLISH_KNOWLEDGE)
    with store.read() as session:
        _editable(store, records.get(session, KnowledgeItem, item_id))
    with store.write() as session:
        item = records.get(session, KnowledgeItem, item_id)
        if errors := validate_knowledge_item(records.current_values(item)):
            raise ValidationFailed(errors)
        if item.review_state != enums.ReviewState.PUBLISHED.value:
            item.version = (item.version or 1) + (1 if item.published_at else 0)
            item.review_state = enums.ReviewState.PUBLISHED.value
            item.published_at = utcnow()
            session.flush()
    return item


def withdraw(store: Store, item_id: str) -> KnowledgeItem:
    permissions.require(store, roles.PUBLISH_KNOWLEDGE)
    with store.read() as session:
        _editable(store, records.get(session, KnowledgeItem, item_id))
    changes = {"review_state": enums.ReviewState.WITHDRAWN.value}
    return records.update(store, KnowledgeItem, item_id, changes, validate_knowledge_item)
