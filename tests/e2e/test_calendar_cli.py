"""``zz-desktop calendar`` as a subprocess: the .ics it writes parses back (icalendar) with the
follow-ups and events of the profile; mistakes end in one line and a non-zero exit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.e2e.conftest import Runner, assert_one_line_error

pytestmark = pytest.mark.e2e


def test_calendar_export(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert cli("demo", "--profile", profile, "--consultations", "80").returncode == 0
    out = tmp_path / "termine.ics"
    year = dt.date.today().year
    result = cli(
        "calendar", "--profile", profile, "--from", f"{year - 1}-01-01",
        "--to", f"{year + 1}-12-31", "--out", out, "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    count = json.loads(result.stdout)["entries"]
    cal = Calendar.from_ical(out.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert count == len(events) > 0
    kinds = {str(c.get("categories").cats[0]) for c in events}
    assert {"Wiedervorlage", "Veranstaltung"} <= kinds, kinds
    uids = [str(c.get("uid")) for c in events]
    assert len(set(uids)) == len(uids)  # stable, unique: a subscription updates, never doubles
    for c in events:
        assert isinstance(c.decoded("dtstart"), dt.date)
        assert c.decoded("dtend") > c.decoded("dtstart")


def test_calendar_bad_input(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert cli("demo", "--profile", profile, "--consultations", "5").returncode == 0
    bad_date = cli(
        "calendar", "--profile", profile, "--from", "31.02.2026", "--out", tmp_path / "x.ics"
    )
    assert bad_date.returncode != 0
    assert "31.02.2026" in assert_one_line_error(bad_date)
    no_dir = cli("calendar", "--profile", profile, "--out", tmp_path / "fehlt" / "x.ics")
    assert no_dir.returncode != 0
    assert "fehlt" in assert_one_line_error(no_dir)
    backwards = cli(
        "calendar", "--profile", profile, "--from", "2026-05-01", "--to", "2026-04-01",
        "--out", tmp_path / "x.ics",
    )  # fmt: skip
    assert backwards.returncode != 0
    assert_one_line_error(backwards)
