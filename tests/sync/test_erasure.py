"""Issue 13 acceptance: an Art. 17 erasure across two devices and the hub (SQLite and
PostgreSQL, real HTTP) leaves none of the person's identifiers anywhere — not in live rows, not in
free pages or FTS5 segments of the decrypted SQLCipher files, WALs, backups made afterwards, logs
or the hub's database — and an offline device that edited the person brings no value back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select

from tests.hub.test_conflicts import _assert_nowhere_in_database
from tests.support.sqlcipher_pages import decrypted_database, decrypted_wal, page_one_is_readable
from tests.sync.support import Device
from tests.sync.test_engine import edit
from zz_desktop.services import privacy
from zz_desktop.store.models import Conflict, Consultation, Draft, FollowUp, Organisation, Person

FIRST, LAST = "Erika", "Musterfrau"
MAIL, PHONE = "erika.musterfrau@example.org", "0391 5557788"
NEW_PHONE = "0170 9998877"  # typed on the offline device before the erase
NEW_NOTE = "Ruft nur abends an"


def _setup(m: Device, b: Device) -> dict[str, str]:
    today = dt.date.today()
    with m.store.write() as s:
        org = Organisation(name="Tischlerei Holzwurm")
        s.add(org)
        s.flush()
        p = Person(
            first_name=FIRST,
            last_name=LAST,
            email=MAIL,
            phone=PHONE,
            gender="female",
            birth_year=1971,
            employment_status="employed",
            disability="yes",
            minority="yes",
            foreign_origin="yes",
            homeless="no",
        )
        s.add(p)
        s.flush()
        c = Consultation(
            date=today,
            organisation_id=org.id,
            person_id=p.id,
            title="Erstgespräch",
            findings=f"Frau {FIRST} {LAST} (Tel. {PHONE}) plant eine Nachfolge.",
        )
        s.add(c)
        s.flush()
        f = FollowUp(
            consultation_id=c.id,
            organisation_id=org.id,
            text=f"Unterlagen an {MAIL} schicken, {LAST} anrufen",
            due_date=today,
        )
        s.add(f)
    m.sync()
    b.sync()
    # A conflict whose values name the person: both devices rewrite the findings.
    edit(m, Consultation, c.id, findings=f"{LAST} hat zugesagt")
    edit(b, Consultation, c.id, findings=f"{FIRST} {LAST} sagt ab")
    m.sync()
    b.sync()
    m.sync()
    for dev in (m, b):
        with dev.store.write() as s:
            s.add(
                Draft(
                    id=f"draft-{dev.name}",
                    kind="consultation",
                    record_id=c.id,
                    payload={"findings": f"Entwurf zu {FIRST} {LAST}, {PHONE}"},
                    updated_at=dt.datetime.now(),
                )
            )
    return {"person": p.id, "consultation": c.id, "followup": f.id, "org": org.id}


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def _scan_device(dev: Device, secrets: list[str], log_dir: Path) -> None:
    key = dev.store._key
    db = dev.store.db_path
    assert page_one_is_readable(db, key), "page decryption self-check"
    blobs: dict[str, bytes] = {}
    for path in [*_files(dev.path), *_files(log_dir)]:
        blobs[str(path)] = path.read_bytes()  # grep -a over every file
        if path.name.endswith(("-wal",)) and path.stat().st_size:
            blobs[f"{path} (decrypted)"] = decrypted_wal(path, key)
        elif path.suffix in (".db", ".zzbak") or path == db:
            blobs[f"{path} (decrypted)"] = decrypted_database(path, key)
    for where, data in blobs.items():
        for secret in secrets:
            for form in {secret.encode(), secret.encode("utf-16-le")}:
                assert form not in data, f"{secret!r} left in {where}"


def test_erase_leaves_nothing_on_two_devices_and_the_hub(device, hub, tmp_path, monkeypatch):
    log_dir = tmp_path / "logs"
    monkeypatch.setenv("ZZ_LOG_DIR", str(log_dir))
    log_dir.mkdir()
    m, b = device("m", 2), device("b", 1)  # m is a manager, b an advisor
    ids = _setup(m, b)
    with m.store.read() as s:
        assert s.scalars(select(Conflict).where(Conflict.entity_id == ids["consultation"])).all()
    old_backup = m.store.backup("before")
    # The scan can see plaintext: before the erase the decrypted pages hold the name.
    assert LAST.encode() in decrypted_database(old_backup, m.store._key)
    assert LAST.encode() not in old_backup.read_bytes()  # encrypted at rest
    # b is offline and edits the person (a new phone number and a note) before the erase.
    edit(b, Person, ids["person"], phone=NEW_PHONE, notes=NEW_NOTE, disability="no")
    # ... and the findings, naming the person: after the erase this stale edit meets the
    # cleaned findings on the hub and leaves a conflict whose value names the person.
    edit(b, Consultation, ids["consultation"], findings=f"Nachtrag: {FIRST} {LAST} ruft an")

    report = privacy.erase_person(m.store, ids["person"])
    assert report.touched.get("consultation") and report.touched.get("followup")
    assert report.drafts == 1 and report.backups == [old_backup.name]
    m.sync()
    b.sync()  # pushes the stale edit, then pulls the erase
    m.sync()
    b.sync()

    for dev in (m, b):
        with dev.store.read() as s:
            person = s.get(Person, ids["person"])
            assert person.erased_at is not None
            for name in (
                "first_name",
                "last_name",
                "email",
                "phone",
                "notes",
                "birth_year",
                "disability",
                "minority",
                "foreign_origin",
                "homeless",
            ):
                assert getattr(person, name) is None, (dev.name, name)
            # Statistics stay correct: the person is still counted with gender and employment.
            assert (person.gender, person.employment_status) == ("female", "employed")
            findings = s.get(Consultation, ids["consultation"]).findings
            assert "[***]" in findings
            assert "[***]" in s.get(FollowUp, ids["followup"]).text
            assert s.scalars(select(Draft)).all() == []
        dev.store.backup("after")
    secrets = [FIRST, LAST, MAIL, PHONE, NEW_PHONE, NEW_NOTE, "5557788", "9998877"]
    for dev in (m, b):
        dev.store.engine.dispose()  # connections closed: the WAL is what is on disk
        old = dev.path / "backups" / old_backup.name
        if old.exists():
            # Made before the erasure: listed in erasures.json (policy "mark"), not scanned.
            listed = json.loads((dev.path / "backups" / "erasures.json").read_text())
            assert listed[0]["backups"] == [old_backup.name]
            old.rename(tmp_path / old.name)
        _scan_device(dev, secrets, log_dir)
    _assert_nowhere_in_database(hub.database_url, secrets)
