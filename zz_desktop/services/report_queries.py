"""Every figure of the PDF reports, as typed results of Qt-free query functions.

The report builders in :mod:`zz_desktop.reports` only lay out what these functions return, and
the tests call the same functions to compare a produced PDF with the database. Results carry
codes (mode, kind, topic, WZ section, Kreis key, user id); the reports translate them.

Counting rules (docs/reports.md has the full text):

* A consultation belongs to a period when its ``date`` lies in it (both ends inclusive); deleted
  rows never count. Hours are ``duration_min / 60``.
* Breakdowns by topic, advisor and partner institution count a consultation once under each of
  its topics / advisors / institutions, so their sum may exceed the number of consultations.
* An organisation is *new* in a period when it had no consultation before the period's start,
  otherwise *returning*.
* **ESF participants**: a person counts (once per period) when they have a participation in an
  event starting in the period with a *complete* Part 1 (entry questionnaire), or when they are the
  person of, or a participant in, a final or signed consultation in the period with
  ``esf_counting = participant`` (drafts never count). Persons whose only link to the period is a participation with a missing or
  incomplete Part 1 are listed and not counted. Age is the age reached in the year of the first
  qualifying date in the period (:func:`zz_desktop.domain.esf.age_group`).
* **EECO19**: each organisation of SME class micro/small/medium with at least one consultation
  in the period with ``esf_counting = entity`` counts once, however often it was advised.
* **Self-employed report**: consultations in the period whose person has a self-employed profile;
  every cell below the threshold (default 5) is suppressed, and a second pass suppresses further
  cells so that a line total cannot reveal a hidden cell.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import String, func, or_, select, type_coerce

from zz_desktop.domain import codelists
from zz_desktop.domain.enums import (
    ConsultationKind,
    ConsultationMode,
    FeeBand,
    Gender,
    HealthInsurance,
    PensionProvision,
)
from zz_desktop.domain.esf import COUNTED_STATUSES, DISADVANTAGE_FIELDS, age_group
from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS
from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Affiliation,
    AppUser,
    Consultation,
    ConsultationParticipant,
    Event,
    FollowUp,
    Organisation,
    Participation,
    Person,
    SelfEmployedProfile,
)
from zz_protocol import cellkey

UNKNOWN = ""
"""Key of the "not recorded" row of a breakdown."""

DEFAULT_MIN_CELL = 5
NEAR_CAP_HOURS = 60.0

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


# ---------------------------------------------------------------- activity report


@dataclass(frozen=True)
class ActivityTotals:
    consultations: int
    by_kind: dict[str, int]
    by_mode: dict[str, int]
    hours: float
    organisations: int
    organisations_new: int
    organisations_returning: int
    persons: int
    events: int
    participants: int
    #: Hours the participants attended the period's events (recorded per participant).
    participant_hours: float = 0.0


@dataclass(frozen=True)
class BreakdownRow:
    key: str
    consultations: int
    hours: float
    organisations: int


@dataclass(frozen=True)
class MonthFigure:
    year: int
    month: int
    consultations: int
    hours: float


@dataclass(frozen=True)
class TopicSectorTable:
    sections: list[str]
    #: topic code → consultations per section (same order as ``sections``)
    rows: dict[str, list[int]]


@dataclass(frozen=True)
class FollowUpItem:
    id: str
    due_date: dt.date
    text: str
    organisation: str
    owner_id: str | None
    overdue: bool


@dataclass(frozen=True)
class FollowUpSummary:
    as_of: dt.date
    open: int
    overdue: int
    items: list[FollowUpItem]


@dataclass(frozen=True)
class CapItem:
    organisation_id: str
    name: str
    hours: float

    @property
    def remaining(self) -> float:
        return round(IN_DEPTH_CAP_HOURS - self.hours, 2)


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def totals_of(store: Store, rows: PeriodRows) -> ActivityTotals:
    period = rows.period
    kinds = Counter({k.value: 0 for k in ConsultationKind})
    modes = Counter({m.value: 0 for m in ConsultationMode})
    minutes = 0
    orgs: set[str] = set()
    for r in rows.consultations:
        kinds[r.kind] += 1
        modes[r.mode] += 1
        minutes += r.duration_min
        if r.organisation_id and r.organisation_id in rows.organisations:
            orgs.add(r.organisation_id)
    ids = {r.id for r in rows.consultations}
    persons = {r.person_id for r in rows.consultations if r.person_id}
    with store.read() as session:
        # The link table is small: read it whole instead of joining the consultations again.
        for cid, pid in session.execute(
            select(
                ConsultationParticipant.consultation_id, ConsultationParticipant.person_id
            ).where(ConsultationParticipant.deleted.is_(False))
        ):
            if cid in ids:
                persons.add(pid)
        events = session.scalars(
            select(Event.id).where(
                Event.deleted.is_(False),
                Event.start_date >= period.start,
                Event.start_date <= period.end,
            )
        ).all()
        participants: set[str] = set()
        attended: list[tuple[str, float | None]] = []
        for chunk in _chunks(list(events), 900):
            attended.extend(
                (pid, hours)
                for pid, hours in session.execute(
                    select(Participation.person_id, Participation.attended_hours).where(
                        Participation.deleted.is_(False), Participation.event_id.in_(chunk)
                    )
                )
            )
        participants.update(pid for pid, _h in attended)
        # A deleted person is neither a person advised nor an event participant.
        gone = set(session.scalars(select(Person.id).where(Person.deleted.is_(True))))
    persons -= gone
    participants -= gone
    participant_hours = round(sum(h or 0 for pid, h in attended if pid not in gone), 2)
    returning = len(orgs & rows.earlier)
    return ActivityTotals(
        consultations=len(rows.consultations),
        by_kind=dict(kinds),
        by_mode=dict(modes),
        hours=_hours(minutes),
        organisations=len(orgs),
        organisations_new=len(orgs) - returning,
        organisations_returning=returning,
        persons=len(persons),
        events=len(events),
        participants=len(participants),
        participant_hours=participant_hours,
    )


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def breakdown_of(rows: PeriodRows, dimension: str) -> list[BreakdownRow]:
    """Consultations, hours and organisations per topic / section / sme / kreis / advisor /
    institution, largest first; the "not recorded" row (key ``""``) last."""
    return breakdowns_of(rows, (dimension,))[dimension]


class _Bucket:
    """Running figures of one group of consultations."""

    __slots__ = ("count", "minutes", "orgs")

    def __init__(self) -> None:
        self.count = 0
        self.minutes = 0
        self.orgs: set[str] = set()


def breakdowns_of(
    rows: PeriodRows, dimensions: Sequence[str] = ("topic",)
) -> dict[str, list[BreakdownRow]]:
    """Several breakdowns from one pass. Consultations are first grouped by what decides their
    keys (the organisation, the topic list, the advisor list) — far fewer groups than rows."""
    unknown_dims = set(dimensions) - set(BREAKDOWNS)
    if unknown_dims:
        raise ValueError(f"unknown breakdown {sorted(unknown_dims)!r}")
    by_org: defaultdict[str | None, _Bucket] = defaultdict(_Bucket)
    by_topics: defaultdict[tuple[str, ...], _Bucket] = defaultdict(_Bucket)
    by_advisors: defaultdict[tuple[str, ...], _Bucket] = defaultdict(_Bucket)
    for r in rows.consultations:
        org = r.organisation_id
        for bucket in (by_org[org], by_topics[r.topics], by_advisors[r.advisor_ids]):
            bucket.count += 1
            bucket.minutes += r.duration_min
            if org:
                bucket.orgs.add(org)

    def expand(groups: dict[Any, _Bucket], keys_of: Any) -> list[BreakdownRow]:
        total: defaultdict[str, _Bucket] = defaultdict(_Bucket)
        for group, bucket in groups.items():
            for key in keys_of(group):
                acc = total[key]
                acc.count += bucket.count
                acc.minutes += bucket.minutes
                acc.orgs |= bucket.orgs
        out = [BreakdownRow(k, b.count, _hours(b.minutes), len(b.orgs)) for k, b in total.items()]
        out.sort(key=lambda b: (b.key == UNKNOWN, -b.consultations, b.key))
        return out

    def org_attr(index: int) -> Any:
        def keys(org: str | None) -> tuple[str]:
            found = rows.organisations.get(org or "")
            return (found[index] if found else UNKNOWN,)

        return keys

    def institutions(advisors: tuple[str, ...]) -> Iterable[str]:
        return dict.fromkeys(rows.institutions.get(a, UNKNOWN) for a in advisors) or (UNKNOWN,)

    makers = {
        "topic": lambda: expand(by_topics, lambda g: dict.fromkeys(g) or (UNKNOWN,)),
        "advisor": lambda: expand(by_advisors, lambda g: dict.fromkeys(g) or (UNKNOWN,)),
        "institution": lambda: expand(by_advisors, institutions),
        "section": lambda: expand(by_org, org_attr(1)),
        "sme": lambda: expand(by_org, org_attr(2)),
        "kreis": lambda: expand(by_org, org_attr(3)),
    }
    return {d: makers[d]() for d in dimensions}


def monthly_trend_of(rows: PeriodRows) -> list[MonthFigure]:
    count: Counter[tuple[int, int]] = Counter()
    minutes: Counter[tuple[int, int]] = Counter()
    for r in rows.consultations:
        month = (int(r.date[:4]), int(r.date[5:7]))
        count[month] += 1
        minutes[month] += r.duration_min
    return [
        MonthFigure(y, m, count[(y, m)], _hours(minutes[(y, m)])) for y, m in rows.period.months()
    ]


def topic_sector_of(rows: PeriodRows) -> TopicSectorTable:
    # Group first (Counter runs in C), then expand the far fewer (organisation, topics) pairs.
    pairs = Counter((r.organisation_id, r.topics) for r in rows.consultations if r.organisation_id)
    cells: Counter[tuple[str, str]] = Counter()
    per_section: Counter[str] = Counter()
    for (oid, topics), n in pairs.items():
        org = rows.organisations.get(oid or "")
        if org is None:
            continue
        for topic in dict.fromkeys(topics):
            cells[(topic, org.section)] += n
        per_section[org.section] += n
    sections = sorted(per_section, key=lambda s: (s == UNKNOWN, s))
    codes = sorted({tp for tp, _ in cells})
    return TopicSectorTable(sections, {tp: [cells[(tp, s)] for s in sections] for tp in codes})


def activity_totals(store: Store, period: Period) -> ActivityTotals:
    return totals_of(store, load_period(store, period))


def breakdown(store: Store, period: Period, dimension: str) -> list[BreakdownRow]:
    """``dimension``: topic, section, sme, kreis, advisor or institution."""
    return breakdown_of(load_period(store, period), dimension)


def monthly_trend(store: Store, period: Period) -> list[MonthFigure]:
    return monthly_trend_of(load_period(store, period))


def topic_by_sector(store: Store, period: Period) -> TopicSectorTable:
    return topic_sector_of(load_period(store, period))


def open_followups(store: Store, as_of: dt.date | None = None) -> FollowUpSummary:
    """Follow-ups not done: all of them counted, the overdue ones (due before ``as_of``) listed."""
    as_of = as_of or dt.date.today()
    with store.read() as session:
        open_count = session.scalar(
            select(func.count()).where(FollowUp.deleted.is_(False), FollowUp.done_at.is_(None))
        )
        found = session.execute(
            select(
                FollowUp.id,
                FollowUp.due_date,
                FollowUp.text,
                Organisation.name,
                FollowUp.owner_id,
            )
            .outerjoin(Organisation, Organisation.id == FollowUp.organisation_id)
            .where(
                FollowUp.deleted.is_(False),
                FollowUp.done_at.is_(None),
                FollowUp.due_date < as_of,
            )
            .order_by(FollowUp.due_date, FollowUp.id)
        ).all()
    overdue = [
        FollowUpItem(fid, due, text, name or "", owner, True)
        for fid, due, text, name, owner in found
    ]
    return FollowUpSummary(as_of, int(open_count or 0), len(overdue), overdue)


def organisations_near_cap(
    store: Store, until: dt.date | None = None, near_hours: float = NEAR_CAP_HOURS
) -> list[CapItem]:
    """Organisations with at least ``near_hours`` of in-depth advice up to ``until`` (cap 80 h)."""
    minutes: Counter[str] = Counter()
    with store.read() as session:
        query = select(Consultation.organisation_id, Consultation.duration_min).where(
            Consultation.deleted.is_(False),
            Consultation.kind == ConsultationKind.IN_DEPTH.value,
            Consultation.organisation_id.is_not(None),
        )
        if until is not None:
            query = query.where(Consultation.date <= until)
        for oid, mins in session.execute(query):
            minutes[str(oid)] += mins or 0
        near = [oid for oid, m in minutes.items() if m / 60 >= near_hours]
        names = dict(
            session.execute(
                select(Organisation.id, Organisation.name).where(Organisation.id.in_(near))
            ).all()
        )
    items = [CapItem(oid, names.get(oid, ""), _hours(minutes[oid])) for oid in near]
    return sorted(items, key=lambda c: (-c.hours, c.name))


def near_cap_of(
    store: Store, rows: PeriodRows, near_hours: float = NEAR_CAP_HOURS
) -> list[CapItem]:
    """:func:`organisations_near_cap` up to the period's end, from the rows already loaded."""
    near = [oid for oid, m in rows.in_depth_minutes.items() if m / 60 >= near_hours]
    with store.read() as session:
        names = dict(
            session.execute(
                select(Organisation.id, Organisation.name).where(Organisation.id.in_(near))
            ).all()
        )
    items = [CapItem(oid, names.get(oid, ""), _hours(rows.in_depth_minutes[oid])) for oid in near]
    return sorted(items, key=lambda c: (-c.hours, c.name))


