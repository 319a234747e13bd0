"""Recording consultations: the consultation with its participants and follow-ups in one
transaction, edits, delete/undo, and the 80-hour warning for in-depth advice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zz_desktop.domain import ombuds
from zz_desktop.domain.validation import (
    IN_DEPTH_CAP_HOURS,
    validate_consultation,
    validate_followup,
)
from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.i18n import fmt_decimal, t
from zz_desktop.services import records
from zz_desktop.services.organisations import in_depth_hours
from zz_desktop.store.database import Store
from zz_desktop.store.ids import new_id as _new_id
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


def new_consultation_defaults(
    store: Store, organisation_id: str | None = None, person_id: str | None = None
) -> dict[str, Any]:
    """What a consultation recorded at a company visit (or for one person) starts with."""
    return {
        "date": dt.date.today(),
        "duration_min": 60,
        "mode": "on_site",
        "kind": "signposting",
        "status": "draft",
        "esf_counting": "entity" if organisation_id else "participant",
        "organisation_id": organisation_id,
        "person_id": person_id,
        "advisor_ids": [store.actor.user_id] if store.actor.user_id else [],
        "topics": [],
    }


def cap_warning(
    store: Store, data: Mapping[str, Any], consultation_id: str | None = None
) -> str | None:
    """A warning when this in-depth consultation takes the organisation over 80 hours."""
    org = data.get("organisation_id")
    if data.get("kind") != "in_depth" or not org or not isinstance(data.get("duration_min"), int):
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
    if values.get("kind") == ombuds.OMBUDS:
        values.setdefault("ombuds_state", ombuds.FIRST)
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


# -- the consultation form: one read to load it, one transaction to save it ----------------


@dataclass
class FormData:
    """What the consultation form shows for a saved consultation."""

    values: dict[str, Any]
    participant_ids: list[str]
    #: Saved follow-ups, read-only in the form: (due date, text, done).
    followups: list[tuple[dt.date, str, bool]]


def form_id() -> str:
    """An id the form chooses before saving (a new consultation, a new follow-up): a retried
    save whose answer was lost then updates the same rows instead of adding them twice."""
    return _new_id()


def load_form(store: Store, consultation_id: str) -> FormData:
    with store.read() as session:
        obj = records.get(session, Consultation, consultation_id)
        values = records.current_values(obj)
        parts = list(
            session.scalars(
                select(ConsultationParticipant.person_id).where(
                    ConsultationParticipant.consultation_id == consultation_id,
                    ConsultationParticipant.deleted.is_(False),
                )
            )
        )
        fus = session.scalars(
            select(FollowUp)
            .where(FollowUp.consultation_id == consultation_id, FollowUp.deleted.is_(False))
            .order_by(FollowUp.due_date)
        ).all()
        return FormData(values, parts, [(f.due_date, f.text, f.done_at is not None) for f in fus])


def validate_form(values: Mapping[str, Any], known: set[str]) -> dict[str, str]:
    """The stricter rules of the form on top of the record rules: a title and an advisor."""
    errors = validate_consultation(values, known)
    if isinstance(values.get("date"), str):
        errors["date"] = t("This is not a valid date (DD.MM.YYYY).")
    next_date = values.get("next_appointment")
    if next_date is not None and not isinstance(next_date, dt.date):
        errors["next_appointment"] = t("This is not a valid date (DD.MM.YYYY).")
    if not str(values.get("title") or "").strip():
        errors["title"] = t("Please enter a title.")
    if not values.get("advisor_ids"):
        errors["advisor_ids"] = t("Choose at least one advisor.")
    return errors


def save(
    store: Store,
    consultation_id: str | None,
    data: Mapping[str, Any],
    participant_ids: Sequence[str],
    new_followups: Sequence[Mapping[str, Any]] = (),
    draft: tuple[str, str] | None = None,
    new_id: str | None = None,
) -> SaveResult:
    """Save the form in ONE transaction: the consultation, the diff of its participants, the
    new follow-ups, the 80 h check and dropping the draft. A failure anywhere rolls all of it
    back. Follow-ups carry an ``id`` chosen by the form, so a retry after a lost answer does not
    add them twice; ``new_id`` does the same for a new consultation."""
    from zz_desktop.services import drafts

    values = dict(data)
    if "advisor_ids" in values:
        values["advisor_ids"] = list(dict.fromkeys(values["advisor_ids"] or []))
    for key in ("id", "server_seq", "created_at", "created_by", "centre_id", "updated_at"):
        values.pop(key, None)
    known = known_topics(store)
    errors: dict[str, str] = {}
    for i, fu in enumerate(new_followups):
        fu_errors = validate_followup({**fu, "consultation_id": "x"})
        errors |= {f"followups[{i}].{k}": v for k, v in fu_errors.items()}
    warnings: list[str] = []
    with store.write() as session:
        target = consultation_id or new_id
        obj = session.get(Consultation, target) if target else None
        if obj is not None and obj.deleted:
            raise NotFound(t("Record {id} was not found.", id=target))
        merged = (records.current_values(obj) if obj is not None else {}) | values
        errors = validate_form(merged, known) | errors
        errors |= _ombuds_errors(obj, merged, values)
        if errors:
            raise ValidationFailed(errors)
        if obj is None:
            obj = Consultation(**values, **({"id": new_id} if new_id else {}))
            session.add(obj)
        else:
            for key, value in values.items():
                if getattr(obj, key) != value:
                    setattr(obj, key, value)
        session.flush()
        cid = obj.id
        _set_participants(session, cid, participant_ids)
        org = merged.get("organisation_id")
        for fu in new_followups:
            if fu.get("id") and session.get(FollowUp, fu["id"]) is not None:
                continue  # already saved by an earlier attempt whose answer was lost
            session.add(
                FollowUp(
                    **({"id": fu["id"]} if fu.get("id") else {}),
                    consultation_id=cid,
                    organisation_id=org,
                    owner_id=fu.get("owner_id") or store.actor.user_id,
                    text=fu["text"],
                    due_date=fu["due_date"],
                )
            )
        session.flush()
        if merged.get("kind") == "in_depth" and org:
            minutes = session.scalar(
                select(func.coalesce(func.sum(Consultation.duration_min), 0)).where(
                    Consultation.organisation_id == org,
                    Consultation.kind == "in_depth",
                    Consultation.deleted.is_(False),
                )
            )
            hours = (minutes or 0) / 60
            if hours > IN_DEPTH_CAP_HOURS:
                warnings.append(
                    t(
                        "In-depth advice for this organisation would reach {hours} h, above the cap of {cap} h.",
                        hours=fmt_decimal(hours, 1),
                        cap=IN_DEPTH_CAP_HOURS,
                    )
                )
        if draft is not None:
            drafts.discard(session, *draft)
    return SaveResult(obj, warnings)


def _ombuds_errors(
    obj: Consultation | None, merged: dict[str, Any], values: dict[str, Any]
) -> dict[str, str]:
    """An ombuds case gets its first state when none is given; each change of state must be a
    step of the workflow (domain/ombuds.py). Other kinds carry none."""
    kind, old = merged.get("kind"), obj.ombuds_state if obj is not None else None
    if kind == ombuds.OMBUDS and not merged.get("ombuds_state"):
        merged["ombuds_state"] = values["ombuds_state"] = old or ombuds.FIRST
    elif kind != ombuds.OMBUDS and merged.get("ombuds_state") and "kind" in values:
        merged["ombuds_state"] = values["ombuds_state"] = None  # the kind was changed away
    new = merged.get("ombuds_state")
    message = ombuds.check(kind, old if kind == ombuds.OMBUDS else None, new)
    return {"ombuds_state": message} if message else {}


def _set_participants(session: Session, consultation_id: str, person_ids: Sequence[str]) -> None:
    wanted = set(person_ids)
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


# -- records to complete --------------------------------------------------------------------


@dataclass
class MissingAdvisor:
    id: str
    date: dt.date
    title: str
    organisation: str


def without_advisor(store: Store) -> list[MissingAdvisor]:
    """Consultations no advisor is recorded on, newest first, for the manager to complete."""
    from zz_desktop.store.models import Organisation

    with store.read() as session:
        rows = session.execute(
            select(
                Consultation.id,
                Consultation.date,
                Consultation.title,
                Organisation.name,
                Consultation.advisor_ids,
            )
            .outerjoin(Organisation, Organisation.id == Consultation.organisation_id)
            .where(Consultation.deleted.is_(False))
            .order_by(Consultation.date.desc())
        ).all()
        found = [
            MissingAdvisor(cid, date, title or "", org or "")
            for cid, date, title, org, advisors in rows
            if not advisors
        ]
        return found


def set_advisors(store: Store, consultation_id: str, advisor_ids: Sequence[str]) -> None:
    """Complete the advisors of a consultation (one transaction)."""
    if not advisor_ids:
        raise ValidationFailed({"advisor_ids": t("Choose at least one advisor.")})
    records.update(
        store,
        Consultation,
        consultation_id,
        {"advisor_ids": list(dict.fromkeys(advisor_ids))},
        None,
    )
