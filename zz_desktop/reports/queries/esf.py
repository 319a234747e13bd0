"""ESF Plus figures counted once per operation: new in the period and cumulative since the start.

Rules (docs/reports.md, "ESF: Zählung je Vorhaben", states them for managers):

* **Live**: a row counts only when it and every row it hangs on (person, organisation, event,
  consultation) is not deleted — :func:`_live` is the one test every figure below uses.
* **Qualifying link** of a person: a live participation in a live event (at its start date), or
  being the person of / a participant in a live consultation with ``esf_counting = participant``
  (at its date). Only consultations with status ``final`` or ``signed`` qualify; drafts in the
  period are listed in ``drafts_excluded`` and never counted.
* **Complete Part 1** = every mandatory answer is there: gender, birth year, employment status and
  education; for an event participation its questionnaire must also be marked ``complete``.
  Persons with a qualifying link in the period but no complete Part 1 are listed in
  ``not_counted`` (by id) and only enter the separate ``grand_total``.
* **Once per operation**: a person's *entry* is their first qualifying link with a complete Part 1
  on or after the operation start. ``cumulative`` counts every person whose entry is on or before
  the period's end, ``new_in_period`` those whose entry lies in the period — so the four quarters'
  ``new_in_period`` add up to the year's. The same holds for SMEs (EECO19) with their first final
  ``entity`` consultation.
* **Age at entry** = year of the entry date − birth year (only the year is stored), grouped by
  :func:`zz_desktop.domain.esf.age_group`; persons without a birth year cannot have a complete
  Part 1 and are flagged in ``age_unknown``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.esf import COUNTED_STATUSES, DISADVANTAGE_FIELDS, age_group
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Consultation,
    ConsultationParticipant,
    Event,
    Organisation,
    Participation,
    Person,
)

GENDER_KEYS: dict[str, str] = {
    "female": "women",
    "male": "men",
    "non_binary": "non_binary",
    "not_stated": "not_stated",
}
MANDATORY_PART1 = ("birth_year", "employment_status", "education")

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


def part1_complete(person: Person) -> bool:
    """Every mandatory entry answer is there (gender may be "not stated", which is an answer)."""
    return bool(person.gender) and all(getattr(person, f) is not None for f in MANDATORY_PART1)


def indicator_keys(person: Person, entry: dt.date) -> list[str]:
    """The figures one counted person adds to, from their answers and their age at entry."""
    keys = ["total"]
    status = person.employment_status
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
    if (group := age_group(person.birth_year, entry.year)) is not None:
        keys.append(group.value)
    if person.education in ("isced_0_2", "isced_3_4", "isced_5_8"):
        keys.append(person.education)
    keys.extend(f for f in DISADVANTAGE_FIELDS if getattr(person, f) == "yes")
    return keys


def _empty() -> dict[str, dict[str, int]]:
    return {
        code: {g: 0 for g in (*GENDER_KEYS.values(), "total")} for code in SFC_CODES.values()
    } | {"EECO19": {"micro": 0, "small": 0, "medium": 0, "total": 0}}


def esf_operation(
    store: Store, start: dt.date, end: dt.date, operation_start: dt.date | None = None
) -> EsfOperationFigures:
    """Every figure of the per-operation ESF report (see the module docstring for the rules)."""
    op = operation_start or dt.date.min
    links: list[tuple[str, dt.date, bool]] = []  # person, date, link-level Part 1 ok
    drafts: set[str] = set()
    sme_first: dict[str, dt.date] = {}
    sme_class: dict[str, str] = {}
    with store.read() as s:
        for part, event, person in s.execute(
            select(Participation, Event, Person)
            .join(Event, Event.id == Participation.event_id)
            .join(Person, Person.id == Participation.person_id)
            .where(Event.start_date >= op, Event.start_date <= end)
        ):
            if _live(part, event, person):
                ok = part.entry_questionnaire == "complete"
                links.append((person.id, event.start_date, ok))
        # Columns, not ORM objects: decrypting 50k whole consultations is what costs. The SQL
        # filters are the same "live" rule as _live(): nothing it hangs on is deleted.
        # ``deleted`` is tested in Python: in the WHERE clause SQLite picks its useless index.
        live_cons = (
            Consultation.date >= op,
            Consultation.date <= end,
        )
        cols = (Consultation.id, Consultation.date, Consultation.status, Consultation.deleted)
        rows: list[Any] = list(
            s.execute(
                select(*cols, Person.id)
                .join(Person, Person.id == Consultation.person_id)
                .where(*live_cons, Person.deleted.is_(False))
                .where(Consultation.esf_counting == "participant")
            )
        )
        rows += s.execute(
            select(*cols, Person.id)
            .join(
                ConsultationParticipant, ConsultationParticipant.consultation_id == Consultation.id
            )
            .join(Person, Person.id == ConsultationParticipant.person_id)
            .where(*live_cons, Person.deleted.is_(False))
            .where(
                Consultation.esf_counting == "participant",
                ConsultationParticipant.deleted.is_(False),
            )
        ).all()
        for cid, when, status, gone, pid in rows:
            if gone:
                continue
            if status not in COUNTED_STATUSES:
                if when >= start:
                    drafts.add(cid)
                continue
            links.append((pid, when, True))
        for cid, when, status, gone, oid, cls in s.execute(
            select(*cols, Organisation.id, Organisation.sme_class)
            .join(Organisation, Organisation.id == Consultation.organisation_id)
            .where(*live_cons, Organisation.deleted.is_(False))
            .where(Consultation.esf_counting == "entity")
        ):
            if gone:
                continue
            if status not in COUNTED_STATUSES:
                if when >= start:
                    drafts.add(cid)
                continue
            if cls in SME_CLASSES:
                sme_class[oid] = cls
                sme_first[oid] = min(sme_first.get(oid, when), when)
        ids = {pid for pid, _, _ in links}
        wanted = sorted(ids)
        people = {
            p.id: p
            for i in range(0, len(wanted), 900)
            for p in s.scalars(select(Person).where(Person.id.in_(wanted[i : i + 900])))
        }
        entries: dict[str, dt.date] = {}
        in_period: set[str] = set()
        for pid, when, ok in links:
            if when >= start:
                in_period.add(pid)
            if ok and part1_complete(people[pid]):
                entries[pid] = min(entries.get(pid, when), when)
        new, cum = _empty(), _empty()
        for pid, entry in entries.items():
            person = people[pid]
            gender = GENDER_KEYS.get(person.gender, "not_stated")
            for key in indicator_keys(person, entry):
                targets = (cum, new) if entry >= start else (cum,)
                for table in targets:
                    table[SFC_CODES[key]][gender] += 1
                    table[SFC_CODES[key]]["total"] += 1
        for oid, first in sme_first.items():
            for table in (cum, new) if first >= start else (cum,):
                table["EECO19"][sme_class[oid]] += 1
                table["EECO19"]["total"] += 1
        not_counted = sorted(pid for pid in in_period if pid not in entries)
        age_unknown = sorted(pid for pid in in_period if people[pid].birth_year is None)
    return EsfOperationFigures(
        start,
        end,
        operation_start,
        new,
        cum,
        not_counted,
        sorted(drafts),
        age_unknown,
        grand_total=len({p for p in in_period if p in entries} | set(not_counted)),
        entries=entries,
    )