@dataclass(frozen=True)
class ActivityReport:
    period: Period
    totals: ActivityTotals
    breakdowns: dict[str, list[BreakdownRow]]
    trend: list[MonthFigure]
    topic_sector: TopicSectorTable
    followups: FollowUpSummary
    near_cap: list[CapItem]


BREAKDOWNS = ("topic", "section", "sme", "kreis", "advisor", "institution")


def activity_report(store: Store, period: Period, as_of: dt.date | None = None) -> ActivityReport:
    """Everything of the activity report, loading the period's consultations once."""
    rows = load_period(store, period)
    return ActivityReport(
        period,
        totals_of(store, rows),
        breakdowns_of(rows, BREAKDOWNS),
        monthly_trend_of(rows),
        topic_sector_of(rows),
        open_followups(store, as_of),
        near_cap_of(store, rows),
    )


# ---------------------------------------------------------------- ESF indicators

GENDERS = tuple(g.value for g in Gender)
DISADVANTAGES = DISADVANTAGE_FIELDS
INDICATORS = (
    "unemployed",
    "long_term_unemployed",
    "inactive",
    "employed",
    "self_employed",
    "under_18",
    "18_29",
    "30_54",
    "55_plus",
    "isced_0_2",
    "isced_3_4",
    "isced_5_8",
    *DISADVANTAGES,
    "total",
)


