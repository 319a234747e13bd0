"""Encrypted backups of the profile database (``sqlcipher_export`` into a file keyed like the
profile) and their restore; automatic backups before migrations and once a day."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import sqlcipher3

from zz_desktop.errors import ProfileError, UserError
from zz_desktop.files import make_private
from zz_desktop.i18n import t
from zz_desktop.store.keys import raw_key_literal

BACKUP_SUFFIX = ".zzbak"


def _connect(path: Path, key_hex: str) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{raw_key_literal(key_hex)}"')
    return conn


def export_copy(db_path: Path, key_hex: str, target: Path) -> Path:
    """Write an encrypted, consistent copy of the database to ``target`` (atomic rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    conn = _connect(db_path, key_hex)
    try:
        literal = raw_key_literal(key_hex)
        conn.execute(f'ATTACH DATABASE ? AS backup KEY "{literal}"', (str(tmp),))
        conn.execute("SELECT sqlcipher_export('backup')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA backup.user_version = {int(version)}")
        conn.execute("DETACH DATABASE backup")
    except sqlcipher3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(t("The backup could not be written: {error}", error=exc)) from None
    finally:
        conn.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    make_private(tmp)  # an encrypted backup is still personal data: owner only
    tmp.replace(target)
    return target


def verify(path: Path, key_hex: str) -> None:
    """Raise unless ``path`` is a database readable with the key and passes a quick check."""
    if not path.is_file():
        raise UserError(t("Backup file not found: {path}", path=path))
    conn = _connect(path, key_hex)
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        conn.execute("SELECT count(*) FROM alembic_version").fetchone()
    except sqlcipher3.DatabaseError:
        raise ProfileError(
            t("The backup cannot be read with this profile's key or is damaged: {path}", path=path)
        ) from None
    finally:
        conn.close()
    if ok != "ok":
        raise ProfileError(t("The backup is damaged: {path}", path=path))


def replace_database(db_path: Path, key_hex: str, source: Path) -> Path:
    """Put ``source`` in place of the database; the current file is kept beside it first."""
    verify(source, key_hex)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    if db_path.exists():
        # Checkpoint the WAL into the main file so that the copy kept aside is complete.
        conn = _connect(db_path, key_hex)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.DatabaseError:
            pass
        finally:
            conn.close()
        shutil.copy2(db_path, aside)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copy2(source, tmp)
    tmp.replace(db_path)
    return aside


def prune(backup_dir: Path, keep_days: int, now: dt.datetime | None = None) -> list[Path]:
    """Delete automatic backups older than ``keep_days`` (always keeping the newest one)."""
    if not backup_dir.is_dir():
        return []
    now = now or dt.datetime.now()
    files = sorted(backup_dir.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime)
    removed = []
    for path in files[:-1]:
        age = now - dt.datetime.fromtimestamp(path.stat().st_mtime)
        if age > dt.timedelta(days=keep_days):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
