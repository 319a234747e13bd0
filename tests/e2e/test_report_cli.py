"""``zz-desktop report`` as a subprocess: every kind writes a PDF; a protocol print is audited;
mistakes end in one line, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pytest

from tests.e2e.conftest import Runner, assert_one_line_error

pytestmark = pytest.mark.e2e


def _text(path: Path) -> str:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages)


def test_report_kinds(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert cli("demo", "--profile", profile, "--consultations", "150").returncode == 0
    for kind, extra in (
        ("activity", ["--quarter", "2026Q3"]),
        ("esf", ["--from", "2026-01-01", "--to", "2026-12-31"]),
        ("selfemployed", ["--year", "2026", "--lang", "en"]),
    ):
        out = tmp_path / f"{kind}.pdf"
        result = cli("report", "--profile", profile, kind, *extra, "--out", out, "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["kind"] == kind
        assert out.read_bytes().startswith(b"%PDF")
    assert "01.07.2026 – 30.09.2026" in _text(tmp_path / "activity.pdf")
    assert "Self-employed situation report" in _text(tmp_path / "selfemployed.pdf")


def test_protocol_is_audited(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert cli("demo", "--profile", profile, "--consultations", "30").returncode == 0
    from zz_desktop.reports.queries.period import Period
    from zz_desktop.reports.queries.protocol import consultations_in
    from zz_desktop.store.database import open_store

    store = open_store(profile, passphrase="e2e-geheim")
    try:
        cid = consultations_in(store, Period.parse("2026"), limit=1)[0][0]
    finally:
        store.close()
    out = tmp_path / "protokoll.pdf"
    result = cli("report", "--profile", profile, "protocol", "--id", cid, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "Beratungsprotokoll" in _text(out)
    from sqlalchemy import select

    from zz_desktop.store.models import AuditEntry

    store = open_store(profile, passphrase="e2e-geheim")
    try:
        with store.read() as session:
            actions = session.scalars(
                select(AuditEntry.action).where(AuditEntry.entity_id == cid)
            ).all()
    finally:
        store.close()
    assert "print" in actions


def test_report_mistakes_are_one_line(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert cli("demo", "--profile", profile, "--consultations", "5").returncode == 0
    out = tmp_path / "x.pdf"
    assert "2026-13" in assert_one_line_error(
        cli("report", "--profile", profile, "activity", "--month", "2026-13", "--out", out)
    )
    assert_one_line_error(cli("report", "--profile", profile, "protocol", "--out", out))
    assert_one_line_error(
        cli("report", "--profile", profile, "protocol", "--id", "nope", "--out", out)
    )


def test_report_json_figures(cli: Runner, tmp_path: Path) -> None:
    """``--json`` without ``--out`` prints the figures from the query functions (issue 11)."""
    profile = tmp_path / "p"
    assert cli("demo", "--profile", profile, "--consultations", "150").returncode == 0
    result = cli(
        "report",
        "--profile",
        profile,
        "esf",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for part in ("new_in_period", "cumulative"):
        for code in ("EECO01", "EECO05", "EECO19"):
            assert set(data[part][code]) >= {"total"}
        assert set(data[part]["EECO05"]) == {"women", "men", "non_binary", "not_stated", "total"}
    assert isinstance(data["not_counted"], list)
    assert isinstance(data["drafts_excluded"], list)
    from zz_desktop.reports.queries.esf import esf_operation
    from zz_desktop.store.database import open_store

    store = open_store(profile, passphrase="e2e-geheim")
    try:
        import datetime as dt

        expected = esf_operation(store, dt.date(2026, 1, 1), dt.date(2026, 12, 31)).as_json()
    finally:
        store.close()
    assert data["cumulative"] == expected["cumulative"]
    assert data["drafts_excluded"] == expected["drafts_excluded"]
    for kind in ("activity", "selfemployed"):
        result = cli("report", "--profile", profile, kind, "--year", "2026", "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["kind"] == kind
    missing = cli("report", "--profile", profile, "activity", "--year", "2026")
    assert_one_line_error(missing)
