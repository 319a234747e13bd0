"""Hub operations: every ``zz-hub admin`` account/device command against a running hub, backup →
restore round trips, health, and ``/metrics`` parsed with prometheus_client's parser — on SQLite
and PostgreSQL."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text

from tests.hub.conftest import database_for
from tests.hub.hub_client import SYNC_HEADERS, Device, login, new_id, op
from zz_hub.db import normalise_url
from zz_hub.logs import JsonFormatter
from zz_hub.testing import FAST_HASH_ENV, running_hub_process
from zz_protocol.schemas import CLIENT_VERSION_HEADER


def zz_hub(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zz_hub", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **FAST_HASH_ENV},
        timeout=120,
    )


def ok(*args: str, stdin: str | None = None) -> str:
    done = zz_hub(*args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_for(request.param, tmp_path)


def _check(base: str, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}", **SYNC_HEADERS}
    return httpx.get(f"{base}/api/v1/sync/check", headers=headers, timeout=30).status_code


def test_admin_account_and_device_commands(url: str) -> None:
    with running_hub_process(url) as hub:
        base = hub.base_url
        answer = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"username": "berater1", "password": "demo", "device_name": "laptop-a"},
            headers={CLIENT_VERSION_HEADER: "9.8.7"},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        token, device_id = answer.json()["token"], answer.json()["device_id"]
        assert _check(base, token) == 200

        users = ok("admin", "list-users", "--database", url)
        line = next(x for x in users.splitlines() if x.startswith("berater1\t"))
        assert "\tadvisor\tZZ-ST\tactive\t1 device(s)\t" in line

        state = ok("admin", "device-state", "--database", url)
        assert "ZZ-ST:" in state and "laptop-a" in state and "version 9.8.7" in state
        only_sn = ok("admin", "device-state", "--centre", "ZZ-SN", "--database", url)
        assert "laptop-a" not in only_sn
        assert device_id in ok("admin", "list-devices", "--centre", "ZZ-ST", "--database", url)

        ok("admin", "set-role", "berater1", "manager", "--database", url)
        assert "berater1\tmanager\tZZ-ST" in ok("admin", "list-users", "--database", url)

        ok("admin", "disable-user", "berater1", "--database", url)
        assert _check(base, token) == 401
        assert login(base, "berater1").status_code == 401
        assert "berater1\tmanager\tZZ-ST\tdisabled" in ok("admin", "list-users", "--database", url)
        ok("admin", "enable-user", "berater1", "--database", url)
        assert _check(base, token) == 200

        second = Device(base, "berater2")
        out = ok("admin", "reset-password", "berater2", "--password-stdin", "--database", url,
                 stdin="neues-passwort\n")  # fmt: skip
        assert "revoked 1" in out
        assert _check(base, second.token) == 401
        assert login(base, "berater2", "demo").status_code == 401
        assert login(base, "berater2", "neues-passwort").status_code == 200
        second.close()

        assert "revoked 1" in ok("admin", "revoke", "--device", device_id, "--database", url)
        assert _check(base, token) == 401
        assert "revoked" in ok("admin", "device-state", "--database", url)


@pytest.mark.parametrize(
    "args",
    [
        ("admin", "disable-user", "niemand"),
        ("admin", "set-role", "berater1", "coordinator", "--centre", "NOPE"),
        ("admin", "set-role", "admin", "advisor"),
        ("admin", "reset-password", "berater1", "--password-stdin"),
        ("admin", "device-state", "--centre", "NOPE"),
        ("restore", "/nonexistent/backup.sqlite3"),
    ],
)
def test_operation_errors_are_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    ok("demo", "--database", db)
    done = zz_hub(*args, "--database", db, stdin="\n")
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("zz-hub: error:")


def _usernames(url: str) -> set[str]:
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT username FROM hub_user"))}
    engine.dispose()
    return names


def test_backup_restore_round_trip(url: str, tmp_path: Path) -> None:
    with running_hub_process(url) as hub:
        device = Device(hub.base_url, "berater1")
        org = new_id()
        device.push_ok([op("organisation", org, name="Vor der Sicherung GmbH")])
        backup_file = tmp_path / "backups" / "hub.dump"
        # Taken while the hub serves (SQLite online backup; pg_dump's snapshot).
        assert str(backup_file) in ok("backup", str(backup_file), "--database", url)
        assert backup_file.stat().st_size > 0
        device.push_ok([op("organisation", new_id(), name="Nach der Sicherung GmbH")])
        device.close()
    ok("admin", "add-user", "spaeter", "--role", "admin", "--password-stdin", "--database", url,
       stdin="pw\n")  # fmt: skip
    assert "spaeter" in _usernames(url)

    assert "restored" in ok("restore", str(backup_file), "--database", url)
    assert "spaeter" not in _usernames(url) and "berater1" in _usernames(url)
    with running_hub_process(url, demo=False) as hub:
        device = Device(hub.base_url, "berater1")
        names = {row["fields"].get("name") for row in device.pull_all()[0]}
        device.close()
    assert "Vor der Sicherung GmbH" in names and "Nach der Sicherung GmbH" not in names


def test_restore_refuses_a_file_that_is_no_backup(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    ok("demo", "--database", db)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    done = zz_hub("restore", str(junk), "--database", db)
    assert done.returncode != 0 and "not an SQLite backup" in done.stderr
    assert "berater1" in _usernames(db)


def _metrics(base: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    answer = httpx.get(f"{base}/metrics", timeout=30)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    found: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append((dict(sample.labels), sample.value))
    return found


def _value(
    samples: dict[str, list[tuple[dict[str, str], float]]], name: str, **labels: str
) -> float:
    return sum(v for got, v in samples.get(name, []) if labels.items() <= got.items())


def test_metrics_scraped_and_parsed(url: str) -> None:
    env = {"ZZ_HUB_METRICS": "true", "ZZ_HUB_LOGIN_MAX_FAILURES_USER": "2"}
    with running_hub_process(url, env=env) as hub:
        base = hub.base_url
        device = Device(base, "berater1")
        org = new_id()
        device.push_ok([op("organisation", org, name="Metrik GmbH")])
        stale = device.push([op("organisation", org, base_seq=0, name="Veraltet")]).json()
        assert stale["results"][0]["status"] in ("conflict", "rejected", "applied")
        pulled = device.pull_all()[0]
        device.close()
        for _ in range(3):
            login(base, "berater2", "falsch")
        assert login(base, "berater2", "falsch").status_code == 429

        samples = _metrics(base)
        assert _value(samples, "zz_hub_requests_total", route="/sync/push", status="200") == 2
        assert _value(samples, "zz_hub_request_duration_seconds_count", route="/sync/pull") >= 1
        assert _value(samples, "zz_hub_push_ops_total") == 2
        assert _value(samples, "zz_hub_pull_rows_total") >= len(pulled) >= 1
        not_applied = _value(samples, "zz_hub_push_results_total")
        assert not_applied == (0 if stale["results"][0]["status"] == "applied" else 1)
        assert _value(samples, "zz_hub_login_rate_limited_total") >= 1
        assert "zz_hub_db_pool_connections" in samples
        assert httpx.get(f"{base}/api/v1/health", timeout=30).status_code == 200


def test_metrics_off_by_default(tmp_path: Path) -> None:
    with running_hub_process(f"sqlite:///{tmp_path / 'hub.sqlite3'}") as hub:
        assert httpx.get(f"{hub.base_url}/metrics", timeout=30).status_code == 404


def test_health_answers_503_without_database(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from zz_hub.config import HubSettings
    from zz_hub.main import create_app

    db_file = tmp_path / "hub.sqlite3"
    app = create_app(HubSettings(database=f"sqlite:///{db_file}"))
    with TestClient(app) as client:
        assert client.get("/api/v1/health").status_code == 200
        app.state.database.engine.dispose()
        app.state.database.engine.pool._creator = _broken  # the database "goes away"
        answer = client.get("/api/v1/health")
    assert answer.status_code == 503 and answer.json() == {"detail": "database unavailable"}


def _broken() -> object:
    import sqlite3

    raise sqlite3.OperationalError("unable to open database file")


def test_json_log_lines() -> None:
    record = logging.LogRecord("zz_hub", logging.INFO, __file__, 1, "purged %d", (3,), None)
    entry = json.loads(JsonFormatter().format(record))
    assert (
        entry["message"] == "purged 3" and entry["level"] == "INFO" and entry["logger"] == "zz_hub"
    )
