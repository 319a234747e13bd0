"""The coordinating centre end to end: a real hub subprocess with pushed consultations of two
centres, ``zz-desktop login`` as the coordinator, ``sync`` (aggregates only), ``patterns`` and
``report … crosscentre`` — online, then offline from the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hub.hub_client import Device, new_id, op
from zz_hub.testing import running_hub, sqlite_url

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]
PASS = "e2e-pass-geheim"
SHIFTED = "ai_at_work"


def zz(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZZ_PASSPHRASE": PASS, "ZZ_SYNC_RETRIES": "0"}
    return subprocess.run(
        [sys.executable, "-m", "zz_desktop", *map(str, args)],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def seed(device: Device, ags: str, plan: dict[str, dict[str, int]]) -> None:
    """plan: month (2026-MM) → topic → number of consultations."""
    org = new_id()
    ops = [
        op(
            "organisation",
            org,
            name="Geheim GmbH",
            ags=ags,
            sector_code="62.01",
            sector_version="WZ2025",
            sme_class="small",
        )
    ]
    for month, topics in plan.items():
        for topic, count in topics.items():
            for n in range(count):
                ops.append(
                    op(
                        "consultation",
                        new_id(),
                        date=f"{month}-{1 + n % 28:02d}",
                        mode="at_centre",
                        fields={"kind": "signposting"},
                        topics=[topic],
                        organisation_id=org,
                        findings="Vertraulicher Freitext",
                    )
                )
    results = device.push_ok(ops)
    assert {r["status"] for r in results} == {"applied"}, results[:2]


def test_coordinator_login_sync_patterns_and_report(tmp_path: Path) -> None:
    profile = tmp_path / "koordination"
    with running_hub(sqlite_url(tmp_path)) as url:
        st, sn = Device(url, "berater1"), Device(url, "berater-sn")
        # Q1: ai_at_work 10 % of ST; Q2: 45 % — a planted shift. SN stays the same.
        seed(st, "15003000", {"2026-02": {SHIFTED: 8, "sustainability": 72}})
        seed(st, "15003000", {"2026-05": {SHIFTED: 40, "sustainability": 48}})
        seed(sn, "14511000", {"2026-02": {SHIFTED: 20, "funding_programmes": 60}})
        seed(sn, "14511000", {"2026-05": {SHIFTED: 20, "funding_programmes": 60}})
        st.close()
        sn.close()

        login = zz(
            "login", "--profile", profile, "--hub", url, "--user", "koordination",
            "--password-stdin", "--json", stdin="demo\n",
        )  # fmt: skip
        assert login.returncode == 0, login.stderr
        assert json.loads(login.stdout)["role"] == "coordinator"
        synced = zz("sync", "--profile", profile, "--json")
        assert synced.returncode == 0, synced.stderr
        assert json.loads(synced.stdout)["pushed"] == 0

        done = zz("patterns", "--profile", profile, "--period", "2026-Q2", "--json")
        assert done.returncode == 0, done.stderr
        alerts = json.loads(done.stdout)
        topic = [a for a in alerts if a["dimension"] == "topic" and a["key"] == SHIFTED]
        assert topic, alerts
        assert topic[0]["share"] > topic[0]["reference_share"]
        for alert in alerts:
            assert {"dimension", "key", "share", "reference_share", "z", "p_adjusted"} <= set(alert)
            assert alert["p_adjusted"] <= 0.05
        assert "Geheim" not in done.stdout and "Freitext" not in done.stdout

        pdf = tmp_path / "cross.pdf"
        made = zz(
            "report", "--profile", profile, "crosscentre",
            "--from", "2026-01-01", "--to", "2026-06-30", "--out", pdf,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr

    # Hub gone: the cached figures still answer, with the same alerts.
    offline = zz("patterns", "--profile", profile, "--period", "2026-Q2", "--json")
    assert offline.returncode == 0, offline.stderr
    assert json.loads(offline.stdout) == alerts
    missing = zz("patterns", "--profile", profile, "--period", "2025-Q2")
    assert missing.returncode != 0
    assert "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1

    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    assert "ZZ-ST" in text and "ZZ-SN" in text
    assert "Cell-Key" in text or "cell-key" in text.lower()
    assert "Geheim" not in text
