"""``CentreScope.changes_after`` (a statement compiled once per shape, run as SQL text) reads
exactly what the Core statement it replaced read, on both backends: the same rows in the same
order, the same fields text, the same highest number."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import (
    ColumnElement,
    Text,
    cast,
    false,
    func,
    insert,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from zz_hub.db import Database
from zz_hub.migrate import upgrade
from zz_hub.models import Centre, SyncRow
from zz_hub.tenancy import PROGRAMME, CentreScope, row_fields

OWN, OTHER = "page-own", "page-other"
DEVICE, COLLEAGUE = "dev-1", "dev-2"


def reference_changes_after(
    scope: CentreScope, after: int, limit: int, skip_device: str | None
) -> tuple[list[tuple[Any, ...]], int | None]:
    """``CentreScope.changes_after`` as of b603cd8 (rows made plain tuples)."""
    columns = (
        SyncRow.server_seq,
        SyncRow.entity,
        SyncRow.entity_id,
        SyncRow.deleted,
        SyncRow.centre_id,
        cast(SyncRow.fields, Text).label("fields_json"),
    )
    others: ColumnElement[bool] = (
        func.coalesce(SyncRow.clean_device, "") != skip_device
        if skip_device is not None
        else true()
    )

    def part(where: ColumnElement[bool]) -> Any:
        return (
            select(*columns)
            .where(where, SyncRow.server_seq > after, others)
            .order_by(SyncRow.server_seq)
            .limit(limit)
        )

    own = part(SyncRow.centre_id == scope.centre_id)
    if scope.is_programme:
        page: Any = own
    else:
        merged = union_all(
            select(own.subquery()), select(part(scope._programme_rows()).subquery())
        ).subquery()
        page = select(merged).order_by(merged.c.server_seq).limit(limit)
    if skip_device is None:
        rows = [tuple(r) for r in scope.session.execute(page).all()]
        return rows, (int(rows[-1][0]) if rows else None)

    def top(where: ColumnElement[bool]) -> Any:
        return select(
            func.max(SyncRow.server_seq).label("server_seq"),
            literal("").label("entity"),
            literal("").label("entity_id"),
            false().label("deleted"),
            literal("").label("centre_id"),
            literal(None, Text).label("fields_json"),
        ).where(where, SyncRow.server_seq > after)

    parts = [select(page.subquery()), top(SyncRow.centre_id == scope.centre_id)]
    if not scope.is_programme:
        parts.append(top(scope._programme_rows()))
    found = scope.session.execute(union_all(*parts)).all()
    tops = [int(r.server_seq) for r in found if r.entity == "" and r.server_seq is not None]
    rows = sorted((tuple(r) for r in found if r.entity != ""), key=lambda r: int(r[0]))
    return rows, (max(tops) if tops else None)


def _rows() -> list[dict[str, Any]]:
    made: list[dict[str, Any]] = []
    seqs = {OWN: 0, OTHER: 0, PROGRAMME: 0}

    def add(centre: str, entity: str, deleted: bool = False, clean: str | None = None) -> None:
        seqs[centre] += 1
        n = seqs[centre]
        values = {"name": f'Bäckerei "Zur Ecke" {n}\n', "tags": ["ä", {"x": [1, 2.5]}]}
        made.append(
            {
                "centre_id": centre,
                "entity": entity,
                "entity_id": f"{entity}-{n}",
                "fields": row_fields(values, centre, deleted),
                "field_seq": {},
                "field_meta": {},
                "deleted": deleted,
                "erased": False,
                "subject_id": None,
                "server_seq": n,
                "changed_at": dt.datetime(2026, 3, 2, 9, 30),
                "clean_device": clean,
            }
        )

    for i in range(30):
        add(OWN, "person", deleted=i % 7 == 3, clean=(DEVICE, COLLEAGUE, None)[i % 3])
        if i % 2:
            add(OTHER, "person", clean=DEVICE)
        if i % 3 == 0:
            add(PROGRAMME, "partner_offer", deleted=i == 9)
        if i % 10 == 5:
            add(PROGRAMME, "conflict")  # stays with the coordinators
    for _ in range(8):
        add(OWN, "organisation", clean=DEVICE)  # a tail that a skipping pull leaves out
    return made


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_pages_read_what_the_core_statement_read(backend: str, tmp_path: Any) -> None:
    from tests.hub.conftest import database_for

    for url in database_for(backend, tmp_path):
        database = Database(url)
        try:
            upgrade(database)
            with database.engine.connect() as conn, Session(bind=conn) as session:
                for centre in (OWN, OTHER):
                    session.connection().execute(
                        insert(Centre.__table__).values(
                            id=centre, code=centre, name=centre, state="ST", kind="regional"
                        )
                    )
                session.connection().execute(insert(SyncRow.__table__), _rows())
                compared = 0
                for centre in (OWN, PROGRAMME):
                    scope = CentreScope(session, centre)
                    for skip in (None, DEVICE, COLLEAGUE):
                        for after in (0, 1, 9, 20, 37, 38, 60):
                            for limit in (1, 4, 11, 501):
                                got = scope.changes_after(after, limit, skip)
                                rows = [tuple(r) for r in got[0]]
                                want = reference_changes_after(scope, after, limit, skip)
                                assert (rows, got[1]) == want, (centre, skip, after, limit)
                                compared += bool(rows)
                assert compared > 80  # most of the 168 combinations have rows
                # The fields text is the stored text, unchanged (pulls pass it on).
                rows, _ = CentreScope(session, OWN).changes_after(0, 3)
                assert all(json.loads(r[5])["centre_id"] in (OWN, PROGRAMME) for r in rows)
        finally:
            database.dispose()
