"""Organisations: create, edit, delete, and the running in-depth hours against the 80 h cap."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from zz_desktop.domain.sme import classify_sme_band
from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS, validate_organisation
from zz_desktop.services import records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, Organisation


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
