"""Generic create / update / soft delete / restore of synced records, with validation.

Every function here is one transaction of the store; the change capture adds the outbox, the
audit entry and the search index in that same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.store.base import Synced
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS

M = TypeVar("M", bound=Synced)
Validator = Callable[[Mapping[str, Any]], dict[str, str]]


def current_values(obj: Synced) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}  # type: ignore[attr-defined]


def get(session: Session, model: type[M], record_id: str, include_deleted: bool = False) -> M:
    obj = session.get(model, record_id)
    if obj is None or (obj.deleted and not include_deleted):
        raise NotFound(t("Record {id} was not found.", id=record_id))
    return obj


def form_values(store: Store, entity: str, record_id: str) -> dict[str, Any]:
    """Every column of one live record of ``entity`` ("organisation", "person", …) as plain
    values: what an edit form starts from. One keyed read (fast enough for the GUI thread)."""
    with store.read() as session:
        return current_values(get(session, SYNCED_MODELS[entity], record_id))


def create(store: Store, model: type[M], data: Mapping[str, Any], validate: Validator | None) -> M:
    if validate is not None and (errors := validate(data)):
        raise ValidationFailed(errors)
    with store.write() as session:
        obj = model(**dict(data))
        session.add(obj)
        session.flush()
    return obj


def update(
    store: Store,
    model: type[M],
    record_id: str,
    changes: Mapping[str, Any],
    validate: Validator | None,
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> M:
    """Apply ``changes`` (only the fields that changed) after validating the merged record."""
    with store.write() as session:
        obj = get(session, model, record_id)
        merged = current_values(obj) | dict(changes)
        if derive is not None:
            extra = derive(merged)
            merged |= extra
            changes = dict(changes) | extra
        if validate is not None and (errors := validate(merged)):
            raise ValidationFailed(errors)
        for key, value in changes.items():
            if key in ("id", "server_seq", "created_at", "created_by", "centre_id"):
                continue
            if getattr(obj, key) != value:
                setattr(obj, key, value)
        session.flush()
    return obj


def soft_delete(store: Store, model: type[M], record_id: str) -> None:
    with store.write() as session:
        obj = get(session, model, record_id)
        obj.deleted = True


def restore(store: Store, model: type[M], record_id: str) -> None:
    """Undo a soft delete."""
    with store.write() as session:
        obj = get(session, model, record_id, include_deleted=True)
        obj.deleted = False
