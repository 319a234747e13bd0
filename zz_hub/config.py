"""Hub settings, each declared once with type and default (pydantic-settings, env prefix ZZ_HUB_).

No secret lives here: the hub has no signing key (device tokens are random and stored hashed), and
database passwords belong in the URL given by the environment, never in a config file in git.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    """The embedded SQLite file in the platform data dir (created on first use)."""
    data_dir = Path(platformdirs.user_data_dir("zz-hub"))
    return f"sqlite:///{data_dir / 'hub.sqlite3'}"


class HubSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZZ_HUB_", extra="ignore")

    database: str = Field(default_factory=default_database_url)
    #: Deleted rows are kept at least this long so that offline devices learn of the deletion.
    tombstone_days: int = 180
    #: Aggregate cells with fewer consultations than this are suppressed.
    aggregate_threshold: int = 5
    #: Accepted ranges of X-Sync-Protocol and X-Sync-Schema (inclusive).
    protocol_min: int = 1
    protocol_max: int = 1
    schema_min: int = 1
    schema_max: int = 1
    max_body_bytes: int = 5 * 1024 * 1024
    max_ops_per_push: int = 1000
    max_pull_limit: int = 500
    #: gzip level of answers over 1 KB (1–9). 1, as nginx: a 500-row pull page costs half the
    #: CPU of level 5 for ~25 % more bytes, and the hub's CPU is what many devices share.
    gzip_level: int = Field(default=1, ge=1, le=9)
    #: Push transactions running at once per hub process; more pushes wait for a turn without
    #: holding a thread or a database connection (on SQLite writes run one at a time anyway).
    write_concurrency: int = 4
    #: Most ops of the pushes of one centre that, waiting together in a hub process, are
    #: applied in one transaction (group commit, zz_hub/push_queue.py); 0 applies every push
    #: in a transaction of its own.
    push_group_ops: int = Field(default=1000, ge=0)
    #: Worker threads per hub process; the database pool has as many connections.
    threads: int = 32
    #: A push waits at most this long for its turn. Deliberately longer than the desktop
    #: client's 30 s request timeout: a queued push the client gave up on still completes once,
    #: and the client's retry gets its stored results, instead of being shed and queued again.
    write_wait_seconds: float = 60.0
    #: A request that gets no connection or lock within this many seconds (no turn within
    #: write_wait_seconds) is answered 503 with Retry-After (the client retries), instead of
    #: piling up.
    busy_timeout_seconds: float = 15.0
    #: Retry-After of a 503 answer.
    retry_after_seconds: int = 2
    #: Failed logins allowed per (account, address) pair — the lockout — and per client address
    #: across accounts, within the window (zz_hub/login_guard.py).
    login_max_failures_user: int = 5
    login_max_failures_address: int = 20
    login_window_seconds: int = 900
    #: An account's failures from anywhere before its global backoff starts: then one attempt
    #: per backoff interval, doubling from the first value up to the second (never a lockout).
    login_global_free_failures: int = 20
    login_global_backoff_seconds: float = 2.0
    login_global_backoff_max_seconds: float = 60.0
    #: A device token not used for this long stops working (the user logs in again).
    token_idle_days: float = 30.0
    #: A device token older than this is replaced by a new one in the next answer
    #: (``X-Device-Token``; the old one keeps working until the new one is first used).
    token_rotate_hours: float = 24.0
    #: A device's last-seen time is written at most this often (a write per request is too dear).
    last_seen_interval_seconds: int = 600
    #: Argon2id cost (argon2-cffi defaults: 3 passes over 64 MiB).
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    #: Serve Prometheus metrics at /metrics (unauthenticated: expose it to the scraper only).
    metrics: bool = False
    #: Log lines as plain text or as one JSON object per line.
    log_format: str = "text"
    #: Largest file of the Wissenspool, and all files of one centre (or the programme) together.
    max_blob_bytes: int = 100 * 1024 * 1024
    blob_quota_bytes: int = 5 * 1024 * 1024 * 1024
    #: An upload not completed within this many hours is removed at the next hub start.
    blob_upload_hours: int = 48
    #: Name of the coordinating centre shown in reports (configuration, not code).
    coordination_name: str = "Zentrum Zukunft der Arbeitswelt"
