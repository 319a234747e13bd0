"""Overload: a push that cannot get its turn in time is answered 503 with Retry-After (the client
retries), and reads never wait behind writers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

from tests.hub.conftest import fresh_hub
from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import HubProcess

FAST_BUSY = {
    "ZZ_HUB_BUSY_TIMEOUT_SECONDS": "1",
    "ZZ_HUB_WRITE_WAIT_SECONDS": "1",
    "ZZ_HUB_RETRY_AFTER_SECONDS": "3",
}


@pytest.fixture(scope="module")
def hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    yield from fresh_hub(backend, tmp_path_factory, env=FAST_BUSY)


@contextmanager
def writer_holding_the_lock(database_url: str) -> Iterator[None]:
    """Another writer that holds the sequence lock (PostgreSQL) / the write lock (SQLite)."""
    if database_url.startswith("sqlite"):
        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.rollback()
            conn.close()
        return
    conninfo = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as pg:
        pg.execute("SELECT value FROM centre_counter FOR UPDATE")  # every centre's sequence
        yield
        pg.rollback()


def test_push_without_a_turn_is_503_and_reads_go_on(hub: HubProcess) -> None:
    anna = Device(hub.base_url, "berater1")
    anna.push_ok([op("organisation", new_id(), name="vorher")])
    with writer_holding_the_lock(hub.database_url):
        response = anna.push([op("organisation", new_id(), name="wartet")])
        assert response.status_code == 503, response.text
        assert response.headers["retry-after"] == "3"
        # Pull and check read committed data without any lock.
        assert anna.pull().status_code == 200
        assert anna.http.get("/sync/check").status_code == 200
    again = anna.push([op("organisation", new_id(), name="danach")])
    assert again.status_code == 200
    assert "internal error" not in hub.log()


def test_connections_dropped_by_the_server_are_503_then_replaced(hub: HubProcess) -> None:
    """No ping before each checkout (zz_hub/db.py): when PostgreSQL drops the pool's
    connections (a restart, pg_terminate_backend), a request that meets one is answered 503
    (the client retries) and the pool is replaced — never a 500, and the next requests work."""
    if not hub.database_url.startswith("postgresql"):
        pytest.skip("SQLite has no server that could drop a connection")
    anna = Device(hub.base_url, "berater1")
    anna.push_ok([op("organisation", new_id(), name="vorher")])
    conninfo = hub.database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as pg:
        dropped = pg.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
    assert dropped is not None and dropped[0] >= 1
    first = anna.pull()
    assert first.status_code == 503, first.text  # it met a dropped connection
    assert first.headers["retry-after"] == "3"
    assert [anna.pull().status_code for _ in range(3)] == [200, 200, 200]  # pool replaced
    assert anna.push([op("organisation", new_id(), name="danach")]).status_code == 200
    assert "internal error" not in hub.log()
