"""The role of the person using this profile and checks against the roles table
(domain.roles), for the GUI and the CLI.

The role is the one the hub reported at login. A profile that was never logged in to a hub is a
single user's own database: that user is the controller of the data and has the manager's rights
(there is nobody else who could erase or review); the hub checks again once the profile syncs."""

from __future__ import annotations

from zz_desktop.domain import roles
from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.sync import state


class NotAllowed(UserError):
    exit_code = 3


def current_role(store: Store) -> str:
    role = state.get(store, state.ROLE)
    if role:
        return role
    if state.get(store, state.HUB_URL):
        return roles.ADVISOR  # logged in once, role unknown: the least rights
    return roles.MANAGER


def allowed(store: Store, action: str) -> bool:
    return roles.may(current_role(store), action)


def require(store: Store, action: str) -> None:
    """Raise :class:`NotAllowed` with the reason when the current role may not take ``action``."""
    role = current_role(store)
    if roles.may(role, action):
        return
    raise NotAllowed(
        t(
            "Your role ({role}) may not do this; it needs the role: {allowed}.",
            role=role,
            allowed=", ".join(roles.roles_allowed(action)) or "-",
        )
    )
