"""Typed projections for aggregates, kept up to date in the same transaction as each row change.

Only codes and dates are copied (no names, ids of persons, or free text leave ``sync_row``), so
that aggregates are plain indexed GROUP BYs and never parse JSON at query time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select, update

from zz_hub import codelists
from zz_hub.models import (
    AggConsultation,
    AggConsultationGender,
    AggConsultationPerson,
    AggConsultationTopic,
    AggPerson,
    Centre,
    SyncRow,
)
from zz_hub.tenancy import CentreScope

UNKNOWN = codelists.UNKNOWN


def row_changed(scope: CentreScope, row: SyncRow) -> None:
    handler = _HANDLERS.get(row.entity)
    if handler is not None:
        handler(scope, row)


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) and value else UNKNOWN


def _parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _org_dims(scope: CentreScope, org_id: Any) -> dict[str, str]:
    org = scope.get("organisation", org_id) if isinstance(org_id, str) else None
    values = org.fields if org is not None else {}
    land = codelists.land_of_ags(values.get("ags"))
    if land is None:
        centre = scope.session.get(Centre, scope.centre_id)
        land = centre.state if centre is not None else UNKNOWN
    return {
        "land": land,
        "sector_section": codelists.sector_section(
            values.get("sector_code"), values.get("sector_version")
        ),
        "sme_class": _text(values.get("sme_class"), 10),
    }


def _consultation(scope: CentreScope, row: SyncRow) -> None:
    session, centre, cid = scope.session, scope.centre_id, row.entity_id
    for model in (AggConsultation, AggConsultationTopic, AggConsultationGender):
        session.execute(
            delete(model).where(model.centre_id == centre, model.consultation_id == cid)
        )
    session.execute(
        delete(AggConsultationPerson).where(
            AggConsultationPerson.centre_id == centre,
            AggConsultationPerson.consultation_id == cid,
            AggConsultationPerson.source == "main",
        )
    )
    if row.deleted:
        return
    values = row.fields
    day = _parse_date(values.get("date"))
    org_id = (
        values.get("organisation_id") if isinstance(values.get("organisation_id"), str) else None
    )
    session.add(
        AggConsultation(
            centre_id=centre,
            consultation_id=cid,
            date=day,
            quarter=f"{day.year}-Q{(day.month - 1) // 3 + 1}" if day else UNKNOWN,
            mode=_text(values.get("mode"), 12),
            kind=_text(values.get("kind"), 12),
            organisation_id=org_id,
            **_org_dims(scope, org_id),
        )
    )
    topics = values.get("topics")
    for topic in sorted(
        {t for t in topics if isinstance(t, str)} if isinstance(topics, list) else ()
    ):
        session.add(AggConsultationTopic(centre_id=centre, consultation_id=cid, topic=topic[:64]))
    person_id = values.get("person_id")
    if isinstance(person_id, str):
        session.add(
            AggConsultationPerson(
                centre_id=centre, source="main", consultation_id=cid, person_id=person_id
            )
        )
    _recompute_genders(scope, {cid})


def _organisation(scope: CentreScope, row: SyncRow) -> None:
    scope.session.execute(
        update(AggConsultation)
        .where(
            AggConsultation.centre_id == scope.centre_id,
            AggConsultation.organisation_id == row.entity_id,
        )
        .values(**_org_dims(scope, row.entity_id))
    )


def _person(scope: CentreScope, row: SyncRow) -> None:
    session = scope.session
    gender = _text(row.fields.get("gender"), 12) if not row.deleted else UNKNOWN
    existing = session.get(AggPerson, (scope.centre_id, row.entity_id))
    if existing is not None and existing.gender == gender:
        return
    if existing is None:
        session.add(AggPerson(centre_id=scope.centre_id, person_id=row.entity_id, gender=gender))
    else:
        existing.gender = gender
    linked = session.scalars(
        select(AggConsultationPerson.consultation_id).where(
            AggConsultationPerson.centre_id == scope.centre_id,
            AggConsultationPerson.person_id == row.entity_id,
        )
    ).all()
    _recompute_genders(scope, set(linked))


def _participant(scope: CentreScope, row: SyncRow) -> None:
    session = scope.session
    link = AggConsultationPerson
    old = session.scalars(
        select(link.consultation_id).where(
            link.centre_id == scope.centre_id, link.source == row.entity_id
        )
    ).all()
    session.execute(
        delete(link).where(link.centre_id == scope.centre_id, link.source == row.entity_id)
    )
    affected = set(old)
    cid, pid = row.fields.get("consultation_id"), row.fields.get("person_id")
    if not row.deleted and isinstance(cid, str) and isinstance(pid, str):
        session.add(
            link(
                centre_id=scope.centre_id, source=row.entity_id, consultation_id=cid, person_id=pid
            )
        )
        affected.add(cid)
    _recompute_genders(scope, affected)


def _recompute_genders(scope: CentreScope, consultation_ids: set[str]) -> None:
    session, centre = scope.session, scope.centre_id
    link, person, gender = AggConsultationPerson, AggPerson, AggConsultationGender
    for cid in consultation_ids:
        session.execute(
            delete(gender).where(gender.centre_id == centre, gender.consultation_id == cid)
        )
        found = session.scalars(
            select(person.gender)
            .select_from(link)
            .join(
                person, (person.centre_id == link.centre_id) & (person.person_id == link.person_id)
            )
            .where(link.centre_id == centre, link.consultation_id == cid)
            .distinct()
        ).all()
        for value in sorted(set(found) - {UNKNOWN}):
            session.add(gender(centre_id=centre, consultation_id=cid, gender=value))


_HANDLERS = {
    "consultation": _consultation,
    "organisation": _organisation,
    "person": _person,
    "consultation_participant": _participant,
}
