"""Sync test plumbing: an in-process hub (uvicorn thread, real HTTP on 127.0.0.1), devices made
from a template profile, and an httpx transport that drops requests or responses on demand."""

from __future__ import annotations

import itertools
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from zz_desktop.services import sync_service
from zz_desktop.services.export import canonical_dump
from zz_desktop.services.identity import ensure_local_identity
from zz_desktop.store import keys
from zz_desktop.store.database import Store, open_store
from zz_desktop.store.profile import ProfileMeta
from zz_desktop.sync.transport import HubClient
from zz_hub.testing import FAST_HASH_ENV, free_port

_counter = itertools.count(1)


class InProcessHub:
    """``zz_hub.main.create_app`` served by uvicorn in a thread; restartable on the same port."""

    def __init__(self, database_url: str) -> None:
        from zz_hub.config import HubSettings

        self.database_url = database_url
        self.settings = HubSettings(
            database=database_url,
            argon2_time_cost=int(FAST_HASH_ENV["ZZ_HUB_ARGON2_TIME_COST"]),
            argon2_memory_kib=int(FAST_HASH_ENV["ZZ_HUB_ARGON2_MEMORY_KIB"]),
            login_max_failures_user=10_000,
            login_max_failures_address=10_000,
            login_global_free_failures=10_000,
        )
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._server: Any = None
        self._thread: threading.Thread | None = None
        #: PostgreSQL snapshot databases, dropped by :meth:`drop_snapshots` (they piled up).
        self._snapshots: list[str] = []

    def start(self) -> None:
        import uvicorn

        from zz_hub.main import create_app

        app = create_app(self.settings)
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("in-process hub did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=20)
        self._server = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def drop_snapshots(self) -> None:
        while self._snapshots:
            _pg_admin(f'DROP DATABASE IF EXISTS "{self._snapshots.pop()}" WITH (FORCE)')

    # -- backups of the hub's database, as docs/hub-admin.md describes --------------------

    def snapshot(self) -> str:
        """A backup of the hub's database (SQLite online backup; PostgreSQL: a template copy,
        taken with the hub stopped for a moment). Returns a handle for :meth:`restore`."""
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url)
        if url.get_backend_name() == "sqlite":
            import sqlite3

            target = f"{url.database}.backup-{next(_counter)}"
            with sqlite3.connect(str(url.database)) as src, sqlite3.connect(target) as dst:
                src.backup(dst)
            return target
        self.stop()
        name = f"{url.database}_bak{next(_counter)}"
        _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}"')
        self._snapshots.append(name)
        self.start()
        return name

    def restore(self, backup: str, *, new_epoch: bool = True) -> None:
        """Stop, put the backup in place, start a new epoch (``zz-hub admin new-epoch``), start."""
        from sqlalchemy.engine import make_url

        self.stop()
        url = make_url(self.database_url)
        if url.get_backend_name() == "sqlite":
            import sqlite3

            with sqlite3.connect(backup) as src, sqlite3.connect(str(url.database)) as dst:
                src.backup(dst)
        else:
            _pg_admin(f'DROP DATABASE "{url.database}" WITH (FORCE)')
            _pg_admin(f'CREATE DATABASE "{url.database}" TEMPLATE "{backup}"')
        if new_epoch:
            from zz_hub.cli import main as hub_cli

            assert hub_cli(["admin", "new-epoch", "--database", self.database_url]) == 0
        self.start()

    # -- admin helpers (direct database access, as `zz-hub admin` does) --------------------

    def new_centre(self, users: tuple[tuple[str, str], ...]) -> tuple[str, list[str]]:
        """A fresh centre with users ``(suffix, role)``; returns (code, usernames)."""
        from zz_hub import admin
        from zz_hub.db import Database

        n = next(_counter)
        code = f"T{n}-{free_port()}"
        db = Database(self.database_url)
        try:
            admin.create_centre(db, code, f"Testzentrum {n}", "ST", "regional")
            names = []
            for suffix, role in users:
                name = f"{code.lower()}-{suffix}"
                admin.add_user(db, self.settings, name, code, role, "demo")
                names.append(name)
        finally:
            db.dispose()
        return code, names


