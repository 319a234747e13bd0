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


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def db_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from database_for(backend, tmp_path_factory.mktemp("hubdb"))


@pytest.fixture(scope="session")
def hub(db_url: str) -> Iterator[HubProcess]:
    """One hub per backend, shared by the modules (each works on its own rows)."""
    with running_hub_process(db_url) as process:
        yield process


@pytest.fixture(scope="session")
def base_url(hub: HubProcess) -> str:
    return hub.base_url


def fresh_hub(
    backend: str, tmp_path_factory: pytest.TempPathFactory, env: dict[str, str] | None = None
) -> Iterator[HubProcess]:
    """A hub on a database of its own, for tests that change hub-wide state."""
    for url in database_for(backend, tmp_path_factory.mktemp("ownhub")):
        with running_hub_process(url, env=env) as process:
            yield process
