"""A profile is a folder: ``profile.json`` (no secrets: id, how the key is kept, KDF salt), the
encrypted database ``zz.db`` and ``backups/``. This module finds the key and opens the store."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from zz_desktop import __version__
from zz_desktop.errors import ProfileError
from zz_desktop.i18n import t
from zz_desktop.store import keys

META_FILE = "profile.json"
DB_FILE = "zz.db"
KeyStorage = Literal["keyring", "passphrase"]
#: Shortest passphrase accepted for a new profile without keyring (existing profiles still open).
MIN_PASSPHRASE_LENGTH = 10


@dataclass
class ProfileMeta:
    profile_id: str
    key_storage: KeyStorage
    salt: str | None
    created_at: str
    created_with: str

    @classmethod
    def load(cls, profile_dir: Path) -> ProfileMeta | None:
        path = profile_dir / META_FILE
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except (ValueError, TypeError):
            raise ProfileError(t("The profile description {path} is damaged.", path=path)) from None

    def save(self, profile_dir: Path) -> None:
        profile_dir.mkdir(parents=True, exist_ok=True)
        tmp = profile_dir / (META_FILE + ".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(profile_dir / META_FILE)


def db_path(profile_dir: Path) -> Path:
    return profile_dir / DB_FILE


def profile_exists(profile_dir: Path) -> bool:
    return (profile_dir / META_FILE).exists()


def create_profile(profile_dir: Path, passphrase: str | None) -> tuple[ProfileMeta, str]:
    """Make a new profile and its key: in the keyring when there is one, else from the
    passphrase; with neither, refuse (never a plaintext database)."""
    if profile_exists(profile_dir):
        raise ProfileError(t("A profile already exists in {path}.", path=profile_dir))
    profile_id = str(uuid.uuid4())
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if keys.keyring_available():
        key = keys.new_raw_key()
        keys.store_key_in_keyring(profile_id, key)
        meta = ProfileMeta(profile_id, "keyring", None, now, __version__)
    elif passphrase:
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            # The key file can be attacked offline with a copy of the profile: scrypt slows a
            # guesser, only length stops one.
            raise ProfileError(
                t(
                    "The passphrase must have at least {n} characters.",
                    n=MIN_PASSPHRASE_LENGTH,
                )
            )
        salt = keys.new_salt()
        key = keys.key_from_passphrase(passphrase, salt)
        meta = ProfileMeta(profile_id, "passphrase", salt, now, __version__)
    else:
        raise ProfileError(no_keyring_message())
    meta.save(profile_dir)
    return meta, key


def no_keyring_message() -> str:
    return t(
        "No system keyring is available, so the database key cannot be stored safely. "
        "Set a passphrase with ZZ_PASSPHRASE or --passphrase-stdin."
    )


def resolve_key(meta: ProfileMeta, passphrase: str | None) -> str:
    if meta.key_storage == "keyring":
        return keys.key_from_keyring(meta.profile_id)
    if not passphrase:
        raise ProfileError(
            t(
                "This profile is protected by a passphrase. Set ZZ_PASSPHRASE or use "
                "--passphrase-stdin."
            )
        )
    assert meta.salt is not None
    return keys.key_from_passphrase(passphrase, meta.salt)