def _pg_admin(statement: str) -> None:
    import psycopg

    from zz_hub.testing import _admin_conninfo

    with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
        conn.execute(statement)


@contextmanager
def in_process_hub(database_url: str) -> Iterator[InProcessHub]:
    hub = InProcessHub(database_url)
    hub.start()
    try:
        yield hub
    finally:
        hub.stop()
        hub.drop_snapshots()


class Faults(httpx.BaseTransport):
    """Wraps the real transport. ``down``: every request fails to connect. ``lose_next_push``:
    the next push reaches the hub (and commits) but its answer is lost. ``no_pull``: pulls fail
    to connect (the network drops right after a good push). ``pull_pages``: that many more pull
    requests succeed, then pulls fail (a connection cut in the middle of a first sync)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.down = False
        self.lose_next_push = False
        self.no_pull = False
        self.pull_pages: int | None = None
        self.pushes: list[tuple[bytes, dict[str, str], bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("network down (test)", request=request)
        if request.url.path.endswith("/sync/pull"):
            if self.no_pull:
                raise httpx.ConnectError("network down after push (test)", request=request)
            if self.pull_pages is not None:
                if self.pull_pages <= 0:
                    raise httpx.ConnectError("connection cut (test)", request=request)
                self.pull_pages -= 1
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/sync/push"):
            response.read()
            if response.status_code == 200:
                self.pushes.append((request.content, dict(request.headers), response.content))
            if self.lose_next_push:
                self.lose_next_push = False
                raise httpx.ReadError("response lost (test)", request=request)
        return response

    def close(self) -> None:
        pass  # shared by the device's successive clients; closed with the test process


_template: dict[str, Path] = {}
_template_key: dict[str, str] = {}


def _template_profile(root: Path) -> Path:
    """A fresh profile made once per session (creating one costs ~0.2 s; copying is cheap)."""
    if "p" not in _template or not _template["p"].exists():
        path = root / "template-profile"
        store = open_store(path, create=True)
        ensure_local_identity(store)
        _template_key["k"] = store._key
        store.close()
        _template["p"] = path
    return _template["p"]


def new_store(root: Path, name: str) -> Store:
    """A new profile (needs a keyring: use the ``memory_keyring`` fixture)."""
    template = _template_profile(root.parent / "templates")
    path = root / name
    shutil.copytree(template, path)
    meta = ProfileMeta.load(template)
    assert meta is not None
    key = _template_key["k"]
    fresh = ProfileMeta.load(path)
    assert fresh is not None
    fresh.profile_id = f"{meta.profile_id[:8]}-{next(_counter)}-{time.monotonic_ns()}"
    fresh.save(path)
    keys.store_key_in_keyring(fresh.profile_id, key)
    return open_store(path)


class Device:
    """One desktop profile logged in to the hub, with a fault-injecting transport."""

    def __init__(self, root: Path, name: str, base_url: str, username: str) -> None:
        self.root = root
        self.name = name
        self.faults = Faults()
        self.store = new_store(root, name)
        self.path = self.store.profile_dir
        self.username = username
        sync_service.login(self.store, base_url, username, "demo", client_factory=self.client)

    def client(self, *args: Any, **kwargs: Any) -> HubClient:
        kwargs.setdefault("retries", 0)
        kwargs["transport"] = self.faults
        kwargs["sleep"] = lambda _s: None
        return HubClient(*args, **kwargs)

    def sync(self, **kwargs: Any) -> sync_service.SyncReport:
        return sync_service.sync(self.store, client_factory=self.client, **kwargs)

    def restart(self) -> None:
        self.store.close()
        self.store = open_store(self.path)

    def dump(self) -> dict[str, Any]:
        return canonical_dump(self.store)

    def close(self) -> None:
        self.store.close()


def integrity_ok(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
