"""Helpers to run a real hub in tests (this suite and the desktop sync suites).

Usage::

    from zz_hub.testing import running_hub, temporary_pg_database, sqlite_url

    with temporary_pg_database() as url, running_hub(url) as base_url:
        httpx.post(f"{base_url}/api/v1/auth/login", json={...})

``running_hub(database_url, *, demo=True, env=None)`` migrates the database, seeds the demo centres
and accounts (``zz_hub.demo.DEMO_USERS``, password ``demo``) unless ``demo=False``, starts
``python -m zz_hub serve`` as a subprocess on a free port of 127.0.0.1, waits for ``/api/v1/health``
and yields the base URL (``http://127.0.0.1:PORT``); on exit the process is stopped. ``env`` adds
environment variables such as ``ZZ_HUB_LOGIN_MAX_FAILURES_USER``. The hub's log goes to a file
whose path is ``HubProcess.log_path`` (``running_hub_process`` yields that object).

``create_test_pg_database()`` makes a fresh, empty PostgreSQL database (server from
``ZZ_TEST_PG_URL``, default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``) and returns its
URL; ``drop_test_pg_database(url)`` removes it; ``temporary_pg_database()`` does both.
``pg_available()`` tells whether the server answers.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
#: Fast Argon2 parameters for tests (the production defaults cost ~50 ms per hash).
FAST_HASH_ENV = {"ZZ_HUB_ARGON2_TIME_COST": "1", "ZZ_HUB_ARGON2_MEMORY_KIB": "8192"}


def pg_server_url() -> str:
    return os.environ.get("ZZ_TEST_PG_URL", DEFAULT_PG_URL)


def _admin_conninfo() -> str:
    return pg_server_url().replace("postgresql+psycopg://", "postgresql://")


def pg_available() -> bool:
    import psycopg

    try:
        with psycopg.connect(_admin_conninfo(), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def create_test_pg_database() -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"zz_hub_test_{secrets.token_hex(6)}"
    with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(pg_server_url()).set(database=name).render_as_string(hide_password=False)


def drop_test_pg_database(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    if not name or not name.startswith("zz_hub_test_"):
        raise ValueError("refusing to drop a database not made by create_test_pg_database")
    with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def temporary_pg_database() -> Iterator[str]:
    url = create_test_pg_database()
    try:
        yield url
    finally:
        drop_test_pg_database(url)


def sqlite_url(directory: Path | str) -> str:
    return f"sqlite:///{Path(directory) / 'hub.sqlite3'}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class HubProcess:
    base_url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def seed(database_url: str, env: dict[str, str] | None = None) -> None:
    """Migrate and seed demo centres/accounts in a subprocess (same settings as the hub)."""
    full_env = {**os.environ, **FAST_HASH_ENV, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "zz_hub", "demo", "--database", database_url],
        env=full_env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"zz-hub demo failed: {done.stderr.strip()}")


@contextmanager
def running_hub_process(
    database_url: str,
    *,
    demo: bool = True,
    env: dict[str, str] | None = None,
    timeout: float = 30,
    extra_args: tuple[str, ...] = (),
) -> Iterator[HubProcess]:
    """``extra_args`` go to ``zz-hub serve`` (e.g. ``("--workers", "2")``)."""
    if demo:
        seed(database_url, env)
    full_env = {**os.environ, **FAST_HASH_ENV, **(env or {})}
    log_file = tempfile.NamedTemporaryFile(prefix="zz-hub-", suffix=".log", delete=False)  # noqa: SIM115
    log_path = Path(log_file.name)
    for _attempt in range(5):
        port = free_port()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "zz_hub",
                "serve",
                "--database",
                database_url,
                "--port",
                str(port),
                "--log-level",
                "warning",
                *extra_args,
            ],
            env=full_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        hub = HubProcess(f"http://127.0.0.1:{port}", database_url, process, log_path)
        if _wait_ready(hub, timeout):
            break
        hub.stop()
    else:
        raise RuntimeError(f"hub did not start:\n{log_path.read_text()[-2000:]}")
    try:
        yield hub
    finally:
        hub.stop()
        log_file.close()


@contextmanager
def running_hub(
    database_url: str, *, demo: bool = True, env: dict[str, str] | None = None
) -> Iterator[str]:
    with running_hub_process(database_url, demo=demo, env=env) as hub:
        yield hub.base_url


def _wait_ready(hub: HubProcess, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            return False
        try:
            if httpx.get(f"{hub.base_url}/api/v1/health", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False
