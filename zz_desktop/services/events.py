"""Events (Veranstaltungen): the record with its topics and advisors, participations with their
ESF questionnaire status and attended hours, and what the event page shows (one read)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.validation import validate_event, validate_participation
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import get_language, t
from zz_desktop.services import consents, questionnaires, records
from zz_desktop.store.database import Store
from zz_desktop.store.models import AppUser, Event, Participation, Person


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


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    person_id: str
    name: str
    attended_hours: float | None
    entry_questionnaire: str
    exit_questionnaire: str
    #: Purposes the person has an active consent for (the participant list shows them).
    consent: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventPageData:
    id: str
    title: str
    type: str
    start_date: dt.date
    end_date: dt.date | None
    place: str | None
    online: bool
    hours: float | None
    topics: list[str]
    #: Display names of the advisors, in the order stored.
    advisors: list[str]
    deleted: bool
    participants: list[ParticipantRow]

    @property
    def incomplete(self) -> int:
        """Participants whose Part 1 (entry questionnaire) is not complete: not counted."""
        return sum(1 for p in self.participants if p.entry_questionnaire != "complete")

    @property
    def attended_total(self) -> float:
        return round(sum(p.attended_hours or 0 for p in self.participants), 2)


def load_page(store: Store, event_id: str) -> EventPageData:
    """The event with its participants (names sorted) in one read; NotFound for an unknown id."""
    with store.read() as session:
        ev = records.get(session, Event, event_id, include_deleted=True)
        names = dict(session.execute(select(AppUser.id, AppUser.display_name)).all())
        rows = session.execute(
            select(
                Participation.id,
                Participation.person_id,
                Person.last_name,
                Person.first_name,
                Participation.attended_hours,
                Participation.entry_questionnaire,
                Participation.exit_questionnaire,
            )
            .join(Person, Person.id == Participation.person_id)
            .where(Participation.event_id == event_id, Participation.deleted.is_(False))
        ).all()
        # The ESF status of each participant comes from their recorded questionnaires (the
        # participation's own flags are no longer set by hand).
        status = questionnaires.summaries(session, {person for _p, person, *_r in rows})
        consent = consents.active_purposes(store, [person for _p, person, *_r in rows])
        parts = sorted(
            (
                ParticipantRow(
                    pid,
                    person,
                    ", ".join(x for x in (last, first) if x) or "?",
                    h,
                    status[person]["entry"],
                    status[person]["exit"],
                    consent.get(person, frozenset()),
                )
                for pid, person, last, first, h, _entry, _exit in rows
            ),
            key=lambda r: (r.name.casefold(), r.id),
        )
        return EventPageData(
            id=ev.id,
            title=ev.title,
            type=ev.type,
            start_date=ev.start_date,
            end_date=ev.end_date,
            place=ev.place,
            online=bool(ev.online),
            hours=ev.hours,
            topics=list(ev.topics or []),
            advisors=[names.get(a, a) for a in ev.advisor_ids or []],
            deleted=ev.deleted,
            participants=parts,
        )


def set_attended_hours(store: Store, participation_id: str, hours: Any) -> Participation:
    """Hours one participant attended (``None`` clears it). One transaction; a value that is not
    a number, negative or longer than the event raises ValidationFailed on ``attended_hours``."""
    if isinstance(hours, str):
        text = hours.strip().replace(",", ".")
        try:
            hours = float(text) if text else None
        except ValueError:
            raise ValidationFailed(
                {"attended_hours": t("'{value}' is not a number of hours.", value=hours)}
            ) from None
    with store.write() as session:
        part = records.get(session, Participation, participation_id)
        if errors := validate_participation(
            records.current_values(part) | {"attended_hours": hours}
        ):
            raise ValidationFailed(errors)
        ev = records.get(session, Event, part.event_id, include_deleted=True)
        if hours is not None and ev.hours is not None and hours > ev.hours:
            raise ValidationFailed(
                {
                    "attended_hours": t(
                        "At most the {hours} h the event lasted.", hours=_hours_text(ev.hours)
                    )
                }
            )
        if part.attended_hours != hours:
            part.attended_hours = hours
        session.flush()
    return part


def validate_event_form(data: Mapping[str, Any]) -> dict[str, str]:
    """The event form's rules: the record rules plus at least one advisor."""
    errors = validate_event(data)
    if not data.get("advisor_ids"):
        errors["advisor_ids"] = t("Choose at least one advisor.")
    return errors


def _hours_text(hours: float) -> str:
    text = f"{hours:g}"
    return text.replace(".", ",") if get_language() == "de" else text


def save_form(store: Store, event_id: str | None, data: Mapping[str, Any]) -> Event:
    """Save the event form in one transaction: a new event from all fields, an edited one from
    the changed fields (checked on the merged record, so an old event without advisors must get
    one). Advisors and topics are kept once each, in the order chosen."""
    values = dict(data)
    for key in ("advisor_ids", "topics"):
        if key in values:
            values[key] = list(dict.fromkeys(values[key] or []))
    if event_id is None:
        return records.create(store, Event, values, validate_event_form)
    return records.update(store, Event, event_id, values, validate_event_form)


def new_event_defaults(store: Store) -> dict[str, Any]:
    return {
        "start_date": dt.date.today(),
        "type": "workshop",
        "advisor_ids": [store.actor.user_id] if store.actor.user_id else [],
        "topics": [],
    }


def is_live(store: Store, event_id: str) -> bool:
    """Whether the event exists and is not deleted (the page closes otherwise)."""
    with store.read() as session:
        ev = session.get(Event, event_id)
        return ev is not None and not ev.deleted
