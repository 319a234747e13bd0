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
