"""Translated labels of the codes the data model stores (modes, kinds, statuses …) and of the
list columns, plus locale-aware formatting of dates and numbers for display."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from zz_desktop.i18n import get_language


def enum_labels(kind: str) -> dict[str, str]:
    """Code → label of one code list, in the order choices are offered."""
    return _tables(get_language())[kind]


@cache
def _tables(_lang: str) -> dict[str, dict[str, str]]:
    # Cached per language: list cells ask for labels thousands of times per second.
    tables: dict[str, dict[str, str]] = {
        "mode": {
            "on_site": QCoreApplication.translate("Labels", "On site"),
            "at_centre": QCoreApplication.translate("Labels", "At the centre"),
            "phone": QCoreApplication.translate("Labels", "Phone"),
            "video": QCoreApplication.translate("Labels", "Video"),
        },
        "kind": {
            "signposting": QCoreApplication.translate("Labels", "Signposting"),
            "in_depth": QCoreApplication.translate("Labels", "In-depth"),
            "follow_up": QCoreApplication.translate("Labels", "Follow-up advice"),
            "ombuds": QCoreApplication.translate("Labels", "Ombuds case"),
        },
        "status": {
            "draft": QCoreApplication.translate("Labels", "Draft"),
            "final": QCoreApplication.translate("Labels", "Final"),
            "signed": QCoreApplication.translate("Labels", "Signed"),
        },
        "esf_counting": {
            "entity": QCoreApplication.translate("Labels", "Enterprise (EECO19)"),
            "participant": QCoreApplication.translate("Labels", "Participant"),
        },
        "sme_class": {
            "micro": QCoreApplication.translate("Labels", "Micro"),
            "small": QCoreApplication.translate("Labels", "Small"),
            "medium": QCoreApplication.translate("Labels", "Medium-sized"),
            "large": QCoreApplication.translate("Labels", "Large"),
        },
        "gender": {
            "female": QCoreApplication.translate("Labels", "Female"),
            "male": QCoreApplication.translate("Labels", "Male"),
            "non_binary": QCoreApplication.translate("Labels", "Non-binary"),
            "not_stated": QCoreApplication.translate("Labels", "Not stated"),
        },
        "employment_status": {
            "employed": QCoreApplication.translate("Labels", "Employed"),
            "self_employed": QCoreApplication.translate("Labels", "Self-employed"),
            "unemployed": QCoreApplication.translate("Labels", "Unemployed"),
            "long_term_unemployed": QCoreApplication.translate("Labels", "Long-term unemployed"),
            "inactive": QCoreApplication.translate("Labels", "Inactive"),
        },
        "education": {
            "isced_0_2": QCoreApplication.translate("Labels", "ISCED 0–2"),
            "isced_3_4": QCoreApplication.translate("Labels", "ISCED 3–4"),
            "isced_5_8": QCoreApplication.translate("Labels", "ISCED 5–8"),
        },
        "turnover_band": {
            "le_2m": QCoreApplication.translate("Labels", "up to €2 m"),
            "le_10m": QCoreApplication.translate("Labels", "up to €10 m"),
            "le_50m": QCoreApplication.translate("Labels", "up to €50 m"),
            "gt_50m": QCoreApplication.translate("Labels", "above €50 m"),
        },
        "source": {
            "event": QCoreApplication.translate("Labels", "Event"),
            "partner_referral": QCoreApplication.translate("Labels", "Referral by a partner"),
            "own_initiative": QCoreApplication.translate("Labels", "Own initiative"),
            "other": QCoreApplication.translate("Labels", "Other"),
        },
        "type": {
            "workshop": QCoreApplication.translate("Labels", "Workshop"),
            "seminar": QCoreApplication.translate("Labels", "Seminar"),
            "qualification": QCoreApplication.translate("Labels", "Qualification"),
            "experimentation_lab": QCoreApplication.translate("Labels", "Experimentation lab"),
            "information_event": QCoreApplication.translate("Labels", "Information event"),
            "network_meeting": QCoreApplication.translate("Labels", "Network meeting"),
        },
        "questionnaire": {
            "missing": QCoreApplication.translate("Labels", "Missing"),
            "incomplete": QCoreApplication.translate("Labels", "Incomplete"),
            "complete": QCoreApplication.translate("Labels", "Complete"),
        },
        "role": {
            "management": QCoreApplication.translate("Labels", "Management"),
            "works_council": QCoreApplication.translate("Labels", "Works council"),
            "employee": QCoreApplication.translate("Labels", "Employee"),
            "other": QCoreApplication.translate("Labels", "Other"),
        },
        "fee_basis": {
            "hourly": QCoreApplication.translate("Labels", "Hourly rate"),
            "daily": QCoreApplication.translate("Labels", "Daily rate"),
            "project": QCoreApplication.translate("Labels", "Per project"),
            "per_piece": QCoreApplication.translate("Labels", "Per piece"),
        },
        "fee_band": {
            "lt_250": QCoreApplication.translate("Labels", "below €250 a day"),
            "250_500": QCoreApplication.translate("Labels", "€250–500 a day"),
            "500_800": QCoreApplication.translate("Labels", "€500–800 a day"),
            "gt_800": QCoreApplication.translate("Labels", "above €800 a day"),
        },
        "health_insurance": {
            "statutory": QCoreApplication.translate("Labels", "Statutory"),
            "private": QCoreApplication.translate("Labels", "Private"),
            "artists_fund": QCoreApplication.translate("Labels", "Artists' social fund (KSK)"),
            "none": QCoreApplication.translate("Labels", "None"),
        },
        "pension": {
            "statutory": QCoreApplication.translate("Labels", "Statutory pension insurance"),
            "private": QCoreApplication.translate("Labels", "Private provision only"),
            "none": QCoreApplication.translate("Labels", "None"),
        },
        "consent_purpose": {
            "contact_data": QCoreApplication.translate("Labels", "Contact data"),
            "esf_monitoring": QCoreApplication.translate("Labels", "ESF monitoring"),
            "newsletter": QCoreApplication.translate("Labels", "Newsletter"),
            "photos": QCoreApplication.translate("Labels", "Photos"),
            "special_category": QCoreApplication.translate("Labels", "Special categories (Art. 9)"),
        },
        "action": {
            "create": QCoreApplication.translate("Labels", "Created"),
            "update": QCoreApplication.translate("Labels", "Changed"),
            "delete": QCoreApplication.translate("Labels", "Deleted"),
            "restore": QCoreApplication.translate("Labels", "Restored"),
            "erase": QCoreApplication.translate("Labels", "Erased"),
            "export": QCoreApplication.translate("Labels", "Exported"),
            "print": QCoreApplication.translate("Labels", "Printed"),
            "merge": QCoreApplication.translate("Labels", "Merged"),
        },
        "partner_type": {
            "chamber": QCoreApplication.translate("Labels", "Chamber"),
            "mittelstand_digital": QCoreApplication.translate(
                "Labels", "Mittelstand-Digital centre"
            ),
            "employment_agency": QCoreApplication.translate(
                "Labels", "Employment agency programme"
            ),
            "funding_bank": QCoreApplication.translate("Labels", "Funding bank"),
            "union": QCoreApplication.translate("Labels", "Union"),
            "selfemployed_assoc": QCoreApplication.translate(
                "Labels", "Association of the self-employed"
            ),
            "ombuds_office": QCoreApplication.translate("Labels", "Ombuds office"),
            "other": QCoreApplication.translate("Labels", "Other partner"),
        },
        "referral_outcome": {
            "unknown": QCoreApplication.translate("Labels", "Outcome unknown"),
            "taken_up": QCoreApplication.translate("Labels", "Taken up"),
            "not_taken_up": QCoreApplication.translate("Labels", "Not taken up"),
        },
        "ombuds_state": {
            "received": QCoreApplication.translate("Labels", "Received"),
            "in_clarification": QCoreApplication.translate("Labels", "In clarification"),
            "mediated": QCoreApplication.translate("Labels", "Mediated"),
            "closed": QCoreApplication.translate("Labels", "Closed"),
        },
        "knowledge_kind": {
            "article": QCoreApplication.translate("Labels", "Article"),
            "checklist": QCoreApplication.translate("Labels", "Checklist"),
            "template": QCoreApplication.translate("Labels", "Template"),
            "file": QCoreApplication.translate("Labels", "File"),
            "link": QCoreApplication.translate("Labels", "Link"),
            "good_practice": QCoreApplication.translate("Labels", "Good practice"),
        },
        "target_group": {
            "sme": QCoreApplication.translate("Labels", "SMEs"),
            "employees": QCoreApplication.translate("Labels", "Employees"),
            "solo_self_employed": QCoreApplication.translate("Labels", "Solo self-employed"),
        },
        "review_state": {
            "draft": QCoreApplication.translate("Labels", "Draft"),
            "proposed": QCoreApplication.translate("Labels", "Proposed for review"),
            "published": QCoreApplication.translate("Labels", "Published"),
            "withdrawn": QCoreApplication.translate("Labels", "Withdrawn"),
        },
    }
    return tables


def enum_label(kind: str, code: str | None) -> str:
    if code is None:
        return ""
    return enum_labels(kind).get(code, code)


def column_titles() -> dict[str, str]:
    """Headers of the list columns (keys of ``services.listing.SPECS``)."""
    return {
        "name": QCoreApplication.translate("Labels", "Name"),
        "city": QCoreApplication.translate("Labels", "City"),
        "postcode": QCoreApplication.translate("Labels", "Postcode"),
        "kreis": QCoreApplication.translate("Labels", "Kreis"),
        "sme_class": QCoreApplication.translate("Labels", "SME class"),
        "employees": QCoreApplication.translate("Labels", "Employees"),
        "sector_code": QCoreApplication.translate("Labels", "Sector (WZ)"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "consultations": QCoreApplication.translate("Labels", "Consultations"),
        "last_name": QCoreApplication.translate("Labels", "Last name"),
        "first_name": QCoreApplication.translate("Labels", "First name"),
        "organisation": QCoreApplication.translate("Labels", "Organisation"),
        "gender": QCoreApplication.translate("Labels", "Gender"),
        "employment_status": QCoreApplication.translate("Labels", "Employment"),
        "date": QCoreApplication.translate("Labels", "Date"),
        "person": QCoreApplication.translate("Labels", "Person"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "mode": QCoreApplication.translate("Labels", "Mode"),
        "duration_min": QCoreApplication.translate("Labels", "Minutes"),
        "topics": QCoreApplication.translate("Labels", "Topics"),
        "advisors": QCoreApplication.translate("Labels", "Advisors"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "start_date": QCoreApplication.translate("Labels", "Date"),
        "type": QCoreApplication.translate("Labels", "Type"),
        "place": QCoreApplication.translate("Labels", "Place"),
        "hours": QCoreApplication.translate("Labels", "Hours"),
        "participants": QCoreApplication.translate("Labels", "Participants"),
        "part1_incomplete": QCoreApplication.translate("Labels", "Part 1 open"),
        "due_date": QCoreApplication.translate("Labels", "Due"),
        "text": QCoreApplication.translate("Labels", "Task"),
        "done_at": QCoreApplication.translate("Labels", "Done"),
    }


#: Which code list an enum column of a list uses.
ENUM_OF_COLUMN = {"type": "type", "gender": "gender"}


def fmt_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    locale = QLocale()
    if locale.language() == QLocale.Language.German:
        pattern = "dd.MM.yyyy"
    else:
        pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(QDate(value.year, value.month, value.day), pattern)


def fmt_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.replace(tzinfo=dt.UTC).astimezone()
    return f"{fmt_date(local.date())} {local:%H:%M}"


def fmt_number(value: float | int | None, decimals: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def fmt_cell(kind: str, key: str, value: Any) -> str:
    """How a list cell shows ``value`` of a column of ``kind``."""
    if value is None:
        return ""
    if kind == "date":
        return fmt_date(value)
    if kind == "int":
        return fmt_number(int(value))
    if kind == "hours":
        return fmt_number(float(value))
    if kind == "enum":
        return enum_label(ENUM_OF_COLUMN.get(key, key), value)
    if key == "place" and value == "online":
        return QCoreApplication.translate("Labels", "online")
    return str(value)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