@dataclass(frozen=True)
class GenderCounts:
    female: int = 0
    male: int = 0
    non_binary: int = 0
    not_stated: int = 0

    @property
    def total(self) -> int:
        return self.female + self.male + self.non_binary + self.not_stated

    def get(self, gender: str) -> int:
        return int(getattr(self, gender))


@dataclass(frozen=True)
class IncompletePart1:
    person_id: str
    name: str
    event_title: str
    event_date: dt.date
    status: str


@dataclass(frozen=True)
class EsfParticipants:
    #: indicator code (see ``INDICATORS``) → counts by gender
    indicators: dict[str, GenderCounts]
    person_ids: frozenset[str]
    incomplete: list[IncompletePart1]


@dataclass(frozen=True)
class EsfEntities:
    """EECO19: SMEs supported, each counted once per period."""

    by_class: dict[str, int]
    organisation_ids: frozenset[str]
    large: int
    unknown: int

    @property
    def total(self) -> int:
        return sum(self.by_class.values())


def _indicator_codes(person: Person, ref_year: int) -> list[str]:
    codes = ["total"]
    status = person.employment_status
    if status in ("unemployed", "long_term_unemployed"):
        codes.append("unemployed")
    if status == "long_term_unemployed":
        codes.append("long_term_unemployed")
    if status == "inactive":
        codes.append("inactive")
    if status in ("employed", "self_employed"):
        codes.append("employed")
    if status == "self_employed":
        codes.append("self_employed")
    if (group := age_group(person.birth_year, ref_year)) is not None:
        codes.append(group.value)
    if person.education in ("isced_0_2", "isced_3_4", "isced_5_8"):
        codes.append(person.education)
    codes.extend(flag for flag in DISADVANTAGES if getattr(person, flag) == "yes")
    return codes


