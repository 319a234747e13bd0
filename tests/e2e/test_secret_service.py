"""The real keyring path: the CLI under ``dbus-run-session`` with ``gnome-keyring-daemon``
stores and reads the profile key through the Secret Service backend."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SCRIPT = """
set -e
eval "$(printf '\\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$PY" -c "import keyring; print(type(keyring.get_keyring()).__module__)"
"$PY" -m zz_desktop demo --profile "$PROFILE" --consultations 20
"$PY" -m zz_desktop export --profile "$PROFILE" --out "$OUT"
"""


def test_profile_key_lives_in_secret_service(tmp_path: Path) -> None:
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        if os.environ.get("CI"):
            pytest.fail("dbus and gnome-keyring must be installed in CI (.ci/run installs them)")
        pytest.skip("dbus-run-session / gnome-keyring-daemon not installed")
    profile, out = tmp_path / "P", tmp_path / "out.json"
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ZZ_PASSPHRASE", "DBUS_SESSION_BUS_ADDRESS")
    } | {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "PY": sys.executable,
        "PROFILE": str(profile),
        "OUT": str(out),
        "ZZ_LOG_DIR": str(tmp_path / "logs"),
    }
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SecretService" in result.stdout.splitlines()[0]
    meta = json.loads((profile / "profile.json").read_text())
    assert meta["key_storage"] == "keyring" and meta["salt"] is None
    assert len(json.loads(out.read_text())["entities"]["consultation"]) == 20
    # The key is in the keyring, not in the profile folder.
    assert not any(len(p.read_bytes()) == 64 for p in profile.iterdir() if p.is_file())
    # Without the keyring session the profile does not open, and says why in one line.
    alone = subprocess.run(
        [
            sys.executable,
            "-m",
            "zz_desktop",
            "export",
            "--profile",
            str(profile),
            "--out",
            str(tmp_path / "y.json"),
        ],
        env=env | {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert alone.returncode == 2 and "Traceback" not in alone.stderr
    assert len(alone.stderr.strip().splitlines()) == 1
