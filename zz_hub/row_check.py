"""``zz-hub admin validate-rows``: find rows the hub stored before it validated pushes.

Since pushes are validated (``zz_protocol.validation``), no malformed value can enter a hub. A
hub that ran an older version may still hold such rows; every device then quarantines them on
pull (``zz_desktop/sync/held.py``). This check lets an administrator see them at the source:
each line names the centre, entity, id and the reason (``invalid_value:date:format``), never a
value — the output lands in tickets and terminals.

Two grades, because they call for different action: ``unstorable`` (type, range, length,
format — no device can store the row, someone must correct it with a device that has it) and
``outdated code`` (an enum or code-list value the current lists do not know — devices store it,
but it is not counted in the aggregates as intended).

Read-only: correcting a row means a new edit with a change number, which only a device's push
gives (so every device gets the corrected row and nothing is decided behind the users' backs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select, tuple_

from zz_hub.admin import AdminError
from zz_hub.db import Database
from zz_hub.models import Centre, SyncRow
from zz_protocol.validation import schema, stored_value_problem, value_problem

#: Rows read per query: the scan never holds the whole table in memory.
PAGE = 2000


@dataclass(frozen=True)
class InvalidRow:
    centre: str
    entity: str
    entity_id: str
    grade: str  # "unstorable" or "outdated code"
    problem: str


def _full_problem(entity: str, fields: dict[str, object]) -> str | None:
    """Why a field fails the complete rules incl. enums and code lists (unknown fields pass:
    a newer device may have written them)."""
    specs = schema().get(entity, {})
    for name, value in fields.items():
        spec = specs.get(name)
        if spec is not None and (problem := value_problem(spec, value)):
            return f"invalid_value:{name}:{problem}"
    return None


def judge(entity: str, fields: dict[str, object]) -> tuple[str, str] | None:
    """(grade, problem) for one stored row, or None when it is valid."""
    if entity not in schema():
        return "unstorable", "unknown_entity"
    if problem := stored_value_problem(entity, fields):
        return "unstorable", problem
    if problem := _full_problem(entity, fields):
        return "outdated code", problem
    return None


def invalid_rows(db: Database, centre_code: str | None = None) -> Iterator[InvalidRow]:
    """Every live row (deleted rows are never served with values) that fails validation,
    in key order, read in pages."""
    with db.read() as session:
        codes = dict(session.execute(select(Centre.id, Centre.code)).all())
        wanted = [cid for cid, code in codes.items() if centre_code in (None, code)]
    if centre_code is not None and not wanted:
        raise AdminError(f"unknown centre {centre_code}")
    key = tuple_(SyncRow.centre_id, SyncRow.entity, SyncRow.entity_id)
    after: tuple[str, str, str] | None = None
    while True:
        query = (
            select(SyncRow.centre_id, SyncRow.entity, SyncRow.entity_id, SyncRow.fields)
            .where(SyncRow.centre_id.in_(wanted), SyncRow.deleted.is_(False))
            .order_by(SyncRow.centre_id, SyncRow.entity, SyncRow.entity_id)
            .limit(PAGE)
        )
        if after is not None:
            query = query.where(key > tuple_(*after))
        with db.read() as session:
            rows = session.execute(query).all()
        for centre_id, entity, entity_id, fields in rows:
            verdict = judge(entity, fields or {})
            if verdict is not None:
                yield InvalidRow(codes[centre_id], entity, entity_id, *verdict)
        if len(rows) < PAGE:
            return
        after = rows[-1][:3]
