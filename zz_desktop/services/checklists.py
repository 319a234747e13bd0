"""Wissenspool checklists on a consultation: attach a published checklist to a visit and tick its
items while there. The state lives in the consultation's ``checklists`` field (one JSON list, so
it syncs and merges with the consultation); each entry keeps a copy of the items it was attached
with, so the ticks stay readable when the checklist is revised later. Every function is one
transaction through :func:`records.update` (change capture, audit, outbox)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zz_desktop.domain import enums, roles
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import library, permissions, records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, KnowledgeItem


@dataclass(frozen=True)
class Attached:
    """One checklist on a consultation, as the GUI shows it."""

    item_id: str
    version: int
    title: str
    items: list[str]
    ticked: frozenset[int]


def checklist_items(body: str | None) -> list[str]:
    """One item per non-empty line; Markdown list marks ("- ", "* ", "- [ ] ") are dropped."""
    out: list[str] = []
    for raw in (body or "").splitlines():
        text = raw.strip()
        for mark in ("- [ ] ", "- [x] ", "* [ ] ", "- ", "* ", "+ "):
            if text.startswith(mark):
                text = text[len(mark) :].strip()
                break
        if text and not text.startswith("#"):
            out.append(text)
    return out


def attached(store: Store, consultation_id: str) -> list[Attached]:
    with store.read() as session:
        entries = records.get(session, Consultation, consultation_id).checklists or []
    return [_attached(e) for e in entries]


def _attached(entry: dict[str, Any]) -> Attached:
    return Attached(
        item_id=str(entry["item_id"]),
        version=int(entry.get("version") or 1),
        title=str(entry.get("title") or ""),
        items=[str(i) for i in entry.get("items") or []],
        ticked=frozenset(int(i) for i in entry.get("ticked") or []),
    )


def _entries(store: Store, consultation_id: str) -> list[dict[str, Any]]:
    permissions.require(store, roles.EDIT_RECORDS)
    with store.read() as session:
        current = records.get(session, Consultation, consultation_id).checklists or []
    # A fresh list of fresh dicts: the change capture compares the old and the new value.
    return [dict(e) for e in current]


def _save(store: Store, consultation_id: str, entries: list[dict[str, Any]]) -> list[Attached]:
    records.update(store, Consultation, consultation_id, {"checklists": entries}, None)
    return [_attached(e) for e in entries]


def attach(store: Store, consultation_id: str, item_id: str) -> list[Attached]:
    """Attach the published checklist ``item_id`` (once per consultation)."""
    entries = _entries(store, consultation_id)
    if any(e["item_id"] == item_id for e in entries):
        return [_attached(e) for e in entries]
    with store.read() as session:
        item = records.get(session, KnowledgeItem, item_id)
    if item.kind != enums.KnowledgeKind.CHECKLIST.value:
        raise ValidationFailed({"checklist": t("Only a checklist can be attached.")})
    if item.review_state != enums.ReviewState.PUBLISHED.value:
        raise ValidationFailed({"checklist": t("Only a published checklist can be attached.")})
    entry = {
        "item_id": item.id,
        "version": item.version,
        "title": item.title,
        "items": checklist_items(item.body),
        "ticked": [],
    }
    return _save(store, consultation_id, [*entries, entry])


def tick(
    store: Store, consultation_id: str, item_id: str, index: int, done: bool = True
) -> list[Attached]:
    """Tick (or untick) item ``index`` of an attached checklist."""
    entries = _entries(store, consultation_id)
    for entry in entries:
        if entry["item_id"] != item_id:
            continue
        if not 0 <= index < len(entry.get("items") or []):
            raise ValidationFailed({"checklist": t("This checklist has no such item.")})
        ticked = set(entry.get("ticked") or [])
        ticked = ticked | {index} if done else ticked - {index}
        entry["ticked"] = sorted(ticked)
        return _save(store, consultation_id, entries)
    raise ValidationFailed({"checklist": t("This checklist is not attached to the consultation.")})


def detach(store: Store, consultation_id: str, item_id: str) -> list[Attached]:
    entries = [e for e in _entries(store, consultation_id) if e["item_id"] != item_id]
    return _save(store, consultation_id, entries)


def available(store: Store) -> list[KnowledgeItem]:
    """The published checklists one can attach."""
    return library.list_items(store, kind=enums.KnowledgeKind.CHECKLIST.value)
