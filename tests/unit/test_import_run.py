"""Importing: exact counts of imported, linked and rejected rows in every encoding and separator,
duplicates within the file and against the database, the report of rejected rows, one
transaction with outbox and audit, and undo as a whole."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from zz_desktop.errors import NotFound, UserError
from zz_desktop.importexport.sources import read_source
from zz_desktop.services import importing
from zz_desktop.services.persons import create_person
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    Affiliation,
    AuditEntry,
    Consultation,
    Organisation,
    OutboxOp,
    Person,
    Setting,
)

DATA = Path(__file__).parent / "data" / "import"

#: 9 data rows: 5 new, 2 exact duplicates (within the file), 2 broken; plus empty lines.
#: Line numbers: Öztürk spans lines 3–4 (a line break inside a quoted field).
LIST = [
    ["Vorname", "Nachname", "Firma", "PLZ", "E-Mail", "Telefon", "Notizen"],
    [
        "Jürgen",
        "Weiß",
        "Bäckerei Weiß e.K.",
        "06108",
        "jw@example.de",
        "0345 123456",
        "Stammkundin; seit 2019",
    ],
    [
        "Änne",
        "Öztürk",
        "Groß & Söhne GmbH & Co. KG",
        "01069",
        "ae@example.de",
        "",
        "Zeile 1\nZeile 2",
    ],
    [],
    ["Sören", "Müßig", "Groß und Söhne", "1069", "", "0351 99887766", ""],
    ["Ünal", "Çelik", "", "39104", "uc@example.de", "", ""],
    ["JÜRGEN", "WEISS", "Bäckerei Weiß", "06108", "", "", "doppelt: gleiche PLZ"],
    ["Hans", "Anders", "", "", "ae@example.de", "", "doppelt: gleiche E-Mail"],
    ["", "", "", "", "", "", ""],
    ["Erika", "Fehler", "", "ABCDE", "", "", "kaputte PLZ"],
    ["Otto", "Kaputt", "", "", "otto(at)example", "", "kaputte Mail"],
    ["Greta", "Groß", "Groß und Söhne", "01069", "gg@example.de", "", ""],
]


def _write(path: Path, sep: str, encoding: str) -> Path:
    codec = {"utf-8-sig": "utf-8", "windows-1252": "cp1252", "iso-8859-1": "iso-8859-1"}.get(
        encoding, encoding
    )
    rows = [r for r in LIST]
    with path.open("w", encoding=codec, newline="") as fh:
        if encoding == "utf-8-sig":
            fh.write("\ufeff")
        writer = csv.writer(fh, delimiter=sep, lineterminator="\r\n")
        for row in rows:
            writer.writerow(row)
    return path


def _import(store: Store, path: Path, **kw: object) -> importing.ImportResult:
    table = read_source(path)
    plan = importing.plan_import(store, table, importing.mapping_for(store, table))
    return importing.run_import(store, plan, **kw)  # type: ignore[arg-type]


def _count(store: Store, model: type) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "windows-1252", "iso-8859-1"])
@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_counts_in_every_encoding_and_separator(
    store: Store, tmp_path: Path, sep: str, encoding: str
) -> None:
    path = _write(tmp_path / "liste.csv", sep, encoding)
    report = tmp_path / "abgelehnt.csv"
    result = _import(store, path, report_path=report)
    assert (result.imported, result.linked, result.rejected) == (5, 2, 2)
    assert _count(store, Person) == 5
    # Bäckerei Weiß, Groß & Söhne (three rows, one organisation).
    assert _count(store, Organisation) == 2
    assert _count(store, Affiliation) == 4
    with store.read() as s:
        weiss = s.scalars(select(Person).where(Person.last_name == "Weiß")).one()
        assert weiss.phone == "+49 345 123456"
        assert weiss.notes == "Stammkundin; seit 2019"
        oeztuerk = s.scalars(select(Person).where(Person.last_name == "Öztürk")).one()
        assert oeztuerk.notes == "Zeile 1\nZeile 2"
        muessig = s.scalars(select(Person).where(Person.last_name == "Müßig")).one()
        assert muessig.postcode == "01069"
        gross = s.scalars(select(Organisation)).all()
        assert {o.legal_form for o in gross} == {"e.K.", "GmbH & Co. KG"}
    lines = report.read_bytes()
    assert lines.startswith(codecs.BOM_UTF8)
    rejected = list(csv.reader(lines.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rejected[0][:3] == ["Zeile", "Grund", "Vorname"]
    assert [r[0] for r in rejected[1:]] == ["11", "12"]
    assert rejected[1][2:4] == ["Erika", "Fehler"] and "PLZ" in rejected[1][1]
    assert "E-Mail" in rejected[2][1]
    assert {n.number for n in result.links} == {8, 9}


def test_committed_fixtures(store: Store, tmp_path: Path) -> None:
    outlook = _import(store, DATA / "outlook_de_cp1252.csv", report_path=tmp_path / "r1.csv")
    # Weiß, Groß, Yilmaz and the company row Elektro Wagner; the second Groß is linked;
    # Erika Fehler (postcode and e-mail) is rejected.
    assert (outlook.imported, outlook.linked, outlook.rejected) == (4, 1, 1)
    assert outlook.warnings == 1  # 06844 (Dessau-Roßlau) does not lie in Sachsen
    thunderbird = _import(store, DATA / "thunderbird_en_utf8.csv", report_path=tmp_path / "r2.csv")
    assert (thunderbird.imported, thunderbird.linked, thunderbird.rejected) == (3, 0, 0)
    v3 = _import(store, DATA / "kontakte_v3.vcf", report_path=tmp_path / "r3.csv")
    assert (v3.imported, v3.linked, v3.rejected) == (2, 0, 1)
    v4 = _import(store, DATA / "kontakte_v4.vcf", report_path=tmp_path / "r4.csv")
    assert (v4.imported, v4.linked, v4.rejected) == (1, 1, 0)
    with store.read() as s:
        wagner = s.scalars(select(Organisation).where(Organisation.name.like("Elektro%"))).one()
        assert (wagner.email, wagner.phone) == ("info@elektro-wagner.de", "+49 341 998877")
        jana = s.scalars(select(Person).where(Person.last_name == "Köhler")).one()
        assert (jana.gender, jana.birth_year, jana.phone) == ("female", 1985, "+49 391 2223344")
        kaethe = s.scalars(select(Person).where(Person.first_name == "Käthe")).one()
        assert kaethe.birth_year == 1975


def test_xlsx_import_with_duplicate_of_existing(store: Store, tmp_path: Path) -> None:
    create_person(store, {"first_name": "Anna", "last_name": "Müller", "postcode": "06108"})
    wb = Workbook()
    ws = wb.active
    ws.append(["Vorname", "Nachname", "PLZ", "Geschlecht", "Geburtsjahr"])
    ws.append(["Anna", "Mueller", 6108, "w", 1980])  # same person: umlaut spelling, lost zero
    ws.append(["Bernd", "Neu", "04109", "m", 1975])
    ws.append(["Kein", "Jahr", "04109", "x", 1700])  # birth year out of range
    path = tmp_path / "anmeldungen.xlsx"
    wb.save(path)
    result = _import(store, path, report_path=tmp_path / "r.csv")
    assert (result.imported, result.linked, result.rejected) == (1, 1, 1)
    assert result.links[0].label.startswith("Anna Müller")
    assert _count(store, Person) == 2


def test_one_transaction_with_outbox_and_audit(store: Store, tmp_path: Path) -> None:
    with store.read() as s:
        before_ops = s.scalar(select(func.count()).select_from(OutboxOp))
        last_seq = s.scalar(select(func.max(OutboxOp.seq))) or 0
    path = _write(tmp_path / "liste.csv", ";", "utf-8")
    result = _import(store, path)
    created = sum(len(v) for v in result.created.values())
    with store.read() as s:
        ops = s.scalar(select(func.count()).select_from(OutboxOp)) - before_ops
        new_ops = s.scalars(select(OutboxOp).where(OutboxOp.seq > last_seq)).all()
        embedded = sum(len(o.audit or []) for o in new_ops)
        creates = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "create")
        )
    assert created == 5 + 2 + 4
    assert ops == created  # one op per row, its audit entry inside it (issue 16)
    assert embedded == created
    assert creates >= created


def test_dry_run_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "liste.csv", ";", "utf-8")
    result = _import(store, path, dry_run=True, report_path=tmp_path / "r.csv")
    assert (result.imported, result.linked, result.rejected) == (5, 2, 2)
    assert result.batch_id is None
    assert _count(store, Person) == 0
    assert (tmp_path / "r.csv").exists()


def test_reimport_links_everything(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "liste.csv", ";", "utf-8")
    _import(store, path)
    again = _import(store, path)
    assert (again.imported, again.linked, again.rejected) == (0, 7, 2)
    assert _count(store, Person) == 5
    assert _count(store, Affiliation) == 4


def test_decisions_create_anyway_and_skip(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "liste.csv", ";", "utf-8")
    table = read_source(path)
    plan = importing.plan_import(store, table, importing.mapping_for(store, table))
    by_number = {r.number: r for r in plan.rows}
    assert by_number[8].status == importing.DUPLICATE and by_number[8].decision == importing.LINK
    by_number[8].decision = importing.CREATE
    by_number[9].decision = importing.SKIP
    result = importing.run_import(store, plan)
    assert (result.imported, result.linked, result.skipped) == (6, 0, 1)
    assert _count(store, Person) == 6


def test_undo_removes_exactly_the_batch(store: Store, tmp_path: Path) -> None:
    existing = create_person(store, {"first_name": "Anna", "last_name": "Alt"})
    path = _write(tmp_path / "liste.csv", ";", "utf-8")
    result = _import(store, path)
    assert result.batch_id is not None
    with store.read() as s:
        batch = s.get(Setting, importing.BATCH_PREFIX + result.batch_id)
        assert batch is not None and len(batch.value["created"]["person"]) == 5
    counts = importing.undo_import(store, result.batch_id)
    assert counts == {"affiliation": 4, "person": 5, "organisation": 2}
    assert _count(store, Person) == 1
    with store.read() as s:
        assert s.get(Person, existing.id).deleted is False
        deletes = s.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.kind == "delete")
        )
    assert deletes == 11
    with pytest.raises(UserError):
        importing.undo_import(store, result.batch_id)
    with pytest.raises(NotFound):
        importing.undo_import(store, "no-such-batch")


def test_undo_refused_when_records_refer_to_imported_contacts(store: Store, tmp_path: Path) -> None:
    import datetime as dt

    path = _write(tmp_path / "liste.csv", ";", "utf-8")
    result = _import(store, path)
    with store.read() as s:
        org_id = s.scalars(select(Organisation.id)).first()
    with store.write() as s:
        s.add(Consultation(date=dt.date(2025, 3, 1), organisation_id=org_id))
    with pytest.raises(UserError):
        importing.undo_import(store, str(result.batch_id))
    assert _count(store, Person) == 5


def test_mapping_without_a_name_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("E-Mail;Telefon\na@b.de;0345 1\n", encoding="utf-8")
    table = read_source(path)
    with pytest.raises(UserError):
        importing.plan_import(store, table, importing.mapping_for(store, table))
