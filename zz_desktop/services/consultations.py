"""Recording consultations: the consultation with its participants and follow-ups in one
transaction, edits, delete/undo, and the 80-hour warning for in-depth advice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.validation import (
    IN_DEPTH_CAP_HOURS,
    validate_consultation,
    validate_followup,
)
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import fmt_decimal, t
from zz_desktop.services import records
from zz_desktop.services.organisations import in_depth_hours
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, ConsultationParticipant, FollowUp, Topic


@dataclass
class SaveResult:
    consultation: Consultation
    warnings: list[str] = field(default_factory=list)


def known_topics(store: Store) -> set[str]:
    with store.read() as session:
        codes = set(session.scalars(select(Topic.code)))
    if not codes:
        from zz_desktop.domain import codelists

        codes = {tp.code for tp in codelists.topics()}
    return codes


def new_consultation_defaults(store: Store, organisation_id: str | None = None) -> dict[str, Any]:
    """What a consultation recorded at a company visit starts with."""
    return {
        "date": dt.date.today(),
        "duration_min": 60,
        "mode": "on_site",
        "kind": "signposting",
        "status": "draft",
        "esf_counting": "entity" if organisation_id else "participant",
        "organisation_id": organisation_id,
        "advisor_ids": [store.actor.user_id] if store.actor.user_id else [],
        "topics": [],
    }


def cap_warning(
    store: Store, data: Mapping[str, Any], consultation_id: str | None = None
) -> str | None:
    """A warning when this in-depth consultation takes the organisation over 80 hours."""
    org = data.get("organisation_id")
    if data.get("kind") != "in_depth" or not org:
        return None
    before = in_depth_hours(store, org, exclude_consultation=consultation_id)
    after = before + (data.get("duration_min") or 0) / 60
    if after > IN_DEPTH_CAP_HOURS:
        return t(
            "In-depth advice for this organisation would reach {hours} h, above the cap of {cap} h.",
            hours=fmt_decimal(after, 1),
            cap=IN_DEPTH_CAP_HOURS,
        )
    return None


def record_consultation(
    store: Store,
    data: Mapping[str, Any],
    participant_ids: Sequence[str] = (),
    followups: Sequence[Mapping[str, Any]] = (),
) -> SaveResult:
    """Create a consultation with its participants and follow-ups (one transaction)."""
    values = dict(data)
    errors = validate_consultation(values, known_topics(store))
    for i, fu in enumerate(followups):
        fu_errors = validate_followup(
            {**fu, "organisation_id": values.get("organisation_id") or "x"}
        )
        errors |= {f"followups[{i}].{k}": v for k, v in fu_errors.items()}
    if errors:
        raise ValidationFailed(errors)
    warning = cap_warning(store, values)
    with store.write() as session:
        consultation = Consultation(**values)
        session.add(consultation)
        session.flush()
        for pid in dict.fromkeys(participant_ids):
            session.add(ConsultationParticipant(consultation_id=consultation.id, person_id=pid))
        for fu in followups:
            session.add(
                FollowUp(
                    consultation_id=consultation.id,
                    organisation_id=values.get("organisation_id"),
                    owner_id=fu.get("owner_id") or store.actor.user_id,
                    text=fu["text"],
                    due_date=fu["due_date"],
                )
            )
    return SaveResult(consultation, [warning] if warning else [])


def update_consultation(
    store: Store,
    consultation_id: str,
    changes: Mapping[str, Any],
    participant_ids: Sequence[str] | None = None,
) -> SaveResult:
    topics = known_topics(store)
    merged_warning: list[str] = []
    with store.read() as session:
        current = records.get(session, Consultation, consultation_id)
        merged = records.current_values(current) | dict(changes)
    if warning := cap_warning(store, merged, consultation_id):
        merged_warning.append(warning)
    consultation = records.update(
        store, Consultation, consultation_id, changes, lambda d: validate_consultation(d, topics)
    )
    if participant_ids is not None:
        set_participants(store, consultation_id, participant_ids)
    return SaveResult(consultation, merged_warning)


def set_participants(store: Store, consultation_id: str, person_ids: Sequence[str]) -> None:
    wanted = set(person_ids)
    with store.write() as session:
        links = session.scalars(
            select(ConsultationParticipant).where(
                ConsultationParticipant.consultation_id == consultation_id
            )
        ).all()
        present = set()
        for link in links:
            if link.person_id in wanted:
                present.add(link.person_id)
                if link.deleted:
                    link.deleted = False
            elif not link.deleted:
                link.deleted = True
        for pid in person_ids:
            if pid not in present:
                session.add(ConsultationParticipant(consultation_id=consultation_id, person_id=pid))
                present.add(pid)


def participants(store: Store, consultation_id: str) -> list[str]:
    with store.read() as session:
        return list(
            session.scalars(
                select(ConsultationParticipant.person_id).where(
                    ConsultationParticipant.consultation_id == consultation_id,
                    ConsultationParticipant.deleted.is_(False),
                )
            )
        )


def delete_consultation(store: Store, consultation_id: str) -> None:
    records.soft_delete(store, Consultation, consultation_id)


def restore_consultation(store: Store, consultation_id: str) -> None:
    records.restore(store, Consultation, consultation_id)
