"""Login, logout, token checks on every request, revocation by the admin command."""

from __future__ import annotations

import subprocess
import sys

import httpx

from tests.hub.hub_client import SYNC_HEADERS, Device, login
from zz_hub.testing import FAST_HASH_ENV, HubProcess


def test_login_returns_token_user_and_centre(base_url: str) -> None:
    response = login(base_url, "berater1")
    assert response.status_code == 200
    body = response.json()
    assert len(body["token"]) >= 40
    assert body["user"]["username"] == "berater1"
    assert body["user"]["role"] == "advisor"
    assert body["centre"]["code"] == "ZZ-ST"
    assert body["server_time"].endswith("Z") or "+00:00" in body["server_time"]
    assert "x-server-time" in response.headers and "date" in response.headers


def test_failed_logins_are_generic(base_url: str) -> None:
    wrong = login(base_url, "berater2", "nope")
    unknown = login(base_url, "nobody-at-all", "nope")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"detail": "login failed"}


def test_validation_errors_do_not_echo_input(base_url: str) -> None:
    response = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"username": "x", "password": "Geheim123"}
    )
    assert response.status_code == 422
    assert "Geheim123" not in response.text


def test_bad_or_missing_token_is_401(base_url: str) -> None:
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        response = httpx.get(f"{base_url}/api/v1/sync/pull", headers={**headers, **SYNC_HEADERS})
        assert response.status_code == 401


def test_logout_revokes_this_device_only(base_url: str) -> None:
    first, second = Device(base_url, "berater1"), Device(base_url, "berater1")
    assert first.http.post("/auth/logout").status_code == 204
    assert first.pull().status_code == 401
    assert second.pull().status_code == 200


def _admin(hub: HubProcess, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zz_hub", "admin", *args, "--database", hub.database_url],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, **FAST_HASH_ENV},
    )


def test_admin_revocation_is_effective_on_next_request(hub: HubProcess) -> None:
    device = Device(hub.base_url, "berater2")
    other = Device(hub.base_url, "berater-sn")
    assert device.pull().status_code == 200
    listed = _admin(hub, "list-devices")
    assert listed.returncode == 0 and device.device_id in listed.stdout
    done = _admin(hub, "revoke", "--device", device.device_id)
    assert done.returncode == 0, done.stderr
    assert device.pull().status_code == 401
    assert other.pull().status_code == 200
    done = _admin(hub, "revoke", "--user", "berater-sn")
    assert done.returncode == 0, done.stderr
    assert other.pull().status_code == 401
    # A new login still works (revocation is about lost devices, not the account).
    assert Device(hub.base_url, "berater-sn").pull().status_code == 200


def test_health_and_openapi(base_url: str) -> None:
    health = httpx.get(f"{base_url}/api/v1/health")
    assert health.status_code == 200 and health.json()["protocol_versions"] == [1]
    spec = httpx.get(f"{base_url}/openapi.json").json()
    for path in (
        "/api/v1/auth/login",
        "/api/v1/sync/push",
        "/api/v1/sync/pull",
        "/api/v1/aggregates",
    ):
        assert path in spec["paths"]
