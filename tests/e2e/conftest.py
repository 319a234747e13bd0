"""Run the real ``zz-desktop`` command as a subprocess (``python -m zz_desktop``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Runner = Callable[..., subprocess.CompletedProcess[str]]


def run_cli(
    *args: str | Path,
    env: dict[str, str] | None = None,
    input: str | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("ZZ_PASSPHRASE", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "zz_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=timeout,
    )


@pytest.fixture
def cli(tmp_path: Path) -> Runner:
    """``cli("export", "--profile", p, ...)`` with a passphrase (this machine has no keyring)."""

    def runner(
        *args: str | Path, passphrase: str = "e2e-geheim", **kw: object
    ) -> subprocess.CompletedProcess[str]:
        env = {"ZZ_PASSPHRASE": passphrase, "ZZ_LOG_DIR": str(tmp_path / "logs")}
        env.update(kw.pop("env", {}) or {})  # type: ignore[arg-type]
        return run_cli(*args, env=env, **kw)  # type: ignore[arg-type]

    return runner


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def login_demo(cli: Runner, profile: Path, url: str, user: str = "berater1") -> None:
    """Log ``profile`` in to the hub at ``url`` with a demo account (password on stdin)."""
    done = cli("--profile", profile, "login", "--hub", url, "--user", user, "--password-stdin",
               input="demo\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
