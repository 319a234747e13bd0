"""Global search with context per hit: what the search popup shows. A person comes with their
organisations, a consultation with its date and company (or person), an event with its date
and place, an organisation with its postcode and town. The context is read for the hits only
(a handful of keyed look-ups), so search as you type stays within budget B5."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from zz_desktop.store.database import Store
from zz_desktop.store.search import search as _index_search


@dataclass(frozen=True)
class Found:
    entity: str
    entity_id: str
    title: str
    snippet: str
    context: str


def _date(value: object) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    try:
        return dt.date.fromisoformat(str(value)[:10]).strftime("%d.%m.%Y")
    except ValueError:
        return ""


def _rows(session: Session, sql: str, ids: list[str]) -> list[tuple]:  # type: ignore[type-arg]
    if not ids:
        return []
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    return [tuple(r) for r in session.connection().execute(stmt, {"ids": ids})]


def _org_names(session: Session, ids: set[str]) -> dict[str, str]:
    sql = "SELECT id, name FROM organisation WHERE id IN :ids"
    return {r[0]: r[1] for r in _rows(session, sql, sorted(ids))}


def _person_names(session: Session, ids: set[str]) -> dict[str, str]:
    sql = "SELECT id, first_name, last_name FROM person WHERE id IN :ids"
    return {r[0]: " ".join(p for p in (r[1], r[2]) if p) for r in _rows(session, sql, sorted(ids))}


def find(session: Session, user_text: str, limit: int = 30) -> list[Found]:
    """Hits of the full-text index, each with one line of context."""
    hits = _index_search(session, user_text, limit=limit)
    by: dict[str, list[str]] = defaultdict(list)
    for h in hits:
        by[h.entity].append(h.entity_id)
    context: dict[str, str] = {}
    for oid, pc, city in _rows(
        session, "SELECT id, postcode, city FROM organisation WHERE id IN :ids", by["organisation"]
    ):
        context[oid] = " ".join(p for p in (pc, city) if p)
    affiliations = _rows(
        session,
        "SELECT person_id, organisation_id FROM affiliation WHERE deleted = 0 "
        "AND person_id IN :ids",
        by["person"],
    )
    consultations = _rows(
        session,
        "SELECT id, date, organisation_id, person_id FROM consultation WHERE id IN :ids",
        by["consultation"],
    )
    orgs = _org_names(session, {a[1] for a in affiliations} | {c[2] for c in consultations if c[2]})
    people = _person_names(session, {c[3] for c in consultations if c[3] and not c[2]})
    per_person: dict[str, list[str]] = defaultdict(list)
    for pid, oid in affiliations:
        if (name := orgs.get(oid)) and name not in per_person[pid]:
            per_person[pid].append(name)
    for pid, names in per_person.items():
        context[pid] = ", ".join(sorted(names))
    for cid, date, oid, pid in consultations:
        who = orgs.get(oid or "") or people.get(pid or "") or ""
        context[cid] = " · ".join(p for p in (_date(date), who) if p)
    for eid, start, place in _rows(
        session, "SELECT id, start_date, place FROM event WHERE id IN :ids", by["event"]
    ):
        context[eid] = " · ".join(p for p in (_date(start), place) if p)
    return [
        Found(h.entity, h.entity_id, h.title, h.snippet, context.get(h.entity_id, "")) for h in hits
    ]


# -------------------------------------------------------------------- for the GUI (no session)


def lookup(store: Store, user_text: str, limit: int = 30) -> list[Found]:
    """:func:`find` in a read of its own: what the search popup runs per keystroke."""
    with store.read() as session:
        return find(session, user_text, limit=limit)


def titles(store: Store, user_text: str, entity: str, limit: int = 15) -> dict[str, str]:
    """Title → id of the records of ``entity`` matching what was typed (a record picker's
    completion list), best first."""
    with store.read() as session:
        hits = _index_search(session, user_text, limit=limit, entity=entity)
    return {h.title: h.entity_id for h in hits}


def title_of(store: Store, record_id: str) -> str:
    """The title a record has in the search index ("" for an unknown id)."""
    with store.read() as session:
        row = session.execute(
            text("SELECT title FROM search_index WHERE entity_id = :id"), {"id": record_id}
        ).first()
    return str(row[0]) if row else ""
