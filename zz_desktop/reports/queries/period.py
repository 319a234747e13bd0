"""The period rules of every report and the one load of a period's consultations.

* A consultation belongs to a period when its ``date`` lies in it (both ends inclusive).
* **Live** (the one definition every figure uses): a row counts only when it is not deleted and
  nothing it hangs on (organisation, person, event, consultation) is deleted.
* Hours are ``duration_min / 60``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import String, select, type_coerce

from zz_desktop.domain import codelists
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    AppUser,
    Consultation,
    Organisation,
)

UNKNOWN = ""
"""Key of the "not recorded" row of a breakdown."""

# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A closed date range ``start``–``end`` (both inclusive)."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationFailed({"period": t("The period ends before it starts.")})

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(
            dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        )

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        return cls(dt.date(year, first, 1), Period.month(year, first + 2).end)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026`` (a year), ``2026-10`` (a month) or ``2026Q3`` (a quarter)."""
        text = text.strip().upper()
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
            if 1 <= int(m[2]) <= 12:
                return cls.month(int(m[1]), int(m[2]))
        elif m := re.fullmatch(r"(\d{4})-?Q([1-4])", text):
            return cls.quarter(int(m[1]), int(m[2]))
        elif re.fullmatch(r"\d{4}", text):
            return cls.year(int(text))
        raise ValidationFailed(
            {
                "period": t(
                    "'{value}' is not a month (2026-10), quarter (2026Q3) or year.", value=text
                )
            }
        )

    def months(self) -> list[tuple[int, int]]:
        out, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


# ---------------------------------------------------------------- loading a period once


class _Row(NamedTuple):
    id: str
    date: str  # ISO text as stored: compared and sliced without building date objects
    duration_min: int
    mode: str
    kind: str
    organisation_id: str | None
    person_id: str | None
    advisor_ids: tuple[str, ...]
    topics: tuple[str, ...]
    esf_counting: str


class _Org(NamedTuple):
    name: str
    section: str
    sme_class: str
    kreis: str


@dataclass
class PeriodRows:
    """Consultations of a period and what the breakdowns need about their organisations."""

    period: Period
    consultations: list[_Row]
    organisations: dict[str, _Org]
    institutions: dict[str, str]
    #: organisations with a consultation before the period (→ "returning")
    earlier: set[str] = field(default_factory=set)
    #: in-depth minutes per organisation over the programme up to the period's end
    in_depth_minutes: Counter[str] = field(default_factory=Counter)


def _section(code: str | None, version: str | None) -> str:
    return codelists.report_section(code, version) or UNKNOWN


@functools.lru_cache(maxsize=8192)
def _json_list(text: str | None) -> tuple[str, ...]:
    """Topic and advisor lists repeat a lot: decode each distinct JSON text once."""
    return tuple(json.loads(text)) if text else ()


def load_period(store: Store, period: Period) -> PeriodRows:
    """ONE scan over the consultations up to the period's end — reading the (encrypted) rows is
    what costs — giving the period's rows, the organisations seen before it and the in-depth
    minutes per organisation for the 80 h cap."""
    cols = (
        Consultation.id,
        type_coerce(Consultation.date, String),
        Consultation.duration_min,
        Consultation.mode,
        Consultation.kind,
        Consultation.organisation_id,
        Consultation.person_id,
        type_coerce(Consultation.advisor_ids, String),
        type_coerce(Consultation.topics, String),
        Consultation.esf_counting,
    )
    start, end = period.start.isoformat(), period.end.isoformat()
    rows: list[_Row] = []
    earlier: set[str] = set()
    in_depth: Counter[str] = Counter()
    with store.read() as session:
        query = select(*cols).where(
            Consultation.deleted.is_(False), type_coerce(Consultation.date, String) <= end
        )
        for cid, date, minutes, mode, kind, org, person, advisors, topics, esf in session.execute(
            query
        ):
            minutes = minutes or 0
            if org and kind == "in_depth":
                in_depth[org] += minutes
            if date < start:
                if org:
                    earlier.add(org)
                continue
            rows.append(
                _Row(
                    cid,
                    date,
                    minutes,
                    mode,
                    kind,
                    org,
                    person,
                    _json_list(advisors),
                    _json_list(topics),
                    esf,
                )
            )
        org_ids = {r.organisation_id for r in rows if r.organisation_id}
        orgs: dict[str, _Org] = {}
        org_query = select(
            Organisation.id,
            Organisation.name,
            Organisation.sector_code,
            Organisation.sector_version,
            Organisation.sme_class,
            Organisation.ags,
            Organisation.deleted,
        )
        for oid, name, code, version, sme, ags, gone in session.execute(org_query):
            # One rule of "live" (issue 11): a deleted organisation is reached by no figure.
            if oid in org_ids and not gone:
                orgs[oid] = _Org(name, _section(code, version), sme or UNKNOWN, (ags or "")[:5])
        institutions = {
            uid: inst or UNKNOWN
            for uid, inst in session.execute(select(AppUser.id, AppUser.partner_institution))
        }
    return PeriodRows(period, rows, orgs, institutions, earlier, in_depth)
