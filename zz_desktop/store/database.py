"""The open profile database: engine, sessions for reading and writing, backups."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from zz_desktop.errors import ProfileError
from zz_desktop.i18n import t
from zz_desktop.store import backup as backup_mod
from zz_desktop.store import capture, migrate
from zz_desktop.store.capture import Actor
from zz_desktop.store.engine import check_opens, make_engine
from zz_desktop.store.models import Setting
from zz_desktop.store.profile import (
    ProfileMeta,
    create_profile,
    db_path,
    profile_exists,
    resolve_key,
)

DEFAULT_BACKUP_DAYS = 14


#: File in the profile folder: the database was restored from a backup and not synced since.
RESTORED_MARKER = ".restored-from-backup"


class Store:
    """One open profile. Reads use :meth:`read`; every write goes through :meth:`write`, one
    transaction that also writes the outbox, the audit trail and the search index."""

    def __init__(self, profile_dir: Path, meta: ProfileMeta, key_hex: str, engine: Engine):
        self.profile_dir = profile_dir
        self.meta = meta
        self._key = key_hex
        self.engine = engine
        self._read_factory = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_factory = sessionmaker(
            bind=engine.execution_options(immediate=True), expire_on_commit=False
        )
        capture.install(self._write_factory)
        self.actor = Actor(None, None)
        self.last_migration_backup: str | None = None

    # -- sessions -----------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_factory() as session:
            yield session

    @contextmanager
    def write(self, actor: Actor | None = None, remote: bool = False) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        session = self._write_factory()
        session.info["actor"] = actor or self.actor
        session.info["remote"] = remote
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    # -- settings (device-local, non-secret) ----------------------------------------------------

    def get_setting(self, key: str, default: object = None) -> object:
        with self.read() as s:
            row = s.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: object) -> None:
        with self.write() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value

    # -- backups ------------------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        return db_path(self.profile_dir)

    @property
    def backup_dir(self) -> Path:
        return self.profile_dir / "backups"

    def backup(self, reason: str = "manual", target: Path | None = None) -> Path:
        if target is None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            target = self.backup_dir / f"zz-{stamp}-{reason}{backup_mod.BACKUP_SUFFIX}"
        return backup_mod.export_copy(self.db_path, self._key, target)

    def daily_backup(self) -> Path | None:
        """Make today's automatic backup if there is none yet and prune old ones."""
        today = dt.date.today().strftime("%Y%m%d")
        if any(self.backup_dir.glob(f"zz-{today}-*-daily{backup_mod.BACKUP_SUFFIX}")):
            return None
        made = self.backup("daily")
        days = self.get_setting("backup.keep_days", DEFAULT_BACKUP_DAYS)
        backup_mod.prune(self.backup_dir, int(days))  # type: ignore[call-overload]
        return made

    def restore(self, source: Path) -> Path:
        """Replace the database by ``source``; the store must be reopened afterwards.

        The marker tells the next sync round that this device's data went back in time: its
        pending ops are sent strict until it has pulled (sync/engine.py)."""
        self.engine.dispose()
        replaced = backup_mod.replace_database(self.db_path, self._key, source)
        (self.profile_dir / RESTORED_MARKER).touch()
        return replaced

    def mark_open(self) -> None:
        self._marker = self.profile_dir / f".open-{os.getpid()}"
        self._marker.touch()

    def close(self) -> None:
        # Keep the planner's statistics fresh (cheap: only tables that changed a lot).
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        except Exception:  # noqa: BLE001  (closing must never fail on housekeeping)
            pass
        self.engine.dispose()
        marker = getattr(self, "_marker", None)
        if marker is not None:
            marker.unlink(missing_ok=True)

    def local_identity(self) -> Actor:
        with self.read() as s:
            user = s.scalar(select(Setting.value).where(Setting.key == "identity.user_id"))
            centre = s.scalar(select(Setting.value).where(Setting.key == "identity.centre_id"))
        return Actor(user, centre)


def open_store(
    profile_dir: Path,
    passphrase: str | None = None,
    create: bool = False,
    target_revision: str = "head",
) -> Store:
    """Open (or create) the profile in ``profile_dir``, migrating it after a backup."""
    profile_dir = Path(profile_dir)
    meta = ProfileMeta.load(profile_dir)
    if meta is None:
        if not create:
            raise ProfileError(
                t(
                    "There is no profile in {path}. Create one with 'zz-desktop demo' or by "
                    "starting the app.",
                    path=profile_dir,
                )
            )
        meta, key = create_profile(profile_dir, passphrase)
    else:
        key = resolve_key(meta, passphrase)
        if not db_path(profile_dir).exists():
            raise ProfileError(
                t("The profile database {path} is missing.", path=db_path(profile_dir))
            )
    engine = make_engine(db_path(profile_dir), key)
    try:
        check_opens(engine, db_path(profile_dir), thorough=_unclean_shutdown(profile_dir))
        store = Store(profile_dir, meta, key, engine)
        store.last_migration_backup = migrate.migrate(
            engine, lambda reason: store.backup(reason), target_revision
        )
    except Exception:
        engine.dispose()
        raise
    store.actor = store.local_identity()
    store.mark_open()
    return store


def _unclean_shutdown(profile_dir: Path) -> bool:
    """True when a process that had this profile open ended without closing it (its marker
    file remains and the process is gone): then the database gets a full quick check."""
    unclean = False
    for marker in profile_dir.glob(".open-*"):
        try:
            pid = int(marker.name.split("-", 1)[1])
        except ValueError:
            continue
        if pid != os.getpid() and not _alive(pid):
            unclean = True
            marker.unlink(missing_ok=True)
    return unclean


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["Store", "open_store", "profile_exists", "Actor"]
