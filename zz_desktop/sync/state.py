"""Device-local sync bookkeeping in ``sync_state`` (cursor, hub URL, device id…) and the device
token (keyring where there is one, otherwise inside the encrypted database)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from zz_desktop.store import keys
from zz_desktop.store.database import Store

TOKEN_SECRET = "hub-token"
TOKEN_KEY = "token"  # sync_state key used where no keyring exists

CURSOR = "cursor"
HUB_URL = "hub_url"
DEVICE_ID = "device_id"
USER_ID = "user_id"
USERNAME = "username"
CENTRE_ID = "centre_id"
ROLE = "role"
LAST_SYNC = "last_sync"
LAST_ERROR = "last_error"
LAST_REPORT = "last_report"
RESYNC = "resync"  # "1" while a fresh snapshot after 410 is running
CHECK_CACHE = "check_cache"
RESTORED = "restored"  # "1" from a restore of this device's backup until its next full pull
INSECURE_HTTP = "insecure_http"  # "1": the user allowed an http:// hub outside loopback
EPOCH = "hub_epoch"  # the hub instance whose sequence numbers our cursor and rows refer to

_UPSERT = (
    "INSERT INTO sync_state (key, value) VALUES (:k, :v) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


def get(store: Store, key: str) -> str | None:
    with store.read() as session:
        return (
            session.connection()
            .execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": key})
            .scalar()
        )


def get_in(conn: Connection, key: str) -> str | None:
    return conn.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": key}).scalar()


def set_in(conn: Connection, key: str, value: Any) -> None:
    if value is None:
        conn.execute(text("DELETE FROM sync_state WHERE key = :k"), {"k": key})
    else:
        conn.execute(text(_UPSERT), {"k": key, "v": str(value)})


def put(store: Store, **values: Any) -> None:
    with store.write(remote=True) as session:
        conn = session.connection()
        for key, value in values.items():
            set_in(conn, key, value)


def cursor(store: Store) -> int:
    return int(get(store, CURSOR) or 0)


# -- the device token ------------------------------------------------------------------------


def save_token(store: Store, token: str) -> None:
    if keys.store_secret(store.meta.profile_id, TOKEN_SECRET, token):
        put(store, **{TOKEN_KEY: None})
    else:
        put(store, **{TOKEN_KEY: token})


def read_token(store: Store) -> str | None:
    token = keys.read_secret(store.meta.profile_id, TOKEN_SECRET)
    return token or get(store, TOKEN_KEY)


def delete_token(store: Store) -> None:
    keys.delete_secret(store.meta.profile_id, TOKEN_SECRET)
    put(store, **{TOKEN_KEY: None})
