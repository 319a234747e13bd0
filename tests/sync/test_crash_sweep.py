"""Crash sweep (invariant 4): the client is killed (``os._exit``, like SIGKILL) at every step of a
sync round, then restarted: both databases pass ``PRAGMA integrity_check`` and the next sync
completes and converges."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.support import Device, integrity_ok
from zz_desktop.store.database import open_store
from zz_desktop.store.models import Organisation
from zz_desktop.sync.crash import STEPS

PASS = "crash-test"


def run_sync(profile: Path, crash_at: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZZ_PASSPHRASE": PASS, "ZZ_SYNC_RETRIES": "0"}
    env.pop("ZZ_SYNC_CRASH_AT", None)
    if crash_at:
        env["ZZ_SYNC_CRASH_AT"] = crash_at
    return subprocess.run(
        [sys.executable, "-m", "zz_desktop", "sync", "--profile", str(profile), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_kill_at_every_step(device, hub, tmp_path: Path) -> None:
    a: Device = device("a", 0)
    profile = tmp_path / "crashy"
    # Made by the real command (no keyring in the subprocess: a passphrase profile).
    env = {**os.environ, "ZZ_PASSPHRASE": PASS}
    user = a.username.replace("-a1", "-a2")
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "zz_desktop",
            "login",
            "--profile",
            str(profile),
            "--hub",
            hub.base_url,
            "--user",
            user,
            "--password-stdin",
        ],
        input="demo\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    for i, step in enumerate(STEPS):
        with a.store.write() as s:  # something to pull
            s.add_all([Organisation(name=f"A{i}-{k}") for k in range(3)])
        a.sync()
        store = open_store(profile, passphrase=PASS)
        with store.write() as s:  # something to push
            s.add_all([Organisation(name=f"C{i}-{k}") for k in range(3)])
        store.close()
        crashed = run_sync(profile, step)
        assert crashed.returncode == 137, (step, crashed.stdout, crashed.stderr)
        store = open_store(profile, passphrase=PASS)
        assert integrity_ok(store), step
        store.close()
        if hub.database_url.startswith("sqlite"):
            path = hub.database_url.removeprefix("sqlite:///")
            with sqlite3.connect(path) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = run_sync(profile, None)
        assert done.returncode == 0, (step, done.stderr)
    a.sync()
    store = open_store(profile, passphrase=PASS)
    try:
        from zz_desktop.services.export import canonical_dump

        assert json.dumps(canonical_dump(store), sort_keys=True) == json.dumps(
            a.dump(), sort_keys=True
        )
    finally:
        store.close()


@pytest.mark.slow
def test_first_sync_killed_mid_snapshot_resumes(device, hub, tmp_path: Path) -> None:
    """A new device's first sync, killed inside and after page transactions again and again:
    every commit keeps foreign keys valid, the cursor only moves forward, and it completes."""
    import datetime as dt

    from zz_desktop.store.models import Consultation
    from zz_desktop.sync import state

    a: Device = device("a", 0)
    with a.store.write() as s:
        orgs = [Organisation(name=f"Firma {i}") for i in range(10)]
        s.add_all(orgs)
    with a.store.write() as s:
        for i, org in enumerate(orgs):
            s.add(Consultation(date=dt.date(2026, 2, 1 + i), organisation_id=org.id, title="x"))
    a.sync()
    with a.store.write() as s:  # parents newer than their children: children come first
        for org in orgs:
            s.get(Organisation, org.id).city = "Halle"
    a.sync()
    profile = tmp_path / "fresh"
    env = {**os.environ, "ZZ_PASSPHRASE": PASS}
    user = a.username.replace("-a1", "-a2")
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "zz_desktop",
            "login",
            "--profile",
            str(profile),
            "--hub",
            hub.base_url,
            "--user",
            user,
            "--password-stdin",
        ],
        input="demo\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    os.environ["ZZ_SYNC_PAGE_SIZE"] = "4"
    cursors: list[int] = []
    try:
        for attempt in range(60):
            step = ("pull.apply_tx@2", "pull.applied@2", "pull.fetched@3")[attempt % 3]
            result = run_sync(profile, step)
            store = open_store(profile, passphrase=PASS)
            try:
                assert integrity_ok(store)
                with store.engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                cursors.append(state.cursor(store))
            finally:
                store.close()
            if result.returncode == 0:
                break
            assert result.returncode == 137, result.stderr
        else:
            pytest.fail("the first sync never completed")
    finally:
        del os.environ["ZZ_SYNC_PAGE_SIZE"]
    assert cursors == sorted(cursors) and len(cursors) > 3
    assert run_sync(profile, None).returncode == 0
    store = open_store(profile, passphrase=PASS)
    try:
        from zz_desktop.services.export import canonical_dump

        assert json.dumps(canonical_dump(store), sort_keys=True) == json.dumps(
            a.dump(), sort_keys=True
        )
    finally:
        store.close()
