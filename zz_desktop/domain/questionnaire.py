"""The ESF entry (Teil 1) and exit (Teil 2) questionnaires as values: which answers are mandatory,
when a questionnaire is complete, the age at entry, and the validation of one version.

Pure rules (no store): the service ``services.questionnaires`` records versions, the ESF queries
count them. A recorded version is never changed; a correction is a new version of the same series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from zz_desktop.domain import enums
from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
from zz_desktop.i18n import t

Errors = dict[str, str]

#: Mandatory answers of Teil 1: the situation at entry the common output indicators need.
ENTRY_MANDATORY: tuple[str, ...] = ("gender", "birth_year", "employment_status", "education")
#: Teil 2: the four common immediate result indicators (EECR01…EECR04), each answered yes or no.
EXIT_FIELDS: tuple[str, ...] = ("job_searching", "in_education", "qualification", "employed")
#: Every answer field of a questionnaire version (what a correction may change).
ENTRY_FIELDS: tuple[str, ...] = (*ENTRY_MANDATORY, *DISADVANTAGE_FIELDS)
ANSWER_FIELDS: tuple[str, ...] = (*ENTRY_FIELDS, *EXIT_FIELDS)
YES_NO = tuple(enums.YesNo)


def age_at_entry(birth_year: int | None, entry_date: dt.date) -> int | None:
    """Age at entry = year of the entry date − birth year.

    Only the birth year is recorded (data minimisation), so this is the age the person reaches in
    the year of entry: before their birthday in that year they are one year younger. The rule is
    the same for every person and every report, and it is stored with the questionnaire, so a
    later change of the birth year in the person record never changes a recorded entry."""
    if birth_year is None:
        return None
    return entry_date.year - birth_year


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_complete(part: str, values: Mapping[str, Any]) -> bool:
    """Complete = every mandatory answer is there (gender "not_stated" is an answer)."""
    fields = ENTRY_MANDATORY if part == enums.QuestionnairePart.ENTRY else EXIT_FIELDS
    return all(not _blank(values.get(f)) for f in fields)


def missing_answers(part: str, values: Mapping[str, Any]) -> list[str]:
    fields = ENTRY_MANDATORY if part == enums.QuestionnairePart.ENTRY else EXIT_FIELDS
    return [f for f in fields if _blank(values.get(f))]


def _enum(errors: Errors, values: Mapping[str, Any], field: str, allowed: tuple[str, ...]) -> None:
    value = values.get(field)
    if not _blank(value) and value not in allowed:
        errors[field] = t("'{value}' is not a valid choice.", value=value)


def validate_questionnaire(values: Mapping[str, Any], today: dt.date | None = None) -> Errors:
    """Errors of one questionnaire version ({field: message}); missing answers are not errors —
    they make the version incomplete (a draft is allowed and never counts)."""
    errors: Errors = {}
    today = today or dt.date.today()
    if _blank(values.get("person_id")):
        errors["person_id"] = t("Please choose a value.")
    part = values.get("part")
    if part not in tuple(enums.QuestionnairePart):
        errors["part"] = t("Please choose a value.")
    answered = values.get("answered_on")
    if not isinstance(answered, dt.date):
        errors["answered_on"] = t("Please enter a date.")
    elif answered > today:
        errors["answered_on"] = t("The date cannot lie in the future.")
    _enum(errors, values, "gender", tuple(enums.Gender))
    _enum(errors, values, "employment_status", tuple(enums.EmploymentStatus))
    _enum(errors, values, "education", tuple(enums.Education))
    for name in DISADVANTAGE_FIELDS:
        _enum(errors, values, name, tuple(enums.TriState))
    for name in EXIT_FIELDS:
        _enum(errors, values, name, YES_NO)
    year = values.get("birth_year")
    if year is not None:
        if not isinstance(year, int) or isinstance(year, bool):
            errors["birth_year"] = t("Please enter a year.")
        elif isinstance(answered, dt.date) and not (answered.year - 110 <= year <= answered.year):
            errors["birth_year"] = t("The birth year must lie before the entry date.")
    if part == enums.QuestionnairePart.EXIT:
        stray = [f for f in ENTRY_FIELDS if not _blank(values.get(f))]
        if stray:
            errors[stray[0]] = t("Part 2 records only the situation on leaving.")
    return errors
