"""Validation rules with clear messages (German/English via :func:`zz_desktop.i18n.t`).

Each ``validate_*`` takes the field values of one record (as the UI, the CLI or an import
delivers them) and returns ``{field: message}``; an empty dict means valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from zz_desktop.domain import codelists, enums
from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
from zz_desktop.i18n import t

Errors = dict[str, str]

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
POSTCODE_RE = re.compile(r"^\d{5}$")
AGS_RE = re.compile(r"^\d{8}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
IN_DEPTH_CAP_HOURS = 80


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_enum(
    errors: Errors, data: Mapping[str, Any], field: str, enum: type, required: bool = False
) -> None:
    value = data.get(field)
    if _blank(value):
        if required:
            errors[field] = t("Please choose a value.")
        return
    try:
        enum(value)
    except ValueError:
        errors[field] = t("'{value}' is not a valid choice.", value=value)


def check_email(value: Any) -> str | None:
    if _blank(value):
        return None
    if not EMAIL_RE.match(str(value).strip()):
        return t("This is not a valid e-mail address.")
    return None


# Only digits and the usual separators. Length is not judged here: a short extension such as
# "12" is kept (the importer warns about numbers it cannot normalise).
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()/.\-]{0,30}$")
WEBSITE_RE = re.compile(r"^(https?://)?[^\s/@]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)


def check_phone(value: Any) -> str | None:
    """Digits with the usual separators; "abc" is not a phone number."""
    if _blank(value):
        return None
    text = str(value).strip()
    if not PHONE_RE.match(text):
        return t("This is not a valid phone number.")
    return None


def check_website(value: Any) -> str | None:
    """A host name with a dot and no spaces ("mueller soehne.de" is a typo, not an address)."""
    if _blank(value):
        return None
    if not WEBSITE_RE.match(str(value).strip()):
        return t("This is not a valid web address.")
    return None


def check_postcode(value: Any) -> str | None:
    if _blank(value):
        return None
    if not POSTCODE_RE.match(str(value).strip()):
        return t("A German postcode has five digits.")
    return None


def _check_sector(errors: Errors, data: Mapping[str, Any]) -> None:
    """A WZ code of the named version (WZ 2025 unless said otherwise)."""
    code, version = data.get("sector_code"), data.get("sector_version") or "WZ2025"
    if _blank(code):
        return
    if version not in ("WZ2025", "WZ2008"):
        errors["sector_version"] = t("Unknown classification version.")
    elif codelists.wz_code(version, str(code)) is None:  # type: ignore[arg-type]
        errors["sector_code"] = t(
            "'{code}' is not a code of the {version}.", code=code, version=version
        )


def validate_organisation(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("name")):
        errors["name"] = t("The name is required.")
    if msg := check_email(data.get("email")):
        errors["email"] = msg
    if msg := check_postcode(data.get("postcode")):
        errors["postcode"] = msg
    if msg := check_phone(data.get("phone")):
        errors["phone"] = msg
    if msg := check_website(data.get("website")):
        errors["website"] = msg
    ags = data.get("ags")
    if not _blank(ags):
        if not AGS_RE.match(str(ags)):
            errors["ags"] = t("The municipality key (AGS) has eight digits.")
        elif codelists.land_for_ags(str(ags)) is None:
            errors["ags"] = t("The municipality key (AGS) names no German Land.")
        elif (
            not _blank(data.get("postcode"))
            and "postcode" not in errors
            and (lands := codelists.lands_for_postcode(str(data["postcode"])))
            and str(ags)[:2] not in lands
        ):
            errors["postcode"] = t("The postcode does not lie in the Land of the municipality key.")
    employees = data.get("employees")
    if employees is not None and (not isinstance(employees, int) or employees < 0):
        errors["employees"] = t("The number of employees must be a whole number of 0 or more.")
    _check_enum(errors, data, "turnover_band", enums.TurnoverBand)
    _check_enum(errors, data, "source", enums.ContactSource)
    _check_sector(errors, data)
    return errors


def validate_person(data: Mapping[str, Any], today: dt.date | None = None) -> Errors:
    errors: Errors = {}
    if _blank(data.get("last_name")) and _blank(data.get("first_name")):
        errors["last_name"] = t("Please enter at least a first or a last name.")
    if msg := check_email(data.get("email")):
        errors["email"] = msg
    if msg := check_postcode(data.get("postcode")):
        errors["postcode"] = msg
    for key in ("phone", "mobile"):
        if msg := check_phone(data.get(key)):
            errors[key] = msg
    year = data.get("birth_year")
    this_year = (today or dt.date.today()).year
    if year is not None and (
        not isinstance(year, int) or not this_year - 110 <= year <= this_year - 14
    ):
        errors["birth_year"] = t(
            "The birth year must lie between {low} and {high}.",
            low=this_year - 110,
            high=this_year - 14,
        )
    _check_enum(errors, data, "gender", enums.Gender)
    _check_enum(errors, data, "employment_status", enums.EmploymentStatus)
    _check_enum(errors, data, "education", enums.Education)
    for flag in DISADVANTAGE_FIELDS:
        _check_enum(errors, data, flag, enums.TriState)
    return errors


def validate_consultation(data: Mapping[str, Any], known_topics: set[str] | None = None) -> Errors:
    errors: Errors = {}
    date = data.get("date")
    if not isinstance(date, dt.date):
        errors["date"] = t("Please enter a date.")
    elif date > dt.date.today() + dt.timedelta(days=366):
        errors["date"] = t("The date lies more than a year in the future.")
    start = data.get("start_time")
    if not _blank(start) and not TIME_RE.match(str(start)):
        errors["start_time"] = t("Enter the time as HH:MM.")
    duration = data.get("duration_min")
    if not isinstance(duration, int) or not 1 <= duration <= 24 * 60:
        errors["duration_min"] = t("The duration must be between 1 and 1440 minutes.")
    _check_enum(errors, data, "mode", enums.ConsultationMode, required=True)
    _check_enum(errors, data, "kind", enums.ConsultationKind, required=True)
    _check_enum(errors, data, "status", enums.ConsultationStatus)
    _check_enum(errors, data, "esf_counting", enums.EsfCounting)
    _check_enum(errors, data, "ombuds_state", enums.OmbudsState)
    if _blank(data.get("organisation_id")) and _blank(data.get("person_id")):
        errors["organisation_id"] = t("Choose the organisation or the person who was advised.")
    topics = data.get("topics") or []
    if known_topics is not None:
        unknown = [x for x in topics if x not in known_topics]
        if unknown:
            errors["topics"] = t("Unknown topics: {topics}", topics=", ".join(unknown))
    return errors


def validate_followup(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("text")):
        errors["text"] = t("Please describe what is to be done.")
    if not isinstance(data.get("due_date"), dt.date):
        errors["due_date"] = t("Please enter a due date.")
    if _blank(data.get("consultation_id")) and _blank(data.get("organisation_id")):
        errors["organisation_id"] = t("A follow-up belongs to a consultation or an organisation.")
    return errors


def validate_event(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("title")):
        errors["title"] = t("The title is required.")
    start, end = data.get("start_date"), data.get("end_date")
    if not isinstance(start, dt.date):
        errors["start_date"] = t("Please enter a date.")
    elif isinstance(end, dt.date) and end < start:
        errors["end_date"] = t("The end lies before the start.")
    hours = data.get("hours")
    if hours is not None and not _hours_ok(hours):
        errors["hours"] = t("The hours must be a number between 0 and {high}.", high=MAX_HOURS)
    _check_enum(errors, data, "type", enums.EventType, required=True)
    topics = data.get("topics") or []
    if not isinstance(topics, list | tuple) or not all(isinstance(x, str) for x in topics):
        errors["topics"] = t("Unknown topics: {topics}", topics=str(topics))
    elif unknown := [x for x in topics if codelists.topic(x) is None]:
        errors["topics"] = t("Unknown topics: {topics}", topics=", ".join(unknown))
    return errors


#: Upper bound of any hours figure (the wire schema's range for event and attendance hours).
MAX_HOURS = 10_000


def _hours_ok(value: Any) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= MAX_HOURS
    )


def validate_participation(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    for field in ("event_id", "person_id"):
        if _blank(data.get(field)):
            errors[field] = t("Please choose a value.")
    attended = data.get("attended_hours")
    if attended is not None and not _hours_ok(attended):
        errors["attended_hours"] = t(
            "The hours must be a number between 0 and {high}.", high=MAX_HOURS
        )
    _check_enum(errors, data, "entry_questionnaire", enums.QuestionnaireStatus)
    _check_enum(errors, data, "exit_questionnaire", enums.QuestionnaireStatus)
    return errors


def validate_consent(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("person_id")):
        errors["person_id"] = t("Please choose a value.")
    _check_enum(errors, data, "purpose", enums.ConsentPurpose, required=True)
    _check_enum(errors, data, "legal_basis", enums.LegalBasis)
    _check_enum(errors, data, "method", enums.ConsentMethod)
    given = data.get("given_at")
    if not isinstance(given, dt.date):
        errors["given_at"] = t("Please enter a date.")
    withdrawn = data.get("withdrawn_at")
    if isinstance(withdrawn, dt.date) and isinstance(given, dt.date) and withdrawn < given:
        errors["withdrawn_at"] = t("A consent cannot be withdrawn before it was given.")
    return errors


def _tristate_bool(errors: Errors, data: Mapping[str, Any], field: str) -> None:
    value = data.get(field)
    if value is not None and not isinstance(value, bool):
        errors[field] = t("'{value}' is not a valid choice.", value=value)


def validate_selfemployed_profile(data: Mapping[str, Any], today: dt.date | None = None) -> Errors:
    """The self-employed profile (Haus der Selbstständigen): fees, social security, platform
    work, interest-group membership. Every field is optional; what is given must be valid."""
    errors: Errors = {}
    if _blank(data.get("person_id")):
        errors["person_id"] = t("Please choose a value.")
    occupation = data.get("occupation")
    if occupation is not None and len(str(occupation)) > 200:
        errors["occupation"] = t("At most {n} characters.", n=200)
    year = data.get("since_year")
    this_year = (today or dt.date.today()).year
    if year is not None and (
        not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= this_year
    ):
        errors["since_year"] = t(
            "The year must lie between {low} and {high}.", low=1900, high=this_year
        )
    _check_enum(errors, data, "fee_basis", enums.FeeBasis)
    _check_enum(errors, data, "fee_band", enums.FeeBand)
    _check_enum(errors, data, "health_insurance", enums.HealthInsurance)
    _check_enum(errors, data, "pension", enums.PensionProvision)
    for flag in ("platform_work", "unemployment_insurance", "interest_group_member"):
        _tristate_bool(errors, data, flag)
    _check_sector(errors, data)
    return errors
