"""Admin operations behind ``zz-hub admin …`` and ``zz-hub demo``: centres, accounts, devices,
tombstone purge. Each is one transaction; errors are :class:`AdminError` with a one-line message."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.ids import uuid7
from zz_hub.models import AppliedOp, Centre, Device, HubUser, LoginThrottle, SyncRow
from zz_hub.security import hash_password, security_log, utcnow
from zz_hub.seq import raise_purged_up_to

CENTRE_KINDS = ("regional", "self_employed", "coordination")
ROLES = ("advisor", "manager", "coordinator", "admin")


class AdminError(Exception):
    pass


def create_centre(db: Database, code: str, name: str, state: str, kind: str) -> Centre:
    if kind not in CENTRE_KINDS:
        raise AdminError(f"unknown centre kind {kind!r}")
    if len(state) != 2 or not state.isalpha():
        raise AdminError("state must be a two-letter code such as ST")
    with db.write() as session:
        if session.scalar(select(Centre).where(Centre.code == code)) is not None:
            raise AdminError(f"centre {code} exists already")
        centre = Centre(id=uuid7(), code=code, name=name, state=state.upper(), kind=kind)
        session.add(centre)
    return centre


def add_user(
    db: Database,
    settings: HubSettings,
    username: str,
    centre_code: str | None,
    role: str,
    password: str,
    display_name: str | None = None,
    partner: str | None = None,
) -> HubUser:
    if role not in ROLES:
        raise AdminError(f"unknown role {role!r}")
    if not password:
        raise AdminError("empty password")
    if role in ("advisor", "manager", "coordinator") and not centre_code:
        raise AdminError(f"a {role} needs --centre")
    hashed = hash_password(settings, password)  # outside the write lock: it takes a while
    with db.write() as session:
        if session.scalar(select(HubUser).where(HubUser.username == username)) is not None:
            raise AdminError(f"user {username} exists already")
        centre_id = None
        if centre_code:
            centre = session.scalar(select(Centre).where(Centre.code == centre_code))
            # The programme's reserved centre (tenancy.PROGRAMME) holds rows, never accounts.
            if centre is None or centre.kind == "programme":
                raise AdminError(f"no centre {centre_code}")
            centre_id = centre.id
        user = HubUser(
            id=uuid7(),
            username=username,
            display_name=display_name or username,
            role=role,
            centre_id=centre_id,
            partner_institution=partner,
            password_hash=hashed,
            active=True,
            created_at=utcnow(),
        )
        session.add(user)
    return user


def revoke(db: Database, *, username: str | None = None, device_id: str | None = None) -> int:
    """Revoke the tokens of one device or of every device of a user; returns how many."""
    now = utcnow()
    with db.write() as session:
        query = update(Device).where(Device.revoked_at.is_(None))
        if device_id is not None:
            if session.get(Device, device_id) is None:
                raise AdminError(f"no device {device_id}")
            query = query.where(Device.id == device_id)
        elif username is not None:
            user = session.scalar(select(HubUser).where(HubUser.username == username))
            if user is None:
                raise AdminError(f"no user {username}")
            query = query.where(Device.user_id == user.id)
        else:
            raise AdminError("name a user or a device")
        count = _rowcount(session.execute(query.values(revoked_at=now)))
    security_log.info("revoked %d device token(s)", count)
    return count


@dataclass
class DeviceLine:
    id: str
    username: str
    name: str
    created_at: dt.datetime
    last_seen_at: dt.datetime | None
    revoked_at: dt.datetime | None
    client_version: str | None = None
    centre_code: str | None = None


def list_devices(db: Database, centre_code: str | None = None) -> list[DeviceLine]:
    """Devices with their user (and the user's centre), optionally of one centre only."""
    with db.read() as session:
        query = (
            select(Device, HubUser.username, Centre.code)
            .join(HubUser, HubUser.id == Device.user_id)
            .outerjoin(Centre, Centre.id == HubUser.centre_id)
            .order_by(Centre.code, HubUser.username, Device.created_at)
        )
        if centre_code is not None:
            if centre_by_code(session, centre_code) is None:
                raise AdminError(f"no centre {centre_code}")
            query = query.where(Centre.code == centre_code)
        rows = session.execute(query).all()
    return [
        DeviceLine(
            d.id, name, d.name, d.created_at, d.last_seen_at, d.revoked_at, d.client_version, code
        )
        for d, name, code in rows
    ]


def purge_tombstones(db: Database, older_than_days: int) -> int:
    """Delete tombstones (and idempotency records) older than the horizon; returns rows purged.

    Cursors older than the newest purged tombstone then get 410 Gone: they may have missed it.
    """
    cutoff = utcnow() - dt.timedelta(days=older_than_days)
    with db.write() as session:
        old = (SyncRow.deleted.is_(True)) & (SyncRow.changed_at <= cutoff)
        newest = session.execute(
            select(SyncRow.centre_id, func.max(SyncRow.server_seq))
            .where(old)
            .group_by(SyncRow.centre_id)
            .order_by(SyncRow.centre_id)
        ).all()
        # Each centre's horizon under its counter's lock, in one order (no deadlock).
        for centre_id, seq in newest:
            raise_purged_up_to(session, centre_id, int(seq))
        count = _rowcount(session.execute(delete(SyncRow).where(old)))
        session.execute(delete(AppliedOp).where(AppliedOp.applied_at <= cutoff))
        session.execute(delete(LoginThrottle).where(LoginThrottle.window_start <= cutoff))
    return count


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def centre_by_code(session: Session, code: str) -> Centre | None:
    return session.scalar(select(Centre).where(Centre.code == code))