def esf_participants(store: Store, period: Period) -> EsfParticipants:
    """Participant indicators by gender; see the module docstring for who counts."""
    first_date: dict[str, dt.date] = {}
    pending: dict[str, IncompletePart1] = {}

    def seen(pid: str, when: dt.date) -> None:
        first_date[pid] = min(first_date.get(pid, when), when)

    in_period = (Event.start_date >= period.start, Event.start_date <= period.end)
    with store.read() as session:
        for pid, status, title, start in session.execute(
            select(
                Participation.person_id,
                Participation.entry_questionnaire,
                Event.title,
                Event.start_date,
            )
            .join(Event, Event.id == Participation.event_id)
            .where(Participation.deleted.is_(False), Event.deleted.is_(False), *in_period)
            .order_by(Event.start_date)
        ):
            if status == "complete":
                seen(pid, start)
            elif pid not in pending:
                pending[pid] = IncompletePart1(pid, "", title, start, status)
        cons = (
            Consultation.deleted.is_(False),
            Consultation.esf_counting == "participant",
            Consultation.status.in_(COUNTED_STATUSES),  # drafts never count (issue 11)
            Consultation.date >= period.start,
            Consultation.date <= period.end,
        )
        for advised, when in session.execute(
            select(Consultation.person_id, Consultation.date).where(
                *cons, Consultation.person_id.is_not(None)
            )
        ):
            seen(str(advised), when)
        for pid, when in session.execute(
            select(ConsultationParticipant.person_id, Consultation.date)
            .join(Consultation, Consultation.id == ConsultationParticipant.consultation_id)
            .where(ConsultationParticipant.deleted.is_(False), *cons)
        ):
            seen(pid, when)
        wanted = set(first_date) | set(pending)
        persons = {
            p.id: p
            for chunk in _chunks(sorted(wanted), 900)
            for p in session.scalars(select(Person).where(Person.id.in_(chunk)))
            if not p.deleted
        }
    counts: dict[str, Counter[str]] = {code: Counter() for code in INDICATORS}
    counted = frozenset(pid for pid in first_date if pid in persons)
    for pid in counted:
        person = persons[pid]
        gender = person.gender if person.gender in GENDERS else Gender.NOT_STATED.value
        for code in _indicator_codes(person, first_date[pid].year):
            counts[code][gender] += 1
    incomplete = [
        IncompletePart1(
            pid,
            _person_name(persons[pid]),
            item.event_title,
            item.event_date,
            item.status,
        )
        for pid, item in pending.items()
        if pid not in counted and pid in persons
    ]
    incomplete.sort(key=lambda i: (i.name.casefold(), i.event_date))
    return EsfParticipants(
        {code: GenderCounts(**{g: c[g] for g in GENDERS}) for code, c in counts.items()},
        counted,
        incomplete,
    )


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p) or "–"


