"""Profiles as the GUI sees them: finding the profile folders, whether opening one needs a
passphrase, opening it, and the profile's backup setting. The store owns the folders' layout
(``profile.json``), the keys and the migration; the GUI reaches them only through here."""

from __future__ import annotations

from pathlib import Path

from zz_desktop.store.database import DEFAULT_BACKUP_DAYS, Store, open_store
from zz_desktop.store.keys import keyring_available
from zz_desktop.store.profile import META_FILE, ProfileMeta

#: Profile setting: days that automatic backups are kept.
KEEP_DAYS_SETTING = "backup.keep_days"


def find_profiles(root: Path) -> list[Path]:
    """The profile folders directly under ``root`` (sorted by name)."""
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if (p / META_FILE).is_file()), key=lambda p: p.name)


def passphrase_needed(profile: Path) -> tuple[bool, bool]:
    """``(needed, new)``: whether opening ``profile`` needs a passphrase (an existing profile
    protected by one, or a new profile on a system without a keyring), and whether the profile
    is still to be created. Raises ProfileError when its description is damaged."""
    meta = ProfileMeta.load(profile)
    if meta is None:
        return not keyring_available(), True
    return meta.key_storage == "passphrase", False


def open_profile(profile: Path, passphrase: str | None) -> Store:
    """Open ``profile``, creating it when it does not exist yet (migrating after a backup)."""
    return open_store(profile, passphrase=passphrase, create=True)


def backup_keep_days(store: Store) -> int:
    return int(store.get_setting(KEEP_DAYS_SETTING, DEFAULT_BACKUP_DAYS))  # type: ignore[call-overload]


def set_backup_keep_days(store: Store, days: int) -> None:
    store.set_setting(KEEP_DAYS_SETTING, days)
