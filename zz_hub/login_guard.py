"""The login rate limit: an attempt is reserved in the database *before* any Argon2 work.

Three counters per attempt, each a row of ``login_throttle`` in a fixed window
(``login_window_seconds``), shared by every hub process because they live in the database:

- ``pair:<account>|<address>`` — the lockout. ``login_max_failures_user`` failures of one account
  from one address lock that pair only, so an attacker elsewhere cannot lock the user out.
- ``addr:<address>`` — ``login_max_failures_address`` failures from one address across accounts
  (password spraying).
- ``user:<account>`` — the slower global backoff: after ``login_global_free_failures`` failures
  of an account from anywhere, the account admits one attempt per backoff interval (doubling
  from ``login_global_backoff_seconds`` up to ``login_global_backoff_max_seconds``). A
  distributed guesser gets a handful of guesses a minute; the real user waits seconds, never a
  window.

:func:`reserve` runs in its own short write transaction: it locks the three rows (``FOR UPDATE``
on PostgreSQL, the ``BEGIN IMMEDIATE`` write lock on SQLite), decides, and counts the attempt as a
failure before the caller computes a hash. So N parallel guesses can never get more than the
limit through to Argon2: the count is taken and checked in one step. A successful login then
gives the reservation back (:func:`succeeded`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from zz_hub.config import HubSettings
from zz_hub.models import LoginThrottle
from zz_hub.security import utcnow


@dataclass(frozen=True)
class Keys:
    pair: str
    address: str
    account: str

    def all(self) -> list[str]:
        # Sorted: every transaction locks the rows in the same order (no deadlock).
        return sorted({self.pair, self.address, self.account})


def keys_for(username: str, address: str) -> Keys:
    account = username.strip().lower()
    return Keys(
        pair=f"pair:{account}|{address}"[:200],
        address=f"addr:{address}"[:200],
        account=f"user:{account}"[:200],
    )


@dataclass(frozen=True)
class Decision:
    allowed: bool
    #: Seconds until a new attempt may succeed (for Retry-After); 0 when allowed.
    retry_after: int = 0


def _locked_rows(session: Session, keys: list[str], now: dt.datetime) -> dict[str, LoginThrottle]:
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(LoginThrottle)
        .values([{"key": key, "window_start": now, "failures": 0} for key in keys])
        .on_conflict_do_nothing(index_elements=["key"])
    )
    rows = session.scalars(
        select(LoginThrottle)
        .where(LoginThrottle.key.in_(keys))
        .order_by(LoginThrottle.key)
        .with_for_update()
    ).all()
    return {row.key: row for row in rows}


def _backoff(settings: HubSettings, failures: int) -> float:
    """Seconds to the next admitted attempt after ``failures`` failures beyond the free ones."""
    steps = max(0, failures - settings.login_global_free_failures - 1)
    return float(
        min(
            settings.login_global_backoff_max_seconds,
            settings.login_global_backoff_seconds * 2 ** min(steps, 30),
        )
    )


def reserve(session: Session, settings: HubSettings, username: str, address: str) -> Decision:
    """Decide on one attempt and, when it may go on, count it as a failure (in ``session``'s
    write transaction, committed by the caller before any hash is computed)."""
    now = utcnow()
    window = dt.timedelta(seconds=settings.login_window_seconds)
    keys = keys_for(username, address)
    rows = _locked_rows(session, keys.all(), now)
    for row in rows.values():
        if row.window_start < now - window:
            row.window_start, row.failures, row.next_allowed_at = now, 0, None
    waits: list[float] = []
    limits = {
        keys.pair: settings.login_max_failures_user,
        keys.address: settings.login_max_failures_address,
    }
    for key, limit in limits.items():
        row = rows[key]
        if row.failures >= limit:
            waits.append((row.window_start + window - now).total_seconds())
    account = rows[keys.account]
    if account.next_allowed_at is not None and account.next_allowed_at > now:
        waits.append((account.next_allowed_at - now).total_seconds())
    if waits:
        return Decision(False, max(1, math.ceil(max(waits))))
    for row in rows.values():
        row.failures += 1
    if account.failures > settings.login_global_free_failures:
        account.next_allowed_at = now + dt.timedelta(seconds=_backoff(settings, account.failures))
    return Decision(True)


def succeeded(session: Session, username: str, address: str) -> None:
    """The password was right: clear the pair's lockout and give back the reserved count."""
    keys = keys_for(username, address)
    for row in session.scalars(
        select(LoginThrottle)
        .where(LoginThrottle.key.in_(keys.all()))
        .order_by(LoginThrottle.key)
        .with_for_update()
    ):
        row.failures = 0 if row.key == keys.pair else max(0, row.failures - 1)