def esf_entities(store: Store, period: Period) -> EsfEntities:
    """SMEs supported (EECO19) by size class; an SME advised several times counts once."""
    with store.read() as session:
        found = session.execute(
            select(Organisation.id, Organisation.sme_class)
            .where(
                Organisation.deleted.is_(False),
                Organisation.id.in_(
                    select(Consultation.organisation_id).where(
                        Consultation.deleted.is_(False),
                        Consultation.esf_counting == "entity",
                        Consultation.status.in_(COUNTED_STATUSES),
                        Consultation.date >= period.start,
                        Consultation.date <= period.end,
                    )
                ),
            )
            .distinct()
        ).all()
    by_class = {"micro": 0, "small": 0, "medium": 0}
    ids: set[str] = set()
    large = unknown = 0
    for oid, cls in found:
        if cls in by_class:
            by_class[cls] += 1
            ids.add(oid)
        elif cls == "large":
            large += 1
        else:
            unknown += 1
    return EsfEntities(by_class, frozenset(ids), large, unknown)


# ---------------------------------------------------------------- self-employed situation

Cell = int | str
"""A shown count, or the marker of a suppressed cell (``"<5"`` primary, ``"•"`` secondary)."""

SECONDARY = "•"


@dataclass(frozen=True)
class SuppressedTable:
    rows: list[str]
    columns: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    total: Cell | None


