"""Organisations: create, edit, delete, the running in-depth hours against the 80 h cap, and
what the organisation page shows (one read: facts, WZ label, persons with their roles)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from zz_desktop.domain.sme import classify_sme_band
from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS, validate_organisation
from zz_desktop.services import records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Affiliation, Consultation, Organisation, Person


def _derive(data: dict[str, Any]) -> dict[str, Any]:
    employees = data.get("employees")
    if not isinstance(employees, int):  # bad input is reported by validation, not derived from
        employees = None
    cls = classify_sme_band(employees, data.get("turnover_band"))
    return {"sme_class": cls.value if cls else None}


def create_organisation(store: Store, data: Mapping[str, Any]) -> Organisation:
    values = dict(data)
    values.setdefault("sector_version", "WZ2025" if values.get("sector_code") else None)
    values |= _derive(values)
    return records.create(store, Organisation, values, validate_organisation)


def update_organisation(store: Store, org_id: str, changes: Mapping[str, Any]) -> Organisation:
    return records.update(store, Organisation, org_id, changes, validate_organisation, _derive)


def delete_organisation(store: Store, org_id: str) -> None:
    records.soft_delete(store, Organisation, org_id)


def restore_organisation(store: Store, org_id: str) -> None:
    records.restore(store, Organisation, org_id)


def in_depth_hours(store: Store, org_id: str, exclude_consultation: str | None = None) -> float:
    """Hours of in-depth advice the organisation has received in the programme so far."""
    with store.read() as session:
        query = select(func.coalesce(func.sum(Consultation.duration_min), 0)).where(
            Consultation.organisation_id == org_id,
            Consultation.kind == "in_depth",
            Consultation.deleted.is_(False),
        )
        if exclude_consultation:
            query = query.where(Consultation.id != exclude_consultation)
        minutes = session.scalar(query) or 0
    return round(minutes / 60, 2)


def in_depth_remaining(store: Store, org_id: str) -> float:
    return round(IN_DEPTH_CAP_HOURS - in_depth_hours(store, org_id), 2)


@dataclass(frozen=True)
class OrgPerson:
    id: str
    name: str
    role: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class OrgPageData:
    id: str
    name: str
    values: dict[str, Any]
    deleted: bool
    address: str
    kreis: str | None
    #: Title of the sector code in the organisation's WZ version, ``None`` if not in the list.
    sector_label: str | None
    persons: list[OrgPerson]
    in_depth_hours: float


def load_page(store: Store, org_id: str, lang: str = "de") -> OrgPageData:
    """What the organisation page shows, in one read (NotFound for an unknown id)."""
    from zz_desktop.domain import codelists

    with store.read() as session:
        org = records.get(session, Organisation, org_id, include_deleted=True)
        people = session.execute(
            select(
                Person.id,
                Person.last_name,
                Person.first_name,
                Affiliation.role,
                Person.email,
                Person.phone,
            )
            .join(Affiliation, Affiliation.person_id == Person.id)
            .where(
                Affiliation.organisation_id == org_id,
                Affiliation.deleted.is_(False),
                Person.deleted.is_(False),
            )
            .order_by(Person.last_name, Person.first_name)
        ).all()
        values = records.current_values(org)
    kreis = codelists.kreis_for_ags(org.ags) if org.ags else None
    town = " ".join(x for x in (org.postcode, org.city) if x)
    return OrgPageData(
        id=org.id,
        name=org.name,
        values=values,
        deleted=org.deleted,
        address=", ".join(p for p in (org.street, town) if p),
        kreis=(kreis.name if kreis else org.ags[:5]) if org.ags else None,
        sector_label=codelists.wz_label(org.sector_code, org.sector_version, lang),
        persons=[
            OrgPerson(pid, ", ".join(x for x in (last, first) if x), role, email, phone)
            for pid, last, first, role, email, phone in people
        ],
        in_depth_hours=in_depth_hours(store, org_id),
    )


def is_live(store: Store, org_id: str) -> bool:
    """Whether the organisation exists and is not deleted (the page closes otherwise)."""
    with store.read() as session:
        org = session.get(Organisation, org_id)
        return org is not None and not org.deleted
