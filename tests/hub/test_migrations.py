"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tests.hub.conftest import database_for
from zz_hub.db import Database
from zz_hub.migrate import head_revision, upgrade
from zz_hub.models import Base


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    for url in database_for(request.param, tmp_path):
        db = Database(url)
        yield db
        db.dispose()


def test_migrated_schema_matches_models(database: Database) -> None:
    upgrade(database)
    upgrade(database)  # a second run is a no-op
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []


def test_0004_fills_kreis_organisation_keys_and_first_rows(database: Database) -> None:
    """Data already projected before 0004: every organisation gets one key, its Kreis from the
    AGS in its synced row, the month and exactly one first row per month/quarter/year."""
    from alembic import command
    from sqlalchemy import text

    from zz_hub.migrate import _config

    with database.engine.connect() as conn:
        command.upgrade(_config(conn), "0003_i15_device_client_version")
        conn.commit()
        conn.execute(
            text(
                "INSERT INTO centre (id, code, name, state, kind)"
                " VALUES ('c1', 'ZZ-ST', 'a', 'ST', 'regional')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO sync_row (centre_id, entity, entity_id, fields, field_seq,"
                " field_meta, deleted, erased, server_seq, changed_at) VALUES ('c1',"
                " 'organisation', 'o1', :f, '{}', '{}', false, false, 1, '2026-01-01')"
            ),
            {"f": '{"ags": "15003000", "name": "Geheim"}'},
        )
        for cid, day in (("k1", "2026-04-10"), ("k2", "2026-05-03"), ("k3", "2026-05-20")):
            conn.execute(
                text(
                    "INSERT INTO agg_consultation (centre_id, consultation_id, date, quarter,"
                    " land, mode, kind, sector_section, sme_class, organisation_id, record_key)"
                    " VALUES ('c1', :c, :d, '2026-Q2', 'ST', 'phone', 'signposting', 'J',"
                    " 'small', 'o1', 7)"
                ),
                {"c": cid, "d": day},
            )
        conn.commit()
    upgrade(database)
    with database.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT consultation_id, kreis, org_key, month, first_month, first_quarter,"
                " first_year FROM agg_consultation ORDER BY consultation_id"
            )
        ).all()
    assert [r[1] for r in rows] == ["15003"] * 3
    assert len({r[2] for r in rows}) == 1
    assert [r[3] for r in rows] == ["2026-04", "2026-05", "2026-05"]
    assert [tuple(bool(v) for v in r[4:]) for r in rows] == [
        (True, True, True),
        (True, False, False),
        (False, False, False),
    ]