def suppress(
    matrix: Sequence[Sequence[int]],
    threshold: int = DEFAULT_MIN_CELL,
    row_totals: bool = True,
    column_totals: bool = True,
) -> tuple[list[list[Cell]], list[Cell] | None, list[Cell] | None, Cell | None]:
    """Hide counts 1…threshold-1 ("<5"), then hide further cells ("•") until no line that has a
    shown total contains exactly one hidden cell (so the total cannot give it away)."""
    n_rows = len(matrix)
    n_cols = len(matrix[0]) if n_rows else 0
    # The table with its total column and total row as ordinary cells of the grid.
    grid = [list(r) + [sum(r)] for r in matrix]
    grid.append([sum(grid[i][j] for i in range(n_rows)) for j in range(n_cols + 1)])
    hidden = [[0 < v < threshold for v in row] for row in grid]
    secondary: set[tuple[int, int]] = set()
    lines: list[list[tuple[int, int]]] = []
    if row_totals:
        lines += [
            [(i, j) for j in range(n_cols + 1)] for i in range(n_rows + (1 if column_totals else 0))
        ]
    if column_totals:
        lines += [
            [(i, j) for i in range(n_rows + 1)] for j in range(n_cols + (1 if row_totals else 0))
        ]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[i][j] for i, j in line) != 1:
                continue
            inner = [(i, j) for i, j in line[:-1] if not hidden[i][j] and grid[i][j] > 0]
            i, j = min(inner, key=lambda c: grid[c[0]][c[1]]) if inner else line[-1]
            hidden[i][j] = True
            secondary.add((i, j))
            changed = True

    def cell(i: int, j: int) -> Cell:
        if not hidden[i][j]:
            return grid[i][j]
        return SECONDARY if (i, j) in secondary else f"<{threshold}"

    cells = [[cell(i, j) for j in range(n_cols)] for i in range(n_rows)]
    rt = [cell(i, n_cols) for i in range(n_rows)] if row_totals else None
    ct = [cell(n_rows, j) for j in range(n_cols)] if column_totals else None
    total = cell(n_rows, n_cols) if row_totals or column_totals else None
    return cells, rt, ct, total


Keys = list[int]
"""The cell-key record keys of the records counted in one cell (zz_protocol.cellkey)."""


def perturb_table(
    matrix: Sequence[Sequence[Keys]],
    threshold: int = DEFAULT_MIN_CELL,
    row_totals: bool = True,
    column_totals: bool = True,
) -> tuple[list[list[Cell]], list[Cell] | None, list[Cell] | None, Cell | None]:
    """The cell-key method (docs/disclosure-control.md): every cell and every total is its own
    logical cell, perturbed by the key of its records, so totals carry their own noise and do
    not pin a hidden cell; a perturbed count under ``threshold`` (zeros too) is shown as "<5"."""

    def cell(keys: Keys) -> Cell:
        value = cellkey.publish(len(keys), cellkey.cell_key(keys), threshold)
        return f"<{threshold}" if value is None else value

    n_cols = len(matrix[0]) if matrix else 0
    cells = [[cell(k) for k in row] for row in matrix]
    rt = [cell([k for c in row for k in c]) for row in matrix] if row_totals else None
    ct = (
        [cell([k for row in matrix for k in row[j]]) for j in range(n_cols)]
        if column_totals
        else None
    )
    everything = [k for row in matrix for c in row for k in c]
    total = cell(everything) if row_totals or column_totals else None
    return cells, rt, ct, total


def _table(
    rows: list[str],
    columns: list[str],
    keys: dict[tuple[str, str], Keys],
    threshold: int,
    row_totals: bool = True,
    column_totals: bool = True,
) -> SuppressedTable:
    matrix = [[keys.get((r, c), []) for c in columns] for r in rows]
    cells, rt, ct, total = perturb_table(matrix, threshold, row_totals, column_totals)
    return SuppressedTable(rows, columns, cells, rt, ct, total)


