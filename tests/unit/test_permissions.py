"""Issue 13: the roles table is enforced on the desktop (domain.roles, services.permissions)."""

from __future__ import annotations

import pytest

from zz_desktop.domain import roles
from zz_desktop.services import permissions
from zz_desktop.store.database import Store
from zz_desktop.sync import state


def test_roles_table() -> None:
    assert roles.may("manager", roles.ERASE_PERSON)
    assert not roles.may("advisor", roles.ERASE_PERSON)
    assert roles.may("advisor", roles.MANAGE_CONSENT) and roles.may("advisor", roles.EDIT_RECORDS)
    assert not roles.may("coordinator", roles.PRIVACY_ACCESS)
    assert not roles.may("admin", roles.EDIT_RECORDS)
    assert not roles.may(None, roles.EDIT_RECORDS)
    assert roles.roles_allowed(roles.ERASE_PERSON) == ["manager"]


def test_role_from_login_is_enforced(store: Store) -> None:
    assert permissions.current_role(store) == "manager"  # never logged in: the data's owner
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: "advisor"})
    assert permissions.current_role(store) == "advisor"
    assert not permissions.allowed(store, roles.ERASE_PERSON)
    with pytest.raises(permissions.NotAllowed) as err:
        permissions.require(store, roles.ERASE_PERSON)
    assert "manager" in err.value.message and err.value.exit_code == 3
    state.put(store, **{state.ROLE: "manager"})
    permissions.require(store, roles.ERASE_PERSON)
