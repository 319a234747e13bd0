"""The profile's database key: a random 256-bit key in the OS keyring, or — where no keyring
backend exists — a key derived from a passphrase with scrypt (never a plaintext fallback)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets

import keyring
import keyring.errors
from keyring.backends import fail

from zz_desktop.errors import ProfileError
from zz_desktop.i18n import t

KEYRING_SERVICE = "zz-desktop"
#: scrypt cost: about 0.1 s here — slow for an attacker, once per session for the user.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1


def keyring_available() -> bool:
    """True when a real keyring backend (Secret Service, Windows, macOS…) is configured."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    try:
        return float(backend.priority) > 0  # type: ignore[attr-defined]
    except Exception:
        return False


def _account(profile_id: str) -> str:
    return f"profile-key:{profile_id}"


def new_raw_key() -> str:
    return secrets.token_hex(32)


def store_key_in_keyring(profile_id: str, key_hex: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, _account(profile_id), key_hex)
    except keyring.errors.KeyringError as exc:
        raise ProfileError(
            t("The key could not be stored in the keyring: {error}", error=exc)
        ) from None


def key_from_keyring(profile_id: str) -> str:
    if not keyring_available():
        raise ProfileError(
            t(
                "The key of this profile is kept in the system keyring, but no keyring is "
                "available in this session."
            )
        )
    try:
        value = keyring.get_password(KEYRING_SERVICE, _account(profile_id))
    except keyring.errors.KeyringError as exc:
        raise ProfileError(t("The keyring could not be read: {error}", error=exc)) from None
    if not value:
        raise ProfileError(t("The key of this profile is missing from the system keyring."))
    return value


def delete_key_from_keyring(profile_id: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _account(profile_id))


def new_salt() -> str:
    return os.urandom(16).hex()


def key_from_passphrase(passphrase: str, salt_hex: str) -> str:
    if not passphrase:
        raise ProfileError(t("The passphrase must not be empty."))
    derived = hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=128 * 1024 * 1024,
        dklen=32,
    )
    return derived.hex()


def raw_key_literal(key_hex: str) -> str:
    """SQLCipher's raw-key form: no key derivation when the database is opened."""
    return f"x'{key_hex}'"


# --- secrets other than the database key (the hub's device token) ----------------------------


def store_secret(profile_id: str, name: str, value: str) -> bool:
    """Store a secret in the keyring; False when there is none (caller keeps it in the DB)."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, f"{name}:{profile_id}", value)
    except keyring.errors.KeyringError:
        return False
    return True


def read_secret(profile_id: str, name: str) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, f"{name}:{profile_id}")
    except keyring.errors.KeyringError:
        return None


def delete_secret(profile_id: str, name: str) -> None:
    if not keyring_available():
        return
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, f"{name}:{profile_id}")
