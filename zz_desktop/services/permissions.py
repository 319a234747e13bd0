"""The role of the person using this profile and checks against the roles table
(domain.roles), for the GUI and the CLI.

The role is the one the hub reported at login. A profile that was never logged in to a hub is a
single user's own database: that user is the controller of the data and has the manager's rights
(there is nobody else who could erase or review); the hub checks again once the profile syncs.

The checks sit in the services that both the GUI and the CLI call (records, reports, import,
merge, export, backups, conflicts, privacy), so that neither front end can go around them; the
GUI additionally hides what the role may not do (``ui.role_gate``)."""

from __future__ import annotations

from collections.abc import Iterable

from zz_desktop.domain import roles
from zz_desktop.errors import NotAllowed
from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.sync import state

__all__ = ["NotAllowed", "allowed", "current_role", "may_resolve", "require", "require_report"]


def current_role(store: Store) -> str:
    return roles.effective_role(state.get(store, state.ROLE), state.get(store, state.HUB_URL))


def allowed(store: Store, action: str) -> bool:
    return roles.may(current_role(store), action)


def allowed_actions(store: Store) -> frozenset[str]:
    """Every action the current role may take (one look-up for a whole screen)."""
    return roles.PERMISSIONS.get(current_role(store), frozenset())


def require(store: Store, action: str) -> None:
    """Raise :class:`NotAllowed` with the reason when the current role may not take ``action``."""
    role = current_role(store)
    if not roles.may(role, action):
        raise NotAllowed(roles.refusal(role, action))


def require_report(store: Store, kind: str) -> None:
    action = roles.REPORT_ACTIONS.get(kind)
    if action is not None:
        require(store, action)


def may_resolve(store: Store, authors: Iterable[str | None]) -> bool:
    """A manager resolves any conflict; an advisor those where one of the two edits is theirs."""
    actions = allowed_actions(store)
    if roles.RESOLVE_ANY_CONFLICT in actions:
        return True
    return roles.RESOLVE_OWN_CONFLICT in actions and store.actor.user_id in set(authors)


def require_resolve(store: Store, authors: Iterable[str | None]) -> None:
    if may_resolve(store, authors):
        return
    role = current_role(store)
    if roles.RESOLVE_OWN_CONFLICT in roles.PERMISSIONS.get(role, frozenset()):
        raise NotAllowed(
            t(
                "Your role ({role}) may resolve only conflicts about your own edits; "
                "this one needs the role: {allowed}.",
                role=roles.role_label(role),
                allowed=roles.role_label(roles.MANAGER),
            )
        )
    raise NotAllowed(roles.refusal(role, roles.RESOLVE_OWN_CONFLICT))
