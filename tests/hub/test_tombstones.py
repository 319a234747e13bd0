"""Tombstones are kept until purged; a cursor older than the purge horizon gets 410 Gone."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.hub.conftest import fresh_hub
from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import FAST_HASH_ENV, HubProcess


@pytest.fixture(scope="module")
def hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """Purging changes the hub-wide horizon, so this module has a hub of its own."""
    yield from fresh_hub(backend, tmp_path_factory)


def test_cursor_older_than_horizon_is_410(hub: HubProcess) -> None:
    anna = Device(hub.base_url, "berater1")
    keep, gone = new_id(), new_id()
    first = anna.push_ok(
        [op("organisation", keep, name="bleibt"), op("organisation", gone, name="weg")]
    )
    old_cursor = first[0]["server_seq"]
    deleted = anna.push_ok(
        [op("organisation", gone, kind="delete", base_seq=first[1]["server_seq"])]
    )
    assert anna.state()[("organisation", gone)]["deleted"] is True
    # The default horizon (180 days) keeps the fresh tombstone.
    purge = [
        sys.executable,
        "-m",
        "zz_hub",
        "admin",
        "purge-tombstones",
        "--database",
        hub.database_url,
    ]
    env = {**os.environ, **FAST_HASH_ENV}
    assert "purged 0" in subprocess.run(purge, capture_output=True, text=True, env=env).stdout
    done = subprocess.run(
        [*purge, "--older-than-days", "0"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0 and "purged 1" in done.stdout, done.stderr
    response = anna.pull(after=old_cursor)
    assert response.status_code == 410
    # A fresh snapshot works and no longer lists the purged row; newer cursors still work.
    state = anna.state()
    assert ("organisation", gone) not in state and ("organisation", keep) in state
    assert anna.pull(after=deleted[0]["server_seq"]).status_code == 200


def test_cursor_from_the_future_is_410(hub: HubProcess) -> None:
    anna = Device(hub.base_url, "berater1")
    assert anna.pull(after=10**9).status_code == 410
