"""Full-text search (FTS5) over names, notes and findings of organisations, persons,
consultations and events. The index lives inside the encrypted database."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from sqlalchemy import inspect, text
from sqlalchemy.orm import Session, load_only

from zz_desktop.domain.textfold import fold
from zz_desktop.store.base import Synced

#: ``title``/``body`` keep the text as written (shown in hits); only their folded copies
#: ``ftitle``/``fbody`` are indexed, so "weissenfels" finds "Weißenfels" (see domain.textfold).
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "entity UNINDEXED, entity_id UNINDEXED, title UNINDEXED, body UNINDEXED, ftitle, fbody, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
#: The one INSERT every writer (single save, bulk insert, sync apply) uses; rows from
#: :func:`entry`.
INSERT_SQL = (
    "INSERT INTO search_index (rowid, entity, entity_id, title, body, ftitle, fbody) "
    "VALUES (:rowid, :entity, :id, :title, :body, :ftitle, :fbody)"
)
#: Maps a record id to its FTS rowid, so that re-indexing one row never scans the index.
DOC_DDL = "CREATE TABLE IF NOT EXISTS search_doc (rowid INTEGER PRIMARY KEY, entity_id TEXT UNIQUE)"


def _text_of(obj: Synced, columns: tuple[str, ...]) -> str:
    return " ".join(str(v) for c in columns if (v := getattr(obj, c, None)))


def entry(entity: str, entity_id: str, title: str, body: str) -> dict[str, str]:
    """Parameters of :data:`INSERT_SQL` (without ``rowid``): the text and its folded copy."""
    return {
        "entity": entity,
        "id": entity_id,
        "title": title,
        "body": body,
        "ftitle": fold(title),
        "fbody": fold(body),
    }


def index_entry(obj: Synced) -> dict[str, str] | None:
    """What the index holds for ``obj`` (None for unsearchable or deleted rows)."""
    spec = type(obj).__search__
    if spec is None or obj.deleted:
        return None
    title_cols, body_cols = spec
    return entry(obj.__entity__, obj.id, _text_of(obj, title_cols), _text_of(obj, body_cols))


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
    conn.execute(text(INSERT_SQL), {"rowid": rowid, **(index_entry(obj) or {})})


@dataclass(frozen=True)
class Hit:
    entity: str
    entity_id: str
    title: str
    snippet: str


_TOKEN = re.compile(r"\w+", re.UNICODE)


def query_tokens(user_text: str) -> list[str]:
    """The folded words of what the user typed (the same fold as the index)."""
    return _TOKEN.findall(fold(user_text))


def fts_query(user_text: str) -> str | None:
    """A safe FTS5 query from what the user typed: every word (folded) as a prefix, all must
    match. Matches the folded columns only (the others are not indexed)."""
    tokens = query_tokens(user_text)
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
    tokens = query_tokens(user_text)
    for match in (f"{{ftitle}} : ({query})", query):
        sql = "SELECT entity, entity_id, title, body FROM search_index WHERE search_index MATCH :q"
        params: dict[str, object] = {"q": match, "limit": limit - len(hits) + len(seen)}
        if entity:
            sql += " AND entity = :entity"
            params["entity"] = entity
        sql += " ORDER BY rowid DESC LIMIT :limit"
        for row in conn.execute(text(sql), params):
            if row[1] in seen:
                continue
            seen.add(row[1])
            hits.append(Hit(row[0], row[1], row[2], snippet(row[3] or "", tokens)))
            if len(hits) >= limit:
                return hits
    return hits


_WORD = re.compile(r"\w+", re.UNICODE)


def snippet(body: str, tokens: list[str], words: int = 8) -> str:
    """A few words of ``body`` around the first word that matches (folded) a typed prefix, the
    match in brackets; computed from the original text so that the hit shows it as written.
    Reads only as far as the match: a long text is folded once and never scanned word by word."""
    if not body or not tokens:
        return ""
    folded = fold(body)
    first = _first_prefix(folded, tokens)
    if first is None:
        return ""  # the hit is in the title: nothing to mark here
    # Folding keeps word boundaries, so the match is the same word number in the original.
    at = len(_WORD.findall(folded, 0, first))
    lo = max(at - words // 2, 0)
    found = list(itertools.islice(_WORD.finditer(body), at + words // 2 + 1))
    if len(found) <= at or not fold(found[at].group()).startswith(tuple(tokens)):
        found = list(_WORD.finditer(body))  # boundaries moved: match word by word
        at = next((i for i, m in enumerate(found) if fold(m.group()).startswith(tuple(tokens))), -1)
        if at < 0:
            return ""
        lo = max(at - words // 2, 0)
        found = found[: at + words // 2 + 1]
    start, end = found[lo].start(), found[-1].end()
    m = found[at]
    text_ = body[start : m.start()] + "[" + m.group() + "]" + body[m.end() : end]
    more = bool(_WORD.search(body, end))
    return ("…" if lo > 0 else "") + " ".join(text_.split()) + ("…" if more else "")


def _first_prefix(folded: str, tokens: list[str]) -> int | None:
    """Where the first word starting with one of ``tokens`` begins in ``folded``."""
    hits = [m.start() for tok in tokens if (m := re.search(r"\b" + re.escape(tok), folded))]
    return min(hits) if hits else None


def rebuild(session: Session) -> int:
    """Rebuild the whole index (after a restore or a bulk import)."""
    from zz_desktop.store.models import SYNCED_MODELS

    conn = session.connection()
    conn.execute(text("DELETE FROM search_index"))
    conn.execute(text("DELETE FROM search_doc"))
    count = 0
    existing = set(inspect(conn).get_table_names())
    for model in SYNCED_MODELS.values():
        # Migrations rebuild on older schemas, which lack the tables of later entities.
        if model.__search__ is None or model.__tablename__ not in existing:  # type: ignore[attr-defined]
            continue
        # ... and older columns: load only those this schema has (later ones stay deferred).
        have = {c["name"] for c in inspect(conn).get_columns(model.__tablename__)}  # type: ignore[attr-defined]
        columns = [getattr(model, c.key) for c in model.__table__.columns if c.name in have]  # type: ignore[attr-defined]
        query = session.query(model).options(load_only(*columns))
        for obj in query.filter(model.deleted.is_(False)).yield_per(2000):
            reindex(session, obj)
            count += 1
    return count


def titles(session: Session, entity_ids: list[str]) -> dict[str, str]:
    """The titles the index shows for these records (records not indexed here are left out)."""
    found: dict[str, str] = {}
    unique = sorted(set(entity_ids))
    for start in range(0, len(unique), 500):
        part = unique[start : start + 500]
        marks = ",".join("?" * len(part))
        rows = session.connection().exec_driver_sql(
            f"SELECT entity_id, title FROM search_index WHERE entity_id IN ({marks})", tuple(part)
        )
        found.update((str(i), str(t or "")) for i, t in rows)
    return found
