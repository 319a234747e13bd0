"""Logins that hold under concurrency (issue 16): the attempt is counted in the database before
Argon2 runs, by every worker of the hub; lockout per (account, address); a global backoff that
slows a distributed guesser without locking the user out; tokens that expire and rotate.

Real ``zz-hub serve --workers 2`` over HTTP on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.hub.conftest import database_for
from tests.hub.hub_client import SYNC_HEADERS
from zz_desktop.sync.transport import HubClient
from zz_hub.db import normalise_url
from zz_hub.testing import HubProcess, running_hub_process

PAIR_LIMIT = 5
GLOBAL_FREE = 8
ENV = {
    "ZZ_HUB_LOGIN_MAX_FAILURES_USER": str(PAIR_LIMIT),
    "ZZ_HUB_LOGIN_MAX_FAILURES_ADDRESS": "1000",
    "ZZ_HUB_LOGIN_GLOBAL_FREE_FAILURES": str(GLOBAL_FREE),
    "ZZ_HUB_LOGIN_GLOBAL_BACKOFF_SECONDS": "1",
    "ZZ_HUB_LOGIN_GLOBAL_BACKOFF_MAX_SECONDS": "2",
}


@pytest.fixture(scope="module")
def guarded_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    for url in database_for(backend, tmp_path_factory.mktemp("guarded")):
        with running_hub_process(url, env=ENV, extra_args=("--workers", "2")) as process:
            yield process


def _login_from(
    base: str, username: str, password: str, address: str = "127.0.0.1"
) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(transport=transport, timeout=60) as client:
        return client.post(
            f"{base}/api/v1/auth/login",
            json={"username": username, "password": password, "device_name": "t"},
        )


def _parallel(base: str, attempts: list[tuple[str, str, str]]) -> list[httpx.Response]:
    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(lambda a: _login_from(base, *a), attempts))


def _sql(hub: HubProcess, statement: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(normalise_url(hub.database_url))
    with engine.begin() as conn:
        result = conn.execute(text(statement), params)
        rows = [tuple(r) for r in result] if result.returns_rows else []
    engine.dispose()
    return rows


def _token_issued_days_ago(hub: HubProcess, username: str, address: str, days: int) -> str:
    """A new device token whose issue time is moved ``days`` into the past."""
    body = _login_from(hub.base_url, username, "demo", address).json()
    _sql(
        hub,
        "UPDATE device SET token_issued_at = :t WHERE id = :d",
        t=dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=days),
        d=body["device_id"],
    )
    return str(body["token"])


def test_fifty_parallel_wrong_logins_never_exceed_the_limit(guarded_hub: HubProcess) -> None:
    answers = _parallel(
        guarded_hub.base_url, [("berater2", f"wrong{i}", "127.0.0.1") for i in range(50)]
    )
    counts = Counter(r.status_code for r in answers)
    # Exactly the limit reached Argon2 (401); every other guess was refused before it (429).
    assert counts == {401: PAIR_LIMIT, 429: 50 - PAIR_LIMIT}, counts
    assert all(r.headers.get("retry-after", "").isdigit() for r in answers if r.status_code == 429)
    # The right password from the locked address is refused too; from another address it works:
    # an attacker cannot lock the user out.
    assert _login_from(guarded_hub.base_url, "berater2", "demo").status_code == 429
    assert _login_from(guarded_hub.base_url, "berater2", "demo", "127.0.0.9").status_code == 200


def test_the_right_password_among_parallel_guesses(guarded_hub: HubProcess) -> None:
    attempts = [("leitung", "wrong", "127.0.0.2")] * 29 + [("leitung", "demo", "127.0.0.2")]
    counts = Counter(r.status_code for r in _parallel(guarded_hub.base_url, attempts))
    assert counts[401] + counts[200] <= PAIR_LIMIT
    assert counts[401] + counts[200] + counts[429] == 30
    assert not set(counts) - {200, 401, 429}


def test_global_backoff_slows_a_distributed_guesser_but_never_locks(
    guarded_hub: HubProcess,
) -> None:
    base = guarded_hub.base_url
    # Two guesses from each of many addresses: under the pair limit everywhere.
    for i in range(GLOBAL_FREE // 2):
        for _ in range(2):
            assert _login_from(base, "berater-sn", "wrong", f"127.0.1.{i + 1}").status_code == 401
    assert _login_from(base, "berater-sn", "wrong", "127.0.2.1").status_code == 401  # admitted
    refused = _login_from(base, "berater-sn", "wrong", "127.0.2.2")
    assert refused.status_code == 429  # the global backoff, from a fresh address
    wait = int(refused.headers["retry-after"])
    assert 1 <= wait <= 2
    time.sleep(wait + 0.2)
    # After the backoff the real user gets in from their own address.
    assert _login_from(base, "berater-sn", "demo", "127.0.3.1").status_code == 200


def test_a_token_rotates_and_the_client_follows(guarded_hub: HubProcess) -> None:
    base = guarded_hub.base_url
    old = _token_issued_days_ago(guarded_hub, "berater-th", "127.0.4.1", 2)
    stored: list[str] = []
    with HubClient(base, old, on_token=stored.append, retries=0) as client:
        client.check()
        assert len(stored) == 1 and stored[0] != old
        client.check()  # uses the new token: the old one is now forgotten
        assert len(stored) == 1
    headers = {**SYNC_HEADERS}
    assert (
        httpx.get(
            f"{base}/api/v1/sync/check", headers={**headers, "Authorization": f"Bearer {old}"}
        ).status_code
        == 401
    )
    assert (
        httpx.get(
            f"{base}/api/v1/sync/check",
            headers={**headers, "Authorization": f"Bearer {stored[0]}"},
        ).status_code
        == 200
    )


def test_a_lost_rotation_answer_does_not_lock_the_device_out(guarded_hub: HubProcess) -> None:
    base = guarded_hub.base_url
    old = _token_issued_days_ago(guarded_hub, "berater1", "127.0.4.2", 2)
    auth = {**SYNC_HEADERS, "Authorization": f"Bearer {old}"}
    first = httpx.get(f"{base}/api/v1/sync/check", headers=auth)
    assert first.status_code == 200 and first.headers.get("x-device-token")
    # The answer "got lost": the device still has the old token, which still works and brings
    # yet another new one.
    again = httpx.get(f"{base}/api/v1/sync/check", headers=auth)
    assert again.status_code == 200
    newer = again.headers["x-device-token"]
    assert newer != first.headers["x-device-token"]
    ok = httpx.get(
        f"{base}/api/v1/sync/check", headers={**SYNC_HEADERS, "Authorization": f"Bearer {newer}"}
    )
    assert ok.status_code == 200 and "x-device-token" not in ok.headers


def test_an_idle_token_expires(guarded_hub: HubProcess) -> None:
    base = guarded_hub.base_url
    response = _login_from(base, "berater-hds", "demo", "127.0.4.3")
    token, device_id = response.json()["token"], response.json()["device_id"]
    auth = {**SYNC_HEADERS, "Authorization": f"Bearer {token}"}
    assert httpx.get(f"{base}/api/v1/sync/check", headers=auth).status_code == 200
    _sql(
        guarded_hub,
        "UPDATE device SET last_seen_at = :t WHERE id = :d",
        t=dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=31),
        d=device_id,
    )
    assert httpx.get(f"{base}/api/v1/sync/check", headers=auth).status_code == 401


def test_counters_are_shared_rows(guarded_hub: HubProcess) -> None:
    keys = {row[0] for row in _sql(guarded_hub, "SELECT key FROM login_throttle")}
    assert "pair:berater2|127.0.0.1" in keys and "user:berater2" in keys
    assert "addr:127.0.0.1" in keys
