"""The figures of the activity report (Tätigkeitsbericht), from :func:`load_period`.

* Breakdowns by topic, advisor and partner institution count a consultation once under each of
  its topics / advisors / institutions, so their sum may exceed the number of consultations.
* An organisation is *new* in a period when it had no consultation before the period's start,
  otherwise *returning*.
* WZ sections follow :func:`zz_desktop.domain.codelists.report_section` (one rule for all).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from zz_desktop.domain.enums import (
    ConsultationKind,
    ConsultationMode,
)
from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS
from zz_desktop.reports.queries.followups import FollowUpSummary, followups_for
from zz_desktop.reports.queries.period import (
    UNKNOWN,
    Period,
    PeriodRows,
    load_period,
)
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Consultation,
    ConsultationParticipant,
    Event,
    Organisation,
    Participation,
    Person,
)

NEAR_CAP_HOURS = 60.0
"""Hours of in-depth advice from which an organisation is listed as near the 80 h cap."""


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
        followups_for(store, period, as_of),
        near_cap_of(store, rows),
    )
