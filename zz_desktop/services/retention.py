"""Retention (Art. 5(1)(e) GDPR): when a person is due for review, the review list, and the two
answers — erase (services.privacy) or keep longer — each written to the audit trail.

A person is due when both have passed: the configurable period after the last contact
(consultation or event, else the day the person was recorded; setting ``privacy.retention_months``, default 24) and the
programme's documentation obligation (setting ``privacy.esf_retention_end``, default the end of
the ESF Plus 2021–2027 retention period, 31.12.2033 — documents are kept five years from
31 December of the year of the final payment). An extension is kept per person in the setting
``privacy.retention_extended`` (this device; the audit entry syncs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from zz_desktop.domain import roles
from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.services import permissions, privacy
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    AuditEntry,
    Consultation,
    ConsultationParticipant,
    Event,
    Participation,
    Person,
)

MONTHS_SETTING = "privacy.retention_months"
ESF_END_SETTING = "privacy.esf_retention_end"
EXTENDED_SETTING = "privacy.retention_extended"
DEFAULT_MONTHS = 24
DEFAULT_ESF_END = dt.date(2033, 12, 31)


@dataclass(frozen=True)
class Due:
    person_id: str
    name: str
    last_contact: dt.date
    review_on: dt.date


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, min(day.day, 28))


def esf_end(store: Store) -> dt.date:
    raw = store.get_setting(ESF_END_SETTING)
    return dt.date.fromisoformat(raw) if isinstance(raw, str) else DEFAULT_ESF_END


def review_date(store: Store, last_contact: dt.date, person_id: str) -> dt.date:
    months = store.get_setting(MONTHS_SETTING, DEFAULT_MONTHS)
    due = max(_add_months(last_contact, int(months)), esf_end(store))  # type: ignore[call-overload]
    kept = store.get_setting(EXTENDED_SETTING, {})
    extended = kept.get(person_id) if isinstance(kept, dict) else None
    return max(due, dt.date.fromisoformat(extended)) if extended else due


def last_contacts(store: Store) -> dict[str, dt.date]:
    """Person id -> date of the last contact, for persons not erased."""
    with store.read() as s:
        # Without any consultation or event, the day the person was recorded counts.
        created: dict[str, dt.date] = {
            pid: at.date()
            for pid, at in s.execute(
                select(Person.id, Person.created_at).where(
                    Person.erased_at.is_(None), Person.deleted.is_(False)
                )
            )
        }
        out: dict[str, dt.date] = {}
        queries = [
            select(Consultation.person_id, func.max(Consultation.date)).group_by(
                Consultation.person_id
            ),
            select(ConsultationParticipant.person_id, func.max(Consultation.date))
            .join(Consultation, Consultation.id == ConsultationParticipant.consultation_id)
            .group_by(ConsultationParticipant.person_id),
            select(Participation.person_id, func.max(Event.start_date))
            .join(Event, Event.id == Participation.event_id)
            .group_by(Participation.person_id),
        ]
        for query in queries:
            for pid, day in s.execute(query):
                if pid in created and day is not None and day > out.get(pid, dt.date.min):
                    out[pid] = day
    return {pid: out.get(pid, day) for pid, day in created.items()}


def due_for_review(store: Store, today: dt.date | None = None) -> list[Due]:
    today = today or dt.date.today()
    contacts = last_contacts(store)
    with store.read() as s:
        names = {
            p.id: " ".join(x for x in (p.first_name, p.last_name) if x)
            for p in s.scalars(select(Person).where(Person.id.in_(list(contacts))))
        }
    out = []
    for pid, last in contacts.items():
        review = review_date(store, last, pid)
        if review <= today:
            out.append(Due(pid, names.get(pid, ""), last, review))
    return sorted(out, key=lambda d: (d.review_on, d.name))


def extend(store: Store, person_id: str, until: dt.date) -> None:
    """Keep the person until ``until`` (logged)."""
    permissions.require(store, roles.REVIEW_RETENTION)
    if until <= dt.date.today():
        raise UserError(t("Please choose a date in the future."))
    extended = dict(store.get_setting(EXTENDED_SETTING, {}) or {})  # type: ignore[call-overload]
    extended[person_id] = until.isoformat()
    store.set_setting(EXTENDED_SETTING, extended)
    with store.write() as s:
        s.add(
            AuditEntry(
                user_id=store.actor.user_id,
                at=utcnow(),
                action="update",
                entity="person",
                entity_id=person_id,
                detail=f"retention extended until {until.isoformat()}",
            )
        )


def erase(store: Store, person_id: str) -> None:
    """Erase from the review list (the erasure itself writes the audit entry)."""
    permissions.require(store, roles.REVIEW_RETENTION)
    permissions.require(store, roles.ERASE_PERSON)
    privacy.erase_person(store, person_id)
