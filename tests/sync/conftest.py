"""Sync fixtures: an in-process hub per module on SQLite and on PostgreSQL, a fresh centre per
test (so tests never see each other's rows) and devices logged in to it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sync.support import Device, InProcessHub, in_process_hub
from zz_hub.testing import pg_available, sqlite_url, temporary_pg_database

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def hub_database(backend: str, tmp: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield sqlite_url(tmp)
        return
    if not pg_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not reachable and CI is set")
        pytest.skip("PostgreSQL is not reachable")
    with temporary_pg_database() as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def hub(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InProcessHub]:
    for url in hub_database(request.param, tmp_path_factory.mktemp("hubdb")):
        with in_process_hub(url) as running:
            yield running


DeviceFactory = Callable[..., Device]


@pytest.fixture
def centre(hub: InProcessHub) -> tuple[str, list[str]]:
    """A fresh centre with two advisors and a manager."""
    return hub.new_centre((("a1", "advisor"), ("a2", "advisor"), ("m", "manager")))


@pytest.fixture
def device(
    hub: InProcessHub, centre: tuple[str, list[str]], tmp_path: Path, memory_keyring: object
) -> Iterator[DeviceFactory]:
    made: list[Device] = []
    users = centre[1]

    def make(name: str = "", user: int | str = 0) -> Device:
        username = users[user] if isinstance(user, int) else user
        dev = Device(tmp_path / "devices", name or f"d{len(made)}", hub.base_url, username)
        made.append(dev)
        return dev

    yield make
    for dev in made:
        dev.close()
