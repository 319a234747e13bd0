"""What the person page shows and changes: the header (name, consent state), master data with
the person's affiliations, the history (consultations, events attended, consents, follow-ups —
newest first) and the self-employed profile. One read per page load, so the GUI can run it on a
worker; each change is one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from zz_desktop.domain.enums import AffiliationRole
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import records
from zz_desktop.services.persons import PROFILE_FIELDS, profile_row
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Affiliation,
    Consent,
    Consultation,
    ConsultationParticipant,
    Event,
    FollowUp,
    Organisation,
    Participation,
    Person,
)

#: Order of entries on the same day: the work first, then what came of it.
_KIND_ORDER = {
    "consultation": 0,
    "event": 1,
    "followup": 2,
    "consent_given": 3,
    "consent_withdrawn": 4,
}


@dataclass(frozen=True)
class AffiliationRow:
    id: str
    organisation_id: str
    organisation: str
    role: str
    function_title: str | None


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the history. ``kind``: consultation, event, followup, consent_given,
    consent_withdrawn; ``code`` the consultation kind, event type or consent purpose (the GUI
    translates it); ``entity``/``record_id`` what a double click opens."""

    date: dt.date
    kind: str
    entity: str
    record_id: str
    title: str
    code: str | None = None
    detail: str = ""
    hours: float | None = None
    done: bool | None = None


@dataclass(frozen=True)
class PersonPageData:
    id: str
    name: str
    values: dict[str, Any]
    deleted: bool
    erased: bool
    #: Purposes of the consents in force (not withdrawn).
    consents: list[str]
    affiliations: list[AffiliationRow]
    history: list[HistoryEntry]
    profile: dict[str, Any] | None


def display_name(person: Person) -> str:
    return " ".join(x for x in (person.first_name, person.last_name) if x) or "?"


def load(store: Store, person_id: str) -> PersonPageData:
    """Everything the page shows, in one read (raises NotFound for an unknown id)."""
    with store.read() as session:
        person = records.get(session, Person, person_id, include_deleted=True)
        consents = sorted(
            set(
                session.scalars(
                    select(Consent.purpose).where(
                        Consent.person_id == person_id,
                        Consent.deleted.is_(False),
                        Consent.withdrawn_at.is_(None),
                    )
                )
            )
        )
        profile = profile_row(session, person_id)
        return PersonPageData(
            id=person.id,
            name=display_name(person),
            values=records.current_values(person),
            deleted=person.deleted,
            erased=person.erased_at is not None,
            consents=consents,
            affiliations=_affiliations(session, person_id),
            history=_history(session, person_id),
            profile={f: getattr(profile, f) for f in PROFILE_FIELDS} if profile else None,
        )


def _affiliations(session: Any, person_id: str) -> list[AffiliationRow]:
    rows = session.execute(
        select(
            Affiliation.id,
            Affiliation.organisation_id,
            Organisation.name,
            Affiliation.role,
            Affiliation.function_title,
        )
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(
            Affiliation.person_id == person_id,
            Affiliation.deleted.is_(False),
            Organisation.deleted.is_(False),
        )
        .order_by(Organisation.name)
    ).all()
    return [AffiliationRow(*r) for r in rows]


def _history(session: Any, person_id: str) -> list[HistoryEntry]:
    out: list[HistoryEntry] = []
    as_participant = select(ConsultationParticipant.consultation_id).where(
        ConsultationParticipant.person_id == person_id,
        ConsultationParticipant.deleted.is_(False),
    )
    consultations = session.execute(
        select(
            Consultation.id,
            Consultation.date,
            Consultation.title,
            Consultation.kind,
            Organisation.name,
        )
        .outerjoin(Organisation, Organisation.id == Consultation.organisation_id)
        .where(
            Consultation.deleted.is_(False),
            or_(Consultation.person_id == person_id, Consultation.id.in_(as_participant)),
        )
    ).all()
    for cid, date, title, kind, org in consultations:
        out.append(
            HistoryEntry(date, "consultation", "consultation", cid, title or "", kind, org or "")
        )
    ids = [c[0] for c in consultations]
    if ids:
        for _fid, cid, due, text, done_at in session.execute(
            select(
                FollowUp.id,
                FollowUp.consultation_id,
                FollowUp.due_date,
                FollowUp.text,
                FollowUp.done_at,
            ).where(FollowUp.deleted.is_(False), FollowUp.consultation_id.in_(ids))
        ):
            out.append(
                HistoryEntry(
                    due, "followup", "consultation", cid, text, None, "", None, done_at is not None
                )
            )
    for eid, start, title, kind, place, hours in session.execute(
        select(
            Event.id,
            Event.start_date,
            Event.title,
            Event.type,
            Event.place,
            Participation.attended_hours,
        )
        .join(Participation, Participation.event_id == Event.id)
        .where(
            Participation.person_id == person_id,
            Participation.deleted.is_(False),
            Event.deleted.is_(False),
        )
    ):
        out.append(HistoryEntry(start, "event", "event", eid, title, kind, place or "", hours))
    for c in session.scalars(
        select(Consent).where(Consent.person_id == person_id, Consent.deleted.is_(False))
    ):
        out.append(
            HistoryEntry(c.given_at, "consent_given", "consent", c.id, "", c.purpose, c.method)
        )
        if c.withdrawn_at is not None:
            out.append(
                HistoryEntry(c.withdrawn_at, "consent_withdrawn", "consent", c.id, "", c.purpose)
            )
    out.sort(key=lambda e: (-e.date.toordinal(), _KIND_ORDER[e.kind], e.title))
    return out


def add_affiliation(
    store: Store,
    person_id: str,
    organisation_id: str | None,
    role: str | None = AffiliationRole.EMPLOYEE.value,
    function_title: str | None = None,
) -> Affiliation:
    """Link the person to an organisation (one transaction). Messages name the field:
    ``organisation_id`` (none chosen, unknown, already linked) or ``role``."""
    errors: dict[str, str] = {}
    if not organisation_id:
        errors["organisation_id"] = t("Choose an organisation from the suggestions.")
    try:
        AffiliationRole(role or "")
    except ValueError:
        errors["role"] = t("Please choose a value.")
    if function_title is not None and len(function_title) > 120:
        errors["function_title"] = t("At most {n} characters.", n=120)
    if errors:
        raise ValidationFailed(errors)
    with store.write() as session:
        records.get(session, Person, person_id)
        org = session.get(Organisation, organisation_id)
        if org is None or org.deleted:
            raise ValidationFailed({"organisation_id": t("This organisation does not exist.")})
        linked = session.scalars(
            select(Affiliation.id).where(
                Affiliation.person_id == person_id,
                Affiliation.organisation_id == organisation_id,
                Affiliation.deleted.is_(False),
            )
        ).first()
        if linked:
            raise ValidationFailed(
                {"organisation_id": t("The person already belongs to this organisation.")}
            )
        aff = Affiliation(
            person_id=person_id,
            organisation_id=organisation_id,
            role=role,
            function_title=function_title or None,
        )
        session.add(aff)
        session.flush()
    return aff


def remove_affiliation(store: Store, affiliation_id: str) -> None:
    """End an affiliation (a soft delete: the link stays in the audit history)."""
    records.soft_delete(store, Affiliation, affiliation_id)
