"""What the Beratungsprotokoll (consultation record) of one consultation shows, and the list of
consultations of a period to print one from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select

from zz_desktop.errors import NotFound
from zz_desktop.i18n import t
from zz_desktop.reports.queries.period import Period
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Affiliation,
    AppUser,
    Consultation,
    ConsultationParticipant,
    FollowUp,
    Organisation,
    Person,
)


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p) or "–"


@dataclass(frozen=True)
class ProtocolPerson:
    name: str
    role: str
    function_title: str


@dataclass(frozen=True)
class ActionItem:
    what: str
    who: str
    due: dt.date
    done: bool


@dataclass(frozen=True)
class ProtocolData:
    consultation: dict[str, Any]
    organisation: dict[str, Any] | None
    person: ProtocolPerson | None
    participants: list[ProtocolPerson]
    advisors: list[str]
    actions: list[ActionItem] = field(default_factory=list)


def protocol_data(store: Store, consultation_id: str) -> ProtocolData:
    """What the Beratungsprotokoll of one consultation shows (one read transaction)."""
    with store.read() as session:
        cons = session.get(Consultation, consultation_id)
        if cons is None or cons.deleted:
            raise NotFound(t("Record {id} was not found.", id=consultation_id))
        values = {c.key: getattr(cons, c.key) for c in Consultation.__table__.columns}
        org = session.get(Organisation, cons.organisation_id) if cons.organisation_id else None
        org_values = (
            {c.key: getattr(org, c.key) for c in Organisation.__table__.columns} if org else None
        )
        users = dict(session.execute(select(AppUser.id, AppUser.display_name)).all())
        # ``deleted`` is filtered in Python: with it in the WHERE clause SQLite picks the
        # (useless) index on ``deleted`` over the one on the consultation id — a table scan.
        linked = [
            pid
            for pid, gone in session.execute(
                select(ConsultationParticipant.person_id, ConsultationParticipant.deleted).where(
                    ConsultationParticipant.consultation_id == consultation_id
                )
            )
            if not gone
        ]
        ids = [cons.person_id, *linked] if cons.person_id else linked
        people = {
            p.id: p
            for p in session.scalars(select(Person).where(Person.id.in_(ids)))
            if not p.deleted
        }
        roles: dict[str, tuple[str, str]] = {}
        if org is not None and ids:
            for aff in session.scalars(
                select(Affiliation).where(
                    Affiliation.organisation_id == org.id, Affiliation.person_id.in_(ids)
                )
            ):
                if not aff.deleted:
                    roles[aff.person_id] = (aff.role, aff.function_title or "")
        followups = [
            fu
            for fu in session.scalars(
                select(FollowUp)
                .where(FollowUp.consultation_id == consultation_id)
                .order_by(FollowUp.due_date)
            )
            if not fu.deleted
        ]

    def person(pid: str) -> ProtocolPerson:
        p = people[pid]
        role, title = roles.get(pid, ("", ""))
        return ProtocolPerson(_person_name(p), role, title)

    main = person(cons.person_id) if cons.person_id in people else None
    participants = [
        person(pid) for pid in dict.fromkeys(linked) if pid in people and pid != cons.person_id
    ]
    return ProtocolData(
        consultation=values,
        organisation=org_values,
        person=main,
        participants=participants,
        advisors=[users.get(a, "") for a in cons.advisor_ids or [] if users.get(a)],
        actions=[
            ActionItem(
                fu.text, users.get(fu.owner_id or "", ""), fu.due_date, fu.done_at is not None
            )
            for fu in followups
        ],
    )


def consultations_in(
    store: Store, period: Period, limit: int = 500
) -> list[tuple[str, dt.date, str]]:
    """(id, date, title or organisation) of the period's consultations, newest first — for
    choosing a protocol to print."""
    with store.read() as session:
        rows = session.execute(
            select(Consultation.id, Consultation.date, Consultation.title, Organisation.name)
            .outerjoin(Organisation, Organisation.id == Consultation.organisation_id)
            .where(
                Consultation.deleted.is_(False),
                Consultation.date >= period.start,
                Consultation.date <= period.end,
                or_(Consultation.organisation_id.is_(None), Organisation.deleted.is_(False)),
            )
            .order_by(Consultation.date.desc())
            .limit(limit)
        ).all()
    return [(cid, date, name or title or "") for cid, date, title, name in rows]
