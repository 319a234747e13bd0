"""Passwords (Argon2id), device tokens (random, stored as SHA-256) and the login rate limit.

The rate-limit counters live in the database so that several hub processes share them, and they
are checked before any password hash is computed: a flood of guesses costs the hub no Argon2 work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from zz_hub.config import HubSettings
from zz_hub.models import LoginThrottle

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


# ---------------------------------------------------------------- login rate limit


def throttle_keys(username: str, address: str) -> tuple[str, str]:
    return f"user:{username.strip().lower()}"[:200], f"addr:{address}"[:200]


def login_blocked(session: Session, settings: HubSettings, username: str, address: str) -> bool:
    """True when the account or the address has used up its failures in the current window."""
    user_key, addr_key = throttle_keys(username, address)
    cutoff = utcnow() - dt.timedelta(seconds=settings.login_window_seconds)
    rows = session.execute(
        select(LoginThrottle.key, LoginThrottle.failures).where(
            LoginThrottle.key.in_([user_key, addr_key]), LoginThrottle.window_start >= cutoff
        )
    ).all()
    limits = {
        user_key: settings.login_max_failures_user,
        addr_key: settings.login_max_failures_address,
    }
    return any(failures >= limits[key] for key, failures in rows)


def record_login_failure(
    session: Session, settings: HubSettings, username: str, address: str
) -> None:
    now = utcnow()
    cutoff = now - dt.timedelta(seconds=settings.login_window_seconds)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    for key in throttle_keys(username, address):
        # Insert-if-missing then one atomic UPDATE: safe with several hub processes at once.
        session.execute(
            insert(LoginThrottle)
            .values(key=key, window_start=now, failures=0)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        expired = LoginThrottle.window_start < cutoff
        session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.key == key)
            .values(
                failures=case((expired, 1), else_=LoginThrottle.failures + 1),
                window_start=case((expired, now), else_=LoginThrottle.window_start),
            )
        )


def clear_login_failures(session: Session, username: str) -> None:
    user_key, _ = throttle_keys(username, "")
    session.execute(update(LoginThrottle).where(LoginThrottle.key == user_key).values(failures=0))
