"""Issue 13 from the command line: ``privacy access ID --format pdf|json`` (the PDF read back)
and files written owner-only (exports, reports, logs, backups)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import Runner, assert_one_line_error

pytestmark = pytest.mark.e2e


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_access_pdf_and_json_owner_only(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "P"
    made = cli("demo", "--profile", profile, "--consultations", "30", "--seed", "5", "--json")
    assert made.returncode == 0, made.stderr
    export = tmp_path / "all.json"
    assert cli("export", "--profile", profile, "--format", "json", "--out", export).returncode == 0
    assert _mode(export) == 0o600
    person = next(
        p for p in json.loads(export.read_text("utf-8"))["entities"]["person"] if p["last_name"]
    )
    pdf, js = tmp_path / "auskunft.pdf", tmp_path / "auskunft.json"
    for fmt, out in (("pdf", pdf), ("json", js)):
        result = cli(
            "privacy", "access", person["id"], "--profile", profile, "--format", fmt, "--out", out
        )
        assert result.returncode == 0, result.stderr
        assert _mode(out) == 0o600
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "Auskunft nach Art. 15 DSGVO" in text and person["last_name"] in text
    assert json.loads(js.read_text("utf-8"))["records"]["person"][0]["id"] == person["id"]
    no_file = cli("privacy", "access", person["id"], "--profile", profile, "--format", "pdf")
    assert "--out" in assert_one_line_error(no_file)
    for log in (tmp_path / "logs").glob("*.log*"):
        assert _mode(log) == 0o600
    assert _mode(tmp_path / "logs") == 0o700
    backup = tmp_path / "kopie.zzbak"
    assert cli("backup", "create", backup, "--profile", profile).returncode == 0
    assert _mode(backup) == 0o600
    for made_before in (profile / "backups").glob("*.zzbak"):
        assert _mode(made_before) == 0o600
