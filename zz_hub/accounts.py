"""Account operations behind ``zz-hub admin``: list users, disable/enable, reset a password,
change a role. Each is one transaction; errors are :class:`~zz_hub.admin.AdminError`.

Disabling an account or changing its role takes effect on the next request of any of its
devices: every request checks the account (``api.deps.current_caller``). A password reset also
revokes the account's device tokens, so a leaked token stops working with the old password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from zz_hub.admin import ROLES, AdminError, centre_by_code
from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.models import Centre, Device, HubUser
from zz_hub.security import hash_password, security_log, utcnow

#: Roles that work on the records of one centre and so need one.
CENTRE_ROLES = ("advisor", "manager", "coordinator")


@dataclass
class UserLine:
    username: str
    display_name: str
    role: str
    centre_code: str | None
    active: bool
    devices: int


def list_users(db: Database) -> list[UserLine]:
    with db.read() as session:
        rows = session.execute(
            select(HubUser, Centre.code)
            .outerjoin(Centre, Centre.id == HubUser.centre_id)
            .order_by(HubUser.username)
        ).all()
        active_devices: dict[str, int] = {}
        for (user_id,) in session.execute(
            select(Device.user_id).where(Device.revoked_at.is_(None))
        ):
            active_devices[user_id] = active_devices.get(user_id, 0) + 1
    return [
        UserLine(
            u.username, u.display_name, u.role, code, bool(u.active), active_devices.get(u.id, 0)
        )
        for u, code in rows
    ]


def _user(session: Session, username: str) -> HubUser:
    user = session.scalar(select(HubUser).where(HubUser.username == username))
    if user is None:
        raise AdminError(f"no user {username}")
    return user


def set_active(db: Database, username: str, active: bool) -> None:
    with db.write() as session:
        _user(session, username).active = active
    security_log.info("account %s", "enabled" if active else "disabled")


def reset_password(db: Database, settings: HubSettings, username: str, password: str) -> int:
    """Set a new password and revoke the account's device tokens; returns how many."""
    if not password:
        raise AdminError("empty password")
    hashed = hash_password(settings, password)  # outside the write lock: it takes a while
    with db.write() as session:
        user = _user(session, username)
        user.password_hash = hashed
        result = session.execute(
            update(Device)
            .where(Device.user_id == user.id, Device.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        revoked = int(getattr(result, "rowcount", 0) or 0)
    security_log.info("password reset; revoked %d device token(s)", revoked)
    return revoked


def set_role(db: Database, username: str, role: str, centre_code: str | None = None) -> None:
    """Change an account's role (and, with ``centre_code``, its centre)."""
    if role not in ROLES:
        raise AdminError(f"unknown role {role!r}")
    with db.write() as session:
        user = _user(session, username)
        if centre_code is not None:
            centre = centre_by_code(session, centre_code)
            if centre is None:
                raise AdminError(f"no centre {centre_code}")
            user.centre_id = centre.id
        if role in CENTRE_ROLES and user.centre_id is None:
            raise AdminError(f"a {role} needs --centre")
        user.role = role
    security_log.info("role changed to %s", role)
