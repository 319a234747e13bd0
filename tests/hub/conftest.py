"""Hub fixtures: a real ``zz-hub serve`` subprocess per module and database (SQLite, PostgreSQL).

PostgreSQL tests are marked ``postgres``; where the server does not answer they are skipped, or
fail when the ``CI`` environment variable is set (CI must never silently lose them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from zz_hub.testing import (
    HubProcess,
    pg_available,
    running_hub_process,
    sqlite_url,
    temporary_pg_database,
)

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def require_postgres() -> None:
    if pg_available():
        return
    if os.environ.get("CI"):
        pytest.fail("PostgreSQL is not reachable (ZZ_TEST_PG_URL) and CI is set")
    pytest.skip("PostgreSQL is not reachable")


def database_for(backend: str, tmp_dir: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield sqlite_url(tmp_dir)
        return
    require_postgres()
    with temporary_pg_database() as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    yield from database_for(request.param, tmp_path_factory.mktemp("hubdb"))


@pytest.fixture(scope="module")
def hub(db_url: str) -> Iterator[HubProcess]:
    with running_hub_process(db_url) as process:
        yield process


@pytest.fixture(scope="module")
def base_url(hub: HubProcess) -> str:
    return hub.base_url
