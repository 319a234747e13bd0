"""The ``zz-hub`` command line: admin commands, one-line errors, refusing a newer database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.hub.conftest import database_for
from zz_hub.db import normalise_url
from zz_hub.testing import FAST_HASH_ENV


def zz_hub(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zz_hub", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **FAST_HASH_ENV},
        timeout=120,
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_for(request.param, tmp_path)


def test_admin_commands(url: str) -> None:
    made = zz_hub(
        "admin",
        "create-centre",
        "ZZ-BB",
        "Zukunftszentrum Brandenburg",
        "--state",
        "BB",
        "--kind",
        "regional",
        "--database",
        url,
    )
    assert made.returncode == 0, made.stderr
    added = zz_hub(
        "admin",
        "add-user",
        "neu",
        "--centre",
        "ZZ-BB",
        "--role",
        "advisor",
        "--password-stdin",
        "--display-name",
        "Neue Beraterin",
        "--database",
        url,
        stdin="s3cret-pass\n",
    )
    assert added.returncode == 0, added.stderr
    listed = zz_hub("admin", "list-devices", "--database", url)
    assert listed.returncode == 0
    revoked = zz_hub("admin", "revoke", "--user", "neu", "--database", url)
    assert revoked.returncode == 0 and "revoked 0" in revoked.stdout
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT password_hash FROM hub_user WHERE username='neu'")
        ).scalar_one()
    engine.dispose()
    assert stored.startswith("$argon2id$") and "s3cret" not in stored


@pytest.mark.parametrize(
    "args",
    [
        ("admin", "add-user", "x", "--centre", "NOPE", "--role", "advisor", "--password-stdin"),
        ("admin", "revoke", "--device", "no-such-device"),
        ("admin", "create-centre", "ZZ-ST", "Doppelt", "--state", "ST", "--kind", "regional"),
    ],
)
def test_errors_are_one_line_and_non_zero(tmp_path: Path, args: tuple[str, ...]) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert zz_hub("demo", "--database", url).returncode == 0
    done = zz_hub(*args, "--database", url, stdin="pw\n")
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("zz-hub: error:")
    assert "Traceback" not in done.stderr


def test_demo_is_idempotent_and_prints_accounts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    first, second = zz_hub("demo", "--database", url), zz_hub("demo", "--database", url)
    assert first.returncode == second.returncode == 0
    for name in ("berater1", "berater2", "leitung", "berater-sn", "koordination", "admin", "demo"):
        assert name in second.stdout


def test_refuses_a_database_from_a_newer_hub(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert zz_hub("admin", "list-devices", "--database", url).returncode == 0
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    for command in (("admin", "list-devices"), ("serve", "--port", "1")):
        done = zz_hub(*command, "--database", url)
        assert done.returncode != 0
        assert "newer zz-hub" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_bad_database_url_is_one_line(tmp_path: Path) -> None:
    done = zz_hub("admin", "list-devices", "--database", "mysql://nowhere/x")
    assert done.returncode != 0 and len(done.stderr.strip().splitlines()) == 1
