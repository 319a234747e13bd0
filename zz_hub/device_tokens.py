"""Device tokens that expire when idle and rotate.

A token not used for ``token_idle_days`` stops working (a lost laptop left in a drawer does not
keep access for ever). A token older than ``token_rotate_hours`` is replaced: the answer to the
request that used it carries the new token in ``X-Device-Token`` (the client stores it and uses
it from then on, see ``zz_desktop/sync/transport.py``). The replaced token stays valid as
``previous_token_hash`` until the new one is first used, so an answer lost on the way never locks
a device out: a request with the previous token is accepted and answered with yet another new
token. Rotations are compare-and-set updates, so two requests racing on one device rotate once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select, update

from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.models import Device, HubUser
from zz_hub.security import new_token, security_log, token_digest, utcnow

#: Response header with a device's new token after a rotation.
TOKEN_HEADER = "X-Device-Token"


@dataclass(frozen=True)
class Found:
    device: Device
    user: HubUser
    #: The request used the token replaced by the last rotation.
    used_previous: bool


def find(database: Database, token: str) -> Found | None:
    """The device and account of a token (current or previous), or None."""
    digest = token_digest(token)
    with database.read() as session:
        row = session.execute(
            select(Device, HubUser)
            .join(HubUser, HubUser.id == Device.user_id)
            .where(or_(Device.token_hash == digest, Device.previous_token_hash == digest))
        ).first()
    if row is None:
        return None
    device, user = row
    return Found(device, user, device.token_hash != digest)


def idle_expired(settings: HubSettings, device: Device, now: dt.datetime) -> bool:
    last = device.last_seen_at or device.created_at
    return now - last > dt.timedelta(days=settings.token_idle_days)


def _due(settings: HubSettings, device: Device, now: dt.datetime) -> bool:
    issued = device.token_issued_at or device.created_at
    return now - issued > dt.timedelta(hours=settings.token_rotate_hours)


def settle(database: Database, settings: HubSettings, found: Found) -> str | None:
    """After a valid request: the new token to hand out, if any (already stored hashed).

    - current token, previous still set → the client has the new token: forget the previous;
    - current token due for rotation → rotate (the current becomes the previous);
    - previous token → the client missed the new one: issue another (the previous stays)."""
    device, now = found.device, utcnow()
    if found.used_previous:
        token = new_token()
        with database.write() as session:
            result = session.execute(
                update(Device)
                .where(Device.id == device.id, Device.token_hash == device.token_hash)
                .values(token_hash=token_digest(token), token_issued_at=now)
            )
        security_log.info("device token re-issued device_id=%s", device.id)
        return token if getattr(result, "rowcount", 0) == 1 else None
    if device.previous_token_hash is not None:
        with database.write() as session:
            session.execute(
                update(Device)
                .where(Device.id == device.id, Device.token_hash == device.token_hash)
                .values(previous_token_hash=None)
            )
        device.previous_token_hash = None
    if not _due(settings, device, now):
        return None
    token = new_token()
    with database.write() as session:
        result = session.execute(
            update(Device)
            .where(Device.id == device.id, Device.token_hash == device.token_hash)
            .values(
                token_hash=token_digest(token),
                previous_token_hash=device.token_hash,
                token_issued_at=now,
            )
        )
    if getattr(result, "rowcount", 0) != 1:
        return None  # a concurrent request of the same device rotated first
    security_log.info("device token rotated device_id=%s", device.id)
    return token
