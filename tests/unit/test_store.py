"""The encrypted store: encryption at rest, key policy, clear errors, migrations with backup,
change capture in one transaction, search, backups."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from zz_desktop.errors import ProfileError
from zz_desktop.store import search
from zz_desktop.store.database import Store, open_store
from zz_desktop.store.models import AuditEntry, Consultation, Organisation, OutboxOp, Person


def _add_org(store: Store, name: str = "Müller Metallbau GmbH") -> str:
    with store.write() as s:
        org = Organisation(
            name=name, city="Halle (Saale)", postcode="06108", notes="Geheimnotiz Zander"
        )
        s.add(org)
        s.flush()
        return org.id


def test_no_plaintext_in_database_or_wal(store: Store) -> None:
    _add_org(store)
    db = store.db_path
    wal = Path(str(db) + "-wal")
    assert wal.exists(), "WAL mode keeps a -wal file while the store is open"
    for path in (db, wal):
        data = path.read_bytes()
        for needle in ("Müller".encode(), b"Metallbau", b"Zander", b"SQLite format 3"):
            assert needle not in data, (path.name, needle)


def test_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY


def test_wrong_key_is_one_clear_error(store: Store, memory_keyring, profile_dir: Path) -> None:
    _add_org(store)
    store.close()
    (account,) = [k for k in memory_keyring.data if k[1].startswith("profile-key:")]
    memory_keyring.data[account] = "00" * 32
    with pytest.raises(ProfileError) as info:
        open_store(profile_dir)
    assert "Schlüssel" in info.value.message and "\n" not in info.value.message


def test_truncated_file_is_one_clear_error(store: Store, profile_dir: Path) -> None:
    for i in range(50):
        _add_org(store, f"Firma {i}")
    store.close()
    db = profile_dir / "zz.db"
    size = db.stat().st_size
    with db.open("r+b") as fh:
        fh.truncate(size // 3)
    with pytest.raises(ProfileError):
        st = open_store(profile_dir)
        # a damaged page may only show when read: a full read must fail then
        with st.read() as s:
            s.scalars(select(Organisation)).all()


def test_newer_schema_is_refused(store: Store, profile_dir: Path) -> None:
    with store.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    with pytest.raises(ProfileError) as info:
        open_store(profile_dir)
    assert "neueren Version" in info.value.message


def test_backup_before_migration_and_index_built(memory_keyring, profile_dir: Path) -> None:
    old = open_store(profile_dir, create=True, target_revision="0001")  # the oldest schema
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (id, name, deleted, tags, created_at, updated_at) "
                "VALUES ('o1', 'Weber Elektrotechnik', 0, '[]', '2024-01-01', '2024-01-01')"
            )
        )
    old.close()
    assert not (profile_dir / "backups").exists()
    new = open_store(profile_dir)
    backups = list((profile_dir / "backups").glob("*before-migration-0001*"))
    assert len(backups) == 1
    with new.read() as s:
        assert [h.entity_id for h in search.search(s, "weber")] == ["o1"]
    new.close()


def test_outbox_audit_and_index_in_one_transaction(store: Store) -> None:
    org_id = _add_org(store)
    with pytest.raises(RuntimeError), store.write() as s:
        s.add(Organisation(name="Wird zurückgerollt"))
        s.flush()
        raise RuntimeError("boom")
    with store.read() as s:
        assert (
            s.scalar(select(Organisation).where(Organisation.name == "Wird zurückgerollt")) is None
        )
        ops = s.scalars(select(OutboxOp)).all()
        # The audit entry travels inside the row's op (issue 16), not as an op of its own.
        assert [(o.entity, o.kind) for o in ops] == [("organisation", "upsert")]
        assert ops[0].entity_id == org_id and ops[0].fields["name"] == "Müller Metallbau GmbH"
        [entry] = ops[0].audit or []
        stored = s.get(AuditEntry, entry["id"])
        assert stored is not None and stored.entity_id == org_id
        assert entry["action"] == "create" and entry["entity_id"] == org_id
        assert search.search(s, "zurückgerollt") == []


def test_update_delete_restore_are_audited_without_values(store: Store) -> None:
    org_id = _add_org(store)
    with store.write() as s:
        s.get(Organisation, org_id).city = "Magdeburg"
    with store.write() as s:
        s.get(Organisation, org_id).deleted = True
    with store.write() as s:
        s.get(Organisation, org_id).deleted = False
    with store.read() as s:
        audit = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_id == org_id)
            .order_by(AuditEntry.at, AuditEntry.id)
        ).all()
        assert [a.action for a in audit] == ["create", "update", "delete", "restore"]
        assert audit[1].detail == "city"
        assert all("Magdeburg" not in (a.detail or "") for a in audit)
        kinds = [o.kind for o in s.scalars(select(OutboxOp).where(OutboxOp.entity_id == org_id))]
        # create+update collapse into one unsent upsert; then a delete; then the restore upsert
        assert kinds == ["upsert", "delete", "upsert"]


def test_sent_ops_are_not_collapsed(store: Store) -> None:
    org_id = _add_org(store)
    with store.write() as s:
        s.execute(text("UPDATE outbox SET attempts = 1"))
    with store.write() as s:
        s.get(Organisation, org_id).city = "Dessau-Roßlau"
    with store.read() as s:
        ops = s.scalars(select(OutboxOp).where(OutboxOp.entity_id == org_id)).all()
        assert len(ops) == 2 and set(ops[1].fields) >= {"city", "updated_at"}
        assert "name" not in ops[1].fields


def test_hard_delete_is_refused(store: Store) -> None:
    org_id = _add_org(store)
    with pytest.raises(RuntimeError), store.write() as s:
        s.delete(s.get(Organisation, org_id))


def test_search_prefix_and_diacritics(store: Store) -> None:
    _add_org(store, "Bäckerei Schröder")
    with store.write() as s:
        s.add(Person(first_name="Jürgen", last_name="Weiß"))
        org = Organisation(name="Nguyễn Import")
        s.add(org)
        s.flush()
        s.add(
            Consultation(
                date=dt.date(2025, 3, 1),
                organisation_id=org.id,
                findings="Einführung eines Warenwirtschaftssystems",
            )
        )
    with store.read() as s:
        assert [h.title for h in search.search(s, "bäck")] == ["Bäckerei Schröder Halle (Saale)"]
        assert [h.title for h in search.search(s, "schroder")] == [
            "Bäckerei Schröder Halle (Saale)"
        ]
        assert len(search.search(s, "jürg wei")) == 1
        assert len(search.search(s, "nguyen")) == 1
        assert search.search(s, "warenwirt")[0].entity == "consultation"
        assert search.search(s, '"; DROP TABLE x') == []  # tokens only, never raw FTS syntax


def test_backup_and_restore_roundtrip(store: Store, tmp_path: Path, profile_dir: Path) -> None:
    _add_org(store, "Vor der Sicherung")
    made = store.backup(target=tmp_path / "b.zzbak")
    assert b"Sicherung" not in made.read_bytes()
    _add_org(store, "Nach der Sicherung")
    aside = store.restore(made)
    assert aside.exists()
    reopened = open_store(profile_dir)
    with reopened.read() as s:
        names = set(s.scalars(select(Organisation.name)))
    assert names == {"Vor der Sicherung"}
    reopened.close()


def test_daily_backup_once(store: Store) -> None:
    first = store.daily_backup()
    assert first is not None and first.exists()
    assert store.daily_backup() is None


def test_no_keyring_needs_passphrase(no_keyring, profile_dir: Path) -> None:
    with pytest.raises(ProfileError) as info:
        open_store(profile_dir, create=True)
    assert "ZZ_PASSPHRASE" in info.value.message
    assert not (profile_dir / "zz.db").exists()
    st = open_store(profile_dir, passphrase="richtig-lang", create=True)
    _add_org(st)
    st.close()
    with pytest.raises(ProfileError):
        open_store(profile_dir, passphrase="falsch")
    with pytest.raises(ProfileError):
        open_store(profile_dir)
    open_store(profile_dir, passphrase="richtig-lang").close()


def test_missing_profile(memory_keyring, tmp_path: Path) -> None:
    with pytest.raises(ProfileError):
        open_store(tmp_path / "nothing")


def test_copy_of_db_without_key_is_unreadable(store: Store, tmp_path: Path) -> None:
    _add_org(store)
    store.close()
    shutil.copy(store.db_path, tmp_path / "copy.db")
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "copy.db").execute("select * from sqlite_master").fetchall()


def test_migrations_match_models(tmp_path: Path) -> None:
    """The migrated schema equals the models (a model change without a migration fails here)."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from zz_desktop.store.base import Base
    from zz_desktop.store.migrate import alembic_config

    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "search_" not in str(d)] == []


def test_full_check_after_unclean_shutdown(store: Store, profile_dir: Path) -> None:
    for i in range(200):
        _add_org(store, f"Firma {i} " + "x" * 200)
    store.close()
    assert not list(profile_dir.glob(".open-*")), "a clean close removes its marker"
    db = profile_dir / "zz.db"
    with db.open("r+b") as fh:  # damage a page in the middle; the size stays right
        fh.seek(db.stat().st_size // 2)
        fh.write(b"\x00" * 4096)
    open_store(profile_dir).close()  # a normal start does not read every page
    (profile_dir / ".open-999999").touch()  # a process that died with the profile open
    with pytest.raises(ProfileError) as info:
        open_store(profile_dir)
    assert "beschädigt" in info.value.message


def test_revision_scan_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from zz_desktop.store.migrate import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    known, head = known_revisions()
    assert head == script.get_current_head()
    assert known == {r.revision for r in script.walk_revisions()}
