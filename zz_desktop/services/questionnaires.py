"""ESF questionnaires as records: record Teil 1 (entry) or Teil 2 (exit), correct a recorded
version, read the current versions and a version history.

A recorded version is never updated. :func:`correct` writes a new version of the same series
(``version + 1``, with the reason) and leaves the old one as it was, so the audit trail (written by
the change capture for every new row) and the version list together show who recorded what when.
Each person has at most one live series per part: the entry into the operation is recorded once.
The answers are copied into the questionnaire; later edits of the person record never reach it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zz_desktop.domain.enums import QuestionnairePart
from zz_desktop.domain.questionnaire import (
    ANSWER_FIELDS,
    ENTRY_FIELDS,
    EXIT_FIELDS,
    age_at_entry,
    is_complete,
    validate_questionnaire,
)
from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Participation, Person, Questionnaire

#: Answers whose recording needs the person's explicit consent (GDPR Art. 9).
SPECIAL_CATEGORY = ("disability",)


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (None if v == "" else v) for k, v in values.items() if k in ANSWER_FIELDS}


def _consent_errors(store: Store, person_id: str, answers: Mapping[str, Any]) -> dict[str, str]:
    from zz_desktop.services.consents import has_consent

    if all(answers.get(f) in (None, "no_answer") for f in SPECIAL_CATEGORY):
        return {}
    if has_consent(store, person_id, "special_category"):
        return {}
    return {
        "disability": t(
            "Disability may only be recorded with the person's explicit consent (GDPR Art. 9)."
        )
    }


def _derived(part: str, values: dict[str, Any]) -> dict[str, Any]:
    when = values["answered_on"]
    extra: dict[str, Any] = {"complete": is_complete(part, values)}
    if part == QuestionnairePart.ENTRY:
        extra["age_at_entry"] = age_at_entry(values.get("birth_year"), when)
    return extra


def _versions(session: Session, series_id: str) -> list[Questionnaire]:
    return list(
        session.scalars(
            select(Questionnaire)
            .where(Questionnaire.series_id == series_id, Questionnaire.deleted.is_(False))
            .order_by(Questionnaire.version)
        )
    )


def _series(session: Session, person_id: str, part: str) -> list[Questionnaire]:
    """The current version of the person's first series of ``part`` and its history, oldest
    first. A person has one series per part; after a merge of two persons both series stay,
    and the one with the earlier date is the person's entry (the other is kept, not counted)."""
    rows = session.scalars(
        select(Questionnaire).where(
            Questionnaire.person_id == person_id,
            Questionnaire.part == part,
            Questionnaire.deleted.is_(False),
        )
    ).all()
    firsts = sorted((r for r in rows if r.version == 1), key=lambda r: (r.answered_on, r.id))
    if not firsts:
        return []
    return _versions(session, firsts[0].series_id)


def _mark_participation(session: Session, participation_id: str | None, row: Questionnaire) -> None:
    """Keep the participation list's questionnaire column in step with the record."""
    if participation_id is None:
        return
    part = session.get(Participation, participation_id)
    if part is None:
        return
    column = "entry_questionnaire" if row.part == QuestionnairePart.ENTRY else "exit_questionnaire"
    flag = "complete" if row.complete else "incomplete"
    if getattr(part, column) != flag:
        setattr(part, column, flag)


def record(
    store: Store,
    person_id: str,
    part: str,
    answers: Mapping[str, Any],
    answered_on: dt.date,
    *,
    participation_id: str | None = None,
    consultation_id: str | None = None,
    today: dt.date | None = None,
) -> Questionnaire:
    """Record the first version of the person's Teil 1 or Teil 2 (one transaction)."""
    values = _clean(answers) | {
        "person_id": person_id,
        "part": part,
        "answered_on": answered_on,
    }
    errors = validate_questionnaire(values, today) | _consent_errors(store, person_id, values)
    if errors:
        raise ValidationFailed(errors)
    with store.write() as session:
        records.get(session, Person, person_id)
        if _series(session, person_id, part):
            raise ValidationFailed(
                {"part": t("This questionnaire is already recorded; correct it instead.")}
            )
        row = Questionnaire(
            **values,
            **_derived(part, values),
            version=1,
            participation_id=participation_id,
            consultation_id=consultation_id,
        )
        row.series_id = row.id
        session.add(row)
        _mark_participation(session, participation_id, row)
        session.flush()
    return row


