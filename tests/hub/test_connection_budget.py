"""``zz-hub serve`` sizes each worker's pool so that all workers fit PostgreSQL's max_connections
(four workers of 32 connections would exceed the default 100 and fail requests under peak load)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.conftest import database_for
from zz_hub.cli import _fit_pools
from zz_hub.config import HubSettings
from zz_hub.db import SPARE_CONNECTIONS, Database, connection_limit, threads_per_worker
from zz_hub.testing import sqlite_url


def test_threads_fit_the_servers_connections() -> None:
    assert threads_per_worker(32, 2, 100, 3) == 32  # 64 + 10 spare fit in 97
    assert threads_per_worker(32, 4, 100, 3) == (100 - 3 - SPARE_CONNECTIONS) // 4 == 21
    assert threads_per_worker(8, 4, 100, 3) == 8  # never more than configured
    with pytest.raises(ValueError, match="raise max_connections or start fewer workers"):
        threads_per_worker(32, 30, 100, 3)


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    yield from database_for("postgres", tmp_path)


@pytest.mark.postgres
def test_serve_lowers_threads_to_fit(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database(pg_url)
    try:
        limit = connection_limit(db.engine)
        assert limit is not None
        max_connections, reserved = limit
        assert max_connections >= 20 and reserved >= 0
        workers = max(1, (max_connections - reserved - SPARE_CONNECTIONS) // 32 + 1)
        monkeypatch.delenv("ZZ_HUB_THREADS", raising=False)
        with caplog.at_level(logging.INFO, logger="zz_hub"):
            fitted = _fit_pools(db, HubSettings(database=pg_url, threads=32), workers)
        assert fitted.threads * workers + SPARE_CONNECTIONS + reserved <= max_connections
        assert fitted.threads < 32
        assert os.environ["ZZ_HUB_THREADS"] == str(fitted.threads)  # what the workers read
        assert "threads per worker instead of 32" in caplog.text
    finally:
        db.dispose()


def test_sqlite_has_no_connection_limit(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path))
    try:
        assert connection_limit(db.engine) is None
        assert _fit_pools(db, HubSettings(threads=32), 1).threads == 32
    finally:
        db.dispose()


@pytest.mark.postgres
def test_serve_refuses_more_workers_than_the_server_allows(pg_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "zz_hub", "serve", "--workers", "500", "--port", "0"],
        capture_output=True,
        text=True,
        env={**os.environ, "ZZ_HUB_DATABASE": pg_url},
        timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("zz-hub: error: PostgreSQL allows"), done.stderr
    assert "Traceback" not in done.stderr
