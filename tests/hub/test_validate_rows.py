"""``zz-hub admin validate-rows``: rows an older hub stored without validation are listed by
centre, entity, id and reason — never with a value — and the exit code says whether any exist."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from tests.hub.conftest import database_for
from tests.hub.test_cli import zz_hub
from zz_hub.db import Database
from zz_hub.models import Centre, SyncRow

SECRET = "Frau Geheimrat 0345 999 888"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_for(request.param, tmp_path)


def _store_behind_the_api(url: str, rows: list[tuple[str, str, str, dict[str, object]]]) -> None:
    db = Database(url)
    try:
        with db.write() as session:
            centres = dict(session.execute(select(Centre.code, Centre.id)).all())
            now = dt.datetime(2026, 3, 1, 12, 0)
            session.execute(
                insert(SyncRow),
                [
                    {
                        "centre_id": centres[code],
                        "entity": entity,
                        "entity_id": rid,
                        "fields": fields,
                        "field_seq": dict.fromkeys(fields, seq),
                        "field_meta": {},
                        "deleted": False,
                        "erased": False,
                        "server_seq": 10_000 + seq,
                        "changed_at": now,
                    }  # fmt: skip
                    for seq, (code, entity, rid, fields) in enumerate(rows, start=1)
                ],
            )
    finally:
        db.dispose()


def test_lists_invalid_rows_without_values(url: str) -> None:
    assert zz_hub("demo", "--database", url).returncode == 0
    clean = zz_hub("admin", "validate-rows", "--database", url)
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout == "" and "all rows valid" in clean.stderr

    _store_behind_the_api(
        url,
        [
            ("ZZ-ST", "organisation", "org-good", {"name": "Tischlerei Krause", "employees": 12}),
            ("ZZ-ST", "organisation", "org-huge", {"name": SECRET, "employees": 2**70}),
            ("ZZ-ST", "consultation", "con-date", {"date": "not-a-date", "findings": SECRET}),
            ("ZZ-SN", "organisation", "org-wz", {"name": SECRET, "sector_code": "99.99"}),
        ],
    )
    found = zz_hub("admin", "validate-rows", "--database", url)
    assert found.returncode == 3, found.stderr
    lines = sorted(line.split("\t") for line in found.stdout.splitlines())
    assert lines == [
        ["ZZ-SN", "organisation", "org-wz", "outdated code", "invalid_value:sector_code:codelist"],
        ["ZZ-ST", "consultation", "con-date", "unstorable", "invalid_value:date:format"],
        ["ZZ-ST", "organisation", "org-huge", "unstorable", "invalid_value:employees:range"],
    ]
    assert "3 row(s) need attention" in found.stderr
    assert "Geheimrat" not in found.stdout + found.stderr

    one = zz_hub("admin", "validate-rows", "--centre", "ZZ-SN", "--database", url)
    assert one.returncode == 3
    assert [line.split("\t")[2] for line in one.stdout.splitlines()] == ["org-wz"]

    unknown = zz_hub("admin", "validate-rows", "--centre", "ZZ-XX", "--database", url)
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "zz-hub: error: unknown centre ZZ-XX"


def test_scan_pages_through_many_rows(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from zz_hub import row_check

    assert zz_hub("demo", "--database", url).returncode == 0
    rows = [
        ("ZZ-ST", "organisation", f"org-{i:04d}", {"name": "Firma", "employees": i})
        for i in range(25)
    ]
    rows[7] = ("ZZ-ST", "organisation", "org-0007", {"name": "Firma", "employees": -1})
    rows[24] = ("ZZ-ST", "organisation", "org-0024", {"name": "Firma", "employees": -2})
    _store_behind_the_api(url, rows)
    monkeypatch.setattr(row_check, "PAGE", 4)
    db = Database(url)
    try:
        found = [r.entity_id for r in row_check.invalid_rows(db)]
    finally:
        db.dispose()
    assert found == ["org-0007", "org-0024"]
