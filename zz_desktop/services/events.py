"""Events (Veranstaltungen) and participations with their ESF questionnaire status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.validation import validate_event, validate_participation
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Event, Participation


def create_event(store: Store, data: Mapping[str, Any]) -> Event:
    return records.create(store, Event, data, validate_event)


def update_event(store: Store, event_id: str, changes: Mapping[str, Any]) -> Event:
    return records.update(store, Event, event_id, changes, validate_event)


def delete_event(store: Store, event_id: str) -> None:
    records.soft_delete(store, Event, event_id)


def restore_event(store: Store, event_id: str) -> None:
    records.restore(store, Event, event_id)


def add_participant(store: Store, event_id: str, person_id: str, **values: Any) -> Participation:
    data = {"event_id": event_id, "person_id": person_id, **values}
    with store.read() as session:
        exists = session.scalars(
            select(Participation.id).where(
                Participation.event_id == event_id,
                Participation.person_id == person_id,
                Participation.deleted.is_(False),
            )
        ).first()
    if exists:
        raise ValidationFailed({"person_id": t("This person is already registered for the event.")})
    return records.create(store, Participation, data, validate_participation)


def update_participation(
    store: Store, participation_id: str, changes: Mapping[str, Any]
) -> Participation:
    return records.update(store, Participation, participation_id, changes, validate_participation)


def remove_participant(store: Store, participation_id: str) -> None:
    records.soft_delete(store, Participation, participation_id)


def participations(store: Store, event_id: str) -> list[Participation]:
    with store.read() as session:
        return list(
            session.scalars(
                select(Participation).where(
                    Participation.event_id == event_id, Participation.deleted.is_(False)
                )
            )
        )