def correct(
    store: Store,
    questionnaire_id: str,
    changes: Mapping[str, Any],
    reason: str,
    answered_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Questionnaire:
    """Write a corrected copy of the series' current version as its next version."""
    if not reason.strip():
        raise ValidationFailed({"correction_reason": t("Please say why it is corrected.")})
    with store.read() as session:
        old = records.get(session, Questionnaire, questionnaire_id)
        latest = _versions(session, old.series_id)[-1]
        if latest.id != old.id:
            raise ValidationFailed(
                {"version": t("A newer version exists; correct the current version.")}
            )
        base = {f: getattr(old, f) for f in ANSWER_FIELDS}
        meta: dict[str, Any] = {
            "person_id": old.person_id,
            "part": old.part,
            "series_id": old.series_id,
            "participation_id": old.participation_id,
            "consultation_id": old.consultation_id,
            "version": old.version + 1,
        }
    values = base | _clean(changes) | {"answered_on": answered_on or old.answered_on}
    values |= {"person_id": meta["person_id"], "part": meta["part"]}
    errors = validate_questionnaire(values, today) | _consent_errors(
        store, meta["person_id"], values
    )
    if errors:
        raise ValidationFailed(errors)
    if all(values[f] == base[f] for f in ANSWER_FIELDS) and values["answered_on"] == (
        old.answered_on
    ):
        raise ValidationFailed({"correction_reason": t("Nothing was changed.")})
    with store.write() as session:
        row = Questionnaire(
            **(values | meta),
            **_derived(meta["part"], values),
            correction_reason=reason.strip(),
        )
        session.add(row)
        _mark_participation(session, meta["participation_id"], row)
        session.flush()
    return row


def current(store: Store, person_id: str, part: str) -> Questionnaire | None:
    """The person's current (highest) version of Teil 1 or Teil 2, or None."""
    with store.read() as session:
        found = _series(session, person_id, part)
        return found[-1] if found else None


def versions(store: Store, person_id: str, part: str) -> list[Questionnaire]:
    """Every live version of the person's series, oldest first (the version history)."""
    with store.read() as session:
        return _series(session, person_id, part)


def get(store: Store, questionnaire_id: str) -> Questionnaire:
    with store.read() as session:
        return records.get(session, Questionnaire, questionnaire_id)


def suggestion(store: Store, person_id: str) -> dict[str, Any]:
    """Answers from the person record to start a new Teil 1 with; the advisor checks each of them
    with the person before saving (nothing is recorded without being entered in the form)."""
    with store.read() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFound(t("Record {id} was not found.", id=person_id))
        values = {f: getattr(person, f) for f in ENTRY_FIELDS}
    if values.get("gender") == "not_stated":
        # The person's default, not an answer anybody gave.
        values["gender"] = None
    return values


def summary(store: Store, person_id: str) -> dict[str, str]:
    """{part: "missing" | "incomplete" | "complete"} of the person's current versions."""
    with store.read() as session:
        return summaries(session, {person_id})[person_id]


def summaries(session: Session, person_ids: set[str]) -> dict[str, dict[str, str]]:
    """:func:`summary` of several persons inside the caller's read (a participant list)."""
    out: dict[str, dict[str, str]] = {}
    for person_id in person_ids:
        status: dict[str, str] = {}
        for part in QuestionnairePart:
            found = _series(session, person_id, part)
            row = found[-1] if found else None
            status[part.value] = (
                "missing" if row is None else ("complete" if row.complete else "incomplete")
            )
        out[person_id] = status
    return out


#: A questionnaire version as this service returns it (detached; read its attributes only).
QuestionnaireRecord = Questionnaire

__all__ = [
    "QuestionnaireRecord",
    "EXIT_FIELDS",
    "correct",
    "current",
    "get",
    "record",
    "suggestion",
    "summaries",
    "summary",
    "versions",
]
