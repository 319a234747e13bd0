"""``zz-desktop import`` as a subprocess: summary and report, saved mappings, dry run, undo, and
one-line errors for unreadable files and unknown mappings."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.e2e.conftest import Runner, assert_one_line_error

pytestmark = pytest.mark.e2e

LIST = (
    "Vorname;Nachname;Firma;PLZ geschäftlich;E-Mail-Adresse;Geschäftlich Telefon\r\n"
    "Jürgen;Weiß;Bäckerei Weiß e.K.;06108;jw@example.de;0345 123456\r\n"
    "\r\n"
    'Änne;Öztürk;"Groß & Söhne; GmbH";01069;ae@example.de;\r\n'
    "JÜRGEN;WEISS;Bäckerei Weiß;06108;jw@example.de;\r\n"
    "Erika;Fehler;;ABCDE;erika(at)example;\r\n"
)


@pytest.fixture
def profile(cli: Runner, tmp_path: Path) -> Path:
    path = tmp_path / "P"
    result = cli("demo", "--profile", path, "--consultations", "0", "--json")
    assert result.returncode == 0, result.stderr
    return path


def test_import_summary_report_and_undo(cli: Runner, profile: Path, tmp_path: Path) -> None:
    source = tmp_path / "outlook.csv"
    source.write_bytes(LIST.encode("cp1252"))
    report = tmp_path / "abgelehnt.csv"
    result = cli(
        "import", "--profile", profile, source, "--report", report, "--save-mapping", "Outlook"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Zeile 5: mit vorhandener Person Jürgen Weiß verknüpft." in out
    assert "2 importiert, 1 mit vorhandenen Datensätzen verknüpft, 1 abgelehnt" in out
    assert str(report) in out
    assert report.read_bytes().startswith(codecs.BOM_UTF8)
    assert "Erika;Fehler" in report.read_text(encoding="utf-8-sig")

    # The same list again, with the saved mapping: everything is linked, nothing created.
    again = cli(
        "import", "--profile", profile, source, "--mapping", "Outlook", "--dry-run", "--json"
    )
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert (data["imported"], data["linked"], data["rejected"]) == (0, 3, 1)
    assert (data["encoding"], data["delimiter"], data["dry_run"]) == ("windows-1252", ";", True)

    first = cli("import", "--profile", profile, source, "--json", "--report", tmp_path / "r.csv")
    batch = json.loads(first.stdout)["batch_id"]
    assert json.loads(first.stdout)["imported"] == 0
    undo = cli("import", "--profile", profile, "--undo", batch, "--json")
    assert undo.returncode == 0, undo.stderr
    assert json.loads(undo.stdout)["undone"] == {"affiliation": 0, "person": 0, "organisation": 0}


def test_undo_of_a_real_batch(cli: Runner, profile: Path, tmp_path: Path) -> None:
    source = tmp_path / "liste.csv"
    source.write_text(LIST, encoding="utf-8")
    result = cli("import", "--profile", profile, source, "--json")
    data = json.loads(result.stdout)
    assert data["created"] == {"affiliation": 2, "organisation": 2, "person": 2}
    undo = cli("import", "--profile", profile, "--undo", data["batch_id"])
    assert undo.returncode == 0, undo.stderr
    assert "2 Organisationen, 2 Personen und 2 Zuordnungen entfernt" in undo.stdout
    twice = cli("import", "--profile", profile, "--undo", data["batch_id"])
    assert "bereits" in assert_one_line_error(twice)


@pytest.mark.parametrize(
    ("name", "content"),
    [("fehlt.csv", None), ("leer.csv", b""), ("alt.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 64)],
)
def test_unreadable_files_are_one_line_errors(
    cli: Runner, profile: Path, tmp_path: Path, name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    line = assert_one_line_error(cli("import", "--profile", profile, path))
    assert line.startswith("zz-desktop: ")


def test_unknown_mapping_and_missing_file_argument(
    cli: Runner, profile: Path, tmp_path: Path
) -> None:
    source = tmp_path / "liste.csv"
    source.write_text(LIST, encoding="utf-8")
    line = assert_one_line_error(cli("import", "--profile", profile, source, "--mapping", "Nix"))
    assert "Nix" in line
    assert_one_line_error(cli("import", "--profile", profile))
