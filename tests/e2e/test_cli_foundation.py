"""The command-line contract of the foundation: demo, canonical export, backups, and one-line
errors for a wrong key, a truncated file and a newer schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import Runner, assert_one_line_error

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.e2e.conftest import run_cli

    profile = tmp_path_factory.mktemp("demo") / "P"
    result = run_cli(
        "demo",
        "--profile",
        profile,
        "--consultations",
        "5000",
        "--seed",
        "3",
        "--json",
        env={"ZZ_PASSPHRASE": "e2e-geheim"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["consultations"] == 5000
    return profile


@pytest.mark.slow
def test_export_is_byte_identical_and_db_has_no_plaintext(
    demo_profile: Path, cli: Runner, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        result = cli("export", "--profile", demo_profile, "--format", "json", "--out", out)
        assert result.returncode == 0, result.stderr
    assert a.read_bytes() == b.read_bytes()
    dump = json.loads(a.read_text(encoding="utf-8"))
    orgs = dump["entities"]["organisation"]
    persons = dump["entities"]["person"]
    assert len(dump["entities"]["consultation"]) == 5000
    # Only strings of 8+ bytes: shorter ones occur by chance in 90 MB of ciphertext.
    candidates = [o["name"] for o in orgs[:50]] + [
        f"{p['first_name']} {p['last_name']}" for p in persons[:50] if p["last_name"]
    ]
    names = [n for n in candidates if len(n.encode()) >= 8]
    assert len(names) > 50
    # Open the database once more so that a -wal file with content exists while we look.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(demo_profile)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**__import__("os").environ, "ZZ_PASSPHRASE": "e2e-geheim"},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        files = [demo_profile / "zz.db", demo_profile / "zz.db-wal"]
        assert files[1].exists() and files[1].stat().st_size > 0
        for path in files:
            grep = subprocess.run(
                [
                    "grep",
                    "-a",
                    "-c",
                    "-F",
                    "-e",
                    names[0],
                    *sum((["-e", n] for n in names[1:]), []),
                    str(path),
                ],
                capture_output=True,
                text=True,
            )
            assert grep.stdout.strip() == "0", f"plain text found in {path.name}"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


HOLD_OPEN = """
import os, sys
from pathlib import Path
from zz_desktop.store.database import open_store
from zz_desktop.services import organisations
store = open_store(Path(sys.argv[1]), passphrase=os.environ["ZZ_PASSPHRASE"])
organisations.create_organisation(store, {"name": "Halteprozess Testfirma"})
print("ready", flush=True)
sys.stdin.read()
store.close()
"""


def test_wrong_passphrase_is_one_line(demo_profile: Path, cli: Runner, tmp_path: Path) -> None:
    result = cli(
        "export", "--profile", demo_profile, "--out", tmp_path / "x.json", passphrase="falsch"
    )
    line = assert_one_line_error(result)
    assert "Schlüssel ist falsch" in line and result.returncode == 2
    assert not (tmp_path / "x.json").exists()


def test_truncated_file_is_one_line(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "P"
    assert cli("demo", "--profile", profile, "--consultations", "200").returncode == 0
    db = profile / "zz.db"
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    for wal in profile.glob("zz.db-*"):
        wal.unlink()
    result = cli("export", "--profile", profile, "--out", tmp_path / "x.json")
    assert_one_line_error(result)


def test_newer_schema_is_one_line(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "P"
    assert cli("demo", "--profile", profile, "--consultations", "20").returncode == 0
    bump = (
        "import os, sys; from pathlib import Path; from sqlalchemy import text; "
        "from zz_desktop.store.database import open_store; "
        "s = open_store(Path(sys.argv[1]), passphrase='e2e-geheim'); "
        "c = s.engine.connect(); c.execute(text(\"UPDATE alembic_version SET version_num='0999'\")); c.commit(); c.close(); s.close()"
    )
    subprocess.run([sys.executable, "-c", bump, str(profile)], check=True)
    result = cli(
        "export", "--profile", profile, "--out", tmp_path / "x.json", env={"ZZ_LANG": "en"}
    )
    line = assert_one_line_error(result)
    assert "newer version" in line or "neueren Version" in line


def test_missing_profile_and_missing_passphrase(cli: Runner, tmp_path: Path) -> None:
    assert_one_line_error(
        cli("export", "--profile", tmp_path / "none", "--out", tmp_path / "x.json")
    )
    result = cli("demo", "--profile", tmp_path / "P", "--consultations", "5", passphrase="")
    line = assert_one_line_error(result)
    assert "ZZ_PASSPHRASE" in line
    assert not (tmp_path / "P" / "zz.db").exists()


def test_backup_create_and_restore(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "P"
    assert cli("demo", "--profile", profile, "--consultations", "50").returncode == 0
    before = tmp_path / "before.json"
    assert cli("export", "--profile", profile, "--out", before).returncode == 0
    backup = tmp_path / "sicherung.zzbak"
    result = cli("backup", "--profile", profile, "create", backup, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["path"] == str(backup)
    assert cli("demo", "--profile", profile, "--consultations", "10", "--seed", "9").returncode == 0
    result = cli("backup", "--profile", profile, "restore", backup)
    assert result.returncode == 0, result.stderr
    after = tmp_path / "after.json"
    assert cli("export", "--profile", profile, "--out", after).returncode == 0
    assert before.read_bytes() == after.read_bytes()
    assert_one_line_error(cli("backup", "--profile", profile, "restore", tmp_path / "fehlt.zzbak"))


def test_csv_and_xlsx_export(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "P"
    assert cli("demo", "--profile", profile, "--consultations", "30").returncode == 0
    assert (
        cli("export", "--profile", profile, "--format", "csv", "--out", tmp_path / "csv").returncode
        == 0
    )
    raw = (tmp_path / "csv" / "organisation.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    assert (
        cli(
            "export", "--profile", profile, "--format", "xlsx", "--out", tmp_path / "all.xlsx"
        ).returncode
        == 0
    )
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "all.xlsx", read_only=True)
    assert "consultation" in wb.sheetnames


def test_help_lists_every_command(cli: Runner) -> None:
    result = cli("--help")
    assert result.returncode == 0
    for command in ("demo", "login", "sync", "export", "import", "report", "privacy", "backup"):
        assert command in result.stdout
