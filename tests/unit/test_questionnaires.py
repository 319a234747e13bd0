"""ESF questionnaires as versioned records: the entry snapshot stays after an edit of the person,
a correction is a new version with an audit entry, "complete" means every mandatory answer,
disability only with explicit consent, the age at entry rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from zz_desktop.domain.questionnaire import age_at_entry, is_complete, missing_answers
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consents, persons, questionnaires
from zz_desktop.store.models import AuditEntry, Questionnaire

D = dt.date
ENTRY = {
    "gender": "female",
    "birth_year": 1990,
    "employment_status": "long_term_unemployed",
    "education": "isced_3_4",
    "rural_area": "yes",
    "minority": "no_answer",
}


def _person(store: Any, **values: Any) -> str:
    data = {"first_name": "Ida", "last_name": "Quelle", "employment_status": "employed"}
    return persons.create_person(store, data | values).id


def test_entry_snapshot_stays_after_the_person_is_edited(store: Any) -> None:
    pid = _person(store, birth_year=1990)
    row = questionnaires.record(store, pid, "entry", ENTRY, D(2026, 3, 2))
    assert row.complete and row.version == 1 and row.series_id == row.id
    assert row.age_at_entry == 36
    persons.update_person(store, pid, {"employment_status": "employed", "birth_year": 1970})
    again = questionnaires.current(store, pid, "entry")
    assert again is not None and again.id == row.id
    assert (again.employment_status, again.birth_year, again.age_at_entry) == (
        "long_term_unemployed",
        1990,
        36,
    )


def test_a_correction_is_a_new_version_and_the_old_one_stays(store: Any) -> None:
    pid = _person(store)
    first = questionnaires.record(store, pid, "entry", ENTRY, D(2026, 3, 2))
    second = questionnaires.correct(
        store, first.id, {"education": "isced_5_8"}, "Abschluss falsch notiert"
    )
    assert (second.version, second.series_id, second.education) == (2, first.id, "isced_5_8")
    assert second.correction_reason == "Abschluss falsch notiert"
    assert second.employment_status == "long_term_unemployed"  # carried over
    history = questionnaires.versions(store, pid, "entry")
    assert [(v.version, v.education) for v in history] == [(1, "isced_3_4"), (2, "isced_5_8")]
    assert questionnaires.current(store, pid, "entry").id == second.id  # type: ignore[union-attr]
    with store.read() as s:
        audits = s.scalars(select(AuditEntry).where(AuditEntry.entity == "questionnaire")).all()
        assert {a.entity_id for a in audits if a.action == "create"} == {first.id, second.id}
        assert not [a for a in audits if a.action == "update"]
    with pytest.raises(ValidationFailed) as err:
        questionnaires.correct(store, first.id, {"education": "isced_0_2"}, "alt")
    assert "version" in err.value.errors
    with pytest.raises(ValidationFailed) as err:
        questionnaires.correct(store, second.id, {}, "   ")
    assert "correction_reason" in err.value.errors
    with pytest.raises(ValidationFailed):
        questionnaires.correct(store, second.id, {"education": "isced_5_8"}, "nichts")


def test_entry_is_recorded_once_per_person(store: Any) -> None:
    pid = _person(store)
    questionnaires.record(store, pid, "entry", ENTRY, D(2026, 3, 2))
    with pytest.raises(ValidationFailed) as err:
        questionnaires.record(store, pid, "entry", ENTRY, D(2026, 4, 2))
    assert "part" in err.value.errors


def test_complete_means_every_mandatory_answer(store: Any) -> None:
    pid = _person(store)
    partial = {k: v for k, v in ENTRY.items() if k != "education"}
    row = questionnaires.record(store, pid, "entry", partial, D(2026, 3, 2))
    assert not row.complete
    assert missing_answers("entry", partial) == ["education"]
    fixed = questionnaires.correct(store, row.id, {"education": "isced_0_2"}, "nachgetragen")
    assert fixed.complete
    assert is_complete("exit", {"job_searching": "no", "in_education": "yes"}) is False
    exit_row = questionnaires.record(
        store,
        pid,
        "exit",
        {"job_searching": "no", "in_education": "yes", "qualification": "yes", "employed": "no"},
        D(2026, 6, 1),
    )
    assert exit_row.complete and exit_row.age_at_entry is None
    assert questionnaires.summary(store, pid) == {"entry": "complete", "exit": "complete"}


def test_invalid_answers_are_refused_with_the_field(store: Any) -> None:
    pid = _person(store)
    cases = [
        ({"employment_status": "retired"}, D(2026, 3, 2), "employment_status"),
        ({"homeless": "maybe"}, D(2026, 3, 2), "homeless"),
        ({"birth_year": 2030}, D(2026, 3, 2), "birth_year"),
        ({}, D(2999, 1, 1), "answered_on"),
    ]
    for answers, when, field in cases:
        with pytest.raises(ValidationFailed) as err:
            questionnaires.record(store, pid, "entry", answers, when)
        assert field in err.value.errors
    with pytest.raises(ValidationFailed) as err:
        questionnaires.record(store, pid, "exit", {"education": "isced_0_2"}, D(2026, 3, 2))
    assert "education" in err.value.errors
    with store.read() as s:
        assert s.scalars(select(Questionnaire)).all() == []


def test_disability_only_with_explicit_consent(store: Any) -> None:
    pid = _person(store)
    with pytest.raises(ValidationFailed) as err:
        questionnaires.record(store, pid, "entry", ENTRY | {"disability": "yes"}, D(2026, 3, 2))
    assert "disability" in err.value.errors
    # "keine Angabe" needs no consent.
    row = questionnaires.record(
        store, pid, "entry", ENTRY | {"disability": "no_answer"}, D(2026, 3, 2)
    )
    consents.give_consent(
        store, {"person_id": pid, "purpose": "special_category", "legal_basis": "art9_2a"}
    )
    fixed = questionnaires.correct(store, row.id, {"disability": "yes"}, "Einwilligung liegt vor")
    assert fixed.disability == "yes"


@pytest.mark.parametrize(
    ("birth_year", "age"), [(2008, 18), (1997, 29), (1996, 30), (1972, 54), (1971, 55)]
)
def test_age_at_entry_is_entry_year_minus_birth_year(birth_year: int, age: int) -> None:
    assert age_at_entry(birth_year, D(2026, 1, 15)) == age
    assert age_at_entry(birth_year, D(2026, 12, 31)) == age
    assert age_at_entry(None, D(2026, 1, 15)) is None


def test_suggestion_takes_the_person_record_but_not_the_default_gender(store: Any) -> None:
    pid = _person(store, birth_year=1985, education="isced_5_8")
    values = questionnaires.suggestion(store, pid)
    assert values["birth_year"] == 1985 and values["education"] == "isced_5_8"
    assert values["gender"] is None
