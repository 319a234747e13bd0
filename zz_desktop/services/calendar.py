"""The advisor's calendar: next appointments (a consultation's ``next_appointment``), open
follow-ups (due date) and events, for a week or month view and as an iCalendar file that a mail
client can subscribe to.

Each kind of entry comes from one small source function in :data:`SOURCES`; a new source (e.g.
appointments with a time of day) is one more function there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from zz_desktop.domain import roles
from zz_desktop.i18n import t
from zz_desktop.services import permissions
from zz_desktop.store.database import Store

PRODID = "-//Zukunftszentren Desktop//Kalender//DE"


@dataclass(frozen=True)
class Entry:
    kind: str  # "appointment" | "followup" | "event"
    entity: str  # the record it opens: "consultation" | "followup" | "event"
    entity_id: str
    start: dt.date
    end: dt.date  # last day (inclusive)
    title: str
    detail: str = ""  # company or place
    overdue: bool = False


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _appointments(session: Session, start: dt.date, end: dt.date) -> list[Entry]:
    rows = session.connection().execute(
        text(
            "SELECT c.id, c.next_appointment, c.title, o.name FROM consultation c "
            "LEFT JOIN organisation o ON o.id = c.organisation_id "
            "WHERE c.deleted = 0 AND c.next_appointment BETWEEN :a AND :b"
        ),
        {"a": start.isoformat(), "b": end.isoformat()},
    )
    out = []
    for cid, day, title, org in rows:
        d = _day(day)
        label = t("Appointment: {what}", what=org or title or t("consultation"))
        out.append(Entry("appointment", "consultation", cid, d, d, label, title or ""))
    return out


def _followups(session: Session, start: dt.date, end: dt.date) -> list[Entry]:
    today = dt.date.today()
    rows = session.connection().execute(
        text(
            "SELECT f.id, f.due_date, f.text, o.name FROM followup f "
            "LEFT JOIN organisation o ON o.id = f.organisation_id "
            "WHERE f.deleted = 0 AND f.done_at IS NULL AND f.due_date BETWEEN :a AND :b"
        ),
        {"a": start.isoformat(), "b": end.isoformat()},
    )
    return [
        Entry("followup", "followup", fid, _day(d), _day(d), txt, org or "", _day(d) < today)
        for fid, d, txt, org in rows
    ]


def _events(session: Session, start: dt.date, end: dt.date) -> list[Entry]:
    rows = session.connection().execute(
        text(
            "SELECT id, start_date, coalesce(end_date, start_date), title, place FROM event "
            "WHERE deleted = 0 AND start_date <= :b AND coalesce(end_date, start_date) >= :a"
        ),
        {"a": start.isoformat(), "b": end.isoformat()},
    )
    return [
        Entry("event", "event", eid, _day(s), _day(e), title, place or "")
        for eid, s, e, title, place in rows
    ]


Source = Callable[[Session, dt.date, dt.date], list[Entry]]
SOURCES: tuple[Source, ...] = (_appointments, _followups, _events)


def entries(store: Store, start: dt.date, end: dt.date) -> list[Entry]:
    """Everything in the calendar from ``start`` to ``end`` (inclusive), by day."""
    if end < start:
        raise ValueError("end before start")
    with store.read() as session:
        found = [e for source in SOURCES for e in source(session, start, end)]
    found.sort(key=lambda e: (e.start, e.kind, e.title))
    return found


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def to_ical(items: list[Entry], name: str) -> bytes:
    """An iCalendar (RFC 5545) file: one all-day VEVENT per entry, with a stable UID so that a
    subscribed calendar updates entries instead of duplicating them."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    categories = {
        "appointment": t("Appointment"),
        "followup": t("Follow-up"),
        "event": t("Event"),
    }
    for e in items:
        ev = Event()
        ev.add("uid", f"{e.kind}-{e.entity_id}@zukunftszentren-desktop")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.start)
        ev.add("dtend", e.end + dt.timedelta(days=1))  # exclusive for all-day entries
        ev.add("summary", e.title)
        if e.detail:
            ev.add("description", e.detail)
        ev.add("categories", [categories[e.kind]])
        cal.add_component(ev)
    return bytes(cal.to_ical())


def export_ics(
    store: Store, path: Path, start: dt.date | None = None, end: dt.date | None = None
) -> int:
    """Write the calendar from ``start`` (default: 30 days ago) to ``end`` (default: a year
    ahead) to ``path``; returns the number of entries."""
    permissions.require(store, roles.EXPORT_RECORDS)
    today = dt.date.today()
    start = start or today - dt.timedelta(days=30)
    end = end or today + dt.timedelta(days=365)
    items = entries(store, start, end)
    path.write_bytes(to_ical(items, t("Zukunftszentrum – appointments")))
    return len(items)
