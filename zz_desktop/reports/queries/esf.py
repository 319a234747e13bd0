"""ESF Plus figures counted once per operation from the recorded questionnaires: new in the
period and cumulative since the start of the operation.

Rules (docs/reports.md, "ESF: Zählung je Vorhaben", states them for managers):

* **Live**: a row counts only when it and every row it hangs on (person, organisation, event,
  consultation) is not deleted — :func:`_live` and the SQL filters next to it are the one test.
* **Qualifying link** of a person: a live participation in a live event (at its start date), or
  being the person of / a participant in a live consultation with ``esf_counting = participant``
  (at its date). Only consultations with status ``final`` or ``signed`` qualify; drafts in the
  period are listed in ``drafts_excluded`` and never counted.
* **Entry**: a person enters the operation at their first qualifying link on or after the
  operation start. ``cumulative`` counts every person whose entry is on or before the period's
  end, ``new_in_period`` those whose entry lies in the period — so the quarters' ``new_in_period``
  add up to the year's. SMEs (EECO19) likewise with their first final ``entity`` consultation.
* **Situation at entry** comes from the person's recorded Teil 1 (``questionnaire``, current
  version of their first series), never from today's person record. A person counts only when that
  Teil 1 is complete; persons with a qualifying link in the period and no complete Teil 1 are
  listed in ``not_counted`` and only enter the separate ``grand_total``.
* **Age at entry** is the Teil 1's stored ``age_at_entry`` (year of the entry date − birth year,
  domain.questionnaire.age_at_entry); a Teil 1 without a birth year is incomplete and its person
  is flagged in ``age_unknown``.
* **Results on leaving** (EECR01…EECR04): a counted person with a complete Teil 2 adds to each
  result answered "yes", at the Teil 2's date (new in the period / cumulative up to its end).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.esf import COUNTED_STATUSES, DISADVANTAGE_FIELDS, age_group_of_age
from zz_desktop.domain.questionnaire import EXIT_FIELDS
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Consultation,
    ConsultationParticipant,
    Event,
    Organisation,
    Participation,
    Person,
    Questionnaire,
)

GENDER_KEYS: dict[str, str] = {
    "female": "women",
    "male": "men",
    "non_binary": "non_binary",
    "not_stated": "not_stated",
}
#: The four common immediate result indicators on leaving (Teil 2 answers).
RESULT_CODES: dict[str, str] = {
    "job_searching": "EECR01",
    "in_education": "EECR02",
    "qualification": "EECR03",
    "employed": "EECR04",
}
assert tuple(RESULT_CODES) == EXIT_FIELDS

#: SFC2021 codes of the common output indicators (Regulation (EU) 2021/1057, Annex I); figures
#: without an SFC code keep a plain name.
SFC_CODES: dict[str, str] = {
    "total": "EECO01",
    "unemployed": "EECO02",
    "long_term_unemployed": "EECO03",
    "inactive": "EECO04",
    "employed": "EECO05",
    "under_18": "EECO06",
    "18_29": "EECO07",
    "55_plus": "EECO08",
    "isced_0_2": "EECO09",
    "isced_3_4": "EECO10",
    "isced_5_8": "EECO11",
    "disability": "EECO12",
    "third_country_national": "EECO13",
    "foreign_origin": "EECO14",
    "minority": "EECO15",
    "homeless": "EECO16",
    "rural_area": "EECO17",
    "self_employed": "self_employed",
    "30_54": "age_30_54",
}
SME_CLASSES = ("micro", "small", "medium")


@dataclass(frozen=True)
class NotCounted:
    person_id: str
    name: str
    first_date: dt.date
    part1: str


@dataclass
class EsfOperationFigures:
    start: dt.date
    end: dt.date
    operation_start: dt.date | None
    new_in_period: dict[str, dict[str, int]]
    cumulative: dict[str, dict[str, int]]
    not_counted: list[str]
    drafts_excluded: list[str]
    age_unknown: list[str]
    grand_total: int
    entries: dict[str, dt.date] = field(default_factory=dict)
    #: Not counted persons with their first link in the period and why ("missing" | "incomplete").
    not_counted_detail: list[NotCounted] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "operation_start": self.operation_start.isoformat() if self.operation_start else None,
            "new_in_period": self.new_in_period,
            "cumulative": self.cumulative,
            "not_counted": self.not_counted,
            "drafts_excluded": self.drafts_excluded,
            "age_unknown": self.age_unknown,
            "grand_total": self.grand_total,
        }


def _live(*rows: Any) -> bool:
    """The one definition of "live": the row and everything it hangs on are not deleted."""
    return all(r is not None and not r.deleted for r in rows)


@dataclass(frozen=True)
class Situation:
    """The answers of one current questionnaire version that the figures read."""

    answered_on: dt.date
    complete: bool
    values: dict[str, Any]


_ENTRY_COLUMNS = (
    "gender",
    "birth_year",
    "age_at_entry",
    "employment_status",
    "education",
    *DISADVANTAGE_FIELDS,
)


def current_situations(store: Store) -> tuple[dict[str, Situation], dict[str, Situation]]:
    """{person: Teil 1} and {person: Teil 2}: the current version of each person's first series
    (the series whose first version has the earliest date; see services.questionnaires)."""
    cols = [getattr(Questionnaire, c) for c in (*_ENTRY_COLUMNS, *EXIT_FIELDS)]
    first: dict[tuple[str, str], tuple[dt.date, str]] = {}
    latest: dict[str, tuple[int, Any]] = {}
    with store.read() as s:
        for row in s.execute(
            select(
                Questionnaire.person_id,
                Questionnaire.part,
                Questionnaire.series_id,
                Questionnaire.version,
                Questionnaire.answered_on,
                Questionnaire.complete,
                *cols,
            ).where(Questionnaire.deleted.is_(False))
        ):
            pid, part, series, version, when = row[0], row[1], row[2], row[3], row[4]
            if version == 1:
                key = (pid, part)
                if key not in first or (when, series) < first[key]:
                    first[key] = (when, series)
            if series not in latest or version > latest[series][0]:
                latest[series] = (version, row)
    entry: dict[str, Situation] = {}
    leave: dict[str, Situation] = {}
    names = (*_ENTRY_COLUMNS, *EXIT_FIELDS)
    for (pid, part), (_, series) in first.items():
        if series not in latest:
            continue
        row = latest[series][1]
        found = Situation(row[4], bool(row[5]), dict(zip(names, row[6:], strict=True)))
        (entry if part == "entry" else leave)[pid] = found
    return entry, leave


def indicator_keys(values: dict[str, Any]) -> list[str]:
    """The output figures one counted person adds to, from their situation at entry."""
    keys = ["total"]
    status = values.get("employment_status")
    if status in ("unemployed", "long_term_unemployed"):
        keys.append("unemployed")
    if status == "long_term_unemployed":
        keys.append("long_term_unemployed")
    if status == "inactive":
        keys.append("inactive")
    if status in ("employed", "self_employed"):
        keys.append("employed")
    if status == "self_employed":
        keys.append("self_employed")
    if (group := age_group_of_age(values.get("age_at_entry"))) is not None:
        keys.append(group.value)
    if values.get("education") in ("isced_0_2", "isced_3_4", "isced_5_8"):
        keys.append(values["education"])
    keys.extend(f for f in DISADVANTAGE_FIELDS if values.get(f) == "yes")
    return keys


def _empty() -> dict[str, dict[str, int]]:
    genders = (*GENDER_KEYS.values(), "total")
    codes = (*SFC_CODES.values(), *RESULT_CODES.values())
    return {code: dict.fromkeys(genders, 0) for code in codes} | {
        "EECO19": {"micro": 0, "small": 0, "medium": 0, "total": 0}
    }


def _links(
    s: Any, op: dt.date, start: dt.date, end: dt.date
) -> tuple[list[tuple[str, dt.date]], set[str], dict[str, dt.date], dict[str, str]]:
    """(person, date) of every qualifying link, the drafts in the period, and each SME's first
    counted consultation with its size class."""
    links: list[tuple[str, dt.date]] = []
    drafts: set[str] = set()
    sme_first: dict[str, dt.date] = {}
    sme_class: dict[str, str] = {}
    # The "live" rule without joins: the deleted persons are few and read once; joining every
    # consultation to its person row is what cost most of the report's time.
    gone = set(s.scalars(select(Person.id).where(Person.deleted.is_(True))))
    for pid, when in s.execute(
        select(Participation.person_id, Event.start_date)
        .join(Event, Event.id == Participation.event_id)
        .where(Event.start_date >= op, Event.start_date <= end)
        .where(Participation.deleted.is_(False), Event.deleted.is_(False))
    ):
        if pid not in gone:
            links.append((pid, when))
    # Columns, not ORM objects: decrypting 50k whole consultations is what costs. ``deleted`` of
    # the consultation is tested in Python: in the WHERE clause SQLite picks its useless index.
    window = (Consultation.date >= op, Consultation.date <= end)
    cols = (Consultation.id, Consultation.date, Consultation.status, Consultation.deleted)
    rows: list[Any] = list(
        s.execute(
            select(*cols, Consultation.person_id)
            .where(*window, Consultation.person_id.is_not(None))
            .where(Consultation.esf_counting == "participant")
        )
    )
    rows += s.execute(
        select(*cols, ConsultationParticipant.person_id)
        .join(ConsultationParticipant, ConsultationParticipant.consultation_id == Consultation.id)
        .where(*window, Consultation.esf_counting == "participant")
        .where(ConsultationParticipant.deleted.is_(False))
    ).all()
    for cid, when, status, deleted, pid in rows:
        if deleted or pid in gone:
            continue
        if status not in COUNTED_STATUSES:
            if when >= start:
                drafts.add(cid)
            continue
        links.append((pid, when))
    classes = {
        oid: cls
        for oid, cls, deleted in s.execute(
            select(Organisation.id, Organisation.sme_class, Organisation.deleted)
        )
        if not deleted
    }
    for cid, when, status, deleted, oid in s.execute(
        select(*cols, Consultation.organisation_id)
        .where(*window, Consultation.organisation_id.is_not(None))
        .where(Consultation.esf_counting == "entity")
    ):
        if deleted or oid not in classes:
            continue
        if status not in COUNTED_STATUSES:
            if when >= start:
                drafts.add(cid)
            continue
        cls = classes[oid]
        if cls in SME_CLASSES:
            sme_class[oid] = cls
            sme_first[oid] = min(sme_first.get(oid, when), when)
    return links, drafts, sme_first, sme_class


def _add(table: dict[str, dict[str, int]], code: str, gender: str) -> None:
    table[code][gender] += 1
    table[code]["total"] += 1


def _names(s: Any, ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for i in range(0, len(ids), 900):
        for pid, first, last in s.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                Person.id.in_(ids[i : i + 900])
            )
        ):
            found[pid] = " ".join(p for p in (first, last) if p) or "–"
    return found


def esf_operation(
    store: Store, start: dt.date, end: dt.date, operation_start: dt.date | None = None
) -> EsfOperationFigures:
    """Every figure of the ESF report (see the module docstring for the rules). Without an
    ``operation_start`` the profile's setting ``esf.operation_start`` (YYYY-MM-DD) applies, and
    without that every recorded date counts."""
    operation_start = operation_start or configured_operation_start(store)
    op = operation_start or dt.date.min
    entry_of, exit_of = current_situations(store)
    with store.read() as s:
        links, drafts, sme_first, sme_class = _links(s, op, start, end)
        first: dict[str, dt.date] = {}
        for pid, when in links:
            first[pid] = min(first.get(pid, when), when)
        in_period = sorted(pid for pid, when in first.items() if when >= start)
        uncounted = [pid for pid in in_period if not _counts(entry_of.get(pid))]
        names = _names(s, uncounted)
    new, cum = _empty(), _empty()
    entries: dict[str, dt.date] = {}
    for pid, when in first.items():
        situation = entry_of.get(pid)
        if situation is None or not _counts(situation):
            continue
        entries[pid] = when
        gender = GENDER_KEYS.get(situation.values.get("gender") or "", "not_stated")
        targets = (cum, new) if when >= start else (cum,)
        for key in indicator_keys(situation.values):
            for table in targets:
                _add(table, SFC_CODES[key], gender)
        leaving = exit_of.get(pid)
        if leaving is None or not leaving.complete or not op <= leaving.answered_on <= end:
            continue
        results = (cum, new) if leaving.answered_on >= start else (cum,)
        for name, code in RESULT_CODES.items():
            if leaving.values.get(name) == "yes":
                for table in results:
                    _add(table, code, gender)
    for oid, day in sme_first.items():
        for table in (cum, new) if day >= start else (cum,):
            table["EECO19"][sme_class[oid]] += 1
            table["EECO19"]["total"] += 1
    detail = [
        NotCounted(
            pid,
            names.get(pid, ""),
            first[pid],
            "missing" if pid not in entry_of else "incomplete",
        )
        for pid in uncounted
    ]
    age_unknown = sorted(
        pid
        for pid in in_period
        if pid in entry_of and entry_of[pid].values.get("birth_year") is None
    )
    return EsfOperationFigures(
        start,
        end,
        operation_start,
        new,
        cum,
        sorted(uncounted),
        sorted(drafts),
        age_unknown,
        grand_total=len(in_period),
        entries=entries,
        not_counted_detail=detail,
    )


OPERATION_START_SETTING = "esf.operation_start"


def configured_operation_start(store: Store) -> dt.date | None:
    value = store.get_setting(OPERATION_START_SETTING)
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _counts(situation: Situation | None) -> bool:
    return situation is not None and situation.complete
