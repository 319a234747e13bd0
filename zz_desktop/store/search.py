"""Full-text search (FTS5) over names, notes and findings of organisations, persons,
consultations and events. The index lives inside the encrypted database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from zz_desktop.store.base import Synced

FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "entity UNINDEXED, entity_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
#: Maps a record id to its FTS rowid, so that re-indexing one row never scans the index.
DOC_DDL = "CREATE TABLE IF NOT EXISTS search_doc (rowid INTEGER PRIMARY KEY, entity_id TEXT UNIQUE)"


def _text_of(obj: Synced, columns: tuple[str, ...]) -> str:
    return " ".join(str(v) for c in columns if (v := getattr(obj, c, None)))


def index_entry(obj: Synced) -> dict[str, str] | None:
    """What the index holds for ``obj`` (None for unsearchable or deleted rows)."""
    spec = type(obj).__search__
    if spec is None or obj.deleted:
        return None
    title_cols, body_cols = spec
    return {
        "entity": obj.__entity__,
        "id": obj.id,
        "title": _text_of(obj, title_cols),
        "body": _text_of(obj, body_cols),
    }


def reindex(session: Session, obj: Synced) -> None:
    """Replace the index entry of ``obj`` (removing it when the row is deleted)."""
    spec = type(obj).__search__
    if spec is None:
        return
    conn = session.connection()
    rowid = conn.execute(
        text("SELECT rowid FROM search_doc WHERE entity_id = :id"), {"id": obj.id}
    ).scalar()
    if rowid is not None:
        conn.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": rowid})
    if obj.deleted:
        return
    if rowid is None:
        rowid = conn.execute(
            text("INSERT INTO search_doc (entity_id) VALUES (:id) RETURNING rowid"), {"id": obj.id}
        ).scalar()
    conn.execute(
        text(
            "INSERT INTO search_index (rowid, entity, entity_id, title, body) "
            "VALUES (:rowid, :entity, :id, :title, :body)"
        ),
        {"rowid": rowid, **(index_entry(obj) or {})},
    )


@dataclass(frozen=True)
class Hit:
    entity: str
    entity_id: str
    title: str
    snippet: str


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """A safe FTS5 query from what the user typed: every word as a prefix, all must match."""
    tokens = _TOKEN.findall(user_text)
    if not tokens:
        return None
    return " ".join(f'"{tok}"*' for tok in tokens)


def search(
    session: Session, user_text: str, limit: int = 50, entity: str | None = None
) -> list[Hit]:
    """Hits for what the user typed: matches in names/titles first, then in the text; newest
    first within each. Both passes walk the index in rowid order and stop after ``limit`` hits,
    so a short, common prefix costs no more than a rare word (no ranking over every match)."""
    query = fts_query(user_text)
    if query is None:
        return []
    conn = session.connection()
    hits: list[Hit] = []
    seen: set[str] = set()
    for match in (f"{{title}} : ({query})", query):
        sql = (
            "SELECT entity, entity_id, title, snippet(search_index, 3, '[', ']', '…', 8) "
            "FROM search_index WHERE search_index MATCH :q"
        )
        params: dict[str, object] = {"q": match, "limit": limit - len(hits) + len(seen)}
        if entity:
            sql += " AND entity = :entity"
            params["entity"] = entity
        sql += " ORDER BY rowid DESC LIMIT :limit"
        for row in conn.execute(text(sql), params):
            if row[1] in seen:
                continue
            seen.add(row[1])
            hits.append(Hit(row[0], row[1], row[2], row[3]))
            if len(hits) >= limit:
                return hits
    return hits


def rebuild(session: Session) -> int:
    """Rebuild the whole index (after a restore or a bulk import)."""
    from zz_desktop.store.models import SYNCED_MODELS

    conn = session.connection()
    conn.execute(text("DELETE FROM search_index"))
    conn.execute(text("DELETE FROM search_doc"))
    count = 0
    for model in SYNCED_MODELS.values():
        if model.__search__ is None:
            continue
        for obj in session.query(model).filter(model.deleted.is_(False)).yield_per(2000):
            reindex(session, obj)
            count += 1
    return count
