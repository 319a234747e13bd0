"""Translated labels of the codes the data model stores (modes, kinds, statuses …) and of the
list columns, plus locale-aware formatting of dates and numbers for display."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def enum_labels(kind: str) -> dict[str, str]:
    """Code → label of one code list, in the order choices are offered."""
    tables: dict[str, dict[str, str]] = {
        "mode": {
            "on_site": _tr("On site"),
            "at_centre": _tr("At the centre"),
            "phone": _tr("Phone"),
            "video": _tr("Video"),
        },
        "kind": {
            "signposting": _tr("Signposting"),
            "in_depth": _tr("In-depth"),
            "follow_up": _tr("Follow-up advice"),
            "ombuds": _tr("Ombuds case"),
        },
        "status": {"draft": _tr("Draft"), "final": _tr("Final"), "signed": _tr("Signed")},
        "esf_counting": {
            "entity": _tr("Enterprise (EECO19)"),
            "participant": _tr("Participant"),
        },
        "sme_class": {
            "micro": _tr("Micro"),
            "small": _tr("Small"),
            "medium": _tr("Medium-sized"),
            "large": _tr("Large"),
        },
        "gender": {
            "female": _tr("Female"),
            "male": _tr("Male"),
            "non_binary": _tr("Non-binary"),
            "not_stated": _tr("Not stated"),
        },
        "employment_status": {
            "employed": _tr("Employed"),
            "self_employed": _tr("Self-employed"),
            "unemployed": _tr("Unemployed"),
            "long_term_unemployed": _tr("Long-term unemployed"),
            "inactive": _tr("Inactive"),
        },
        "education": {
            "isced_0_2": _tr("ISCED 0–2"),
            "isced_3_4": _tr("ISCED 3–4"),
            "isced_5_8": _tr("ISCED 5–8"),
        },
        "turnover_band": {
            "le_2m": _tr("up to €2 m"),
            "le_10m": _tr("up to €10 m"),
            "le_50m": _tr("up to €50 m"),
            "gt_50m": _tr("above €50 m"),
        },
        "source": {
            "event": _tr("Event"),
            "partner_referral": _tr("Referral by a partner"),
            "own_initiative": _tr("Own initiative"),
            "other": _tr("Other"),
        },
        "type": {
            "workshop": _tr("Workshop"),
            "seminar": _tr("Seminar"),
            "qualification": _tr("Qualification"),
            "experimentation_lab": _tr("Experimentation lab"),
            "information_event": _tr("Information event"),
            "network_meeting": _tr("Network meeting"),
        },
        "questionnaire": {
            "missing": _tr("Missing"),
            "incomplete": _tr("Incomplete"),
            "complete": _tr("Complete"),
        },
        "role": {
            "management": _tr("Management"),
            "works_council": _tr("Works council"),
            "employee": _tr("Employee"),
            "other": _tr("Other"),
        },
        "action": {
            "create": _tr("Created"),
            "update": _tr("Changed"),
            "delete": _tr("Deleted"),
            "restore": _tr("Restored"),
            "erase": _tr("Erased"),
            "export": _tr("Exported"),
            "print": _tr("Printed"),
            "merge": _tr("Merged"),
        },
    }
    return tables[kind]


def enum_label(kind: str, code: str | None) -> str:
    if code is None:
        return ""
    return enum_labels(kind).get(code, code)


def column_titles() -> dict[str, str]:
    """Headers of the list columns (keys of ``services.listing.SPECS``)."""
    return {
        "name": _tr("Name"),
        "city": _tr("City"),
        "postcode": _tr("Postcode"),
        "kreis": _tr("Kreis"),
        "sme_class": _tr("SME class"),
        "employees": _tr("Employees"),
        "sector_code": _tr("Sector (WZ)"),
        "phone": _tr("Phone"),
        "email": _tr("E-mail"),
        "consultations": _tr("Consultations"),
        "last_name": _tr("Last name"),
        "first_name": _tr("First name"),
        "organisation": _tr("Organisation"),
        "gender": _tr("Gender"),
        "employment_status": _tr("Employment"),
        "date": _tr("Date"),
        "person": _tr("Person"),
        "title": _tr("Title"),
        "kind": _tr("Kind"),
        "mode": _tr("Mode"),
        "duration_min": _tr("Minutes"),
        "topics": _tr("Topics"),
        "advisors": _tr("Advisors"),
        "status": _tr("Status"),
        "start_date": _tr("Date"),
        "type": _tr("Type"),
        "place": _tr("Place"),
        "hours": _tr("Hours"),
        "participants": _tr("Participants"),
        "part1_incomplete": _tr("Part 1 open"),
        "due_date": _tr("Due"),
        "text": _tr("Task"),
        "done_at": _tr("Done"),
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
        return _tr("online")
    return str(value)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