def _distribution(
    values: Iterable[tuple[str, str]], order: Sequence[str], threshold: int
) -> SuppressedTable:
    """(value, person id) pairs → a one-column table of persons per value."""
    keys: dict[tuple[str, str], Keys] = {}
    for value, pid in values:
        keys.setdefault((value, "n"), []).append(cellkey.key_of_id(pid))
    present = [o for o in order if (o, "n") in keys] + ([UNKNOWN] if (UNKNOWN, "n") in keys else [])
    return _table(present, ["n"], keys, threshold, row_totals=False)


@dataclass(frozen=True)
class SelfEmployedReport:
    period: Period
    threshold: int
    consultations: Cell
    persons: Cell
    by_topic: SuppressedTable
    health_insurance: SuppressedTable
    pension: SuppressedTable
    unemployment_insurance: SuppressedTable
    platform_work: SuppressedTable
    fee_bands: SuppressedTable


def min_cell(store: Store) -> int:
    value = store.get_setting("reports.min_cell", DEFAULT_MIN_CELL)
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else DEFAULT_MIN_CELL


def _yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else ("yes" if value else "no")


def selfemployed_report(
    store: Store, period: Period, threshold: int | None = None
) -> SelfEmployedReport:
    """The Haus der Selbstständigen's aggregate view; every cell < ``threshold`` suppressed."""
    threshold = threshold or min_cell(store)
    with store.read() as session:
        profiles: dict[str, SelfEmployedProfile] = {}
        for prof in session.scalars(
            select(SelfEmployedProfile).where(SelfEmployedProfile.deleted.is_(False))
        ):
            profiles.setdefault(prof.person_id, prof)
        found = session.execute(
            select(Consultation.id, Consultation.person_id, Consultation.topics).where(
                Consultation.deleted.is_(False),
                Consultation.date >= period.start,
                Consultation.date <= period.end,
                Consultation.person_id.in_(select(SelfEmployedProfile.person_id)),
            )
        ).all()
    advised = [(str(cid), str(pid), topics) for cid, pid, topics in found if pid in profiles]
    persons = {pid for _, pid, _ in advised}
    # Record keys: consultations and persons are counted, each by the key of its random id.
    topic_keys: dict[tuple[str, str], Keys] = {}
    for cid, _, topics in advised:
        for tp in dict.fromkeys(topics or []):
            topic_keys.setdefault((tp, "n"), []).append(cellkey.key_of_id(cid))
    topic_rows = sorted({tp for tp, _ in topic_keys}, key=lambda tp: -len(topic_keys[(tp, "n")]))
    prof_list = [(pid, profiles[pid]) for pid in sorted(persons)]
    fee_cols = [b.value for b in FeeBand] + [UNKNOWN]
    fee_keys: dict[tuple[str, str], Keys] = {}
    for pid, prof in prof_list:
        cell = (_section(prof.sector_code, prof.sector_version), prof.fee_band or UNKNOWN)
        fee_keys.setdefault(cell, []).append(cellkey.key_of_id(pid))
    fee_rows = sorted({r for r, _ in fee_keys}, key=lambda s: (s == UNKNOWN, s))
    count_cells, _, _, _ = perturb_table(
        [
            [[cellkey.key_of_id(cid) for cid, _, _ in advised]],
            [[cellkey.key_of_id(pid) for pid in persons]],
        ],
        threshold,
        False,
        False,
    )
    return SelfEmployedReport(
        period=period,
        threshold=threshold,
        consultations=count_cells[0][0],
        persons=count_cells[1][0],
        by_topic=_table(topic_rows, ["n"], topic_keys, threshold, False, False),
        health_insurance=_distribution(
            ((p.health_insurance or UNKNOWN, pid) for pid, p in prof_list),
            [h.value for h in HealthInsurance],
            threshold,
        ),
        pension=_distribution(
            ((p.pension or UNKNOWN, pid) for pid, p in prof_list),
            [p.value for p in PensionProvision],
            threshold,
        ),
        unemployment_insurance=_distribution(
            ((_yes_no(p.unemployment_insurance), pid) for pid, p in prof_list),
            ["yes", "no"],
            threshold,
        ),
        platform_work=_distribution(
            ((_yes_no(p.platform_work), pid) for pid, p in prof_list), ["yes", "no"], threshold
        ),
        fee_bands=_table(fee_rows, fee_cols, fee_keys, threshold),
    )


