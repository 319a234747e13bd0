"""Passwords (Argon2id) and device tokens (random, stored as SHA-256).

The login rate limit is ``zz_hub.login_guard``; token expiry and rotation ``zz_hub.device_tokens``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from zz_hub.config import HubSettings

#: Security events (logins, failures, revocations) — never a password, token or personal datum.
security_log = logging.getLogger("zz_hub.security")


def utcnow() -> dt.datetime:
    """Naive UTC with millisecond precision (as the desktop stores times)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return now.replace(microsecond=(now.microsecond // 1000) * 1000)


def server_now() -> dt.datetime:
    """Timezone-aware UTC for ``server_time`` fields (clients compare it with their clock)."""
    return dt.datetime.now(dt.UTC)


def password_hasher(settings: HubSettings) -> PasswordHasher:
    return PasswordHasher(
        time_cost=settings.argon2_time_cost, memory_cost=settings.argon2_memory_kib
    )


def hash_password(settings: HubSettings, password: str) -> str:
    return password_hasher(settings).hash(password)


def verify_password(settings: HubSettings, stored_hash: str, password: str) -> bool:
    try:
        return password_hasher(settings).verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy_hashes: dict[tuple[int, int], str] = {}


def burn_equal_time(settings: HubSettings, password: str) -> None:
    """Verify against a dummy hash so that an unknown user costs as much as a wrong password."""
    key = (settings.argon2_time_cost, settings.argon2_memory_kib)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = hash_password(settings, secrets.token_urlsafe(16))
    verify_password(settings, _dummy_hashes[key], password)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
