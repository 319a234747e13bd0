"""``rowstate.insert_many`` (COPY on PostgreSQL, Core executemany elsewhere) stores exactly what
Core's INSERT stores: the same JSON text (pulls pass it on unparsed), defaults, NULLs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Text, cast, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zz_hub.db import Database
from zz_hub.migrate import upgrade
from zz_hub.models import AggConsultation, Centre
from zz_hub.rowstate import TABLE, _copy_plan, insert_many

CENTRE = "bulk-test"


def _row(entity_id: str, seq: int) -> dict[str, Any]:
    return {
        "centre_id": CENTRE,
        "entity": "organisation",
        "entity_id": entity_id,
        "fields": {
            "name": 'Bäckerei Müller "Zur Ecke"\n',
            "employees": 12,
            "tags": ["a"],
            "x": None,
        },
        "field_seq": {"name": 3},
        "field_meta": {"": {"author": "u", "device": "d", "at": "2026-03-02T09:30:00.000"}},
        "subject_id": None,
        "server_seq": seq,
        "changed_at": dt.datetime(2026, 3, 2, 9, 30, 0, 123000),
        "clean_device": None,
        # no "deleted" / "erased": their defaults (False) apply either way
    }


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_insert_many_stores_what_core_stores(backend: str, tmp_path: Any) -> None:
    from tests.hub.conftest import database_for

    for url in database_for(backend, tmp_path):
        database = Database(url)
        try:
            upgrade(database)
            with database.engine.connect() as conn, Session(bind=conn) as session:
                session.connection().execute(
                    insert(Centre.__table__).values(
                        id=CENTRE, code="ZZ-BULK", name="Bulk", state="ST", kind="regional"
                    )
                )
                rows = [_row("copy-1", 1), _row("copy-2", 2)]
                # PostgreSQL takes the COPY path (the point of insert_many), SQLite Core's.
                plan = _copy_plan(session.connection(), TABLE, rows)
                assert (plan is not None) == (backend == "postgres")
                insert_many(session, TABLE, rows)
                session.connection().execute(insert(TABLE), [_row("core-1", 3)])
                stored = {
                    r.entity_id: r
                    for r in session.connection().execute(
                        select(
                            TABLE.c.entity_id,
                            cast(TABLE.c.fields, Text).label("fields_text"),
                            cast(TABLE.c.field_meta, Text).label("meta_text"),
                            TABLE.c.deleted,
                            TABLE.c.erased,
                            TABLE.c.changed_at,
                            TABLE.c.subject_id,
                        ).where(TABLE.c.centre_id == CENTRE)
                    )
                }
                core = stored["core-1"]
                for name in ("copy-1", "copy-2"):
                    got = stored[name]
                    assert got.fields_text == core.fields_text
                    assert got.meta_text == core.meta_text
                    assert (got.deleted, got.erased) == (False, False)
                    assert got.changed_at == core.changed_at
                    assert got.subject_id is None
                # A table whose rows lack a column with a default still gets it.
                insert_many(
                    session,
                    AggConsultation.__table__,  # type: ignore[arg-type]
                    [_agg("c1"), _agg("c2")],
                )
                flags = (
                    session.connection()
                    .execute(
                        select(AggConsultation.first_month, AggConsultation.kreis).where(
                            AggConsultation.centre_id == CENTRE
                        )
                    )
                    .all()
                )
                assert sorted(flags) == [(False, "?"), (False, "?")]
                # A failing COPY surfaces as SQLAlchemy's error (db.is_overload reads those).
                with pytest.raises(IntegrityError):
                    insert_many(session, TABLE, [_row("copy-1", 4), _row("copy-9", 5)])
                conn.rollback()
        finally:
            database.dispose()


def _agg(consultation_id: str) -> dict[str, Any]:
    return {
        "centre_id": CENTRE,
        "consultation_id": consultation_id,
        "date": dt.date(2026, 3, 2),
        "quarter": "2026-Q1",
        "land": "ST",
        "mode": "on_site",
        "kind": "in_depth",
        "sector_section": "C",
        "sme_class": "small",
        "organisation_id": None,
    }
