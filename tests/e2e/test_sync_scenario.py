"""End to end with the real commands: ``zz-hub serve`` and ``zz-desktop demo/login/sync/export``
as subprocesses; two profiles of ZZ-ST and one of ZZ-SN."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zz_hub.testing import running_hub, sqlite_url

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(1500)]
PASS = "e2e-pass-geheim"

EDIT = """
import sys
from zz_desktop.store.database import open_store
from zz_desktop.store.models import Organisation
store = open_store(sys.argv[1], passphrase="{pw}")
with store.write() as s:
    for i in range(2, len(sys.argv), 3):
        org = s.get(Organisation, sys.argv[i])
        field, value = sys.argv[i + 1], sys.argv[i + 2]
        setattr(org, field, value if field != "deleted" else True)
store.close()
"""


def zz(
    *args: str, stdin: str | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZZ_PASSPHRASE": PASS}
    done = subprocess.run(
        [sys.executable, "-m", "zz_desktop", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check:
        assert done.returncode == 0, (args, done.stderr)
    return done


def export(profile: Path, out: Path) -> str:
    zz("export", "--profile", str(profile), "--format", "json", "--out", str(out))
    return out.read_text(encoding="utf-8")


def edit(profile: Path, *triples: str) -> None:
    """Edits (id, field, value, id, field, value, …) in one transaction of one subprocess."""
    env = {**os.environ, "ZZ_PASSPHRASE": PASS}
    code = EDIT.format(pw=PASS)
    subprocess.run([sys.executable, "-c", code, str(profile), *triples], env=env, check=True)


def test_sync_scenario(tmp_path: Path) -> None:
    p1, p2, p3 = (tmp_path / n for n in ("st1", "st2", "sn"))
    with running_hub(sqlite_url(tmp_path)) as url:
        zz("demo", "--profile", str(p1), "--consultations", "300")
        for profile, user in ((p1, "berater1"), (p2, "berater2"), (p3, "berater-sn")):
            zz(
                "login",
                "--profile",
                str(profile),
                "--hub",
                url,
                "--user",
                user,
                "--password-stdin",
                stdin="demo\n",
            )
        for profile in (p1, p2, p3, p1):
            zz("sync", "--profile", str(profile))
        e1, e2 = export(p1, tmp_path / "e1.json"), export(p2, tmp_path / "e2.json")
        assert e1 == e2
        data = json.loads(e1)["entities"]
        assert len(data["consultation"]) == 300
        e3 = json.loads(export(p3, tmp_path / "e3.json"))["entities"]
        ids = {r["id"] for rows in data.values() for r in rows}
        assert not ids & {r["id"] for rows in e3.values() for r in rows}

        # Concurrent edits of one field: a conflict record on both.
        org = data["organisation"][0]["id"]
        edit(p1, org, "city", "Halle")
        edit(p2, org, "city", "Leipzig")
        for profile in (p1, p2, p1, p2):
            zz("sync", "--profile", str(profile))
        for profile, name in ((p1, "c1"), (p2, "c2")):
            conflicts = json.loads(export(profile, tmp_path / f"{name}.json"))["entities"][
                "conflict"
            ]
            assert any(c["entity_id"] == org and c["field"] == "city" for c in conflicts)

        # A delete propagates.
        other = data["organisation"][1]["id"]
        edit(p2, other, "deleted", "1")
        zz("sync", "--profile", str(p2))
        zz("sync", "--profile", str(p1))
        rows = json.loads(export(p1, tmp_path / "d.json"))["entities"]["organisation"]
        assert next(r for r in rows if r["id"] == other)["deleted"] is True

        # kill -9 during a sync, then a new sync converges.
        triples: list[str] = []
        for i in range(40):
            triples += [data["organisation"][2 + i]["id"], "city", f"Ort {i}"]
        edit(p1, *triples)
        env = {**os.environ, "ZZ_PASSPHRASE": PASS}
        proc = subprocess.Popen(
            [sys.executable, "-m", "zz_desktop", "sync", "--profile", str(p1)], env=env
        )
        time.sleep(1.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for profile in (p1, p2, p1, p2):
            zz("sync", "--profile", str(profile))
        assert export(p1, tmp_path / "k1.json") == export(p2, tmp_path / "k2.json")
