"""Lists of records for the list views, exports and benches: which ids match a filter in which
order (:func:`list_ids`) and the display values of a few of them (:func:`rows`).

Filtering and sorting happen in SQL, so a list of 100,000 consultations costs one indexed query
for its ids and one small query per visible page. Each entity is described once by an
:class:`EntitySpec` (its columns as SQL expressions, the filters it understands). Qt-free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import text

from zz_desktop.domain import codelists
from zz_desktop.i18n import get_language
from zz_desktop.store.database import Store
from zz_desktop.store.search import fts_query

Filters = Mapping[str, Any]
Sort = tuple[str, bool] | None  # (column key, descending)


@dataclass(frozen=True)
class Column:
    """One list column. ``kind`` tells the UI how to show the value: text, date, int, hours,
    enum (a code the UI translates), topics / advisors (lists turned into labels here), kreis
    (an AGS shown as the Kreis name), bool."""

    key: str
    sql: str
    kind: str = "text"
    visible: bool = True
    sortable: bool = True


@dataclass(frozen=True)
class EntitySpec:
    table: str
    joins: str
    columns: tuple[Column, ...]
    default_sort: tuple[str, bool]
    date_sql: str | None = None
    filters: frozenset[str] = frozenset()

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


_ORG_JOIN = "LEFT JOIN organisation o ON o.id = t.organisation_id"
_PERSON_JOIN = "LEFT JOIN person p ON p.id = t.person_id"

SPECS: dict[str, EntitySpec] = {
    "organisation": EntitySpec(
        table="organisation",
        joins="",
        columns=(
            Column("name", "t.name"),
            Column("city", "t.city"),
            Column("postcode", "t.postcode"),
            Column("kreis", "t.ags", "kreis"),
            Column("sme_class", "t.sme_class", "enum"),
            Column("employees", "t.employees", "int"),
            Column("sector_code", "t.sector_code", visible=False),
            Column("phone", "t.phone"),
            Column("email", "t.email", visible=False),
            Column(
                "consultations",
                "(SELECT count(*) FROM consultation c WHERE c.organisation_id = t.id "
                "AND c.deleted = 0)",
                "int",
                visible=False,
                sortable=False,
            ),
        ),
        default_sort=("name", False),
        filters=frozenset({"text", "kreis", "sme_class"}),
    ),
    "person": EntitySpec(
        table="person",
        joins="",
        columns=(
            Column("last_name", "t.last_name"),
            Column("first_name", "t.first_name"),
            Column(
                "organisation",
                "(SELECT o.name FROM affiliation a JOIN organisation o ON o.id = a.organisation_id "
                "WHERE a.person_id = t.id AND a.deleted = 0 AND o.deleted = 0 LIMIT 1)",
                sortable=False,
            ),
            Column("email", "t.email"),
            Column("phone", "t.phone"),
            Column("postcode", "t.postcode"),
            Column("gender", "t.gender", "enum", visible=False),
            Column("employment_status", "t.employment_status", "enum", visible=False),
        ),
        default_sort=("last_name", False),
        filters=frozenset({"text", "organisation_id"}),
    ),
    "consultation": EntitySpec(
        table="consultation",
        joins=f"{_ORG_JOIN} {_PERSON_JOIN}",
        columns=(
            Column("date", "t.date", "date"),
            Column("organisation", "o.name"),
            Column(
                "person",
                "trim(coalesce(p.last_name, '') || ', ' || coalesce(p.first_name, ''), ', ')",
            ),
            Column("title", "t.title"),
            Column("kind", "t.kind", "enum"),
            Column("mode", "t.mode", "enum"),
            Column("duration_min", "t.duration_min", "int"),
            Column("topics", "t.topics", "topics", sortable=False),
            Column("advisors", "t.advisor_ids", "advisors", visible=False, sortable=False),
            Column("kreis", "o.ags", "kreis", visible=False),
            Column("status", "t.status", "enum"),
        ),
        default_sort=("date", True),
        date_sql="t.date",
        filters=frozenset(
            {
                "text",
                "date_from",
                "date_to",
                "topic",
                "mode",
                "kind",
                "advisor",
                "kreis",
                "sme_class",
                "organisation_id",
                "person_id",
            }
        ),
    ),
    "event": EntitySpec(
        table="event",
        joins="",
        columns=(
            Column("start_date", "t.start_date", "date"),
            Column("title", "t.title"),
            Column("type", "t.type", "enum"),
            Column("place", "CASE WHEN t.online THEN 'online' ELSE t.place END"),
            Column("hours", "t.hours", "hours"),
            Column(
                "participants",
                "(SELECT count(*) FROM participation x WHERE x.event_id = t.id AND x.deleted = 0)",
                "int",
                sortable=False,
            ),
            Column(
                "part1_incomplete",
                "(SELECT count(*) FROM participation x WHERE x.event_id = t.id AND x.deleted = 0 "
                "AND x.entry_questionnaire != 'complete')",
                "int",
                sortable=False,
            ),
            Column("topics", "t.topics", "topics", visible=False, sortable=False),
        ),
        default_sort=("start_date", True),
        date_sql="t.start_date",
        filters=frozenset({"text", "date_from", "date_to", "topic", "type", "advisor"}),
    ),
    "followup": EntitySpec(
        table="followup",
        joins=_ORG_JOIN,
        columns=(
            Column("due_date", "t.due_date", "date"),
            Column("text", "t.text"),
            Column("organisation", "o.name"),
            Column("done_at", "t.done_at", "date"),
            Column("organisation_id", "t.organisation_id", visible=False, sortable=False),
        ),
        default_sort=("due_date", False),
        date_sql="t.due_date",
        filters=frozenset({"date_from", "date_to", "organisation_id", "open"}),
    ),
}


def spec(entity: str) -> EntitySpec:
    return SPECS[entity]


def _where(entity: str, filters: Filters) -> tuple[list[str], dict[str, Any]]:
    sp = SPECS[entity]
    clauses = ["t.deleted = 0"]
    params: dict[str, Any] = {}
    for key, value in filters.items():
        if value in (None, "", [], ()):
            continue
        if key not in sp.filters:
            raise ValueError(f"{entity} cannot be filtered by {key}")
        if key == "text":
            query = fts_query(str(value))
            if query is None:
                continue
            clauses.append(
                "t.id IN (SELECT entity_id FROM search_index WHERE search_index MATCH :q "
                "AND entity = :entity)"
            )
            params |= {"q": query, "entity": entity}
        elif key in ("date_from", "date_to"):
            op = ">=" if key == "date_from" else "<="
            clauses.append(f"{sp.date_sql} {op} :{key}")
            params[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
        elif key == "topic":
            clauses.append("EXISTS (SELECT 1 FROM json_each(t.topics) WHERE value = :topic)")
            params["topic"] = value
        elif key == "advisor":
            clauses.append("EXISTS (SELECT 1 FROM json_each(t.advisor_ids) WHERE value = :advisor)")
            params["advisor"] = value
        elif key in ("kreis", "sme_class"):
            alias = "t" if entity == "organisation" else "o"
            column = "ags" if key == "kreis" else "sme_class"
            if key == "kreis":
                clauses.append(f"substr({alias}.ags, 1, 5) = :kreis")
            else:
                clauses.append(f"{alias}.{column} = :sme_class")
            params[key] = value
        elif key == "organisation_id" and entity == "person":
            clauses.append(
                "t.id IN (SELECT person_id FROM affiliation WHERE organisation_id = :org "
                "AND deleted = 0)"
            )
            params["org"] = value
        elif key == "open":
            clauses.append("t.done_at IS NULL")
        else:  # plain equality: mode, kind, type, organisation_id, person_id
            clauses.append(f"t.{key} = :{key}")
            params[key] = value
    return clauses, params


def _order(col: Column, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    if col.kind == "text":
        nulls = "DESC" if descending else "ASC"
        return f"{col.sql} IS NULL {nulls}, {col.sql} COLLATE NOCASE {direction}, t.id {direction}"
    return f"{col.sql} {direction}, t.id {direction}"


def list_ids(
    store: Store,
    entity: str,
    filters: Filters | None = None,
    sort: Sort = None,
    limit: int | None = None,
    offset: int = 0,
    from_end: bool = False,
) -> list[str]:
    """Ids of the records that match ``filters`` in the order of ``sort``. With ``limit`` /
    ``offset`` one page of them; ``from_end`` counts the page from the end of the list (the
    ids are still returned in list order), so the last page costs as little as the first."""
    sp = SPECS[entity]
    clauses, params = _where(entity, filters or {})
    key, descending = sort or sp.default_sort
    col = sp.column(key)
    if not col.sortable:
        key, descending = sp.default_sort
        col = sp.column(key)
    order = _order(col, descending != from_end)
    # Joins are only needed when the filter or the order refers to them.
    needs_join = "o." in order or "p." in order or any("o." in c for c in clauses)
    # "+t.deleted": keep the planner on the index of the sort column (reading pages in order
    # and stopping at LIMIT) instead of the barely selective index on ``deleted``.
    where = " AND ".join("+t.deleted = 0" if c == "t.deleted = 0" else c for c in clauses)
    sql = (
        f"SELECT t.id FROM {sp.table} t {sp.joins if needs_join else ''} "
        f"WHERE {where} ORDER BY {order}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    with store.read() as session:
        # The driver takes named parameters as they are (no SQL compilation on this hot path).
        ids = list(session.connection().exec_driver_sql(sql, params).scalars())
    return ids[::-1] if from_end else ids


def count(store: Store, entity: str, filters: Filters | None = None) -> int:
    sp = SPECS[entity]
    clauses, params = _where(entity, filters or {})
    joins = sp.joins if any("o." in c or "p." in c for c in clauses) else ""
    sql = f"SELECT count(*) FROM {sp.table} t {joins} WHERE {' AND '.join(clauses)}"
    with store.read() as session:
        return int(session.execute(text(sql), params).scalar() or 0)


def rows(
    store: Store, entity: str, ids: Sequence[str], columns: Sequence[str] | None = None
) -> list[tuple[Any, ...]]:
    """Display values of ``ids`` (in that order; ids no longer present give ``None`` cells)."""
    sp = SPECS[entity]
    cols = [sp.column(k) for k in columns] if columns else list(sp.columns)
    if not ids:
        return []
    select = ", ".join(c.sql for c in cols)
    marks = ", ".join("?" for _ in ids)
    sql = f"SELECT t.id, {select} FROM {sp.table} t {sp.joins} WHERE t.id IN ({marks})"
    with store.read() as session:
        fetched = {r[0]: r[1:] for r in session.connection().exec_driver_sql(sql, tuple(ids))}
        names = _advisor_names(session) if any(c.kind == "advisors" for c in cols) else {}
    empty = (None,) * len(cols)
    return [
        tuple(_convert(c, v, names) for c, v in zip(cols, fetched.get(i, empty), strict=True))
        for i in ids
    ]


def _advisor_names(session: Any) -> dict[str, str]:
    return dict(session.execute(text("SELECT id, display_name FROM app_user")).all())


@cache
def _topic_labels(lang: str) -> dict[str, str]:
    return {tp.code: (tp.label_de if lang == "de" else tp.label_en) for tp in codelists.topics()}


def topic_label(code: str) -> str:
    return _topic_labels(get_language()).get(code, code)


def kreis_name(ags: str | None) -> str | None:
    if not ags:
        return None
    found = codelists.kreis_for_ags(ags)
    return found.name if found else ags[:5]


def _convert(col: Column, value: Any, names: Mapping[str, str]) -> Any:
    if value is None:
        return None
    if col.kind == "date":
        return dt.date.fromisoformat(str(value)[:10])
    if col.kind == "bool":
        return bool(value)
    if col.kind in ("topics", "advisors"):
        import json

        codes = json.loads(value) if isinstance(value, str) else value
        if col.kind == "topics":
            return ", ".join(topic_label(c) for c in codes)
        return ", ".join(names.get(c, "?") for c in codes)
    if col.kind == "kreis":
        return kreis_name(str(value))
    return value