# ---------------------------------------------------------------- Beratungsprotokoll


@dataclass(frozen=True)
class ProtocolPerson:
    name: str
    role: str
    function_title: str


@dataclass(frozen=True)
class ActionItem:
    what: str
    who: str
    due: dt.date
    done: bool


@dataclass(frozen=True)
class ProtocolData:
    consultation: dict[str, Any]
    organisation: dict[str, Any] | None
    person: ProtocolPerson | None
    participants: list[ProtocolPerson]
    advisors: list[str]
    actions: list[ActionItem] = field(default_factory=list)


def protocol_data(store: Store, consultation_id: str) -> ProtocolData:
    """What the Beratungsprotokoll of one consultation shows (one read transaction)."""
    with store.read() as session:
        cons = session.get(Consultation, consultation_id)
        if cons is None or cons.deleted:
            raise NotFound(t("Record {id} was not found.", id=consultation_id))
        values = {c.key: getattr(cons, c.key) for c in Consultation.__table__.columns}
        org = session.get(Organisation, cons.organisation_id) if cons.organisation_id else None
        org_values = (
            {c.key: getattr(org, c.key) for c in Organisation.__table__.columns} if org else None
        )
        users = dict(session.execute(select(AppUser.id, AppUser.display_name)).all())
        # ``deleted`` is filtered in Python: with it in the WHERE clause SQLite picks the
        # (useless) index on ``deleted`` over the one on the consultation id — a table scan.
        linked = [
            pid
            for pid, gone in session.execute(
                select(ConsultationParticipant.person_id, ConsultationParticipant.deleted).where(
                    ConsultationParticipant.consultation_id == consultation_id
                )
            )
            if not gone
        ]
        ids = [cons.person_id, *linked] if cons.person_id else linked
        people = {
            p.id: p
            for p in session.scalars(select(Person).where(Person.id.in_(ids)))
            if not p.deleted
        }
        roles: dict[str, tuple[str, str]] = {}
        if org is not None and ids:
            for aff in session.scalars(
                select(Affiliation).where(
                    Affiliation.organisation_id == org.id, Affiliation.person_id.in_(ids)
                )
            ):
                if not aff.deleted:
                    roles[aff.person_id] = (aff.role, aff.function_title or "")
        followups = [
            fu
            for fu in session.scalars(
                select(FollowUp)
                .where(FollowUp.consultation_id == consultation_id)
                .order_by(FollowUp.due_date)
            )
            if not fu.deleted
        ]

    def person(pid: str) -> ProtocolPerson:
        p = people[pid]
        role, title = roles.get(pid, ("", ""))
        return ProtocolPerson(_person_name(p), role, title)

    main = person(cons.person_id) if cons.person_id in people else None
    participants = [
        person(pid) for pid in dict.fromkeys(linked) if pid in people and pid != cons.person_id
    ]
    return ProtocolData(
        consultation=values,
        organisation=org_values,
        person=main,
        participants=participants,
        advisors=[users.get(a, "") for a in cons.advisor_ids or [] if users.get(a)],
        actions=[
            ActionItem(
                fu.text, users.get(fu.owner_id or "", ""), fu.due_date, fu.done_at is not None
            )
            for fu in followups
        ],
    )


def consultations_in(
    store: Store, period: Period, limit: int = 500
) -> list[tuple[str, dt.date, str]]:
    """(id, date, title or organisation) of the period's consultations, newest first — for
    choosing a protocol to print."""
    with store.read() as session:
        rows = session.execute(
            select(Consultation.id, Consultation.date, Consultation.title, Organisation.name)
            .outerjoin(Organisation, Organisation.id == Consultation.organisation_id)
            .where(
                Consultation.deleted.is_(False),
                Consultation.date >= period.start,
                Consultation.date <= period.end,
                or_(Consultation.organisation_id.is_(None), Organisation.deleted.is_(False)),
            )
            .order_by(Consultation.date.desc())
            .limit(limit)
        ).all()
    return [(cid, date, name or title or "") for cid, date, title, name in rows]
