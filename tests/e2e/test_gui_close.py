"""Closing the window ends the process — also at the worst moment, in the first event-loop turn
while the start-up sync is starting (it once left a windowless process holding the profile)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import Runner, login_demo
from zz_hub.testing import running_hub, sqlite_url

CLOSES = 4


def test_closing_at_start_up_while_syncing_exits(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with running_hub(sqlite_url(tmp_path)) as url:
        login_demo(cli, profile, url)
        assert cli("--profile", profile, "demo", "--consultations", "150").returncode == 0
        assert cli("--profile", profile, "sync").returncode == 0
        env = dict(os.environ, ZZ_PASSPHRASE="e2e-geheim", ZZ_QUIT_AFTER_MS="0",
                   QT_QPA_PLATFORM="offscreen", ZZ_LOG_DIR=str(tmp_path / "logs"))  # fmt: skip
        for attempt in range(CLOSES):
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "zz_desktop", "--profile", str(profile)],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=90,
                )
            except subprocess.TimeoutExpired:
                raise AssertionError(f"close {attempt + 1}: the process did not end") from None
            assert done.returncode == 0, done.stderr[-2000:]
