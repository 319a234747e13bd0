"""Login rate limit: per account and per address, in the database, before any hash is computed."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.hub.conftest import database_for
from tests.hub.hub_client import login
from zz_hub.db import normalise_url
from zz_hub.testing import HubProcess, running_hub_process, seed

LIMITS = {
    "ZZ_HUB_LOGIN_MAX_FAILURES_USER": "3",
    "ZZ_HUB_LOGIN_MAX_FAILURES_ADDRESS": "8",
    # Expensive hashes make "no hash was computed" visible in the response time.
    "ZZ_HUB_ARGON2_TIME_COST": "3",
    "ZZ_HUB_ARGON2_MEMORY_KIB": "65536",
}


@pytest.fixture(scope="module")
def limited_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    for url in database_for(backend, tmp_path_factory.mktemp("limited")):
        seed(url)  # accounts with cheap hashes; the hub itself hashes at full cost
        with running_hub_process(url, demo=False, env=LIMITS) as process:
            yield process


def test_account_limit_blocks_even_the_right_password(limited_hub: HubProcess) -> None:
    base = limited_hub.base_url
    for _ in range(3):
        assert login(base, "berater2", "wrong").status_code == 401
    started = time.perf_counter()
    blocked = login(base, "berater2", "demo")
    blocked_time = time.perf_counter() - started
    assert blocked.status_code == 429
    assert login(base, "ghost", "wrong").status_code == 401  # makes the dummy hash once
    started = time.perf_counter()
    assert login(base, "ghost", "wrong").status_code == 401  # costs one full Argon2 verify
    hashed_time = time.perf_counter() - started
    # The refusal came before Argon2 ran: it is much faster than a hashed attempt.
    assert blocked_time < hashed_time / 2
    # Other accounts are not affected.
    assert login(base, "berater1", "demo").status_code == 200


def test_address_limit_spans_accounts(limited_hub: HubProcess) -> None:
    base = limited_hub.base_url
    statuses = [login(base, f"ghost{i}", "wrong").status_code for i in range(10)]
    assert 429 in statuses
    assert login(base, "berater1", "demo").status_code == 429


def test_counters_live_in_the_database(limited_hub: HubProcess) -> None:
    engine = create_engine(normalise_url(limited_hub.database_url))
    with engine.connect() as conn:
        keys = {row[0] for row in conn.execute(text("SELECT key FROM login_throttle"))}
    engine.dispose()
    assert "user:berater2" in keys and "addr:127.0.0.1" in keys
